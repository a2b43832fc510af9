package org.rightsflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which requests the subject is answered with a copy of their data (an access package). */
class RequestTypeTest {

    @Test
    void accessAndPortabilityAskForACopyNoOtherTypeDoes() {
        assertThat(Arrays.stream(RequestType.values()).filter(RequestType::asksForCopy))
                .containsExactlyInAnyOrder(RequestType.ACCESS, RequestType.PORTABILITY);
    }
}
