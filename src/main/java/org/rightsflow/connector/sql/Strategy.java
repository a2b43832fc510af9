package org.rightsflow.connector.sql;

import java.util.Arrays;
import java.util.Optional;

/** What an erasure does to a row ({@code delete}, {@code retain}) or to a column's value (the others). */
enum Strategy {
    /** Delete the subject's rows. Table level only. */
    DELETE("delete"),
    /** Keep, with a legal basis and a note. */
    RETAIN("retain"),
    /** Set the value to SQL NULL. */
    SET_NULL("set-null"),
    /** Replace the value with a fixed text. */
    REDACT("redact"),
    /** Replace the value with hex(HMAC-SHA256(hash key, value)): pseudonymous, still joinable by whoever holds the key. */
    HASH("hash"),
    /**
     * Keep only the year of a date or timestamp (1 January, midnight, the offset kept): an order or a rental stays a
     * fact of its year without the day that helps point to a person. Column level only.
     */
    YEAR_ONLY("year-only"),
    /** Set a number to zero: a row kept as a fact, its amount no longer the person's. Column level only. */
    ZERO("zero");

    private final String yamlName;

    Strategy(String yamlName) {
        this.yamlName = yamlName;
    }

    String yamlName() {
        return yamlName;
    }

    boolean masks() {
        return this == SET_NULL || this == REDACT || this == HASH || this == YEAR_ONLY || this == ZERO;
    }

    /** Whether the strategy fits a column of any type, and so may be a whole table's: the typed ones do not. */
    boolean anyType() {
        return this == SET_NULL || this == REDACT || this == HASH;
    }

    static Optional<Strategy> fromYamlName(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName.equals(name)).findFirst();
    }
}
