package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.support.Languages;

/** The subject's words for a system's data, as the definition gives them: per table, per column, per language. */
class DataLabelsTest {

    private static final String DOCUMENT = """
            systems:
              - key: shop
                name: Web shop
                ownerGroup: shop-team
                kind: manual
                requestTypes: [ACCESS, DELETION]
                personalData:
                  categories:
                    - {en: your contact details, de: Ihre Kontaktdaten}
                    - your purchases
                  tables:
                    addresses:
                      label: {en: your delivery addresses, de: Ihre Lieferadressen, pt-BR: seus endereços de entrega}
                      category: your contact details
                      columns:
                        street: {en: the street, de: die Straße}
                    orders:
                      label: your orders
                      category: your purchases
            """;

    private static DataLabels labels(String document) {
        return SystemDefinitions.parseDocument("systems.yml", document).get(0).personalData().labels();
    }

    @Test
    void readsLabelsPerLanguageWithEnglishAsTheFallback() {
        DataLabels labels = labels(DOCUMENT);

        DataLabels.TableLabel addresses = labels.table("addresses").orElseThrow();
        assertThat(addresses.label().in(Locale.GERMAN)).isEqualTo("Ihre Lieferadressen");
        assertThat(addresses.label().in(Languages.BRAZILIAN_PORTUGUESE)).isEqualTo("seus endereços de entrega");
        assertThat(addresses.label().in(Locale.FRENCH)).as("not given in French").isEqualTo("your delivery addresses");
        assertThat(addresses.label().in(Locale.forLanguageTag("de-AT"))).isEqualTo("Ihre Lieferadressen");
        assertThat(addresses.category()).isEqualTo("your contact details");
        assertThat(addresses.column("street", Locale.GERMAN)).isEqualTo("die Straße");
        assertThat(addresses.column("postal_code", Locale.GERMAN)).as("no label: the name made readable")
                .isEqualTo("postal code");
        assertThat(labels.category("your contact details", Locale.GERMAN)).isEqualTo("Ihre Kontaktdaten");
        assertThat(labels.table("orders").orElseThrow().label().in(Locale.GERMAN)).isEqualTo("your orders");
        assertThat(labels.table("order_lines")).isEmpty();
    }

    @Test
    void theCategoriesReadAsTheRegistryAndInTheSubjectsLanguage() {
        PersonalDataDescription data = SystemDefinitions.parseDocument("systems.yml", DOCUMENT).get(0).personalData();

        assertThat(data.categories()).as("the registry (RoPA) keeps the first text")
                .containsExactly("your contact details", "your purchases");
        assertThat(data.categoriesIn(Locale.GERMAN)).containsExactly("Ihre Kontaktdaten", "your purchases");
    }

    @Test
    void aColumnNameIsMadeReadable() {
        assertThat(DataLabels.readable("first_name")).isEqualTo("first name");
        assertThat(DataLabels.readable("deliveryAddress")).isEqualTo("delivery address");
        assertThat(DataLabels.readable("post-code")).isEqualTo("post code");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            category: your purchases|category: your shopping|systems[0].personalData.tables.orders.category: is not one of this system's categories [your contact details, your purchases]
            label: your orders|lable: your orders|systems[0].personalData.tables.orders.lable: is not known here
            label: your orders|label: ""|systems[0].personalData.tables.orders.label: expected a text, or one text per language
            label: your orders|label: {en: your orders, it: i tuoi ordini}|systems[0].personalData.tables.orders.label.it: is not one of the languages [en, de, fr, es, pt-BR]
            label: your orders|label: {en: your orders, de: 7}|systems[0].personalData.tables.orders.label.de: expected a text
            label: your orders|label: "your\\u0007orders"|systems[0].personalData.tables.orders.label: expected one line of at most 200 characters
            street: {en: the street, de: die Straße}|street: [the street]|systems[0].personalData.tables.addresses.columns.street: expected a text, or one text per language
            - your purchases|- ""|systems[0].personalData.categories[1]: expected a text, or one text per language
            """)
    void mistakesAreReportedWithTheirPath(String replace, String with, String message) {
        String document = DOCUMENT.replace(replace, with);
        assertThat(document).as("the test replaces something").isNotEqualTo(DOCUMENT);

        assertThatThrownBy(() -> labels(document)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("systems.yml: " + message);
    }

    @Test
    void aLabelOfMoreThanOneLineIsRefused() {
        String document = DOCUMENT.replace("label: your orders", "label: \"your\\norders\"");

        assertThatThrownBy(() -> labels(document))
                .hasMessageStartingWith("systems.yml: systems[0].personalData.tables.orders.label: expected one line");
    }
}
