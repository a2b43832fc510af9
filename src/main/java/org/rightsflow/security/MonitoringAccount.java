package org.rightsflow.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one account of the management port ({@code rightsflow.monitoring}): what a Prometheus scraper, a Docker health
 * check or a load balancer's probe signs in with. It opens health and metrics only; no staff account opens them, and
 * this one opens nothing else.
 *
 * @param username the HTTP Basic user name
 * @param password the HTTP Basic password; blank means no account, so every management request is refused. The
 *                 {@code postgres} profile requires 12 characters or more (RIGHTSFLOW_MONITORING_PASSWORD).
 */
@Validated
@ConfigurationProperties("rightsflow.monitoring")
record MonitoringAccount(@NotBlank String username, String password) {

    MonitoringAccount {
        password = password == null ? "" : password;
    }

    boolean configured() {
        return !password.isBlank();
    }
}
