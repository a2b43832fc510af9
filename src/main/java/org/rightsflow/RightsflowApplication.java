package org.rightsflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Rightsflow: data subject requests from the customer's first click to the proof that the work was done.
 * Each direct sub-package is a Spring Modulith application module; see docs/architecture.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RightsflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsflowApplication.class, args);
    }

    /**
     * The one clock every module reads. It follows Camunda's engine clock, so a test that moves the engine's time
     * (ClockUtil) moves timestamps, deadlines and timers together; in production both are the system clock.
     */
    @Bean
    Clock clock() {
        return new EngineClock();
    }

    private static final class EngineClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The engine clock is always read in UTC");
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
