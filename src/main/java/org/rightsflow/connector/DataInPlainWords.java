package org.rightsflow.connector;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.Languages;
import org.springframework.stereotype.Component;

/**
 * What was done with the subject's data, in the words the subject knows it by: per system, the data in its registry
 * category and under its label ("your delivery addresses (2): deleted"), what was removed from records kept, and
 * why something was kept. Built from the steps' table reports and the definitions' {@link DataLabels} when the
 * answer is written, in the answer's language; never a table name, a column name or a row count. A person's own
 * note (a manual system, a processor's confirmation, an http system that words its own result and labels nothing)
 * is kept as that person wrote it.
 */
@Component
public class DataInPlainWords {

    /** What happened to one kind of data. */
    public enum Fate {
        /** Found and returned (access, portability). */
        HELD,
        /** Deleted. */
        DELETED,
        /** The records are kept, the details that identify the subject removed ({@link DataLine#removed()}). */
        DETAILS_REMOVED,
        /** Kept whole, for the reasons given. */
        KEPT,
        /** Changed as the subject asked: corrected, opted out, its use limited. */
        CHANGED
    }

    /**
     * One kind of data in one system.
     *
     * @param category the registry category, in the subject's language; null when the table names none
     * @param label    the table's label; null when the definition gives none ("other personal data")
     * @param records  how many records: the subject counts their addresses, not our rows
     * @param removed  for {@link Fate#DETAILS_REMOVED}, the labels of the details removed
     * @param removedText the same, joined as the language joins a list ("your name and your email")
     * @param kept     why records or details are kept, where anything is
     */
    public record DataLine(String category, String label, int records, Fate fate, List<String> removed,
                           String removedText, List<Reason> kept) {
    }

    /**
     * Why something is kept: the legal basis (a code the answer words, {@code kept.<basis>}), the mapping's note
     * (the company's words) and the labels of the details it covers (empty: the whole records).
     */
    public record Reason(String basis, String note, List<String> details, String detailsText) {
    }

    /** The lines of one category, for a heading per category. */
    public record CategoryLines(String category, List<DataLine> lines) {
    }

    /**
     * One system's part of the answer.
     *
     * @param note  the person's or the system's own words, where no data lines replace them; null otherwise
     * @param lines the data, grouped by category in the definition's order
     */
    public record SystemAnswer(long systemId, String systemName, SystemOutcome outcome, String note,
                               List<DataLine> lines) {

        /** The lines under their categories, in order; lines without a category come last, under null. */
        public List<CategoryLines> byCategory() {
            Map<String, List<DataLine>> groups = new LinkedHashMap<>();
            lines.forEach(line -> groups.computeIfAbsent(line.category(), c -> new ArrayList<>()).add(line));
            List<CategoryLines> result = new ArrayList<>();
            groups.forEach((category, lines) -> result.add(new CategoryLines(category, lines)));
            return result;
        }
    }

    private final SystemRegistry systems;
    private final SystemActions actions;

    DataInPlainWords(SystemRegistry systems, SystemActions actions) {
        this.systems = systems;
        this.actions = actions;
    }

    /** Every system that took part, in the order they reported. */
    public List<SystemAnswer> of(String reference, RequestType type, Locale language) {
        List<SystemAnswer> answers = new ArrayList<>();
        for (FulfilmentResultView result : systems.resultsFor(reference)) {
            SystemDefinition definition = systems.definition(result.systemId());
            Optional<StepView> step = action(type)
                    .flatMap(action -> actions.latest(reference, result.systemId(), action));
            List<DataLine> lines = step.map(s -> lines(s, definition, systems.keptNotes(definition), language))
                    .orElse(List.of());
            answers.add(new SystemAnswer(result.systemId(), result.systemName(), result.outcome(),
                    note(definition, result, step.isPresent(), lines), lines));
        }
        return answers;
    }

    /**
     * A system's own words for the subject where no data lines replace them (a person's, or an http connector's
     * summary), for a page that shows the data itself; empty where the words were an sql connector's count for staff.
     */
    public Optional<String> ownWords(String reference, RequestType type, FulfilmentResultView result) {
        SystemDefinition definition = systems.definition(result.systemId());
        boolean connectorRan = action(type).flatMap(action -> actions.latest(reference, result.systemId(), action))
                .isPresent();
        return Optional.ofNullable(note(definition, result, connectorRan, List.of()));
    }

    /**
     * An sql connector's summary is its own sentence for staff (counts and table names): never the subject's. Where
     * the connector did not run (an owner refused the erasure), the summary is that person's words and is kept, as
     * are other systems' summaries where no lines say more.
     */
    static String note(SystemDefinition definition, FulfilmentResultView result, boolean connectorRan,
                               List<DataLine> lines) {
        if ((definition.kind() == ConnectorKind.SQL && connectorRan) || !lines.isEmpty()) {
            return null;
        }
        return result.summary() == null || result.summary().isBlank() ? null : result.summary();
    }

