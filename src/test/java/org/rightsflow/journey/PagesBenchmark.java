package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.journey.BenchmarkTools.CpuTimes;
import org.rightsflow.journey.BenchmarkTools.PageTimes;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;

/**
 * Benchmark, not a test: the staff inbox and the requests list, the landing page and a status page, over HTTP, with
 * a small backlog and then with 10,000 open tasks and 100,000 requests, beside pgbench in the same run
 * (docs/performance.md, "Pages with a backlog"). One node in the {@code postgres} profile, as an operator starts it; a manual system owned by a
 * team; real requests submitted through the API, each of which gives the team a task; then the backlog grown by
 * copying those requests' rows in the database (below, {@link #growBacklog}). The name does not end in Test, so
 * {@code mvn verify} leaves it out:
 *
 * <pre>
 * mvn -B test -Dtest=PagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * System properties: {@code bench.tasks} (open tasks in the large backlog, 10,000), {@code bench.requests}
 * (requests in it, 100,000), {@code bench.templates} (requests submitted through the API, 100), {@code bench.users}
 * (concurrent staff, 50), {@code bench.seconds} (each phase, 20), {@code bench.think.millis} (how long a member of
 * staff looks at a page before the next, in the paced shape, 1,000), {@code bench.pgbench.seconds} (30),
 * {@code bench.keep} (keep the databases), {@code bench.database} (the node's, rightsflow_bench_pages; pgbench's
 * has {@code _pgbench} added). Results go to the console and to target/benchmark/pages.md.
 */
@ExtendWith(PostgresTestDatabase.class)
class PagesBenchmark {

    private static final int TASKS = Integer.getInteger("bench.tasks", 10_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 100_000);
    private static final int TEMPLATES = Integer.getInteger("bench.templates", 100);
    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final Duration THINK = Duration.ofMillis(Integer.getInteger("bench.think.millis", 1_000));
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench.seconds", 30);
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");

    /** The node's database (made afresh, dropped at the end); pgbench's is beside it. */
    private static final String APP = System.getProperty("bench.database", "rightsflow_bench_pages");
    private static final String PGBENCH = APP + "_pgbench";
    private static final String ADMIN_PASSWORD = "bench-" + java.util.UUID.randomUUID();
    /** The requests list's page size ({@code rightsflow.staff-pages.page-size}, the node's default). */
    private static final int PAGE_SIZE = 50;

    /** The staff pages of the current phase: the inbox, the list, and the list searched ({@link #staffPages}). */
    private Map<String, String> staffPages = Map.of();

    private final StringBuilder report = new StringBuilder("# Pages benchmark\n\n");

