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
    record SystemSummary(String name, String description, String outcome, String resultSummary,
                         List<TableLine> tables, List<String> attachments, PersonalDataDescription personalData,
                         String jsonFile) {
    }

    /** One table: its name, rows, and the CSV file that holds it. */
    record TableLine(String name, long rows, String csvFile) {
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
        List<String> withheld = new ArrayList<>();
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
            systems.add(new SystemSummary(source.name(), source.description(), outcome(source.result().outcome()),
                    source.result().summary(), whole ? List.of() : tables, whole ? List.of() : attachments,
                    source.personalData(), source.data().isPresent() && !whole ? "data/" + folder + ".json" : null));
            for (Exclusion exclusion : source.exclusions()) {
                withheld.add(describe(source, exclusion));
            }
        }
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("request", request);
        context.setVariable("portability", request.type() == RequestType.PORTABILITY);
        context.setVariable("received", dates.longDate(dates.dateOf(request.receivedAt())));
        context.setVariable("created", dates.dateTime(createdAt));
        context.setVariable("expires", dates.longDate(dates.dateOf(expiresAt)));
        context.setVariable("dataSince", dataSince == null ? null : dates.longDate(dates.dateOf(dataSince)));
        context.setVariable("systems", systems);
        context.setVariable("withheld", withheld);
        return templates.process("package/summary", context);
    }

    private static String outcome(SystemOutcome outcome) {
        return switch (outcome) {
            case DONE -> "searched";
            case NO_DATA_FOUND -> "holds no data about you";
            case NOT_DONE -> "could not be searched";
        };
    }

    /** What was left out, in words the subject understands, with the reason staff gave. */
    private static String describe(PackageSources.SystemSource source, Exclusion exclusion) {
        String what;
        if (exclusion.wholeSystem()) {
            what = "Everything from " + source.name();
        } else if (exclusion.accessFileId() != null) {
            what = source.attachments().stream().filter(f -> f.id() == exclusion.accessFileId()).findFirst()
                    .map(f -> "The file " + f.fileName() + " from " + source.name())
                    .orElse("A file from " + source.name());
        } else if (exclusion.column() != null) {
            what = "The " + exclusion.column() + " field of " + exclusion.table() + " in " + source.name();
        } else {
            what = "The table " + exclusion.table() + " of " + source.name();
        }
        return what + ": " + exclusion.reason();
    }
}
