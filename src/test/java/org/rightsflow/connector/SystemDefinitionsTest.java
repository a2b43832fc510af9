package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.deadline.RequestType;

/** The shared part of a system definition, read as an administrator writes it: strict, naming the path. */
class SystemDefinitionsTest {

    private static final String DOCUMENT = """
            systems:
              - key: support-desk
                name: Support desk
                ownerGroup: support-team
                kind: manual
                requestTypes: [ACCESS, DELETION]
                correctableFields: [first_name, email]
              - key: shop-db
                name: Web shop database
                description: Customers and orders
                ownerGroup: shop-team
                kind: processor-email
                requestTypes: [ACCESS, DELETION, OPT_OUT]
                active: false
                erasure:
                  autoApprove: true
                personalData:
                  categories: [contact details, order history]
                  purposes: [order fulfilment]
                  recipients: [{name: Parcel Co, country: DE, role: processor}]
                  retention: invoices 10 years
                connection:
                  email: privacy@agency.example
                  reminderEvery: P2D
            """;

    @Test
    void readsEveryPartOfADefinition() {
        List<SystemDefinition> systems = SystemDefinitions.parseDocument("systems.yml", DOCUMENT);

        SystemDefinition desk = systems.get(0);
        assertThat(desk.kind()).isEqualTo(ConnectorKind.MANUAL);
        assertThat(desk.active()).as("active unless it says otherwise").isTrue();
        assertThat(desk.autoApproveErasure()).isFalse();
        assertThat(desk.correctableFields()).containsExactlyInAnyOrder("first_name", "email");
        assertThat(desk.personalData()).isEqualTo(PersonalDataDescription.none());
        assertThat(desk.connection()).isNull();

        SystemDefinition shop = systems.get(1);
        assertThat(shop.description()).isEqualTo("Customers and orders");
        assertThat(shop.requestTypes()).containsExactlyInAnyOrder(RequestType.ACCESS, RequestType.DELETION,
                RequestType.OPT_OUT);
        assertThat(shop.active()).isFalse();
        assertThat(shop.autoApproveErasure()).isTrue();
        assertThat(shop.personalData().recipients())
                .containsExactly(new PersonalDataDescription.Recipient("Parcel Co", "DE", "processor"));
        assertThat(shop.personalData().retention()).isEqualTo("invoices 10 years");
        assertThat(shop.connection().path()).isEqualTo("systems[1].connection");
        assertThat(ProcessorEmailSettings.from(shop.connection()).reminderEvery()).isEqualTo(Duration.ofDays(2));
    }

    private static final String IN_TWO_LANGUAGES = """
            systems:
              - key: shop-db
                name: Web shop database
                description: {en: Customers and orders, de: Kunden und Bestellungen}
                ownerGroup: shop-team
                kind: manual
                requestTypes: [ACCESS]
                personalData:
                  purposes:
                    - {en: order fulfilment, de: Abwicklung von Bestellungen}
                    - accounting
                  recipients:
                    - {name: Parcel Co, country: DE, role: {en: delivers orders, de: liefert Bestellungen aus}}
                    - {name: Cloud host}
                  retention: {en: invoices 10 years, de: Rechnungen 10 Jahre}
                  source: |
                    The customer,
                    when ordering.
            """;

