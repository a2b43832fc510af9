package org.rightsflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.DeadlineConfiguration;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The staff deadline calculator with the real statutory clock: the three dates, in words, and where they come from. */
@WebMvcTest(DeadlineCalculatorController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({DeadlineConfiguration.class, Labels.class})
// The bulk API's body limit is a filter, which every web slice loads; it reads the opt-out settings.
@EnableConfigurationProperties(OptOutProperties.class)
class DeadlineCalculatorControllerTest {

    private static final Principal DPO = () -> "dpo";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StaffDirectory staffDirectory;

    /** "Today" for the calculator's default date: Tuesday 9 February 2027, late evening in UTC. */
    @TestBean(name = "clock")
    Clock clock;

    static Clock clock() {
        return Clock.fixed(Instant.parse("2027-02-09T23:30:00Z"), ZoneOffset.UTC);
    }

    @BeforeEach
    void signedIn() {
        when(staffDirectory.find("dpo")).thenReturn(Optional.of(new StaffMember("dpo", "Dana Officer",
                "dpo@shop.example", EnumSet.of(StaffRole.PRIVACY_OFFICER), Set.of())));
    }

    private Document calculate(String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/staff/deadlines" + query).principal(DPO))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static String fact(Document page, String label) {
        return page.select("dl.facts dt:containsOwn(" + label + ") + dd").text();
    }

    @Test
    void theThirtyTwoLawsAreGroupedAsThePrivacyCenterGroupsPlacesEachGroupInOrder() throws Exception {
        Document page = calculate("?regime=IACDPA&type=DECISION_REVIEW&received=2027-12-03");

        assertThat(page.select("#regime > optgroup").eachAttr("label"))
                .containsExactly("United States", "Canada", "Other countries and regions");
        java.util.List<String> states = page.select("#regime > optgroup[label=United States] option").eachText();
        assertThat(states).hasSize(19).first().asString().startsWith("CCPA/CPRA");
        assertThat(states).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(page.select("#regime option[selected]").text()).isEqualTo("Iowa Consumer Data Protection Act (Iowa)");
        assertThat(page.select("#regime option")).hasSize(32 + 1);
        assertThat(page.select("#due").text()).as("Iowa grants no decision review: its general 90 days, voluntarily")
                .isEqualTo("Thursday 2 March 2028");
    }

    @Test
    void ccpaAccessShowsTheThreeDatesAndTheSource() throws Exception {
        Document page = calculate("?regime=CCPA&type=ACCESS&received=2027-01-31");

        assertThat(page.select("#due").text()).isEqualTo("Wednesday 17 March 2027");
        assertThat(page.select("#extended-due").text()).isEqualTo("Saturday 1 May 2027");
        assertThat(page.select("#acknowledge-by").text()).isEqualTo("Friday 12 February 2027");
        assertThat(fact(page, "Source")).isEqualTo("Cal. Code Regs. tit. 11 §7021(a)-(b)");
        assertThat(fact(page, "Identity verification")).isEqualTo("May be required");
    }

    @Test
    void gdprAccessNeedsNoConfirmationOfReceipt() throws Exception {
        Document page = calculate("?regime=GDPR&type=ACCESS&received=2027-01-31");

        assertThat(page.select("#due").text()).isEqualTo("Monday 1 March 2027");
        assertThat(page.select("#extended-due").text()).isEqualTo("Friday 30 April 2027");
        assertThat(page.select("#acknowledge-by").text()).isEqualTo("Not required");
        assertThat(fact(page, "Source")).isEqualTo("GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Art. 3");
    }

    @Test
    void anOptOutHasNoExtensionAndNeedsNoVerification() throws Exception {
        Document page = calculate("?regime=CCPA&type=OPT_OUT&received=2027-01-31");

        assertThat(page.select("#due").text()).isEqualTo("Monday 22 February 2027");
        assertThat(page.select("#extended-due").text()).isEqualTo("No extension allowed");
        assertThat(page.select("#acknowledge-by").text()).isEqualTo("Not required");
        assertThat(fact(page, "Identity verification")).isEqualTo("May not be required");
        assertThat(fact(page, "Source")).isEqualTo("Cal. Code Regs. tit. 11 §7026");
    }

    @Test
    void aRightTheLawDoesNotGrantIsFlagged() throws Exception {
        Document page = calculate("?regime=CCPA&type=RESTRICTION&received=2027-01-31");

        assertThat(page.select("#due").text()).isEqualTo("Wednesday 17 March 2027");
        assertThat(page.select(".panel").text()).contains("This law grants no such right");
    }

    @Test
    void theChosenValuesStaySelected() throws Exception {
        Document page = calculate("?regime=UK_GDPR&type=DELETION&received=2027-01-31");

        assertThat(page.select("#regime option[selected]").val()).isEqualTo("UK_GDPR");
        assertThat(page.select("#type option[selected]").val()).isEqualTo("DELETION");
        assertThat(page.select("#received").val()).isEqualTo("2027-01-31");
    }

    @Test
    void withoutInputTheFormOffersTodayInTheClocksZoneAndShowsNoDates() throws Exception {
        Document page = calculate("");

        assertThat(page.select("#received").val()).isEqualTo("2027-02-09");
        assertThat(page.select("#due")).isEmpty();
        assertThat(page.select(".field-error")).isEmpty();
    }

    @Test
    void wrongInputIsNamedFieldByFieldAndNoDatesAreShown() throws Exception {
        Document page = calculate("?regime=MARS&type=&received=31/01/2027");

        assertThat(page.select("#regime-error").text()).isEqualTo("Choose a regime");
        assertThat(page.select("#type-error").text()).isEqualTo("Choose a request type");
        assertThat(page.select("#received-error").text()).isEqualTo("Enter the date as YYYY-MM-DD, e.g. 2027-01-31");
        assertThat(page.select("#received").val()).as("what was typed is kept").isEqualTo("31/01/2027");
        assertThat(page.select("#due")).isEmpty();
    }
}
