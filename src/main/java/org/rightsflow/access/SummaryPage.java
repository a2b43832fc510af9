package org.rightsflow.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.support.DisplayDates;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The package's {@code summary.html}: in plain words, what we hold in each system, where it is in the zip, and the
 * information GDPR Art. 15 adds to the data itself (purposes, categories, recipients and their countries, retention,
 * source, automated decisions, the other rights and where to complain). A page that opens offline in any browser.
 */
@Component
class SummaryPage {

    /** One system as the page describes it. */
    record SystemSummary(String name, String description, SystemOutcome outcome, String resultSummary,
                         List<TableLine> tables, List<String> attachments, PersonalDataDescription personalData,
                         String jsonFile) {
    }

    /** One table: its name, rows, and the CSV file that holds it. */
    record TableLine(String name, long rows, String csvFile) {
    }

    /**
     * What was left out, for the page to say in the request's language: {@code kind} picks the sentence
     * ({@code mail.summary.left.<kind>}), the other fields fill it.
     */
    record Withheld(String kind, String system, String file, String table, String column, String reason) {
    }

    private final ITemplateEngine templates;
    private final DisplayDates dates;

    SummaryPage(ITemplateEngine templates, DisplayDates dates) {
        this.templates = templates;
        this.dates = dates;
    }

    String render(RequestDetails request, List<PackageSources.SystemSource> sources, Instant createdAt,
                  Instant expiresAt, java.time.Instant dataSince) {
        List<SystemSummary> systems = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (PackageSources.SystemSource source : sources) {
            String folder = PackageWriter.safe(source.key());
            List<TableLine> tables = new ArrayList<>();
            for (TableShape shape : source.shapes().values()) {
                if (source.exclusions().stream().noneMatch(e -> e.wholeSystem() || e.coversTable(shape.name()))) {
                    tables.add(new TableLine(shape.name(), shape.rows(),
                            "data/" + folder + "/" + PackageWriter.safe(shape.name()) + ".csv"));
                }
            }
            List<String> attachments = source.attachments().stream()
                    .filter(file -> source.exclusions().stream().noneMatch(e -> e.wholeSystem()
                            || Long.valueOf(file.id()).equals(e.accessFileId())))
                    .map(file -> "files/" + folder + "/" + PackageWriter.safe(file.fileName())).toList();
            boolean whole = source.exclusions().stream().anyMatch(Exclusion::wholeSystem);
            systems.add(new SystemSummary(source.name(), source.description(), source.result().outcome(),
                    source.result().summary(), whole ? List.of() : tables, whole ? List.of() : attachments,
                    source.personalData(), source.data().isPresent() && !whole ? "data/" + folder + ".json" : null));
            for (Exclusion exclusion : source.exclusions()) {
                withheld.add(describe(source, exclusion));
            }
        }
        // The page is the subject's: in the request's language, dates included (support.Languages).
        Locale language = request.language();
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(language);
        try {
            Context context = new Context(language);
            context.setVariable("request", request);
            context.setVariable("portability", request.type() == RequestType.PORTABILITY);
            context.setVariable("received", dates.longDate(dates.dateOf(request.receivedAt())));
            context.setVariable("created", dates.dateTime(createdAt));
            context.setVariable("expires", dates.longDate(dates.dateOf(expiresAt)));
            context.setVariable("dataSince", dataSince == null ? null : dates.longDate(dates.dateOf(dataSince)));
            context.setVariable("systems", systems);
            context.setVariable("withheld", withheld);
            return templates.process("package/summary", context);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /** What was left out, in words the subject understands, with the reason staff gave. */
    private static Withheld describe(PackageSources.SystemSource source, Exclusion exclusion) {
        if (exclusion.wholeSystem()) {
            return new Withheld("system", source.name(), null, null, null, exclusion.reason());
        }
        if (exclusion.accessFileId() != null) {
            return source.attachments().stream().filter(f -> f.id() == exclusion.accessFileId()).findFirst()
                    .map(f -> new Withheld("file", source.name(), f.fileName(), null, null, exclusion.reason()))
                    .orElse(new Withheld("someFile", source.name(), null, null, null, exclusion.reason()));
        }
        if (exclusion.column() != null) {
            return new Withheld("column", source.name(), null, exclusion.table(), exclusion.column(),
                    exclusion.reason());
        }
        return new Withheld("table", source.name(), null, exclusion.table(), null, exclusion.reason());
    }
}
