package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.SchemaProposal;
import org.rightsflow.connector.SecretReference;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.TableReport;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * Schema discovery on a schema written here the way a membership shop might have grown it, not the way a mapping
 * would like: an identity table with an unusual name (members, found by email_address), a member's default address
 * that the member row refers up to while the address refers to its member, a self reference (who referred whom), a
 * composite key and a composite foreign key (returns of order lines), invoices, a second path (reviews refer to the
 * member and to the order), a shared table (plans) and a product catalogue, a trigger, a view, and in PostgreSQL a
 * partitioned table. Discovery alone proposes the mapping; the test then runs access and erasure for one member and
 * checks every foreign key and every other member's rows afterwards.
 */
abstract class SchemaDiscoveryContract {

    static final DataSubject MARA = new DataSubject("mara.quist@example.net", "Mara Quist", null);
    static final List<String> TABLES = List.of("returns", "invoices", "order_lines", "reviews", "events", "orders",
            "addresses", "members", "households", "plans", "products");

    protected SqlConnector connector;

    abstract String url();

    abstract String user();

    abstract String password();

    /** The schema (MariaDB: database) of this class. */
    abstract String schema();

    abstract Connection connect() throws SQLException;

    /** The column type of an instant. */
    abstract String instantType();

    /** Creates the events table (partitioned where the database can partition a table with a foreign key). */
    abstract void createEvents(Statement statement) throws SQLException;

    /** Creates a BEFORE UPDATE trigger on members that rewrites member_no (not a column the erasure masks). */
    abstract void createTrigger(Statement statement) throws SQLException;

