package org.rightsflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring: rightsflow.clock.* properties reach the StatutoryClock bean. */
class DeadlineConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(DeadlineConfiguration.class);

    @TempDir
    Path directory;

    @Test
    void withoutSettingsTheClockUsesUtcAndTheShippedRules() {
        contextRunner.run(context -> {
            StatutoryClock clock = context.getBean(StatutoryClock.class);
            assertThat(clock.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(clock.deadline(Regime.GDPR, RequestType.ACCESS, LocalDate.of(2027, 1, 31)).due())
                    .isEqualTo(LocalDate.of(2027, 3, 1));
        });
    }

    @Test
    void zoneHolidayDirectoryAndPolicyFileAreApplied() throws IOException {
        Path holidays = Files.createDirectory(directory.resolve("holidays"));
        Files.writeString(holidays.resolve("jp.yml"), """
                id: JP
                name: Japan (excerpt)
                source: https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html
                weekend: [SATURDAY, SUNDAY]
                coverage: {from: 2027-01-01, to: 2027-12-31}
                holidays:
                  - {date: 2027-03-01, name: Test holiday}
                """);
        Path policyFile = directory.resolve("policies.yml");
        Files.writeString(policyFile, """
                regimes:
                  GDPR:
                    calendar: JP
                    notGranted: [LIMIT_SENSITIVE]
                    noVerification: [OPT_OUT, LIMIT_SENSITIVE]
                    general:
                      response: {unit: MONTHS, amount: 1}
                      extended: {unit: MONTHS, amount: 3}
                      source: "test"
                """);

        contextRunner
                .withPropertyValues(
                        "rightsflow.clock.zone=Asia/Tokyo",
                        "rightsflow.clock.holiday-directory=" + holidays,
                        "rightsflow.clock.policy-file=" + policyFile)
                .run(context -> {
                    StatutoryClock clock = context.getBean(StatutoryClock.class);
                    assertThat(clock.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
                    assertThat(clock.policy(Regime.GDPR).calendarId()).isEqualTo("JP");
                    // 31 Jan 2027 -> Sun 28 Feb -> Mon 1 Mar is the test holiday -> Tue 2 Mar.
                    assertThat(clock.deadline(Regime.GDPR, RequestType.ACCESS, LocalDate.of(2027, 1, 31)).due())
                            .isEqualTo(LocalDate.of(2027, 3, 2));
                });
    }

    @Test
    void aBrokenPolicyFileStopsStartUpWithTheReason() throws IOException {
        Path policyFile = directory.resolve("broken.yml");
        Files.writeString(policyFile, "regimes: [");
        assertStartUpFails(policyFile, "broken.yml", "not valid YAML");
    }

    @Test
    void anUnknownValueInAPolicyFileStopsStartUpNamingItsPath() throws IOException {
        Path policyFile = directory.resolve("policies.yml");
        Files.writeString(policyFile, """
                regimes:
                  UK_GDPR:
                    calendar: UK-ENG-WLS
                    portabilityProvidedDataOnly: provided
                    noVerification: [OPT_OUT, LIMIT_SENSITIVE]
                    general:
                      response: {unit: MONTHS, amount: 1}
                      source: "test"
                """);
        assertStartUpFails(policyFile, "policies.yml: regimes.UK_GDPR.portabilityProvidedDataOnly: ",
                "expected true or false");
    }

    private void assertStartUpFails(Path policyFile, String where, String message) {
        contextRunner
                .withPropertyValues("rightsflow.clock.policy-file=" + policyFile)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable reason = context.getStartupFailure();
                    while (reason != null && !(reason instanceof IllegalArgumentException)) {
                        reason = reason.getCause();
                    }
                    assertThat(reason).as("an IllegalArgumentException in the cause chain")
                            .isNotNull()
                            .hasMessageContaining(where)
                            .hasMessageContaining(message);
                });
    }
}
