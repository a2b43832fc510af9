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
import org.rightsflow.connector.AccessFile;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
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

    private final SummaryPage page = new SummaryPage(engine(), new DisplayDates(ZoneOffset.UTC));

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
        return new RequestDetails("DSR-2027-000042", RequestType.ACCESS, Regime.GDPR,
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
        shapes.put("support_tickets", new TableShape("support_tickets", 3, List.of("body")));
        shapes.put("audit", new TableShape("audit", 2, List.of("at")));
        PersonalDataDescription described = new PersonalDataDescription(List.of("contact details", "date of birth"),
                List.of("selling and delivering orders"), List.of(
                        new PersonalDataDescription.Recipient("Parcel carrier", "Germany", "delivers orders"),
                        new PersonalDataDescription.Recipient("Mailing agency", null, "sends the newsletter"),
                        new PersonalDataDescription.Recipient("Cloud host", "Ireland", null)),
                null, null, null);
        return List.of(
                new PackageSources.SystemSource(7, "shop", "Shop customer database", "Orders and accounts",
                        new FulfilmentResultView(7, "Shop customer database", SystemOutcome.DONE, "Found 6 rows.",
                                "owner", RECEIVED), described, Optional.of(json), shapes, List.of(notes),
                        List.of(Exclusion.of(7, "support_tickets", "body", null, "The messages quote other customers."),
                                Exclusion.of(7, "audit", null, null, "Security records."),
                                Exclusion.of(7, null, null, 2L, "An internal note, privileged."))),
                new PackageSources.SystemSource(8, "crm", "CRM", null,
                        new FulfilmentResultView(8, "CRM", SystemOutcome.NO_DATA_FOUND, null, "owner", RECEIVED),
                        PersonalDataDescription.none(), Optional.empty(), Map.of(), List.of(),
                        List.of(Exclusion.of(8, null, null, null, "Under a legal hold."))));
    }

    private String text(Locale language) {
        String html = page.render(request(language), sources(), RECEIVED.plusSeconds(86_400 * 5),
                RECEIVED.plusSeconds(86_400 * 35), null);
        assertThat(html).doesNotContain("??", "${", "#{");
        return Jsoup.parse(html).text();
    }

    @Test
    void inEnglishThePageReadsAsItAlwaysDid() {
        assertThat(text(Locale.ENGLISH)).contains(
                "Your personal data",
                "This is our answer to your request DSR-2027-000042, received on Sunday 31 January 2027 under GDPR.",
                "What we hold, system by system",
                "This system searched: Found 6 rows.", "This system holds no data about you",
                "All of it: data/shop.json", "Tables of Shop customer database", "Table Records File",
                "customers 1 data/shop/customers.csv",
                "What kinds of data contact details, date of birth", "Why we use it selling and delivering orders",
                "Parcel carrier, who delivers orders (in Germany)", "Mailing agency, who sends the newsletter",
                "Cloud host (in Ireland)", "Nobody outside our company.",
                "As long as we need it for the purposes above.", "From you.",
                "We make no decision about you based only on automated processing of this data.",
                "What we left out, and why",
                "The body field of support_tickets in Shop customer database: The messages quote other customers.",
                "The table audit of Shop customer database: Security records.",
                "The file notes.txt from Shop customer database: An internal note, privileged.",
                "Everything from CRM: Under a legal hold.",
                "you can ask us to correct it.", "You can object to our use of it, and always to direct marketing.",
                "the data protection supervisory authority of the EU or EEA country",
                "This copy can be downloaded from your request page until");
    }

    @Test
    void inGermanTheHeadingsAndSentencesAreGerman() {
        String german = text(Locale.GERMAN);

        assertThat(german).contains("Ihre personenbezogenen Daten", "DSR-2027-000042", "Shop customer database",
                "Parcel carrier", "The messages quote other customers.")
                .doesNotContain("What we hold, system by system", "Your other rights", "If you are not satisfied",
                        "What we left out, and why", "This system searched", "Who receives it");
    }
}
