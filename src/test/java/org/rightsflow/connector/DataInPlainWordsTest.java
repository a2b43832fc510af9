package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.DataInPlainWords.DataLine;
import org.rightsflow.connector.DataInPlainWords.Fate;

/** A step's table reports become lines the subject reads: their labels and categories, never table names. */
class DataInPlainWordsTest {

    private static final String DOCUMENT = """
            systems:
              - key: shop
                name: Web shop
                ownerGroup: shop-team
                kind: %s
                requestTypes: [ACCESS, DELETION]
                connection:
                  url: jdbc:h2:mem:shop
                personalData:
                  categories:
                    - {en: your contact details, de: Ihre Kontaktdaten}
                    - {en: your purchases, de: Ihre Einkäufe}
                  tables:
                    orders:
                      label: {en: your orders, de: Ihre Bestellungen}
                      category: your purchases
                      columns:
                        email: {en: your email address, de: Ihre E-Mail-Adresse}
                        total: {en: the amounts paid, de: die gezahlten Beträge}
                    addresses:
                      label: {en: your delivery addresses, de: Ihre Lieferadressen}
                      category: your contact details
            """;

    private static SystemDefinition system(String kind) {
        return SystemDefinitions.parseDocument("systems.yml", DOCUMENT.formatted(kind)).get(0);
    }

