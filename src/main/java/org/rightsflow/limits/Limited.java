package org.rightsflow.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method: every call spends one attempt of these limits' budgets for the calling client address,
 * before the method runs (even a malformed attempt counts, so guessing secrets gains nothing from errors). Limits
 * per subject address or per key are spent by the method itself through {@link RateLimits}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Limited {

    Limit[] value();
}
