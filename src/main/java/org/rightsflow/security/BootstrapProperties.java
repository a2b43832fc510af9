package org.rightsflow.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first admin account of the postgres profile ({@code rightsflow.bootstrap.*}), created at start while no staff
 * account exists ({@link ProductionSafetyCheck}).
 *
 * @param adminEmail    the email address of that account
 * @param adminPassword its password, at least 12 characters and no demo password; empty: no account is created
 *                      (RIGHTSFLOW_BOOTSTRAP_ADMIN_PASSWORD)
 */
@Validated
@ConfigurationProperties("rightsflow.bootstrap")
record BootstrapProperties(@NotBlank @Email String adminEmail, String adminPassword) {

    BootstrapProperties {
        adminPassword = adminPassword == null ? "" : adminPassword;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "BootstrapProperties[" + adminEmail + ", password hidden]";
    }
}
