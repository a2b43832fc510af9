package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The locks are really taken: a job that ran left its row in {@code shedlock}, held in the database's time. The access
 * package sweep runs every second in the tests, so its row appears soon after start.
 */
@RightsflowIntegrationTest
class SchedulerLocksIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScheduledJobRunsUnderItsLockRow() {
        await().atMost(Duration.ofMinutes(1)).until(() -> names().contains("access-package-expiry"));
        Integer rows = jdbc.queryForObject("select count(*) from shedlock where name = 'access-package-expiry' "
                + "and locked_by is not null and locked_at <= lock_until", Integer.class);
        assertThat(rows).isEqualTo(1);
    }

    private List<String> names() {
        return jdbc.queryForList("select name from shedlock", String.class);
    }
}
