package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk actions on the requests list: each selected request goes the way it would on its own page and is checked on
 * its own, and the result page lists what was done and what was refused, with why. The engine is asked only to set
 * up what a test needs (an incident) and to check what happened.
 */
@RightsflowIntegrationTest
class BulkActionsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Timeline timeline;

    @Test
    void extendAssignAndRetryEachRequestOnItsOwnAndListWhatWasRefused() {
        Journey gdpr = new Journey(port, "bulk-gdpr");
        gdpr.submit("ACCESS", "GDPR", "All my data please.");
        gdpr.confirmFromEmail();
        await().atMost(Journey.PATIENCE).until(() -> !openTasks(gdpr.reference()).isEmpty());
        Journey optOut = new Journey(port, "bulk-ccpa");
        optOut.submit("OPT_OUT", "CCPA", "");
        RequestDetails before = requests.get(gdpr.reference());
        java.time.LocalDate optOutDue = requests.get(optOut.reference()).due();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page list = dpo.get("/staff/requests?email="
                + java.net.URLEncoder.encode(gdpr.email(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.document().select("input[name=reference][value=" + gdpr.reference() + "]")).hasSize(1);

        // Extend: where the law allows it, done; CCPA gives no extension for an opt-out, refused with the reason.
        String reason = "Your data sits in archives we must restore first.";
        Page extended = dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "EXTEND"),
                Map.entry("reference", gdpr.reference()), Map.entry("reference", optOut.reference()),
                Map.entry("reason", reason)));
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.text("h1")).isEqualTo("Extend the period to answer");
        assertThat(extended.text("#done")).contains(gdpr.reference(), "Extended to " + before.extendedDue());
        assertThat(extended.text("#refused")).contains(optOut.reference(),
                "CCPA/CPRA gives no extension for this kind of request");
        assertThat(requests.get(gdpr.reference()).due()).isEqualTo(before.extendedDue());
        assertThat(requests.get(optOut.reference()).due()).isEqualTo(optOutDue);
        assertThat(gdpr.awaitMail("We need more time for your request " + gdpr.reference())).contains(reason);

        // Assign: the open tasks to a staff member in their groups; an unknown reference is refused, not fatal.
        Page assigned = dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "REASSIGN"),
                Map.entry("reference", "DSR-2026-NOSUCHREQ0"), Map.entry("reference", gdpr.reference()),
                Map.entry("assignee", "owner")));
        assertThat(assigned.text("#done")).contains(gdpr.reference(), "task(s) assigned to owner");
        assertThat(assigned.text("#refused")).contains("DSR-2026-NOSUCHREQ0", "There is no such request.");
        assertThat(openTasks(gdpr.reference())).extracting(Task::getAssignee).contains("owner");
        assertThat(dpo.get("/staff/requests?assignee=owner").document()
                .select("tbody a[href=/staff/requests/" + gdpr.reference() + "]"))
                .as("the assignee filter finds it now").hasSize(1);

        // Retry: the request's incident is handed back; a request without one is refused.
        // On a waiting task's execution, which may be in a process the request's called: its business key is the same.
        Task waiting = openTasks(gdpr.reference()).get(0);
        String process = waiting.getProcessInstanceId();
        runtime.createIncident("callbackMissing", waiting.getExecutionId(), "bulk-test", "No answer from the system");
        Page retried = dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "RETRY"),
                Map.entry("reference", gdpr.reference()), Map.entry("reference", optOut.reference())));
        assertThat(retried.text("#done")).contains(gdpr.reference(), "1 incident(s) handed back to the process");
        assertThat(retried.text("#refused")).contains(optOut.reference(), "The request has no open incident.");
        assertThat(runtime.createIncidentQuery().processInstanceId(process).count()).isZero();
        assertThat(timeline.entries(gdpr.reference())).anyMatch(e -> e.kind() == TimelineKind.SYSTEM_STEP
                && e.description().contains("cleared"));
    }

    @Test
    void aBulkActionThatCannotRunChangesNothingAndSaysWhy() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page list = dpo.get("/staff/requests");

        List<Map.Entry<String, String>> tooMany = new ArrayList<>(List.of(Map.entry("action", "RETRY")));
        for (int i = 0; i <= 200; i++) {
            tooMany.add(Map.entry("reference", "DSR-2026-" + String.format("%010d", i)));
        }
        Page capped = dpo.postRepeated("/staff/requests/bulk", list, tooMany);
        assertThat(capped.status()).isEqualTo(400);
        assertThat(capped.text("#bulk-problem")).contains("at most 200 requests", "Nothing was changed");

        assertThat(dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "SHRED"),
                Map.entry("reference", "DSR-2026-0000000001"))).text("#bulk-problem"))
                .contains("Choose what to do");
        assertThat(dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "EXTEND"))).text(
                "#bulk-problem")).contains("Select at least one request");
        assertThat(dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "EXTEND"),
                Map.entry("reference", "DSR-2026-0000000001"), Map.entry("reason", " "))).text("#bulk-problem"))
                .contains("Give the reason");
        assertThat(dpo.postRepeated("/staff/requests/bulk", list, List.of(Map.entry("action", "REASSIGN"),
                Map.entry("reference", "DSR-2026-0000000001"), Map.entry("assignee", "nobody"))).text(
                "#bulk-problem")).contains("Choose the staff member");

        WebSession owner = new WebSession(port).login("owner", "owner");
        Page ownerList = owner.get("/staff/requests");
        assertThat(owner.postRepeated("/staff/requests/bulk", ownerList, List.of(Map.entry("action", "RETRY"),
                Map.entry("reference", "DSR-2026-0000000001"))).status()).isEqualTo(403);
        assertThat(dpo.postRaw("/staff/requests/bulk", Map.of("action", "RETRY", "reference", "DSR-2026-0000000001"))
                .status()).as("no CSRF token").isEqualTo(403);
    }

    private List<Task> openTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).active().list();
    }
}
