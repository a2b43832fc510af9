package org.rightsflow.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.connector.DataLabels;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.deadline.RegimePolicy;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
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

    /**
     * One system as the page describes it.
     *
     * @param resultSummary the system's or the person's own words, where the page shows no data of the system
     * @param data          the data itself, by category in the definition's order
     * @param categories    the registry's categories, in the request's language
     */
    record SystemSummary(String name, String description, SystemOutcome outcome, String resultSummary,
                         List<CategoryData> data, List<String> attachments, PersonalDataDescription personalData,
                         List<String> categories, String jsonFile) {
    }

    /** The tables of one category; {@code category} null for tables the definition puts in none. */
    record CategoryData(String category, List<DataTable> tables) {
    }

    /**
     * One table as the subject reads it: its label (null when the definition gives none), how many records, the
     * columns' labels, the first {@link #SHOWN_ROWS} records and the CSV file in the zip that holds them all.
     */
    record DataTable(String label, long records, List<String> headers, List<List<String>> rows, String csvFile) {

        public boolean more() {
            return records > rows.size();
        }
    }

    /** Reads a table's first rows, as its CSV file holds them (the package writer's own reading). */
    @FunctionalInterface
    interface FirstRows {
        List<List<String>> of(PackageSources.SystemSource source, TableShape shape, int limit);
    }

    /** Enough to recognise one's data on the page; the file holds every row. */
    static final int SHOWN_ROWS = 50;

    /**
     * What was left out, for the page to say in the request's language: {@code kind} picks the sentence
     * ({@code mail.summary.left.<kind>}), the other fields fill it.
     */
    record Withheld(String kind, String system, String file, String table, String column, String reason) {
    }

    /** The rights the page can point to, in the order it lists those the request's law grants. */
    private static final List<RequestType> OTHER_RIGHTS = List.of(RequestType.CORRECTION, RequestType.DELETION,
            RequestType.RESTRICTION, RequestType.OBJECTION, RequestType.PORTABILITY, RequestType.OPT_OUT,
            RequestType.LIMIT_SENSITIVE, RequestType.DECISION_REVIEW);

    private final ITemplateEngine templates;
    private final DisplayDates dates;
    private final StatutoryClock clock;

    SummaryPage(ITemplateEngine templates, DisplayDates dates, StatutoryClock clock) {
        this.templates = templates;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * The system's tables that reach the subject, under their categories in the definition's order, labelled in the
     * request's language; tables the definition labels not come last, under no category.
     */
    private static List<CategoryData> data(PackageSources.SystemSource source, String folder, FirstRows firstRows,
                                           Locale language) {
        DataLabels labels = source.personalData().labels();
        Map<String, List<DataTable>> byCategory = new LinkedHashMap<>();
        labels.categories().keySet().forEach(category -> byCategory.put(category, new ArrayList<>()));
        List<DataTable> uncategorised = new ArrayList<>();
        PackageWriter.SystemPart part = source.withoutContent();
        for (TableShape shape : source.shapes().values()) {
            if (part.excludesTable(shape.name())) {
                continue;
            }
            Optional<DataLabels.TableLabel> label = labels.table(shape.name());
            List<String> headers = part.includedColumns(shape).stream()
                    .map(column -> label.map(l -> l.column(column, language)).orElse(DataLabels.readable(column)))
                    .toList();
            DataTable table = new DataTable(label.map(l -> l.label().in(language)).orElse(null), shape.rows(),
                    headers, firstRows.of(source, shape, SHOWN_ROWS),
                    "data/" + folder + "/" + PackageWriter.safe(shape.name()) + ".csv");
            String category = label.map(DataLabels.TableLabel::category).orElse(null);
            (category == null ? uncategorised : byCategory.get(category)).add(table);
        }
        List<CategoryData> data = new ArrayList<>();
        byCategory.forEach((category, tables) -> {
            if (!tables.isEmpty()) {
                data.add(new CategoryData(labels.category(category, language), tables));
            }
        });
        if (!uncategorised.isEmpty()) {
            data.add(new CategoryData(null, uncategorised));
        }
        return data;
    }

    String render(RequestDetails request, List<PackageSources.SystemSource> sources, FirstRows firstRows,
                  Instant createdAt, Instant expiresAt, Instant dataSince) {
        Locale language = request.language();
        List<SystemSummary> systems = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (PackageSources.SystemSource source : sources) {
            String folder = PackageWriter.safe(source.key());
            boolean whole = source.exclusions().stream().anyMatch(Exclusion::wholeSystem);
            List<CategoryData> data = whole ? List.of() : data(source, folder, firstRows, language);
            List<String> attachments = source.attachments().stream()
                    .filter(file -> source.exclusions().stream().noneMatch(e -> e.wholeSystem()
                            || Long.valueOf(file.id()).equals(e.accessFileId())))
                    .map(file -> "files/" + folder + "/" + PackageWriter.safe(file.fileName())).toList();
            // Where the data itself is shown, the system's words say nothing more.
            String ownWords = data.isEmpty() ? source.ownWords() : null;
            systems.add(new SystemSummary(source.name(), source.personalData().describe(source.description(), language),
                    source.result().outcome(), ownWords, data, whole ? List.of() : attachments,
                    source.personalData().in(language),
                    source.personalData().categoriesIn(language),
                    source.data().isPresent() && !whole ? "data/" + folder + ".json" : null));
            for (Exclusion exclusion : source.exclusions()) {
                withheld.add(describe(source, exclusion, language));
            }
        }
        RegimePolicy policy = clock.policy(request.regime());
        List<RequestType> otherRights = OTHER_RIGHTS.stream()
                .filter(type -> type != request.type() && policy.grants(type)).toList();
        // The page is the subject's: in the request's language, dates included (support.Languages).
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
            context.setVariable("otherRights", otherRights);
            context.setVariable("thirdPartyList", policy.grantsThirdPartyList());
            return templates.process("package/summary", context);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /**
     * What was left out, in words the subject understands, with the reason staff gave: tables and fields by their
     * labels (a name made readable where the definition gives none).
     */
    private static Withheld describe(PackageSources.SystemSource source, Exclusion exclusion, Locale language) {
        if (exclusion.wholeSystem()) {
            return new Withheld("system", source.name(), null, null, null, exclusion.reason());
        }
        if (exclusion.accessFileId() != null) {
            return source.attachments().stream().filter(f -> f.id() == exclusion.accessFileId()).findFirst()
                    .map(f -> new Withheld("file", source.name(), f.fileName(), null, null, exclusion.reason()))
                    .orElse(new Withheld("someFile", source.name(), null, null, null, exclusion.reason()));
        }
        Optional<DataLabels.TableLabel> label = source.personalData().labels().table(exclusion.table());
        String table = label.map(l -> l.label().in(language)).orElse(DataLabels.readable(exclusion.table()));
        if (exclusion.column() != null) {
            String column = label.map(l -> l.column(exclusion.column(), language))
                    .orElse(DataLabels.readable(exclusion.column()));
            return new Withheld("column", source.name(), null, table, column, exclusion.reason());
        }
        return new Withheld("table", source.name(), null, table, null, exclusion.reason());
    }
}
