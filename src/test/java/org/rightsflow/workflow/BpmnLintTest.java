package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.NodeScripts;
import org.rightsflow.testsupport.NodeScripts.Run;
import org.rightsflow.testsupport.RequiredTools;

/**
 * Every model in bpmn/ passes bpmn.io's linter with its recommended rules (bpmn/.bpmnlintrc), as the modellers'
 * Camunda Modeler would show it. bpmnlint is an npm package installed under src/test/js (package-lock.json pins
 * it); the test installs it with {@code npm ci} when node_modules is missing. It needs Node.js (20) on the PATH:
 * without it the test is skipped with one loud line, or fails where {@code RIGHTSFLOW_REQUIRE_NODE=true} (CI), by
 * {@link RequiredTools}' rule. The build itself never needs Node.
 */
class BpmnLintTest {

    private static final Path BASE_DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path MODELS = BASE_DIR.resolve("bpmn");
    private static final Path JS_TOOLS = BASE_DIR.resolve("src/test/js");
    private static final Path BROKEN_MODEL = BASE_DIR.resolve("src/test/resources/bpmnlint/unlabeled-gateway.bpmn");
    private static final long TIMEOUT_SECONDS = 120;

    private static String nodeMissing;

    @BeforeAll
    static void findNode() {
        nodeMissing = RequiredTools.missing(NodeScripts.nodeRuns(), "Node.js (node on the PATH)",
                "Install Node.js 20 with npm (Debian: nodejs npm) to lint the BPMN models.",
                RequiredTools.REQUIRE_NODE, "the BPMN models are not linted");
    }

    @BeforeEach
    void skipWithoutNode() {
        Assumptions.assumeTrue(nodeMissing == null, nodeMissing);
    }

    @Test
    void everyModelPassesTheRecommendedRules() throws Exception {
        List<String> models;
        try (Stream<Path> files = Files.list(MODELS)) {
            models = files.filter(file -> file.getFileName().toString().endsWith(".bpmn"))
                    .map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(models).as("models in %s", MODELS)
                .contains("data-subject-request.bpmn", "fulfil-in-system.bpmn");

        Run lint = bpmnlint(models);

        assertThat(lint.exitCode()).as("bpmnlint %s exited with %s:%n%s", models, lint.exitCode(), lint.output())
                .isZero();
    }

    @Test
    void lintFailsOnAModelWithAnUnlabeledGateway() throws Exception {
        // Proves the check above can fail: same configuration, a model that breaks label-required.
        Run lint = bpmnlint(List.of(BROKEN_MODEL.toString()));

        assertThat(lint.exitCode()).as("bpmnlint output:%n%s", lint.output()).isNotZero();
        assertThat(lint.output()).contains("unlabeled-choice", "label-required");
    }

    /** Runs bpmnlint from bpmn/, where it finds .bpmnlintrc. */
    private static Run bpmnlint(List<String> files) throws Exception {
        Path cli = bpmnlintCli();
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(files);
        return run(command, MODELS);
    }

    private static Path bpmnlintCli() throws Exception {
        String configured = System.getenv("RIGHTSFLOW_TEST_JS_TOOLS");
        if (configured != null && !configured.isBlank()) {
            Path cli = Path.of(configured).resolve("bpmnlint/bin/bpmnlint.js");
            if (!Files.isRegularFile(cli)) {
                fail("RIGHTSFLOW_TEST_JS_TOOLS=%s has no bpmnlint (%s missing); run `npm ci` in src/test/js.",
                        configured, cli);
            }
            return cli;
        }
        Path cli = JS_TOOLS.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
        if (!Files.isRegularFile(cli)) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), JS_TOOLS);
            if (install.exitCode() != 0 || !Files.isRegularFile(cli)) {
                fail("bpmnlint is not installed at %s and `npm ci` in %s failed (exit %s). Run it by hand:%n"
                        + "  cd src/test/js && npm ci%n%s", cli, JS_TOOLS, install.exitCode(), install.output());
            }
        }
        return cli;
    }

    private static Run run(List<String> command, Path directory) throws Exception {
        return NodeScripts.run(command, directory, TIMEOUT_SECONDS);
    }
}
