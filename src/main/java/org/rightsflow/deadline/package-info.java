/**
 * The statutory clock: owns the data subject request regimes (GDPR, UK GDPR, CCPA/CPRA, the US state laws, LGPD,
 * PIPEDA, Quebec Law 25), their response, extension and acknowledgement periods, and the business calendars and
 * holidays those periods are counted against.
 *
 * <p>Plain Java with no Spring dependency in the core: other modules call {@link org.rightsflow.deadline.StatutoryClock}
 * as a pure function. The rules themselves are data ({@code deadline/regimes.yml} and
 * {@code deadline/holidays/*.yml} on the classpath), and each regime links the rows of docs/legal-rules.md it encodes.
 * {@link org.rightsflow.deadline.DeadlineConfiguration} is the only Spring-aware class.
 */
package org.rightsflow.deadline;
