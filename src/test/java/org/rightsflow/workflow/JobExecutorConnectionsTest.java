package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.rightsflow.database.DatabaseProperties;
import org.springframework.boot.autoconfigure.task.TaskSchedulingProperties;

/** The background pool must hold two connections per job and scheduler thread, or the application does not start. */
class JobExecutorConnectionsTest {

    @Test
    void theDefaultsFitAndOneConnectionLessDoesNot() {
        CamundaBpmProperties camunda = new CamundaBpmProperties();
        TaskSchedulingProperties scheduling = new TaskSchedulingProperties();
        assertThat(camunda.getJobExecution().getMaxPoolSize()).isEqualTo(10);
        assertThat(JobExecutorConnections.needed(10, 1)).isEqualTo(24);

        assertThatCode(() -> new JobExecutorConnections(camunda, scheduling, background(24))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new JobExecutorConnections(camunda, scheduling, background(23)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rightsflow.database.background.size is 23 but needs at least 24");

        camunda.getJobExecution().setMaxPoolSize(20);
        assertThatThrownBy(() -> new JobExecutorConnections(camunda, scheduling, background(24)))
                .hasMessageContaining("needs at least 44");
    }

    private static DatabaseProperties background(int size) {
        DatabaseProperties.Pool web = new DatabaseProperties.Pool(15, Duration.ofSeconds(5), Duration.ofSeconds(30));
        return new DatabaseProperties(web, new DatabaseProperties.Pool(size, Duration.ofSeconds(30),
                Duration.ofMinutes(2)));
    }
}
