package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What operators rely on of the engine as application.yml sets it up: its history is removed by removal time in a
 * nightly window (the cleanup job exists and is due inside it), and process steps log their request's reference.
 */
@RightsflowIntegrationTest
class EngineHousekeepingIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService history;

    @Test
    void historyIsCleanedByRemovalTimeInTheNightlyWindow() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(history.findHistoryCleanupJobs()).as("the nightly cleanup job is scheduled").isNotEmpty();
        for (Job job : history.findHistoryCleanupJobs()) {
            java.time.LocalTime due = job.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalTime();
            assertThat(due).isBetween(java.time.LocalTime.of(1, 0), java.time.LocalTime.of(5, 0));
        }
    }

    @Test
    void theEngineNamesTheRequestInTheLoggingContextOfEveryStep() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getLoggingContextBusinessKey()).isEqualTo("reference");
    }
}
