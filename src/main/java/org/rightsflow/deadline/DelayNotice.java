package org.rightsflow.deadline;

/**
 * Where a law gives no extension of set length but lets the business answer later if it tells the subject in time
 * why, and by when it will answer (South Korea's PIPA, Singapore's PDPA: docs/legal-rules.md#delay-notice).
 *
 * @param latestDaysAfterDue how many calendar days after the statutory due date the promised date may lie at most: the
 *                           laws set no limit, so this house bound keeps a promise from becoming open-ended
 *                           (*unconfirmed*, configurable)
 * @param source             citation
 */
public record DelayNotice(int latestDaysAfterDue, String source) {
}
