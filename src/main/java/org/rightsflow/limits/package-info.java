/**
 * Limits against abuse and bad input, in one place: rate limits per client address, per subject address and per API
 * key (Bucket4j; shared through PostgreSQL between nodes, in memory on the single-node H2 default), the daily budget
 * of emails the public forms may send one address, and the refusal of control characters in any form field or JSON
 * string. Controllers name their limit with {@link org.rightsflow.limits.Limited} or ask
 * {@link org.rightsflow.limits.RateLimits}; a spent limit is a {@link org.rightsflow.limits.LimitExceeded}, answered
 * with 429 and {@code Retry-After}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Limits")
package org.rightsflow.limits;
