package org.rightsflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.rightsflow.support.RequiredText;
import org.rightsflow.support.YamlTree;

/**
 * The periods that apply to one kind of request under one regime.
 *
 * @param response        the period to act on the request
 * @param extended        the total period if the extension is used (e.g. 90 days for "45 + 45"), or null for none
 * @param acknowledgement the period to confirm receipt, or null when none is required
 * @param source          the citation
 */
record DeadlineRule(Period response, Period extended, Period acknowledgement, String source) {

    DeadlineRule {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(source, "source");
    }

    /**
     * A rule as written:
     * <pre>
     * response: {unit: CALENDAR_DAYS, amount: 45}
     * extended: {unit: CALENDAR_DAYS, amount: 90}     # total, not the extra; omit or null for no extension
     * acknowledgement: {unit: BUSINESS_DAYS, amount: 10}   # omit or null when none is required
     * source: "..."
     * </pre>
     */
    record RuleYaml(@NotNull(message = YamlTree.REQUIRED) @Valid Period.PeriodYaml response,
                    @Valid Period.PeriodYaml extended, @Valid Period.PeriodYaml acknowledgement,
                    @RequiredText String source) {

        /** The rule, after the check that spans two periods; {@code where} is this rule's place in the file. */
        DeadlineRule rule(YamlTree where) {
            Period response = this.response.period();
            Period extended = this.extended == null ? null : this.extended.period();
            if (extended != null && (extended.unit() != response.unit() || extended.amount() <= response.amount())) {
                // Catches the easy mistake of writing the extra period ("45") instead of the total ("90").
                throw where.at("extended").error("is the total period including the extension, so it must use the "
                        + "same unit as 'response' (" + response.unit() + ") and be longer than " + response.amount()
                        + "; found " + extended);
            }
            return new DeadlineRule(response, extended, acknowledgement == null ? null : acknowledgement.period(),
                    source.strip());
        }
    }
}
