package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** Which requests are answered with only the data the subject provided. */
class ConnectorContextsTest {

    @ParameterizedTest(name = "{0} under {1}: provided data only = {2}")
    @CsvSource({
            "PORTABILITY, GDPR, true",
            "PORTABILITY, UK_GDPR, true",
            // Part of the right to know: the whole copy, machine-readable.
            "PORTABILITY, CCPA, false",
            "PORTABILITY, VCDPA, false",
            "ACCESS, GDPR, false",
            "ACCESS, CCPA, false",
            "DELETION, GDPR, false"
    })
    void gdprPortabilityCoversTheDataTheSubjectProvided(RequestType type, Regime regime, boolean providedOnly) {
        assertThat(ConnectorContexts.providedDataOnly(type, regime)).isEqualTo(providedOnly);
    }
}
