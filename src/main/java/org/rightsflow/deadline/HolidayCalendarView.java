package org.rightsflow.deadline;

import java.time.LocalDate;

/**
 * A holiday calendar as staff see it.
 *
 * @param coverageFrom null for a calendar without holidays (it covers every date)
 * @param edited       whether the calendar in use comes from the editable directory, not the shipped file
 */
public record HolidayCalendarView(String id, String name, String source, LocalDate coverageFrom, LocalDate coverageTo,
                                  int holidays, boolean edited) {
}
