package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.journey.BenchmarkTools.CpuTimes;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;

/**
 * Benchmark, not a test: requests completed end to end on PostgreSQL, beside pgbench's TPC-B on the same server in
 * the same run (docs/performance.md, "End to end on PostgreSQL"). Builds its databases (the application's, three shop
 * databases connected as sql systems through the staff import page, pgbench's), starts one or two application JVMs
 * in the {@code postgres} profile, submits requests through the API, verifies each from the link in its email as
 * the subject does, waits until all are completed and prints the table. The name does not end in Test, so
 * {@code mvn verify} leaves it out; run it explicitly:
 *
 * <pre>
 * mvn -B test -Dtest=ThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * System properties: {@code bench.requests} (500), {@code bench.nodes} (1 or 2), {@code bench.open} (a backlog of
 * unverified requests submitted first, 0), {@code bench.clients} (concurrent submitters and subjects, 8),
 * {@code bench.rate} (submissions a second in the measured run, 0: as fast as the clients can),
 * {@code bench.open.copies} (after the measured run, a backlog of this many open requests made by copying, and the run
 * again, 0),
 * {@code bench.type} / {@code bench.regime} (ACCESS / CCPA), {@code bench.staff} (the page phase, true),
 * {@code bench.staff.seconds} (20 per phase), {@code bench.pgbench.seconds} (30), {@code bench.keep} (keep the
 * databases, false). Results go to the console and to target/benchmark/throughput.md.
 */
