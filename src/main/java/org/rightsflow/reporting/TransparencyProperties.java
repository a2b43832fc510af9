package org.rightsflow.reporting;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public transparency page ({@code rightsflow.transparency.*}).
 *
 * @param enabled  whether {@code /transparency} is published; when false the address is a 404
 * @param cacheFor how long the figures of a year are kept before they are counted again: a page anyone may open
 *                 must not let anyone make the database count every request of a year at will
 */
@Validated
@ConfigurationProperties("rightsflow.transparency")
public record TransparencyProperties(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("PT1H") @NotNull Duration cacheFor) {
}
