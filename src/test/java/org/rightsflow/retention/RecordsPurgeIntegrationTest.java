package org.rightsflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The purge with the engine's clock moved past the period: a CCPA request closed 25 months ago is gone everywhere
 * (the request, its timeline, its messages, what its system did, Camunda's history of its process), one closed 12
 * months ago and one still open are untouched, and the log holds the counts, not the references. CCPA is kept for
 * 18 months here, less than the models' history time to live (730 days), so that the purge itself, not Camunda's
 * nightly cleanup, is what removes the process history.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.retention.per-law.CCPA=P18M")
class RecordsPurgeIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RecordsPurge purge;

    @Autowired
    PurgeLog purges;

    @Autowired
    RequestDirectory requests;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRequestPastItsPeriodIsGoneEverywhereAndNothingYoungerIsTouched() {
        Instant start = Instant.now();
        String old = closedRequest("purge-old");

        ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant()));
        String younger = closedRequest("purge-younger");

        ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusMonths(25).toInstant()));
        Journey open = new Journey(port, "purge-open");
        open.submit("ACCESS", "CCPA", "");
        assertThat(requests.get(open.reference()).closedAt()).isNull();
        assertThat(rowsOf(old)).as("before the purge").allMatch(count -> count > 0);

        long previewed = purge.preview().stream().mapToLong(LawPreview::requests).sum();
        PurgeReport report = purge.purgeNow();

        assertThat(requests.find(old)).as("the request closed 25 months ago").isEmpty();
        assertThat(rowsOf(old)).as("its timeline, messages, system steps and process history").containsOnly(0L);
        assertThat(requests.find(younger)).as("the request closed 12 months ago").isPresent();
        assertThat(rowsOf(younger)).as("its records").allMatch(count -> count > 0);
        assertThat(requests.find(open.reference())).as("the open request").isPresent();

        assertThat(report.requests()).as("what the preview announced").isEqualTo((int) previewed).isPositive();
        assertThat(report.removed()).containsKeys("requests", "timeline entries", "messages", "system steps",
                "process histories");
        assertThat(report.removed().get("requests")).isEqualTo(report.requests());
        assertThat(report.removed().get("process histories")).isPositive();
        assertThat(purges.latest(1)).containsExactly(report);
        assertThat(purge.preview()).as("nothing left past its period").allMatch(law -> law.requests() == 0);
        assertThat((jdbc.queryForList("select * from retention_purge").toString() + jdbc.queryForList("select * from retention_purge_count")))
                .as("the log keeps counts, never a reference").doesNotContain(old);
    }

    /** A limit of sensitive data use (CCPA) runs to its end with nobody acting: submitted, carried out, closed. */
    private String closedRequest(String emailPrefix) {
        Journey journey = new Journey(port, emailPrefix);
        journey.submit("LIMIT_SENSITIVE", "CCPA", "");
        await().atMost(Journey.PATIENCE.multipliedBy(2)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference()).count() == 0
                        && requests.get(journey.reference()).closedAt() != null);
        journey.awaitMail("Our answer to your request " + journey.reference());
        return journey.reference();
    }

    /** Rows kept about one request: timeline entries, messages, system steps, Camunda process instances. */
    private java.util.List<Long> rowsOf(String reference) {
        return java.util.List.of(
                jdbc.queryForObject("select count(*) from timeline_entry where request_reference = ?", Long.class, reference),
                jdbc.queryForObject("select count(*) from outbox_message where request_reference = ?", Long.class, reference),
                jdbc.queryForObject("select count(*) from fulfilment_step where request_reference = ?", Long.class, reference),
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count());
    }
}
