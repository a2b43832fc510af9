package org.rightsflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the browser on the page that is open, with the WCAG 2.0 and 2.1 level A and AA rules. The script
 * ({@value #SCRIPT}) comes from the classpath, out of a Maven test dependency (see pom.xml), so no Node is needed. It
 * goes in through WebDriver, which Chromium runs outside the page's Content-Security-Policy, so our strict
 * {@code script-src 'self'} need not be loosened for the tests.
 */
public final class Axe {

    public static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final String SCRIPT = "axe.min.js";

    private static final String RUN = """
            const tags = arguments[0];
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then(results => done({
                version: axe.version,
                violations: results.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({
                    target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(' | '),
                    html: n.html, summary: n.failureSummary || '' }))
                }))
              }))
              .catch(e => done({ error: String(e && e.stack || e) }));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    private static Axe loaded;

    /** axe-core, read from the classpath once per JVM. */
    public static synchronized Axe load() {
        if (loaded == null) {
            try (InputStream script = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (script == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the test classpath: the axe-core test"
                            + " dependency in pom.xml is missing.");
                }
                loaded = new Axe(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** Puts axe-core into the open page (unless it is there already) and checks that it arrived. */
    public void inject(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!"object".equals(js.executeScript("return typeof window.axe"))) {
            js.executeScript(source);
        }
        Object type = js.executeScript("return typeof window.axe");
        if (!"object".equals(type)) {
            throw new IllegalStateException("axe-core was injected into " + driver.getCurrentUrl()
                    + " but window.axe is " + type + ": did the page's Content-Security-Policy block it?");
        }
    }

    /** The WCAG 2 A/AA violations on the open page; an empty list when it passes. */
    @SuppressWarnings("unchecked")
    public List<Violation> violations(WebDriver driver) {
        inject(driver);
        Object raw = ((JavascriptExecutor) driver).executeAsyncScript(RUN, WCAG_A_AA);
        if (!(raw instanceof Map<?, ?> result) || result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": "
                    + (raw instanceof Map<?, ?> m ? m.get("error") : raw));
        }
        return ((List<Map<String, Object>>) result.get("violations")).stream().map(Violation::of).toList();
    }

    /** Fails with every violation spelled out (rule, impact, help, offending elements) unless there are none. */
    public void assertNoViolations(WebDriver driver, String page) {
        List<Violation> violations = violations(driver);
        if (!violations.isEmpty()) {
            String report = report(page + " (" + driver.getCurrentUrl() + ")", violations);
            System.err.println(report);
            throw new AssertionError(report);
        }
    }

    public static String report(String page, List<Violation> violations) {
        return violations.size() + " accessibility violation(s) (axe-core, " + String.join(", ", WCAG_A_AA)
                + ") on " + page + ":\n" + violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }

    /** One rule that failed, with the elements that failed it. */
    public record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

        @SuppressWarnings("unchecked")
        static Violation of(Map<String, Object> raw) {
            List<Node> nodes = ((List<Map<String, Object>>) raw.get("nodes")).stream()
                    .map(n -> new Node((String) n.get("target"), (String) n.get("html"), (String) n.get("summary")))
                    .toList();
            return new Violation((String) raw.get("id"), (String) raw.get("impact"), (String) raw.get("help"),
                    (String) raw.get("helpUrl"), nodes);
        }

        @Override
        public String toString() {
            return "- [" + impact + "] " + id + ": " + help + " (" + helpUrl + ")\n" + nodes.stream()
                    .map(n -> "    at " + n.target() + "\n       " + n.html() + "\n       "
                            + n.summary().replace("\n", "\n       "))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** An offending element: its CSS selector, its HTML, and axe's summary of how to fix it. */
    public record Node(String target, String html, String summary) {
    }
}
