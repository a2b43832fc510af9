package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsflow.deadline.DeadlineConfiguration;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.verification.IdentityVerification;
import org.rightsflow.support.MessageBundles;
import org.rightsflow.verification.LinkCheck;
import org.rightsflow.verification.VerificationNotAccepted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The emailed confirmation link: opening it only shows a button (mail scanners open links), pressing it confirms;
 * a used, expired or unknown link, or a request that no longer waits, gets a page that says so and a fitting status.
 */
@WebMvcTest(VerificationController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({DeadlineConfiguration.class, MessageBundles.class})
// The bulk API's body limit is a filter, which every web slice loads; it reads the opt-out settings.
@EnableConfigurationProperties(OptOutProperties.class)
class VerificationControllerTest {

    private static final String TOKEN = "dmVyaWZ5LXRva2VuLWZvci10aGUtcG9ydGFsLXRlc3Q";
    private static final String REFERENCE = "DSR-2027-000042";
    private static final String STATUS_TOKEN = "c3RhdHVzLXRva2VuLWZvci10aGUtcG9ydGFsLXRlc3Q";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IdentityVerification verification;

    @MockitoBean
    RequestDirectory requests;

    /** Needed by the staff pages' controller advice, which every web slice loads. */
    @MockitoBean
    StaffDirectory staffDirectory;

    private static RequestDetails deletion() {
        Instant received = Instant.parse("2027-01-31T10:00:00Z");
        return new RequestDetails(REFERENCE, RequestType.DELETION, Regime.GDPR,
                new SubjectIdentity("jo@example.com", "Jo Bloggs", null), null, Channel.WEB_FORM, received, received,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), null, true, true,
                RequestStatus.AWAITING_VERIFICATION, null, null);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    static Stream<Arguments> refusedLinks() {
        return Stream.of(
                Arguments.of(LinkCheck.State.UNKNOWN, 404, "We do not recognise this link"),
                Arguments.of(LinkCheck.State.USED, 410, "This link has already been used"),
                Arguments.of(LinkCheck.State.EXPIRED, 410, "This link has expired"));
    }

    @ParameterizedTest(name = "opening a {0} link: {1}")
    @MethodSource("refusedLinks")
    void openingALinkThatCannotConfirmExplainsWhy(LinkCheck.State state, int status, String heading) throws Exception {
        when(verification.check(TOKEN)).thenReturn(new LinkCheck(state,
                state == LinkCheck.State.UNKNOWN ? null : REFERENCE));

        Document page = page(mvc.perform(get("/verify/{token}", TOKEN)).andExpect(status().is(status)));

        assertThat(page.select("h1").text()).isEqualTo(heading);
        assertThat(page.text()).doesNotContain(REFERENCE);
        assertThat(page.select("form[method=post]")).as("no confirm button").isEmpty();
    }

    @ParameterizedTest(name = "confirming a {0} link: {1}")
    @MethodSource("refusedLinks")
    void confirmingALinkThatCannotConfirmExplainsWhy(LinkCheck.State state, int status, String heading)
            throws Exception {
        when(verification.confirm(TOKEN)).thenReturn(new LinkCheck(state,
                state == LinkCheck.State.UNKNOWN ? null : REFERENCE));

        Document page = page(mvc.perform(post("/verify/{token}", TOKEN)).andExpect(status().is(status)));

        assertThat(page.select("h1").text()).isEqualTo(heading);
    }

    @Test
    void openingAValidLinkShowsWhatWillBeConfirmedButConfirmsNothing() throws Exception {
        when(verification.check(TOKEN)).thenReturn(new LinkCheck(LinkCheck.State.VALID, REFERENCE));
        when(requests.get(REFERENCE)).thenReturn(deletion());

        Document page = page(mvc.perform(get("/verify/{token}", TOKEN)).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Confirm your request");
        assertThat(page.select("main").text())
                .contains("You asked us to delete your personal data (reference " + REFERENCE + ").");
        assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/verify/" + TOKEN);
        assertThat(page.select("form[method=post] button").text()).isEqualTo("Confirm my request");
        verify(verification, never()).confirm(anyString());
    }

    @Test
    void pressingTheButtonConfirmsAndShowsTheDueDateAndTheStatusLink() throws Exception {
        when(verification.confirm(TOKEN)).thenReturn(new LinkCheck(LinkCheck.State.VALID, REFERENCE));
        when(requests.get(REFERENCE)).thenReturn(deletion());
        when(requests.statusToken(REFERENCE)).thenReturn(STATUS_TOKEN);

        Document page = page(mvc.perform(post("/verify/{token}", TOKEN)).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Thank you, your request is confirmed");
        assertThat(page.select("main").text())
                .contains("request " + REFERENCE + " comes from you")
                .contains("by Monday 1 March 2027");
        assertThat(page.select("a[href=/status/" + STATUS_TOKEN + "]")).hasSize(1);
        verify(verification).confirm(TOKEN);
    }

    @Test
    void confirmingARequestThatNoLongerWaitsIsAConflict() throws Exception {
        when(verification.confirm(TOKEN)).thenThrow(new VerificationNotAccepted(REFERENCE));

        Document page = page(mvc.perform(post("/verify/{token}", TOKEN)).andExpect(status().isConflict()));

        assertThat(page.select("h1").text()).isEqualTo("This request can no longer be confirmed");
        assertThat(page.select("main a[href=/#request-form]").text()).isEqualTo("make a new request");
    }
}
