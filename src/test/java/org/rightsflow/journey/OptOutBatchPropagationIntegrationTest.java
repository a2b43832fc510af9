package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.Regime;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.Choice;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.Signal;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.testsupport.FakeCompanyService;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A batch reaches an advertising partner's http service (signed, in one call) as well as the shop database; a batch
 * the partner cannot take stays open, and when its statutory date passes the privacy officers are alerted.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class OptOutBatchPropagationIntegrationTest {

    static final int CUSTOMER = 27;

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    OptOutBatches batches;

    @Autowired
    TaskService tasks;

    private FakeCompanyService partner;

    @AfterEach
    void cleanUp() {
        if (partner != null) {
            partner.close();
        }
        // The context is shared with other journeys: take the partner out of scope again.
        if (systems.exists("partner-feed")) {
            systems.setActive("partner-feed", false);
        }
    }

    @Test
    void aBatchReachesThePartnersHttpServiceAndTheShopAndALateOneIsEscalated() throws Exception {
        partner = new FakeCompanyService("partner-signing-secret-0123456789");
        partner.answeringNow("{\"summary\": \"Removed from the audience.\"}");
        partner.registerAsPartnerFeed(port, Files.createTempFile("partner-secret", ".txt"));
        ShopDatabase shop = ShopDatabase.of(systems);
        String customer = shop.emailOf(CUSTOMER);
        shop.update("update customers set sell_share_opt_out = false where id = ?", CUSTOMER);
        List<String> visitors = List.of(customer, "visitor-1@partner-test.example", "visitor-2@partner-test.example");
        ledger.record(visitors.stream().map(email -> new Signal(email, Purpose.SALE_SHARING, Choice.OPT_OUT,
                SignalSource.API, Regime.CCPA, Instant.now())).toList());

        BatchView batch = batches.cutWaiting().stream().filter(b -> b.purpose() == Purpose.SALE_SHARING)
                .findFirst().orElseThrow();
        // The batch may also carry what other tests left waiting: it arrives in chunks of 1,000, each signed.
        await().atMost(Journey.PATIENCE).until(() -> emailsSent(batch.reference()).containsAll(visitors));
        assertThat(partner.calls()).filteredOn(call -> call.body().path("reference").asText()
                .equals(batch.reference())).allSatisfy(call -> {
                    assertThat(call.signatureValid()).isTrue();
                    assertThat(call.path()).isEqualTo("/dsr/opt-out");
                    assertThat(call.body().path("batch").asBoolean()).isTrue();
                    assertThat(call.idempotencyKey()).startsWith(batch.reference());
                });
        await().atMost(Journey.PATIENCE).until(() -> shop.flagsOf(CUSTOMER).get("sell_share_opt_out"));
        completeAgencyTask(batch.reference());
        await().atMost(Journey.PATIENCE).until(() -> batches.get(batch.id()).completedAt() != null);

        // The partner breaks; the next batch cannot reach it and is still open when its due date passes.
        partner.failingWith(503);
        ledger.record(List.of(new Signal("visitor-3@partner-test.example", Purpose.SALE_SHARING, Choice.OPT_OUT,
                SignalSource.GPC, Regime.CCPA, Instant.now())));
        BatchView late = batches.cutWaiting().stream().filter(b -> b.purpose() == Purpose.SALE_SHARING)
                .findFirst().orElseThrow();
        int callsBefore = partner.calls().size();
        await().atMost(Journey.PATIENCE).until(() -> partner.calls().size() > callsBefore);
        assertThat(TestMailServer.messagesTo("dpo@rightsflow.example")).noneMatch(m ->
                TestMailServer.subject(m).contains(late.reference()));

        ClockUtil.setCurrentTime(Date.from(late.dueOn().plusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC)));
        String alert = await().atMost(Duration.ofSeconds(60)).until(() -> TestMailServer
                .messagesTo("dpo@rightsflow.example").stream()
                .filter(m -> TestMailServer.subject(m).contains("OVERDUE: opt-out batch " + late.reference()))
                .map(TestMailServer::body).findFirst().orElse(null), body -> body != null);
        assertThat(alert).contains("Not yet applied in:", "Partner feed", "1 day(s) overdue");
        assertThat(batches.get(late.id()).lateOn(late.dueOn().plusDays(1))).isTrue();

        // Fixed again: the next attempt goes through and the batch completes, late, on the record.
        partner.failingWith(0);
        completeAgencyTask(late.reference());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
            return batches.get(late.id()).completedAt() != null;
        });
        assertThat(emailsSent(late.reference())).containsExactly("visitor-3@partner-test.example");
    }

    /** The distinct emails the partner received for this batch, over all its calls. */
    private List<String> emailsSent(String reference) {
        List<String> sent = new ArrayList<>();
        partner.calls().stream().filter(call -> call.body().path("reference").asText().equals(reference))
                .forEach(call -> call.body().path("subjects").forEach(subject -> {
                    String email = subject.path("email").asText();
                    if (!sent.contains(email)) {
                        sent.add(email);
                    }
                }));
        return sent;
    }

    /** The mailing agency's owners apply the list by hand (the inbox path is tested in the opt-out journey). */
    private void completeAgencyTask(String reference) {
        String taskId = await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(reference).active().list().stream()
                .map(org.camunda.bpm.engine.task.Task::getId).findFirst().orElse(null), id -> id != null);
        tasks.complete(taskId, Map.of("outcome", "DONE", "resultSummary", "Applied by hand.", "completedBy",
                "owner"));
    }
}
