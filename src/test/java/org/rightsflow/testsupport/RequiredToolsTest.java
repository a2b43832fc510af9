package org.rightsflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A missing browser skips the browser tests on a laptop, loudly, and fails them in CI (RIGHTSFLOW_REQUIRE_BROWSER);
 * Node for the BPMN lint the same, under its own variable (RIGHTSFLOW_REQUIRE_NODE).
 */
class RequiredToolsTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    void aPresentToolLetsTheTestsRunQuietly() {
        assertThat(RequiredTools.missing(true, "Chromium", "Install it.", true, out)).isNull();
        assertThat(RequiredTools.missing(true, "Chromium", "Install it.", false, out)).isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingToolIsASkipWithABannerOnADeveloperMachine() {
        String reason = RequiredTools.missing(false, "Chromium", "Install it.", false, out);

        assertThat(reason).startsWith("SKIPPED: Chromium is missing").contains("Install it.")
                .contains("RIGHTSFLOW_REQUIRE_BROWSER=true");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("*".repeat(100)).contains(reason);
    }

    @Test
    void aMissingToolIsAFailureWhereTheBrowserIsRequired() {
        assertThatThrownBy(() -> RequiredTools.missing(false, "Chromium", "Install it.", true, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Chromium is missing, and RIGHTSFLOW_REQUIRE_BROWSER=true requires it. Install it.");
    }

    @Test
    void missingNodeSkipsTheLintUnderItsOwnVariableAndFailsWhereNodeIsRequired() {
        String reason = RequiredTools.missing(false, "Node.js", "Install it.", RequiredTools.REQUIRE_NODE,
                "the BPMN models are not linted", false, out);
        assertThat(reason).isEqualTo("SKIPPED: Node.js is missing, so the BPMN models are not linted. Install it."
                + " (Set RIGHTSFLOW_REQUIRE_NODE=true to make this a failure, as CI does.)");

        assertThatThrownBy(() -> RequiredTools.missing(false, "Node.js", "Install it.", RequiredTools.REQUIRE_NODE,
                "the BPMN models are not linted", true, out))
                .hasMessage("Node.js is missing, and RIGHTSFLOW_REQUIRE_NODE=true requires it. Install it.");
    }
}