    @Test
    void theSentencesAboutASystemAreWrittenOnceOrPerLanguageAndStaffReadTheFirst() {
        SystemDefinition shop = SystemDefinitions.parseDocument("systems.yml", IN_TWO_LANGUAGES).get(0);
        PersonalDataDescription data = shop.personalData();

        assertThat(shop.description()).isEqualTo("Customers and orders");
        assertThat(data.purposes()).containsExactly("order fulfilment", "accounting");
        assertThat(data.retention()).isEqualTo("invoices 10 years");

        PersonalDataDescription german = data.in(java.util.Locale.GERMAN);
        assertThat(data.describe(shop.description(), java.util.Locale.GERMAN)).isEqualTo("Kunden und Bestellungen");
        assertThat(german.purposes()).containsExactly("Abwicklung von Bestellungen", "accounting");
        assertThat(german.recipients()).containsExactly(
                new PersonalDataDescription.Recipient("Parcel Co", "DE", "liefert Bestellungen aus"),
                new PersonalDataDescription.Recipient("Cloud host", null, null));
        assertThat(german.retention()).isEqualTo("Rechnungen 10 Jahre");
        assertThat(german.source()).isEqualTo("The customer,\nwhen ordering.");
        assertThat(data.in(java.util.Locale.FRENCH).retention()).as("a language not written reads English")
                .isEqualTo("invoices 10 years");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention: ''                   | systems[0].personalData.retention",
            "retention: {en: '', de: Jahre}   | systems[0].personalData.retention.en",
            "retention: {xx: years}           | systems[0].personalData.retention.xx",
            "purposes: ['  ']                 | systems[0].personalData.purposes[0]"})
    void aSentenceThatIsBlankOrInAnUnknownLanguageIsRefusedWithItsPath(String line, String path) {
        String yaml = """
                systems:
                  - key: shop-db
                    name: Web shop database
                    ownerGroup: shop-team
                    kind: manual
                    requestTypes: [ACCESS]
                    personalData:
                      %s
                """.formatted(line);

        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", yaml)).hasMessageContaining(path);
    }

    @Test
    void exportsTheDefinitionsAsWritten() {
        List<SystemDefinition> systems = SystemDefinitions.parseDocument("systems.yml", DOCUMENT);

        List<SystemDefinition> again = SystemDefinitions.parseDocument("export.yml", SystemDefinitions.toYaml(systems));

        assertThat(again).extracting(SystemDefinition::source).isEqualTo(systems.stream()
                .map(SystemDefinition::source).toList());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            name: Web shop database|nmae: Web shop database|systems[1].nmae: unknown key 'nmae'; allowed keys here: active, connection, correctableFields, dataset, description, erasure, instructions, key, kind, name, ownerGroup, personalData, requestTypes
            name: Web shop database|name: "  "|systems[1].name: expected non-empty text
            ownerGroup: shop-team|ownerGroup: [shop-team]|systems[1].ownerGroup: expected non-empty text
            key: shop-db|key: Shop DB|systems[1].key: 'Shop DB' is not a system key: use lower-case letters
            key: shop-db|key: support-desk|systems[1].key: 'support-desk' is defined twice
            kind: processor-email|kind: ftp|systems[1].kind: 'ftp' is not one of manual, sql, http, processor-email
            requestTypes: [ACCESS, DELETION, OPT_OUT]|requestTypes: [ACCESS, ERASURE]|systems[1].requestTypes[1]: 'ERASURE' is not one of
            requestTypes: [ACCESS, DELETION, OPT_OUT]|requestTypes: [ACCESS, 1]|systems[1].requestTypes[1]: expected one of ACCESS
            requestTypes: [ACCESS, DELETION, OPT_OUT]|requestTypes: [ACCESS, ACCESS]|systems[1].requestTypes: ACCESS is listed twice
            requestTypes: [ACCESS, DELETION, OPT_OUT]|requestTypes: []|systems[1].requestTypes: list the request types this system takes part in
            active: false|active: "no"|systems[1].active: expected true or false
            autoApprove: true|autoApprov: true|systems[1].erasure.autoApprov: unknown key 'autoApprov'; allowed keys here: autoApprove
            recipients: [{name: Parcel Co, country: DE, role: processor}]|recipients: [{name: Parcel Co, contry: DE}]|systems[1].personalData.recipients[0].contry: unknown key 'contry'; allowed keys here: country, name, role
            recipients: [{name: Parcel Co, country: DE, role: processor}]|recipients: [{country: DE}]|systems[1].personalData.recipients[0].name: required but missing
            categories: [contact details, order history]|categories: [contact details, ""]|systems[1].personalData.categories[1]: expected a text, or one text per language
            retention: invoices 10 years|retension: invoices 10 years|systems[1].personalData.retension: unknown key 'retension'
            correctableFields: [first_name, email]|correctableFields: [first_name, "e mail"]|systems[0].correctableFields[1]: 'e mail' is not a field name
            email: privacy@agency.example|emial: privacy@agency.example|systems[1].connection.emial: unknown key 'emial'; allowed keys here: contactName, email, reminderEvery
            email: privacy@agency.example|email: privacy|systems[1].connection.email: 'privacy' is not an email address
            reminderEvery: P2D|reminderEvery: 2 days|systems[1].connection.reminderEvery: expected an ISO-8601 duration
            reminderEvery: P2D|reminderEvery: PT10M|systems[1].connection.reminderEvery: remind at most once an hour
            """)
    void mistakesAreReportedWithTheirPath(String replace, String with, String message) {
        String document = DOCUMENT.replace(replace, with);
        assertThat(document).as("the test replaces something").isNotEqualTo(DOCUMENT);

        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("systems.yml: " + message);
    }

    @Test
    void theDocumentItselfIsReadStrictly() {
        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", "version: 2\n" + DOCUMENT))
                .hasMessage("systems.yml: version: unknown key 'version'; allowed keys here: systems");
        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", "systems: []\n"))
                .hasMessage("systems.yml: systems: the document defines no system");
        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", "systems: [shop-db]\n"))
                .hasMessageStartingWith("systems.yml: systems[0]: expected a mapping");
        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml", "- shop-db\n"))
                .hasMessageStartingWith("systems.yml: expected a YAML mapping");
        assertThatThrownBy(() -> SystemDefinitions.parseDocument("systems.yml",
                DOCUMENT.replace("    active: false\n", "    active: false\n    active: true\n")))
                .hasMessageStartingWith("systems.yml: not valid YAML: ")
                .hasMessageContaining("duplicate key active");
    }

    @Test
    void aSecretWrittenInPlainTextIsRefusedWithoutRepeatingIt() {
        String secret = "plain-text-secret-0123456789";
        String definition = """
                key: shop-db
                name: Shop
                ownerGroup: shop-team
                kind: sql
                requestTypes: [ACCESS]
                connection:
                  url: jdbc:h2:mem:shop
                  password: %s
                """;

        SystemDefinition system = SystemDefinitions.parseSingle("shop.yml", definition.formatted(secret));
        assertThatThrownBy(() -> Secrets.reference(system.connection().at("password")))
                .hasMessage("shop.yml: connection.password: a secret must be a reference, {env: VARIABLE} or "
                        + "{file: /path/to/file}, never the value itself");
        SystemDefinition misspelt = SystemDefinitions.parseSingle("shop.yml",
                definition.formatted("{env: SHOP_PASSWORD, file: /run/secrets/shop}"));
        assertThatThrownBy(() -> Secrets.reference(misspelt.connection().at("password")))
                .hasMessageStartingWith("shop.yml: connection.password: a secret must be a reference");
        SystemDefinition unknown = SystemDefinitions.parseSingle("shop.yml", definition.formatted("{vault: shop}"));
        assertThatThrownBy(() -> Secrets.reference(unknown.connection().at("password")))
                .hasMessage("shop.yml: connection.password.vault: unknown key 'vault'; allowed keys here: env, file");
        SystemDefinition empty = SystemDefinitions.parseSingle("shop.yml", definition.formatted("{env: \"\"}"));
        assertThatThrownBy(() -> Secrets.reference(empty.connection().at("password")))
                .hasMessage("shop.yml: connection.password.env: expected non-empty text");
        SystemDefinition file = SystemDefinitions.parseSingle("shop.yml", definition.formatted("{file: /run/s }"));
        assertThat(Secrets.reference(file.connection().at("password")))
                .contains(new SecretReference(SecretReference.Source.FILE, "/run/s"));
    }
}