    private static Optional<ConnectorAction> action(RequestType type) {
        return switch (type) {
            case ACCESS, PORTABILITY -> Optional.of(ConnectorAction.ACCESS);
            case DELETION -> Optional.of(ConnectorAction.ERASE);
            case CORRECTION -> Optional.of(ConnectorAction.CORRECT);
            case OPT_OUT -> Optional.of(ConnectorAction.OPT_OUT);
            case LIMIT_SENSITIVE -> Optional.of(ConnectorAction.LIMIT_USE);
            default -> Optional.empty();
        };
    }

    /**
     * The step's tables in plain words. An http system that labels none of its tables keeps its own summary; an sql
     * system's unlabelled tables still appear, as "other personal data", so nothing is left out of the answer.
     */
    static List<DataLine> lines(StepView step, SystemDefinition definition, Map<String, Words> keptNotes,
                                Locale language) {
        DataLabels labels = definition.personalData().labels();
        if (definition.kind() != ConnectorKind.SQL
                && step.tables().stream().noneMatch(t -> labels.table(t.table()).isPresent())) {
            return List.of();
        }
        Map<String, List<DataLine>> byCategory = new LinkedHashMap<>();
        labels.categories().keySet().forEach(category -> byCategory.put(category, new ArrayList<>()));
        List<DataLine> uncategorised = new ArrayList<>();
        for (TableReport table : step.tables()) {
            if (table.rowsFound() == 0 && table.rowsDeleted() == 0 || changes(step.action()) && table.rowsUpdated() == 0) {
                continue;
            }
            Optional<DataLabels.TableLabel> label = labels.table(table.table());
            String category = label.map(DataLabels.TableLabel::category).orElse(null);
            DataLine line = line(step.action(), table, label.orElse(null),
                    category == null ? null : labels.category(category, language), keptNotes, language);
            (category == null ? uncategorised : byCategory.get(category)).add(line);
        }
        List<DataLine> lines = new ArrayList<>();
        byCategory.values().forEach(lines::addAll);
        lines.addAll(uncategorised);
        return lines;
    }

    private static DataLine line(ConnectorAction action, TableReport table, DataLabels.TableLabel label,
                                 String category, Map<String, Words> keptNotes, Locale language) {
        String name = label == null ? null : label.label().in(language);
        List<Reason> kept = table.kept().stream().map(k -> {
            List<String> details = k.columns().stream().map(column -> column(label, column, language)).toList();
            Words note = k.note() == null ? null : keptNotes.get(k.note());
            return new Reason(k.basis(), note == null ? k.note() : note.in(language), details,
                    joined(details, language));
        }).toList();
        if (action == ConnectorAction.ACCESS) {
            return new DataLine(category, name, table.rowsFound(), Fate.HELD, List.of(), "", List.of());
        }
        if (changes(action)) {
            return new DataLine(category, name, table.rowsUpdated(), Fate.CHANGED, List.of(), "", List.of());
        }
        if (table.rowsDeleted() > 0) {
            return new DataLine(category, name, table.rowsDeleted(), Fate.DELETED, List.of(), "", List.of());
        }
        if (table.rowsRetained() > 0) {
            return new DataLine(category, name, table.rowsFound(), Fate.KEPT, List.of(), "", kept);
        }
        List<String> removed = table.maskedColumns().stream().map(column -> column(label, column, language)).toList();
        if (removed.isEmpty()) {
            // Nothing removed (the details were empty already): the records are kept, for the reasons given.
            return new DataLine(category, name, table.rowsFound(), Fate.KEPT, List.of(), "", kept);
        }
        return new DataLine(category, name, table.rowsFound(), Fate.DETAILS_REMOVED, removed,
                joined(removed, language), kept);
    }

    /** Actions that change the subject's records in place rather than return or erase them. */
    private static boolean changes(ConnectorAction action) {
        return action == ConnectorAction.CORRECT || action == ConnectorAction.OPT_OUT
                || action == ConnectorAction.LIMIT_USE;
    }

    /** "a, b and c" in English, "a, b und c" in German: ICU's list patterns, not our own. */
    private static String joined(List<String> items, Locale language) {
        return ListFormatter.getInstance(ULocale.forLocale(Languages.closest(language))).format(items);
    }

    private static String column(DataLabels.TableLabel label, String column, Locale language) {
        return label == null ? DataLabels.readable(column) : label.column(column, language);
    }
}
