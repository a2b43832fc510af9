package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.deadline.HolidayCalendars;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RegimePolicies;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;

/** Which requests a connector is told to answer with only the data the subject provided: the regime policy says. */
class ConnectorContextsTest {

    @TempDir
    Path directory;

    @Test
    void gdprPortabilityCoversTheDataTheSubjectProvided() {
        ConnectorContexts contexts = contextsWith(StatutoryClock.shipped(ZoneOffset.UTC));
        assertThat(contexts.providedDataOnly(RequestType.PORTABILITY, Regime.GDPR)).isTrue();
        assertThat(contexts.providedDataOnly(RequestType.PORTABILITY, Regime.UK_GDPR)).isTrue();
        // Part of the right to know: the whole copy, machine-readable.
        assertThat(contexts.providedDataOnly(RequestType.PORTABILITY, Regime.CCPA)).isFalse();
        assertThat(contexts.providedDataOnly(RequestType.ACCESS, Regime.GDPR)).isFalse();
    }

    @Test
    void anOperatorsPolicyFileDecidesForTheRegimesItLists() throws IOException {
        Path policyFile = Files.writeString(directory.resolve("policies.yml"), """
                regimes:
                  LGPD:
                    calendar: NONE
                    portabilityProvidedDataOnly: true
                    noVerification: [OPT_OUT, LIMIT_SENSITIVE]
                    general:
                      response: {unit: CALENDAR_DAYS, amount: 15}
                      source: "LGPD Art. 19, II; Art. 18(V) read by our counsel"
                """);
        ConnectorContexts contexts = contextsWith(new StatutoryClock(RegimePolicies.withOverrides(policyFile),
                HolidayCalendars.shipped(), ZoneOffset.UTC));
        assertThat(contexts.providedDataOnly(RequestType.PORTABILITY, Regime.LGPD)).isTrue();
        assertThat(contexts.providedDataOnly(RequestType.PORTABILITY, Regime.GDPR)).isTrue();
    }

    /** Only the clock is needed to answer this question; the other collaborators are not reached. */
    private static ConnectorContexts contextsWith(StatutoryClock clock) {
        return new ConnectorContexts(null, null, null, null, clock);
    }
}
