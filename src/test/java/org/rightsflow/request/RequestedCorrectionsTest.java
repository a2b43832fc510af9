package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.RequestType;

/** What a correction claim may ask, the same for the form and the API. */
class RequestedCorrectionsTest {

    private static final Set<String> KNOWN = Set.of("last_name", "phone");

    @Test
    void aClaimNamesKnownFieldsWithAValueEach() {
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, Map.of("phone", "+44 20 7946 0958"), KNOWN))
                .isEmpty();
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, Map.of(), KNOWN))
                .extracting(RequestedCorrections.Problem::message)
                .containsExactly("say which data is wrong and what it should be");
    }

    @Test
    void eachBadFieldIsNamedWithItsProblem() {
        Map<String, String> claim = new LinkedHashMap<>();
        claim.put("salary", "more");
        claim.put("phone", " ");
        claim.put("last_name", "x".repeat(501));
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, claim, KNOWN)).containsExactly(
                new RequestedCorrections.Problem("salary", RequestedCorrections.Kind.UNKNOWN_FIELD, "is not a field we hold; choose one of "
                        + String.join(", ", KNOWN)),
                new RequestedCorrections.Problem("phone", RequestedCorrections.Kind.NO_VALUE, "say what the correct value is"),
                new RequestedCorrections.Problem("last_name", RequestedCorrections.Kind.TOO_LONG, "must be at most 500 characters"));
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, Map.of("phone", "line\nbreak"), KNOWN))
                .extracting(RequestedCorrections.Problem::message).containsExactly("must be a single line of text");
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, Map.of("../etc", "x"), Set.of()))
                .extracting(RequestedCorrections.Problem::message)
                .containsExactly("a field name is 1 to 64 letters, digits, '_', '.' or '-'");
    }

    @Test
    void withoutDeclaredFieldsAnyWellFormedNameIsTakenForTheOwnersToRead() {
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, Map.of("postal_address", "1 Main St"),
                Set.of())).isEmpty();
    }

    @Test
    void onlyACorrectionSaysWhatToCorrectAndAtMostTenFields() {
        assertThat(RequestedCorrections.problems(RequestType.ACCESS, Map.of("phone", "1"), KNOWN))
                .extracting(RequestedCorrections.Problem::message)
                .containsExactly("only a correction request says which data to correct");
        Map<String, String> eleven = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("field_" + i, "value");
        }
        assertThat(RequestedCorrections.problems(RequestType.CORRECTION, eleven, Set.of()))
                .extracting(RequestedCorrections.Problem::message).containsExactly("at most 10 fields in one request");
    }

    @Test
    void fieldNamesReadAsLabels() {
        assertThat(RequestedCorrections.label("first_name")).isEqualTo("First name");
        assertThat(RequestedCorrections.label("postcode")).isEqualTo("Postcode");
    }

    @Test
    void correctionsReadAsOneLinePerFieldWithItsLabelAndName() {
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("last_name", "Hopper-Smith");
        accepted.put("phone", "+44 20 7946 0958");
        assertThat(RequestedCorrections.lines(accepted))
                .containsExactly("Last name (last_name): Hopper-Smith", "Phone (phone): +44 20 7946 0958");
        assertThat(RequestedCorrections.lines(Map.of())).isEmpty();
    }
}
