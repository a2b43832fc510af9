package org.rightsflow.deadline;

/** How a statutory period is counted. */
enum PeriodUnit {
    /** Calendar months, Reg. (EEC, Euratom) 1182/71 Art. 3 / ICO: same-numbered day, clamped to the month's last day. */
    MONTHS,
    /** Calendar days counted from the day after the clock start; weekends and holidays count like any other day. */
    CALENDAR_DAYS,
    /** Working days of the regime's calendar, counted from the day after the clock start. */
    BUSINESS_DAYS
}
