package org.rightsflow.testsupport;

import java.io.PrintStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a tool outside the JVM (headless Chromium and chromedriver for the browser tests,
 * Node.js for the BPMN lint): on a developer machine without the tool they are skipped, loudly; where the tool's
 * requirement variable is {@code true} (CI sets {@value #REQUIRE_BROWSER} and {@value #REQUIRE_NODE}) a missing tool
 * fails them, so they can never be skipped there unnoticed.
 */
public final class RequiredTools {

    public static final String REQUIRE_BROWSER = "RIGHTSFLOW_REQUIRE_BROWSER";
    public static final String REQUIRE_NODE = "RIGHTSFLOW_REQUIRE_NODE";

    private RequiredTools() {
    }

    /**
     * Continues when {@code present}; otherwise skips the calling browser test (a JUnit assumption) or, when
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
        return missing(present, what, fix, REQUIRE_BROWSER, "the browser tests do not run");
    }

    /**
     * The rule for any tool: {@code requirement} names the variable that makes the tool required, {@code skipped}
     * says what does not run without it (e.g. "the BPMN models are not linted").
     */
    public static String missing(boolean present, String what, String fix, String requirement, String skipped) {
        return missing(present, what, fix, requirement, skipped, required(requirement), System.err);
    }

    static String missing(boolean present, String what, String fix, boolean required, PrintStream log) {
        return missing(present, what, fix, REQUIRE_BROWSER, "the browser tests do not run", required, log);
    }

    static String missing(boolean present, String what, String fix, String requirement, String skipped,
            boolean required, PrintStream log) {
        if (present) {
            return null;
        }
        if (required) {
            throw new IllegalStateException(what + " is missing, and " + requirement + "=true requires it. " + fix);
        }
        String message = "SKIPPED: " + what + " is missing, so " + skipped + ". " + fix
                + " (Set " + requirement + "=true to make this a failure, as CI does.)";
        log.println();
        log.println("*".repeat(100));
        log.println("* " + message);
        log.println("*".repeat(100));
        log.println();
        return message;
    }

    public static boolean required() {
        return required(REQUIRE_BROWSER);
    }

    static boolean required(String requirement) {
        return "true".equalsIgnoreCase(System.getenv(requirement));
    }
}
