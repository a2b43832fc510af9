package org.rightsflow.deadline;

import org.rightsflow.support.YamlNode;
import java.util.Objects;

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
     * Reads:
     * <pre>
     * response: {unit: CALENDAR_DAYS, amount: 45}
     * extended: {unit: CALENDAR_DAYS, amount: 90}     # total, not the extra; omit or null for no extension
     * acknowledgement: {unit: BUSINESS_DAYS, amount: 10}   # omit or null when none is required
     * source: "..."
     * </pre>
     */
    static DeadlineRule fromYaml(YamlNode yaml) {
        yaml.allowOnly("response", "extended", "acknowledgement", "source");
        Period response = Period.fromYaml(yaml.node("response"));
        Period extended = yaml.optionalNode("extended").map(Period::fromYaml).orElse(null);
        Period acknowledgement = yaml.optionalNode("acknowledgement").map(Period::fromYaml).orElse(null);
        if (extended != null && (extended.unit() != response.unit() || extended.amount() <= response.amount())) {
            // Catches the easy mistake of writing the extra period ("45") instead of the total ("90").
            throw yaml.error("extended", "is the total period including the extension, so it must use the same unit as "
                    + "'response' (" + response.unit() + ") and be longer than " + response.amount() + "; found " + extended);
        }
        return new DeadlineRule(response, extended, acknowledgement, yaml.string("source"));
    }
}
