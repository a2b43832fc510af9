package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataLabels;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.Languages;

/** The demo company's shop mapping (demo/systems.yml) against the demo shop's schema (demo/shop-schema.sql). */
class DemoShopMappingTest {

    private static final String URL = "jdbc:h2:mem:demo-shop-mapping;DB_CLOSE_DELAY=-1";
    private static final DataSubject AMIRA = new DataSubject("amira@example.com", null, null);

    private final SqlConnector connector = new SqlConnector(new Secrets(name -> null), ErasureHashKey.of("demo-hash-key"));
    private SystemDefinition shop;

    @BeforeEach
    void createShop() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop all objects");
            String script = resource("demo/shop-schema.sql").lines()
                    .filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
            statement.execute("insert into customers values (1, 'C-1', 'amira@example.com', 'Amira', 'Schmidt', "
                    + "'+49 30 1', date '1990-01-01', true, false, false, timestamp '2023-01-01 09:00:00')");
            statement.execute("insert into addresses values (10, 1, 'shipping', 'Hauptstr. 1', 'Berlin', '10115', 'DE')");
            statement.execute("insert into orders values (20, 1, 'O-20', timestamp '2024-03-01 10:00:00', 4500, 'EUR', "
                    + "'delivered'), (21, 1, 'O-21', timestamp '2025-06-01 10:00:00', 1200, 'EUR', 'shipped')");
            statement.execute("insert into order_lines values (200, 20, 'Rain jacket', 1, 4500), "
                    + "(210, 21, 'Wool socks', 2, 600)");
            statement.execute("insert into newsletter_subscriptions values (30, 1, 'weekly', "
                    + "timestamp '2023-01-01 09:00:00', 'checkout')");
            statement.execute("insert into support_tickets values (40, 1, 'Jacket too small', 'Can I swap it?', "
                    + "timestamp '2024-03-05 08:00:00', 'closed')");
        }
        String systems = resource("demo/systems.yml").replace("${demo-shop-url}", URL);
        shop = SystemDefinitions.parseDocument("demo/systems.yml", systems).stream()
                .filter(system -> system.key().equals("shop-db")).findFirst().orElseThrow();
    }

    @Test
    void theMappingMatchesTheSchema() {
        ConnectionCheck check = connector.testConnection(shop);

        assertThat(check.ok()).as(check.message() + " " + check.details()).isTrue();
    }

    @Test
    void everyTableAndColumnOfTheDemoHasItsWordsInEveryLanguage() {
        connector.validate(shop);
        DataLabels labels = shop.personalData().labels();

        for (MappedTable table : MappingReader.read(shop).tables()) {
            DataLabels.TableLabel label = labels.table(table.name()).orElseThrow(() ->
                    new AssertionError(table.name() + " has no label"));
            assertThat(label.label().byLanguage().keySet()).as(table.name()).containsExactlyInAnyOrderElementsOf(
                    Languages.SUPPORTED);
            assertThat(label.category()).as(table.name()).isNotNull();
            assertThat(label.columns().keySet()).as(table.name()).containsExactlyInAnyOrderElementsOf(table.access());
            label.columns().forEach((column, words) -> assertThat(words.byLanguage().keySet())
                    .as(table.name() + "." + column).containsExactlyInAnyOrderElementsOf(Languages.SUPPORTED));
        }
        assertThat(labels.categories().values()).allSatisfy(words -> assertThat(words.byLanguage().keySet())
                .containsExactlyInAnyOrderElementsOf(Languages.SUPPORTED));
    }

    @Test
    void everyDemoSystemWritesWhatItSaysAboutItselfInEveryLanguage() throws IOException {
        List<SystemDefinition> systems = SystemDefinitions.parseDocument("demo/systems.yml",
                resource("demo/systems.yml").replace("${demo-shop-url}", URL));

        for (SystemDefinition system : systems) {
            DataLabels.SystemTexts texts = system.personalData().labels().texts();
            List<org.rightsflow.connector.Words> written = new java.util.ArrayList<>();
            written.add(texts.description());
            written.addAll(texts.purposes());
            written.addAll(texts.recipientRoles());
            written.add(texts.retention());
            assertThat(written).as(system.key()).allSatisfy(words -> assertThat(words.byLanguage().keySet())
                    .containsExactlyInAnyOrderElementsOf(Languages.SUPPORTED));
        }
    }

    @Test
    void theDemosReasonsForKeepingDataAreWrittenInEveryLanguageAndReportedInEnglish() {
        Map<String, org.rightsflow.connector.Words> notes = connector.keptNotes(shop);

        assertThat(notes.keySet()).containsExactlyInAnyOrder("the customer number on kept invoices",
                "invoices must be kept 10 years (tax law)", "invoice lines (tax law)");
        assertThat(notes.values()).allSatisfy(words -> assertThat(words.byLanguage().keySet())
                .containsExactlyInAnyOrderElementsOf(Languages.SUPPORTED));
        assertThat(notes.get("invoice lines (tax law)").in(Locale.GERMAN)).isEqualTo("Rechnungspositionen (Steuerrecht)");
    }

    @Test
    void aCorrectableFieldReadsAsTheLabelOfTheColumnItCorrects() {
        Map<String, org.rightsflow.connector.Words> labels = connector.correctableFieldLabels(shop);

        assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(connector.correctableFields(shop));
        assertThat(labels.get("last_name").in(Locale.GERMAN)).isEqualTo("Ihr Nachname");
        assertThat(labels.get("postcode").in(Locale.forLanguageTag("es"))).isEqualTo("código postal");
    }

    @Test
    void aLabelForATableOrColumnTheMappingDoesNotHaveIsRefused() throws IOException {
        String systems = resource("demo/systems.yml").replace("${demo-shop-url}", URL);

        SystemDefinition table = shopOf(systems.replace("        order_lines:\n          label:",
                "        order_line:\n          label:"));
        assertThatThrownBy(() -> connector.validate(table)).hasMessageStartingWith(
                "system shop-db: personalData.tables.order_line: is not a table of the dataset");
        SystemDefinition column = shopOf(systems.replace("            postcode: {en: postcode",
                "            zip: {en: postcode"));
        assertThatThrownBy(() -> connector.validate(column)).hasMessageStartingWith(
                "system shop-db: personalData.tables.addresses.columns.zip: is not one of the table's access columns");
    }

    private static SystemDefinition shopOf(String systems) {
        return SystemDefinitions.parseDocument("demo/systems.yml", systems).stream()
                .filter(system -> system.key().equals("shop-db")).findFirst().orElseThrow();
    }

    @Test
    void aLookbackKeepsTheAccountAndTheRecentOrderWithItsLines() {
        ActionResult result = access(Instant.parse("2025-01-01T00:00:00Z"), false);

        assertThat(result.data().keySet()).containsExactly("customers", "addresses", "orders", "order_lines");
        assertThat(result.data().get("orders")).extracting(row -> row.get("order_number")).containsExactly("O-21");
        assertThat(result.data().get("order_lines")).extracting(row -> row.get("product"))
                .containsExactly("Wool socks");
    }

    @Test
    void portabilityGivesWhatTheCustomerProvided() {
        ActionResult result = access(null, true);

        Map<String, List<Map<String, Object>>> data = result.data();
        assertThat(data.get("customers").get(0)).containsOnlyKeys("email", "first_name", "last_name", "phone",
                "birth_date");
        assertThat(data.get("support_tickets").get(0)).containsOnlyKeys("subject", "body", "opened_at");
        assertThat(data.get("newsletter_subscriptions").get(0)).containsOnlyKeys("list_name", "subscribed_at");
        assertThat(data.get("orders")).hasSize(2).allSatisfy(row -> assertThat(row).containsOnlyKeys("order_number",
                "ordered_at", "total_cents", "currency", "status"));
    }

    @Test
    void limitingTheUseOfSensitiveDataSetsTheShopsFlagAndNothingElse() throws SQLException {
        ActionContext context = new ActionContext("DSR-2", RequestType.LIMIT_SENSITIVE, Regime.CCPA,
                LocalDate.of(2026, 1, 31), AMIRA, Map.of(), null, "DSR-2:shop-db:LIMIT_USE");

        ActionResult result = connector.perform(shop, ConnectorAction.LIMIT_USE, context);

        assertThat(connector.supports(shop, ConnectorAction.LIMIT_USE)).isTrue();
        assertThat(result.summary()).isEqualTo("Limited the use of sensitive data in 1 row in 1 table.");
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select limit_sensitive_use, sell_share_opt_out, marketing_consent "
                     + "from customers where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getBoolean(2)).as("not an opt-out of sale").isFalse();
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    private ActionResult access(Instant since, boolean providedOnly) {
        ActionContext context = new ActionContext("DSR-1", RequestType.ACCESS, Regime.GDPR, LocalDate.of(2026, 1, 31),
                AMIRA, Map.of(), null, "DSR-1:shop-db:ACCESS", since, providedOnly);
        return connector.perform(shop, ConnectorAction.ACCESS, context);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoShopMappingTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
