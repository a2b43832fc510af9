package org.rightsflow.journey;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.WebSession;

/**
 * What the benchmarks share (docs/performance.md): databases on the test PostgreSQL server, pgbench's TPC-B beside
 * the run, CPU time read from /proc, and a closed loop of users on a few pages. Benchmarks, not tests: nothing here
 * asserts a time.
 */
final class BenchmarkTools {

    private BenchmarkTools() {
    }

    // ---- databases on the test server -------------------------------------------------------------------------

    static String url(String database) {
        return PostgresTestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    static void freshDatabase(String name) throws SQLException {
        dropDatabase(name);
        try (Connection server = connect("postgres"); Statement sql = server.createStatement()) {
            sql.execute("create database " + name);
        }
    }

    static void dropDatabase(String name) throws SQLException {
        try (Connection server = connect("postgres"); Statement sql = server.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** Transactions committed in a database, from the server's statistics (read from another database). */
    static long xactCommit(String database) throws SQLException {
        try (Connection server = connect("postgres"); Statement sql = server.createStatement();
             var result = sql.executeQuery("select xact_commit from pg_stat_database where datname = '" + database + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    // ---- pgbench ------------------------------------------------------------------------------------------------

    /**
     * TPC-B as pgbench runs it on the scratch database: scale 10 (built when {@code initialise}), 8 clients, 2
     * threads, for the given seconds; returns the TPS without the initial connection time.
     */
    static double pgbench(String database, boolean initialise, int seconds) throws Exception {
        if (initialise) {
            freshDatabase(database);
            exec(database, List.of("pgbench", "-i", "-q", "-s", "10"));
        }
        String output = exec(database, List.of("pgbench", "-c", "8", "-j", "2", "-T", String.valueOf(seconds)));
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no TPS:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String exec(String database, List<String> pgbenchCommand) throws Exception {
        URI server = URI.create(PostgresTestDatabase.URL.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(pgbenchCommand);
        command.addAll(List.of("-h", server.getHost(), "-p", String.valueOf(server.getPort() < 0 ? 5432 : server.getPort()),
                "-U", PostgresTestDatabase.USER, database));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresTestDatabase.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    // ---- the machine ------------------------------------------------------------------------------------------

    static String machine(String when) throws IOException {
        return String.format("Machine at the %s: %d cores, %s, load average %s; Java %s.%n", when,
                Runtime.getRuntime().availableProcessors(),
                Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "),
                Files.readString(Path.of("/proc/loadavg")).trim(), System.getProperty("java.version"));
    }

    /** Peak and current resident set of a process, from /proc/<pid>/status. */
    static String memory(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        return "VmHWM " + field(status, "VmHWM") + ", VmRSS " + field(status, "VmRSS");
    }

    private static String field(String procStatus, String name) {
        Matcher value = Pattern.compile(name + ":\\s+(\\d+) kB").matcher(procStatus);
        return value.find() ? String.format("%,d MB", Long.parseLong(value.group(1)) / 1024) : "?";
    }

    static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /**
     * CPU time from /proc, in clock ticks: the whole machine (busy and idle), each given process (the nodes), every
     * PostgreSQL process (other databases' too: the server is shared) and this benchmark's own JVM. Whether a second
     * node can add anything depends on the machine having idle CPU left while one node works.
     */
    record CpuTimes(long machineBusy, long machineTotal, List<Long> nodes, long postgres, long benchmark) {

        static final double TICKS = 100.0; // USER_HZ on Linux

        static CpuTimes now(List<Long> nodePids) throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String stat = processTimes(process);
                    if (stat != null && stat.startsWith("postgres ")) {
                        postgres += Long.parseLong(stat.substring(stat.indexOf(' ') + 1));
                    }
                }
            }
            List<Long> perNode = new ArrayList<>();
            for (long pid : nodePids) {
                String stat = processTimes(Path.of("/proc", String.valueOf(pid)));
                perNode.add(stat == null ? 0 : Long.parseLong(stat.substring(stat.indexOf(' ') + 1)));
            }
            String self = processTimes(Path.of("/proc/self"));
            return new CpuTimes(total - idle, total, perNode, postgres,
                    Long.parseLong(self.substring(self.indexOf(' ') + 1)));
        }

        /** "comm utime+stime" of one process, or null if it ended. */
        private static String processTimes(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command: state is field 3 of stat(5), utime 14 and stime 15.
                return comm + " " + (Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The CPU spent since {@code before}, per unit of work (a request, a page), as a sentence. */
        String since(CpuTimes before, int units, String unit) {
            long ticks = machineTotal - before.machineTotal;
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder text = new StringBuilder(String.format("machine busy %.0f %% of %d cores",
                    100.0 * (machineBusy - before.machineBusy) / Math.max(1, ticks), cores));
            for (int n = 0; n < nodes.size(); n++) {
                text.append(String.format("; node %d %.1f ms a %s", n + 1,
                        1000 * (nodes.get(n) - before.nodes.get(n)) / TICKS / units, unit));
            }
            return text.append(String.format("; PostgreSQL (all its processes) %.1f ms; this benchmark's JVM %.1f ms",
                    1000 * (postgres - before.postgres) / TICKS / units,
                    1000 * (benchmark - before.benchmark) / TICKS / units)).toString();
        }
    }

    // ---- users on pages ---------------------------------------------------------------------------------------

    /**
     * What one page did under load: the times of the views that answered 200, and how many did not, with why (the
     * HTTP status, or the exception's type).
     */
    record PageTimes(List<Long> millis, int failed, Map<String, Integer> failures) {

        String row(String name) {
            return String.format("| %s | %,d | %s | %s | %s |%n", name, millis.size(), failedText(),
                    millis.isEmpty() ? "–" : percentile(millis, 50) + " ms",
                    millis.isEmpty() ? "–" : percentile(millis, 99) + " ms");
        }

        String failedText() {
            return failed == 0 ? "0" : failed + " " + failures;
        }
    }

    /** A closed loop without think time: {@link #load(int, int, Duration, Map, IntFunction)} with none. */
    static Map<String, PageTimes> load(int users, int seconds, Map<String, String> pages,
                                       IntFunction<WebSession> sessionOf) throws Exception {
        return load(users, seconds, Duration.ZERO, pages, sessionOf);
    }

    /**
     * {@code users} threads for {@code seconds}, each asking for the next page when the last one answered and the
     * user has looked at it for {@code think} (none: a closed loop that saturates the node), going round the pages in
     * turn (user u starts at page u). A view that answers non-200, or not within 30 s, counts as failed. Returns the
     * times per page name, sorted.
     */
    static Map<String, PageTimes> load(int users, int seconds, Duration think, Map<String, String> pages,
                                       IntFunction<WebSession> sessionOf) throws Exception {
        List<String> names = new ArrayList<>(pages.keySet());
        Collections.sort(names);
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Map<String, Map<String, Integer>> reasons = new ConcurrentHashMap<>();
        names.forEach(name -> {
            times.put(name, Collections.synchronizedList(new ArrayList<>()));
            failures.put(name, new AtomicInteger());
            reasons.put(name, new ConcurrentHashMap<>());
        });
        // Users start spread over one think time, not all in the same millisecond.
        java.util.Random random = new java.util.Random(42);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            long firstPause = think.isZero() ? 0 : (long) (random.nextDouble() * think.toMillis());
            running.add(pool.submit(() -> {
                Thread.sleep(firstPause);
                for (int view = user; System.nanoTime() < end; view++) {
                    String name = names.get(view % names.size());
                    long start = System.nanoTime();
                    try {
                        int status = sessionOf.apply(user).fetch(pages.get(name));
                        if (status != 200) {
                            failures.get(name).incrementAndGet();
                            reasons.get(name).merge("HTTP " + status, 1, Integer::sum);
                        } else {
                            times.get(name).add((System.nanoTime() - start) / 1_000_000);
                        }
                    } catch (RuntimeException e) {
                        failures.get(name).incrementAndGet();
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        reasons.get(name).merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    if (!think.isZero()) {
                        Thread.sleep(think.toMillis());
                    }
                }
                return null;
            }));
        }
        for (Future<?> user : running) {
            user.get();
        }
        pool.shutdown();
        Map<String, PageTimes> result = new java.util.LinkedHashMap<>();
        for (String name : names) {
            List<Long> sorted = new ArrayList<>(times.get(name));
            Collections.sort(sorted);
            result.put(name, new PageTimes(sorted, failures.get(name).get(), new java.util.TreeMap<>(reasons.get(name))));
        }
        return result;
    }
}