    @Test
    void staffPagesWithABacklogBesidePgbench() throws Exception {
        Path work = Files.createTempDirectory("rightsflow-pages-bench");
        Path logs = Files.createDirectories(Path.of("target", "benchmark"));
        AppProcess node = null;
        try {
            note(BenchmarkTools.machine("start"));
            double tpsBefore = BenchmarkTools.pgbench(PGBENCH, true, PGBENCH_SECONDS);
            note("pgbench TPC-B before (-s 10 -c 8 -j 2 -T %d): %.0f TPS.%n", PGBENCH_SECONDS, tpsBefore);
            BenchmarkTools.freshDatabase(APP);
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            TestMailServer.instance();
            Path log = logs.resolve("pages-node.log");
            Files.deleteIfExists(log);
            node = AppProcess.start(log, arguments(work));
            importCareDesk(node.port());
            submitTemplates(node.port());

            List<WebSession> staff = signIn(node.port());
            staffPages = staffPages(staff.get(0));
            // Warm-up, not counted: the JIT, the pools, PostgreSQL's caches.
            BenchmarkTools.load(USERS, 20, staffPages, staff::get);
            Map<String, String> publicPages = Map.of("landing page /", "/", "status page /status/…", statusPath());
            Map<String, String> small = phase("small backlog", node, staff, publicPages);

            long growStart = System.nanoTime();
            growBacklog();
            note("%nBacklog grown by copying rows in %.0f s: %,d open tasks, %,d requests (%,d open).%n",
                    (System.nanoTime() - growStart) / 1e9, count("select count(*) from act_ru_task"),
                    count("select count(*) from dsr_request"),
                    count("select count(*) from dsr_request where status <> 'CLOSED'"));
            spreadOpenDueDates();
            staffPages = staffPages(staff.get(0));
            BenchmarkTools.load(USERS, 20, staffPages, staff::get);
            Map<String, String> large = phase("large backlog", node, staff, publicPages);

            double tpsAfter = BenchmarkTools.pgbench(PGBENCH, false, PGBENCH_SECONDS);
            note("pgbench TPC-B after: %.0f TPS.%n%n", tpsAfter);
            note("| figure | %,d open tasks, %,d requests | %,d open tasks, %,d requests |%n| --- | --- | --- |%n",
                    TEMPLATES, TEMPLATES, TASKS, REQUESTS);
            for (String row : small.keySet()) {
                note("| %s | %s | %s |%n", row, small.get(row), large.get(row));
            }
            note("| pgbench TPC-B, before / after | %.0f TPS | %.0f TPS |%n", tpsBefore, tpsAfter);
            note("| node memory (heap %s) | %s | |%n", AppProcess.heapSetting(), BenchmarkTools.memory(node.pid()));
            note(BenchmarkTools.machine("end"));
        } finally {
            if (node != null) {
                node.kill();
            }
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
            if (!KEEP) {
                BenchmarkTools.dropDatabase(APP);
                BenchmarkTools.dropDatabase(PGBENCH);
            }
        }
        System.out.println(report);
        Files.writeString(logs.resolve("pages.md"), report);
    }

    private static List<String> arguments(Path work) {
        return BenchmarkTools.nodeArguments(APP, ADMIN_PASSWORD, work);
    }

    /** A team that handles requests by hand: every request it takes part in is a task in its members' inbox. */
    private static void importCareDesk(int port) {
        String yaml = """
                systems:
                  - key: care-desk
                    name: Customer care desk
                    ownerGroup: care-team
                    kind: manual
                    requestTypes: [LIMIT_SENSITIVE]
                    instructions: Mark the customer's profile so that sensitive data is used only for the service.
                """;
        WebSession admin = new WebSession(port).from("198.19.255.1").login("admin", ADMIN_PASSWORD);
        WebSession.Page form = admin.get("/staff/systems/import");
        WebSession.Page done = admin.post("/staff/systems/import", form, Map.of("yaml", yaml));
        assertThat(done.mainText()).as("the import page's answer").contains("Imported: 1 created");
    }

