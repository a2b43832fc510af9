package org.rightsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a recipient's country, as the registry's free text names it, reads under GDPR Chapter V. */
class ThirdCountriesTest {

    @Test
    void theEeaAndTheUkAreNoTransferWhateverTheSpelling() {
        for (String country : new String[]{"Germany", "IE", "ireland", " The  Netherlands ", "Norway", "UK",
                "United Kingdom", "gb", "Liechtenstein"}) {
            assertThat(ThirdCountries.of(country)).as(country).isEqualTo(TransferRule.NONE);
        }
    }

    @Test
    void thirdCountriesReadByTheirDecisions() {
        assertThat(ThirdCountries.of("Switzerland")).isEqualTo(TransferRule.ADEQUATE);
        assertThat(ThirdCountries.of("JP")).isEqualTo(TransferRule.ADEQUATE);
        assertThat(ThirdCountries.of("U.S.A.")).isEqualTo(TransferRule.PARTLY_ADEQUATE);
        assertThat(ThirdCountries.of("United States")).isEqualTo(TransferRule.PARTLY_ADEQUATE);
        assertThat(ThirdCountries.of("India")).isEqualTo(TransferRule.SAFEGUARDS_NEEDED);
        assertThat(ThirdCountries.of("Narnia")).isEqualTo(TransferRule.UNKNOWN_COUNTRY);
        assertThat(ThirdCountries.of("Narnia").isTransfer()).as("an unknown country is listed to be checked").isTrue();
        assertThat(TransferRule.NONE.isTransfer()).isFalse();
    }

    @Test
    void aCountryNotRecordedHasNoRule() {
        assertThat(ThirdCountries.of(null)).isNull();
        assertThat(ThirdCountries.of("  ")).isNull();
    }
}
