package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** References cannot be walked: knowing one (or a thousand) says nothing about the next. */
class ReferenceNumbersTest {

    private final Requests requests = mock(Requests.class);
    private final ReferenceNumbers references = new ReferenceNumbers(requests);

    @Test
    void aReferenceIsTheYearAndTenRandomCrockfordCharacters() {
        when(requests.findByReference(anyString())).thenReturn(Optional.empty());

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String reference = references.next(LocalDate.of(2027, 1, 31));
            assertThat(reference).matches("DSR-2027-[0-9A-HJKMNP-TV-Z]{10}");
            seen.add(reference);
        }
        assertThat(seen).as("no two alike, and none a neighbour of another").hasSize(1000);
        assertThat(seen).noneMatch(reference -> reference.matches("DSR-\\d{4}-\\d{6}"));
    }

    @Test
    void aReferenceAlreadyTakenIsDrawnAgain() {
        AtomicInteger asked = new AtomicInteger();
        when(requests.findByReference(anyString())).thenAnswer(call ->
                asked.incrementAndGet() == 1 ? Optional.of(mock(DataSubjectRequest.class)) : Optional.empty());

        String reference = references.next(LocalDate.of(2027, 1, 31));

        assertThat(asked).hasValue(2);
        assertThat(reference).startsWith("DSR-2027-");
    }
}
