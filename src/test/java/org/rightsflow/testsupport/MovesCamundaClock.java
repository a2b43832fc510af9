package org.rightsflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Marks an integration test that moves Camunda's clock ({@code ClockUtil}). That clock is one static for the whole
 * JVM, and every application context Spring's test context cache keeps is alive with its job executor polling: a
 * moved clock would fire the timers of every other test's requests in the shared context (reminders, escalations,
 * batches), changing what later tests see. So these tests run in their own JVM (failsafe's execution
 * {@code moves-camunda-clock}, selected by this tag), and each class gets a fresh context that is closed after it,
 * so that only its own requests' timers fire. After each test the clock is real time again, so no test starts on
 * the day another one left it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("moves-camunda-clock")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(MovesCamundaClock.RealTimeAfterEach.class)
public @interface MovesCamundaClock {

    /** Puts Camunda's clock back to real time after each test of a class marked {@link MovesCamundaClock}. */
    final class RealTimeAfterEach implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            ClockUtil.reset();
        }
    }
}
