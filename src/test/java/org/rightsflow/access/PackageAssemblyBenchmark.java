package org.rightsflow.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.rightsflow.support.DataCipher;
import org.rightsflow.support.FileStore;
import org.rightsflow.support.SealedFile;
import org.rightsflow.support.SealedFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Benchmark, not a test: assembles the access package of one web-shop customer from 1, 10 and 50 MB of source data
 * into a {@link SealedFiles} store, as {@link PackageAssembly} does (scan the tables, then write the zip through a
 * SHA-256 digest into a sealed file), and prints size, time and heap figures (docs/performance.md, "Access package
 * assembly"). Its name does not end in Test, so {@code mvn test} and {@code mvn verify} leave it out. Run it from the
 * project directory, in a JVM of its own (not inside Maven's, whose heap would blur the figures):
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) org.rightsflow.access.PackageAssemblyBenchmark
 * </pre>
 *
 * or, in one command, through the exec plugin (named in full: its prefix does not resolve offline):
 *
 * <pre>
 * mvn -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test "-Dexec.args=-cp %classpath org.rightsflow.access.PackageAssemblyBenchmark"
 * </pre>
 *
 * Add {@code -Xmx32m} before {@code -cp} to see the 50 MB package assembled in a 32 MB heap.
 *
 * System properties: {@code benchmark.store} ({@code database}, the default store, or {@code directory}; the
 * database is described at {@link #dataSource}), {@code benchmark.sizes} (MB, default {@code 1,10,50}),
 * {@code benchmark.runs} (default 5, after {@code benchmark.warmups}, default 2). Results go to the console and to target/benchmark/access-package.md.
 *
 * <p>Per size: the wall time of scan plus write (median of the measured runs), the peak heap growth (heap in use
 * sampled every 0.1 ms by a daemon thread, minus the heap in use after a full collection before the run; this
 * counts garbage not yet collected, so it depends on the collector's young generation), and the retained heap
 * growth (a full collection half-way through each pass over the source, in one extra run that is not timed).
 */
public final class PackageAssemblyBenchmark {

    private static final long MB = 1024 * 1024;
    private static final String REFERENCE = "DSR-2026-0001";

    private PackageAssemblyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "1,10,50").split(","))
                .mapToLong(size -> Long.parseLong(size.strip())).toArray();
        int runs = Integer.getInteger("benchmark.runs", 5);
        int warmups = Integer.getInteger("benchmark.warmups", 2);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path directory = Files.createTempDirectory("rightsflow-package-bench");
        String store = System.getProperty("benchmark.store", "database");
        HikariDataSource dataSource = null;
        try {
            FileStore fileStore;
            if (store.equals("directory")) {
                fileStore = FileStore.directory(directory);
            } else if (store.equals("database")) {
                dataSource = dataSource(directory);
                fileStore = FileStore.database(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
            } else {
                throw new IllegalArgumentException("benchmark.store is database or directory, not " + store);
            }
            SealedFiles files = new SealedFiles(new DataCipher("bench=" + Base64.getEncoder().encodeToString(key)),
                    Clock.systemUTC(), fileStore);
            StringBuilder report = new StringBuilder();
            report.append(machine(warmups, runs)).append('\n');
            report.append("Store: ").append(store.equals("directory") ? "directory " + directory
                    : "database " + dataSource.getJdbcUrl()).append("\n\n");
            report.append("| source data | rows: orders / lines / tickets | zip (sealed) | entries "
                    + "| wall time, median (min–max) | throughput | peak heap growth | retained heap after GC, mid-run |\n");
            report.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            System.out.print(report);
            for (long size : sizes) {
                String line = measure(ShopAnswer.ofSize(size * MB), files, warmups, runs);
                System.out.println(line);
                report.append(line).append('\n');
            }
            String end = String.format(Locale.ROOT, "%nLoad average (1, 5, 15 min) at the end: %s%n", loadAverage());
            System.out.print(end);
            report.append(end);
            Path out = Path.of("target", "benchmark", "access-package.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
            System.out.println("\nWritten to " + out.toAbsolutePath());
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * The database of {@code benchmark.db-url} (default: an H2 file database in the temporary directory, as the
     * embedded default runs, with a 4 MB page cache: H2 runs inside this JVM, and its cache, 16 MB by default, would
     * count as the assembly's heap), user {@code benchmark.db-user}, password {@code benchmark.db-password}, with the
     * stored-files tables of migration V21 created if they are missing. A pool, as the application has one: the
     * database store takes a connection per chunk it reads.
     */
    private static HikariDataSource dataSource(Path directory) throws IOException, SQLException {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getProperty("benchmark.db-url", "jdbc:h2:file:" + directory.resolve("bench") + ";CACHE_SIZE=4096"));
        dataSource.setUsername(System.getProperty("benchmark.db-user", dataSource.getJdbcUrl().startsWith("jdbc:h2")
                ? "sa" : "postgres"));
        dataSource.setPassword(System.getProperty("benchmark.db-password", ""));
        dataSource.setMaximumPoolSize(2);
        try (Connection connection = dataSource.getConnection()) {
            boolean present;
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                present = false;
                while (tables.next()) {
                    present |= tables.getString("TABLE_NAME").equalsIgnoreCase("stored_file_chunks");
                }
            }
            if (!present) {
                String script;
                try (InputStream in = PackageAssemblyBenchmark.class.getResourceAsStream("/db/migration/V21__stored_files.sql")) {
                    script = new String(in.readAllBytes(), UTF_8);
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!sql.isBlank()) {
                            statement.execute(sql);
                        }
                    }
                }
            }
        }
        return dataSource;
    }

    private static String measure(ShopAnswer answer, SealedFiles files, int warmups, int runs) throws Exception {
        PackageWriter writer = new PackageWriter();
        long sourceBytes = answer.dataBytes() + answer.attachmentBytes();
        for (int i = 0; i < warmups; i++) {
            files.delete(assemble(writer, answer, files, null).sealed().id());
        }
        long[] millis = new long[runs];
        long peakGrowth = 0;
        Assembled last = null;
        for (int i = 0; i < runs; i++) {
            long baseline = usedHeapAfterFullCollection();
            HeapSampler sampler = HeapSampler.start();
            long start = System.nanoTime();
            last = assemble(writer, answer, files, null);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            peakGrowth = Math.max(peakGrowth, sampler.stop() - baseline);
            files.delete(last.sealed().id());
        }
        // One more run, not timed: a full collection half-way through every pass over the source document.
        long baseline = usedHeapAfterFullCollection();
        long[] retained = {Long.MIN_VALUE};
        Assembled checked = assemble(writer, answer, files,
                position -> retained[0] = Math.max(retained[0], usedHeapAfterFullCollection() - baseline));
        int entriesInZip = countEntries(files, checked.sealed());
        if (entriesInZip != checked.entries()) {
            throw new IllegalStateException("the sealed zip holds " + entriesInZip + " entries, not " + checked.entries());
        }
        files.delete(checked.sealed().id());

        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        return String.format(Locale.ROOT, "| %s | %,d / %,d / %,d | %s | %d | %,d ms (%,d–%,d) | %.0f MB/s | %s | %s |",
                megabytes(sourceBytes), answer.rows("orders"), answer.rows("order_lines"),
                answer.rows("support_tickets"), megabytes(last.sealed().size()), last.entries(), median, sorted[0],
                sorted[sorted.length - 1], sourceBytes / (double) MB / (median / 1000.0),
                megabytes(peakGrowth), gcIgnored ? "n/a (System.gc() ignored)" : megabytes(retained[0]));
    }

    private record Assembled(SealedFile sealed, int entries, String sha256) {
    }

    /** What PackageSources and PackageAssembly do for one system: scan its tables, then write the zip, sealed. */
    private static Assembled assemble(PackageWriter writer, ShopAnswer answer, SealedFiles files, LongConsumer halfway)
            throws IOException {
        Map<String, TableShape> shapes;
        try (InputStream in = answer.openData()) {
            shapes = TableShape.scan(in, writer.jsonFactory());
        }
        PackageWriter.Content data = halfway == null ? answer::openData
                : () -> new Halfway(answer.openData(), answer.dataBytes() / 2, halfway);
        PackageWriter.SystemPart part = new PackageWriter.SystemPart("shop", "Web shop", data, shapes,
                List.of(new PackageWriter.Attachment(1, "letter-from-customer.pdf", answer::openAttachment)), List.of());
        MessageDigest sha256 = sha256();
        int[] entries = new int[1];
        SealedFile sealed = files.write(PackageAssembly.KIND, out -> {
            DigestOutputStream digesting = new DigestOutputStream(out, sha256);
            entries[0] = writer.write(digesting, REFERENCE, SUMMARY, List.of(part)).entries().size();
            digesting.flush();
        });
        return new Assembled(sealed, entries[0], HexFormat.of().formatHex(sha256.digest()));
    }

    private static int countEntries(SealedFiles files, SealedFile sealed) throws IOException {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(files.open(sealed.id()), UTF_8)) {
            while (zip.getNextEntry() != null) {
                zip.transferTo(OutputStream.nullOutputStream());
                entries++;
            }
        }
        return entries;
    }

    private static String machine(int warmups, int runs) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
            }
        }
        List<String> collectors = new ArrayList<>();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> collectors.add(gc.getName()));
        return String.format(Locale.ROOT, "Access package assembly, %s%n%d cores (%s), %s %s, Java %s (%s), max heap %s,"
                        + " collectors %s; %d warm-up runs then %d measured runs per size; load average (1, 5, 15 min)"
                        + " at the start: %s%n",
                Instant.now(), runtime.availableProcessors(), cpu, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), megabytes(runtime.maxMemory()), collectors, warmups, runs,
                loadAverage());
    }

    /** The machine's load average: other processes competing for its cores make every figure slower. */
    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(loadavg)) {
                String[] fields = Files.readString(loadavg).strip().split(" ");
                return fields[0] + ", " + fields[1] + ", " + fields[2];
            }
        } catch (IOException e) {
            // fall through: not important enough to fail the benchmark
        }
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private static boolean gcIgnored;

    /** Heap in use after a full collection (collections are counted to notice -XX:+DisableExplicitGC). */
    static long usedHeapAfterFullCollection() {
        long collections = collectionCount();
        System.gc();
        System.gc();
        if (collectionCount() == collections) {
            gcIgnored = true;
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long collectionCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The highest heap in use seen by a daemon thread sampling every 0.1 ms until stopped. */
    private static final class HeapSampler {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread;
        private volatile boolean running = true;
        private long peak;

        private HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    LockSupport.parkNanos(100_000);
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    /** Passes a stream through and tells, once, when {@code at} bytes have been read. */
    static final class Halfway extends InputStream {

        private final InputStream in;
        private final long at;
        private final LongConsumer reached;
        private long position;
        private boolean told;

        Halfway(InputStream in, long at, LongConsumer reached) {
            this.in = in;
            this.at = at;
            this.reached = reached;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = in.read(bytes, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) {
            position += n;
            if (!told && position >= at) {
                told = true;
                reached.accept(position);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A summary page of a realistic size (the real one is rendered by SummaryPage from the request). */
    static final String SUMMARY = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your personal "
            + "data</title></head><body><h1>Your personal data</h1>" + "<p>What we hold about you, why, where it comes "
            + "from, who receives it and how long we keep it (Art. 15 GDPR).</p>".repeat(60) + "</body></html>";

    /**
     * What a web shop returns for one customer, generated while it is read, never held: the JSON document
     * {@code {"customers": [1 row], "orders": [...], "order_lines": [...], "support_tickets": [...]}} (rows of
     * realistic shape: amounts with two decimals, nested addresses, nulls, text with commas, quotes, line breaks,
     * accents and leading dashes; support tickets with bodies of 1 to 6 KB) and one attached file (incompressible
     * bytes, like a scanned PDF). Every opening produces the same bytes.
     */
    static final class ShopAnswer {

        static final List<String> TABLES = List.of("customers", "orders", "order_lines", "support_tickets");
        /** Shares of the document's bytes after the customer row. */
        private static final double ORDERS_SHARE = 0.25;
        private static final double LINES_SHARE = 0.35;
        private static final String[] WORDS = ("the order parcel arrived damaged and I would like a refund please "
                + "delivery was late again because courier left it with neighbour Müller in Łódź café invoice "
                + "address changed size too small exchange return label customer service thank you for your quick "
                + "reply unfortunately still waiting tracking number shows delivered but nothing here colour "
                + "different from photo account password reset newsletter unsubscribe data privacy request").split(" ");
        private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered", "returned", "cancelled"};
        private static final String[] PRODUCTS = {"Wool socks, size 42", "Rain jacket \"Nordic\"", "Coffee mug 0.4 l",
                "Yoga mat – 6 mm", "Kinderfahrrad 16\"", "Café crème beans, 1 kg", "USB-C cable, 2 m"};
        private static final long BASE_EPOCH = 1_577_836_800L; // 2020-01-01

        private final long orders;
        private final long orderLines;
        private final long tickets;
        private final long attachmentBytes;
        private long dataBytes = -1;

        private ShopAnswer(long orders, long orderLines, long tickets, long attachmentBytes) {
            this.orders = orders;
            this.orderLines = orderLines;
            this.tickets = tickets;
            this.attachmentBytes = attachmentBytes;
        }

        /** About {@code totalBytes} of source data: 90 % JSON document, 10 % attached file. */
        static ShopAnswer ofSize(long totalBytes) {
            long attachment = totalBytes / 10;
            return withData(totalBytes - attachment, attachment);
        }

        /** A document of about {@code dataBytes} (rows counted from the measured average row sizes). */
        static ShopAnswer withData(long dataBytes, long attachmentBytes) {
            ShopAnswer sample = new ShopAnswer(0, 0, 0, 0);
            double order = sample.averageRowBytes(1, 500);
            double line = sample.averageRowBytes(2, 500);
            double ticket = sample.averageRowBytes(3, 500);
            long rest = Math.max(0, dataBytes - sample.rowBytes(0, 0) - 100);
            long orders = Math.max(1, Math.round(rest * ORDERS_SHARE / order));
            long lines = Math.max(1, Math.round(rest * LINES_SHARE / line));
            long tickets = Math.max(1, Math.round(rest * (1 - ORDERS_SHARE - LINES_SHARE) / ticket));
            return new ShopAnswer(orders, lines, tickets, attachmentBytes);
        }

        long rows(String table) {
            return rows(TABLES.indexOf(table));
        }

        private long rows(int table) {
            return switch (table) {
                case 0 -> 1;
                case 1 -> orders;
                case 2 -> orderLines;
                case 3 -> tickets;
                default -> throw new IllegalArgumentException("no table " + table);
            };
        }

        long attachmentBytes() {
            return attachmentBytes;
        }

        /** The exact size of the document (generated once to count it). */
        long dataBytes() throws IOException {
            if (dataBytes < 0) {
                try (InputStream in = openData()) {
                    dataBytes = in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return dataBytes;
        }

        InputStream openData() {
            return new Document();
        }

        InputStream openAttachment() {
            return new RandomBytes(attachmentBytes, 99);
        }

        private double averageRowBytes(int table, int sample) {
            long total = 0;
            for (int i = 0; i < sample; i++) {
                total += rowBytes(table, i);
            }
            return total / (double) sample + 1; // the comma between rows
        }

        private long rowBytes(int table, long index) {
            StringBuilder row = new StringBuilder();
            appendRow(table, index, row);
            return row.toString().getBytes(UTF_8).length;
        }

        private void appendRow(int table, long index, StringBuilder out) {
            SplittableRandom random = new SplittableRandom(table * 1_000_003L + index);
            switch (table) {
                case 0 -> {
                    out.append("{\"customer_id\":4711,\"email\":\"jane.doe@example.com\",\"first_name\":\"Jane\",")
                            .append("\"last_name\":\"Doe-Łukasiewicz\",\"birth_date\":\"1985-03-14\",")
                            .append("\"phone\":\"+49 30 1234567\",\"created_at\":\"2016-02-29T08:15:00Z\",")
                            .append("\"marketing_opt_in\":true,\"loyalty_points\":1280,\"deleted_at\":null,")
                            .append("\"address\":{\"street\":\"Hauptstraße 5\",\"postcode\":\"10115\",")
                            .append("\"city\":\"Berlin\",\"country\":\"DE\"}}");
                }
                case 1 -> {
                    out.append("{\"order_id\":").append(1_000_000 + index)
                            .append(",\"customer_id\":4711,\"placed_at\":\"").append(timestamp(index * 7_200 + random.nextInt(3_600)))
                            .append("\",\"status\":\"").append(STATUSES[random.nextInt(STATUSES.length)])
                            .append("\",\"total\":").append(amount(random, 500_00))
                            .append(",\"currency\":\"EUR\",\"payment_method\":\"").append(random.nextBoolean() ? "card" : "paypal")
                            .append("\",\"shipping_address\":");
                    if (random.nextInt(4) == 0) {
                        out.append("{\"street\":\"Packstation 123\",\"postcode\":\"80331\",\"city\":\"München\",\"country\":\"DE\"}");
                    } else {
                        out.append("null");
                    }
                    out.append(",\"note\":");
                    if (random.nextInt(5) == 0) {
                        string(out, "Please leave it with the neighbour, \"Müller\", 2nd floor");
                    } else {
                        out.append("null");
                    }
                    out.append('}');
                }
                case 2 -> {
                    long order = orders == 0 ? index : index * orders / Math.max(1, orderLines);
                    out.append("{\"order_line_id\":").append(5_000_000 + index)
                            .append(",\"order_id\":").append(1_000_000 + order)
                            .append(",\"sku\":\"SKU-").append(10_000 + random.nextInt(90_000))
                            .append("\",\"description\":");
                    string(out, PRODUCTS[random.nextInt(PRODUCTS.length)]);
                    out.append(",\"quantity\":").append(1 + random.nextInt(4))
                            .append(",\"unit_price\":").append(amount(random, 150_00))
                            .append(",\"discount\":").append(random.nextInt(3) == 0 ? "-" + amount(random, 10_00) : "0.00")
                            .append('}');
                }
                case 3 -> {
                    out.append("{\"ticket_id\":").append(70_000 + index)
                            .append(",\"opened_at\":\"").append(timestamp(index * 86_400 + random.nextInt(86_400)))
                            .append("\",\"channel\":\"").append(random.nextBoolean() ? "email" : "chat")
                            .append("\",\"subject\":");
                    string(out, "Order " + (1_000_000 + random.nextLong(Math.max(1, orders))) + ": " + words(random, 3 + random.nextInt(6)));
                    out.append(",\"status\":\"").append(random.nextInt(10) == 0 ? "open" : "closed")
                            .append("\",\"body\":");
                    string(out, body(random));
                    out.append(",\"agent_notes\":");
                    if (random.nextInt(3) == 0) {
                        string(out, "- called the customer back\n- refund of " + amount(random, 100_00) + " EUR approved");
                    } else {
                        out.append("null");
                    }
                    out.append('}');
                }
                default -> throw new IllegalArgumentException("no table " + table);
            }
        }

        private static String timestamp(long secondsAfterBase) {
            return Instant.ofEpochSecond(BASE_EPOCH + secondsAfterBase).toString();
        }

        private static String amount(SplittableRandom random, int maxCents) {
            int cents = 1 + random.nextInt(maxCents);
            return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }

        private static String words(SplittableRandom random, int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
            return text.toString();
        }

        /** 1 to 6 KB of text in paragraphs, with commas, quotes, and now and then a leading dash. */
        private static String body(SplittableRandom random) {
            StringBuilder body = new StringBuilder(random.nextInt(8) == 0 ? "- " : "Hello,\n\n");
            int target = 1_000 + random.nextInt(5_000);
            while (body.length() < target) {
                body.append(Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)))
                        .append(words(random, 6 + random.nextInt(14)))
                        .append(random.nextInt(4) == 0 ? ", \"really\"" : "")
                        .append(random.nextInt(5) == 0 ? ".\n\n" : ". ");
            }
            return body.append("\nKind regards\nJane").toString();
        }

        private static void string(StringBuilder out, String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }

        /** The document, produced some 16 KB at a time. */
        private final class Document extends InputStream {

            private final StringBuilder text = new StringBuilder(32 * 1024);
            private byte[] chunk = new byte[0];
            private int position;
            private int table = -1;
            private long row;
            private boolean finished;

            @Override
            public int read() throws IOException {
                return position < chunk.length || refill() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (position == chunk.length && !refill()) {
                    return -1;
                }
                int n = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, bytes, offset, n);
                position += n;
                return n;
            }

            private boolean refill() {
                while (position == chunk.length) {
                    if (finished) {
                        return false;
                    }
                    text.setLength(0);
                    while (text.length() < 16 * 1024 && !finished) {
                        if (table < 0) {
                            table = 0;
                            text.append("{\"").append(TABLES.get(0)).append("\":[");
                        } else if (row < rows(table)) {
                            if (row > 0) {
                                text.append(',');
                            }
                            appendRow(table, row++, text);
                        } else {
                            text.append(']');
                            table++;
                            row = 0;
                            if (table == TABLES.size()) {
                                text.append('}');
                                finished = true;
                            } else {
                                text.append(",\"").append(TABLES.get(table)).append("\":[");
                            }
                        }
                    }
                    chunk = text.toString().getBytes(UTF_8);
                    position = 0;
                }
                return true;
            }
        }
    }

    /** {@code size} pseudo-random bytes from a seed, 8 KB at a time. */
    private static final class RandomBytes extends InputStream {

        private final SplittableRandom random;
        private final byte[] chunk = new byte[8192];
        private long remaining;
        private int position = chunk.length;

        RandomBytes(long size, long seed) {
            this.remaining = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            if (position == chunk.length) {
                random.nextBytes(chunk);
                position = 0;
            }
            int n = (int) Math.min(Math.min(length, chunk.length - position), remaining);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            remaining -= n;
            return n;
        }
    }
}