    private static StepView step(ConnectorAction action, TableReport... tables) {
        return new StepView(1, "DSR-1", 2, "Web shop", action, StepStatus.SUCCEEDED, "Deleted 2 rows in addresses",
                List.of(tables), List.of(), null, "system", Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static final TableReport ORDERS_MASKED = new TableReport("orders", 3, 0, 3, 6, 0, 3,
            List.of("GDPR Art. 17(3)(b): invoices, 10 years (fields: total)"), List.of("email", "first_name"),
            List.of(new TableReport.Keeping("GDPR_ART_17_3_B", "invoices, 10 years", List.of("total"))));
    private static final TableReport ADDRESSES_DELETED = new TableReport("addresses", 2, 2, 0, 0, 0, 0, List.of());
    private static final TableReport TICKETS_DELETED = new TableReport("support_tickets", 1, 1, 0, 0, 0, 0,
            List.of());
    private static final TableReport NOTHING = new TableReport("newsletter", 0, 0, 0, 0, 0, 0, List.of());

    @Test
    void anErasureReadsByCategoryInTheDefinitionsOrderInTheSubjectsLanguage() {
        List<DataLine> lines = DataInPlainWords.lines(step(ConnectorAction.ERASE, TICKETS_DELETED, ORDERS_MASKED,
                ADDRESSES_DELETED, NOTHING), system("sql"), Map.of(), Locale.GERMAN);

        assertThat(lines).extracting(DataLine::category, DataLine::label, DataLine::records, DataLine::fate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ihre Kontaktdaten", "Ihre Lieferadressen", 2,
                                Fate.DELETED),
                        org.assertj.core.groups.Tuple.tuple("Ihre Einkäufe", "Ihre Bestellungen", 3,
                                Fate.DETAILS_REMOVED),
                        org.assertj.core.groups.Tuple.tuple(null, null, 1, Fate.DELETED));
        DataLine orders = lines.get(1);
        assertThat(orders.removed()).containsExactly("Ihre E-Mail-Adresse", "first name");
        assertThat(orders.removedText()).isEqualTo("Ihre E-Mail-Adresse und first name");
        assertThat(orders.kept()).singleElement().satisfies(reason -> {
            assertThat(reason.basis()).isEqualTo("GDPR_ART_17_3_B");
            assertThat(reason.note()).isEqualTo("invoices, 10 years");
            assertThat(reason.detailsText()).isEqualTo("die gezahlten Beträge");
        });
    }

    @Test
    void theReasonForKeepingIsReadInTheSubjectsLanguageWhereTheDefinitionWritesIt() {
        Map<Locale, String> note = new java.util.LinkedHashMap<>();
        note.put(Locale.ENGLISH, "invoices, 10 years");
        note.put(Locale.GERMAN, "Rechnungen, 10 Jahre");

        List<DataLine> lines = DataInPlainWords.lines(step(ConnectorAction.ERASE, ORDERS_MASKED), system("sql"),
                Map.of("invoices, 10 years", new Words(note)), Locale.GERMAN);

        assertThat(lines.get(0).kept()).extracting(DataInPlainWords.Reason::note)
                .containsExactly("Rechnungen, 10 Jahre");
        assertThat(DataInPlainWords.lines(step(ConnectorAction.ERASE, ORDERS_MASKED), system("sql"), Map.of(),
                Locale.GERMAN).get(0).kept()).as("a reason not translated reads as written")
                .extracting(DataInPlainWords.Reason::note).containsExactly("invoices, 10 years");
    }

    @Test
    void recordsKeptWholeSayWhy() {
        TableReport retained = new TableReport("orders", 4, 0, 0, 0, 4, 0, List.of("GDPR Art. 17(3)(b): tax"),
                List.of(), List.of(new TableReport.Keeping("GDPR_ART_17_3_B", "tax", List.of())));

        DataLine line = DataInPlainWords.lines(step(ConnectorAction.ERASE, retained), system("sql"), Map.of(), Locale.ENGLISH)
                .get(0);

        assertThat(line.fate()).isEqualTo(Fate.KEPT);
        assertThat(line.records()).isEqualTo(4);
        assertThat(line.kept()).extracting(DataInPlainWords.Reason::basis).containsExactly("GDPR_ART_17_3_B");
    }

    @Test
    void anAccessSaysWhatIsHeld() {
        List<DataLine> lines = DataInPlainWords.lines(step(ConnectorAction.ACCESS, TableReport.found("orders", 5)),
                system("sql"), Map.of(), Locale.ENGLISH);

        assertThat(lines).extracting(DataLine::label, DataLine::records, DataLine::fate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("your orders", 5, Fate.HELD));
    }

    @Test
    void aCorrectionSaysWhichRecordsWereChangedAndLeavesOutTablesLeftAlone() {
        TableReport corrected = new TableReport("addresses", 2, 0, 2, 0, 0, 0, List.of());
        TableReport notChanged = new TableReport("orders", 3, 0, 0, 0, 0, 0, List.of());

        List<DataLine> lines = DataInPlainWords.lines(step(ConnectorAction.CORRECT, corrected, notChanged),
                system("sql"), Map.of(), Locale.GERMAN);

        assertThat(lines).extracting(DataLine::label, DataLine::records, DataLine::fate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ihre Lieferadressen", 2, Fate.CHANGED));
    }

    @Test
    void anHttpSystemThatLabelsNoneOfItsTablesKeepsItsOwnWords() {
        assertThat(DataInPlainWords.lines(step(ConnectorAction.ERASE, TICKETS_DELETED), system("http"), Map.of(),
                Locale.ENGLISH)).isEmpty();
        assertThat(DataInPlainWords.lines(step(ConnectorAction.ERASE, ADDRESSES_DELETED), system("http"), Map.of(),
                Locale.ENGLISH)).extracting(DataLine::label).containsExactly("your delivery addresses");
    }

    @Test
    void anSqlConnectorsCountIsForStaffButAPersonsWordsAndAnHttpSystemsReachTheSubject() {
        FulfilmentResultView counted = new FulfilmentResultView(2, "Web shop", SystemOutcome.NO_DATA_FOUND,
                "Found no data for this person.", "system", Instant.EPOCH);
        assertThat(DataInPlainWords.note(system("sql"), counted, true, List.of())).isNull();
        FulfilmentResultView refused = new FulfilmentResultView(2, "Web shop", SystemOutcome.NOT_DONE,
                "Under a legal hold until the court decides.", "owner", Instant.EPOCH);
        assertThat(DataInPlainWords.note(system("sql"), refused, false, List.of()))
                .as("the owner refused before the connector ran").isEqualTo("Under a legal hold until the court decides.");
        assertThat(DataInPlainWords.note(system("http"), counted, true, List.of()))
                .isEqualTo("Found no data for this person.");
    }

    @Test
    void linesGroupUnderTheirCategories() {
        List<DataLine> lines = DataInPlainWords.lines(step(ConnectorAction.ERASE, TICKETS_DELETED, ORDERS_MASKED,
                ADDRESSES_DELETED), system("sql"), Map.of(), Locale.ENGLISH);
        DataInPlainWords.SystemAnswer answer = new DataInPlainWords.SystemAnswer(2, "Web shop", SystemOutcome.DONE,
                null, lines);

        assertThat(answer.byCategory()).extracting(DataInPlainWords.CategoryLines::category)
                .containsExactly("your contact details", "your purchases", null);
    }
}
