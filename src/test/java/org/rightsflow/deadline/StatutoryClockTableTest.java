package org.rightsflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory clock against dates worked out by hand from docs/legal-rules.md and the shipped holiday calendars.
 * Each group of rows names the rules (anchors of docs/legal-rules.md) it checks; a row that follows another rule than
 * its group names it in the comment above it. Every expected date below was counted on a calendar, not copied from the
 * implementation's output; the comment above an awkward row shows the counting.
 *
 * <p>Conventions being checked: the clock start is day 0; MONTHS = same-numbered day (clamped to the month's end), rolled
 * past weekends and the regime's holidays, extended date from the clock start (not from the rolled due date);
 * CALENDAR_DAYS never rolled; BUSINESS_DAYS = the N-th working day strictly after the clock start (US-FEDERAL).
 * An empty acknowledgeBy means null (no acknowledgement required).
 */
class StatutoryClockTableTest {

    static final String CASES = """
            regime       | type            | clockStart | due        | extendedDue | acknowledgeBy | statutoryRight

            # ---- GDPR: 1 month / 3 months (Art. 12(3), Reg. 1182/71 Art. 3), EU calendar = 1 Jan and 25 Dec only ----
            # Rules: docs/legal-rules.md#gdpr-period, #gdpr-extension, #clock-start-day-zero, #month-periods,
            # #month-roll, #extension-from-clock-start, #holiday-calendars
            # 31 Jan 2027 + 1 month: no 31 Feb -> last day 28 Feb 2027, a Sunday -> Mon 1 Mar 2027.
            # Extended: 31 Jan + 3 months -> no 31 Apr -> Fri 30 Apr 2027. (From the rolled due date, 1 Mar + 2 months
            # would give Sat 1 May -> Mon 3 May: wrong. The extension runs from the clock start.)
            GDPR         | ACCESS          | 2027-01-31 | 2027-03-01 | 2027-04-30  |               | true
            # Leap year: 31 Jan 2028 + 1 month -> 29 Feb 2028 (Tue). +3 months -> 30 Apr 2028 (Sun) -> Mon 1 May
            # (1 May is not in the EU-wide list).
            GDPR         | PORTABILITY     | 2028-01-31 | 2028-02-29 | 2028-05-01  |               | true
            # Holiday roll: 25 Nov + 1 month = Fri 25 Dec 2026 (EU holiday) -> Sat, Sun -> Mon 28 Dec. +3 = Thu 25 Feb 2027.
            GDPR         | DELETION        | 2026-11-25 | 2026-12-28 | 2027-02-25  |               | true
            # 1 Dec + 1 month = Fri 1 Jan 2027 (holiday) -> Sat, Sun -> Mon 4 Jan. +3 = Mon 1 Mar 2027.
            GDPR         | CORRECTION      | 2026-12-01 | 2027-01-04 | 2027-03-01  |               | true
            # Received on a Sunday: still day 0. 15 Apr 2026 is a Wed; 15 Jun 2026 is a Mon.
            GDPR         | OPT_OUT         | 2026-03-15 | 2026-04-15 | 2026-06-15  |               | true
            # No LIMIT_SENSITIVE right under GDPR (#types-gdpr, #not-granted): general 1/3-month period, voluntarily.
            # Fri 10 Jul, Thu 10 Sep 2026.
            GDPR         | LIMIT_SENSITIVE | 2026-06-10 | 2026-07-10 | 2026-09-10  |               | false
            # Weekend roll of the extended date: 30 May + 3 months = Sun 30 Aug 2026 -> Mon 31 Aug. Due Tue 30 Jun.
            GDPR         | RESTRICTION     | 2026-05-30 | 2026-06-30 | 2026-08-31  |               | true
            # 31 Aug + 1 month: no 31 Sep -> Wed 30 Sep. +3 months: no 31 Nov -> Mon 30 Nov 2026.
            GDPR         | OBJECTION       | 2026-08-31 | 2026-09-30 | 2026-11-30  |               | true
            # Decision review (#decision-review, Art. 22(3)): 29 Jan 2027 + 1 month: no 29 Feb, so 28 Feb (Sun) -> Mon 1 Mar.
            GDPR         | DECISION_REVIEW | 2027-01-29 | 2027-03-01 | 2027-04-29  |               | true
            # 30 Jan 2028 + 1 month: no 30 Feb -> Tue 29 Feb (leap). +3 = Sun 30 Apr -> Mon 1 May 2028.
            GDPR         | ACCESS          | 2028-01-30 | 2028-02-29 | 2028-05-01  |               | true
            # Received on Christmas Day: 25 Jan 2028 is a Tue. +3 = Sat 25 Mar 2028 -> Mon 27 Mar.
            GDPR         | ACCESS          | 2027-12-25 | 2028-01-25 | 2028-03-27  |               | true
            # 30 Dec 2026 is a Wed. +3 months: no 30 Feb -> Sun 28 Feb 2027 -> Mon 1 Mar.
            GDPR         | ACCESS          | 2026-11-30 | 2026-12-30 | 2027-03-01  |               | true
            # 6 Apr 2026 is Easter Monday, a working day for the EU-wide calendar (contrast with DE in RegimePoliciesTest).
            # +3 = Sat 6 Jun 2026 -> Mon 8 Jun.
            GDPR         | ACCESS          | 2026-03-06 | 2026-04-06 | 2026-06-08  |               | true

            # ---- UK GDPR: 1 month / 3 months (ICO), England & Wales bank holidays incl. substitute days ----
            # Rules: docs/legal-rules.md#uk-gdpr-period, #uk-gdpr-extension, #clock-start-day-zero, #month-periods,
            # #month-roll, #extension-from-clock-start, #holiday-calendars
            # Bank-holiday roll: 25 Apr + 1 month = Mon 25 May 2026, Spring bank holiday -> Tue 26 May.
            # +3 = Sat 25 Jul -> Mon 27 Jul 2026.
            UK_GDPR      | ACCESS          | 2026-04-25 | 2026-05-26 | 2026-07-27  |               | true
            # As GDPR: 28 Feb 2027 is a Sunday -> Mon 1 Mar; 30 Apr 2027 is a Friday.
            UK_GDPR      | PORTABILITY     | 2027-01-31 | 2027-03-01 | 2027-04-30  |               | true
            # Sat 25 Dec 2027 -> Sun 26 -> Mon 27 (Christmas substitute) -> Tue 28 (Boxing Day substitute) -> Wed 29 Dec.
            # +3 = Fri 25 Feb 2028.
            UK_GDPR      | DELETION        | 2027-11-25 | 2027-12-29 | 2028-02-25  |               | true
            # 28 Mar 2026 is a Saturday -> Mon 30 Mar. +3 = Thu 28 May 2026.
            UK_GDPR      | CORRECTION      | 2026-02-28 | 2026-03-30 | 2026-05-28  |               | true
            # 26 Mar 2027 is Good Friday -> Sat, Sun, Mon 29 Mar (Easter Monday) -> Tue 30 Mar. +3 = Wed 26 May 2027.
            UK_GDPR      | OPT_OUT         | 2027-02-26 | 2027-03-30 | 2027-05-26  |               | true
            # No LIMIT_SENSITIVE right (#types-gdpr, #not-granted): general period. 3 Jan 2027 is a Sunday -> Mon 4 Jan
            # (1 Jan 2027 was a Friday, so there is no substitute day). +3 = Wed 3 Mar 2027.
            UK_GDPR      | LIMIT_SENSITIVE | 2026-12-03 | 2027-01-04 | 2027-03-03  |               | false
            # 3 Jan 2028 is the New Year's Day substitute (1 Jan 2028 is a Saturday) -> Tue 4 Jan. +3 = Fri 3 Mar 2028.
            UK_GDPR      | RESTRICTION     | 2027-12-03 | 2028-01-04 | 2028-03-03  |               | true
            # 31 Mar + 1 month: no 31 Apr -> Sun 30 Apr 2028 -> Mon 1 May, Early May bank holiday -> Tue 2 May.
            # +3 months: no 31 Jun -> Fri 30 Jun 2028.
            UK_GDPR      | OBJECTION       | 2028-03-31 | 2028-05-02 | 2028-06-30  |               | true
            # Decision review (#decision-review): 30 Apr 2027 + 1 month = Sun 30 May, Mon 31 May is the spring bank holiday -> Tue 1 Jun.
            UK_GDPR      | DECISION_REVIEW | 2027-04-30 | 2027-06-01 | 2027-07-30  |               | true
            # Sat 26 Dec 2026 -> Sun 27 -> Mon 28 (Boxing Day substitute) -> Tue 29 Dec. +3 = Fri 26 Feb 2027.
            UK_GDPR      | ACCESS          | 2026-11-26 | 2026-12-29 | 2027-02-26  |               | true

            # ---- CCPA: 45 / 90 calendar days, not rolled; acknowledge within 10 business days (US-FEDERAL) ----
            # Rules: docs/legal-rules.md#ccpa-period, #ccpa-extension, #ccpa-receipt-confirmation,
            # #clock-start-day-zero, #calendar-days-not-rolled, #business-days, #ccpa-business-days-us-list
            # Received Mon 2 Mar 2026. Due +45 = 16 Apr. Extended +90 = Sun 31 May 2026, NOT rolled (calendar days).
            # Ack: Tue 3 (1) Wed 4 (2) Thu 5 (3) Fri 6 (4) Mon 9 (5) ... Fri 13 (9) Mon 16 Mar (10).
            CCPA         | ACCESS          | 2026-03-02 | 2026-04-16 | 2026-05-31  | 2026-03-16    | true
            # Received Fri 20 Nov 2026. +45: 30 Nov is +10, 31 Dec +41 -> 4 Jan 2027; +90: 18 Feb 2027.
            # Ack over Thanksgiving: Mon 23 (1) Tue 24 (2) Wed 25 (3) [Thu 26 Thanksgiving] Fri 27 (4) Mon 30 (5)
            # Tue 1 Dec (6) Wed 2 (7) Thu 3 (8) Fri 4 (9) Mon 7 Dec (10).
            CCPA         | PORTABILITY     | 2026-11-20 | 2027-01-04 | 2027-02-18  | 2026-12-07    | true
            # Received Sat 4 Jul 2026 (Independence Day, observed Fri 3 Jul): the day of receipt is never counted.
            # Ack: Mon 6 (1) ... Fri 10 (5) Mon 13 (6) ... Fri 17 Jul (10). +45 = 18 Aug; +90 = 2 Oct 2026.
            CCPA         | DELETION        | 2026-07-04 | 2026-08-18 | 2026-10-02  | 2026-07-17    | true
            # Received Mon 20 Dec 2027. Ack: Tue 21 (1) Wed 22 (2) Thu 23 (3) [Fri 24 = Christmas observed] Mon 27 (4)
            # Tue 28 (5) Wed 29 (6) Thu 30 (7) [Fri 31 = New Year's Day 2028 observed] Mon 3 Jan (8) Tue 4 (9) Wed 5 (10).
            # +45 = 3 Feb 2028; +90 = Sun 19 Mar 2028 (leap February counted; not rolled).
            CCPA         | CORRECTION      | 2027-12-20 | 2028-02-03 | 2028-03-19  | 2028-01-05    | true
            # Opt-out (#ccpa-opt-out-period) over Christmas/New Year: received Fri 18 Dec 2026, 15 business days
            # (§7026), no extension, no ack.
            # Mon 21 (1) Tue 22 (2) Wed 23 (3) Thu 24 (4) [Fri 25 Christmas] Mon 28 (5) Tue 29 (6) Wed 30 (7) Thu 31 (8)
            # [Fri 1 Jan New Year] Mon 4 (9) Tue 5 (10) Wed 6 (11) Thu 7 (12) Fri 8 (13) Mon 11 (14) Tue 12 Jan 2027 (15).
            CCPA         | OPT_OUT         | 2026-12-18 | 2027-01-12 | 2027-01-12  |               | true
            # Limit (§7027, #ccpa-limit-period), received Mon 14 Jun 2027: Tue 15 (1) Wed 16 (2) Thu 17 (3)
            # [Fri 18 Juneteenth observed]
            # Mon 21 (4) ... Fri 25 (8) Mon 28 (9) Tue 29 (10) Wed 30 (11) Thu 1 Jul (12) Fri 2 (13)
            # [Mon 5 Jul Independence Day observed] Tue 6 (14) Wed 7 Jul (15).
            CCPA         | LIMIT_SENSITIVE | 2027-06-14 | 2027-07-07 | 2027-07-07  |               | true
            # Not granted under CCPA (#types-ccpa, #not-granted): general 45/90, no acknowledgement.
            # 15 Jan 2026 + 45 = Sun 1 Mar (not rolled);
            # + 90 = 15 Apr 2026.
            CCPA         | RESTRICTION     | 2026-01-15 | 2026-03-01 | 2026-04-15  |               | false
            # Not granted. 10 Feb 2028 + 45: 29 Feb is +19 -> Sun 26 Mar (not rolled); + 90 = 10 May 2028.
            CCPA         | OBJECTION       | 2028-02-10 | 2028-03-26 | 2028-05-10  |               | false
            # No decision-review right under CCPA (#decision-review, #not-granted): general 45/90 over the leap day, no acknowledgement.
            CCPA         | DECISION_REVIEW | 2028-02-14 | 2028-03-30 | 2028-05-14  |               | false

            # ---- Virginia CDPA: 45 / 90 calendar days for every granted type (OPT_OUT too), not rolled ----
            # Rules: docs/legal-rules.md#vcdpa-period, #vcdpa-extension, #us-state-opt-out-period, #types-us-states,
            # #not-granted (LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows), #calendar-days-not-rolled
            # 1 Jan 2026 + 45 = Sun 15 Feb (not rolled); + 90 = 1 Apr 2026.
            VCDPA        | ACCESS          | 2026-01-01 | 2026-02-15 | 2026-04-01  |               | true
            VCDPA        | PORTABILITY     | 2026-02-01 | 2026-03-18 | 2026-05-02  |               | true
            VCDPA        | DELETION        | 2026-12-31 | 2027-02-14 | 2027-03-31  |               | true
            # 15 Jan 2028 + 45: 31 Jan is +16 -> 29 Feb 2028 (leap day); + 90 = 14 Apr 2028.
            VCDPA        | CORRECTION      | 2028-01-15 | 2028-02-29 | 2028-04-14  |               | true
            # Opt-out under Virginia is 45 days, not the CCPA's 15 business days: 18 Dec 2026 + 45 = 1 Feb 2027.
            VCDPA        | OPT_OUT         | 2026-12-18 | 2027-02-01 | 2027-03-18  |               | true
            VCDPA        | LIMIT_SENSITIVE | 2027-03-01 | 2027-04-15 | 2027-05-30  |               | false
            # 4 Jul 2027 + 45 = 18 Aug; + 90 = 2 Oct 2027. Not granted: general period.
            VCDPA        | RESTRICTION     | 2027-07-04 | 2027-08-18 | 2027-10-02  |               | false
            VCDPA        | OBJECTION       | 2027-10-10 | 2027-11-24 | 2028-01-08  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            VCDPA        | DECISION_REVIEW | 2028-01-16 | 2028-03-01 | 2028-04-15  |               | false

            # ---- Colorado Privacy Act: 45 / 90 calendar days ----
            # Rules: docs/legal-rules.md#cpa-period, #cpa-extension, #us-state-opt-out-period, #types-us-states,
            # #not-granted (LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows), #calendar-days-not-rolled
            CPA          | ACCESS          | 2026-04-01 | 2026-05-16 | 2026-06-30  |               | true
            CPA          | PORTABILITY     | 2026-05-05 | 2026-06-19 | 2026-08-03  |               | true
            CPA          | DELETION        | 2026-06-30 | 2026-08-14 | 2026-09-28  |               | true
            CPA          | CORRECTION      | 2026-07-15 | 2026-08-29 | 2026-10-13  |               | true
            # 20 Aug 2026 + 45 = Sun 4 Oct (not rolled); + 90 = 18 Nov 2026.
            CPA          | OPT_OUT         | 2026-08-20 | 2026-10-04 | 2026-11-18  |               | true
            CPA          | LIMIT_SENSITIVE | 2026-09-09 | 2026-10-24 | 2026-12-08  |               | false
            CPA          | RESTRICTION     | 2026-10-31 | 2026-12-15 | 2027-01-29  |               | false
            # 11 Nov 2026 + 45 = Sat 26 Dec (not rolled); + 90 = 9 Feb 2027.
            CPA          | OBJECTION       | 2026-11-11 | 2026-12-26 | 2027-02-09  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            CPA          | DECISION_REVIEW | 2026-12-31 | 2027-02-14 | 2027-03-31  |               | false

            # ---- Connecticut Data Privacy Act: 45 / 90 calendar days ----
            # Rules: docs/legal-rules.md#ctdpa-period, #ctdpa-extension, #us-state-opt-out-period, #types-us-states,
            # #not-granted (LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows), #calendar-days-not-rolled
            CTDPA        | ACCESS          | 2027-01-05 | 2027-02-19 | 2027-04-05  |               | true
            # 14 Feb 2027 + 45: 28 Feb is +14 -> 31 Mar; + 90 = 15 May 2027.
            CTDPA        | PORTABILITY     | 2027-02-14 | 2027-03-31 | 2027-05-15  |               | true
            CTDPA        | DELETION        | 2027-03-20 | 2027-05-04 | 2027-06-18  |               | true
            CTDPA        | CORRECTION      | 2027-04-30 | 2027-06-14 | 2027-07-29  |               | true
            CTDPA        | OPT_OUT         | 2027-05-31 | 2027-07-15 | 2027-08-29  |               | true
            CTDPA        | LIMIT_SENSITIVE | 2027-06-15 | 2027-07-30 | 2027-09-13  |               | false
            CTDPA        | RESTRICTION     | 2027-08-01 | 2027-09-15 | 2027-10-30  |               | false
            CTDPA        | OBJECTION       | 2027-09-30 | 2027-11-14 | 2027-12-29  |               | false
            # Connecticut lets a consumer question a profiling decision from 1 Jul 2026 (#decision-review): received that day.
            CTDPA        | DECISION_REVIEW | 2026-07-01 | 2026-08-15 | 2026-09-29  |               | true

            # ---- Texas Data Privacy and Security Act: 45 / 90 calendar days ----
            # Rules: docs/legal-rules.md#tdpsa-period, #tdpsa-extension, #us-state-opt-out-period, #types-us-states,
            # #not-granted (LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows), #calendar-days-not-rolled
            # 1 Jan 2028 + 45 = 15 Feb; + 90: 29 Feb is +59 -> 31 Mar 2028.
            TDPSA        | ACCESS          | 2028-01-01 | 2028-02-15 | 2028-03-31  |               | true
            # Received on the leap day 29 Feb 2028: + 45 = 14 Apr; + 90 = 29 May 2028.
            TDPSA        | PORTABILITY     | 2028-02-29 | 2028-04-14 | 2028-05-29  |               | true
            TDPSA        | DELETION        | 2028-03-15 | 2028-04-29 | 2028-06-13  |               | true
            TDPSA        | CORRECTION      | 2028-04-10 | 2028-05-25 | 2028-07-09  |               | true
            # 20 May 2028 + 45 = Tue 4 Jul 2028, Independence Day: calendar days are NOT rolled past holidays.
            TDPSA        | OPT_OUT         | 2028-05-20 | 2028-07-04 | 2028-08-18  |               | true
            TDPSA        | LIMIT_SENSITIVE | 2028-06-01 | 2028-07-16 | 2028-08-30  |               | false
            TDPSA        | RESTRICTION     | 2028-07-31 | 2028-09-14 | 2028-10-29  |               | false
            TDPSA        | OBJECTION       | 2028-08-15 | 2028-09-29 | 2028-11-13  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            TDPSA        | DECISION_REVIEW | 2027-11-17 | 2028-01-01 | 2028-02-15  |               | false

            # ---- Utah Consumer Privacy Act: 45 / 90 calendar days; no CORRECTION right ----
            # Rules: docs/legal-rules.md#ucpa-period, #ucpa-extension, #us-state-opt-out-period, #types-us-states,
            # #types-utah, #not-granted (CORRECTION, LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows),
            # #calendar-days-not-rolled
            UCPA         | ACCESS          | 2028-09-01 | 2028-10-16 | 2028-11-30  |               | true
            UCPA         | PORTABILITY     | 2028-10-01 | 2028-11-15 | 2028-12-30  |               | true
            # Extended date 30 Jan 2029 is past the holiday data (2026-2028); calendar days need no calendar, so fine.
            UCPA         | DELETION        | 2028-11-01 | 2028-12-16 | 2029-01-30  |               | true
            # Utah grants no correction right: general period, statutoryRight false. 31 Jan 2026 + 45 = 17 Mar;
            # + 90 = 1 May 2026.
            UCPA         | CORRECTION      | 2026-01-31 | 2026-03-17 | 2026-05-01  |               | false
            UCPA         | OPT_OUT         | 2026-03-31 | 2026-05-15 | 2026-06-29  |               | true
            UCPA         | LIMIT_SENSITIVE | 2026-04-15 | 2026-05-30 | 2026-07-14  |               | false
            UCPA         | RESTRICTION     | 2026-06-01 | 2026-07-16 | 2026-08-30  |               | false
            UCPA         | OBJECTION       | 2026-07-20 | 2026-09-03 | 2026-10-18  |               | false
            # Not granted (#decision-review, #not-granted): 31 Dec 2028 + 45 = 14 Feb 2029; past the holiday data, calendar days need none.
            UCPA         | DECISION_REVIEW | 2028-12-31 | 2029-02-14 | 2029-03-31  |               | false

            # ---- Oregon Consumer Privacy Act: 45 / 90 calendar days (the extension is unconfirmed, configurable) ----
            # Rules: docs/legal-rules.md#ocpa-period, #ocpa-extension, #us-state-opt-out-period, #types-us-states,
            # #not-granted (LIMIT_SENSITIVE, RESTRICTION, OBJECTION rows), #calendar-days-not-rolled
            OCPA         | ACCESS          | 2026-09-15 | 2026-10-30 | 2026-12-14  |               | true
            OCPA         | PORTABILITY     | 2026-10-15 | 2026-11-29 | 2027-01-13  |               | true
            # 30 Nov 2026 + 45 = 14 Jan 2027; + 90 = 28 Feb 2027 (a Sunday; not rolled).
            OCPA         | DELETION        | 2026-11-30 | 2027-01-14 | 2027-02-28  |               | true
            OCPA         | CORRECTION      | 2026-12-25 | 2027-02-08 | 2027-03-25  |               | true
            OCPA         | OPT_OUT         | 2027-01-10 | 2027-02-24 | 2027-04-10  |               | true
            OCPA         | LIMIT_SENSITIVE | 2027-02-01 | 2027-03-18 | 2027-05-02  |               | false
            OCPA         | RESTRICTION     | 2027-03-03 | 2027-04-17 | 2027-06-01  |               | false
            OCPA         | OBJECTION       | 2027-04-04 | 2027-05-19 | 2027-07-03  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            OCPA         | DECISION_REVIEW | 2027-02-28 | 2027-04-14 | 2027-05-29  |               | false

            # ---- LGPD: 15 calendar days, no extension (extendedDue = due); all types granted ----
            # Rules: docs/legal-rules.md#lgpd-period, #lgpd-extension, #types-other-regimes, #calendar-days-not-rolled
            LGPD         | ACCESS          | 2026-01-01 | 2026-01-16 | 2026-01-16  |               | true
            # 20 Feb 2026 + 15 = Sat 7 Mar (not rolled).
            LGPD         | PORTABILITY     | 2026-02-20 | 2026-03-07 | 2026-03-07  |               | true
            # 20 Feb 2028 + 15: 29 Feb is +9 -> 6 Mar 2028.
            LGPD         | DELETION        | 2028-02-20 | 2028-03-06 | 2028-03-06  |               | true
            LGPD         | CORRECTION      | 2026-12-25 | 2027-01-09 | 2027-01-09  |               | true
            LGPD         | OPT_OUT         | 2027-05-20 | 2027-06-04 | 2027-06-04  |               | true
            LGPD         | LIMIT_SENSITIVE | 2027-06-30 | 2027-07-15 | 2027-07-15  |               | true
            LGPD         | RESTRICTION     | 2027-08-17 | 2027-09-01 | 2027-09-01  |               | true
            LGPD         | OBJECTION       | 2027-12-31 | 2028-01-15 | 2028-01-15  |               | true
            # LGPD Art. 20 review of an automated decision (#decision-review): 20 Feb 2028 + 15 over the leap day = 6 Mar.
            LGPD         | DECISION_REVIEW | 2028-02-20 | 2028-03-06 | 2028-03-06  |               | true

            # ---- PIPEDA: 30 / 60 calendar days; all types granted ----
            # Rules: docs/legal-rules.md#pipeda-period, #pipeda-extension, #types-other-regimes,
            # #calendar-days-not-rolled
            # 31 Jan 2026 + 30: 28 Feb is +28 -> 2 Mar; + 60 = 1 Apr 2026.
            PIPEDA       | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-04-01  |               | true
            # Leap year: 31 Jan 2028 + 30: 29 Feb is +29 -> 1 Mar; + 60 = 31 Mar 2028.
            PIPEDA       | PORTABILITY     | 2028-01-31 | 2028-03-01 | 2028-03-31  |               | true
            PIPEDA       | DELETION        | 2026-03-10 | 2026-04-09 | 2026-05-09  |               | true
            PIPEDA       | CORRECTION      | 2026-06-15 | 2026-07-15 | 2026-08-14  |               | true
            PIPEDA       | OPT_OUT         | 2026-08-01 | 2026-08-31 | 2026-09-30  |               | true
            PIPEDA       | LIMIT_SENSITIVE | 2026-11-20 | 2026-12-20 | 2027-01-19  |               | true
            PIPEDA       | RESTRICTION     | 2027-02-15 | 2027-03-17 | 2027-04-16  |               | true
            PIPEDA       | OBJECTION       | 2027-12-15 | 2028-01-14 | 2028-02-13  |               | true
            # No decision-review right (#decision-review, #not-granted): the general period.
            PIPEDA       | DECISION_REVIEW | 2027-01-30 | 2027-03-01 | 2027-03-31  |               | false

            # ---- Quebec Law 25: 30 calendar days, no extension; all types granted ----
            # Rules: docs/legal-rules.md#quebec-law25-period, #quebec-law25-extension, #types-other-regimes,
            # #calendar-days-not-rolled
            QUEBEC_LAW25 | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            QUEBEC_LAW25 | PORTABILITY     | 2027-01-31 | 2027-03-02 | 2027-03-02  |               | true
            # Leap year: 31 Jan 2028 + 30 = 1 Mar 2028 (in 2027 the same count gives 2 Mar).
            QUEBEC_LAW25 | DELETION        | 2028-01-31 | 2028-03-01 | 2028-03-01  |               | true
            QUEBEC_LAW25 | CORRECTION      | 2026-04-30 | 2026-05-30 | 2026-05-30  |               | true
            QUEBEC_LAW25 | OPT_OUT         | 2026-07-01 | 2026-07-31 | 2026-07-31  |               | true
            QUEBEC_LAW25 | LIMIT_SENSITIVE | 2026-09-30 | 2026-10-30 | 2026-10-30  |               | true
            # 2 Dec 2026 + 30 = 1 Jan 2027, a public holiday; not rolled (calendar days).
            QUEBEC_LAW25 | RESTRICTION     | 2026-12-02 | 2027-01-01 | 2027-01-01  |               | true
            QUEBEC_LAW25 | OBJECTION       | 2027-10-01 | 2027-10-31 | 2027-10-31  |               | true
            # Quebec s. 12.1 (#decision-review): 27 Feb 2026 + 30 = Sun 29 Mar (not rolled).
            QUEBEC_LAW25 | DECISION_REVIEW | 2026-02-27 | 2026-03-29 | 2026-03-29  |               | true

            # ---- Montana: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#mt-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            MTCDPA         | ACCESS          | 2026-01-15 | 2026-03-01 | 2026-04-15  |               | true
            MTCDPA         | PORTABILITY     | 2026-11-16 | 2026-12-31 | 2027-02-14  |               | true
            # 31 Dec 2027 + 45 = 14 Feb 2028; + 90 = 30 Mar 2028 (across the year end and the leap day).
            MTCDPA         | DELETION        | 2027-12-31 | 2028-02-14 | 2028-03-30  |               | true
            MTCDPA         | CORRECTION      | 2028-01-15 | 2028-02-29 | 2028-04-14  |               | true
            # Received on the leap day: 29 Feb 2028 + 45 = 14 Apr; + 90 = 29 May 2028 (Memorial Day; not rolled).
            MTCDPA         | OPT_OUT         | 2028-02-29 | 2028-04-14 | 2028-05-29  |               | true
            MTCDPA         | LIMIT_SENSITIVE | 2026-12-31 | 2027-02-14 | 2027-03-31  |               | false
            MTCDPA         | RESTRICTION     | 2027-07-17 | 2027-08-31 | 2027-10-15  |               | false
            MTCDPA         | OBJECTION       | 2028-11-01 | 2028-12-16 | 2029-01-30  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            MTCDPA         | DECISION_REVIEW | 2027-05-17 | 2027-07-01 | 2027-08-15  |               | false

            # ---- Iowa: 90 / 135 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#ia-regime, #new-us-regimes, #types-new-us-states, #types-iowa, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            # Iowa: 90 days, 135 if extended. 1 Jan 2026 + 90 = 1 Apr; + 135 = Sat 16 May 2026 (not rolled).
            IACDPA         | ACCESS          | 2026-01-01 | 2026-04-01 | 2026-05-16  |               | true
            # 1 Dec 2027 + 90 lands on the leap day, 29 Feb 2028; + 135 = 14 Apr 2028.
            IACDPA         | PORTABILITY     | 2027-12-01 | 2028-02-29 | 2028-04-14  |               | true
            IACDPA         | DELETION        | 2028-01-31 | 2028-04-30 | 2028-06-14  |               | true
            # Iowa grants no correction right (#types-iowa): the general 90 days, voluntarily. + 90 = Sun 28 Feb 2027.
            IACDPA         | CORRECTION      | 2026-11-30 | 2027-02-28 | 2027-04-14  |               | false
            # 3 Oct 2027 + 90 = Sat 1 Jan 2028, New Year's Day (not rolled).
            IACDPA         | OPT_OUT         | 2027-10-03 | 2028-01-01 | 2028-02-15  |               | true
            # Extended date 12 Feb 2029 is past the holiday data; calendar days need none.
            IACDPA         | LIMIT_SENSITIVE | 2028-09-30 | 2028-12-29 | 2029-02-12  |               | false
            IACDPA         | RESTRICTION     | 2026-03-31 | 2026-06-29 | 2026-08-13  |               | false
            IACDPA         | OBJECTION       | 2027-06-30 | 2027-09-28 | 2027-11-12  |               | false
            # No decision-review right in Iowa (#decision-review, #not-granted): 3 Dec 2027 + 90 over the leap February = 2 Mar 2028.
            IACDPA         | DECISION_REVIEW | 2027-12-03 | 2028-03-02 | 2028-04-16  |               | false

            # ---- Delaware: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#de-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            DPDPA          | ACCESS          | 2026-01-31 | 2026-03-17 | 2026-05-01  |               | true
            DPDPA          | PORTABILITY     | 2027-11-15 | 2027-12-30 | 2028-02-13  |               | true
            # 15 Jan 2028 + 45 = 29 Feb 2028, the leap day.
            DPDPA          | DELETION        | 2028-01-15 | 2028-02-29 | 2028-04-14  |               | true
            DPDPA          | CORRECTION      | 2026-07-04 | 2026-08-18 | 2026-10-02  |               | true
            DPDPA          | OPT_OUT         | 2027-02-28 | 2027-04-14 | 2027-05-29  |               | true
            DPDPA          | LIMIT_SENSITIVE | 2028-12-01 | 2029-01-15 | 2029-03-01  |               | false
            DPDPA          | RESTRICTION     | 2026-10-17 | 2026-12-01 | 2027-01-15  |               | false
            DPDPA          | OBJECTION       | 2027-04-30 | 2027-06-14 | 2027-07-29  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            DPDPA          | DECISION_REVIEW | 2026-11-16 | 2026-12-31 | 2027-02-14  |               | false

            # ---- Nebraska: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#ne-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            NEDPA          | ACCESS          | 2026-02-28 | 2026-04-14 | 2026-05-29  |               | true
            NEDPA          | PORTABILITY     | 2027-01-15 | 2027-03-01 | 2027-04-15  |               | true
            NEDPA          | DELETION        | 2028-02-14 | 2028-03-30 | 2028-05-14  |               | true
            NEDPA          | CORRECTION      | 2026-12-15 | 2027-01-29 | 2027-03-15  |               | true
            NEDPA          | OPT_OUT         | 2027-08-31 | 2027-10-15 | 2027-11-29  |               | true
            NEDPA          | LIMIT_SENSITIVE | 2028-06-30 | 2028-08-14 | 2028-09-28  |               | false
            NEDPA          | RESTRICTION     | 2026-09-16 | 2026-10-31 | 2026-12-15  |               | false
            NEDPA          | OBJECTION       | 2027-11-17 | 2028-01-01 | 2028-02-15  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            NEDPA          | DECISION_REVIEW | 2028-01-01 | 2028-02-15 | 2028-03-31  |               | false

            # ---- New Hampshire: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#nh-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            NHPA           | ACCESS          | 2026-03-31 | 2026-05-15 | 2026-06-29  |               | true
            NHPA           | PORTABILITY     | 2027-05-31 | 2027-07-15 | 2027-08-29  |               | true
            NHPA           | DELETION        | 2028-01-14 | 2028-02-28 | 2028-04-13  |               | true
            NHPA           | CORRECTION      | 2026-11-15 | 2026-12-30 | 2027-02-13  |               | true
            # Received on Christmas Day: day 0 all the same. + 45 = 8 Feb 2028; + 90 = 24 Mar 2028.
            NHPA           | OPT_OUT         | 2027-12-25 | 2028-02-08 | 2028-03-24  |               | true
            NHPA           | LIMIT_SENSITIVE | 2028-07-31 | 2028-09-14 | 2028-10-29  |               | false
            NHPA           | RESTRICTION     | 2026-05-17 | 2026-07-01 | 2026-08-15  |               | false
            NHPA           | OBJECTION       | 2027-09-30 | 2027-11-14 | 2027-12-29  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            NHPA           | DECISION_REVIEW | 2026-06-30 | 2026-08-14 | 2026-09-28  |               | false

            # ---- New Jersey: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#nj-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            NJDPA          | ACCESS          | 2026-01-14 | 2026-02-28 | 2026-04-14  |               | true
            NJDPA          | PORTABILITY     | 2027-10-31 | 2027-12-15 | 2028-01-29  |               | true
            NJDPA          | DELETION        | 2028-02-01 | 2028-03-17 | 2028-05-01  |               | true
            NJDPA          | CORRECTION      | 2026-06-30 | 2026-08-14 | 2026-09-28  |               | true
            NJDPA          | OPT_OUT         | 2027-03-17 | 2027-05-01 | 2027-06-15  |               | true
            NJDPA          | LIMIT_SENSITIVE | 2028-08-15 | 2028-09-29 | 2028-11-13  |               | false
            NJDPA          | RESTRICTION     | 2026-12-01 | 2027-01-15 | 2027-03-01  |               | false
            NJDPA          | OBJECTION       | 2027-07-01 | 2027-08-15 | 2027-09-29  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            NJDPA          | DECISION_REVIEW | 2027-03-31 | 2027-05-15 | 2027-06-29  |               | false

            # ---- Tennessee: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#tn-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            TIPA           | ACCESS          | 2026-07-01 | 2026-08-15 | 2026-09-29  |               | true
            # 31 Jan 2027 + 45 = 17 Mar 2027 (a non-leap February).
            TIPA           | PORTABILITY     | 2027-01-31 | 2027-03-17 | 2027-05-01  |               | true
            # 30 Jan 2028 + 45 = 15 Mar 2028 (29 Feb counted).
            TIPA           | DELETION        | 2028-01-30 | 2028-03-15 | 2028-04-29  |               | true
            TIPA           | CORRECTION      | 2026-12-30 | 2027-02-13 | 2027-03-30  |               | true
            TIPA           | OPT_OUT         | 2027-06-15 | 2027-07-30 | 2027-09-13  |               | true
            TIPA           | LIMIT_SENSITIVE | 2028-05-15 | 2028-06-29 | 2028-08-13  |               | false
            TIPA           | RESTRICTION     | 2026-08-31 | 2026-10-15 | 2026-11-29  |               | false
            TIPA           | OBJECTION       | 2027-10-15 | 2027-11-29 | 2028-01-13  |               | false
            # Not granted (#decision-review, #not-granted): 15 Nov 2028 + 45 = 30 Dec; + 90 = 13 Feb 2029.
            TIPA           | DECISION_REVIEW | 2028-11-15 | 2028-12-30 | 2029-02-13  |               | false

            # ---- Minnesota: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#mn-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            # A year after the law took effect (31 Jul 2025): 31 Jul 2026 + 45 = 14 Sep; + 90 = 29 Oct 2026.
            MNCDPA         | ACCESS          | 2026-07-31 | 2026-09-14 | 2026-10-29  |               | true
            MNCDPA         | PORTABILITY     | 2027-02-14 | 2027-03-31 | 2027-05-15  |               | true
            MNCDPA         | DELETION        | 2028-01-16 | 2028-03-01 | 2028-04-15  |               | true
            MNCDPA         | CORRECTION      | 2026-12-20 | 2027-02-03 | 2027-03-20  |               | true
            MNCDPA         | OPT_OUT         | 2027-05-31 | 2027-07-15 | 2027-08-29  |               | true
            MNCDPA         | LIMIT_SENSITIVE | 2028-10-31 | 2028-12-15 | 2029-01-29  |               | false
            MNCDPA         | RESTRICTION     | 2026-10-01 | 2026-11-15 | 2026-12-30  |               | false
            MNCDPA         | OBJECTION       | 2027-12-10 | 2028-01-24 | 2028-03-09  |               | false
            # Minnesota: the right to question a profiling decision (#decision-review). 15 Jan 2026 + 45 = Sun 1 Mar (not rolled).
            MNCDPA         | DECISION_REVIEW | 2026-01-15 | 2026-03-01 | 2026-04-15  |               | true

            # ---- Maryland: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#md-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            MODPA          | ACCESS          | 2026-10-01 | 2026-11-15 | 2026-12-30  |               | true
            MODPA          | PORTABILITY     | 2027-03-01 | 2027-04-15 | 2027-05-30  |               | true
            MODPA          | DELETION        | 2028-01-01 | 2028-02-15 | 2028-03-31  |               | true
            MODPA          | CORRECTION      | 2026-11-26 | 2027-01-10 | 2027-02-24  |               | true
            MODPA          | OPT_OUT         | 2027-08-15 | 2027-09-29 | 2027-11-13  |               | true
            MODPA          | LIMIT_SENSITIVE | 2028-04-30 | 2028-06-14 | 2028-07-29  |               | false
            MODPA          | RESTRICTION     | 2026-04-30 | 2026-06-14 | 2026-07-29  |               | false
            MODPA          | OBJECTION       | 2027-09-15 | 2027-10-30 | 2027-12-14  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            MODPA          | DECISION_REVIEW | 2027-07-19 | 2027-09-02 | 2027-10-17  |               | false

            # ---- Indiana: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#in-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            INCDPA         | ACCESS          | 2026-01-02 | 2026-02-16 | 2026-04-02  |               | true
            INCDPA         | PORTABILITY     | 2027-04-15 | 2027-05-30 | 2027-07-14  |               | true
            INCDPA         | DELETION        | 2028-02-15 | 2028-03-31 | 2028-05-15  |               | true
            INCDPA         | CORRECTION      | 2026-10-31 | 2026-12-15 | 2027-01-29  |               | true
            # Received on Thanksgiving (a Thursday and a US holiday): day 0 all the same.
            INCDPA         | OPT_OUT         | 2027-11-25 | 2028-01-09 | 2028-02-23  |               | true
            INCDPA         | LIMIT_SENSITIVE | 2028-03-31 | 2028-05-15 | 2028-06-29  |               | false
            INCDPA         | RESTRICTION     | 2026-06-15 | 2026-07-30 | 2026-09-13  |               | false
            INCDPA         | OBJECTION       | 2027-01-01 | 2027-02-15 | 2027-04-01  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            INCDPA         | DECISION_REVIEW | 2026-10-18 | 2026-12-02 | 2027-01-16  |               | false

            # ---- Kentucky: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#ky-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            KCDPA          | ACCESS          | 2026-05-31 | 2026-07-15 | 2026-08-29  |               | true
            KCDPA          | PORTABILITY     | 2027-06-01 | 2027-07-16 | 2027-08-30  |               | true
            KCDPA          | DELETION        | 2028-01-29 | 2028-03-14 | 2028-04-28  |               | true
            KCDPA          | CORRECTION      | 2026-02-01 | 2026-03-18 | 2026-05-02  |               | true
            KCDPA          | OPT_OUT         | 2027-09-30 | 2027-11-14 | 2027-12-29  |               | true
            KCDPA          | LIMIT_SENSITIVE | 2028-11-30 | 2029-01-14 | 2029-02-28  |               | false
            KCDPA          | RESTRICTION     | 2026-12-26 | 2027-02-09 | 2027-03-26  |               | false
            KCDPA          | OBJECTION       | 2027-05-01 | 2027-06-15 | 2027-07-30  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            KCDPA          | DECISION_REVIEW | 2028-05-31 | 2028-07-15 | 2028-08-29  |               | false

            # ---- Rhode Island: 45 / 90 calendar days, not rolled ----
            # Rules: docs/legal-rules.md#ri-regime, #new-us-regimes, #types-new-us-states, #not-granted,
            # #calendar-days-not-rolled, #extension-from-clock-start
            RIDTPPA        | ACCESS          | 2026-08-15 | 2026-09-29 | 2026-11-13  |               | true
            RIDTPPA        | PORTABILITY     | 2027-07-31 | 2027-09-14 | 2027-10-29  |               | true
            RIDTPPA        | DELETION        | 2028-01-31 | 2028-03-16 | 2028-04-30  |               | true
            RIDTPPA        | CORRECTION      | 2026-03-15 | 2026-04-29 | 2026-06-13  |               | true
            RIDTPPA        | OPT_OUT         | 2027-12-15 | 2028-01-29 | 2028-03-14  |               | true
            RIDTPPA        | LIMIT_SENSITIVE | 2028-10-15 | 2028-11-29 | 2029-01-13  |               | false
            RIDTPPA        | RESTRICTION     | 2026-11-11 | 2026-12-26 | 2027-02-09  |               | false
            RIDTPPA        | OBJECTION       | 2027-02-01 | 2027-03-18 | 2027-05-02  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            RIDTPPA        | DECISION_REVIEW | 2026-12-02 | 2027-01-16 | 2027-03-02  |               | false

            # ---- Switzerland (FADP): 30 calendar days (no extension), not rolled; calendar CH ----
            # Rules: docs/legal-rules.md#ch-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            # 31 Jan 2026 + 30: 28 Feb is day 28 -> 2 Mar 2026. No extension of set length (#ch-regime): extendedDue = due.
            FADP           | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            # 2 Jul 2026 + 30 = Sat 1 Aug, the Swiss national day; calendar days are not rolled (#calendar-days-not-rolled).
            FADP           | PORTABILITY     | 2026-07-02 | 2026-08-01 | 2026-08-01  |               | true
            # 30 Jan 2028 + 30 = 29 Feb 2028, the leap day.
            FADP           | DELETION        | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | true
            # 25 Nov 2026 + 30 = Fri 25 Dec (Christmas; not rolled).
            FADP           | CORRECTION      | 2026-11-25 | 2026-12-25 | 2026-12-25  |               | true
            FADP           | OPT_OUT         | 2027-11-30 | 2027-12-30 | 2027-12-30  |               | true
            FADP           | LIMIT_SENSITIVE | 2028-07-02 | 2028-08-01 | 2028-08-01  |               | false
            FADP           | RESTRICTION     | 2027-04-06 | 2027-05-06 | 2027-05-06  |               | true
            FADP           | OBJECTION       | 2026-12-31 | 2027-01-30 | 2027-01-30  |               | true
            # FADP Art. 21 (#decision-review): 2 Jul 2027 + 30 = Sun 1 Aug, the Swiss National Day (not rolled).
            FADP           | DECISION_REVIEW | 2027-07-02 | 2027-08-01 | 2027-08-01  |               | true

            # ---- South Korea (PIPA): 10 calendar days (no extension), rolled past weekends and holidays; calendar KR ----
            # Rules: docs/legal-rules.md#kr-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #kr-roll, #new-calendars
            # 10 days, rolled past weekends and Korean holidays (#kr-roll). 6 Feb 2026 + 10 = Mon 16 Feb, Seollal
            # (16-18 Feb) -> Thu 19 Feb 2026. No extension: extendedDue = due.
            PIPA_KR        | ACCESS          | 2026-02-06 | 2026-02-19 | 2026-02-19  |               | true
            # 14 Sep 2026 + 10 = Thu 24 Sep, Chuseok (24-26 Sep; the 26th is a Saturday, which gives Chuseok no
            # substitute day) -> Sun 27 -> Mon 28 Sep 2026.
            PIPA_KR        | PORTABILITY     | 2026-09-14 | 2026-09-28 | 2026-09-28  |               | true
            # 28 Jan 2027 + 10 = Sun 7 Feb, Seollal (6-8 Feb, and 9 Feb as the substitute for the Sunday) -> Wed 10 Feb.
            PIPA_KR        | DELETION        | 2027-01-28 | 2027-02-10 | 2027-02-10  |               | true
            # 19 Feb 2028 + 10 = Tue 29 Feb 2028, the leap day, a working day.
            PIPA_KR        | CORRECTION      | 2028-02-19 | 2028-02-29 | 2028-02-29  |               | true
            # 22 Sep 2028 + 10 = Mon 2 Oct, Chuseok (2-4 Oct, with National Foundation Day on the 3rd) and its
            # substitute day Thu 5 Oct -> Fri 6 Oct 2028.
            PIPA_KR        | OPT_OUT         | 2028-09-22 | 2028-10-06 | 2028-10-06  |               | true
            # No LIMIT_SENSITIVE right (#types-new-countries, #not-granted): general period, voluntarily. 22 Dec 2026 + 10
            # = Fri 1 Jan 2027 (New Year's Day) -> Sat, Sun -> Mon 4 Jan 2027.
            PIPA_KR        | LIMIT_SENSITIVE | 2026-12-22 | 2027-01-04 | 2027-01-04  |               | false
            # 15 May 2026 + 10 = Mon 25 May, the substitute day for Buddha's Birthday (Sun 24 May) -> Tue 26 May.
            PIPA_KR        | RESTRICTION     | 2026-05-15 | 2026-05-26 | 2026-05-26  |               | true
            # 24 May 2026 + 10 = Wed 3 Jun, the local elections (a public holiday) -> Thu 4 Jun 2026.
            PIPA_KR        | OBJECTION       | 2026-05-24 | 2026-06-04 | 2026-06-04  |               | true
            # PIPA Art. 37-2 (#decision-review): 5 Sep 2027 + 10 = Wed 15 Sep, Chuseok (14-16 Sep) -> rolled to Fri 17 Sep (#kr-roll).
            PIPA_KR        | DECISION_REVIEW | 2027-09-05 | 2027-09-17 | 2027-09-17  |               | true

            # ---- Singapore (PDPA): 30 calendar days (no extension), not rolled; calendar SG ----
            # Rules: docs/legal-rules.md#singapore-period, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            PDPA_SG        | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            # Singapore grants access and correction only (#types-new-countries): the others follow the 30 days voluntarily.
            PDPA_SG        | PORTABILITY     | 2027-01-09 | 2027-02-08 | 2027-02-08  |               | false
            PDPA_SG        | DELETION        | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | false
            PDPA_SG        | CORRECTION      | 2026-11-25 | 2026-12-25 | 2026-12-25  |               | true
            PDPA_SG        | OPT_OUT         | 2027-07-10 | 2027-08-09 | 2027-08-09  |               | true
            PDPA_SG        | LIMIT_SENSITIVE | 2028-11-30 | 2028-12-30 | 2028-12-30  |               | false
            PDPA_SG        | RESTRICTION     | 2026-06-15 | 2026-07-15 | 2026-07-15  |               | false
            # 31 Dec 2027 + 30 = Sun 30 Jan 2028 (not rolled).
            PDPA_SG        | OBJECTION       | 2027-12-31 | 2028-01-30 | 2028-01-30  |               | false
            # No decision-review right in Singapore (#decision-review, #not-granted): 30 Jan 2028 + 30 = 29 Feb 2028.
            PDPA_SG        | DECISION_REVIEW | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | false

            # ---- South Africa (POPIA): 30 calendar days (60), not rolled; calendar ZA ----
            # Rules: docs/legal-rules.md#za-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            # 30 days, 60 once extended (#za-regime). 31 Jan 2026 + 30 = 2 Mar; + 60 = 1 Apr 2026.
            POPIA          | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-04-01  |               | true
            POPIA          | PORTABILITY     | 2026-11-16 | 2026-12-16 | 2027-01-15  |               | false
            POPIA          | DELETION        | 2028-01-30 | 2028-02-29 | 2028-03-30  |               | true
            # 16 Dec 2026 + 60 = Sun 14 Feb 2027 (not rolled).
            POPIA          | CORRECTION      | 2026-12-16 | 2027-01-15 | 2027-02-14  |               | true
            POPIA          | OPT_OUT         | 2027-02-27 | 2027-03-29 | 2027-04-28  |               | true
            POPIA          | LIMIT_SENSITIVE | 2028-08-10 | 2028-09-09 | 2028-10-09  |               | false
            POPIA          | RESTRICTION     | 2027-11-26 | 2027-12-26 | 2028-01-25  |               | false
            # 21 Mar 2026 + 30 = 20 Apr; + 60 = 20 May 2026.
            POPIA          | OBJECTION       | 2026-03-21 | 2026-04-20 | 2026-05-20  |               | true
            # POPIA s. 71 (#decision-review): 16 Dec 2026 (Day of Reconciliation) + 30 = 15 Jan 2027; + 60 = Sun 14 Feb.
            POPIA          | DECISION_REVIEW | 2026-12-16 | 2027-01-15 | 2027-02-14  |               | true

            # ---- Turkey (KVKK): 30 calendar days (no extension), not rolled; calendar TR ----
            # Rules: docs/legal-rules.md#tr-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            KVKK           | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            KVKK           | PORTABILITY     | 2026-09-30 | 2026-10-30 | 2026-10-30  |               | false
            KVKK           | DELETION        | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | true
            # Across the year end: 31 Dec 2026 + 30 = 30 Jan 2027. No extension (#tr-regime).
            KVKK           | CORRECTION      | 2026-12-31 | 2027-01-30 | 2027-01-30  |               | true
            KVKK           | OPT_OUT         | 2027-03-24 | 2027-04-23 | 2027-04-23  |               | true
            KVKK           | LIMIT_SENSITIVE | 2028-07-15 | 2028-08-14 | 2028-08-14  |               | false
            KVKK           | RESTRICTION     | 2027-04-19 | 2027-05-19 | 2027-05-19  |               | false
            KVKK           | OBJECTION       | 2026-10-29 | 2026-11-28 | 2026-11-28  |               | true
            # KVKK Art. 11(1)(g) (#decision-review): 1 Feb 2028 + 30 over the leap day = 2 Mar.
            KVKK           | DECISION_REVIEW | 2028-02-01 | 2028-03-02 | 2028-03-02  |               | true

            # ---- Thailand (PDPA): 30 calendar days (no extension), not rolled; calendar TH ----
            # Rules: docs/legal-rules.md#th-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            PDPA_TH        | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            PDPA_TH        | PORTABILITY     | 2026-03-14 | 2026-04-13 | 2026-04-13  |               | true
            PDPA_TH        | DELETION        | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | true
            PDPA_TH        | CORRECTION      | 2026-12-01 | 2026-12-31 | 2026-12-31  |               | true
            PDPA_TH        | OPT_OUT         | 2027-12-31 | 2028-01-30 | 2028-01-30  |               | true
            # 13 Apr 2028 (Songkran) + 30 = 13 May 2028.
            PDPA_TH        | LIMIT_SENSITIVE | 2028-04-13 | 2028-05-13 | 2028-05-13  |               | false
            PDPA_TH        | RESTRICTION     | 2026-06-28 | 2026-07-28 | 2026-07-28  |               | true
            PDPA_TH        | OBJECTION       | 2027-09-23 | 2027-10-23 | 2027-10-23  |               | true
            # No decision-review right (#decision-review, #not-granted): the general period.
            PDPA_TH        | DECISION_REVIEW | 2027-03-15 | 2027-04-14 | 2027-04-14  |               | false

            # ---- Australia (Privacy Act, APP 12): 30 calendar days (no extension), not rolled; calendar AU ----
            # Rules: docs/legal-rules.md#au-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            # A reasonable period, shipped as 30 days (#au-regime, unconfirmed).
            PRIVACY_ACT_AU | ACCESS          | 2026-01-31 | 2026-03-02 | 2026-03-02  |               | true
            PRIVACY_ACT_AU | PORTABILITY     | 2026-12-26 | 2027-01-25 | 2027-01-25  |               | false
            PRIVACY_ACT_AU | DELETION        | 2028-01-30 | 2028-02-29 | 2028-02-29  |               | false
            PRIVACY_ACT_AU | CORRECTION      | 2027-03-26 | 2027-04-25 | 2027-04-25  |               | true
            # 25 Nov 2027 + 30 = Sat 25 Dec 2027 (not rolled).
            PRIVACY_ACT_AU | OPT_OUT         | 2027-11-25 | 2027-12-25 | 2027-12-25  |               | true
            PRIVACY_ACT_AU | LIMIT_SENSITIVE | 2028-03-26 | 2028-04-25 | 2028-04-25  |               | false
            PRIVACY_ACT_AU | RESTRICTION     | 2026-12-01 | 2026-12-31 | 2026-12-31  |               | false
            PRIVACY_ACT_AU | OBJECTION       | 2027-01-26 | 2027-02-25 | 2027-02-25  |               | false
            # No decision-review right (#decision-review, #not-granted): the general period.
            PRIVACY_ACT_AU | DECISION_REVIEW | 2028-12-01 | 2028-12-31 | 2028-12-31  |               | false

            # ---- Japan (APPI): 14 calendar days (no extension), not rolled; calendar JP ----
            # Rules: docs/legal-rules.md#jp-regime, #new-international-regimes, #types-new-countries, #not-granted,
            # #calendar-days-not-rolled, #new-calendars
            # "Without delay", shipped as 14 calendar days (#jp-regime, unconfirmed). 31 Jan 2026 + 14 = 14 Feb.
            APPI           | ACCESS          | 2026-01-31 | 2026-02-14 | 2026-02-14  |               | true
            APPI           | PORTABILITY     | 2026-09-08 | 2026-09-22 | 2026-09-22  |               | false
            # 15 Feb 2028 + 14 = 29 Feb 2028, the leap day.
            APPI           | DELETION        | 2028-02-15 | 2028-02-29 | 2028-02-29  |               | true
            APPI           | CORRECTION      | 2026-12-18 | 2027-01-01 | 2027-01-01  |               | true
            # 29 Apr 2027 (Showa Day) + 14 = 13 May 2027: Golden Week is counted like any days.
            APPI           | OPT_OUT         | 2027-04-29 | 2027-05-13 | 2027-05-13  |               | true
            APPI           | LIMIT_SENSITIVE | 2028-12-17 | 2028-12-31 | 2028-12-31  |               | false
            APPI           | RESTRICTION     | 2026-05-01 | 2026-05-15 | 2026-05-15  |               | true
            # 1 Jan 2027 + 14 = 15 Jan 2027.
            APPI           | OBJECTION       | 2027-01-01 | 2027-01-15 | 2027-01-15  |               | true
            # No decision-review right (#decision-review, #not-granted): the general period.
            APPI           | DECISION_REVIEW | 2026-12-28 | 2027-01-11 | 2027-01-11  |               | false
            """;

    private final StatutoryClock clock = StatutoryClock.shipped(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(delimiter = '|', useHeadersInDisplayName = true, textBlock = CASES)
    void computesTheStatutoryDates(Regime regime, RequestType type, LocalDate clockStart, LocalDate due,
                                   LocalDate extendedDue, LocalDate acknowledgeBy, boolean statutoryRight) {
        StatutoryDeadline deadline = clock.deadline(regime, type, clockStart);

        assertThat(deadline.regime()).isEqualTo(regime);
        assertThat(deadline.type()).isEqualTo(type);
        assertThat(deadline.clockStart()).isEqualTo(clockStart);
        assertThat(deadline.due()).as("due").isEqualTo(due);
        assertThat(deadline.extendedDue()).as("extendedDue").isEqualTo(extendedDue);
        assertThat(deadline.acknowledgeBy()).as("acknowledgeBy").isEqualTo(acknowledgeBy);
        assertThat(deadline.statutoryRight()).as("statutoryRight").isEqualTo(statutoryRight);
        assertThat(deadline.source()).as("source").isNotBlank();
    }

    @Test
    void everyRuleTheTableCitesIsARowOfTheLegalRules() throws java.io.IOException {
        String rules = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("basedir", ""))
                .toAbsolutePath().resolve("docs/legal-rules.md"));
        java.util.regex.Matcher cited = java.util.regex.Pattern.compile("#([a-z0-9]+(?:-[a-z0-9]+)+)").matcher(CASES);
        Set<String> missing = new java.util.TreeSet<>();
        int count = 0;
        while (cited.find()) {
            count++;
            if (!rules.contains("<a id=\"" + cited.group(1) + "\"></a>")) {
                missing.add(cited.group(1));
            }
        }
        assertThat(count).as("anchors cited").isGreaterThan(100);
        assertThat(missing).as("anchors cited by the table but absent from docs/legal-rules.md").isEmpty();
    }

    @Test
    void theTableCoversEveryRegimeAndEveryRequestType() {
        Set<String> covered = new HashSet<>();
        CASES.lines().skip(1)
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    String[] columns = line.split("\\|");
                    covered.add(Regime.valueOf(columns[0].strip()) + "/" + RequestType.valueOf(columns[1].strip()));
                });

        Set<String> missing = new HashSet<>();
        for (Regime regime : Regime.values()) {
            for (RequestType type : EnumSet.allOf(RequestType.class)) {
                if (!covered.contains(regime + "/" + type)) {
                    missing.add(regime + "/" + type);
                }
            }
        }
        assertThat(missing).as("regime/type combinations without a row").isEmpty();
    }
}
