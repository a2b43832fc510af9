package org.rightsflow.access;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access packages are delivered ({@code rightsflow.access-package}).
 *
 * @param linkValidFor        how long the subject can download after release; the package is deleted then
 * @param codeValidFor        how long an emailed one-time code works
 * @param codeAttempts        wrong entries of one code before it stops working
 * @param codesPerDay         codes one package may send in 24 hours, so the page cannot be used to flood a mailbox
 * @param ticketValidFor      how long the single-use download link opened by a code works
 * @param reviewBeforeRelease which requests staff review before release, as {@code REGIME:TYPE} entries; {@code *}
 *                            stands for any regime or type (e.g. {@code GDPR:ACCESS}, {@code *:PORTABILITY})
 * @param sweepInterval       how often expired packages are looked for and deleted
 */
@ConfigurationProperties("rightsflow.access-package")
record AccessPackageProperties(Duration linkValidFor, Duration codeValidFor, Integer codeAttempts, Integer codesPerDay,
                               Duration ticketValidFor, List<String> reviewBeforeRelease, Duration sweepInterval) {

    /** The request types answered with a package, the only ones a review can be configured for. */
    private static final List<RequestType> PACKAGED_TYPES = Arrays.stream(RequestType.values())
            .filter(RequestType::asksForCopy).toList();

    AccessPackageProperties {
        linkValidFor = linkValidFor == null ? Duration.ofDays(7) : linkValidFor;
        codeValidFor = codeValidFor == null ? Duration.ofMinutes(15) : codeValidFor;
        codeAttempts = codeAttempts == null ? 5 : codeAttempts;
        codesPerDay = codesPerDay == null ? 5 : codesPerDay;
        ticketValidFor = ticketValidFor == null ? Duration.ofMinutes(10) : ticketValidFor;
        reviewBeforeRelease = reviewBeforeRelease == null ? List.of()
                : reviewBeforeRelease.stream().filter(entry -> entry != null && !entry.isBlank()).toList();
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(5) : sweepInterval;
        for (String entry : reviewBeforeRelease) {
            parse(entry);
        }
    }

    boolean reviewRequired(Regime regime, RequestType type) {
        return reviewBeforeRelease.stream().map(AccessPackageProperties::parse)
                .anyMatch(rule -> (rule[0].equals("*") || rule[0].equals(regime.name()))
                        && (rule[1].equals("*") || rule[1].equals(type.name())));
    }

    /**
     * Checks one entry at start-up, so a typo stops the application instead of silently skipping a review. These are
     * checks against the domain (the regimes there are, the request types answered with a package), not of the
     * value's shape, so they stay here rather than in Bean Validation.
     */
    private static String[] parse(String entry) {
        String[] parts = entry.strip().toUpperCase(Locale.ROOT).split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("rightsflow.access-package.review-before-release: '" + entry
                    + "' is not REGIME:TYPE (e.g. GDPR:ACCESS or *:PORTABILITY)");
        }
        parts[0] = parts[0].strip();
        parts[1] = parts[1].strip();
        if (!parts[0].equals("*") && Arrays.stream(Regime.values()).noneMatch(r -> r.name().equals(parts[0]))) {
            throw new IllegalArgumentException("rightsflow.access-package.review-before-release: '" + parts[0]
                    + "' is not a regime; one of " + Arrays.toString(Regime.values()) + " or *");
        }
        if (!parts[1].equals("*") && PACKAGED_TYPES.stream().noneMatch(t -> t.name().equals(parts[1]))) {
            throw new IllegalArgumentException("rightsflow.access-package.review-before-release: '" + parts[1]
                    + "' has no package; one of " + PACKAGED_TYPES + " or *");
        }
        return parts;
    }
}
