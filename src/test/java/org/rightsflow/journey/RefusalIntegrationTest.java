package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A privacy officer refuses a request as a whole: a manifestly unfounded or excessive one only with evidence, an
 * unverifiable one only at its due date; the process stops, the subject is told why and what their law lets them do
 * (GDPR: a supervisory authority and the courts; CCPA: the agency; Virginia: the appeal).
 */
@RightsflowIntegrationTest
class RefusalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    RuntimeService runtime;

    @Test
    void anExcessiveRequestIsRefusedWithEvidenceAndTheSubjectToldTheRemedies() {
        Journey journey = new Journey(port, "refused");
        journey.submit("ACCESS", "GDPR", "Same as my last four requests.");
        journey.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());

        Page noEvidence = dpo.post("/staff/requests/" + journey.reference() + "/refuse", page, Map.of(
                "ground", "EXCESSIVE", "reasons", "The fifth identical request this month.", "evidence", ""));
        assertThat(noEvidence.text("#refusal-error")).contains("Record the evidence");
        assertThat(noEvidence.document().selectFirst("#reasons").text()).as("nothing typed is lost")
                .isEqualTo("The fifth identical request this month.");
        assertThat(requests.get(journey.reference()).outcome()).isNull();

        Page refused = dpo.post("/staff/requests/" + journey.reference() + "/refuse", noEvidence, Map.of(
                "ground", "EXCESSIVE", "reasons", "The fifth identical request this month.",
                "evidence", "Requests of 2, 9, 16 and 23 November, each answered in full."));
        assertThat(refused.text("#request-status")).isEqualTo("Refused");
        assertThat(refused.mainText()).contains("Evidence (staff only)", "each answered in full");
        assertThat(requests.get(journey.reference()).outcome()).isEqualTo(RequestOutcome.REFUSED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference()).count())
                .as("no task, reminder or step carries on").isZero();

        String mail = journey.awaitMail("Our decision on your request " + journey.reference());
        assertThat(mail).contains("because the request is excessive", "The fifth identical request this month.",
                "lodge a complaint with a data protection supervisory authority", "judicial remedy")
                .doesNotContain("23 November");
        assertThat(journey.statusPage().mainText()).contains("Refused", "We refused your request");
    }

    @Test
    void anUnverifiableCcpaRequestIsNotRefusedBeforeItsDueDate() {
        Journey journey = new Journey(port, "unverified");
        journey.submit("DELETION", "CCPA", "");
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        Page early = dpo.post("/staff/requests/" + journey.reference() + "/refuse", page, Map.of(
                "ground", "UNVERIFIABLE", "reasons", "You did not confirm the request.", "evidence", ""));
        assertThat(early.text("#refusal-error")).contains("refused at its due date");

        assertThat(requests.get(journey.reference()).outcome()).isNull();
    }

    @Test
    void aVirginiaRefusalSaysHowToAppeal() {
        Journey journey = new Journey(port, "va-refused");
        journey.submit("ACCESS", "VCDPA", "");
        journey.confirmFromEmail();
        journey.refuseOnLegalException("The records are under legal privilege.");

        String mail = journey.awaitMail("Our decision on your request " + journey.reference());
        assertThat(mail).contains("because the law exempts the data concerned", "You can appeal this decision",
                "within 60 days", "Virginia Attorney General");
    }
}
