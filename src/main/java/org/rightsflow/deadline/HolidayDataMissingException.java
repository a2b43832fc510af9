package org.rightsflow.deadline;

/**
 * A date has to be checked against a holiday calendar that has no holiday data for it (the calendar covers a fixed
 * range of years). Rather than guess (and risk a deadline later than the law's), the clock refuses; the fix is to add
 * the year's holidays (see docs/statutory-clock.md, "Adding a holiday year").
 */
public class HolidayDataMissingException extends IllegalStateException {

    HolidayDataMissingException(String message) {
        super(message);
    }
}
