package org.rightsflow.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param refreshEvery how often the gauges of {@link OperationalMetrics} are counted again (a handful of count
 *                     queries each time); a scrape in between reads the last figures
 */
@ConfigurationProperties("rightsflow.metrics")
@Validated
record MetricsProperties(@NotNull Duration refreshEvery) {
}
