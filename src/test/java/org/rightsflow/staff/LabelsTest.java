package org.rightsflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.request.RefusalGround;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestSearch;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.support.MessageBundles;
import org.springframework.context.MessageSource;

/** Every constant of every vocabulary staff pages show has a label, so no page falls back to a code. */
class LabelsTest {

    @Test
    void everyConstantHasALabel() throws IOException {
        // Law names and request types are shared with subjects (messages); the rest is staff-only (i18n/staff).
        Properties messages = new Properties();
        for (String file : new String[] {"/messages.properties", "/i18n/staff.properties"}) {
            try (Reader in = new InputStreamReader(getClass().getResourceAsStream(file), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
        }
        assertThat(Labels.KEYS).isNotEmpty();
        Labels.KEYS.forEach((vocabulary, key) -> {
            for (Enum<?> constant : vocabulary.getEnumConstants()) {
                String name = String.format(Locale.ROOT, key, constant.name());
                assertThat(messages.getProperty(name)).as(name).isNotBlank();
            }
        });
        for (RequestSearch.Sort sort : RequestSearch.Sort.values()) {
            assertThat(messages.getProperty("staff.sort." + sort.name())).as(sort.name()).isNotBlank();
        }
    }

    @Test
    void labelsComeFromTheBundleNotFromTheCodes() {
        MessageSource source = MessageBundles.create();
        Labels labels = new Labels(source);

        assertThat(labels.of(Regime.VCDPA)).isEqualTo("Virginia CDPA");
        assertThat(labels.of(RefusalGround.LEGAL_EXCEPTION)).isEqualTo("Legal exception");
        assertThat(labels.status(RequestStatus.AWAITING_VERIFICATION, null)).isEqualTo("Awaiting verification");
        assertThat(labels.status(RequestStatus.CLOSED, RequestOutcome.REFUSED)).isEqualTo("Refused");
        assertThat(labels.law("QUEBEC_LAW25")).isEqualTo("Quebec Law 25");
        assertThat(labels.law("NOT_A_LAW")).as("an unknown code is shown as it is").isEqualTo("NOT_A_LAW");
    }
}
