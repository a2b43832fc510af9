package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code rightsflow.*} record binds the shipped configuration, in both profiles, and a value of the wrong shape
 * stops the start-up with a message that names the setting.
 */
class SettingsBindingTest {

    // Production-strength values, as the postgres profile reads them from the environment.
    private static final String LINK_KEY = "3f9c1e8d2b7a4c6e0f5d9b1a8c3e7f2d4b6a0c9e1f3d5b7a9c2e4f6a8b0d1c3e";
    private static final String SUPPRESSION_KEY = "Rt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8Wz1Ex4R=";

    /** Only the records, bound from application.yml (and the test overrides) as the application binds them. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan
    static class Records {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Records.class);

    @Test
    void theShippedConfigurationBinds() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void thePostgresProfileBindsWithItsKeysFromTheEnvironment() {
        runner.withPropertyValues("spring.profiles.active=postgres", "RIGHTSFLOW_LINK_KEY=" + LINK_KEY,
                        "RIGHTSFLOW_SUPPRESSION_KEY=" + SUPPRESSION_KEY)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void thePostgresProfileWithoutItsKeysDoesNotStartAndSaysWhichToSet() {
        runner.withPropertyValues("spring.profiles.active=postgres")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("rightsflow.secrets")
                        .hasMessageContaining("must be set (RIGHTSFLOW_LINK_KEY)")
                        .hasMessageContaining("must be set (RIGHTSFLOW_SUPPRESSION_KEY)"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            rightsflow.secrets.link-key                  | ''                | linkKey
            rightsflow.public-url                        | localhost:8080    | publicUrl
            rightsflow.storage.directory                 | ''                | directory
            rightsflow.storage.kind                      | disk              | kind
            rightsflow.limits.mails-per-address-per-day  | 0                 | mailsPerAddressPerDay
            rightsflow.limits.request-form.per-client    | -1                | requestForm.perClient
            rightsflow.limits.status-page.per            | PT0S              | statusPage.per
            rightsflow.limits.staff-lockout.failures     | 0                 | staffLockout.failures
            rightsflow.limits.staff-lockout.longest-lock | PT10S             | longest-lock must be at least first-lock
            rightsflow.intake.max-backdating             | -P1D              | max-backdating must not be negative
            rightsflow.opt-out.batch-size                | 0                 | batchSize
            rightsflow.opt-out.max-per-call              | -5                | maxPerCall
            rightsflow.opt-out.default-regime            | ''                | defaultRegime
            rightsflow.mail.from                         | not-an-address    | from
            rightsflow.mail.max-attempts                 | 0                 | maxAttempts
            rightsflow.verification.link-validity        | ''                | linkValidity
            rightsflow.suppression.scan-cron             | ''                | scanCron
            rightsflow.demo.mailbox.port                 | 70000             | mailbox.port
            rightsflow.bootstrap.admin-email             | nobody            | adminEmail
            """)
    void aValueOfTheWrongShapeStopsTheStartAndNamesTheSetting(String setting, String value, String named) {
        runner.withPropertyValues(setting + "=" + value)
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'rightsflow")
                        .hasStackTraceContaining(named));
    }
}
