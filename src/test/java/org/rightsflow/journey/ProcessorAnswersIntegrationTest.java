package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.DemoApi;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A third party held to account (issue 15, the seed's second lesson): the processor's link offers three answers, not
 * only "confirm". "We cannot, because…" needs its reason; the privacy team reads it on the timeline and the subject
 * in the answer, as a part not carried out.
 */
@RightsflowIntegrationTest
class ProcessorAnswersIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+(/processors/confirm/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Test
    void aProcessorThatCannotEraseSaysWhyAndTheSubjectIsToldThatPartWasNotDone() throws Exception {
        Journey journey = new Journey(port, "processor-cannot");
        journey.submit("DELETION", "GDPR", "Please delete everything.");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Deleted the tickets.");

        String processorMail = journey.answerAsProcessor(Journey.DEMO_AGENCY, "NOT_DONE",
                "We must keep the list of sent invoices for 10 years under tax law.");
        assertThat(processorMail).contains(journey.reference());

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer).contains("Mailing agency: not done. The processor cannot carry it out: We must keep the "
                + "list of sent invoices for 10 years under tax law.");

        JsonNode request = DemoApi.get(port, "/api/v1/requests/" + journey.reference());
        List<String> timeline = StreamSupport.stream(request.path("timeline").spliterator(), false)
                .map(entry -> entry.path("description").asText()).toList();
        assertThat(timeline).anyMatch(text -> text.contains("The processor cannot carry it out: We must keep"));
    }

    @Test
    void aProcessorThatHoldsNothingSaysSoAndTheAnswerSaysNoDataIsHeldThere() {
        Journey journey = new Journey(port, "processor-nodata");
        journey.submit("DELETION", "GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Deleted the tickets.");

        journey.answerAsProcessor(Journey.DEMO_AGENCY, "NO_DATA_FOUND", "");

        assertThat(journey.awaitMail("Our answer to your request " + journey.reference()))
                .contains("Mailing agency: we hold no data about you there. The processor holds no data about this "
                        + "person.");
    }

    @Test
    void cannotWithoutAReasonAndAnAnswerNobodyOffersAreRefusedAndTheLinkStillWorks() {
        Journey journey = new Journey(port, "processor-bad");
        journey.submit("DELETION", "GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Deleted the tickets.");
        String path = await().atMost(Journey.PATIENCE).until(() ->
                TestMailServer.messagesTo(Journey.DEMO_AGENCY).stream()
                        .filter(m -> TestMailServer.subject(m).contains(journey.reference()))
                        .map(TestMailServer::body)
                        .filter(body -> body.contains("<" + journey.email() + ">"))
                        .map(body -> {
                            Matcher link = LINK.matcher(body);
                            return link.find() ? link.group(1) : null;
                        }).filter(Objects::nonNull).findFirst().orElse(null), found -> found != null);
        WebSession processor = new WebSession(port);
        Page form = processor.get(path);

        Page noReason = processor.post(path, form, Map.of("outcome", "NOT_DONE", "note", "   "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("#note-error")).startsWith("Say why you cannot carry it out");
        assertThat(noReason.document().selectFirst("#outcome-NOT_DONE").hasAttr("checked")).isTrue();

        Page forged = processor.post(path, form, Map.of("outcome", "APPROVED", "note", "<script>x</script>"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text("#outcome-error")).isEqualTo("Choose one of the three answers");
        assertThat(forged.document().selectFirst("#note").text()).as("what was typed is kept")
                .isEqualTo("<script>x</script>");

        Page done = processor.post(path, form, Map.of("outcome", "DONE", "note", "Removed."));
        assertThat(done.status()).as("nothing was recorded by the refused answers").isEqualTo(200);
    }
}
