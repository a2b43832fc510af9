package org.rightsflow.connector.sql;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The connection pool of each connected sql system (docs/connected-systems.md, "Connections").
 *
 * @param poolSize          the most connections Rightsflow holds to one system: at most this many of its actions
 *                          run at once, the others wait for a connection
 * @param connectionTimeout how long an action waits for a free connection to its system before it fails (and is
 *                          retried as any failure)
 * @param idleTimeout       a connection unused this long is closed: a system that is rarely reached holds none
 */
@ConfigurationProperties("rightsflow.sql-systems")
@Validated
record SqlPoolProperties(@Positive int poolSize, @NotNull Duration connectionTimeout, @NotNull Duration idleTimeout) {
}
