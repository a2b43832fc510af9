package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a value counts as masked already: what makes a second erasure change nothing. */
class ColumnRuleTest {

    private final Hasher hasher = new Hasher("key");
    private final ColumnRule setNull = new ColumnRule("phone", Strategy.SET_NULL, null, null, null);
    private final ColumnRule redact = new ColumnRule("name", Strategy.REDACT, "[redacted]", null, null);
    private final ColumnRule hash = new ColumnRule("email", Strategy.HASH, null, null, null);

    @Test
    void nullIsMaskedUnderEveryStrategy() {
        assertThat(setNull.isMasked(null)).isTrue();
        assertThat(redact.isMasked(null)).isTrue();
        assertThat(hash.isMasked(null)).isTrue();
    }

    @Test
    void aMaskedValueIsRecognisedEvenPaddedByACharColumn() {
        assertThat(redact.isMasked("[redacted]")).isTrue();
        assertThat(redact.isMasked("[redacted]      ")).isTrue();
        assertThat(redact.isMasked("Alice")).isFalse();
        String hashed = (String) hash.mask("alice@example.com", hasher);
        assertThat(hash.isMasked(hashed)).isTrue();
        assertThat(hash.isMasked(hashed + "    ")).isTrue();
        assertThat(hash.isMasked("alice@example.com")).isFalse();
        assertThat(setNull.isMasked("+44 20 7946 0001")).isFalse();
    }

    @Test
    void theHashIsTheHexHmacOfTheValueAsText() {
        assertThat(hash.mask("alice@example.com", hasher))
                .isEqualTo(SqlConnectorContract.hmacHex("key", "alice@example.com"));
        assertThat(hash.mask(LocalDate.of(1990, 4, 1), hasher))
                .isEqualTo(SqlConnectorContract.hmacHex("key", "1990-04-01"));
        assertThat(redact.mask("Alice", hasher)).isEqualTo("[redacted]");
        assertThat(setNull.mask("x", hasher)).isNull();
    }
}