    /**
     * Real requests through the API, as a company's web backend submits them: CCPA limits of the use of sensitive
     * data, which are never verified (CCPA §7027), so each goes straight to the care desk's task.
     */
    private void submitTemplates(int port) throws Exception {
        for (int i = 0; i < TEMPLATES; i++) {
            BenchmarkTools.submit(port, "LIMIT_SENSITIVE", "CCPA", "customer" + i + "@shop.example");
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from act_ru_task") >= TEMPLATES);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from outbox_message where status in ('PENDING', 'SENDING')") == 0);
        note("%d requests submitted through the API; the care desk has %d open tasks.%n", TEMPLATES,
                count("select count(*) from act_ru_task"));
    }

    /** The privacy officers: the bootstrap admin, each session signed in from an address of its own. */
    private static List<WebSession> signIn(int port) {
        List<WebSession> staff = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            staff.add(new WebSession(port).from("198.19.0." + (u + 1)).login("admin", ADMIN_PASSWORD));
        }
        return staff;
    }

    /** How people use the pages in a phase: how many at once, and how long each looks at a page. */
    private record Shape(String label, int users, Duration think) {
    }

    /** The status page of the first request, from the link in its acknowledgement, as its subject opens it. */
    private static String statusPath() {
        return Journey.linkPath(TestMailServer.messagesTo("customer0@shop.example").stream()
                .filter(m -> TestMailServer.subject(m).contains("We received your request"))
                .map(TestMailServer::body).findFirst().orElseThrow(), "status");
    }

    /**
     * The node's CPU with no page asked (its background: job acquisition, the outbox, gauges), then the pages under
     * each {@link Shape}: one member of staff alone; {@link #USERS} at once, each looking at a page for {@link #THINK}
     * before the next (people reading an inbox); the same without pause (a closed loop: the node's saturation).
     */
    private Map<String, String> phase(String name, AppProcess node, List<WebSession> staff,
                                      Map<String, String> publicPages) throws Exception {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        CpuTimes idleStart = CpuTimes.now(List.of(node.pid()));
        Thread.sleep(10_000);
        String idle = CpuTimes.now(List.of(node.pid())).since(idleStart, 10, "second");
        note("%n%s. With no page asked, for 10 s: %s.%n%n", name, idle);
        rows.put("CPU with no page asked", idle);
        note("| shape | page | pages | failed | p50 | p99 |%n| --- | --- | ---: | ---: | ---: | ---: |%n");
        List<Shape> shapes = List.of(new Shape("1 alone", 1, Duration.ZERO),
                new Shape(USERS + " at once, " + THINK.toMillis() + " ms on each page", USERS, THINK),
                new Shape(USERS + " at once, no pause", USERS, Duration.ZERO));
        List<WebSession> visitors = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            visitors.add(new WebSession(node.port()));
        }
        AtomicInteger visit = new AtomicInteger();
        // Visitors are many people: each view from an address of its own, so that no abuse limit is reached.
        IntFunction<WebSession> visitorOf = u -> visitors.get(u).from(address(visit.incrementAndGet()));
        for (boolean ofStaff : List.of(true, false)) {
            for (Shape shape : shapes) {
                measure(shape, node, ofStaff ? "staff" : "public", ofStaff ? staffPages : publicPages,
                        ofStaff ? staff::get : visitorOf, rows);
            }
        }
        return rows;
    }

    /** One shape on one group of pages: a table row per page, and the CPU the views cost. */
    private void measure(Shape shape, AppProcess node, String group, Map<String, String> pages,
                         IntFunction<WebSession> sessionOf, Map<String, String> rows) throws Exception {
        CpuTimes before = CpuTimes.now(List.of(node.pid()));
        Map<String, PageTimes> times = BenchmarkTools.load(shape.users(), SECONDS, shape.think(), pages, sessionOf);
        int views = times.values().stream().mapToInt(t -> t.millis().size() + t.failed()).sum();
        String cpu = String.format("%.0f pages a second; ", views / (double) SECONDS)
                + CpuTimes.now(List.of(node.pid())).since(before, Math.max(1, views), "page");
        times.forEach((page, t) -> {
            String p50 = t.millis().isEmpty() ? "–" : BenchmarkTools.percentile(t.millis(), 50) + " ms";
            String p99 = t.millis().isEmpty() ? "–" : BenchmarkTools.percentile(t.millis(), 99) + " ms";
            note("| %s | %s | %,d | %s | %s | %s |%n", shape.label(), page, t.millis().size(), t.failedText(), p50, p99);
            rows.put(page + ", " + shape.label() + ": p50 / p99", p50 + " / " + p99 + " (" + t.millis().size()
                    + " pages, " + t.failedText() + " failed)");
        });
        note("%nCPU, %s pages, %s: %s.%n%n", group, shape.label(), cpu);
        rows.put("CPU, " + group + " pages, " + shape.label(), cpu);
    }

    /** A client address of the benchmarking range (RFC 2544, 198.18.0.0/15) per visit. */
    private static String address(int visit) {
        return "198.18." + (visit / 250 % 256) + "." + (visit % 250 + 1);
    }

    /**
     * Grows the backlog to {@link #TASKS} open tasks and {@link #REQUESTS} requests by copying the rows the
     * application and Camunda wrote for the submitted requests ({@link BenchmarkTools#copyBacklog}), rather than
     * submitting 100,000 requests (hours on this machine). The pages read neither jobs nor history, so the timers
     * are not copied here.
     */
    private void growBacklog() throws SQLException {
        BenchmarkTools.copyBacklog(APP, Math.max(0, TASKS / TEMPLATES - 1), Math.max(0, (REQUESTS - TASKS) / TEMPLATES),
                false);
    }

    /**
     * The staff pages of a phase: the inbox and the list as they open, and the list searched as a privacy officer
     * searches it (docs/requests-list.md): by a subject's email (typed in another case: one template's address,
     * which its copies share, so a full page of matches), by one reference, by the most common status with the law
     * and a due window holding about a twentieth of that status's requests, overdue only, and a late page of the
     * list sorted by due date (offset 95 % into it, the database skips the rows before). The values are read from
     * the database of the phase; each page is opened once first and must show what was searched for.
     */
    private Map<String, String> staffPages(WebSession officer) throws SQLException {
        String reference;
        String status;
        String dueFrom;
        String dueTo;
        long total;
        try (Connection app = BenchmarkTools.connect(APP); Statement sql = app.createStatement()) {
            try (ResultSet first = sql.executeQuery("select reference from dsr_request order by id limit 1")) {
                first.next();
                reference = first.getString(1);
            }
            try (ResultSet common = sql.executeQuery("""
                    select status, percentile_disc(0.40) within group (order by due_date),
                      percentile_disc(0.45) within group (order by due_date)
                    from dsr_request group by status order by count(*) desc limit 1""")) {
                common.next();
                status = common.getString(1);
                dueFrom = common.getString(2);
                dueTo = common.getString(3);
            }
            total = single(sql, "select count(*) from dsr_request");
        }
        long latePage = Math.max(1, (long) Math.ceil(total * 0.95 / PAGE_SIZE));
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("staff inbox /staff", "/staff");
        pages.put("requests list /staff/requests", "/staff/requests");
        pages.put("searched: by email", "/staff/requests?email=Customer0%40SHOP.example");
        pages.put("searched: by reference", "/staff/requests?reference=" + reference);
        pages.put("searched: status + law + due window", "/staff/requests?status=" + status + "&law=CCPA&dueFrom="
                + dueFrom + "&dueTo=" + dueTo);
        pages.put("searched: overdue only", "/staff/requests?overdue=true");
        pages.put("searched: due soonest, a late page", "/staff/requests?sort=DUE_ASC&page=" + latePage);
        pages.forEach((name, path) -> {
            WebSession.Page page = officer.get(path);
            assertThat(page.status()).as(name).isEqualTo(200);
            note("%s: %s → %s%n", name, path, caption(page.mainText()));
        });
        assertThat(officer.get(pages.get("searched: by reference")).mainText()).contains(reference);
        return pages;
    }

    private static final java.util.regex.Pattern CAPTION =
            java.util.regex.Pattern.compile("[0-9,]+ request\\(s\\)(; page [0-9,]+ of [0-9,]+)?");

    /** The list's caption in a page's text (how many matched, which page), or that nothing matched. */
    private static String caption(String text) {
        java.util.regex.Matcher caption = CAPTION.matcher(text);
        return caption.find() ? caption.group() : text.contains("No request matches") ? "no request matches" : "(no list)";
    }

    /**
     * The copied open requests share their templates' due date; spread them over 60 days before it (as the copied
     * X
     */
    private void spreadOpenDueDates() throws SQLException {
        try (Connection app = BenchmarkTools.connect(APP); Statement sql = app.createStatement()) {
            sql.executeUpdate("""
                    update dsr_request set due_date = due_date - (id % 60)::int,
                      extended_due_date = extended_due_date - (id % 60)::int where status <> 'CLOSED'""");
            sql.execute("analyze dsr_request");
        }
        note("Open requests' due dates spread over 60 days: %,d overdue.%n",
                count("select count(*) from dsr_request where status <> 'CLOSED' and due_date < current_date"));
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection app = BenchmarkTools.connect(APP); Statement sql = app.createStatement()) {
            return single(sql, query);
        }
    }

    private void note(String format, Object... values) {
        String line = String.format(format, values);
        report.append(line);
        System.out.print(line);
    }
}