    @BeforeEach
    void createShop() throws SQLException {
        connector = new SqlConnector(new Secrets(Map.of("SHOP_DB_PASSWORD", password())::get), ErasureHashKey.of(""));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            dropAll(statement);
            statement.execute("create table " + t("plans") + " (id bigint primary key, title varchar(50) not null)");
            statement.execute("create table " + t("products") + " (id bigint primary key, title varchar(100) not null, "
                    + "price numeric(10,2) not null)");
            statement.execute("create table " + t("households") + " (id bigint primary key, postal_address "
                    + "varchar(200) not null)");
            statement.execute("create table " + t("members") + " (id bigint primary key, member_no varchar(20) not "
                    + "null unique, email_address varchar(200) not null, given_name varchar(100), family_name "
                    + "varchar(100) not null, mobile varchar(30), born date, plan_id bigint references " + t("plans")
                    + " (id), household_id bigint references " + t("households") + " (id), referred_by bigint references "
                    + t("members") + " (id), default_address_id bigint, "
                    + "joined_on date not null)");
            statement.execute("create index members_email on " + t("members") + " (email_address)");
            statement.execute("create table " + t("addresses") + " (id bigint primary key, member_id bigint not null "
                    + "references " + t("members") + " (id), street varchar(200) not null, city varchar(100), "
                    + "postcode varchar(20))");
            statement.execute("alter table " + t("members") + " add constraint members_default_address foreign key "
                    + "(default_address_id) references " + t("addresses") + " (id)");
            statement.execute("create table " + t("orders") + " (id bigint primary key, member_id bigint not null "
                    + "references " + t("members") + " (id), placed_at " + instantType() + " not null, total "
                    + "numeric(10,2) not null, shipping_address varchar(200))");
            statement.execute("create table " + t("order_lines") + " (order_id bigint not null references "
                    + t("orders") + " (id), line_no int not null, product_id bigint not null references "
                    + t("products") + " (id), qty int not null, primary key (order_id, line_no))");
            statement.execute("create table " + t("returns") + " (id bigint primary key, order_id bigint not null, "
                    + "line_no int not null, reason varchar(2000), foreign key (order_id, line_no) references "
                    + t("order_lines") + " (order_id, line_no))");
            statement.execute("create table " + t("invoices") + " (id bigint primary key, order_id bigint not null "
                    + "references " + t("orders") + " (id), amount numeric(10,2) not null, issued_on date not null)");
            statement.execute("create table " + t("reviews") + " (id bigint primary key, member_id bigint not null "
                    + "references " + t("members") + " (id), order_id bigint references " + t("orders") + " (id), "
                    + "stars int not null, body varchar(4000))");
            createEvents(statement);
            createTrigger(statement);
            statement.execute("create view " + t("member_emails") + " as select id, email_address from "
                    + t("members"));

            statement.execute("insert into " + t("plans") + " values (1, 'Basic'), (2, 'Gold')");
            // Mara and Olle share a household; Mara's namesake lives elsewhere.
            statement.execute("insert into " + t("households") + " values (1, 'Storgatan 1, 222 22 Lund'), "
                    + "(2, 'Ågatan 3, 903 33 Umeå')");
            statement.execute("insert into " + t("products") + " values (1, 'Tea', 4.50), (2, 'Mug', 9.00)");
            statement.execute("insert into " + t("members") + " (id, member_no, email_address, given_name, "
                    + "family_name, mobile, born, plan_id, referred_by, joined_on) values "
                    + "(1, 'M-001', 'Mara.Quist@Example.net', 'Mara', 'Quist', '+46 70 123 45 67', date '1988-02-03', 2, "
                    + "null, date '2021-01-01'), "
                    + "(2, 'M-002', 'olle@example.net', 'Olle', 'Berg', '+46 70 765 43 21', date '1979-11-30', 1, 1, "
                    + "date '2022-05-05'), "
                    + "(3, 'M-003', 'mara.quist@example.org', 'Mara', 'Quist', '+46 70 000 00 03', date '1988-02-03', "
                    + "1, null, date '2023-03-03')");
            statement.execute("insert into " + t("addresses") + " values (10, 1, 'Storgatan 1', 'Lund', '222 22'), "
                    + "(11, 1, 'Lillgatan 2', 'Malmö', '211 11'), (20, 2, 'Storgatan 1', 'Lund', '222 22'), "
                    + "(30, 3, 'Ågatan 3', 'Umeå', '903 33')");
            statement.execute("update " + t("members") + " set default_address_id = id * 10, household_id = "
                    + "case when id = 3 then 2 else 1 end");
            statement.execute("insert into " + t("orders") + " values "
                    + "(100, 1, timestamp '2025-03-01 10:00:00', 13.50, 'Mara Quist, Storgatan 1'), "
                    + "(101, 1, timestamp '2026-01-15 09:30:00', 9.00, 'Mara Quist, Lillgatan 2'), "
                    + "(200, 2, timestamp '2025-04-01 12:00:00', 4.50, 'Olle Berg, Storgatan 1')");
            statement.execute("insert into " + t("order_lines") + " values (100, 1, 1, 1), (100, 2, 2, 1), "
                    + "(101, 1, 2, 1), (200, 1, 1, 1)");
            statement.execute("insert into " + t("returns") + " values (1000, 100, 2, 'The mug arrived broken')");
            statement.execute("insert into " + t("invoices") + " values (500, 100, 13.50, date '2025-03-01'), "
                    + "(501, 101, 9.00, date '2026-01-15'), (600, 200, 4.50, date '2025-04-01')");
            statement.execute("insert into " + t("reviews") + " values (700, 1, 100, 4, 'Lovely tea, I drink it "
                    + "every morning'), (701, 2, 200, 5, 'Great'), (702, 1, null, 3, 'Shop is fine')");
            statement.execute("insert into " + t("events") + " values (1, 1, timestamp '2025-06-01 08:00:00', "
                    + "'192.0.2.10'), (2, 1, timestamp '2026-02-01 08:00:00', '192.0.2.11'), "
                    + "(3, 2, timestamp '2026-02-02 08:00:00', '192.0.2.20')");
        }
    }

    @AfterEach
    void closePools() {
        connector.close();
    }

    private void dropAll(Statement statement) throws SQLException {
        statement.execute("drop view if exists " + t("member_emails"));
        try {
            statement.execute("alter table " + t("members") + " drop " + dropForeignKey() + " members_default_address");
        } catch (SQLException e) {
            // No such table yet.
        }
        for (String table : TABLES) {
            statement.execute("drop table if exists " + t(table));
        }
    }

    /** How the database names a foreign key constraint in ALTER TABLE … DROP. */
    String dropForeignKey() {
        return "constraint";
    }

    // --- the proposal -----------------------------------------------------------------------------------------

    @Test
    void theProposalFindsTheMemberAndFollowsEveryForeignKeyToTheirRows() {
        SchemaProposal proposal = discover(Map.of());

        assertThat(proposal.identityTable()).isEqualTo("members");
        assertThat(proposal.candidates()).first().isEqualTo("members");
        assertThat(proposal.tables()).extracting(SchemaProposal.Table::name, SchemaProposal.Table::parent,
                SchemaProposal.Table::foreignKey).contains(
                org.assertj.core.groups.Tuple.tuple("members", null, null),
                org.assertj.core.groups.Tuple.tuple("addresses", "members", "member_id"),
                org.assertj.core.groups.Tuple.tuple("orders", "members", "member_id"),
                org.assertj.core.groups.Tuple.tuple("reviews", "members", "member_id"),
                org.assertj.core.groups.Tuple.tuple("events", "members", "member_id"),
                org.assertj.core.groups.Tuple.tuple("order_lines", "orders", "order_id"),
                org.assertj.core.groups.Tuple.tuple("invoices", "orders", "order_id"));
        assertThat(proposal.tables()).extracting(SchemaProposal.Table::name)
                .doesNotContain("plans", "products", "returns", "member_emails");
        assertThat(proposal.yaml()).contains("email: email_address").contains("accountId: member_no");
        // What each column holds, shown masked; the values themselves never.
        SchemaProposal.Table members = table(proposal, "members");
        assertThat(column(members, "email_address").personal()).isEqualTo("email address");
        assertThat(column(members, "email_address").maskedExample()).isEqualTo("M***@E***.net");
        assertThat(column(members, "mobile").personal()).isEqualTo("phone number");
        assertThat(column(members, "born").personal()).isEqualTo("birth date");
        assertThat(column(members, "family_name").category()).isEqualTo("identity details");
        assertThat(column(table(proposal, "events"), "ip_address").personal()).isEqualTo("IP address");
        assertThat(column(table(proposal, "reviews"), "body").personal()).isEqualTo("free text");
        assertThat(column(table(proposal, "orders"), "total").personal()).isNull();
        String everything = proposal.yaml() + proposal.findings() + proposal.tables();
        assertThat(everything).doesNotContain("Mara.Quist@", "Quist,", "+46 70 123", "1988-02-03", "192.0.2.10",
                "Storgatan", "broken");
    }

    @Test
    void theProposalKeepsWhatAForeignKeyNeedsAndSaysWhy() {
        SchemaProposal proposal = discover(Map.of());

        // The member's row refers up to their default address, so addresses cannot go first: kept and masked.
        assertThat(table(proposal, "addresses").erasure()).isEqualTo("mask");
        assertThat(table(proposal, "addresses").why()).contains("members refers to it");
        assertThat(column(table(proposal, "addresses"), "street").strategy()).isEqualTo("redact");
        assertThat(column(table(proposal, "addresses"), "city").strategy()).isEqualTo("set-null");
        // Returns refer to order lines by two columns: the lines stay, with nothing personal in them to mask.
        assertThat(table(proposal, "order_lines").erasure()).isEqualTo("retain");
        assertThat(table(proposal, "order_lines").why()).contains("returns refers to it by 2 columns");
        assertThat(table(proposal, "invoices").erasure()).isEqualTo("retain");
        assertThat(table(proposal, "invoices").why()).contains("invoices, payments, tax");
        // Their parents stay too, masked where they hold something personal.
        assertThat(table(proposal, "orders").erasure()).isEqualTo("mask");
        assertThat(column(table(proposal, "orders"), "shipping_address").strategy()).isEqualTo("set-null");
        assertThat(table(proposal, "members").erasure()).isEqualTo("mask");
        assertThat(column(table(proposal, "members"), "email_address").strategy()).isEqualTo("redact");
        assertThat(column(table(proposal, "members"), "born").strategy()).isEqualTo("set-null");
        assertThat(column(table(proposal, "members"), "id").role()).isEqualTo("key");
        assertThat(table(proposal, "reviews").erasure()).isEqualTo("delete");
        assertThat(table(proposal, "events").erasure()).isEqualTo("delete");

        assertThat(proposal.findings()).anySatisfy(f -> assertThat(f).startsWith("reviews can be reached through "
                + "members (member_id) or through orders (order_id)"));
        assertThat(proposal.findings()).anySatisfy(f -> assertThat(f).startsWith("members refers up to plans")
                .contains("nothing in plans looks personal"));
        // Shared rows the member refers up to are followed (through household_id) and kept: others share them.
        assertThat(table(proposal, "households").parent()).isEqualTo("members");
        assertThat(table(proposal, "households").foreignKey()).isEqualTo("id");
        assertThat(table(proposal, "households").erasure()).isEqualTo("retain");
        assertThat(table(proposal, "households").why()).contains("other people may share");
        assertThat(proposal.yaml()).contains("parentKey: household_id");
        assertThat(proposal.findings()).anySatisfy(f -> assertThat(f).startsWith("returns refers to order_lines by "
                + "a foreign key of 2 columns"));
        assertThat(proposal.findings()).anySatisfy(f -> assertThat(f).startsWith("Views are not proposed")
                .contains("member_emails"));
        // Discovery never invents a legal basis: kept tables wait for one.
        assertThat(proposal.complete()).isFalse();
        assertThat(proposal.yaml()).contains("basis: CHOOSE_A_BASIS");
        assertThat(proposal.check().ok()).as(proposal.check().details().toString()).isTrue();
    }

    @Test
    void theCompletedProposalServesAnAccessAndAnErasureThatBreakNoForeignKey() throws SQLException {
        SchemaProposal proposal = discover(Map.of(
                "invoices", new SchemaProposal.Reason(LegalBasis.GDPR_ART_17_3_B, "invoices, 10 years (tax law)"),
                "order_lines", new SchemaProposal.Reason(LegalBasis.GDPR_ART_17_3_B, "lines of kept invoices"),
                "households", new SchemaProposal.Reason(LegalBasis.GDPR_ART_17_3_E, "shared with the other members")));
        assertThat(proposal.complete()).isTrue();
        assertThat(proposal.check().ok()).as(proposal.check().details().toString()).isTrue();
        SystemDefinition system = SystemDefinitions.parseSingle("proposal", proposal.yaml());
        connector.validate(system);
        List<Map<String, Object>> othersBefore = othersRows();

        ActionResult access = connector.perform(system, ConnectorAction.ACCESS, context(RequestType.ACCESS));
        assertThat(access.tables()).extracting(TableReport::table, TableReport::rowsFound).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("members", 1), org.assertj.core.groups.Tuple.tuple("addresses", 2),
                org.assertj.core.groups.Tuple.tuple("orders", 2), org.assertj.core.groups.Tuple.tuple("order_lines", 3),
                org.assertj.core.groups.Tuple.tuple("invoices", 2), org.assertj.core.groups.Tuple.tuple("reviews", 2),
                org.assertj.core.groups.Tuple.tuple("events", 2), org.assertj.core.groups.Tuple.tuple("households", 1));
        assertThat(String.valueOf(access.data())).contains("M-001", "Lillgatan 2", "192.0.2.11", "Storgatan 1, 222")
                .doesNotContain("M-002", "M-003", "olle@", "192.0.2.20", "Ågatan");

        ActionResult plan = connector.perform(system, ConnectorAction.PLAN_ERASURE, context(RequestType.DELETION));
        ActionResult erased = connector.perform(system, ConnectorAction.ERASE, context(RequestType.DELETION));
        // Reviews and events (2 each) deleted; the member, their addresses and orders masked; invoices and lines kept.
        assertThat(plan.summary()).startsWith("Would delete 4 rows in 2 tables, mask 13 fields, keep 6 rows");
        assertThat(erased.summary()).startsWith("Deleted 4 rows in 2 tables, masked 13 fields, kept 6 rows")
                .contains("GDPR Art. 17(3)(b): invoices, 10 years (tax law)", "lines of kept invoices",
                        "shared with the other members");
        assertThat(count("reviews where member_id = 1")).isZero();
        assertThat(count("events where member_id = 1")).isZero();
        assertThat(count("invoices where order_id in (100, 101)")).isEqualTo(2);
        assertThat(rows("select email_address, given_name, family_name, mobile, born from " + t("members")
                + " where id = 1")).singleElement().satisfies(row -> assertThat(row.values())
                .containsExactly("[redacted]", null, "[redacted]", null, null));
        assertThat(rows("select street, city, postcode from " + t("addresses") + " where member_id = 1"))
                .allSatisfy(row -> assertThat(row.values()).containsExactly("[redacted]", null, null));
        assertThat(brokenForeignKeys()).isEmpty();
        assertThat(othersRows()).isEqualTo(othersBefore);

        // And again: nothing left to do, nothing broken.
        ActionResult again = connector.perform(system, ConnectorAction.ERASE, context(RequestType.DELETION));
        assertThat(again.summary()).doesNotContain("Deleted");
        assertThat(brokenForeignKeys()).isEmpty();
    }

    @Test
    void staffChoicesTakeThePlaceOfTheProposalAndTheCheckSaysWhatTheyBreak() {
        SchemaProposal proposal = connector.discover(new SchemaProposal.Request("member-db", "Member database", "shop-team",
                url(), user(), new SecretReference(SecretReference.Source.ENV, "SHOP_DB_PASSWORD"), schema(), null,
                Map.of(), Map.of("addresses", "delete"), Map.of("members.born", "year-only", "members.mobile", "keep",
                "members.joined_on", "zero"), null));

        assertThat(column(table(proposal, "members"), "born").choices()).containsExactly("set-null", "year-only", "keep");
        assertThat(column(table(proposal, "members"), "born").strategy()).isEqualTo("year-only");
        assertThat(column(table(proposal, "members"), "mobile").strategy()).isEqualTo("keep");
        // A mask the column's type cannot take is not applied: joined_on is a date, and stays as it is.
        assertThat(column(table(proposal, "members"), "joined_on").strategy()).isEqualTo("keep");
        assertThat(column(table(proposal, "members"), "id").choices()).as("a key never changes").isEmpty();
        assertThat(table(proposal, "addresses").erasure()).isEqualTo("delete");
        assertThat(table(proposal, "addresses").why()).startsWith("chosen instead of the proposal, which was to keep "
                + "the rows and mask them");
        assertThat(proposal.check().ok()).isFalse();
        assertThat(proposal.check().details()).anySatisfy(line -> assertThat(line).startsWith("the subject's members "
                + "row refers to their addresses rows"));
    }

    @Test
    void aTestSubjectShowsWhatTheProposalFindsAndWouldEraseWithoutChangingAnything() throws SQLException {
        List<Map<String, Object>> before = rows("select * from " + t("members") + " order by id");
        SchemaProposal proposal = connector.discover(new SchemaProposal.Request("member-db", "Member database", "shop-team",
                url(), user(), new SecretReference(SecretReference.Source.ENV, "SHOP_DB_PASSWORD"), schema(), null,
                Map.of(), Map.of(), Map.of(), "MARA.quist@example.net"));

        assertThat(proposal.dryRun().failure()).isNull();
        assertThat(proposal.dryRun().rowsFound()).containsEntry("members", 1).containsEntry("addresses", 2)
                .containsEntry("orders", 2).containsEntry("reviews", 2).containsEntry("households", 1);
        assertThat(proposal.dryRun().erasure()).startsWith("Would delete 4 rows in 2 tables");
        assertThat(String.valueOf(proposal.dryRun())).doesNotContain("Mara", "Storgatan", "M-001");
        assertThat(rows("select * from " + t("members") + " order by id")).isEqualTo(before);
    }

    @Test
    void aChosenIdentityTableAndAnUnknownOneAreBothAnswered() {
        SchemaProposal proposal = discover("no_such_table", Map.of());
        assertThat(proposal.identityTable()).isEqualTo("members");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    SchemaProposal discover(Map<String, SchemaProposal.Reason> reasons) {
        return discover(null, reasons);
    }

    SchemaProposal discover(String identityTable, Map<String, SchemaProposal.Reason> reasons) {
        return connector.discover(new SchemaProposal.Request("member-db", "Member database", "shop-team", url(),
                user(), new SecretReference(SecretReference.Source.ENV, "SHOP_DB_PASSWORD"), schema(), identityTable,
                reasons));
    }

    static SchemaProposal.Table table(SchemaProposal proposal, String name) {
        return proposal.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no table " + name + " in " + proposal.tables()));
    }

    static SchemaProposal.Column column(SchemaProposal.Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no column " + name + " in " + table));
    }

    ActionContext context(RequestType type) {
        return new ActionContext("DSR-2026-0042", type, Regime.GDPR, LocalDate.of(2026, 12, 31), MARA, Map.of(), null,
                "DSR-2026-0042/member-db/" + type);
    }

    /** Every row not of member 1, in every table: what the erasure must not touch. */
    List<Map<String, Object>> othersRows() throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(rows("select * from " + t("members") + " where id <> 1 order by id"));
        rows.addAll(rows("select * from " + t("addresses") + " where member_id <> 1 order by id"));
        rows.addAll(rows("select * from " + t("orders") + " where member_id <> 1 order by id"));
        rows.addAll(rows("select * from " + t("reviews") + " where member_id <> 1 order by id"));
        rows.addAll(rows("select * from " + t("events") + " where member_id <> 1 order by id"));
        rows.addAll(rows("select * from " + t("plans") + " order by id"));
        rows.addAll(rows("select * from " + t("households") + " order by id"));
        rows.addAll(rows("select * from " + t("products") + " order by id"));
        return rows;
    }

    /**
     * Every foreign key of the schema, checked row by row outside the database's own enforcement: rows whose
     * reference points at no row.
     */
    List<String> brokenForeignKeys() throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Connection connection = connect()) {
            LiveSchema live = LiveSchema.readAll(connection, schema());
            for (LiveSchema.Table table : live.tables()) {
                for (LiveSchema.ForeignKey key : table.imported()) {
                    StringBuilder join = new StringBuilder();
                    StringBuilder notNull = new StringBuilder();
                    for (int i = 0; i < key.fromColumns().size(); i++) {
                        join.append(i == 0 ? "" : " and ").append("p.").append(key.toColumns().get(i)).append(" = c.")
                                .append(key.fromColumns().get(i));
                        notNull.append(" and c.").append(key.fromColumns().get(i)).append(" is not null");
                    }
                    String sql = "select count(*) from " + t(key.from().name()) + " c where 1 = 1" + notNull
                            + " and not exists (select 1 from " + t(key.to().name()) + " p where " + join + ")";
                    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            broken.add(key.describe(schema()) + ": " + rs.getInt(1) + " rows");
                        }
                    }
                }
            }
        }
        return broken;
    }

    int count(String fromWhere) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + schema() + "." + fromWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), value == null ? null : value.toString());
                }
                rows.add(row);
            }
            return rows;
        }
    }

    String t(String table) {
        return schema() + "." + table;
    }
}
