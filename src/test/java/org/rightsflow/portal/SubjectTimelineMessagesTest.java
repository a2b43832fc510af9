package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.TimelineKind;

/** Every step the status page shows the subject has a sentence of its own, never a raw message key. */
class SubjectTimelineMessagesTest {

    @Test
    void everyKindShownToTheSubjectHasASentence() throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(Arrays.stream(TimelineKind.values()).filter(TimelineKind::shownToSubject)
                .map(kind -> "timeline.subject." + kind.name()))
                .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
    }
}
