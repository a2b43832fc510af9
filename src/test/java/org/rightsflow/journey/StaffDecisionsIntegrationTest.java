package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.AccessFile;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What staff decide in the inbox beyond "done": attaching what they found to an access request (kept encrypted for
 * the answer), and refusing an erasure after its dry run, with a reason the subject reads.
 */
@RightsflowIntegrationTest
class StaffDecisionsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemActions actions;

    @Test
    void anOwnerAttachesTheDataFoundByHandAndItIsKeptEncrypted() {
        Journey journey = new Journey(port, "upload");
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        WebSession owner = new WebSession(port).login("owner", "owner");
        String link = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(), "Support desk"),
                found -> found != null);

        Page task = owner.get(link);
        assertThat(task.mainText()).contains("Attach what you found");
        byte[] export = "ticket,subject\n1,Where is my parcel?\n".getBytes(StandardCharsets.UTF_8);
        Page attached = owner.postFile(link + "/upload", task, "file", "../../etc/tickets export.csv", "text/csv", export);
        assertThat(attached.mainText()).contains("Attached tickets export.csv.", "tickets export.csv (" + export.length + " bytes");

        Page tooBig = owner.postFile(link + "/upload", attached, "file", "big.bin", "application/octet-stream",
                new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooBig.mainText()).contains("larger than 10 MB");
        Page wayTooBig = owner.postFile(link + "/upload", attached, "file", "huge.bin", "application/octet-stream",
                new byte[20 * 1024 * 1024]);
        assertThat(wayTooBig.status()).isEqualTo(413);
        assertThat(wayTooBig.mainText()).contains("This upload is too large", "Nothing was saved");

        List<AccessFile> files = actions.accessFilesOf(journey.reference());
        assertThat(files).extracting(AccessFile::fileName).containsExactly("tickets export.csv");
        assertThat(actions.readAccessFile(files.get(0).id())).isEqualTo(export);
        Page detail = new WebSession(port).login("dpo", "dpo").get("/staff/requests/" + journey.reference());
        assertThat(detail.mainText()).contains("tickets export.csv (text/csv, " + export.length + " bytes, encrypted)");
    }

    @Test
    void anOwnerRefusesAnErasureWithAReasonAndTheAnswerSaysWhyNothingWasErased() {
        Journey journey = new Journey(port, "refuse").withEmail("tim.berners-lee@example.com");
        journey.submit("DELETION", "GDPR", "");
        journey.confirmFromEmail();
        WebSession owner = new WebSession(port).login("owner", "owner");
        String link = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(),
                "Approve erasure"), found -> found != null);
        Page approval = owner.get(link);
        assertThat(approval.mainText()).contains("Dry run: what the erasure would do", "customers");

        Page withoutReason = owner.post(link + "/decide", approval, Map.of("approve", "false", "reason", ""));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.text("#reason-error")).isEqualTo("Say why the data must not be erased in this system");

        Page refused = owner.post(link + "/decide", withoutReason, Map.of("approve", "false",
                "reason", "A legal hold applies to this account until the dispute is settled."));
        assertThat(refused.mainText()).contains("Erasure refused");
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Deleted in the help desk.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Removed.");

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer).contains("Shop customer database: not done. Not erased: A legal hold applies to this account "
                + "until the dispute is settled.");
        assertThat(actions.stepsOf(journey.reference())).extracting(step -> step.action().name())
                .contains("PLAN_ERASURE").doesNotContain("ERASE");
    }

}
