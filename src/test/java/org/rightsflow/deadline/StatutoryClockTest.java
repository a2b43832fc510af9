package org.rightsflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The clock's behaviour beyond the date table: zones, working days, missing holiday data, the record's invariants. */
class StatutoryClockTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void anInstantLateOn31JanuaryUtcIsAlready1FebruaryInTokyo() {
        Instant lateEvening = Instant.parse("2027-01-31T20:00:00Z");   // 05:00 on 1 Feb in Tokyo (UTC+9)
        StatutoryClock utc = StatutoryClock.shipped(ZoneOffset.UTC);
        StatutoryClock tokyo = StatutoryClock.shipped(TOKYO);

        assertThat(utc.dateOf(lateEvening)).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(tokyo.dateOf(lateEvening)).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(tokyo.zone()).isEqualTo(TOKYO);

        // CCPA 45 calendar days: from 31 Jan -> 17 Mar 2027; from 1 Feb -> 18 Mar 2027.
        StatutoryDeadline inUtc = utc.deadline(Regime.CCPA, RequestType.ACCESS, lateEvening);
        StatutoryDeadline inTokyo = tokyo.deadline(Regime.CCPA, RequestType.ACCESS, lateEvening);
        assertThat(inUtc.clockStart()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(inUtc.due()).isEqualTo(LocalDate.of(2027, 3, 17));
        assertThat(inTokyo.clockStart()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(inTokyo.due()).isEqualTo(LocalDate.of(2027, 3, 18));
    }

    @Test
    void isWorkingDayAnswersPerCalendar() {
        StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);
        assertThat(clock.isWorkingDay("US-FEDERAL", LocalDate.of(2027, 12, 31))).as("New Year 2028 observed").isFalse();
        assertThat(clock.isWorkingDay("US-FEDERAL", LocalDate.of(2027, 12, 30))).isTrue();
        assertThat(clock.isWorkingDay("UK-ENG-WLS", LocalDate.of(2028, 1, 3))).as("substitute day").isFalse();
        assertThat(clock.isWorkingDay("EU", LocalDate.of(2026, 4, 6))).as("Easter Monday, not EU-wide").isTrue();
        assertThat(clock.isWorkingDay("DE", LocalDate.of(2026, 4, 6))).as("Ostermontag").isFalse();
        assertThat(clock.isWorkingDay("NONE", LocalDate.of(2026, 12, 26))).as("Saturday").isFalse();
        assertThatThrownBy(() -> clock.isWorkingDay("US", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown holiday calendar id 'US'");
    }

    @Test
    void aDeadlineThatNeedsHolidayDataBeyondTheShippedYearsIsRefused() {
        StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);
        // 15 Dec 2028 + 1 month = 15 Jan 2029: whether that is a working day in the EU calendar is unknown.
        assertThatThrownBy(() -> clock.deadline(Regime.GDPR, RequestType.ACCESS, LocalDate.of(2028, 12, 15)))
                .isInstanceOf(HolidayDataMissingException.class)
                .hasMessageContaining("EU")
                .hasMessageContaining("2029-01-15")
                .hasMessageContaining("Adding a holiday year");
        // CCPA acknowledgement counts business days into 2029.
        assertThatThrownBy(() -> clock.deadline(Regime.CCPA, RequestType.ACCESS, LocalDate.of(2028, 12, 28)))
                .isInstanceOf(HolidayDataMissingException.class);
        // A calendar-day regime needs no holiday data, so it answers for any year.
        assertThat(clock.deadline(Regime.PIPEDA, RequestType.ACCESS, LocalDate.of(2031, 5, 1)).due())
                .isEqualTo(LocalDate.of(2031, 5, 31));
    }

    @Test
    void aRequestReceivedOnAHolidayStartsCountingBusinessDaysTheNextDay() {
        StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);
        // Received Thursday 26 Nov 2026 (Thanksgiving). Day of receipt never counts: Fri 27 (1), Mon 30 (2), Tue 1 (3),
        // Wed 2 (4), Thu 3 (5), Fri 4 (6), Mon 7 (7), Tue 8 (8), Wed 9 (9), Thu 10 Dec (10).
        StatutoryDeadline deadline = clock.deadline(Regime.CCPA, RequestType.DELETION, LocalDate.of(2026, 11, 26));
        assertThat(deadline.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void extensionAllowedIsTrueOnlyWhereTheRegimeHasAnExtension() {
        StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);
        LocalDate start = LocalDate.of(2026, 6, 1);
        assertThat(clock.deadline(Regime.GDPR, RequestType.ACCESS, start).extensionAllowed()).isTrue();
        assertThat(clock.deadline(Regime.CCPA, RequestType.ACCESS, start).extensionAllowed()).isTrue();
        assertThat(clock.deadline(Regime.CCPA, RequestType.OPT_OUT, start).extensionAllowed()).isFalse();
        assertThat(clock.deadline(Regime.LGPD, RequestType.ACCESS, start).extensionAllowed()).isFalse();
        assertThat(clock.deadline(Regime.QUEBEC_LAW25, RequestType.ACCESS, start).extensionAllowed()).isFalse();
    }

    @Test
    void theRecordRejectsAnExtendedDateBeforeTheDueDate() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> new StatutoryDeadline(Regime.GDPR, RequestType.ACCESS, day, day.plusDays(10),
                day.plusDays(5), null, true, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before due");
    }

    @Test
    void theClockNeedsAllItsParts() {
        assertThatThrownBy(() -> new StatutoryClock(RegimePolicies.shipped(), HolidayCalendars.shipped(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("zone");
    }

    @Test
    void afterAPauseTheDueDateMovesByThePausedDaysAndRollsLikeItsPeriod() {
        StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);
        // UK GDPR, a month period that rolls: due Monday 22 March 2027, paused 4 days -> Friday 26 March is Good
        // Friday, Saturday, Sunday, Monday 29 March Easter Monday -> Tuesday 30 March 2027.
        assertThat(clock.afterPause(Regime.UK_GDPR, RequestType.ACCESS, LocalDate.of(2027, 3, 22), 4))
                .isEqualTo(LocalDate.of(2027, 3, 30));
        // Paused 2 days: Wednesday 24 March, a working day, stays.
        assertThat(clock.afterPause(Regime.UK_GDPR, RequestType.ACCESS, LocalDate.of(2027, 3, 22), 2))
                .isEqualTo(LocalDate.of(2027, 3, 24));
        // Not paused at all: nothing moves, even if the due date itself is a rolled one.
        assertThat(clock.afterPause(Regime.UK_GDPR, RequestType.ACCESS, LocalDate.of(2027, 3, 22), 0))
                .isEqualTo(LocalDate.of(2027, 3, 22));
        // A calendar-day period (Virginia) is not rolled: Saturday stays Saturday.
        assertThat(clock.afterPause(Regime.VCDPA, RequestType.ACCESS, LocalDate.of(2027, 3, 17), 3))
                .isEqualTo(LocalDate.of(2027, 3, 20));
    }
}
