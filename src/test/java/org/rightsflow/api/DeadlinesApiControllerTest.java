package org.rightsflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.DeadlineConfiguration;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.security.StaffDirectory;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * GET /api/v1/deadlines with the real statutory clock. The expected dates are worked out by hand from
 * docs/legal-rules.md and deadline/regimes.yml (see each test), not copied from the code.
 */
@WebMvcTest(DeadlinesApiController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(DeadlineConfiguration.class)
// The bulk API's body limit is a filter, which every web slice loads; it reads the opt-out settings.
@EnableConfigurationProperties(OptOutProperties.class)
class DeadlinesApiControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    /** Needed by the staff pages' controller advice, which every web slice loads. */
    @MockitoBean
    StaffDirectory staffDirectory;

    private String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private String deadline(String query) throws Exception {
        return body(mvc.perform(get("/api/v1/deadlines?" + query))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn());
    }

    @Test
    void gdprAccessReceivedOn31January2027() throws Exception {
        // GDPR Art. 12(3) + Reg. 1182/71 Art. 3: 31 Jan + 1 month -> no 31 Feb -> Sunday 28 Feb -> rolled to
        // Monday 1 March. Extended: 31 Jan + 3 months -> no 31 Apr -> Friday 30 April (a working day).
        // No acknowledgement period under GDPR.
        JSONAssert.assertEquals("""
                {"due":"2027-03-01","extendedDue":"2027-04-30","acknowledgeBy":null,"statutoryRight":true,
                 "source":"GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Art. 3"}
                """, deadline("regime=GDPR&type=ACCESS&received=2027-01-31"), JSONCompareMode.STRICT);
    }

    @Test
    void ccpaAccessReceivedOn31January2027() throws Exception {
        // §7021(b): 45 calendar days, not rolled: 31 Jan + 28 = 28 Feb, + 17 = Wednesday 17 March.
        // Extended to 90 days in total: 28 Feb (+28), 31 Mar (+59), 30 Apr (+89), Saturday 1 May (+90).
        // §7021(a): 10 business days strictly after Sunday 31 Jan: 1-5 Feb (5), 8-12 Feb (10) -> Friday 12 Feb
        // (Presidents' Day, 15 Feb, comes after).
        JSONAssert.assertEquals("""
                {"due":"2027-03-17","extendedDue":"2027-05-01","acknowledgeBy":"2027-02-12","statutoryRight":true,
                 "source":"Cal. Code Regs. tit. 11 §7021(a)-(b)"}
                """, deadline("regime=CCPA&type=ACCESS&received=2027-01-31"), JSONCompareMode.STRICT);
    }

    @Test
    void ccpaOptOutRunsFifteenBusinessDaysWithoutExtension() throws Exception {
        // §7026: 15 business days after Sunday 31 Jan: 1-5 Feb (5), 8-12 Feb (10), 15 Feb is Presidents' Day,
        // 16-19 Feb (14), Monday 22 Feb (15). No extension, no acknowledgement.
        JSONAssert.assertEquals("""
                {"due":"2027-02-22","extendedDue":"2027-02-22","acknowledgeBy":null,"statutoryRight":true,
                 "source":"Cal. Code Regs. tit. 11 §7026"}
                """, deadline("regime=CCPA&type=OPT_OUT&received=2027-01-31"), JSONCompareMode.STRICT);
    }

    @Test
    void aRightTheLawDoesNotGrantIsFlaggedWithTheGeneralPeriod() throws Exception {
        JsonNode deadline = json.readTree(deadline("regime=GDPR&type=LIMIT_SENSITIVE&received=2027-01-31"));

        assertThat(deadline.path("statutoryRight").asBoolean()).isFalse();
        assertThat(deadline.path("due").asText()).isEqualTo("2027-03-01");
    }

    private JsonNode problem(String query) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/deadlines" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        JsonNode problem = json.readTree(body(result));
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(body(result)).doesNotContain("Exception");
        return problem;
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }

    @Test
    void missingParametersAreEachNamed() throws Exception {
        JsonNode problem = problem("");

        assertThat(errors(problem)).containsExactly("regime: is required", "type: is required",
                "received: is required");
        assertThat(problem.path("detail").asText())
                .isEqualTo("Some fields are missing or invalid: [regime, type, received]");
    }

    @Test
    void invalidParametersAreEachNamedWithWhatIsAllowed() throws Exception {
        JsonNode problem = problem("?regime=MARS&type=ACCESS&received=31-01-2027");

        assertThat(errors(problem)).containsExactly(
                "regime: must be one of [GDPR, UK_GDPR, CCPA, VCDPA, CPA, CTDPA, TDPSA, UCPA, OCPA, LGPD, PIPEDA, "
                        + "QUEBEC_LAW25, MTCDPA, IACDPA, DPDPA, NEDPA, NHPA, NJDPA, TIPA, MNCDPA, MODPA, INCDPA, "
                        + "KCDPA, RIDTPPA, FADP, PIPA_KR, PDPA_SG, POPIA, KVKK, PDPA_TH, PRIVACY_ACT_AU, APPI]",
                "received: must be a date like 2027-01-31");
    }

    @Test
    void anUnknownRequestTypeIsNamed() throws Exception {
        JsonNode problem = problem("?regime=GDPR&type=steal&received=2027-02-30");

        assertThat(errors(problem)).containsExactly(
                "type: must be one of [ACCESS, PORTABILITY, DELETION, CORRECTION, OPT_OUT, LIMIT_SENSITIVE, "
                        + "RESTRICTION, OBJECTION, DECISION_REVIEW]",
                "received: must be a date like 2027-01-31");
    }
}
