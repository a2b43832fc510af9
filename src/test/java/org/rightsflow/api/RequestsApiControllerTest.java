package org.rightsflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.DeadlineConfiguration;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.rightsflow.notification.Outbox;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.request.Channel;
import org.rightsflow.request.IntakeProperties;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.request.SubmittedRequest;
import org.rightsflow.security.ApiScope;
import org.rightsflow.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * POST /api/v1/requests: a valid body is taken in and answered 201 with where to find it; an invalid one is refused
 * with every mistake at once, and nothing reaches intake. (Authentication by API key: see the integration tests.)
 */
@WebMvcTest(RequestsApiController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({DeadlineConfiguration.class, RequestsApiControllerTest.FixedClock.class})
// The bulk API's body limit is a filter, which every web slice loads; it reads the opt-out settings.
@EnableConfigurationProperties(OptOutProperties.class)
class RequestsApiControllerTest {

    private static final String REFERENCE = "DSR-2027-7KQ3M9XW2T";
    private static final String STATUS_TOKEN = "c3RhdHVzLXRva2VuLWZvci10aGUtYXBpLXRlc3Qtb2s";
    private static final Principal API_CALLER = apiKey("crm", ApiScope.SUBMIT);

    /** An API key's authentication as ApiKeyAuthenticationFilter makes it (the filters are off in this slice). */
    private static Principal apiKey(String name, ApiScope... scopes) {
        return UsernamePasswordAuthenticationToken.authenticated("api-key:" + name, null, java.util.Arrays.stream(scopes)
                .map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    RequestIntake intake;

    @MockitoBean
    RequestDirectory requests;

    @MockitoBean
    Timeline timeline;

    @MockitoBean
    Outbox outbox;

    @MockitoBean
    AccessLog accessLog;

    @MockitoBean
    SystemRegistry systems;

    /** Needed by the staff pages' controller advice, which every web slice loads. */
    @MockitoBean
    StaffDirectory staffDirectory;

    /** Always room here: the limits are tested over real HTTP (LimitsIntegrationTest). */
    @MockitoBean
    RateLimits limits;

    @org.junit.jupiter.api.BeforeEach
    void everyKeyHasRoom() {
        when(limits.key(any(), any())).thenReturn(new Verdict(null));
    }

    private static RequestDetails details(Instant received) {
        return new RequestDetails(REFERENCE, RequestType.ACCESS, Regime.CCPA,
                new SubjectIdentity("jo@example.com", "Jo Bloggs", "C-1001"), null, Channel.API, received, received,
                LocalDate.of(2027, 3, 17), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 2, 12), true, true,
                RequestStatus.RECEIVED, null, null);
    }

    private static MockHttpServletRequestBuilder submit(String body) {
        return post("/api/v1/requests").principal(API_CALLER).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private NewRequest submitted() {
        ArgumentCaptor<NewRequest> captured = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(captured.capture());
        return captured.getValue();
    }

    @Test
    void aValidRequestIsCreatedWithItsLocationAndDatesButNotTheSubjectsStatusLink() throws Exception {
        Instant received = Instant.parse("2027-01-31T00:00:00Z");
        when(intake.submit(any())).thenReturn(new SubmittedRequest(details(received), STATUS_TOKEN));

        JsonNode body = read(mvc.perform(submit("""
                        {"type":"ACCESS","regime":"CCPA",
                         "subject":{"email":"jo@example.com","name":"  Jo Bloggs ","accountId":" C-1001 "},
                         "details":"  Orders since 2025.  ","receivedAt":"2027-01-31"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/requests/" + REFERENCE))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn());

        assertThat(body.path("reference").asText()).isEqualTo(REFERENCE);
        assertThat(body.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.path("receivedAt").asText()).isEqualTo("2027-01-31T00:00:00Z");
        assertThat(body.path("due").asText()).isEqualTo("2027-03-17");
        assertThat(body.path("extendedDue").asText()).isEqualTo("2027-05-01");
        assertThat(body.path("acknowledgeBy").asText()).isEqualTo("2027-02-12");
        assertThat(body.has("statusUrl")).as("the status link is the subject's, sent only to them").isFalse();
        assertThat(body.toString()).doesNotContain(STATUS_TOKEN);

        NewRequest request = submitted();
        assertThat(request.type()).isEqualTo(RequestType.ACCESS);
        assertThat(request.regime()).isEqualTo(Regime.CCPA);
        assertThat(request.subject().email()).isEqualTo("jo@example.com");
        assertThat(request.subject().name()).isEqualTo("Jo Bloggs");
        assertThat(request.subject().accountId()).isEqualTo("C-1001");
        assertThat(request.details()).isEqualTo("Orders since 2025.");
        assertThat(request.channel()).as("the default channel").isEqualTo(Channel.API);
        assertThat(request.receivedAt()).as("a date is the start of that day in the clock's zone (UTC)")
                .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(request.actor()).as("the timeline names the API key").isEqualTo("API (crm)");
    }

    @Test
    void staffLoggingALetterGiveTheChannelAndTheExactTimeOfReceipt() throws Exception {
        Instant received = Instant.parse("2027-01-29T09:30:00Z");
        when(intake.submit(any())).thenReturn(new SubmittedRequest(details(received), STATUS_TOKEN));

        mvc.perform(submit("""
                        {"type":"DELETION","regime":"GDPR","subject":{"email":"jo@example.com","name":"Jo"},
                         "channel":"POST","receivedAt":"2027-01-29T09:30:00Z"}
                        """).principal(() -> "dpo"))
                .andExpect(status().isCreated());

        NewRequest request = submitted();
        assertThat(request.channel()).isEqualTo(Channel.POST);
        assertThat(request.receivedAt()).isEqualTo(received);
        assertThat(request.subject().accountId()).isNull();
        assertThat(request.details()).isNull();
        assertThat(request.actor()).as("a signed-in staff member is named as such").isEqualTo("dpo");
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }

    private JsonNode problem(String body) throws Exception {
        MvcResult result = mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        verify(intake, never()).submit(any());
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception");
        return read(result);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        JsonNode problem = problem("""
                {"type":"STEAL","regime":"MARS",
                 "subject":{"email":"jo@example","name":"","accountId":"%s"},
                 "details":"%s","channel":"PIGEON","receivedAt":"yesterday"}
                """.formatted("A".repeat(201), "é".repeat(5121)));

        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("type").asText()).isEqualTo("https://rightsflow.org/problems/invalid-fields");
        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "type: must be one of [ACCESS, PORTABILITY, DELETION, CORRECTION, OPT_OUT, LIMIT_SENSITIVE, "
                        + "RESTRICTION, OBJECTION, DECISION_REVIEW]",
                "regime: must be one of [GDPR, UK_GDPR, CCPA, VCDPA, CPA, CTDPA, TDPSA, UCPA, OCPA, LGPD, PIPEDA, "
                        + "QUEBEC_LAW25, MTCDPA, IACDPA, DPDPA, NEDPA, NHPA, NJDPA, TIPA, MNCDPA, MODPA, INCDPA, "
                        + "KCDPA, RIDTPPA, FADP, PIPA_KR, PDPA_SG, POPIA, KVKK, PDPA_TH, PRIVACY_ACT_AU, APPI]",
                "subject.email: must be an email address like name@example.com",
                "subject.name: is required",
                "subject.accountId: must be at most 200 characters",
                "details: must be at most 10240 bytes",
                "channel: must be one of [WEB_FORM, API, EMAIL, POST, PHONE, IN_PERSON]",
                "receivedAt: must be a date (2027-01-31) or an instant (2027-01-31T09:30:00Z)");
    }

    @Test
    void aCorrectionCarriesItsFieldsAndValuesToIntake() throws Exception {
        when(systems.correctableFields()).thenReturn(new TreeSet<>(List.of("last_name", "phone")));
        when(intake.submit(any())).thenReturn(new SubmittedRequest(details(Instant.parse("2027-01-31T00:00:00Z")),
                STATUS_TOKEN));

        mvc.perform(submit("""
                        {"type":"CORRECTION","regime":"GDPR","subject":{"email":"jo@example.com","name":"Jo"},
                         "corrections":{"last_name":" Bloggs-Smith ","phone":"+44 20 7946 0958"}}
                        """))
                .andExpect(status().isCreated());

        assertThat(submitted().corrections()).containsExactly(
                Map.entry("last_name", "Bloggs-Smith"), Map.entry("phone", "+44 20 7946 0958"));
    }

    @Test
    void aCorrectionMustNameFieldsTheSystemsHoldWithAValueEach() throws Exception {
        when(systems.correctableFields()).thenReturn(new TreeSet<>(List.of("last_name", "phone")));

        assertThat(errors(problem("""
                {"type":"CORRECTION","regime":"GDPR","subject":{"email":"jo@example.com","name":"Jo"}}
                """))).containsExactly("corrections: say which data is wrong and what it should be");
        assertThat(errors(problem("""
                {"type":"CORRECTION","regime":"GDPR","subject":{"email":"jo@example.com","name":"Jo"},
                 "corrections":{"salary":"more","phone":" ","last_name":"%s"}}
                """.formatted("x".repeat(501))))).containsExactly(
                "corrections.salary: is not a field we hold; choose one of last_name, phone",
                "corrections.phone: say what the correct value is",
                "corrections.last_name: must be at most 500 characters");
        assertThat(errors(problem("""
                {"type":"ACCESS","regime":"GDPR","subject":{"email":"jo@example.com","name":"Jo"},
                 "corrections":{"phone":"123"}}
                """))).containsExactly("corrections: only a correction request says which data to correct");
    }

    @Test
    void missingFieldsAreEachReportedOnce() throws Exception {
        JsonNode problem = problem("{\"regime\":\"  \"}");

        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "type: is required", "regime: is required", "subject: is required");
        assertThat(problem.path("detail").asText()).contains("type", "regime", "subject");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsUnreadable() throws Exception {
        MvcResult result = mvc.perform(submit("{\"type\": "))
                .andExpect(status().isBadRequest())
                .andReturn();

        assertThat(read(result).path("title").asText()).isEqualTo("Unreadable request body");
        verify(intake, never()).submit(any());
    }

    @Test
    void aRequestCanBeReadBackWithItsTimeline() throws Exception {
        Instant received = Instant.parse("2027-01-31T10:00:00Z");
        when(requests.find(REFERENCE)).thenReturn(Optional.of(details(received)));
        when(timeline.entries(REFERENCE)).thenReturn(List.of(new TimelineEntryView(1, received, "API (crm)",
                TimelineKind.SUBMITTED, "Access request under CCPA/CPRA.", "ab".repeat(32))));

        JsonNode body = read(mvc.perform(get("/api/v1/requests/{reference}", REFERENCE))
                .andExpect(status().isOk()).andReturn());

        assertThat(body.path("reference").asText()).isEqualTo(REFERENCE);
        assertThat(body.path("due").asText()).isEqualTo("2027-03-17");
        assertThat(body.path("timeline").get(0).path("kind").asText()).isEqualTo("SUBMITTED");
        assertThat(body.path("timeline").get(0).path("actor").asText()).isEqualTo("API (crm)");
    }

    @Test
    void theKeyThatSubmittedIsRecordedWithTheRequest() throws Exception {
        when(intake.submit(any())).thenReturn(new SubmittedRequest(details(Instant.parse("2027-01-31T10:00:00Z")),
                STATUS_TOKEN));

        mvc.perform(submit("""
                {"type": "ACCESS", "regime": "CCPA", "subject": {"email": "ada@example.com", "name": "Ada"}}
                """)).andExpect(status().isCreated());

        ArgumentCaptor<NewRequest> submitted = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(submitted.capture());
        assertThat(submitted.getValue().submittedByApiKey()).isEqualTo("crm");
    }

    @Test
    void aReadOwnKeyReadsItsOwnRequestAndAnyOtherIsAnsweredLikeAnUnknownOne() throws Exception {
        when(requests.find(REFERENCE)).thenReturn(Optional.of(details(Instant.parse("2027-01-31T10:00:00Z"))));
        when(requests.submittedByApiKey(REFERENCE)).thenReturn(Optional.of("crm"));
        when(requests.find("DSR-2099-ZZZZZZZZZZ")).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/requests/{reference}", REFERENCE).principal(apiKey("crm", ApiScope.READ_OWN)))
                .andExpect(status().isOk());
        MvcResult notOwn = mvc.perform(get("/api/v1/requests/{reference}", REFERENCE)
                        .principal(apiKey("shop", ApiScope.READ_OWN))).andExpect(status().isNotFound()).andReturn();
        MvcResult unknown = mvc.perform(get("/api/v1/requests/{reference}", "DSR-2099-ZZZZZZZZZZ")
                        .principal(apiKey("shop", ApiScope.READ_OWN))).andExpect(status().isNotFound()).andReturn();
        mvc.perform(get("/api/v1/requests/{reference}", REFERENCE).principal(apiKey("shop", ApiScope.READ_ALL)))
                .andExpect(status().isOk());

        assertThat(read(notOwn).path("detail").asText().replace(REFERENCE, "?"))
                .as("no oracle: another key's request reads like an unknown reference")
                .isEqualTo(read(unknown).path("detail").asText().replace("DSR-2099-ZZZZZZZZZZ", "?"));
        assertThat(read(notOwn).path("title").asText()).isEqualTo(read(unknown).path("title").asText());
        verify(accessLog).record("API (crm)", AccessKind.API_READ, REFERENCE, null);
        verify(accessLog).record("API (shop)", AccessKind.API_READ, REFERENCE, null);
        verify(accessLog, never()).record(any(), any(), org.mockito.ArgumentMatchers.eq("DSR-2099-ZZZZZZZZZZ"), any());
        verify(accessLog, org.mockito.Mockito.times(2)).record(any(), any(), any(), any());
    }

    @Test
    void anUnknownReferenceIsNotFound() throws Exception {
        when(requests.find("DSR-2099-999999")).thenReturn(Optional.empty());

        MvcResult result = mvc.perform(get("/api/v1/requests/{reference}", "DSR-2099-999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();

        assertThat(read(result).path("title").asText()).isEqualTo("Unknown request");
    }

    /** "Now" is after every receivedAt the tests send, which may not be in the future. */
    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        IntakeProperties intakeProperties() {
            return new IntakeProperties(java.time.Period.ofYears(1));
        }
    }
}
