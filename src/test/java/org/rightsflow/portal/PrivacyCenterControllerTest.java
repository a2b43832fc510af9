package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rightsflow.audit.Actors;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.DeadlineConfiguration;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.optout.PreferenceCenter;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.request.SubmittedRequest;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.support.MessageBundles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The request form: a valid submission reaches intake exactly as typed (trimmed); an invalid one loses nothing. */
@WebMvcTest(PrivacyCenterController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({DeadlineConfiguration.class, MessageBundles.class})
// The bulk API's body limit is a filter, which every web slice loads; it reads the opt-out settings.
@EnableConfigurationProperties(OptOutProperties.class)
class PrivacyCenterControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RequestIntake intake;

    /** The fields a correction may name come from the connected systems. */
    @MockitoBean
    SystemRegistry systems;

    /** Needed by the staff pages' controller advice, which every web slice loads. */
    @MockitoBean
    StaffDirectory staffDirectory;

    /** Where a GPC signal sent with the form is recorded. */
    @MockitoBean
    PreferenceCenter preferences;

    /** Always room here: the limits are tested over real HTTP (LimitsIntegrationTest). */
    @MockitoBean
    RateLimits limits;

    @org.junit.jupiter.api.BeforeEach
    void everyLimitHasRoom() {
        when(limits.subject(any(), any())).thenReturn(new Verdict(null));
        when(limits.mailTo(any(), any())).thenReturn(new Verdict(null));
    }

    private static final String STATUS_TOKEN = "c3RhdHVzLXRva2VuLWZvci10aGUtcG9ydGFsLXRlc3Q";

    private static SubmittedRequest submitted(boolean verificationRequired) {
        Instant received = Instant.parse("2027-01-31T10:00:00Z");
        RequestDetails details = new RequestDetails("DSR-2027-000042", RequestType.ACCESS, Regime.GDPR,
                new SubjectIdentity("jo@example.com", "Jo Bloggs", null), null, Channel.WEB_FORM, received, received,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), null, true, verificationRequired,
                RequestStatus.RECEIVED, null, null);
        return new SubmittedRequest(details, STATUS_TOKEN);
    }

    private static MockHttpServletRequestBuilder form() {
        return post("/requests")
                .param("type", "ACCESS")
                .param("regime", "GDPR")
                .param("name", "  Jo Bloggs  ")
                .param("email", "jo@example.com")
                .param("accountId", "  C-1001 ")
                .param("details", "\n  Please include my order history.  \n");
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void inFrenchThePlacesAreNamedAndSortedTheFrenchWayAndTheFinderCountsInFrench() throws Exception {
        Document page = page(mvc.perform(get("/").param("lang", "fr")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("select[name=regime] > optgroup").eachAttr("label"))
                .containsExactly("États-Unis", "Canada", "Autres pays et régions");
        // Sorted by the French names (Afrique du Sud first, Union européenne last), not by the English ones.
        assertThat(page.select("optgroup[label=Autres pays et régions] option").eachAttr("value"))
                .containsExactly("POPIA", "PRIVACY_ACT_AU", "LGPD", "PIPA_KR", "APPI", "UK_GDPR", "PDPA_SG", "FADP",
                        "PDPA_TH", "KVKK", "GDPR");
        assertThat(page.select("option[value=POPIA]").text()).startsWith("Afrique du Sud (");
        assertThat(page.select("label[for=regime-find]").text()).isEqualTo("Trouver votre lieu");
        // The finder's status for each count, formatted by ICU: French says "0 lieu", English "0 places".
        String[] matches = page.select("[data-place-finder]").attr("data-matches").split("\\|");
        assertThat(matches).hasSize(Regime.values().length + 1);
        assertThat(matches[0]).isEqualTo("0 lieu correspond");
        assertThat(matches[2]).isEqualTo("2 lieux correspondent");
    }

    @Test
    void thePlaceFinderIsHiddenUntilTheScriptShowsItAndSendsNothing() throws Exception {
        Document page = page(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("[data-place-finder]").hasAttr("hidden")).isTrue();
        assertThat(page.select("#regime-find").attr("name")).isEmpty();
        assertThat(page.select("#regime-find-status").attr("aria-live")).isEqualTo("polite");
        String[] matches = page.select("[data-place-finder]").attr("data-matches").split("\\|");
        assertThat(matches[0]).isEqualTo("0 places match");
        assertThat(matches[1]).isEqualTo("1 place matches");
    }

    @Test
    void theLandingPageShowsTheFormWithEveryRequestTypeAndPlace() throws Exception {
        Document page = page(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("input[name=type]")).hasSize(RequestType.values().length);
        assertThat(page.select("select[name=regime] option[value]")).hasSize(Regime.values().length + 1);
        // 32 places, grouped so they can be scanned (docs/legal-rules.md#regime-places); the empty choice stays first.
        assertThat(page.select("select[name=regime] > option").eachText()).containsExactly("Choose where you live");
        assertThat(page.select("select[name=regime] > optgroup").eachAttr("label"))
                .containsExactly("United States", "Canada", "Other countries and regions");
        assertThat(page.select("optgroup[label=United States] option")).hasSize(19);
        assertThat(page.select("optgroup[label=United States] option").first().text()).isEqualTo("California (CCPA/CPRA)");
        assertThat(page.select("optgroup[label=Canada] option").eachText())
                .containsExactly("Canada (outside Quebec) (PIPEDA)", "Quebec (Quebec Law 25)");
        assertThat(page.select("optgroup[label=Other countries and regions] option").eachAttr("value"))
                .containsExactly("PRIVACY_ACT_AU", "LGPD", "GDPR", "APPI", "PDPA_SG", "POPIA",
                        "PIPA_KR", "FADP", "PDPA_TH", "KVKK", "UK_GDPR");
        assertThat(page.select("label[for=type]").text()).isEqualTo("See my data");
        assertThat(page.select(".error-summary")).isEmpty();
    }

    @Test
    void aValidRequestGoesToIntakeAsTypedAndRedirectsToTheConfirmation() throws Exception {
        when(intake.submit(any())).thenReturn(submitted(true));

        mvc.perform(form())
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/requests/submitted"))
                .andExpect(flash().attribute("statusToken", STATUS_TOKEN));

        ArgumentCaptor<NewRequest> captured = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(captured.capture());
        NewRequest request = captured.getValue();
        assertThat(request.type()).isEqualTo(RequestType.ACCESS);
        assertThat(request.regime()).isEqualTo(Regime.GDPR);
        assertThat(request.subject().name()).isEqualTo("Jo Bloggs");
        assertThat(request.subject().email()).isEqualTo("jo@example.com");
        assertThat(request.subject().accountId()).isEqualTo("C-1001");
        assertThat(request.details()).isEqualTo("Please include my order history.");
        assertThat(request.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(request.receivedAt()).as("received now, as intake decides").isNull();
        assertThat(request.actor()).isEqualTo(Actors.SUBJECT);
    }

    @Test
    void aGpcSignalSentWithTheFormOptsThePersonOutAndOnlyThen() throws Exception {
        when(intake.submit(any())).thenReturn(submitted(true));

        mvc.perform(form()).andExpect(flash().attributeCount(2));
        verify(preferences, never()).optOut(any(), any(), any(), any());

        mvc.perform(form().header("Sec-GPC", "1"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("gpcHonoured", true));
        verify(preferences).optOut("jo@example.com", Purpose.SALE_SHARING, SignalSource.GPC, Regime.GDPR);
    }

    @Test
    void blankOptionalFieldsReachIntakeAsAbsent() throws Exception {
        when(intake.submit(any())).thenReturn(submitted(false));

        mvc.perform(post("/requests").param("type", "OPT_OUT").param("regime", "CCPA").param("name", "Jo")
                        .param("email", "jo@example.com").param("accountId", "   ").param("details", " \n "))
                .andExpect(status().isFound());

        ArgumentCaptor<NewRequest> captured = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(captured.capture());
        assertThat(captured.getValue().type()).isEqualTo(RequestType.OPT_OUT);
        assertThat(captured.getValue().regime()).isEqualTo(Regime.CCPA);
        assertThat(captured.getValue().subject().accountId()).isNull();
        assertThat(captured.getValue().details()).isNull();
    }

    @Test
    void theConfirmationPageShowsTheReferenceTheDueDateAndTheStatusLink() throws Exception {
        when(intake.submit(any())).thenReturn(submitted(true));
        MvcResult redirect = mvc.perform(form()).andReturn();

        Document page = page(mvc.perform(get("/requests/submitted").flashAttrs(redirect.getFlashMap()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("main").text())
                .contains("Your reference is DSR-2027-000042.")
                .contains("We will answer by Monday 1 March 2027, as GDPR requires.")
                .contains("Confirm my request");
        assertThat(page.select("a[href=/status/" + STATUS_TOKEN + "]")).hasSize(1);
    }

    @Test
    void aCorrectionNamesEachWrongItemAndWhatItShouldBeAndReachesIntakeInOrder() throws Exception {
        when(systems.correctableFields()).thenReturn(new TreeSet<>(List.of("last_name", "phone", "postcode")));
        when(intake.submit(any())).thenReturn(submitted(true));

        Document form = page(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());
        assertThat(form.select("select[name=corrections[0].field] option").eachText())
                .containsExactly("Choose", "Last name", "Phone", "Postcode");
        assertThat(form.select("label[for=corrections[2].value]").text()).isEqualTo("What it should be (3)");

        mvc.perform(post("/requests").param("type", "CORRECTION").param("regime", "GDPR").param("name", "Jo")
                        .param("email", "jo@example.com")
                        .param("corrections[0].field", "phone").param("corrections[0].value", " +44 20 7946 0958 ")
                        .param("corrections[2].field", "last_name").param("corrections[2].value", "Bloggs-Smith"))
                .andExpect(status().isFound());

        ArgumentCaptor<NewRequest> captured = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(captured.capture());
        assertThat(captured.getValue().corrections()).containsExactly(
                Map.entry("phone", "+44 20 7946 0958"), Map.entry("last_name", "Bloggs-Smith"));
    }

    @Test
    void aCorrectionWithoutAnyItemOrWithAnUnknownOneIsRefusedAndKeepsWhatWasTyped() throws Exception {
        when(systems.correctableFields()).thenReturn(new TreeSet<>(List.of("last_name", "phone")));

        Document empty = page(mvc.perform(post("/requests").param("type", "CORRECTION").param("regime", "GDPR")
                .param("name", "Jo").param("email", "jo@example.com")).andExpect(status().isBadRequest()).andReturn());
        assertThat(empty.select(".error-summary li").eachText())
                .containsExactly("Say which data is wrong and what it should be");

        Document page = page(mvc.perform(post("/requests").param("type", "CORRECTION").param("regime", "GDPR")
                        .param("name", "Jo").param("email", "jo@example.com")
                        .param("corrections[0].field", "salary").param("corrections[0].value", "a lot")
                        .param("corrections[1].value", "<script>alert(1)</script>"))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("#corrections-1-field-error").text()).isEqualTo("Choose which data is wrong on line 2");
        assertThat(page.select("input[name=corrections[1].value]").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(page.select("input[name=corrections[0].value]").val()).isEqualTo("a lot");
        verify(intake, never()).submit(any());

        Document unknown = page(mvc.perform(post("/requests").param("type", "CORRECTION").param("regime", "GDPR")
                        .param("name", "Jo").param("email", "jo@example.com")
                        .param("corrections[0].field", "salary").param("corrections[0].value", "a lot"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(unknown.select("#corrections-0-field-error").text())
                .isEqualTo("We do not hold “Salary”: choose the data from the list");
    }

    @Test
    void aCorrectionsProblemsAreToldInTheSubjectsLanguageWithTheFieldsOwnLabel() throws Exception {
        when(systems.correctableFields()).thenReturn(new TreeSet<>(List.of("last_name", "phone")));
        when(systems.correctableFieldLabels(any())).thenReturn(Map.of("phone", "Telefonnummer"));

        Document page = page(mvc.perform(post("/requests").param("lang", "de").param("type", "CORRECTION")
                        .param("regime", "GDPR").param("name", "Jo").param("email", "jo@example.com")
                        .param("corrections[0].field", "phone").param("corrections[0].value", " ")
                        .param("corrections[1].field", "last_name").param("corrections[1].value", "x".repeat(501)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("#corrections-0-value-error").text())
                .isEqualTo("Telefonnummer: Geben Sie an, wie die Angabe richtig lautet");
        assertThat(page.select("#corrections-1-value-error").text())
                .isEqualTo("Last name: Schreiben Sie höchstens 500 Zeichen");
        verify(intake, never()).submit(any());
    }

    @Test
    void correctionLinesFilledBeforeChoosingAnotherRequestAreIgnored() throws Exception {
        when(intake.submit(any())).thenReturn(submitted(true));

        mvc.perform(form().param("corrections[0].field", "phone").param("corrections[0].value", "123"))
                .andExpect(status().isFound());

        ArgumentCaptor<NewRequest> captured = ArgumentCaptor.forClass(NewRequest.class);
        verify(intake).submit(captured.capture());
        assertThat(captured.getValue().corrections()).isEmpty();
    }

    @Test
    void reloadingTheConfirmationLeadsBackToTheForm() throws Exception {
        mvc.perform(get("/requests/submitted"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void anEmptyFormIsAnsweredWith400AndSaysWhatIsMissing() throws Exception {
        Document page = page(mvc.perform(post("/requests"))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select(".error-summary li").eachText()).containsExactlyInAnyOrder(
                "Choose what you would like us to do", "Choose where you live", "Enter your name",
                "Enter your email address");
        assertThat(page.select("#name-error").text()).isEqualTo("Enter your name");
        assertThat(page.select("#email-error").text()).isEqualTo("Enter your email address");
        verify(intake, never()).submit(any());
    }

    @Test
    void invalidValuesAreNamedFieldByFieldAndWhatWasTypedIsKept() throws Exception {
        Document page = page(mvc.perform(post("/requests")
                        .param("type", "STEAL")
                        .param("regime", "MARS")
                        .param("name", "N".repeat(101))
                        .param("email", "jo@example")
                        .param("accountId", "A".repeat(201))
                        .param("details", "é".repeat(5121)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("#type-error").text()).isEqualTo("Choose one of the listed requests");
        assertThat(page.select("#regime-error").text()).isEqualTo("Choose one of the listed places");
        assertThat(page.select("#name-error").text()).isEqualTo("Keep your name under 100 characters");
        assertThat(page.select("#email-error").text()).isEqualTo("Enter an email address like name@example.com");
        assertThat(page.select("#accountId-error").text()).isEqualTo("Keep the account number under 200 characters");
        assertThat(page.select("#details-error").text())
                .isEqualTo("Keep the details under 10 kB (about 10,000 characters)");
        assertThat(page.select("input#email").val()).isEqualTo("jo@example");
        assertThat(page.select("textarea#details").text()).hasSize(5121);
        verify(intake, never()).submit(any());
    }

    @Test
    void aCorrectlyFilledFieldKeepsItsValueWhenAnotherIsWrong() throws Exception {
        Document page = page(mvc.perform(post("/requests")
                        .param("type", "DELETION")
                        .param("regime", "UK_GDPR")
                        .param("name", "Jo Bloggs")
                        .param("email", "not an address")
                        .param("details", "Delete my account."))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select(".error-summary li").eachText())
                .containsExactly("Enter an email address like name@example.com");
        assertThat(page.select("input#name").val()).isEqualTo("Jo Bloggs");
        assertThat(page.select("input[name=type][checked]").val()).isEqualTo("DELETION");
        assertThat(page.select("select#regime option[selected]").val()).isEqualTo("UK_GDPR");
        assertThat(page.select("textarea#details").text()).isEqualTo("Delete my account.");
        verify(intake, never()).submit(any());
    }
}
