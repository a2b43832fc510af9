package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A step that fails and is retried by the real job executor writes one line per attempt, naming the job, the
 * request's reference, the step and the cause; the stack trace appears once, when no retry is left.
 */
@RightsflowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FailedJobLogIntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aRetriedFailureIsOneLineAndTheLastOneCarriesTheStackTrace(CapturedOutput output) {
        String key = "failing-" + UUID.randomUUID().toString().substring(0, 8);
        Deployment deployment = repository.createDeployment().addString(key + ".bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="callSystem"/>
                    <serviceTask id="callSystem" camunda:asyncBefore="true"
                                 camunda:expression="${execution.getVariable('missing').length()}">
                      <extensionElements>
                        <camunda:failedJobRetryTimeCycle>R3/PT1S</camunda:failedJobRetryTimeCycle>
                      </extensionElements>
                    </serviceTask>
                    <sequenceFlow id="f2" sourceRef="callSystem" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key)).deploy();
        try {
            ProcessInstance instance = runtime.startProcessInstanceByKey(key, "DSR-TEST-" + key);
            String jobId = management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId();

            String retried = "Job " + jobId + " of DSR-TEST-" + key + " at callSystem failed, ";
            // Our line is written inside the engine's failed-job command, the engine's stack trace after that
            // command has ended, by the job executor's thread: wait for both.
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Job job = management.createJobQuery().jobId(jobId).singleResult();
                String out = output.getOut();
                int last = out.indexOf(retried + "no retry left");
                return job.getRetries() == 0 && last >= 0
                        && out.indexOf("Exception while executing job " + jobId, last) >= 0;
            });

            String all = output.getOut();
            assertThat(all).contains(retried + "2 retries left: ", retried + "1 retries left: ");
            String beforeTheLast = all.substring(0, all.indexOf(retried + "no retry left"));
            assertThat(beforeTheLast).as("the retried attempts print no stack trace").doesNotContain("\tat ");
            assertThat(beforeTheLast.lines().filter(line -> line.contains(jobId)).toList())
                    .as("one line per retried attempt").hasSize(2);
            String last = all.substring(all.indexOf(retried + "no retry left"));
            assertThat(last).as("the last one does, once: the engine's").contains("\tat ");
            assertThat(last.split("Exception while executing job " + jobId, -1)).hasSize(2);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
