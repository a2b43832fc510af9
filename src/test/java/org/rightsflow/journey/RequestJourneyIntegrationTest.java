package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.testsupport.DemoApi;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each working request type from the subject's first click to the answer in their inbox, on the embedded default
 * profile: the privacy-center form, the real emails (GreenMail), the verification link, the demo system owner's
 * inbox, the response email and the status page.
 */
@RightsflowIntegrationTest
class RequestJourneyIntegrationTest {

    @LocalServerPort
    int port;

    /**
     * The demo's three systems: the shop database through its sql connector (an erasure waits for an approval of its
     * dry run), the support desk by a person, the mailing agency by email and confirmation link.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
            "ACCESS,     GDPR,    1, give you a copy of your personal data",
            "DELETION,   CCPA,    2, delete your personal data",
            "OBJECTION,  UK_GDPR, 2, stop using your personal data as you objected to"})
    void verifiedRequestTravelsFromTheFormToTheAnswer(String type, String regime, int tasks, String action)
            throws Exception {
        Journey journey = new Journey(port, type.toLowerCase());
        Page confirmation = journey.submit(type, regime, "Please handle my " + type.toLowerCase() + " request.");
        assertThat(confirmation.mainText()).contains("We received your request", "confirm");

        String acknowledgement = journey.awaitMail("We received your request " + journey.reference());
        assertThat(acknowledgement).contains(action, journey.reference(), "/status/");
        assertThat(journey.statusPage().text("#request-status")).isEqualTo("Waiting for you to confirm it is you");

        Page confirmed = journey.confirmFromEmail();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.mainText()).contains("your request is confirmed", journey.reference());

        List<String> names = journey.completeTasksAs("owner", "owner", tasks, "DONE", "Handled for the subject.");
        assertThat(names).hasSize(tasks).anyMatch(name -> name.contains("Support desk"));
        boolean agencyTakesPart = !type.equals("OBJECTION");
        if (agencyTakesPart) {
            journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Done in the agency's list.");
        } else {
            assertThat(names).as("an objection is weighed by a person in each system").anyMatch(name ->
                    name.contains("Shop customer database"));
        }

        String response = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(response).contains("Support desk: done. Handled for the subject.", "Shop customer database:");
        if (agencyTakesPart) {
            assertThat(response).contains("Mailing agency: done. Confirmed by the processor: Done in the agency's list.");
        }

        await().atMost(Journey.PATIENCE).until(() -> "Completed".equals(journey.statusPage().text("#request-status")));
        assertThat(journey.statusPage().mainText()).contains("You confirmed the request.",
                "We sent you our answer by email.", "Your request was closed.");

        JsonNode request = apiGet("/api/v1/requests/" + journey.reference());
        assertThat(request.path("status").asText()).isEqualTo("CLOSED");
        assertThat(request.path("outcome").asText()).isEqualTo("COMPLETED");
        List<String> kinds = StreamSupport.stream(request.path("timeline").spliterator(), false)
                .map(entry -> entry.path("kind").asText()).toList();
        assertThat(kinds).containsSubsequence("SUBMITTED", "ACKNOWLEDGED", "VERIFICATION_SENT", "VERIFIED",
                "FULFILMENT_STARTED", "TASK_CREATED", "TASK_COMPLETED", "SYSTEM_COMPLETED", "RESPONDED", "CLOSED");
        assertThat(kinds.stream().filter("TASK_COMPLETED"::equals)).hasSize(tasks);
        assertThat(kinds.stream().filter("SYSTEM_COMPLETED"::equals)).hasSize(agencyTakesPart ? 3 : 2);
        assertThat(kinds).contains("MESSAGE_SENT");
        if (agencyTakesPart) {
            assertThat(kinds).contains("PROCESSOR_CONTACTED")
                    .as("the shop database's connector step").contains("SYSTEM_STEP");
        }
        // acknowledgement, verification link, response (the processor's email is not the subject's)
        assertThat(request.path("messages").findValuesAsText("recipient")).filteredOn(journey.email()::equals).hasSize(3);
    }

    @Test
    void optOutNeedsNoVerificationAndIsAnsweredAfterTheSystemsApplyIt() throws Exception {
        Journey journey = new Journey(port, "optout");
        Page confirmation = journey.submit("OPT_OUT", "CCPA", "");
        assertThat(confirmation.mainText()).contains("this kind of request needs no confirmation");

        journey.awaitMail("We received your request " + journey.reference());
        // The shop database opts out through its connector and the agency confirms; the support desk takes no part.
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Suppressed.");

        String response = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(response).contains("We no longer sell or share your personal information", "Shop customer database:",
                "Mailing agency: done");
        assertThat(journey.mailSubjects()).noneMatch(subject -> subject.contains("Please confirm"));
        await().atMost(Journey.PATIENCE).until(() -> "Completed".equals(journey.statusPage().text("#request-status")));

        JsonNode request = apiGet("/api/v1/requests/" + journey.reference());
        // 15 business days (CCPA §7026), no extension, nothing to acknowledge separately.
        assertThat(request.path("due").asText()).isEqualTo(request.path("extendedDue").asText());
        assertThat(request.path("timeline").toString()).doesNotContain("VERIFICATION_SENT");
    }

    @Test
    void aSystemThatKeepsDataSaysWhyInTheAnswer() throws Exception {
        Journey journey = new Journey(port, "keep");
        journey.submit("DELETION", "GDPR", "Delete everything please.");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 2, "NOT_DONE", "Invoices kept for 10 years (tax law).");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Deleted.");
        String response = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(response).contains("Support desk: not done. Invoices kept for 10 years (tax law).",
                "the law sometimes requires us to keep records");
    }

    private JsonNode apiGet(String path) throws Exception {
        return DemoApi.get(port, path);
    }
}
