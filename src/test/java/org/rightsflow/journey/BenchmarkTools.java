package org.rightsflow.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.TestMailServer;
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

    // ---- a node and its API -----------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
            .build();
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * A node's arguments as an operator starts one on {@code database}: the postgres profile, the bootstrap admin,
     * secrets as strong as ProductionSafetyCheck demands, SMTP = the test JVM's GreenMail. One API key submits for
     * every subject, as a company's web backend would, so its submission budget is lifted; every other abuse limit
     * stays on (each subject comes from an address of its own, X-Forwarded-For).
     */
    static List<String> nodeArguments(String database, String adminPassword, Path work) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url(database), "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--rightsflow.bootstrap.admin-password=" + adminPassword,
                "--rightsflow.storage.directory=" + work.resolve("files"),
                "--rightsflow.clock.holiday-directory=" + work.resolve("holidays"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
                "--rightsflow.limits.api-submissions.per-key=0",
                "--logging.level.root=warn"));
        ProductionSecrets.properties("submit+read-own").forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    /** Submits a request through the node's API with the benchmarks' key; returns its reference. */
    static String submit(int port, String type, String regime, String email) {
        String body = """
                {"type": "%s", "regime": "%s", "subject": {"email": "%s", "name": "Bench Customer"}}"""
                .formatted(type, regime, email);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/requests")).header("Content-Type", "application/json")
                    .header("X-Api-Key", ProductionSecrets.API_KEY).timeout(java.time.Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher reference = REFERENCE.matcher(response.body());
            if (response.statusCode() != 201 || !reference.find()) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return reference.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    // ---- a backlog by copying ---------------------------------------------------------------------------------

    /**
     * Grows a backlog by copying the rows the application and Camunda wrote for the open requests in
     * {@code database}, rather than submitting 100,000 requests through the API (hours on this machine). Each open
     * request is copied {@code copiesPerOpenRequest} times with its Camunda state (its executions, its tasks with
     * their variables and candidate groups, and, with {@code timers}, its timer jobs), and
     * {@code closedCopiesPerRequest} times as a closed request. Each copy of a request gets a reference of its own
     * (the original's with a suffix), a status token hash of its own and a new id; each copy's Camunda rows get ids
     * of their own, consistently, and the copy's reference as business key; tasks' due dates are spread over six
     * weeks. Closed copies are spread over two years and marked completed, as most of a large list would be. History
     * is not copied. Wait until no job is due before calling it.
     */
    static void copyBacklog(String database, int copiesPerOpenRequest, int closedCopiesPerRequest, boolean timers)
            throws SQLException {
        try (Connection app = connect(database); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            // The copied open requests: Camunda first, by root process instance of each template request. Camunda
            // sets ROOT_PROC_INST_ID_ on process instances only (the request's and the system's it calls), so an
            // execution finds its root through its process instance.
            sql.execute("create temp table copy_no as select n from generate_series(1, " + copiesPerOpenRequest + ") n");
            sql.execute("""
                    create temp table roots as select e.id_ as root, e.business_key_ as reference
                    from act_ru_execution e where e.id_ = e.proc_inst_id_ and e.super_exec_ is null
                      and exists (select 1 from dsr_request d where d.reference = e.business_key_)""");
            sql.execute("""
                    create temp table exec_copy as select e.*, c.n as copy_n, r.reference as copy_reference
                    from act_ru_execution e join act_ru_execution instance on e.proc_inst_id_ = instance.id_
                    join roots r on instance.root_proc_inst_id_ = r.root cross join copy_no c""");
            sql.execute("""
                    update exec_copy set id_ = id_ || '.' || copy_n, proc_inst_id_ = proc_inst_id_ || '.' || copy_n,
                      parent_id_ = parent_id_ || '.' || copy_n, super_exec_ = super_exec_ || '.' || copy_n,
                      root_proc_inst_id_ = root_proc_inst_id_ || '.' || copy_n,
                      business_key_ = case when business_key_ is null then null else business_key_ || '-' || copy_n end""");
            sql.execute("""
                    create temp table task_copy as select t.*, c.n as copy_n, r.reference as copy_reference
                    from act_ru_task t join act_ru_execution instance on t.proc_inst_id_ = instance.id_
                    join roots r on instance.root_proc_inst_id_ = r.root cross join copy_no c""");
            // Due dates spread over six weeks around the original's, so the inbox's order by due date is real work.
            sql.execute("""
                    update task_copy set id_ = id_ || '.' || copy_n, execution_id_ = execution_id_ || '.' || copy_n,
                      proc_inst_id_ = proc_inst_id_ || '.' || copy_n,
                      due_date_ = due_date_ + ((copy_n % 42) - 14) * interval '1 day',
                      create_time_ = create_time_ - (copy_n % 30) * interval '1 day'""");
            sql.execute("""
                    create temp table var_copy as select v.*, c.n as copy_n
                    from act_ru_variable v join act_ru_execution instance on v.proc_inst_id_ = instance.id_
                    join roots r on instance.root_proc_inst_id_ = r.root cross join copy_no c""");
            sql.execute("""
                    update var_copy set id_ = id_ || '.' || copy_n, execution_id_ = execution_id_ || '.' || copy_n,
                      proc_inst_id_ = proc_inst_id_ || '.' || copy_n, task_id_ = task_id_ || '.' || copy_n,
                      var_scope_ = var_scope_ || '.' || copy_n,
                      text_ = case when name_ = 'reference' then text_ || '-' || copy_n else text_ end""");
            sql.execute("""
                    create temp table link_copy as select l.*, c.n as copy_n
                    from act_ru_identitylink l join act_ru_task t on l.task_id_ = t.id_ cross join copy_no c""");
            sql.execute("update link_copy set id_ = id_ || '.' || copy_n, task_id_ = task_id_ || '.' || copy_n");
            // The timers (the verification's expiry, the reminder ladder's next rung), due in the future; nothing else
            // is copied, since a copied continuation would run for a request that never asked.
            sql.execute("""
                    create temp table job_copy as select j.*, c.n as copy_n
                    from act_ru_job j join act_ru_execution instance on j.process_instance_id_ = instance.id_
                    join roots r on instance.root_proc_inst_id_ = r.root cross join copy_no c
                    where j.type_ = 'timer' and %s""".formatted(timers ? "true" : "false"));
            sql.execute("""
                    update job_copy set id_ = id_ || '.' || copy_n, execution_id_ = execution_id_ || '.' || copy_n,
                      process_instance_id_ = process_instance_id_ || '.' || copy_n,
                      root_proc_inst_id_ = root_proc_inst_id_ || '.' || copy_n""");
            for (String table : List.of("exec", "task", "var", "link", "job")) {
                sql.execute("alter table " + table + "_copy drop column copy_n");
            }
            sql.execute("alter table exec_copy drop column copy_reference");
            sql.execute("alter table task_copy drop column copy_reference");
            sql.execute("insert into act_ru_execution select * from exec_copy");
            sql.execute("insert into act_ru_task select * from task_copy");
            sql.execute("insert into act_ru_variable select * from var_copy");
            sql.execute("insert into act_ru_identitylink select * from link_copy");
            sql.execute("insert into act_ru_job select * from job_copy");

            // Rightsflow's rows of the same requests, with the same references; then the closed ones.
            long maxId;
            try (var max = sql.executeQuery("select max(id) from dsr_request")) {
                max.next();
                maxId = max.getLong(1);
            }
            sql.execute("""
                    create temp table request_copy as select d.*, c.n as copy_n
                    from dsr_request d join roots r on d.reference = r.reference cross join copy_no c""");
            sql.execute("update request_copy set reference = reference || '-' || copy_n");
            sql.execute("create temp table closed_no as select n from generate_series(1, " + closedCopiesPerRequest + ") n");
            sql.execute("""
                    insert into request_copy select d.*, -c.n from dsr_request d join roots r on d.reference = r.reference
                    cross join closed_no c""");
            sql.execute("""
                    update request_copy set reference = reference || '-c' || (-copy_n),
                      received_at = received_at - ((-copy_n) % 730) * interval '1 day',
                      clock_started_at = clock_started_at - ((-copy_n) % 730) * interval '1 day',
                      due_date = due_date - ((-copy_n) % 730), extended_due_date = extended_due_date - ((-copy_n) % 730),
                      status = 'CLOSED', outcome = 'COMPLETED',
                      closed_at = received_at - ((-copy_n) % 730) * interval '1 day' + interval '9 days'
                    where copy_n < 0""");
            sql.execute("""
                    update request_copy set id = %d + s.row, status_token_hash = md5(reference) || md5('t' || reference)
                    from (select ctid as c, row_number() over () as row from request_copy) s
                    where request_copy.ctid = s.c""".formatted(maxId));
            sql.execute("alter table request_copy drop column copy_n");
            sql.execute("insert into dsr_request select * from request_copy");
            sql.execute("select setval(pg_get_serial_sequence('dsr_request', 'id'), (select max(id) from dsr_request))");
            app.commit();
            app.setAutoCommit(true);
            sql.execute("analyze");
        }
    }
}
