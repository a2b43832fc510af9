package org.rightsflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.testsupport.NodeScripts;
import org.rightsflow.testsupport.NodeScripts.Run;
import org.rightsflow.testsupport.RequiredTools;

/**
 * A second, independent reading of {@link StatutoryClockTableTest}'s table: src/test/js/statutory-table-check.mjs
 * recomputes every row from its own reading of docs/legal-rules.md and its own date arithmetic (no code shared with
 * the Java clock) and fails on any difference, so a wrong expected date cannot pass just because the clock computes
 * the same wrong date. Needs Node.js (20) on the PATH and nothing from npm; without Node it is skipped with one loud
 * line, or fails where {@code RIGHTSFLOW_REQUIRE_NODE=true} (CI), as BpmnLintTest.
 */
class StatutoryTableCrossCheckTest {

    private static final Path BASE_DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SCRIPT = BASE_DIR.resolve("src/test/js/statutory-table-check.mjs");
    private static final Path TABLE = BASE_DIR.resolve("src/test/java/org/rightsflow/deadline/StatutoryClockTableTest.java");
    private static final Path HOLIDAYS = BASE_DIR.resolve("src/main/resources/deadline/holidays");
    private static final long TIMEOUT_SECONDS = 60;

    private static String nodeMissing;

    @TempDir
    Path directory;

    @BeforeAll
    static void findNode() {
        nodeMissing = RequiredTools.missing(NodeScripts.nodeRuns(), "Node.js (node on the PATH)",
                "Install Node.js 20 (Debian: nodejs) to cross-check the deadline table.",
                RequiredTools.REQUIRE_NODE, "the deadline table is not cross-checked");
    }

    @BeforeEach
    void skipWithoutNode() {
        Assumptions.assumeTrue(nodeMissing == null, nodeMissing);
    }

    @Test
    void theScriptComputesEveryRowOfTheTableAlike() throws Exception {
        Run check = check(TABLE);

        assertThat(check.exitCode()).as("statutory-table-check.mjs:%n%s", check.output()).isZero();
        assertThat(check.output()).contains(" rows checked, 0 difference(s)");
    }

    @Test
    void theScriptFailsOnADateThatDiffersFromItsOwnReading() throws Exception {
        // Proves the check can fail: Iowa's 90 days taken for 45 (the mistake a copied row would make).
        String table = Files.readString(TABLE, StandardCharsets.UTF_8);
        String iowa = "IACDPA         | ACCESS          | 2026-01-01 | 2026-04-01 | 2026-05-16";
        assertThat(table).contains(iowa);
        Path wrong = directory.resolve("StatutoryClockTableTest.java");
        Files.writeString(wrong, table.replace(iowa, "IACDPA         | ACCESS          | 2026-01-01 | 2026-02-15 | 2026-05-16"));

        Run check = check(wrong);

        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("DIFF IACDPA ACCESS 2026-01-01: due is 2026-02-15 in the table, 2026-04-01");
    }

    @Test
    void theScriptFailsOnARegimeWithoutRows() throws Exception {
        String table = Files.readString(TABLE, StandardCharsets.UTF_8);
        Path partial = directory.resolve("StatutoryClockTableTest.java");
        Files.writeString(partial, table.lines().filter(line -> !line.strip().startsWith("APPI ")).reduce("",
                (all, line) -> all + line + "\n"));

        Run check = check(partial);

        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("MISSING APPI ACCESS");
    }

    private static Run check(Path table) throws Exception {
        return NodeScripts.run(List.of("node", SCRIPT.toString(), table.toString(), HOLIDAYS.toString()), BASE_DIR,
                TIMEOUT_SECONDS);
    }
}
