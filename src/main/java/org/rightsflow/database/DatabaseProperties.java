package org.rightsflow.database;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The two connection pools of the application's database (docs/operations.md, "Pools and the job executor").
 *
 * @param web        the pool of servlet requests: pages, the JSON API, Camunda's web applications
 * @param background the pool of every other thread: the job executor (two connections per job thread: a connector
 *                   step records its start in a transaction of its own while the job's transaction is open),
 *                   job acquisition, scheduled jobs, health checks
 */
@ConfigurationProperties("rightsflow.database")
@Validated
public record DatabaseProperties(@NotNull @Valid Pool web, @NotNull @Valid Pool background) {

    /**
     * @param size              the most connections the pool holds (it keeps them open)
     * @param connectionTimeout how long a thread waits for a free connection before its work fails
     * @param statementTimeout  the longest one statement may run before the database cancels it (PostgreSQL's
     *                          {@code statement_timeout}, H2's {@code QUERY_TIMEOUT}); zero: no limit
     */
    public record Pool(@Positive int size, @NotNull Duration connectionTimeout, @NotNull Duration statementTimeout) {
    }
}
