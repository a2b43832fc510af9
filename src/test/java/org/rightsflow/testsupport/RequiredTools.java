package org.rightsflow.testsupport;

import java.io.PrintStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a tool outside the JVM (headless Chromium, chromedriver, axe-core): on a developer
 * machine without the tool they are skipped, loudly; where {@code RIGHTSFLOW_REQUIRE_BROWSER=true} (CI) a missing
 * tool fails them, so browser tests can never be skipped there unnoticed.
 */
public final class RequiredTools {

    public static final String REQUIRE_BROWSER = "RIGHTSFLOW_REQUIRE_BROWSER";

    private RequiredTools() {
    }

    /**
     * Continues when {@code present}; otherwise skips the calling test (a JUnit assumption) or, when
     * {@value #REQUIRE_BROWSER} is {@code true}, fails it. Call it per test (e.g. in {@code @BeforeEach}), so that
     * the skipped tests are counted as skipped.
     *
     * @param what what is missing, e.g. "headless Chromium"
     * @param fix  how to get it, e.g. "Install the Debian packages chromium and chromium-driver."
     */
    public static void require(boolean present, String what, String fix) {
        String skip = missing(present, what, fix);
        if (skip != null) {
            Assumptions.abort(skip);
        }
    }

    /**
     * The same rule in two steps, for checks made once per class: {@code null} when {@code present}; when missing,
     * throws if {@value #REQUIRE_BROWSER} is {@code true}, else prints a banner and returns the reason to skip
     * each test with ({@link Assumptions#abort(String)}).
     */
    public static String missing(boolean present, String what, String fix) {
        return missing(present, what, fix, required(), System.err);
    }

    static String missing(boolean present, String what, String fix, boolean required, PrintStream log) {
        if (present) {
            return null;
        }
        if (required) {
            throw new IllegalStateException(what + " is missing, and " + REQUIRE_BROWSER + "=true requires it. " + fix);
        }
        String message = "SKIPPED: " + what + " is missing, so the browser tests do not run. " + fix
                + " (Set " + REQUIRE_BROWSER + "=true to make this a failure, as CI does.)";
        log.println();
        log.println("*".repeat(100));
        log.println("* " + message);
        log.println("*".repeat(100));
        log.println();
        return message;
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_BROWSER));
    }
}
