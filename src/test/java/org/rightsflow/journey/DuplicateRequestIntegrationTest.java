package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.Duplicates;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same person asks the same thing twice while the first request is open: the second is linked to the first,
 * starts no process, the person is told, and it closes when the first closes. Staff can unlink one, which then runs
 * on its own. A different kind of request, or a different person, is never linked.
 */
@RightsflowIntegrationTest
class DuplicateRequestIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    Duplicates duplicates;

    @Autowired
    RuntimeService runtime;

    @Test
    void aSecondOpenRequestOfTheSameKindIsAnsweredWithTheFirst() {
        Journey first = new Journey(port, "twice");
        first.submit("ACCESS", "GDPR", "Everything.");
        Journey second = new Journey(port, "unused").withEmail(first.email().toUpperCase());
        second.submit("ACCESS", "GDPR", "Everything, again.");

        assertThat(duplicates.originalOf(second.reference())).contains(first.reference());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(second.reference()).count())
                .as("not carried out twice").isZero();
        String notice = second.awaitMail("We received your request " + second.reference());
        assertThat(notice).contains("You already asked us the same, in request " + first.reference());
        // Both requests write to the same mailbox: the duplicate's own status link is the one in its notice.
        String secondStatus = Journey.linkPath(notice, "status");
        WebSession subject = new WebSession(port);
        assertThat(subject.get(secondStatus).mainText()).contains(second.reference(), "we answer this one with it");

        Journey deletion = new Journey(port, "unused").withEmail(first.email());
        deletion.submit("DELETION", "GDPR", "");
        assertThat(duplicates.originalOf(deletion.reference())).as("another kind of request").isEmpty();

        // The first is refused: the duplicate closes with it.
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + first.reference());
        assertThat(page.text("#duplicates")).contains(second.reference());
        first.refuseOnLegalException("Privileged.");
        assertThat(requests.get(second.reference()).outcome()).isEqualTo(RequestOutcome.ANSWERED_WITH_ORIGINAL);
        assertThat(subject.get(secondStatus).text("#request-status")).isEqualTo("Answered with your earlier request");
    }

    @Test
    void staffUnlinkADuplicateAndItRunsOnItsOwn() {
        Journey first = new Journey(port, "twice-unlinked");
        first.submit("OPT_OUT", "CCPA", "");
        Journey second = new Journey(port, "unused").withEmail(first.email());
        second.submit("OPT_OUT", "CCPA", "Also the partner site, please.");
        assertThat(duplicates.originalOf(second.reference())).contains(first.reference());

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + second.reference());
        assertThat(page.mainText()).contains("Linked to " + first.reference());
        Page unlinked = dpo.post("/staff/requests/" + second.reference() + "/unlink", page, Map.of());
        assertThat(unlinked.mainText()).contains("Unlinked");
        assertThat(duplicates.originalOf(second.reference())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(second.reference())
                .processDefinitionKey("data-subject-request").count()).as("its own process now").isEqualTo(1);
        second.awaitMail("We received your request " + second.reference());
    }
}
