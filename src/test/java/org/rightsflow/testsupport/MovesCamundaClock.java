package org.rightsflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Marks an integration test that moves Camunda's clock ({@code ClockUtil}). That clock is one static for the whole
 * JVM, and every application context Spring's test context cache keeps is alive with its job executor polling: a
 * moved clock would fire the timers of every other test's requests in the shared context (reminders, escalations,
 * batches), changing what later tests see. So these tests run in their own JVM (failsafe's execution
 * {@code moves-camunda-clock}, selected by this tag), and each class gets a fresh context that is closed after it,
 * so that only its own requests' timers fire.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("moves-camunda-clock")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface MovesCamundaClock {
}
