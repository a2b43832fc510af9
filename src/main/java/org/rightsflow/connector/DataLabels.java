package org.rightsflow.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.support.Languages;
import org.rightsflow.support.YamlTree;

/**
 * How the data subject knows a system's data: per table (or collection) a label ("your delivery addresses"), the
 * registry category it belongs to, and a label per column, each in one language or several ({@link Words}). The
 * answer email and the access package's summary speak of data only this way, never by table or column name
 * (docs/connected-systems.md#plain-words-for-the-subject).
 *
 * @param tables     table name as the connector reports it → its labels, in the definition's order
 * @param categories each registry category (by its first text) → the category in every language the definition gives
 * @param texts      the company's own sentences about the system (description, purposes, ...) in every language
 *                   the definition gives them
 */
public record DataLabels(Map<String, TableLabel> tables, Map<String, Words> categories, SystemTexts texts) {

    private static final int MAX_TEXT = 200;

    public DataLabels {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        texts = texts == null ? SystemTexts.NONE : texts;
    }

    public DataLabels(Map<String, TableLabel> tables, Map<String, Words> categories) {
        this(tables, categories, SystemTexts.NONE);
    }

    /**
     * What the company writes about a system for the subject to read, per language; null (or empty) where it
     * writes nothing. The first language's text is also what staff read (ROPA, the registry).
     */
    public record SystemTexts(Words description, List<Words> purposes, List<Words> recipientRoles, Words retention,
                              Words source, Words automatedDecisions) {

        static final SystemTexts NONE = new SystemTexts(null, List.of(), List.of(), null, null, null);

        public SystemTexts {
            purposes = purposes == null ? List.of() : List.copyOf(purposes);
            recipientRoles = recipientRoles == null ? List.of() : java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(recipientRoles));
        }
    }

    /** One table's words: its label, its category (a key of {@link #categories}, or null) and its columns'. */
    public record TableLabel(Words label, String category, Map<String, Words> columns) {

        public TableLabel {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        /** The column's label in the language, or the column's name made readable ("first_name" → "first name"). */
        public String column(String column, Locale language) {
            Words words = columns.get(column);
            return words != null ? words.in(language) : readable(column);
        }
    }

    public static DataLabels none() {
        return new DataLabels(Map.of(), Map.of());
    }

    public Optional<TableLabel> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The category in the language; a category the definition does not translate reads as written. */
    public String category(String category, Locale language) {
        Words words = categories.get(category);
        return words != null ? words.in(language) : category;
    }

    /** A column without a label, as a person would write it: no underscores, no camel humps. */
    public static String readable(String column) {
        String spaced = column.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').strip();
        return spaced.toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code categories} and {@code tables} of a definition's {@code personalData}; both optional. A table's
     * {@code category} must be one of the categories; the tables themselves are checked against the system by its
     * connector (an sql system's against its dataset).
     */
    static DataLabels read(YamlTree personalData) {
        Map<String, Words> categories = new LinkedHashMap<>();
        YamlTree categoryList = personalData.at("categories");
        if (categoryList.isPresent() && categoryList.value() instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Words words = words(categoryList.index(i));
                categories.put(words.first(), words);
            }
        }
        Map<String, TableLabel> tables = new LinkedHashMap<>();
        YamlTree tableMap = personalData.at("tables");
        if (tableMap.isPresent()) {
            if (!(tableMap.value() instanceof Map<?, ?> map)) {
                throw tableMap.error("expected table names, each with its label (e.g. addresses: {label: your "
                        + "delivery addresses, category: contact details})");
            }
            for (Object name : map.keySet()) {
                YamlTree table = tableMap.at(String.valueOf(name));
                if (!(table.value() instanceof Map<?, ?>)) {
                    throw table.error("expected label, category and columns");
                }
                for (Object key : ((Map<?, ?>) table.value()).keySet()) {
                    if (!List.of("label", "category", "columns").contains(String.valueOf(key))) {
                        throw table.error(String.valueOf(key), "is not known here: a table has label, category and "
                                + "columns");
                    }
                }
                if (!table.at("label").isPresent()) {
                    throw table.error("label", YamlTree.REQUIRED);
                }
                Words label = words(table.at("label"));
                String category = null;
                if (table.at("category").isPresent()) {
                    Object value = table.at("category").value();
                    category = value instanceof String text ? text.strip() : null;
                    if (category == null || !categories.containsKey(category)) {
                        throw table.error("category", "is not one of this system's categories " + categories.keySet());
                    }
                }
                Map<String, Words> columns = new LinkedHashMap<>();
                YamlTree columnMap = table.at("columns");
                if (columnMap.isPresent()) {
                    if (!(columnMap.value() instanceof Map<?, ?> labels)) {
                        throw columnMap.error("expected column names, each with its label (e.g. phone: your phone "
                                + "number)");
                    }
                    for (Object column : labels.keySet()) {
                        columns.put(String.valueOf(column), words(columnMap.at(String.valueOf(column))));
                    }
                }
                tables.put(String.valueOf(name), new TableLabel(label, category, columns));
            }
        }
        return new DataLabels(tables, categories);
    }

    /** A subject reads it: one line of plain text, short enough for a heading. */
    private static String checked(YamlTree node, String text) {
        if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
            throw node.error("expected one line of at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    /** A label: a text, or a map of language tags to texts ({@code {en: ..., de: ...}}), each one short line. */
    static Words words(YamlTree node) {
        return words(node, true);
    }

    /**
     * A sentence the company writes about the system (its description, a purpose, how long data is kept): like a
     * label, once or per language, but of any length and on as many lines as it needs. Null when not written.
     */
    public static Words text(YamlTree node) {
        return node.isPresent() && node.value() != null ? words(node, false) : null;
    }

    private static Words words(YamlTree node, boolean label) {
        Object value = node.value();
        if (value instanceof String text && !text.isBlank()) {
            return Words.of(label ? checked(node, text) : text.strip());
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<Locale, String> byLanguage = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String tag = String.valueOf(entry.getKey());
                Locale language = Languages.ofTag(tag);
                if (language == null || !language.toLanguageTag().equalsIgnoreCase(tag)) {
                    throw node.error(tag, "is not one of the languages " + Languages.SUPPORTED.stream()
                            .map(Locale::toLanguageTag).toList());
                }
                if (!(entry.getValue() instanceof String text) || text.isBlank()) {
                    throw node.error(tag, "expected a text");
                }
                byLanguage.put(language, label ? checked(node.at(tag), text) : text.strip());
            }
            return new Words(byLanguage);
        }
        throw node.error(label ? "expected a text, or one text per language (e.g. {en: your orders, de: Ihre "
                + "Bestellungen})" : "expected a text, or one text per language (e.g. {en: sending the newsletter, "
                + "de: Versand des Newsletters})");
    }
}
