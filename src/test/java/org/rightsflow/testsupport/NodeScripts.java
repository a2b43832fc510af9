package org.rightsflow.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js tools of src/test/js (bpmnlint, the deadline table's cross-check) for the tests that need them:
 * whether {@code node} runs at all, and one command with its exit code and output. Whether a missing Node skips or
 * fails a test is {@link RequiredTools}' rule.
 */
public final class NodeScripts {

    private NodeScripts() {
    }

    /** What a command returned: its exit code and everything it wrote, stdout and stderr together. */
    public record Run(int exitCode, String output) {
    }

    /** Whether {@code node --version} runs and succeeds. */
    public static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException notOnThePath) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the command in the directory and waits for it; a command that cannot start or does not finish in time
     * fails the test with what it wrote so far.
     */
    public static Run run(List<String> command, Path directory, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("node-script-", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException notFound) {
                return fail("Cannot run `%s`: %s. This test needs Node.js 20 (node and npm) on the PATH.",
                        command.get(0), notFound.getMessage());
            }
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                return fail("`%s` did not finish within %s s:%n%s", String.join(" ", command), timeoutSeconds,
                        output);
            }
            return new Run(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
