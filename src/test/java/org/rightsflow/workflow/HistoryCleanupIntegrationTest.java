package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Camunda's own history cleanup, as application.yml sets it up, really runs: two requests carried to their end, the
 * second 400 days after the first; the engine's clock moved to 01:30 (inside the nightly window, 01:00–05:00, in the
 * server's zone) of a day past the first one's end plus the models' history time to live (730 days) but before the
 * second one's; the job executor left to pick the cleanup job up on its own. The first process's history rows (its
 * process, activity and variable instances, its systems' processes included) are gone; the second's are all
 * kept. The records purge is kept out of it (a longer period, no cron), so only the engine's cleanup removes rows.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
@TestPropertySource(properties = {"rightsflow.retention.keep-for=P60M", "rightsflow.retention.cron=-"})
class HistoryCleanupIntegrationTest {

    private static final int HISTORY_TIME_TO_LIVE_DAYS = 730;

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNightlyJobRemovesTheHistoryPastItsTimeToLiveAndKeepsTheYounger() {
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime start = ZonedDateTime.now(zone);
        String old = closedRequest("hicl-old");
        String oldRoot = root(old);
        assertThat(historyRows(oldRoot)).as("the first request's history once it ended").allMatch(n -> n > 0);
        assertThat(jdbc.queryForObject("select min(REMOVAL_TIME_) from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = ?",
                java.sql.Timestamp.class, oldRoot).toInstant())
                .as("its removal time: its end plus the history time to live")
                .isAfter(start.plusDays(HISTORY_TIME_TO_LIVE_DAYS).toInstant());

        ClockUtil.setCurrentTime(Date.from(start.plusDays(400).toInstant()));
        String younger = closedRequest("hicl-younger");
        String youngerRoot = root(younger);
        List<Long> youngerBefore = historyRows(youngerRoot);
        assertThat(youngerBefore).allMatch(n -> n > 0);

        // 01:30 of the first day on which the first request's history is due, the second's not (due after day 1130).
        ZonedDateTime night = start.plusDays(HISTORY_TIME_TO_LIVE_DAYS + 2).toLocalDate().atTime(LocalTime.of(1, 30))
                .atZone(zone);
        ClockUtil.setCurrentTime(Date.from(night.toInstant()));
        List<Job> cleanup = history.findHistoryCleanupJobs();
        assertThat(cleanup).as("the cleanup job, due by now").isNotEmpty()
                .allMatch(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()));

        // Nothing but the job executor runs it: the acquisition finds it due at the moved time.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(historyRows(oldRoot)).as("the first request's history rows").containsOnly(0L));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).count()).isZero();
        assertThat(historyRows(youngerRoot)).as("the second request's history, not yet due")
                .isEqualTo(youngerBefore);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("data-subject-request")
                .processInstanceBusinessKey(younger).count()).isEqualTo(1);
        // The request itself is Rightsflow's record, left to the records purge (docs/retention.md).
        assertThat(requests.find(old)).as("the first request's own record").isPresent();
        assertThat(history.findHistoryCleanupJobs()).as("the job rescheduled itself for the next turn").isNotEmpty();
    }

    /** A limit of sensitive data use (CCPA) runs to its end with nobody acting: submitted, carried out, closed. */
    private String closedRequest(String emailPrefix) {
        Journey journey = new Journey(port, emailPrefix);
        journey.submit("LIMIT_SENSITIVE", "CCPA", "");
        await().atMost(Journey.PATIENCE.multipliedBy(2)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference()).count() == 0
                        && requests.get(journey.reference()).closedAt() != null);
        return journey.reference();
    }

    private String root(String reference) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("data-subject-request").processInstanceBusinessKey(reference).singleResult();
        return process.getRootProcessInstanceId();
    }

    /** The history rows of a request's process and of the processes it called: process, activity, variable instances. */
    private List<Long> historyRows(String root) {
        return List.of(
                jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = ?", Long.class, root),
                jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ?", Long.class, root),
                jdbc.queryForObject("select count(*) from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = ?", Long.class, root));
    }
}
