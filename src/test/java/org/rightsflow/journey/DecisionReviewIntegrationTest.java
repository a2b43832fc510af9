package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.testsupport.DemoApi;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A right only some laws grant (docs/legal-rules.md#decision-review): questioning a decision a machine made alone.
 * Where the law grants it, the system's owner must say why the system decided and what a person's review found, and
 * the answer quotes them; where it does not, a privacy officer may refuse with the law's words
 * (#refused-no-such-right), and nowhere else.
 */
@RightsflowIntegrationTest
class DecisionReviewIntegrationTest {

    private static final String WHY_AND_FOUND = "The fraud check held order 1042 because the card's country and the "
            + "delivery address differed. I looked at the order myself: it was yours, so I released it.";

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Test
    void aMinnesotaConsumerQuestionsAProfilingDecisionAndReadsWhyAndWhatAPersonFound() throws Exception {
        Journey journey = new Journey(port, "decision-mn");
        journey.submit("DECISION_REVIEW", "MNCDPA", "My order was stopped by your system. Why?");
        assertThat(journey.awaitMail("We received your request " + journey.reference()))
                .contains("tell you why a computer decided about you and have a person look at it again");
        journey.confirmFromEmail();

        WebSession owner = new WebSession(port).login("owner", "owner");
        String link = await().atMost(Journey.PATIENCE)
                .until(() -> owner.inboxTaskLink(journey.reference(), "Shop customer database"), found -> found != null);
        Page task = owner.get(link);
        assertThat(task.text("#decision-review")).isEqualTo("The person questions an automated decision");
        assertThat(task.text("label[for=comment]")).isEqualTo("Why the system decided, and what your review found");

        Page empty = owner.post(link + "/complete", task, Map.of("outcome", "DONE", "comment", " "));
        assertThat(empty.status()).as("a review that says nothing answers nothing").isEqualTo(400);
        assertThat(empty.mainText()).contains("Write the main reasons for the decision and what your review found");

        Page done = owner.post(link + "/complete", empty, Map.of("outcome", "DONE", "comment", WHY_AND_FOUND));
        assertThat(done.uri()).endsWith("/staff");

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer).contains("Shop customer database: done. " + WHY_AND_FOUND,
                "A person looked at the decision again.")
                .doesNotContain("Support desk", "Mailing agency");

        JsonNode request = DemoApi.get(port, "/api/v1/requests/" + journey.reference());
        assertThat(request.path("type").asText()).isEqualTo("DECISION_REVIEW");
        assertThat(request.path("statutoryRight").asBoolean()).as("Minnesota grants it").isTrue();
    }

    @Test
    void aCaliforniaDecisionReviewMayBeRefusedBecauseTheLawGivesNoSuchRightAndTheRefusalNamesTheLaw() {
        Journey journey = new Journey(port, "decision-ca");
        journey.submit("DECISION_REVIEW", "CCPA", "Why was my order stopped?");
        journey.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.document().select("#ground option").eachAttr("value")).contains("NO_SUCH_RIGHT");

        Page refused = dpo.post("/staff/requests/" + journey.reference() + "/refuse", page, Map.of(
                "ground", "NO_SUCH_RIGHT", "reasons", "Our fraud check is not covered by California's law yet.",
                "evidence", ""));
        assertThat(refused.text("#request-status")).isEqualTo("Refused");
        assertThat(requests.get(journey.reference()).outcome()).isEqualTo(RequestOutcome.REFUSED);

        String mail = journey.awaitMail("Our decision on your request " + journey.reference());
        assertThat(mail).contains("because the law that protects you here (CCPA/CPRA) gives no right to this request",
                "Our fraud check is not covered by California's law yet.");
    }

    @Test
    void noOfficerRefusesARightTheLawGrantsAsIfItDidNot() {
        Journey journey = new Journey(port, "decision-gdpr");
        journey.submit("DECISION_REVIEW", "GDPR", "Why was my order stopped?");
        journey.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.document().select("#ground option").eachAttr("value"))
                .as("not offered where the law grants the right").doesNotContain("NO_SUCH_RIGHT");

        Page forged = dpo.post("/staff/requests/" + journey.reference() + "/refuse", page, Map.of(
                "ground", "NO_SUCH_RIGHT", "reasons", "No such right.", "evidence", ""));
        assertThat(forged.text("#refusal-error")).contains("GDPR grants this right");
        assertThat(requests.get(journey.reference()).outcome()).as("nothing changed").isNull();
    }
}
