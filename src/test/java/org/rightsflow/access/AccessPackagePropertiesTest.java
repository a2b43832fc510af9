package org.rightsflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** Which packages staff review before release, as configured; a mistyped entry stops the start. */
class AccessPackagePropertiesTest {

    private static AccessPackageProperties reviewing(String... entries) {
        return new AccessPackageProperties(null, null, null, null, null, List.of(entries), null);
    }

    @Test
    void entriesNameARegimeAndATypeOrAnyOfEither() {
        AccessPackageProperties properties = reviewing("GDPR:ACCESS", " *:portability ", "");

        assertThat(properties.reviewRequired(Regime.GDPR, RequestType.ACCESS)).isTrue();
        assertThat(properties.reviewRequired(Regime.UK_GDPR, RequestType.ACCESS)).isFalse();
        assertThat(properties.reviewRequired(Regime.CCPA, RequestType.PORTABILITY)).isTrue();
        assertThat(reviewing("*:*").reviewRequired(Regime.LGPD, RequestType.ACCESS)).isTrue();
        assertThat(reviewing().reviewRequired(Regime.GDPR, RequestType.ACCESS)).isFalse();
    }

    @Test
    void theDefaultsAreSevenDaysFifteenMinutesFiveAttemptsAndFiveCodesADay() {
        AccessPackageProperties defaults = new AccessPackageProperties(null, null, null, null, null, null, null);

        assertThat(defaults.linkValidFor()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.codeValidFor()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.codeAttempts()).isEqualTo(5);
        assertThat(defaults.codesPerDay()).isEqualTo(5);
        assertThat(defaults.ticketValidFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.reviewBeforeRelease()).isEmpty();
    }

    @Test
    void aMistypedEntryIsRefusedWithWhatWouldBeRight() {
        assertThatThrownBy(() -> reviewing("GDPR")).hasMessageContaining("is not REGIME:TYPE");
        assertThatThrownBy(() -> reviewing("GPDR:ACCESS")).hasMessageContaining("'GPDR' is not a regime");
        assertThatThrownBy(() -> reviewing("GDPR:DELETION"))
                .hasMessageContaining("'DELETION' has no package; one of [ACCESS, PORTABILITY] or *");
    }
}
