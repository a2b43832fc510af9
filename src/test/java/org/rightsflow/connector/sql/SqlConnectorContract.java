package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.TableReport;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * The sql connector's behaviour, the same against every database: H2, PostgreSQL and MariaDB subclasses say only
 * how to reach theirs. The shop schema has real foreign keys, several customers whose data overlaps Alice's (same
 * name, same birthday, same address, similar emails), and three hops (customers → orders → order_lines,
 * customers → tickets → ticket_messages).
 */
abstract class SqlConnectorContract {

    static final String HASH_KEY = "test-erasure-hash-key";
    static final DataSubject ALICE = new DataSubject("alice@EXAMPLE.com", "Alice Adams", null);
    static final List<String> TABLES = List.of("customers", "addresses", "orders", "order_lines", "tickets",
            "ticket_messages", "newsletter_subscriptions");

    /** The mapping of docs/connected-systems.md, "sql", in substance: every strategy, three hops. */
    static final String SHOP_DATASET = """
            dataset:
              table: customers
              key: id
              match: {email: email, accountId: customer_number}
              access: [id, customer_number, email, full_name, phone, birth_date, marketing_opt_in, created_on]
              erasure:
                columns:
                  email: hash
                  full_name: {strategy: redact, value: "[erased]"}
                  phone: set-null
                  birth_date: set-null
                  customer_number: {strategy: retain, basis: GDPR_ART_17_3_B, note: customer number printed on invoices}
              optOut: {marketing_opt_in: false}
              limitUse: {limit_sensitive_use: true}
              correct: {name: full_name, phone: phone, birthDate: birth_date}
              children:
                - table: addresses
                  key: id
                  foreignKey: customer_id
                  access: [street, city, postcode]
                  erasure: delete
                - table: orders
                  key: id
                  foreignKey: customer_id
                  access: [id, placed_on, total, shipping_name, shipping_street]
                  erasure:
                    strategy: retain
                    basis: GDPR_ART_17_3_B
                    note: invoices, 10 years
                    columns:
                      shipping_name: set-null
                      shipping_street: redact
                  children:
                    - table: order_lines
                      foreignKey: order_id
                      access: [line_no, product, quantity, price]
                      erasure: {strategy: retain, basis: GDPR_ART_17_3_B, note: "invoice lines, 10 years"}
                - table: tickets
                  key: id
                  foreignKey: customer_id
                  access: [id, subject, opened_on]
                  erasure: delete
                  children:
                    - table: ticket_messages
                      foreignKey: ticket_id
                      access: [body, author]
                      erasure: delete
                - table: newsletter_subscriptions
                  foreignKey: customer_id
                  access: [list_name, subscribed]
                  erasure: delete
                  optOut: {subscribed: false}
            """;

    /** Everything of the customer deleted: the foreign keys decide whether the order is right. */
    static final String DELETE_ALL_DATASET = """
            dataset:
              table: customers
              key: id
              match: {email: email}
              access: [id, email, full_name]
              erasure: delete
              children:
                - table: addresses
                  foreignKey: customer_id
                  access: [street]
                  erasure: delete
                - table: orders
                  key: id
                  foreignKey: customer_id
                  access: [id, total]
                  erasure: delete
                  children:
                    - table: order_lines
                      foreignKey: order_id
                      access: [product]
                      erasure: delete
                - table: tickets
                  key: id
                  foreignKey: customer_id
                  access: [subject]
                  erasure: delete
                  children:
                    - table: ticket_messages
                      foreignKey: ticket_id
                      access: [body]
                      erasure: delete
                - table: newsletter_subscriptions
                  foreignKey: customer_id
                  access: [list_name]
                  erasure: delete
            """;

    protected SqlConnector connector;

    /** The JDBC URL the connector gets. */
    abstract String url();

    abstract String user();

    abstract String password();

    /** The schema (MariaDB: database) of this test class; created by {@link #createSchema}. */
    abstract String schema();

    /** A connection for setting up and checking, outside the connector. */
    abstract Connection connect() throws SQLException;

    abstract void createSchema(Statement statement) throws SQLException;

    @AfterEach
    void closePools() {
        connector.close();
    }

