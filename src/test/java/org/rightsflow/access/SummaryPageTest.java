package org.rightsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.connector.AccessFile;
import org.rightsflow.connector.DataLabels;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.Words;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.support.MessageBundles;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The package's summary page, in the request's language: English as it always read, German all German. */
class SummaryPageTest {

    private static final Instant RECEIVED = Instant.parse("2027-01-31T10:00:00Z");

    private final SummaryPage page = new SummaryPage(engine(), new DisplayDates(ZoneOffset.UTC),
            StatutoryClock.shipped(ZoneOffset.UTC));

    /** As Spring Boot configures the application's engine: classpath templates/, HTML, the bundles. */
    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(MessageBundles.create());
        return engine;
    }

    private static RequestDetails request(Locale language) {
        return request(Regime.GDPR, language);
    }

    private static RequestDetails request(Regime regime, Locale language) {
        return new RequestDetails("DSR-2027-000042", RequestType.ACCESS, regime,
                new SubjectIdentity("jo@example.com", "Jo", null), null, Channel.WEB_FORM, RECEIVED, RECEIVED,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 2, 10), true, true,
                RequestStatus.IN_PROGRESS, null, null, language);
    }

    private static List<PackageSources.SystemSource> sources() {
        AccessFile json = new AccessFile(1, "DSR-2027-000042", 1, 7, "shop.json", "application/json", 10, RECEIVED,
                false);
        AccessFile notes = new AccessFile(2, "DSR-2027-000042", 1, 7, "notes.txt", "text/plain", 10, RECEIVED, true);
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        shapes.put("customers", new TableShape("customers", 1, List.of("email")));
        shapes.put("support_tickets", new TableShape("support_tickets", 3, List.of("subject", "body")));
        shapes.put("loyalty_points", new TableShape("loyalty_points", 1, List.of("points")));
        shapes.put("audit", new TableShape("audit", 2, List.of("at")));
        shapes.put("addresses", new TableShape("addresses", 2, List.of("street", "postcode")));
        DataLabels labels = new DataLabels(Map.of(
                "customers", new DataLabels.TableLabel(words("your customer account", "Ihr Kundenkonto"),
                        "contact details", Map.of("email", words("your email address", "Ihre E-Mail-Adresse"))),
                "addresses", new DataLabels.TableLabel(words("your delivery addresses", "Ihre Lieferadressen"),
                        "delivery addresses", Map.of("street", words("street", "Straße"))),
                "support_tickets", new DataLabels.TableLabel(words("your messages to us", "Ihre Nachrichten an uns"),
                        null, Map.of("body", words("message", "Nachricht")))),
                orderedCategories(), new DataLabels.SystemTexts(words("Orders and accounts", "Bestellungen und Konten"),
                        List.of(words("selling and delivering orders", "Verkauf und Lieferung")),
                        java.util.Arrays.asList(words("delivers orders", "liefert Bestellungen aus"), null, null),
                        null, null, null));
        PersonalDataDescription described = new PersonalDataDescription(List.of("contact details", "date of birth",
                "delivery addresses"),
                List.of("selling and delivering orders"), List.of(
                        new PersonalDataDescription.Recipient("Parcel carrier", "Germany", "delivers orders"),
                        new PersonalDataDescription.Recipient("Mailing agency", null, "sends the newsletter"),
                        new PersonalDataDescription.Recipient("Cloud host", "Ireland", null)),
                null, null, null, labels);
        return List.of(
                new PackageSources.SystemSource(7, "shop", "Shop customer database", "Orders and accounts",
                        new FulfilmentResultView(7, "Shop customer database", SystemOutcome.DONE, "Found 6 rows.",
                                "owner", RECEIVED), null, described, Optional.of(json), shapes, List.of(notes),
                        List.of(Exclusion.of(7, "support_tickets", "body", null, "The messages quote other customers."),
                                Exclusion.of(7, "audit", null, null, "Security records."),
                                Exclusion.of(7, null, null, 2L, "An internal note, privileged."))),
                new PackageSources.SystemSource(8, "crm", "CRM", null,
                        new FulfilmentResultView(8, "CRM", SystemOutcome.NO_DATA_FOUND, null, "owner", RECEIVED),
                        "Searched the CRM by email: no record.", PersonalDataDescription.none(), Optional.empty(), Map.of(), List.of(),
                        List.of(Exclusion.of(8, null, null, null, "Under a legal hold."))));
    }

    private static Words words(String english, String german) {
        Map<Locale, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put(Locale.ENGLISH, english);
        byLanguage.put(Locale.GERMAN, german);
        return new Words(byLanguage);
    }

    /** The registry's order: the page follows it, not the order the system returned its tables in. */
    private static Map<String, Words> orderedCategories() {
        Map<String, Words> categories = new LinkedHashMap<>();
        categories.put("contact details", words("contact details", "Kontaktdaten"));
        categories.put("date of birth", words("date of birth", "Geburtsdatum"));
        categories.put("delivery addresses", words("delivery addresses", "Lieferadressen"));
        return categories;
    }

    /** The rows as the package writer reads them from the system's document: here, made up per table. */
    private static List<List<String>> rows(PackageSources.SystemSource source, TableShape shape, int limit) {
        return switch (shape.name()) {
            case "customers" -> List.of(List.of("jo@example.com"));
            case "addresses" -> List.of(List.of("1 Main Street", "10115"), List.of("2 Side Road", "10117"));
            case "support_tickets" -> List.of(List.of("Late parcel"), List.of("Refund"), List.of("Thanks"));
            case "loyalty_points" -> List.of(List.of("120"));
            default -> List.of();
        };
    }

    private String html(Regime regime, Locale language) {
        String html = page.render(request(regime, language), sources(), SummaryPageTest::rows,
                RECEIVED.plusSeconds(86_400 * 5), RECEIVED.plusSeconds(86_400 * 35), null);
        assertThat(html).doesNotContain("??", "${", "#{");
        return html;
    }

    private String text(Locale language) {
        return Jsoup.parse(html(Regime.GDPR, language)).text();
    }

    @Test
    void inEnglishThePageReadsAsItAlwaysDid() {
        assertThat(text(Locale.ENGLISH)).contains(
                "Your personal data",
                "This is our answer to your request DSR-2027-000042, received on Sunday 31 January 2027 under GDPR.",
                "What we hold, system by system",
                "This system holds no data about you",
                "contact details your customer account (1) your email address jo@example.com "
                        + "All of them: data/shop/customers.csv",
                "delivery addresses your delivery addresses (2) street postcode 1 Main Street 10115 2 Side Road 10117",
                "All of it: data/shop.json",
                "What kinds of data contact details, date of birth, delivery addresses", "Why we use it selling and delivering orders",
                "Parcel carrier, who delivers orders (in Germany)", "Mailing agency, who sends the newsletter",
                "Cloud host (in Ireland)", "Nobody outside our company.",
                "As long as we need it for the purposes above.", "From you.",
                "We make no decision about you based only on automated processing of this data.",
                "What we left out, and why",
                "The message field of your messages to us in Shop customer database: The messages quote other customers.",
                "The table audit of Shop customer database: Security records.",
                "The file notes.txt from Shop customer database: An internal note, privileged.",
                "Everything from CRM: Under a legal hold.", "Searched the CRM by email: no record.",
                "you can ask us to correct it.", "You can object to our use of it, and always to direct marketing.",
                "the data protection supervisory authority of the EU or EEA country",
                "This copy can be downloaded from your request page until");
    }

    @Test
    void theDataIsShownAsTablesUnderTheirLabelsNeverAsTableNamesOrRowCounts() {
        String text = text(Locale.ENGLISH);

        assertThat(text).doesNotContain("Found 6 rows", "support_tickets ", "customers 1", "Records", "body field")
                .contains("Other data your messages to us (3) subject Late parcel Refund Thanks "
                                + "All of them: data/shop/support_tickets.csv",
                        "other personal data (1) points 120 All of them: data/shop/loyalty_points.csv");
        org.jsoup.nodes.Document page = Jsoup.parse(html(Regime.GDPR, Locale.ENGLISH));
        assertThat(page.select("a[href=data/shop/addresses.csv]")).hasSize(1);
        assertThat(page.select("a[href=files/shop/notes.txt]")).as("the excluded file is not linked").isEmpty();
        assertThat(page.select("table caption").eachText()).containsExactly("your customer account (1)",
                "your delivery addresses (2)", "your messages to us (3)", "other personal data (1)");
        assertThat(page.select("table").get(1).select("th").eachText()).containsExactly("street", "postcode");
    }

    @Test
    void aCaliforniaAnswerListsCaliforniasRightsNotThoseOfGdpr() {
        String california = Jsoup.parse(html(Regime.CCPA, Locale.ENGLISH)).text();
        String gdpr = text(Locale.ENGLISH);

        assertThat(california).contains("stop selling or sharing", "limit our use", "ask us to correct it",
                "delete your data").doesNotContain("restrict how we use it", "object to our use of it",
                "data protection supervisory authority");
        assertThat(gdpr).contains("restrict how we use it", "object to our use of it", "stop direct marketing")
                .doesNotContain("limit our use");
    }

    @ParameterizedTest
    @CsvSource({"MNCDPA, true", "OCPA, true", "DPDPA, true", "CCPA, false", "GDPR, false"})
    void whereTheLawGrantsAListOfThirdPartiesTheAnswerSaysWhereItIs(Regime regime, boolean granted) {
        String text = Jsoup.parse(html(regime, Locale.ENGLISH)).text();

        String sentence = "you have the right to know which third parties we gave your personal data to. They are "
                + "named above, for each system, under “Who receives it”.";
        if (granted) {
            assertThat(text).contains("As " + regime.lawName() + " provides, " + sentence);
        } else {
            assertThat(text).doesNotContain(sentence);
        }
    }

    @Test
    void inGermanTheHeadingsAndSentencesAreGerman() {
        String german = text(Locale.GERMAN);

        assertThat(german).contains("Ihre personenbezogenen Daten", "DSR-2027-000042", "Shop customer database",
                "Parcel carrier", "The messages quote other customers.",
                "Kontaktdaten Ihr Kundenkonto (1) Ihre E-Mail-Adresse jo@example.com",
                "Lieferadressen Ihre Lieferadressen (2) Straße postcode", "Weitere Daten",
                "Bestellungen und Konten", "Verkauf und Lieferung", "Parcel carrier: liefert Bestellungen aus",
                "Mailing agency: sends the newsletter")
                .doesNotContain("What we hold, system by system", "Your other rights", "If you are not satisfied",
                        "What we left out, and why", "This system searched", "Who receives it", "Orders and accounts",
                        "selling and delivering orders");
    }
}
