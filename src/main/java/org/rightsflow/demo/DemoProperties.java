package org.rightsflow.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo of the first look ({@code rightsflow.demo.*}); the postgres profile turns it off. The two switches are read
 * by the conditions of the demo's beans ({@code @ConditionalOnProperty}); this record declares them with the rest.
 *
 * @param enabled whether the demo shop, its connected systems and the demo staff accounts are created at start
 * @param shopUrl the JDBC address of the demo shop's own database, reached by the sql connector like any company
 *                database
 * @param mailbox the local SMTP server that receives every email the demo sends
 */
@Validated
@ConfigurationProperties("rightsflow.demo")
record DemoProperties(boolean enabled, String shopUrl, @Valid @NotNull Mailbox mailbox) {

    /**
     * @param enabled whether the demo runs its own SMTP server, readable at /demo/mailbox (never in the postgres
     *                profile); off: mail goes through a real server ({@code spring.mail.host})
     * @param host    the address the demo's SMTP server listens on
     * @param port    the port of the demo's SMTP server
     */
    record Mailbox(boolean enabled, String host, @NotNull @Min(0) @Max(65535) Integer port) {
    }
}