    @BeforeEach
    void createShop() throws SQLException {
        connector = new SqlConnector(new Secrets(Map.of("SHOP_DB_PASSWORD", password(), "SHOP_HASH_KEY", HASH_KEY)::get),
                ErasureHashKey.of(""));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            createSchema(statement);
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                statement.execute("drop table if exists " + t(TABLES.get(i)));
            }
            statement.execute("create table " + t("customers") + " (id bigint primary key, customer_number "
                    + "varchar(20) not null, email varchar(200), full_name varchar(200), phone varchar(40), birth_date "
                    + "date, marketing_opt_in boolean not null, created_on date not null, limit_sensitive_use boolean not "
                    + "null)");
            statement.execute("create table " + t("addresses") + " (id bigint primary key, customer_id bigint not null, "
                    + "street varchar(200), city varchar(100), postcode varchar(20), "
                    + "foreign key (customer_id) references " + t("customers") + " (id))");
            statement.execute("create table " + t("orders") + " (id bigint primary key, customer_id bigint not null, "
                    + "placed_on date not null, total numeric(10,2) not null, shipping_name varchar(200), "
                    + "shipping_street varchar(200), foreign key (customer_id) references " + t("customers") + " (id))");
            statement.execute("create table " + t("order_lines") + " (order_id bigint not null, line_no int not null, "
                    + "product varchar(100) not null, quantity int not null, price numeric(10,2) not null, "
                    + "primary key (order_id, line_no), foreign key (order_id) references " + t("orders") + " (id))");
            statement.execute("create table " + t("tickets") + " (id bigint primary key, customer_id bigint not null, "
                    + "subject varchar(200), opened_on date, foreign key (customer_id) references " + t("customers")
                    + " (id))");
            statement.execute("create table " + t("ticket_messages") + " (id bigint primary key, ticket_id bigint not "
                    + "null, body varchar(1000), author varchar(20), foreign key (ticket_id) references " + t("tickets")
                    + " (id))");
            statement.execute("create table " + t("newsletter_subscriptions") + " (id bigint primary key, customer_id "
                    + "bigint not null, list_name varchar(50), subscribed boolean not null, "
                    + "foreign key (customer_id) references " + t("customers") + " (id))");
            statement.execute("insert into " + t("customers") + " values "
                    + "(1, 'C-1001', 'Alice@Example.com', 'Alice Adams', '+44 20 7946 0001', date '1990-04-01', true, date '2020-01-15', false), "
                    + "(2, 'C-1002', 'bob@example.com', 'Bob Brown', '+44 20 7946 0002', date '1985-09-12', true, date '2020-02-01', false), "
                    // Same name and birthday as Alice, another address: a different person.
                    + "(3, 'C-1003', 'alice@example.org', 'Alice Adams', '+44 20 7946 0003', date '1990-04-01', true, date '2021-03-03', true), "
                    + "(4, 'C-1004', 'xalice@example.com', 'Xavier Alice', null, null, false, date '2021-05-05', false), "
                    + "(5, 'C-1005', null, 'No Email', null, null, false, date '2022-01-01', false), "
                    + "(6, 'C-1006', 'alice@example.com.evil', 'Eve', null, null, true, date '2022-02-02', false)");
            statement.execute("insert into " + t("addresses") + " values "
                    + "(100, 1, '1 High Street', 'London', 'N1 1AA'), (101, 1, '2 Low Road', 'Leeds', 'LS1 1AA'), "
                    + "(102, 2, '1 High Street', 'London', 'N1 1AA'), (103, 3, '1 High Street', 'London', 'N1 1AA')");
            statement.execute("insert into " + t("orders") + " values "
                    + "(10, 1, date '2024-01-10', 59.90, 'Alice Adams', '1 High Street'), "
                    + "(11, 1, date '2024-03-05', 15.00, 'Alice Adams', '2 Low Road'), "
                    + "(20, 2, date '2024-01-10', 59.90, 'Bob Brown', '1 High Street'), "
                    + "(30, 3, date '2024-02-02', 9.99, 'Alice Adams', '1 High Street')");
            statement.execute("insert into " + t("order_lines") + " values "
                    + "(10, 1, 'Tea', 2, 9.95), (10, 2, 'Mug', 1, 30.00), (10, 3, 'Biscuits', 2, 5.00), "
                    + "(11, 1, 'Tea', 1, 10.00), (11, 2, 'Spoon', 1, 5.00), "
                    + "(20, 1, 'Tea', 2, 9.95), (20, 2, 'Mug', 1, 40.00), (30, 1, 'Tea', 1, 9.99)");
            statement.execute("insert into " + t("tickets") + " values (40, 1, 'Late delivery', date '2024-01-20'), "
                    + "(41, 2, 'Late delivery', date '2024-01-21'), (42, 3, 'Broken mug', date '2024-02-10')");
            statement.execute("insert into " + t("ticket_messages") + " values "
                    + "(400, 40, 'Where is my tea?', 'customer'), (401, 40, 'On its way', 'staff'), "
                    + "(410, 41, 'Where is my tea?', 'customer'), (420, 42, 'The mug arrived broken', 'customer')");
            statement.execute("insert into " + t("newsletter_subscriptions") + " values "
                    + "(500, 1, 'weekly', true), (501, 2, 'weekly', true), (503, 3, 'weekly', true)");
        }
    }

    // --- access ---------------------------------------------------------------------------------------------------

    @Test
    void accessReturnsExactlyTheSubjectsRowsAcrossThreeHops() throws SQLException {
        Map<String, List<String>> before = snapshot();

        ActionResult result = perform(SHOP_DATASET, ConnectorAction.ACCESS, ALICE);

        assertThat(result.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(result.tables()).extracting(TableReport::table, TableReport::rowsFound).containsExactly(
                tuple("customers", 1), tuple("addresses", 2), tuple("orders", 2), tuple("order_lines", 5),
                tuple("tickets", 1), tuple("ticket_messages", 2), tuple("newsletter_subscriptions", 1));
        assertThat(result.summary()).isEqualTo("Found 14 rows in 7 tables.");
        Map<String, List<Map<String, Object>>> data = result.data();
        assertThat(data.keySet()).containsExactlyElementsOf(TABLES);

        Map<String, Object> alice = data.get("customers").get(0);
        assertThat(alice).containsOnlyKeys("id", "customer_number", "email", "full_name", "phone", "birth_date",
                "marketing_opt_in", "created_on");
        assertThat(((Number) alice.get("id")).longValue()).isEqualTo(1L);
        assertThat(alice).containsEntry("email", "Alice@Example.com").containsEntry("full_name", "Alice Adams")
                .containsEntry("birth_date", "1990-04-01").containsEntry("marketing_opt_in", true)
                .containsEntry("created_on", "2020-01-15");
        assertThat(data.get("addresses")).extracting(row -> row.get("street"))
                .containsExactlyInAnyOrder("1 High Street", "2 Low Road");
        assertThat(data.get("addresses").get(0)).containsOnlyKeys("street", "city", "postcode");
        assertThat(data.get("orders")).extracting(row -> ((Number) row.get("id")).longValue())
                .containsExactlyInAnyOrder(10L, 11L);
        assertThat((BigDecimal) data.get("orders").get(0).get("total")).isEqualByComparingTo("59.90");
        assertThat(data.get("order_lines")).extracting(row -> row.get("product"))
                .containsExactlyInAnyOrder("Tea", "Mug", "Biscuits", "Tea", "Spoon");
        assertThat(data.get("order_lines").get(0)).containsOnlyKeys("line_no", "product", "quantity", "price");
        assertThat(data.get("ticket_messages")).extracting(row -> row.get("body"))
                .containsExactlyInAnyOrder("Where is my tea?", "On its way");
        assertThat(data.get("newsletter_subscriptions")).containsExactly(Map.of("list_name", "weekly", "subscribed", true));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anAccountIdNarrowsTheMatchButNeverWidensIt() {
        ActionResult both = perform(SHOP_DATASET, ConnectorAction.ACCESS,
                new DataSubject("alice@example.com", null, "C-1001"));
        assertThat(both.rowsFound()).isEqualTo(14);

        ActionResult someoneElsesAccount = perform(SHOP_DATASET, ConnectorAction.ACCESS,
                new DataSubject("alice@example.com", null, "C-1002"));
        assertThat(someoneElsesAccount.rowsFound()).isZero();
        assertThat(someoneElsesAccount.data()).isEmpty();
        assertThat(someoneElsesAccount.summary()).isEqualTo("Found no data for this person.");
    }

    @Test
    void aSubjectWithoutDataGetsAnEmptyAnswer() {
        ActionResult result = perform(SHOP_DATASET, ConnectorAction.ACCESS, new DataSubject("nobody@example.com", null, null));

        assertThat(result.tables()).isEmpty();
        assertThat(result.data()).isEmpty();
    }

    // --- lookback and portability ---------------------------------------------------------------------------------

    /** The shop mapping where orders and tickets say when they were collected. */
    static final String LOOKBACK_DATASET = SHOP_DATASET
            .replace("      access: [id, placed_on, total, shipping_name, shipping_street]\n",
                    "      since: placed_on\n      access: [id, placed_on, total, shipping_name, shipping_street]\n")
            .replace("      access: [id, subject, opened_on]\n",
                    "      since: opened_on\n      access: [id, subject, opened_on]\n");

    /** The shop mapping with the columns the subject provided; orders and order lines do not say. */
    static final String PROVIDED_DATASET = SHOP_DATASET
            .replace("  access: [id, customer_number, email, full_name, phone, birth_date, marketing_opt_in, created_on]\n",
                    "  access: [id, customer_number, email, full_name, phone, birth_date, marketing_opt_in, created_on]\n"
                            + "  provided: [email, full_name, phone, birth_date]\n")
            .replace("      access: [street, city, postcode]\n",
                    "      access: [street, city, postcode]\n      provided: [street, city, postcode]\n")
            .replace("      access: [id, subject, opened_on]\n",
                    "      access: [id, subject, opened_on]\n      provided: [subject]\n")
            .replace("          access: [body, author]\n",
                    "          access: [body, author]\n          provided: [body]\n")
            .replace("      access: [list_name, subscribed]\n",
                    "      access: [list_name, subscribed]\n      provided: []\n");

    static final Instant FEBRUARY_2024 = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void theLookbackReturnsOnlyRecentChildRowsAndAlwaysTheIdentityRow() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // On the day the lookback starts: included. Without a date: its age is unknown, so included.
            statement.execute("insert into " + t("orders") + " values (12, 1, date '2024-02-01', 5.00, 'Alice Adams', "
                    + "'1 High Street')");
            statement.execute("insert into " + t("tickets") + " values (43, 1, 'Undated', null)");
            statement.execute("insert into " + t("ticket_messages") + " values (430, 43, 'Hello?', 'customer')");
        }
        Map<String, List<String>> before = snapshot();

        ActionResult result = perform(LOOKBACK_DATASET, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, false);

        // Alice's account dates from 2020, her order 10 and ticket 40 from January 2024.
        assertThat(result.tables()).extracting(TableReport::table, TableReport::rowsFound).containsExactly(
                tuple("customers", 1), tuple("addresses", 2), tuple("orders", 2), tuple("order_lines", 2),
                tuple("tickets", 1), tuple("ticket_messages", 1), tuple("newsletter_subscriptions", 1));
        assertThat(result.data().get("customers")).singleElement()
                .satisfies(alice -> assertThat(alice).containsEntry("created_on", "2020-01-15"));
        assertThat(result.data().get("orders")).extracting(row -> ((Number) row.get("id")).longValue())
                .containsExactlyInAnyOrder(11L, 12L);
        assertThat(result.data().get("tickets")).extracting(row -> row.get("subject")).containsExactly("Undated");
        assertThat(result.data().get("ticket_messages")).extracting(row -> row.get("body")).containsExactly("Hello?");
        assertThat(result.summary()).isEqualTo("Found 10 rows in 7 tables (orders and tickets only from 2024-02-01 on).");
        assertThat(snapshot()).isEqualTo(before);

        ActionResult everything = perform(LOOKBACK_DATASET, ConnectorAction.ACCESS, ALICE, null, false);
        assertThat(everything.rowsFound()).isEqualTo(17);
        assertThat(everything.summary()).isEqualTo("Found 17 rows in 7 tables.");
    }

    @Test
    void anOrderLeftOutByTheLookbackTakesItsOrderLinesWithIt() {
        // order_lines declares no since: its rows come through the orders found, and order 10 is not found.
        ActionResult result = perform(LOOKBACK_DATASET, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, false);

        assertThat(result.data().get("orders")).extracting(row -> ((Number) row.get("id")).longValue())
                .containsExactly(11L);
        assertThat(result.data().get("order_lines")).extracting(row -> row.get("product"))
                .containsExactlyInAnyOrder("Tea", "Spoon");
        // Ticket 40 (20 January) is left out, and with it both its messages, which have no date of their own.
        assertThat(result.data()).doesNotContainKeys("tickets", "ticket_messages");
        assertThat(result.rowsFound()).isEqualTo(7);
    }

    @Test
    void theLookbackComparesTimestampsToo() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + t("logins"));
            statement.execute("create table " + t("logins") + " (id bigint primary key, customer_id bigint not null, "
                    + "logged_in_at " + timestampType() + " null, ip varchar(40))");
            statement.execute("insert into " + t("logins") + " values "
                    + "(1, 1, timestamp '2024-01-31 23:59:59', '192.0.2.1'), "
                    + "(2, 1, timestamp '2024-02-01 00:00:00', '192.0.2.2'), "
                    + "(3, 1, null, '192.0.2.3'), "
                    + "(4, 2, timestamp '2024-06-01 12:00:00', '192.0.2.4')");
        }
        String logins = """
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [email]
                  erasure: {columns: {email: set-null}}
                  children:
                    - table: logins
                      foreignKey: customer_id
                      since: logged_in_at
                      access: [ip, logged_in_at]
                      erasure: delete
                """;

        ActionResult result = perform(logins, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, false);

        assertThat(result.data().get("logins")).extracting(row -> row.get("ip"))
                .containsExactlyInAnyOrder("192.0.2.2", "192.0.2.3");
        assertThat(result.summary()).isEqualTo("Found 3 rows in 2 tables (logins only from 2024-02-01 on).");
        assertThat(connector.testConnection(system(logins)).ok()).isTrue();
    }

    @Test
    void theLookbackComparesInstantsInColumnsWithATimeZone() throws SQLException {
        String type = timestampWithTimeZoneType();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + t("logins"));
            statement.execute("create table " + t("logins") + " (id bigint primary key, customer_id bigint not null, "
                    + "logged_in_at " + type + ", ip varchar(40))");
            statement.execute("insert into " + t("logins") + " values "
                    + "(1, 1, " + type + " '2024-01-31 23:59:59+00', '192.0.2.1'), "
                    + "(2, 1, " + type + " '2024-02-01 00:00:00+00', '192.0.2.2'), "
                    // 00:30 in UTC+1 is 23:30 the day before in UTC: too old.
                    + "(3, 1, " + type + " '2024-02-01 00:30:00+01', '192.0.2.3'), "
                    + "(4, 1, " + type + " '2024-01-31 23:30:00-01', '192.0.2.4')");
        }
        String logins = """
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [email]
                  erasure: {columns: {email: set-null}}
                  children:
                    - table: logins
                      foreignKey: customer_id
                      since: logged_in_at
                      access: [ip]
                      erasure: delete
                """;

        ActionResult result = perform(logins, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, false);

        assertThat(result.data().get("logins")).extracting(row -> row.get("ip"))
                .containsExactlyInAnyOrder("192.0.2.2", "192.0.2.4");
    }

    /** Issue 15: an instant went out as a local time (`2022-04-01T11:24:59` for `…+00`), so the subject lost its zone. */
    @Test
    void anInstantIsExportedWithItsOffset() throws SQLException {
        String type = timestampWithTimeZoneType();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + t("logins"));
            statement.execute("create table " + t("logins") + " (id bigint primary key, customer_id bigint not null, "
                    + "logged_in_at " + type + ", ip varchar(40))");
            statement.execute("insert into " + t("logins") + " values "
                    + "(1, 1, " + type + " '2022-04-01 11:24:59+00', '192.0.2.1'), "
                    + "(2, 1, " + type + " '2022-04-01 13:24:59+02', '192.0.2.2')");
        }
        String logins = """
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [email]
                  erasure: {columns: {email: set-null}}
                  children:
                    - table: logins
                      foreignKey: customer_id
                      access: [logged_in_at]
                      erasure: delete
                """;

        ActionResult result = perform(logins, ConnectorAction.ACCESS, ALICE);

        assertThat(result.data().get("logins")).extracting(row -> String.valueOf(row.get("logged_in_at")))
                .allSatisfy(text -> assertThat(java.time.OffsetDateTime.parse(text).toInstant())
                        .as(text + " names its offset and the instant").isEqualTo(Instant.parse("2022-04-01T11:24:59Z")))
                .hasSize(2);
    }

    @Test
    void erasureAndItsDryRunIgnoreTheLookback() throws SQLException {
        ActionResult plan = perform(LOOKBACK_DATASET, ConnectorAction.PLAN_ERASURE, ALICE, FEBRUARY_2024, false);
        assertThat(plan.tables()).extracting(TableReport::table, TableReport::rowsFound).containsExactly(
                tuple("customers", 1), tuple("addresses", 2), tuple("orders", 2), tuple("order_lines", 5),
                tuple("tickets", 1), tuple("ticket_messages", 2), tuple("newsletter_subscriptions", 1));

        ActionResult erasure = perform(LOOKBACK_DATASET, ConnectorAction.ERASE, ALICE, FEBRUARY_2024, false);

        assertThat(erasure.rowsFound()).isEqualTo(14);
        // Ticket 40 and order 10 are from January 2024, before the lookback: erased all the same.
        assertThat(count("tickets where customer_id = 1")).isZero();
        assertThat(count("ticket_messages where ticket_id = 40")).isZero();
        assertThat(row("select shipping_name from " + t("orders") + " where id = 10").get("shipping_name")).isNull();
        assertThat(count("orders where customer_id = 1 and shipping_name is not null")).isZero();
    }

    @Test
    void correctionIgnoresTheLookback() throws SQLException {
        String correctsShipping = LOOKBACK_DATASET.replace("    - table: orders\n",
                "    - table: orders\n      correct: {shippingName: shipping_name}\n");
        ActionResult correction = perform(correctsShipping, ConnectorAction.CORRECT, ALICE,
                Map.of("shippingName", "Alice Brown"), FEBRUARY_2024);
        assertThat(correction.summary()).isEqualTo("Corrected shippingName in orders (2 rows).");
        assertThat(count("orders where customer_id = 1 and shipping_name = 'Alice Brown'")).isEqualTo(2);
    }

    @Test
    void portabilityReturnsOnlyTheProvidedColumns() {
        ActionResult result = perform(PROVIDED_DATASET, ConnectorAction.ACCESS, ALICE, null, true);

        // Every row is found; only what the subject provided is handed over.
        assertThat(result.rowsFound()).isEqualTo(14);
        assertThat(result.summary()).isEqualTo("Found 14 rows in 7 tables (only the data the person provided).");
        Map<String, List<Map<String, Object>>> data = result.data();
        // newsletter_subscriptions: provided: [] — nothing in it came from the subject.
        assertThat(data.keySet()).containsExactly("customers", "addresses", "orders", "order_lines", "tickets",
                "ticket_messages");
        assertThat(data.get("customers")).singleElement().satisfies(alice -> assertThat(alice)
                .containsOnlyKeys("email", "full_name", "phone", "birth_date")
                .containsEntry("email", "Alice@Example.com").containsEntry("birth_date", "1990-04-01"));
        assertThat(data.get("addresses")).allSatisfy(row -> assertThat(row).containsOnlyKeys("street", "city", "postcode"));
        // Tables that do not declare provided give all their access columns.
        assertThat(data.get("orders")).allSatisfy(row -> assertThat(row)
                .containsOnlyKeys("id", "placed_on", "total", "shipping_name", "shipping_street"));
        assertThat(data.get("order_lines")).hasSize(5)
                .allSatisfy(row -> assertThat(row).containsOnlyKeys("line_no", "product", "quantity", "price"));
        assertThat(data.get("tickets")).containsExactly(Map.of("subject", "Late delivery"));
        assertThat(data.get("ticket_messages")).extracting(row -> row.keySet()).containsOnly(Set.of("body"));

        ActionResult access = perform(PROVIDED_DATASET, ConnectorAction.ACCESS, ALICE, null, false);
        assertThat(access.data().get("customers").get(0)).hasSize(8);
        assertThat(access.data()).containsKey("newsletter_subscriptions");
        assertThat(access.summary()).isEqualTo("Found 14 rows in 7 tables.");
    }

    @Test
    void portabilityAndTheLookbackCombine() {
        String both = LOOKBACK_DATASET.replace("      access: [id, subject, opened_on]\n",
                "      access: [id, subject, opened_on]\n      provided: [subject]\n");
        ActionResult result = perform(both, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, true);

        assertThat(result.rowsFound()).isEqualTo(7);
        assertThat(result.summary()).isEqualTo("Found 7 rows in 5 tables (only the data the person provided; orders "
                + "and tickets only from 2024-02-01 on).");
    }

    @Test
    void testConnectionChecksTheSinceColumn() {
        ConnectionCheck fine = connector.testConnection(system(LOOKBACK_DATASET));
        assertThat(fine.ok()).as(fine.message() + " " + fine.details()).isTrue();

        ConnectionCheck missing = connector.testConnection(system(LOOKBACK_DATASET
                .replace("since: placed_on", "since: shipped_on")));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.details()).contains("column orders.shipped_on is missing");

        ConnectionCheck notADate = connector.testConnection(system(LOOKBACK_DATASET
                .replace("since: placed_on", "since: shipping_name")));
        assertThat(notADate.ok()).isFalse();
        assertThat(notADate.details()).contains("orders.shipping_name is not a date or timestamp column, so since "
                + "cannot look back by it");
    }

    @Test
    void aSinceColumnThatIsNoDateFailsTheAccessAndSaysWhy() {
        String notADate = LOOKBACK_DATASET.replace("since: placed_on", "since: shipping_name");

        assertThatThrownBy(() -> perform(notADate, ConnectorAction.ACCESS, ALICE, FEBRUARY_2024, false))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("orders")
                .hasMessageContaining("since column shipping_name is no date or timestamp column");
        // Without a lookback the column is not compared, and access works.
        assertThat(perform(notADate, ConnectorAction.ACCESS, ALICE, null, false).rowsFound()).isEqualTo(14);
    }

    // --- erasure --------------------------------------------------------------------------------------------------

    @Test
    void erasureAppliesEachStrategyAndTouchesNobodyElse() throws SQLException {
        Map<String, List<String>> before = snapshot();

        ActionResult result = perform(SHOP_DATASET, ConnectorAction.ERASE, ALICE);

        // delete
        assertThat(count("addresses where customer_id = 1")).isZero();
        assertThat(count("tickets where customer_id = 1")).isZero();
        assertThat(count("ticket_messages where ticket_id = 40")).isZero();
        assertThat(count("newsletter_subscriptions where customer_id = 1")).isZero();
        // set-null, redact (custom and default text), hash, retain
        Map<String, Object> alice = row("select email, full_name, phone, birth_date, customer_number, marketing_opt_in "
                + "from " + t("customers") + " where id = 1");
        assertThat(alice.get("phone")).isNull();
        assertThat(alice.get("birth_date")).isNull();
        assertThat(alice.get("full_name")).isEqualTo("[erased]");
        assertThat(alice.get("email")).isEqualTo(hmacHex(HASH_KEY, "Alice@Example.com"));
        assertThat(alice.get("customer_number")).isEqualTo("C-1001");
        assertThat(rows("select shipping_name, shipping_street, total from " + t("orders") + " where customer_id = 1"))
                .extracting(row -> row.get("shipping_name"), row -> row.get("shipping_street"))
                .containsOnly(tuple(null, "[redacted]"));
        assertThat(count("orders where customer_id = 1")).isEqualTo(2);
        assertThat(count("order_lines where order_id in (10, 11)")).isEqualTo(5);

        // Everybody else's rows are exactly as they were.
        Map<String, List<String>> after = snapshot();
        assertThat(withoutAlice(after)).isEqualTo(withoutAlice(before));

        TableReport.Keeping customerNumber = new TableReport.Keeping("GDPR_ART_17_3_B",
                "customer number printed on invoices", List.of("customer_number"));
        TableReport.Keeping invoices = new TableReport.Keeping("GDPR_ART_17_3_B", "invoices, 10 years",
                List.of("placed_on", "total"));
        TableReport.Keeping invoiceLines = new TableReport.Keeping("GDPR_ART_17_3_B", "invoice lines, 10 years",
                List.of());
        // The masked columns by name and the reasons by their parts: the subject's answer words them.
        assertThat(result.tables()).containsExactly(
                new TableReport("customers", 1, 0, 1, 4, 0, 1,
                        List.of("GDPR Art. 17(3)(b): customer number printed on invoices (fields: customer_number)"),
                        List.of("email", "full_name", "phone", "birth_date"), List.of(customerNumber)),
                new TableReport("addresses", 2, 2, 0, 0, 0, 0, List.of()),
                new TableReport("orders", 2, 0, 2, 4, 0, 4,
                        List.of("GDPR Art. 17(3)(b): invoices, 10 years (fields: placed_on, total)"),
                        List.of("shipping_name", "shipping_street"), List.of(invoices)),
                new TableReport("order_lines", 5, 0, 0, 0, 5, 0, List.of("GDPR Art. 17(3)(b): invoice lines, 10 years"),
                        List.of(), List.of(invoiceLines)),
                new TableReport("tickets", 1, 1, 0, 0, 0, 0, List.of()),
                new TableReport("ticket_messages", 2, 2, 0, 0, 0, 0, List.of()),
                new TableReport("newsletter_subscriptions", 1, 1, 0, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("Deleted 6 rows in 4 tables, masked 8 fields, kept 5 rows and 5 fields "
                + "(GDPR Art. 17(3)(b): customer number printed on invoices (fields: customer_number); "
                + "GDPR Art. 17(3)(b): invoices, 10 years (fields: placed_on, total); "
                + "GDPR Art. 17(3)(b): invoice lines, 10 years).");
    }

    /** Issue 15: a kept row as a fact without the person: a birth date down to its year, an amount set to zero. */
    @Test
    void yearOnlyAndZeroMaskDatesAndNumbersOfKeptRowsOnceAndNobodyElses() throws SQLException {
        String dataset = SHOP_DATASET.replace("birth_date: set-null", "birth_date: year-only")
                .replaceAll("( +)shipping_street: redact", "$1shipping_street: redact\n$1total: zero");
        Map<String, List<String>> before = snapshot();

        ActionResult erased = perform(dataset, ConnectorAction.ERASE, ALICE);

        assertThat(row("select birth_date from " + t("customers") + " where id = 1").get("birth_date").toString())
                .isEqualTo("1990-01-01");
        assertThat(rows("select total, placed_on from " + t("orders") + " where customer_id = 1"))
                .allSatisfy(order -> assertThat(new BigDecimal(String.valueOf(order.get("total"))))
                        .isEqualByComparingTo("0"))
                .extracting(order -> order.get("placed_on").toString())
                .as("the retained column stays").containsExactlyInAnyOrder("2024-01-10", "2024-03-05");
        assertThat(withoutAlice(snapshot())).isEqualTo(withoutAlice(before));
        assertThat(erased.tables().stream().filter(table -> table.table().equals("orders")).findFirst().orElseThrow()
                .fieldsMasked()).isEqualTo(6);

        ActionResult again = perform(dataset, ConnectorAction.ERASE, ALICE);
        assertThat(again.tables()).as("a second erasure finds everything masked already")
                .allSatisfy(table -> assertThat(table.fieldsMasked()).isZero());
    }

    @Test
    void yearOnlyOnATextColumnFailsTheErasureAndSaysWhich() {
        String dataset = SHOP_DATASET.replace("phone: set-null", "phone: year-only");

        assertThatThrownBy(() -> perform(dataset, ConnectorAction.ERASE, ALICE))
                .hasMessageContaining("phone holds String values, not dates or timestamps");
    }

    @Test
    void theProofOfErasureListsOnlyWhatIsRetainedWithAReason() {
        ActionResult result = perform(SHOP_DATASET, ConnectorAction.ERASE, ALICE);

        // Found again by the keys captured before the erasure: the hashed email no longer matches.
        assertThat(result.remaining()).containsExactly(
                new TableReport("customers", 1, 0, 0, 0, 0, 1,
                        List.of("GDPR Art. 17(3)(b): customer number printed on invoices (fields: customer_number)"),
                        List.of(), List.of(new TableReport.Keeping("GDPR_ART_17_3_B",
                                "customer number printed on invoices", List.of("customer_number")))),
                new TableReport("orders", 2, 0, 0, 0, 0, 4,
                        List.of("GDPR Art. 17(3)(b): invoices, 10 years (fields: placed_on, total)"),
                        List.of(), List.of(new TableReport.Keeping("GDPR_ART_17_3_B", "invoices, 10 years",
                                List.of("placed_on", "total")))),
                new TableReport("order_lines", 5, 0, 0, 0, 5, 0, List.of("GDPR Art. 17(3)(b): invoice lines, 10 years"),
                        List.of(), List.of(new TableReport.Keeping("GDPR_ART_17_3_B", "invoice lines, 10 years",
                                List.of()))));
        assertThat(result.remaining()).allSatisfy(table -> {
            assertThat(table.rowsRetained() + table.fieldsRetained()).isPositive();
            assertThat(table.retentionNotes()).isNotEmpty().allMatch(note -> note.startsWith("GDPR Art. 17(3)"));
        });
    }

    @Test
    void theDryRunCountsWhatTheErasureDoesAndChangesNothing() throws SQLException {
        Map<String, List<String>> before = snapshot();

        ActionResult plan = perform(SHOP_DATASET, ConnectorAction.PLAN_ERASURE, ALICE);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(plan.summary()).startsWith("Would delete 6 rows in 4 tables, mask 8 fields, keep 5 rows and 5 fields (");
        assertThat(plan.remaining()).isEmpty();

        ActionResult erasure = perform(SHOP_DATASET, ConnectorAction.ERASE, ALICE);

        assertThat(erasure.tables()).isEqualTo(plan.tables());
    }

    @Test
    void erasingTwiceSucceedsAndTheSecondTimeFindsNothing() throws SQLException {
        perform(SHOP_DATASET, ConnectorAction.ERASE, ALICE);
        Map<String, List<String>> afterFirst = snapshot();

        ActionResult second = perform(SHOP_DATASET, ConnectorAction.ERASE, ALICE);

        assertThat(second.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(second.rowsFound()).isZero();
        assertThat(second.tables()).isEmpty();
        assertThat(second.summary()).isEqualTo("Found nothing of this person to erase (0 rows); nothing changed.");
        assertThat(snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void deletesRunChildrenFirstSoRealForeignKeysHold() throws SQLException {
        // The constraints are real: a parent cannot go before its children.
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from " + t("tickets") + " where id = 40"))
                    .isInstanceOf(SQLException.class);
        }
        Map<String, List<String>> before = snapshot();

        ActionResult result = perform(DELETE_ALL_DATASET, ConnectorAction.ERASE, ALICE);

        assertThat(result.tables()).extracting(TableReport::table, TableReport::rowsDeleted).containsExactly(
                tuple("customers", 1), tuple("addresses", 2), tuple("orders", 2), tuple("order_lines", 5),
                tuple("tickets", 1), tuple("ticket_messages", 2), tuple("newsletter_subscriptions", 1));
        assertThat(result.remaining()).isEmpty();
        assertThat(result.summary()).isEqualTo("Deleted 14 rows in 7 tables.");
        assertThat(count("customers where id = 1")).isZero();
        assertThat(withoutAlice(snapshot())).isEqualTo(withoutAlice(before));
    }

    @Test
    void aFailingErasureRollsBackEverythingAndNamesTheTableNotTheData() throws SQLException {
        // Orders are not mapped, so deleting the customer breaks their foreign key — after the children were deleted.
        Map<String, List<String>> before = snapshot();

        assertThatThrownBy(() -> perform(MISSES_ORDERS, ConnectorAction.ERASE, ALICE))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Deleting from customers failed")
                .hasMessageContaining("SQL state 23")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).doesNotContain("alice", "example.com", "c-1001"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void largeFanOutsAreReadAndDeletedInChunks() throws SQLException {
        int orders = SqlExecutor.CHUNK_SIZE * 2 + 1;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement order = connection.prepareStatement("insert into " + t("orders")
                    + " values (?, 5, date '2024-05-01', 1.00, 'No Email', 'Somewhere')");
                 PreparedStatement line = connection.prepareStatement("insert into " + t("order_lines")
                         + " values (?, 1, 'Pen', 1, 1.00)")) {
                for (int i = 0; i < orders; i++) {
                    order.setLong(1, 10_000 + i);
                    order.addBatch();
                    line.setLong(1, 10_000 + i);
                    line.addBatch();
                }
                order.executeBatch();
                line.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("update " + t("customers") + " set email = 'busy@example.com' where id = 5");
            }
            connection.commit();
        }
        DataSubject busy = new DataSubject("busy@example.com", null, null);

        ActionResult access = perform(DELETE_ALL_DATASET, ConnectorAction.ACCESS, busy);
        assertThat(access.data().get("order_lines")).hasSize(orders);

        ActionResult erasure = perform(DELETE_ALL_DATASET, ConnectorAction.ERASE, busy);
        assertThat(erasure.tables()).extracting(TableReport::table, TableReport::rowsDeleted)
                .contains(tuple("orders", orders), tuple("order_lines", orders), tuple("customers", 1));
        assertThat(count("order_lines where order_id >= 10000")).isZero();
        assertThat(count("order_lines")).isEqualTo(8);
    }

    // --- hostile identities ---------------------------------------------------------------------------------------

    @Test
    void identitiesThatLookLikeSqlTouchNothing() throws SQLException {
        Map<String, List<String>> before = snapshot();
        List<DataSubject> hostile = List.of(
                new DataSubject("' OR 1=1 --", null, null),
                new DataSubject("x@y.z'; DROP TABLE customers; --", null, null),
                new DataSubject("alice@example.com' OR '1'='1", null, null),
                new DataSubject("%", null, null),
                new DataSubject("alice@example.com", null, "C-1001' OR '1'='1"),
                new DataSubject("alice@example.com", null, "1 OR 1=1"));

        for (DataSubject subject : hostile) {
            for (ConnectorAction action : ConnectorAction.values()) {
                ActionResult result = perform(SHOP_DATASET, action, subject,
                        Map.of("name", "'; DROP TABLE orders; --"));
                assertThat(result.rowsFound()).as(action + " for a hostile identity").isZero();
                assertThat(result.data()).isEmpty();
            }
        }
        for (ConnectorAction action : List.of(ConnectorAction.OPT_OUT, ConnectorAction.LIMIT_USE)) {
            ActionResult result = batch(SHOP_DATASET, action, hostile);
            assertThat(result.rowsFound()).as("a batch of hostile identities").isZero();
            assertThat(result.summary()).isEqualTo("6 people: none found; nothing changed.");
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    // --- opt-out and correction -----------------------------------------------------------------------------------

    @Test
    void optOutSetsTheDeclaredColumnsOnceForTheSubjectOnly() throws SQLException {
        ActionResult result = perform(SHOP_DATASET, ConnectorAction.OPT_OUT, ALICE);

        assertThat(result.tables()).containsExactly(new TableReport("customers", 1, 0, 1, 0, 0, 0, List.of()),
                new TableReport("newsletter_subscriptions", 1, 0, 1, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("Opted out 2 rows in 2 tables.");
        assertThat(row("select marketing_opt_in from " + t("customers") + " where id = 1").get("marketing_opt_in"))
                .isIn(false, 0, (byte) 0);
        assertThat(count("customers where marketing_opt_in = true")).isEqualTo(3); // customers 2, 3 and 6
        assertThat(count("newsletter_subscriptions where subscribed = true")).isEqualTo(2);

        ActionResult again = perform(SHOP_DATASET, ConnectorAction.OPT_OUT, ALICE);
        assertThat(again.tables()).extracting(TableReport::rowsUpdated).containsOnly(0);
        assertThat(again.summary()).isEqualTo("Found 2 rows, already opted out; nothing changed.");
    }

    @Test
    void limitingTheUseOfSensitiveDataSetsItsOwnColumnsOnceForTheSubjectOnly() throws SQLException {
        Map<String, List<String>> before = snapshot();

        ActionResult result = perform(SHOP_DATASET, ConnectorAction.LIMIT_USE, ALICE);

        assertThat(result.action()).isEqualTo(ConnectorAction.LIMIT_USE);
        assertThat(result.tables()).containsExactly(new TableReport("customers", 1, 0, 1, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("Limited the use of sensitive data in 1 row in 1 table.");
        assertThat(row("select limit_sensitive_use, marketing_opt_in from " + t("customers") + " where id = 1"))
                .satisfies(alice -> {
                    assertThat(alice.get("limit_sensitive_use")).isIn(true, 1, (byte) 1);
                    assertThat(alice.get("marketing_opt_in")).as("an opt-out is another action").isIn(true, 1, (byte) 1);
                });
        assertThat(count("customers where limit_sensitive_use = true")).isEqualTo(2); // Alice and customer 3
        assertThat(withoutAlice(snapshot())).isEqualTo(withoutAlice(before));

        ActionResult again = perform(SHOP_DATASET, ConnectorAction.LIMIT_USE, ALICE);
        assertThat(again.tables()).extracting(TableReport::rowsUpdated).containsOnly(0);
        assertThat(again.summary()).isEqualTo("Found 1 row, use of sensitive data already limited; nothing changed.");
    }

    // --- batches ------------------------------------------------------------------------------------------------------

    @Test
    void aBatchOptOutMatchesEachPersonAsTheirOwnRequestWouldAndTouchesNobodyElse() throws SQLException {
        Map<String, List<String>> before = snapshot();
        List<Map<String, Object>> customersBefore = customerColumnsOtherThanTheFlags();
        List<DataSubject> people = List.of(
                ALICE,                                                        // email only, in another case
                new DataSubject("ALICE@example.COM", "Alice", null),          // the same person again
                new DataSubject("bob@example.com", null, "C-1002"),            // email and account id: both match
                new DataSubject("alice@example.org", null, "C-1002"),          // account id of someone else: no one
                new DataSubject("nobody@example.com", null, null),             // unknown
                new DataSubject(" ", null, null),                              // nothing to match by
                new DataSubject(null, null, "C-1004"));                        // account id only; already opted out

        ActionResult result = batch(SHOP_DATASET, ConnectorAction.OPT_OUT, people);

        assertThat(result.action()).isEqualTo(ConnectorAction.OPT_OUT);
        assertThat(result.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(result.remaining()).isEmpty();
        assertThat(result.tables()).containsExactly(new TableReport("customers", 3, 0, 2, 0, 0, 0, List.of()),
                new TableReport("newsletter_subscriptions", 2, 0, 2, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("7 people: 3 found, 2 rows updated in customers and 2 rows updated in "
                + "newsletter_subscriptions.");
        assertThat(ids("customers where marketing_opt_in = true")).containsExactly(3L, 6L);
        assertThat(ids("newsletter_subscriptions where subscribed = true")).containsExactly(503L);
        assertThat(customerColumnsOtherThanTheFlags()).isEqualTo(customersBefore);
        Map<String, List<String>> after = snapshot();
        for (String table : List.of("addresses", "orders", "order_lines", "tickets", "ticket_messages")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
    }

    @Test
    void aBatchRunAgainFindsTheSamePeopleAndChangesNothingMore() throws SQLException {
        List<DataSubject> people = List.of(ALICE, new DataSubject("bob@example.com", null, null));
        batch(SHOP_DATASET, ConnectorAction.OPT_OUT, people);
        Map<String, List<String>> afterFirst = snapshot();

        ActionResult again = batch(SHOP_DATASET, ConnectorAction.OPT_OUT, people);

        assertThat(again.tables()).extracting(TableReport::table, TableReport::rowsFound, TableReport::rowsUpdated)
                .containsExactly(tuple("customers", 2, 0), tuple("newsletter_subscriptions", 2, 0));
        assertThat(again.summary()).isEqualTo("2 people: 2 found, already opted out; nothing changed.");
        assertThat(snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void aLargeBatchIsCarriedOutChunkByChunkAndCountsEachPersonOnce() throws SQLException {
        List<DataSubject> people = new ArrayList<>();
        people.add(ALICE);
        for (int i = 0; i < BatchUpdates.PEOPLE_PER_CHUNK * 2; i++) {
            people.add(new DataSubject("stranger" + i + "@example.net", null, null));
        }
        // Alice again, by email and account id: another chunk, the same row.
        people.add(new DataSubject("alice@example.com", null, "C-1001"));

        ActionResult result = batch(SHOP_DATASET, ConnectorAction.OPT_OUT, people);

        assertThat(result.tables()).containsExactly(new TableReport("customers", 1, 0, 1, 0, 0, 0, List.of()),
                new TableReport("newsletter_subscriptions", 1, 0, 1, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("1,002 people: 1 found, 1 row updated in customers and 1 row updated "
                + "in newsletter_subscriptions.");
        assertThat(ids("customers where marketing_opt_in = false")).containsExactly(1L, 4L, 5L);
    }

    @Test
    void aBatchLimitOfSensitiveDataUseSetsOnlyItsOwnColumns() throws SQLException {
        List<DataSubject> people = List.of(ALICE, new DataSubject("alice@example.org", null, null));

        ActionResult result = batch(SHOP_DATASET, ConnectorAction.LIMIT_USE, people);

        // Customer 3 had limited it already.
        assertThat(result.tables()).containsExactly(new TableReport("customers", 2, 0, 1, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("2 people: 2 found, 1 row updated in customers.");
        assertThat(ids("customers where limit_sensitive_use = true")).containsExactly(1L, 3L);
        assertThat(ids("customers where marketing_opt_in = true")).containsExactly(1L, 2L, 3L, 6L);

        ActionResult again = batch(SHOP_DATASET, ConnectorAction.LIMIT_USE, people);
        assertThat(again.summary()).isEqualTo("2 people: 2 found, use of sensitive data already limited; nothing "
                + "changed.");
    }

    @Test
    void batchesNeedTheColumnsOfTheirAction() {
        SystemDefinition shop = system(SHOP_DATASET);
        assertThat(connector.supportsBatch(shop, ConnectorAction.OPT_OUT)).isTrue();
        assertThat(connector.supportsBatch(shop, ConnectorAction.LIMIT_USE)).isTrue();
        assertThat(connector.supportsBatch(shop, ConnectorAction.ERASE)).isFalse();
        assertThat(connector.supportsBatch(system(DELETE_ALL_DATASET), ConnectorAction.OPT_OUT))
                .as("no optOut columns declared").isFalse();
    }

    // --- identity scan --------------------------------------------------------------------------------------------

    @Test
    void theIdentityScanListsEveryCustomerByTheMatchColumns() {
        List<DataSubject> people = new ArrayList<>();

        assertThat(connector.canScanIdentities(system(SHOP_DATASET))).isTrue();
        connector.scanIdentities(system(SHOP_DATASET), people::add);

        assertThat(people).containsExactlyInAnyOrder(
                new DataSubject("Alice@Example.com", null, "C-1001"),
                new DataSubject("bob@example.com", null, "C-1002"),
                new DataSubject("alice@example.org", null, "C-1003"),
                new DataSubject("xalice@example.com", null, "C-1004"),
                new DataSubject(null, null, "C-1005"),
                new DataSubject("alice@example.com.evil", null, "C-1006"));
    }

    @Test
    void anIdentityScanByEmailAloneLeavesOutRowsWithoutOne() {
        List<DataSubject> people = new ArrayList<>();

        connector.scanIdentities(system(DELETE_ALL_DATASET), people::add);

        assertThat(people).extracting(DataSubject::email).containsExactlyInAnyOrder("Alice@Example.com",
                "bob@example.com", "alice@example.org", "xalice@example.com", "alice@example.com.evil");
        assertThat(people).extracting(DataSubject::accountId).containsOnlyNulls();
    }

    @Test
    void correctionUpdatesDeclaredFieldsAndReportsTheRest() throws SQLException {
        Map<String, String> corrections = new LinkedHashMap<>();
        corrections.put("name", "Alice Brown");
        corrections.put("birthDate", "1990-04-02");
        corrections.put("shoe_size", "38");

        ActionResult result = perform(SHOP_DATASET, ConnectorAction.CORRECT, ALICE, corrections);

        Map<String, Object> alice = row("select full_name, birth_date, phone from " + t("customers") + " where id = 1");
        assertThat(alice.get("full_name")).isEqualTo("Alice Brown");
        assertThat(alice.get("birth_date").toString()).isEqualTo("1990-04-02");
        assertThat(alice.get("phone")).isEqualTo("+44 20 7946 0001");
        assertThat(row("select full_name from " + t("customers") + " where id = 3").get("full_name"))
                .isEqualTo("Alice Adams");
        assertThat(result.tables()).containsExactly(new TableReport("customers", 1, 0, 1, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("Corrected name, birthDate in customers (1 row). "
                + "Not applied: shoe_size (no such field in this system).");
    }

    @Test
    void aCorrectionThatIsNoValueOfItsColumnIsReportedNotApplied() throws SQLException {
        ActionResult result = perform(SHOP_DATASET, ConnectorAction.CORRECT, ALICE,
                Map.of("birthDate", "second of April"));

        assertThat(result.summary()).isEqualTo("Found 14 rows; nothing needed correcting. "
                + "Not applied: birthDate (not a valid date (YYYY-MM-DD)).");
        assertThat(row("select birth_date from " + t("customers") + " where id = 1").get("birth_date").toString())
                .isEqualTo("1990-04-01");
    }

    // --- connection test ------------------------------------------------------------------------------------------

    @Test
    void testConnectionFindsEveryMappedTableAndColumn() {
        ConnectionCheck check = connector.testConnection(system(SHOP_DATASET));

        assertThat(check.ok()).as(check.message() + " " + check.details()).isTrue();
        assertThat(check.message()).contains("all 7 mapped tables");
        assertThat(check.details()).contains("customers: 9 mapped columns present");
    }

    @Test
    void testConnectionReportsAMissingTableAndColumn() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table " + t("ticket_messages"));
            statement.execute("alter table " + t("addresses") + " drop column postcode");
        }

        ConnectionCheck check = connector.testConnection(system(SHOP_DATASET));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("2 problems");
        assertThat(check.details()).contains("table " + schema() + ".ticket_messages is missing",
                "column addresses.postcode is missing");
    }

    // --- the mapping against the live schema ------------------------------------------------------------------

    /** The mapping that deleted customers while unmapped orders still referred to them (issue 15's story). */
    static final String MISSES_ORDERS = """
            dataset:
              table: customers
              key: id
              match: {email: email}
              access: [email]
              erasure: delete
              children:
                - table: addresses
                  foreignKey: customer_id
                  access: [street]
                  erasure: delete
                - table: tickets
                  key: id
                  foreignKey: customer_id
                  access: [subject]
                  erasure: delete
                  children:
                    - table: ticket_messages
                      foreignKey: ticket_id
                      access: [body]
                      erasure: delete
                - table: newsletter_subscriptions
                  foreignKey: customer_id
                  access: [list_name]
                  erasure: delete
            """;

    @Test
    void testConnectionFindsADeleteThatAnUnmappedTableStillRefersTo() {
        ConnectionCheck check = connector.testConnection(system(MISSES_ORDERS));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("1 problem").contains("deleting customers rows breaks the foreign key");
        assertThat(check.details().get(0)).containsIgnoringCase("orders(customer_id) → customers(id)")
                .contains("is not mapped").contains("Map orders as a child of customers on customer_id");
    }

    @Test
    void theDryRunRefusesAnErasureTheDatabaseWouldRefuseAndChangesNothing() throws SQLException {
        Map<String, List<String>> before = snapshot();

        assertThatThrownBy(() -> perform(MISSES_ORDERS, ConnectorAction.PLAN_ERASURE, ALICE))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no erasure is offered")
                .hasMessageContaining("deleting customers rows breaks the foreign key")
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).doesNotContain("alice", "example.com"));
        assertThat(snapshot()).isEqualTo(before);
        // The mapping that maps orders is offered as before.
        assertThat(perform(DELETE_ALL_DATASET, ConnectorAction.PLAN_ERASURE, ALICE).summary()).contains("14 rows");
    }

    @Test
    void aCascadeIntoAKeptTableIsAProblemAndIntoAnUnmappedOneAWarning() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Ratings refer to the customer and to the ticket; deleting a ticket deletes its ratings.
            statement.execute("create table " + t("ticket_ratings") + " (id bigint primary key, customer_id bigint not "
                    + "null, ticket_id bigint not null, stars int, foreign key (customer_id) references "
                    + t("customers") + " (id), foreign key (ticket_id) references " + t("tickets")
                    + " (id) on delete cascade)");
        }
        try {
            ConnectionCheck unmapped = connector.testConnection(system(SHOP_DATASET));
            assertThat(unmapped.ok()).as(unmapped.details().toString()).isTrue();
            assertThat(unmapped.details()).anySatisfy(line -> assertThat(line).startsWith("warning: deleting "
                    + "tickets rows also deletes the ticket_ratings rows").contains("ON DELETE CASCADE"));

            String keepsRatings = SHOP_DATASET.replace("""
                        - table: addresses
                    """, """
                        - table: ticket_ratings
                          key: id
                          foreignKey: customer_id
                          access: [stars]
                          erasure: {strategy: retain, basis: GDPR_ART_17_3_E, note: quality claims}
                        - table: addresses
                    """);
            ConnectionCheck kept = connector.testConnection(system(keepsRatings));
            assertThat(kept.ok()).isFalse();
            assertThat(kept.details()).anySatisfy(line -> assertThat(line).startsWith("deleting tickets rows deletes "
                    + "the ticket_ratings rows that refer to them (ON DELETE CASCADE").contains("its rows are kept"));
        } finally {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop table " + t("ticket_ratings"));
            }
        }
    }

    @Test
    void aTypedMaskOnAColumnOfAnotherTypeIsAProblemBeforeAnythingRuns() {
        String wrongTypes = SHOP_DATASET.replace("phone: set-null", "phone: year-only")
                .replace("birth_date: set-null", "birth_date: zero");

        ConnectionCheck check = connector.testConnection(system(wrongTypes));

        assertThat(check.ok()).isFalse();
        assertThat(check.details()).anySatisfy(line -> assertThat(line).startsWith("customers.phone is ")
                .contains("not a date or timestamp, so year-only cannot mask it"));
        assertThat(check.details()).anySatisfy(line -> assertThat(line).startsWith("customers.birth_date is ")
                .contains("not a number, so zero cannot mask it"));
        assertThatThrownBy(() -> perform(wrongTypes, ConnectorAction.PLAN_ERASURE, ALICE))
                .hasMessageContaining("year-only cannot mask it");
    }

    @Test
    void aSecondPathAndAMissingIndexAreWarningsThatNameTheirColumns() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // No foreign key constraint, so no database creates an index for it; and a second path to customers.
            statement.execute("create table " + t("reviews") + " (id bigint primary key, order_ref bigint not null, "
                    + "customer_id bigint, stars int, foreign key (customer_id) references " + t("customers")
                    + " (id))");
        }
        try {
            String withReviews = DELETE_ALL_DATASET.replace("""
                          children:
                            - table: order_lines
                    """, """
                          children:
                            - table: reviews
                              foreignKey: order_ref
                              access: [stars]
                              erasure: delete
                            - table: order_lines
                    """);

            ConnectionCheck check = connector.testConnection(system(withReviews));

            assertThat(check.ok()).as(check.details().toString()).isTrue();
            assertThat(check.message()).contains("warning");
            assertThat(check.details()).anySatisfy(line -> assertThat(line)
                    .startsWith("warning: no index on reviews.order_ref"));
            assertThat(check.details()).anySatisfy(line -> assertThat(line)
                    .startsWith("warning: reviews is reached through orders, but it also refers to customers")
                    .containsIgnoringCase("reviews(customer_id) → customers(id)"));
        } finally {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop table " + t("reviews"));
            }
        }
    }

    /**
     * A trigger that writes a masked column back: made in the database's own dialect, or null where triggers are
     * not written in SQL (H2 runs Java classes).
     */
    String[] triggerRestoringPhone() {
        return null;
    }

    @Test
    void aTriggerThatWritesAMaskedColumnBackIsAProblem() throws SQLException {
        String[] statements = triggerRestoringPhone();
        org.junit.jupiter.api.Assumptions.assumeTrue(statements != null, "triggers of this database are not SQL");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }

        ConnectionCheck check = connector.testConnection(system(SHOP_DATASET));

        assertThat(check.ok()).isFalse();
        assertThat(check.details()).anySatisfy(line -> assertThat(line).startsWith("trigger keep_phone on customers")
                .contains("sets customers.phone, which the erasure masks"));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    ActionResult perform(String dataset, ConnectorAction action, DataSubject subject) {
        return perform(dataset, action, subject, Map.of());
    }

    ActionResult perform(String dataset, ConnectorAction action, DataSubject subject, Map<String, String> corrections) {
        ActionContext context = new ActionContext("DSR-2026-0001", RequestType.DELETION, Regime.GDPR,
                LocalDate.of(2026, 12, 31), subject, corrections, null, "DSR-2026-0001/shop-db/" + action);
        return connector.perform(system(dataset), action, context);
    }

    ActionResult batch(String dataset, ConnectorAction action, List<DataSubject> people) {
        return connector.performBatch(system(dataset), new BatchContext("OPT-2026-000012", action,
                LocalDate.of(2026, 12, 31), people, "OPT-2026-000012:shop-db:" + action));
    }

    /** The ids of the rows, in order; {@code fromWhere} like "customers where …" (its key column is id). */
    List<Long> ids(String fromWhere) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from " + schema() + "." + fromWhere + " order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Every customer column but the flags opt-outs and limits set. */
    List<Map<String, Object>> customerColumnsOtherThanTheFlags() throws SQLException {
        return rows("select id, customer_number, email, full_name, phone, birth_date, created_on from " + t("customers")
                + " order by id");
    }

    /** With a lookback ({@code since}, null for none) and, for portability, only the data the subject provided. */
    ActionResult perform(String dataset, ConnectorAction action, DataSubject subject, Instant since,
                         boolean providedOnly) {
        ActionContext context = new ActionContext("DSR-2026-0001", RequestType.ACCESS, Regime.CCPA,
                LocalDate.of(2026, 12, 31), subject, Map.of(), null, "DSR-2026-0001/shop-db/" + action, since,
                providedOnly);
        return connector.perform(system(dataset), action, context);
    }

    ActionResult perform(String dataset, ConnectorAction action, DataSubject subject, Map<String, String> corrections,
                         Instant since) {
        ActionContext context = new ActionContext("DSR-2026-0001", RequestType.CORRECTION, Regime.CCPA,
                LocalDate.of(2026, 12, 31), subject, corrections, null, "DSR-2026-0001/shop-db/" + action, since,
                false);
        return connector.perform(system(dataset), action, context);
    }

    /** The type of a column holding a date and time without time zone. */
    String timestampType() {
        return "timestamp";
    }

    /** The type of a column holding an instant (with its offset), also the prefix of its literals; null if none. */
    String timestampWithTimeZoneType() {
        return "timestamp with time zone";
    }

    SystemDefinition system(String dataset) {
        return SystemDefinitions.parseSingle("shop-db.yml", systemYaml(dataset));
    }

    String systemYaml(String dataset) {
        return """
                key: shop-db
                name: Shop database
                ownerGroup: shop-team
                kind: sql
                requestTypes: [ACCESS, DELETION]
                connection:
                  url: "%s"
                  username: "%s"
                  password: {env: SHOP_DB_PASSWORD}
                  hashKey: {env: SHOP_HASH_KEY}
                  schema: %s
                """.formatted(url(), user(), schema()) + dataset;
    }

    String t(String table) {
        return schema() + "." + table;
    }

    /** Every row of every table, as text, so a test can tell that nothing changed. */
    Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> lines = new ArrayList<>();
            for (Map<String, Object> row : rows("select * from " + t(table) + " order by 1, 2")) {
                lines.add(row.toString());
            }
            snapshot.put(table, lines);
        }
        return snapshot;
    }

    /** The snapshot without Alice's rows (customer 1, orders 10 and 11, ticket 40). */
    static Map<String, List<String>> withoutAlice(Map<String, List<String>> snapshot) {
        Map<String, List<String>> others = new LinkedHashMap<>();
        snapshot.forEach((table, lines) -> others.put(table, lines.stream().filter(line -> !isAlices(table, line)).toList()));
        return others;
    }

    private static boolean isAlices(String table, String line) {
        return switch (table) {
            case "customers" -> line.matches("(?i)\\{id=1,.*");
            case "addresses", "orders", "tickets", "newsletter_subscriptions" -> line.matches("(?i).*customer_id=1,.*");
            case "order_lines" -> line.matches("(?i)\\{order_id=1[01],.*");
            case "ticket_messages" -> line.matches("(?i).*ticket_id=40,.*");
            default -> false;
        };
    }

    int count(String fromWhere) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + schema() + "." + fromWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    Map<String, Object> row(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** Rows with lower-cased column names, whatever case the database reports. */
    List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(),
                            value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Computed here, not with the production helper, so the test checks the formula. */
    static String hmacHex(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