@ExtendWith(PostgresTestDatabase.class)
class ThroughputBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    private static final int NODES = Integer.getInteger("bench.nodes", 1);
    private static final int OPEN = Integer.getInteger("bench.open", 0);
    /**
     * After the measured run, a backlog of this many open requests made by copying 100 submitted through the API
     * (never verified, each with its timers), then the same number of requests measured again; 0: none.
     */
    private static final int OPEN_COPIES = Integer.getInteger("bench.open.copies", 0);
    private static final int OPEN_TEMPLATES = 100;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    /** Requests submitted per second in the measured run; 0: as fast as the clients can (the maximum). */
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "0"));
    private static final String TYPE = System.getProperty("bench.type", "ACCESS");
    private static final String REGIME = System.getProperty("bench.regime", "CCPA");
    private static final boolean STAFF = Boolean.parseBoolean(System.getProperty("bench.staff", "true"));
    private static final int STAFF_SECONDS = Integer.getInteger("bench.staff.seconds", 20);
    private static final int PAGE_USERS = 50;
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench.seconds", 30);
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final Duration PATIENCE = Duration.ofMinutes(Integer.getInteger("bench.patience.minutes", 30));

    private static final String PREFIX = "rightsflow_bench_";
    private static final String APP = PREFIX + "app";
    private static final String PGBENCH = PREFIX + "pgbench";
    private static final List<String> SHOPS = List.of(PREFIX + "shop1", PREFIX + "shop2", PREFIX + "shop3");
    private static final String ADMIN_PASSWORD = "bench-" + java.util.UUID.randomUUID();

    private final StringBuilder report = new StringBuilder("# End-to-end throughput benchmark\n\n");
    /** Queries this benchmark ran on the application's database during the window: subtracted from its commits. */
    private final AtomicInteger ownQueries = new AtomicInteger();

    @Test
    void requestsEndToEndBesidePgbench() throws Exception {
        Path work = Files.createTempDirectory("rightsflow-bench");
        Path logs = Files.createDirectories(Path.of("target", "benchmark"));
        List<AppProcess> nodes = new ArrayList<>();
        try {
            machine("start");
            double tpsBefore = pgbench("before");
            freshDatabase(APP);
            long shopMillis = System.currentTimeMillis();
            for (String shop : SHOPS) {
                freshDatabase(shop);
                loadShop(shop, WARMUP + 2 * REQUESTS + 1_000);
            }
            note("Three shop databases of %,d customers (3 orders each) built in %.1f s.%n",
                    WARMUP + 2 * REQUESTS + 1_000,
                    (System.currentTimeMillis() - shopMillis) / 1000.0);
            // GreenMail says at INFO that it created a mailbox, once per subject.
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            TestMailServer.instance();
            for (int n = 0; n < NODES; n++) {
                // One after the other: the first migrates the fresh database, the second finds it migrated.
                Path log = logs.resolve("throughput-node" + (n + 1) + ".log");
                Files.deleteIfExists(log);
                nodes.add(AppProcess.start(log, arguments(work)));
            }
            importSystems(nodes.get(0).port());
            if (OPEN > 0) {
                seedBacklog(nodes);
            }
            if (WARMUP > 0) {
                // The same work, not measured: the JIT, the pools and PostgreSQL's caches warm up.
                runRequests(nodes, REQUESTS, WARMUP);
                note("Warm-up: %d requests end to end, not counted.%n", WARMUP);
            }
            Run run = runRequests(nodes, 0, REQUESTS);
            double tpsAfter = pgbench("after");
            double tps = (tpsBefore + tpsAfter) / 2;
            results(run, tpsBefore, tpsAfter, tps, nodes);
            if (OPEN_COPIES > 0) {
                copiedBacklog(nodes);
                Run withBacklog = runRequests(nodes, REQUESTS + WARMUP, REQUESTS);
                note("%nThe same again with the backlog (pgbench's figures from the first run):%n");
                results(withBacklog, tpsBefore, tpsAfter, tps, nodes);
                note("%n| with %,d open requests ÷ empty | %.2f |%n", OPEN_COPIES,
                        (withBacklog.completed / withBacklog.seconds) / (run.completed / run.seconds));
                run = withBacklog;
            }
            if (STAFF) {
                pages(nodes, run.statusPath);
            }
            machine("end");
        } finally {
            nodes.forEach(AppProcess::kill);
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
            if (!KEEP) {
                for (String database : List.of(APP, PGBENCH, SHOPS.get(0), SHOPS.get(1), SHOPS.get(2))) {
                    dropDatabase(database);
                }
            }
        }
        System.out.println(report);
        Files.writeString(logs.resolve("throughput.md"), report);
    }

    private static List<String> arguments(Path work) {
        return BenchmarkTools.nodeArguments(APP, ADMIN_PASSWORD, work);
    }

    // ---- pgbench ---------------------------------------------------------------------------------------------

    /** TPC-B as pgbench runs it (BenchmarkTools.pgbench); returns the TPS. */
    private double pgbench(String when) throws Exception {
        double value = BenchmarkTools.pgbench(PGBENCH, when.equals("before"), PGBENCH_SECONDS);
        note("pgbench TPC-B %s the application run (-s 10 -c 8 -j 2 -T %d): %.0f TPS.%n", when, PGBENCH_SECONDS, value);
        return value;
    }

    // ---- data ------------------------------------------------------------------------------------------------

    /** Customer i is customer{i}@shop.example in every shop, with 3 orders; indexed as the connector needs. */
    private static void loadShop(String database, int customers) throws SQLException {
        try (Connection shop = connect(database); Statement sql = shop.createStatement()) {
            sql.execute("create table customers (id bigint primary key, email varchar(254) not null, "
                    + "first_name varchar(100), last_name varchar(100), created_at timestamp not null)");
            sql.execute("create table orders (id bigint primary key, customer_id bigint not null references customers, "
                    + "placed_at timestamp not null, total_cents int not null)");
            sql.execute("insert into customers select i, 'customer' || i || '@shop.example', 'First' || i, "
                    + "'Last' || i, now() from generate_series(0, " + (customers - 1) + ") as i");
            sql.execute("insert into orders select i, i / 3, now() - (i % 400) * interval '1 day', 1000 + i % 9000 "
                    + "from generate_series(0, " + (3 * customers - 1) + ") as i");
            sql.execute("create index customers_email on customers (lower(email))");
            sql.execute("create index orders_customer on orders (customer_id)");
            sql.execute("analyze");
        }
    }

    /** The three shops, as an admin imports them on the staff page Systems → Import. */
    private void importSystems(int port) {
        StringBuilder yaml = new StringBuilder("systems:\n");
        for (int i = 0; i < SHOPS.size(); i++) {
            yaml.append("""
                      - key: shop-%1$d
                        name: Shop %1$d
                        ownerGroup: shop-team
                        kind: sql
                        requestTypes: [ACCESS, PORTABILITY, DELETION]
                        erasure: {autoApprove: true}
                        connection: {url: "%2$s", username: %3$s}
                        dataset:
                          table: customers
                          key: id
                          match: {email: email}
                          access: [id, email, first_name, last_name, created_at]
                          erasure: delete
                          children:
                            - table: orders
                              key: id
                              foreignKey: customer_id
                              access: [id, placed_at, total_cents]
                              erasure: delete
                    """.formatted(i + 1, url(SHOPS.get(i)), PostgresTestDatabase.USER));
        }
        WebSession admin = new WebSession(port).from("198.19.255.1").login("admin", ADMIN_PASSWORD);
        WebSession.Page form = admin.get("/staff/systems/import");
        WebSession.Page done = admin.post("/staff/systems/import", form, Map.of("yaml", yaml.toString()));
        assertThat(done.mainText()).as("the import page's answer").contains("Imported: 3 created");
    }

    /**
     * Open requests that stay open: submitted through the API and never verified (each waits for its confirmation,
     * with its expiry timer), from as many concurrent clients as the measured run. Then waits until their emails are
     * sent, so the measured run starts on a quiet system.
     */
    private void seedBacklog(List<AppProcess> nodes) throws Exception {
        long start = System.nanoTime();
        concurrently(CLIENTS, OPEN, i -> submit(nodes.get(i % nodes.size()).port(), "backlog" + i + "@bench.example"));
        double submitted = (System.nanoTime() - start) / 1e9;
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() ->
                count("select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0);
        double settled = (System.nanoTime() - start) / 1e9;
        TestMailServer.instance().purgeEmailFromAllMailboxes();
        note("Backlog: %,d open requests submitted (unverified) in %.0f s (%.0f a second); their emails sent after "
                + "%.0f s. Open requests now: %,d; Camunda jobs: %,d.%n", OPEN, submitted, OPEN / submitted, settled,
                count("select count(*) from dsr_request where status <> 'CLOSED'"),
                count("select count(*) from act_ru_job"));
    }

    /**
     * {@link #OPEN_COPIES} open requests with their timers: {@link #OPEN_TEMPLATES} submitted through the API and never
     * verified, then copied in the database ({@link BenchmarkTools#copyBacklog}) once their emails are sent and no job
     * is due.
     */
    private void copiedBacklog(List<AppProcess> nodes) throws Exception {
        long start = System.nanoTime();
        concurrently(CLIENTS, OPEN_TEMPLATES, i -> submit(nodes.get(i % nodes.size()).port(), "backlog" + i + "@bench.example"));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0
                        && count("select count(*) from act_ru_job where duedate_ <= now()") == 0);
        BenchmarkTools.copyBacklog(APP, OPEN_COPIES / OPEN_TEMPLATES - 1, 0, true);
        TestMailServer.instance().purgeEmailFromAllMailboxes();
        note("%nBacklog: %d open requests submitted (unverified), then copied in %.0f s: open requests %,d, Camunda "
                + "jobs %,d (of them due: %,d).%n", OPEN_TEMPLATES, (System.nanoTime() - start) / 1e9,
                count("select count(*) from dsr_request where status <> 'CLOSED'"),
                count("select count(*) from act_ru_job"),
                count("select count(*) from act_ru_job where duedate_ <= now()"));
    }

    // ---- the measured run ------------------------------------------------------------------------------------

    private record Run(int completed, double seconds, long commits, int ownQueries, List<Long> latencies,
                       List<Long> toMail, String outboxWait, double idleCommitsPerSecond, Instant firstSubmission, Instant lastCompletion,
                       String statusPath, String cpu) {
    }

    /** Customers [first, first + requests) ask, each verifies from the email; returns when all are completed. */
    private Run runRequests(List<AppProcess> nodes, int first, int requests) throws Exception {
        Map<String, String> referenceOf = new ConcurrentHashMap<>();
        Map<String, Instant> verifiedAt = new ConcurrentHashMap<>();
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        Map<String, Instant> mailedAt = new ConcurrentHashMap<>();
        BlockingQueue<String[]> links = new LinkedBlockingQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService subjects = Executors.newFixedThreadPool(CLIENTS + 1);
        AtomicInteger verifying = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();

        long completedBefore = count("select count(*) from dsr_request where outcome = 'COMPLETED'");
        ownQueries.set(0);
        long commitsBefore = xactCommit();
        CpuTimes cpuBefore = CpuTimes.now(nodes.stream().map(AppProcess::pid).toList());
        Instant firstSubmission = Instant.now();
        // The subject reads the email: one reader hands each verification link to a subject as it arrives.
        work.add(subjects.submit(() -> {
            while (seen.size() < requests) {
                for (MimeMessage mail : TestMailServer.instance().getReceivedMessages()) {
                    String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
                    if (!seen.contains(to) && referenceOf.containsKey(to)
                            && TestMailServer.subject(mail).contains("Please confirm your request")) {
                        seen.add(to);
                        mailedAt.put(to, Instant.now());
                        links.add(new String[] {to, Journey.linkPath(TestMailServer.body(mail), "verify")});
                    }
                }
                Thread.sleep(100);
            }
            return null;
        }));
        for (int c = 0; c < CLIENTS; c++) {
            work.add(subjects.submit(() -> {
                for (int i = verifying.getAndIncrement(); i < requests; i = verifying.getAndIncrement()) {
                    String[] link = links.poll(10, TimeUnit.MINUTES);
                    int customer = Integer.parseInt(link[0].replaceAll("\\D", ""));
                    WebSession subject = new WebSession(nodes.get(customer % nodes.size()).port()).from(address(customer));
                    WebSession.Page confirm = subject.get(link[1]);
                    WebSession.Page confirmed = subject.post(link[1], confirm, Map.of());
                    assertThat(confirmed.status()).as("confirming " + link[0]).isEqualTo(200);
                    verifiedAt.put(link[0], Instant.now());
                }
                return null;
            }));
        }
        long paceStart = System.nanoTime();
        concurrently(CLIENTS, requests, i -> {
            if (RATE > 0) {
                // Paced: request i leaves at i / RATE seconds, however fast the earlier ones were answered.
                long due = paceStart + (long) (i * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            String email = "customer" + (first + i) + "@shop.example";
            submittedAt.put(email, Instant.now());
            referenceOf.put(email, submit(nodes.get(i % nodes.size()).port(), email));
        });
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from dsr_request where outcome = 'COMPLETED'") == completedBefore + requests);
        long commitsAfter = xactCommit();
        String cpu = CpuTimes.now(nodes.stream().map(AppProcess::pid).toList()).since(cpuBefore, requests, "request");
        int own = ownQueries.get();
        String outboxWait = outboxWait(firstSubmission);
        for (Future<?> done : work) {
            done.get();
        }
        subjects.shutdown();

        Map<String, Instant> closedAt = new java.util.HashMap<>();
        try (Connection app = connect(APP); Statement sql = app.createStatement();
             ResultSet rows = sql.executeQuery("select reference, closed_at from dsr_request where outcome = 'COMPLETED'")) {
            while (rows.next()) {
                closedAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        }
        List<Long> latencies = new ArrayList<>();
        verifiedAt.forEach((email, at) -> latencies.add(Duration.between(at, closedAt.get(referenceOf.get(email)))
                .toMillis()));
        Collections.sort(latencies);
        List<Long> toMail = new ArrayList<>();
        mailedAt.forEach((email, at) -> toMail.add(Duration.between(submittedAt.get(email), at).toMillis()));
        Collections.sort(toMail);
        Instant lastCompletion = referenceOf.values().stream().map(closedAt::get).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(firstSubmission, lastCompletion).toMillis() / 1000.0;

        // What the application commits when it has nothing to do (job acquisition, the outbox, timers): 10 s idle.
        // Only once the outbox is empty: the answers go out after closed_at, and a window opened at the last
        // completion measured the outbox draining them (the "46.8 a second" of docs/performance.md, An idle node).
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0);
        long idleStart = xactCommit();
        Thread.sleep(10_000);
        double idle = (xactCommit() - idleStart) / 10.0;
        String statusPath = Journey.linkPath(TestMailServer.messagesTo("customer" + first + "@shop.example").stream()
                .filter(m -> TestMailServer.subject(m).contains("We received your request"))
                .map(TestMailServer::body).findFirst().orElseThrow(), "status");
        return new Run(requests, seconds, commitsAfter - commitsBefore, own, latencies, toMail, outboxWait, idle, firstSubmission,
                lastCompletion, statusPath, cpu);
    }

    private void results(Run run, double tpsBefore, double tpsAfter, double tps, List<AppProcess> nodes)
            throws IOException {
        double perSecond = run.completed / run.seconds;
        double commitsPerRequest = (run.commits - run.ownQueries) / (double) run.completed;
        double limit = tps / commitsPerRequest;
        note("%n%d %s %s requests on %d node(s)%s; %d concurrent submitters%s and %d subjects verifying.%n%n",
                run.completed, REGIME, TYPE, NODES, OPEN > 0 ? String.format(", %,d open requests before", OPEN) : "",
                CLIENTS, RATE > 0 ? String.format(" paced at %.1f requests a second", RATE) : "", CLIENTS);
        note("| what | figure |%n| --- | ---: |%n");
        note("| requests completed end to end | **%.1f a second** (%d in %.1f s, first submission to last completion) |%n",
                perSecond, run.completed, run.seconds);
        note("| verification → completed | p50 %.1f s, p95 %.1f s, max %.1f s (%d requests) |%n",
                BenchmarkTools.percentile(run.latencies, 50) / 1000.0, BenchmarkTools.percentile(run.latencies, 95) / 1000.0,
                run.latencies.get(run.latencies.size() - 1) / 1000.0, run.latencies.size());
        note("| submission → verification email received | p50 %.1f s, p95 %.1f s, max %.1f s |%n",
                BenchmarkTools.percentile(run.toMail, 50) / 1000.0, BenchmarkTools.percentile(run.toMail, 95) / 1000.0,
                run.toMail.get(run.toMail.size() - 1) / 1000.0);
        note("| of which in the outbox (created → sent) | %s |%n", run.outboxWait);
        note("| commits per request | **%.1f** (%,d commits on %s in the same window, less %d of the benchmark's own queries, ÷ %d) |%n",
                commitsPerRequest, run.commits, APP, run.ownQueries, run.completed);
        note("| commits when idle | %.1f a second (10 s after the run; %.1f per request if the window had as many) |%n",
                run.idleCommitsPerSecond, run.idleCommitsPerSecond * run.seconds / run.completed);
        note("| pgbench TPC-B | %.0f TPS (before %.0f, after %.0f) |%n", tps, tpsBefore, tpsAfter);
        note("| limit: pgbench TPS ÷ commits per request | %.0f requests a second |%n", limit);
        note("| ratio: completed ÷ limit | **%.1f %%** |%n", 100 * perSecond / limit);
        note("| CPU in the window | %s |%n", run.cpu);
        for (int n = 0; n < nodes.size(); n++) {
            note("| node %d memory (heap %s) | %s |%n", n + 1, AppProcess.heapSetting(), BenchmarkTools.memory(nodes.get(n).pid()));
        }
    }

    // ---- pages -----------------------------------------------------------------------------------------------

    /** 50 staff at once on the inbox and the requests list, then 50 visitors on the landing and a status page. */
    private void pages(List<AppProcess> nodes, String statusPath) throws Exception {
        note("%n| page, %d concurrent for %d s | pages | failed | p50 | p99 |%n| --- | ---: | ---: | ---: | ---: |%n",
                PAGE_USERS, STAFF_SECONDS);
        List<WebSession> staff = new ArrayList<>();
        for (int u = 0; u < PAGE_USERS; u++) {
            staff.add(new WebSession(nodes.get(u % nodes.size()).port()).from("198.19.0." + (u + 1))
                    .login("admin", ADMIN_PASSWORD));
        }
        load(Map.of("staff inbox /staff", "/staff", "requests list /staff/requests", "/staff/requests"), u -> staff.get(u));
        List<WebSession> visitors = new ArrayList<>();
        for (int u = 0; u < PAGE_USERS; u++) {
            visitors.add(new WebSession(nodes.get(u % nodes.size()).port()));
        }
        AtomicInteger visitor = new AtomicInteger();
        // Visitors are many people: each page view from an address of its own, so no abuse limit is reached.
        load(Map.of("landing page /", "/", "status page /status/…", statusPath),
                u -> visitors.get(u).from(address(100_000 + visitor.incrementAndGet())));
    }

    private void load(Map<String, String> pages, java.util.function.IntFunction<WebSession> sessionOf) throws Exception {
        BenchmarkTools.load(PAGE_USERS, STAFF_SECONDS, pages, sessionOf).forEach((name, times) -> note(times.row(name)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String submit(int port, String email) {
        return BenchmarkTools.submit(port, TYPE, REGIME, email);
    }

    /** Runs task(0 … count-1) from the given number of threads at once; the first failure fails the benchmark. */
    private static void concurrently(int threads, int count, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.accept(i);
                }
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        pool.shutdown();
    }

    /** A client address of the benchmarking range (RFC 2544, 198.18.0.0/15) per person. */
    private static String address(int person) {
        return "198.18." + (person / 250 % 256) + "." + (person % 250 + 1);
    }

    private long count(String sql) throws SQLException {
        ownQueries.incrementAndGet();
        try (Connection app = connect(APP); Statement statement = app.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** How long the run's emails waited in the outbox, created to sent: p50 and p95 in seconds, and how many. */
    private String outboxWait(Instant since) throws SQLException {
        try (Connection app = connect(APP); java.sql.PreparedStatement query = app.prepareStatement("""
                select percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)),
                       percentile_cont(0.95) within group (order by extract(epoch from sent_at - created_at)), count(*)
                from outbox_message where created_at >= ? and sent_at is not null""")) {
            query.setObject(1, java.sql.Timestamp.from(since));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return String.format("p50 %.1f s, p95 %.1f s (%,d emails)", result.getDouble(1), result.getDouble(2),
                        result.getLong(3));
            }
        }
    }

    /** Transactions committed in the application's database, read from the server's statistics (not counted there). */
    private static long xactCommit() throws SQLException {
        return BenchmarkTools.xactCommit(APP);
    }

    private void machine(String when) throws IOException {
        note(BenchmarkTools.machine(when));
    }

    private void note(String format, Object... values) {
        String line = String.format(format, values);
        report.append(line);
        System.out.print(line);
    }

    private static String url(String database) {
        return BenchmarkTools.url(database);
    }

    private static Connection connect(String database) throws SQLException {
        return BenchmarkTools.connect(database);
    }

    private static void freshDatabase(String name) throws SQLException {
        BenchmarkTools.freshDatabase(name);
    }

    private static void dropDatabase(String name) throws SQLException {
        BenchmarkTools.dropDatabase(name);
    }
}
