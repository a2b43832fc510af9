package org.rightsflow.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff administration ({@code rightsflow.staff-admin.*}, docs/administration.md).
 *
 * @param setPasswordLinkValidFor how long an emailed set-password link works (it works once, and only while it is
 *                                the person's newest link)
 */
@Validated
@ConfigurationProperties("rightsflow.staff-admin")
record StaffAdminProperties(@NotNull Duration setPasswordLinkValidFor) {
}
