package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.testsupport.PostgresTestDatabase;

/**
 * Benchmark, not a test: erasing and reading one subject in a one-million-customer PostgreSQL shop, through the
 * connector and through the same statements written by hand in JDBC (docs/performance.md). The name does not end in
 * Test, so {@code mvn test} leaves it out; run it explicitly:
 *
 * <pre>
 * mvn -B test -Dtest=SqlConnectorBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * System properties: {@code benchmark.customers} (default 1,000,000), {@code benchmark.runs} (default 50, after 10
 * warm-up runs), {@code benchmark.recreate=true} to rebuild the data. The data lives in the database
 * {@code rightsflow_connector_bench} of the PostgreSQL test server ({@link PostgresTestDatabase}) and is reused by
 * later runs. Results go to the console and to target/benchmark/sql-connector.md.
 *
 * <p>The mapping is the worked example of docs/connected-systems.md, read from that file, with only the URL changed.
 */
@ExtendWith(PostgresTestDatabase.class)
class SqlConnectorBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 1_000_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 50);
    private static final int WARM_UP = 10;
    private static final String DATABASE = "rightsflow_connector_bench";
    private static final String HASH_KEY = "benchmark-hash-key";

    private String url;

    @Test
    void eraseAndAccessOneSubject() throws Exception {
        url = ConnectorTestDatabases.postgresUrl(DATABASE);
        StringBuilder report = new StringBuilder();
        long loadMillis = ensureData();
        SystemDefinition system = documentedSystem();
        SqlConnector connector = new SqlConnector(new Secrets(Map.of("SHOP_DB_PASSWORD", PostgresTestDatabase.PASSWORD,
                "SHOP_ERASURE_HASH_KEY", HASH_KEY)::get), ErasureHashKey.of(""));
        assertThat(connector.testConnection(system).ok()).isTrue();

        List<Long> subjects = freshSubjects(4 * (WARM_UP + RUNS) + 20);
        // The sample shows every table: an even customer has a support ticket, one with id % 5 < 3 a subscription.
        long sample = subjects.stream().filter(id -> id % 2 == 0 && id % 5 < 3).findFirst().orElseThrow();
        subjects.remove(sample);
        report.append(sampleRun(connector, system, sample));

        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        for (String variant : List.of("open and close a connection (floor of every variant)", "connector ACCESS",
                "hand-written ACCESS", "connector ERASE", "hand-written ERASE")) {
            nanos.put(variant, new ArrayList<>());
        }
        int next = 0;
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            boolean measured = run >= WARM_UP;
            // Interleaved, each on a customer of its own, so drift (cache, autovacuum) spreads over all four.
            long a = subjects.get(next++);
            long b = subjects.get(next++);
            long c = subjects.get(next++);
            long d = subjects.get(next++);
            time(measured, nanos.get("open and close a connection (floor of every variant)"), () -> {
                try (Connection connection = connect()) {
                    assertThat(connection.isValid(1)).isTrue();
                }
            });
            time(measured, nanos.get("connector ACCESS"), () -> {
                ActionResult result = connector.perform(system, ConnectorAction.ACCESS, context(a));
                assertThat(result.rowsFound()).isPositive();
            });
            time(measured, nanos.get("hand-written ACCESS"), () -> assertThat(handAccess(b)).isPositive());
            time(measured, nanos.get("connector ERASE"), () -> {
                ActionResult result = connector.perform(system, ConnectorAction.ERASE, context(c));
                assertThat(result.tables()).isNotEmpty();
            });
            time(measured, nanos.get("hand-written ERASE"), () -> assertThat(handErase(d)).isPositive());
        }
        report.append(results(nanos, loadMillis));
        String text = report.toString();
        System.out.println(text);
        Path out = Path.of("target/benchmark/sql-connector.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static void time(boolean measured, List<Long> into, Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        if (measured) {
            into.add(elapsed);
        }
    }

    private ActionContext context(long customer) {
        return new ActionContext("DSR-BENCH-" + customer, RequestType.DELETION, Regime.GDPR, LocalDate.of(2026, 12, 31),
                new DataSubject(email(customer).toUpperCase(Locale.ROOT), null, null), Map.of(), null, "bench-" + customer);
    }

    private static String email(long customer) {
        return "customer" + customer + "@example.com";
    }

    // --- the same work written by hand ----------------------------------------------------------------------------

    /** What a developer would write for an access request: one query per table, joins for the second hop. */
    private int handAccess(long customer) throws SQLException {
        try (Connection connection = connect()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            int rows = 0;
            Long id = null;
            try (PreparedStatement statement = connection.prepareStatement("select id, customer_number, email, "
                    + "full_name, phone, birth_date, marketing_opt_in, created_at from shop.customers "
                    + "where lower(email) = ?")) {
                statement.setString(1, email(customer));
                try (ResultSet rs = statement.executeQuery()) {
                    List<Map<String, Object>> found = read(rs);
                    rows += found.size();
                    if (!found.isEmpty()) {
                        id = ((Number) found.get(0).get("id")).longValue();
                    }
                }
            }
            if (id == null) {
                return 0;
            }
            for (String sql : List.of(
                    "select street, city, postcode, country from shop.addresses where customer_id = ?",
                    "select id, placed_at, status, total, currency, shipping_name, shipping_street, shipping_city "
                            + "from shop.orders where customer_id = ?",
                    "select l.line_no, l.sku, l.product_name, l.quantity, l.unit_price from shop.order_lines l "
                            + "join shop.orders o on o.id = l.order_id where o.customer_id = ?",
                    "select id, opened_at, subject, status from shop.support_tickets where customer_id = ?",
                    "select m.sent_at, m.author, m.body from shop.ticket_messages m "
                            + "join shop.support_tickets t on t.id = m.ticket_id where t.customer_id = ?",
                    "select list_name, subscribed, subscribed_at from shop.newsletter_subscriptions where customer_id = ?")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        rows += read(rs).size();
                    }
                }
            }
            connection.commit();
            return rows;
        }
    }

    /** The erasure of the documented mapping by hand: one transaction, children first, no proof afterwards. */
    private int handErase(long customer) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long id;
            String email;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, email from shop.customers where lower(email) = ? for update")) {
                statement.setString(1, email(customer));
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    id = rs.getLong(1);
                    email = rs.getString(2);
                }
            }
            int changed = 0;
            for (String sql : List.of(
                    "delete from shop.ticket_messages where ticket_id in "
                            + "(select id from shop.support_tickets where customer_id = ?)",
                    "delete from shop.support_tickets where customer_id = ?",
                    "delete from shop.newsletter_subscriptions where customer_id = ?",
                    "delete from shop.addresses where customer_id = ?",
                    "update shop.orders set shipping_name = null, shipping_street = '[redacted]', "
                            + "shipping_city = '[redacted]' where customer_id = ?")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, id);
                    changed += statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("update shop.customers set email = ?, "
                    + "full_name = '[erased]', phone = null, birth_date = null where id = ?")) {
                statement.setString(1, hmacHex(email));
                statement.setLong(2, id);
                changed += statement.executeUpdate();
            }
            connection.commit();
            return changed;
        }
    }

    private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns; i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String hmacHex(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- data -----------------------------------------------------------------------------------------------------

    /**
     * Builds the shop once (generate_series, then keys, foreign keys and indexes, then ANALYZE) and keeps it for later
     * runs. Per customer on average: 1.5 addresses, 3 orders of 2.5 lines, 0.5 support tickets of 3 messages, 0.6
     * newsletter subscriptions.
     *
     * @return how long the build took, or 0 when the data was already there
     */
    private long ensureData() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            if (!Boolean.getBoolean("benchmark.recreate")) {
                try (ResultSet rs = statement.executeQuery("select customers from shop.benchmark_info")) {
                    if (rs.next() && rs.getInt(1) == CUSTOMERS) {
                        return 0;
                    }
                } catch (SQLException missing) {
                    // No data yet.
                }
            }
            long start = System.nanoTime();
            int n = CUSTOMERS;
            for (String sql : List.of(
                    "drop schema if exists shop cascade",
                    "create schema shop",
                    "set synchronous_commit = off",
                    "set maintenance_work_mem = '512MB'",
                    "create table shop.customers (id bigint not null, customer_number varchar(20) not null, "
                            + "email varchar(254), full_name varchar(200), phone varchar(40), birth_date date, "
                            + "marketing_opt_in boolean not null default false, created_at timestamp not null)",
                    "create table shop.addresses (id bigint not null, customer_id bigint not null, street varchar(200), "
                            + "city varchar(100), postcode varchar(20), country char(2))",
                    "create table shop.orders (id bigint not null, customer_id bigint not null, placed_at timestamp not null, "
                            + "status varchar(20) not null, total numeric(10,2) not null, currency char(3) not null, "
                            + "shipping_name varchar(200), shipping_street varchar(200), shipping_city varchar(100))",
                    "create table shop.order_lines (order_id bigint not null, line_no int not null, sku varchar(20) not null, "
                            + "product_name varchar(200) not null, quantity int not null, unit_price numeric(10,2) not null)",
                    "create table shop.support_tickets (id bigint not null, customer_id bigint not null, "
                            + "opened_at timestamp not null, subject varchar(200), status varchar(20))",
                    "create table shop.ticket_messages (id bigint not null, ticket_id bigint not null, "
                            + "sent_at timestamp not null, author varchar(20), body text)",
                    "create table shop.newsletter_subscriptions (id bigint not null, customer_id bigint not null, "
                            + "list_name varchar(50) not null, subscribed boolean not null, subscribed_at timestamp)",
                    "insert into shop.customers select g, 'C-' || g, 'customer' || g || '@example.com', 'Customer ' || g, "
                            + "'+44 20 ' || lpad(g::text, 7, '0'), date '1950-01-01' + (g % 20000)::int, g % 3 = 0, "
                            + "timestamp '2015-01-01' + (g % 3000) * interval '1 day' from generate_series(1, " + n + ") g",
                    "insert into shop.addresses select g, g, g || ' High Street', 'London', 'N1 ' || (g % 9) || 'AA', 'GB' "
                            + "from generate_series(1, " + n + ") g",
                    "insert into shop.addresses select " + n + " + g, 2 * g, g || ' Low Road', 'Leeds', 'LS1 1AA', 'GB' "
                            + "from generate_series(1, " + n / 2 + ") g",
                    "insert into shop.orders select g, (g - 1) / 3 + 1, timestamp '2020-01-01' + (g % 1500) * interval '1 day', "
                            + "'delivered', 10 + (g % 90), 'EUR', 'Customer ' || ((g - 1) / 3 + 1), ((g - 1) / 3 + 1) || ' High Street', "
                            + "'London' from generate_series(1, " + 3L * n + ") g",
                    "insert into shop.order_lines select o, l, 'SKU-' || (o % 500), 'Product ' || (o % 500), 1 + (l % 3), "
                            + "4.99 from generate_series(1, " + 3L * n + ") o cross join lateral generate_series(1, 1 + (o % 4)::int) l",
                    "insert into shop.support_tickets select g, 2 * g, timestamp '2022-01-01' + (g % 700) * interval '1 day', "
                            + "'Where is my order?', 'closed' from generate_series(1, " + n / 2 + ") g",
                    "insert into shop.ticket_messages select g, (g - 1) / 3 + 1, timestamp '2022-01-01' + (g % 700) * interval "
                            + "'1 day', case when g % 3 = 2 then 'staff' else 'customer' end, 'Message ' || g || ' about my "
                            + "order' from generate_series(1, " + 3L * (n / 2) + ") g",
                    "insert into shop.newsletter_subscriptions select g, g, 'weekly', true, timestamp '2021-01-01' "
                            + "from generate_series(1, " + n + ") g where g % 5 < 3",
                    "alter table shop.customers add primary key (id)",
                    "alter table shop.customers add unique (customer_number)",
                    "create index customers_email_lower on shop.customers (lower(email))",
                    "alter table shop.addresses add primary key (id)",
                    "alter table shop.orders add primary key (id)",
                    "alter table shop.order_lines add primary key (order_id, line_no)",
                    "alter table shop.support_tickets add primary key (id)",
                    "alter table shop.ticket_messages add primary key (id)",
                    "alter table shop.newsletter_subscriptions add primary key (id)",
                    "create index on shop.addresses (customer_id)",
                    "create index on shop.orders (customer_id)",
                    "create index on shop.support_tickets (customer_id)",
                    "create index on shop.ticket_messages (ticket_id)",
                    "create index on shop.newsletter_subscriptions (customer_id)",
                    "alter table shop.addresses add foreign key (customer_id) references shop.customers",
                    "alter table shop.orders add foreign key (customer_id) references shop.customers",
                    "alter table shop.order_lines add foreign key (order_id) references shop.orders",
                    "alter table shop.support_tickets add foreign key (customer_id) references shop.customers",
                    "alter table shop.ticket_messages add foreign key (ticket_id) references shop.support_tickets",
                    "alter table shop.newsletter_subscriptions add foreign key (customer_id) references shop.customers",
                    "analyze",
                    "create table shop.benchmark_info (customers int not null)",
                    "insert into shop.benchmark_info values (" + n + ")")) {
                statement.execute(sql);
            }
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
    }

    /** Random customers not erased by an earlier run (their email is still the generated one). */
    private List<Long> freshSubjects(int count) throws SQLException {
        Random random = new Random(System.nanoTime());
        Set<Long> chosen = new LinkedHashSet<>();
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("select email from shop.customers where id = ?")) {
            while (chosen.size() < count) {
                long id = 1 + random.nextInt(CUSTOMERS);
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && email(id).equals(rs.getString(1))) {
                        chosen.add(id);
                    }
                }
            }
        }
        return new ArrayList<>(chosen);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    private SystemDefinition documentedSystem() throws IOException {
        String doc = Files.readString(Path.of("docs/connected-systems.md"));
        Matcher example = Pattern.compile("<!-- sql-example -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(example.find()).isTrue();
        String yaml = example.group(1)
                .replace("jdbc:postgresql://shop-db.internal:5432/shop", url)
                .replace("username: rightsflow", "username: " + PostgresTestDatabase.USER);
        return SystemDefinitions.parseDocument("connected-systems.md", yaml).get(0);
    }

    // --- report ---------------------------------------------------------------------------------------------------

    /** One customer through access, dry run and erasure, for the worked example of docs/connected-systems.md. */
    private String sampleRun(SqlConnector connector, SystemDefinition system, long customer) {
        StringBuilder text = new StringBuilder("## Sample: customer " + customer + " (" + email(customer) + ")\n\n");
        ActionResult access = connector.perform(system, ConnectorAction.ACCESS, context(customer));
        text.append("ACCESS: ").append(access.summary()).append('\n');
        access.tables().forEach(t -> text.append("  ").append(t.table()).append(": ").append(t.rowsFound()).append('\n'));
        access.data().forEach((table, rows) -> text.append("  ").append(table).append("[0] = ").append(rows.get(0))
                .append('\n'));
        ActionResult plan = connector.perform(system, ConnectorAction.PLAN_ERASURE, context(customer));
        text.append("PLAN_ERASURE: ").append(plan.summary()).append('\n');
        plan.tables().forEach(t -> text.append("  ").append(t).append('\n'));
        ActionResult erase = connector.perform(system, ConnectorAction.ERASE, context(customer));
        text.append("ERASE: ").append(erase.summary()).append('\n');
        erase.remaining().forEach(t -> text.append("  remaining ").append(t).append('\n'));
        ActionResult again = connector.perform(system, ConnectorAction.ERASE, context(customer));
        text.append("ERASE again: ").append(again.summary()).append("\n\n");
        return text.toString();
    }

    private String results(Map<String, List<Long>> nanos, long loadMillis) throws SQLException, IOException {
        StringBuilder text = new StringBuilder("## Results\n\n");
        text.append("| variant | runs | median ms | p95 ms | min ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        nanos.forEach((variant, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", variant, sorted.size(),
                    ms(median(sorted)), ms(percentile(sorted, 95)), ms(sorted.get(0)), ms(sorted.get(sorted.size() - 1))));
        });
        text.append("\n## Machine and data\n\n");
        text.append("- CPU: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores visible to the JVM\n");
        text.append("- Memory: ").append(memory()).append('\n');
        text.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            text.append("- Database: ").append(single(statement, "select version()")).append(", shared_buffers ")
                    .append(single(statement, "show shared_buffers")).append(", same machine, TCP on localhost\n");
            if (loadMillis > 0) {
                text.append("- Data built in ").append(loadMillis / 1000).append(" s\n");
            }
            text.append("\n| table | rows | size with indexes |\n| --- | ---: | ---: |\n");
            for (String table : List.of("customers", "addresses", "orders", "order_lines", "support_tickets",
                    "ticket_messages", "newsletter_subscriptions")) {
                text.append("| ").append(table).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", Long.parseLong(single(statement,
                                "select count(*) from shop." + table))))
                        .append(" | ").append(single(statement, "select pg_size_pretty(pg_total_relation_size('shop."
                                + table + "'))")).append(" |\n");
            }
        }
        return text.toString();
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String cpu() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb / 1024 / 1024) + " GiB";
                }
            }
        }
        return "unknown";
    }
}
