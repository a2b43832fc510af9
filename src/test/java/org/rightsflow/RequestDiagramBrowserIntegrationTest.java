package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.FakeCompanyService;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.workflow.Incidents;
import org.rightsflow.workflow.ProcessModel;
import org.rightsflow.workflow.RequestDiagram;
import org.rightsflow.workflow.RequestDiagram.Mark;
import org.rightsflow.workflow.RequestDiagram.State;
import org.rightsflow.workflow.RequestDiagrams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The request page of issue 13 in a real Chromium: the facts first, then the BPMN diagram of the request drawn by
 * bpmn-js with the steps each system stands at highlighted and an incident marked, then the actions; axe-core on
 * the page with its diagram, also once the diagram was zoomed with its buttons and moved and zoomed with the keys. A deletion goes to the demo's shop database, support desk and mailing agency and to a
 * billing service that answers every call with 500, whose failed job is turned into an incident at once (its last
 * retry, without waiting out the back-off). A system owner gets no diagram, and one of another group no request.
 */
@RightsflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDiagramBrowserIntegrationTest {

    private static final String SECRET = "whsec-diagram-0123456789abcdef0123456789abcdef";
    private static final String BILLING = "Billing service";
    private static final String SUPPORT_DESK = "Support desk";
    /** A system owner of a group with no system in a deletion. */
    private static final String LEGAL_OWNER = "diagram-legal-owner";
    private static final String LEGAL_OWNER_PASSWORD = "diagram-legal-owner-password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    Incidents incidents;
    @Autowired
    RequestDiagrams diagrams;
    @Autowired
    StaffDirectory staff;

    private FakeCompanyService billing;
    private Journey journey;
    private String billingInstance;
    /** Where the billing service's part stopped: the step whose job failed. */
    private String incidentActivity;

    @BeforeAll
    void aDeletionWhoseBillingServiceIsBroken() throws Exception {
        staff.create(new NewStaffMember(LEGAL_OWNER, LEGAL_OWNER_PASSWORD, "Legal Owner", "legal-owner@example.com",
                EnumSet.of(StaffRole.SYSTEM_OWNER), Set.of("legal-team")));
        billing = new FakeCompanyService(SECRET).failingWith(500);
        Path secretFile = Files.createTempFile("billing-secret", ".txt");
        secretFile.toFile().deleteOnExit();
        billing.registerAsBilling(port, secretFile, "PT5S");

        journey = new Journey(port, "diagram");
        journey.submit("DELETION", "GDPR", "Please delete my account.");
        journey.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(journey.reference(), SUPPORT_DESK),
                link -> link != null);

        // The billing service's first attempt failed (500); its last retry fails the same way, so the incident is
        // made now instead of after the back-off of five retries.
        billingInstance = await().atMost(Journey.PATIENCE).until(this::billingInstance, id -> id != null);
        Job failed = await().atMost(Journey.PATIENCE).until(() -> management.createJobQuery()
                .processInstanceId(billingInstance).withException().singleResult(), job -> job != null);
        management.setJobRetries(failed.getId(), 0);
        Incident incident = runtime.createIncidentQuery().processInstanceId(billingInstance).singleResult();
        assertThat(incident).as("the billing service's incident").isNotNull();
        incidentActivity = incident.getActivityId();
    }

    @AfterAll
    void theBillingServiceRecoversAndLeaves() {
        try {
            if (billing != null && journey != null) {
                // Repaired, retried and done, so no incident of this class stays behind in the shared context.
                billing.failingWith(0).answeringNow("{\"summary\": \"Done.\"}");
                incidents.retryOf(journey.reference(), "test");
                await().atMost(Journey.PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                        .processInstanceId(billingInstance).singleResult() == null);
            }
        } finally {
            if (billing != null) {
                billing.close();
            }
            if (systems.exists("billing")) {
                systems.setActive("billing", false);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> theRequestPageShowsTheFactsFirstThenTheDiagramOfTheRequest() {
        return Stream.of(pages.check("request page with the diagram of the request", () -> {
            // Records what the Content-Security-Policy blocks, from the first line of every page on.
            ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of(
                    "source", "window.blockedByCsp = []; document.addEventListener('securitypolicyviolation', "
                            + "e => window.blockedByCsp.push(e.effectiveDirective + ' ' + e.blockedURI));"));
            pages.signIn("dpo", "dpo");
            pages.open("/staff/requests/" + journey.reference());
            browser.waitUntil(d -> browser.isPresent("#request-diagram[data-drawn=true]"));
            // Nothing but bpmn-js's own inline style attributes, whose rules rightsflow.css gives instead.
            @SuppressWarnings("unchecked")
            List<String> blocked = (List<String>) ((JavascriptExecutor) browser.driver())
                    .executeScript("return window.blockedByCsp;");
            assertThat(blocked).as("the recorder works: bpmn.io's logo carries an inline style").isNotEmpty()
                    .allMatch(violation -> violation.startsWith("style-src-attr "), "an inline style");

            // Facts, then the diagram, then the actions, then the record.
            assertThat(headings()).containsSubsequence("Facts", "Where the request stands in the process",
                    "Actions", "Deadline", "Timeline", "Messages");
            String facts = browser.find("#request-facts").getText();
            assertThat(facts).contains(journey.reference(), "Deletion", "GDPR", "Due", "days left",
                    "Status");
            assertThat(browser.find("#system-standings").getText())
                    .contains(BILLING + ": incident", SUPPORT_DESK + ": in progress");
            assertThat(facts).doesNotContain("DELETION");

            // The request's own model: it stands at the fan-out, where the billing service's incident shows too.
            WebElement fanOut = element(0, ProcessModel.Activities.FULFIL_IN_SYSTEMS);
            assertThat(fanOut.getAttribute("class")).contains("rf-incident");
            assertThat(element(0, ProcessModel.Activities.ACKNOWLEDGE).getAttribute("class")).contains("rf-done");
            // The per-system model: the support desk's task in progress, the billing service's step stopped.
            assertThat(element(1, ProcessModel.Activities.FULFIL_TASK).getAttribute("class")).contains("rf-active");
            assertThat(element(1, incidentActivity).getAttribute("class")).contains("rf-incident");
            assertThat(browser.find("#diagram-canvas-1").getText()).contains(SUPPORT_DESK, "! " + BILLING);
            assertThat(browser.find("#diagram-legend").isDisplayed()).isTrue();

            // The same in words, for screen readers and keyboards.
            List<String> steps = browser.driver().findElements(By.cssSelector("#diagram-steps li")).stream()
                    .map(WebElement::getText).toList();
            assertThat(steps).anyMatch(s -> s.startsWith("Incident: ") && s.endsWith("(system " + BILLING + ")"));
            assertThat(steps).anyMatch(s -> s.startsWith("In progress: ") && s.endsWith("(system " + SUPPORT_DESK + ")"));
            assertThat(browser.isPresent("#diagram-fallback")).as("the no-script text, once drawn").isFalse();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theDiagramIsMovedAndZoomedWithItsButtonsAndFromTheKeyboard() {
        return Stream.of(pages.check("request page with its diagram moved and zoomed from the keyboard", () -> {
            pages.signIn("dpo", "dpo");
            pages.open("/staff/requests/" + journey.reference());
            browser.waitUntil(d -> browser.isPresent("#request-diagram[data-drawn=true]"));
            WebElement canvas = browser.find("#diagram-canvas-0");
            List<WebElement> buttons = browser.driver().findElements(By.cssSelector(
                    "#request-diagram .diagram-figure:first-child .diagram-controls button"));
            assertThat(buttons).extracting(WebElement::getText).containsExactly("Zoom in", "Zoom out", "Fit to view");
            assertThat(buttons).allSatisfy(button -> assertThat(button.getAttribute("type")).isEqualTo("button"));
            assertThat(browser.find("#diagram-keys").isDisplayed()).isTrue();
            double[] fitted = viewport();

            // The buttons, reached and pressed with the keyboard.
            browser.tabTo(buttons.get(0), 200);
            browser.press(Keys.ENTER);
            double[] zoomedIn = viewport();
            assertThat(zoomedIn[0]).as("zoomed in").isGreaterThan(fitted[0]);
            browser.press(Keys.TAB);
            assertThat(browser.focused()).isEqualTo(buttons.get(1));
            browser.press(Keys.ENTER);
            assertThat(viewport()[0]).as("zoomed out").isLessThan(zoomedIn[0]);
            browser.press(Keys.TAB);
            browser.press(Keys.SPACE);
            assertThat(viewport()).as("fitted again").containsExactly(fitted, within(0.01));

            // Then the canvas itself, with a visible focus outline; the arrow keys move the diagram, not the page.
            browser.press(Keys.TAB);
            assertThat(browser.focused()).isEqualTo(canvas);
            assertThat(canvas.getCssValue("outline-style")).isEqualTo("solid");
            assertThat(canvas.getCssValue("outline-width")).isEqualTo("3px");
            Object scrolled = ((JavascriptExecutor) browser.driver()).executeScript("return window.scrollY;");
            browser.press(Keys.ARROW_LEFT);
            double[] moved = viewport();
            assertThat(moved[4]).as("moved to the left part").isGreaterThan(fitted[4]);
            assertThat(moved[0]).as("at the same zoom").isEqualTo(fitted[0], within(0.0001));
            browser.press(Keys.ARROW_UP);
            assertThat(viewport()[5]).as("moved to the upper part").isGreaterThan(moved[5]);
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.scrollY;"))
                    .as("the page stayed where it was").isEqualTo(scrolled);
            browser.press("+");
            double[] plus = viewport();
            assertThat(plus[0]).as("+ zooms in").isGreaterThan(fitted[0]);
            browser.press("-");
            assertThat(viewport()[0]).as("- zooms out").isLessThan(plus[0]);
            browser.press("0");
            assertThat(viewport()).as("0 fits it again").containsExactly(fitted, within(0.01));
            assertThat(browser.focused()).as("focus stays on the diagram").isEqualTo(canvas);
        }));
    }

    /** The first diagram's view as bpmn-js sets it: the matrix (scale, 0, 0, scale, x, y) of its viewport. */
    private static double[] viewport() {
        String transform = browser.find("#diagram-canvas-0 svg g.viewport").getAttribute("transform");
        assertThat(transform).startsWith("matrix(");
        return java.util.Arrays.stream(transform.substring("matrix(".length(), transform.length() - 1).split("[ ,]+"))
                .mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void theWorkflowApiMarksWhereEachSystemStandsAndTheIncident() {
        RequestDiagram diagram = diagrams.of(journey.reference()).orElseThrow();

        assertThat(diagram.pictures()).extracting(RequestDiagram.Picture::processKey)
                .containsExactly(ProcessModel.DATA_SUBJECT_REQUEST, ProcessModel.FULFIL_IN_SYSTEM);
        assertThat(diagram.pictures()).allSatisfy(picture -> assertThat(picture.bpmnXml())
                .contains("<bpmn:process id=\"" + picture.processKey() + "\""));
        List<Mark> ofSystems = diagram.pictures().get(1).marks();
        assertThat(ofSystems).contains(new Mark(incidentActivity, nameOf(ofSystems, incidentActivity), State.INCIDENT,
                BILLING));
        assertThat(ofSystems).anySatisfy(mark -> {
            assertThat(mark.system()).isEqualTo(SUPPORT_DESK);
            assertThat(mark.activityId()).isEqualTo(ProcessModel.Activities.FULFIL_TASK);
            assertThat(mark.state()).isEqualTo(State.ACTIVE);
            assertThat(mark.activityName()).as("the task's name, not its expression").doesNotContain("${")
                    .contains(SUPPORT_DESK);
        });
        assertThat(ofSystems).as("what ran before").contains(new Mark(ProcessModel.Activities.PREPARE_SYSTEM_TASK,
                "Load system", State.DONE, BILLING));
        assertThat(diagram.pictures().get(0).marks()).contains(new Mark(ProcessModel.Activities.FULFIL_IN_SYSTEMS,
                "Fulfil in each system in scope", State.INCIDENT, null));
        assertThat(diagram.systems()).anySatisfy(position -> {
            assertThat(position.system()).isEqualTo(BILLING);
            assertThat(position.incidents()).hasSize(1);
        });
        assertThat(diagrams.of("DSR-2026-NOSUCHREF1")).isEmpty();
    }

    @Test
    void theDiagramIsForPrivacyOfficersAndHoldsNoPersonalData() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        WebSession.Page json = dpo.get("/staff/requests/" + journey.reference() + "/diagram.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.body()).contains(BILLING, "INCIDENT").doesNotContain(journey.email(), journey.reference(),
                "Please delete my account");
        assertThat(dpo.fetch("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js")).isEqualTo(200);

        // The owner of every demo system sees their reduced page, without the diagram, and may not read it.
        WebSession owner = new WebSession(port).login("owner", "owner");
        WebSession.Page page = owner.get("/staff/requests/" + journey.reference());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#request-diagram, #diagram, script[src*=bpmn]")).isEmpty();
        assertThat(page.mainText()).doesNotContain("Where the request stands in the process");
        assertThat(owner.fetch("/staff/requests/" + journey.reference() + "/diagram.json")).isEqualTo(403);
        assertThat(owner.fetch("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js")).isEqualTo(403);
    }

    @Test
    void anOwnerOfAnotherGroupAndAnUnknownReferenceGetTheClearRefusal() {
        WebSession legal = new WebSession(port).login(LEGAL_OWNER, LEGAL_OWNER_PASSWORD);
        WebSession.Page refused = legal.get("/staff/requests/" + journey.reference());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("h1")).isEqualTo("Request not found");
        assertThat(refused.mainText()).contains("There is no request " + journey.reference() + " that you may see")
                .doesNotContain(journey.email(), BILLING);
        assertThat(legal.fetch("/staff/requests/" + journey.reference() + "/diagram.json")).isEqualTo(403);

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        assertThat(dpo.get("/staff/requests/DSR-2026-NOSUCHREF1").text("h1")).isEqualTo("Request not found");
        assertThat(dpo.fetch("/staff/requests/DSR-2026-NOSUCHREF1/diagram.json")).isEqualTo(404);
    }

    private String billingInstance() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference())
                .processDefinitionKey(ProcessModel.FULFIL_IN_SYSTEM).list().stream().map(ProcessInstance::getId)
                .filter(id -> BILLING.equals(runtime.getVariable(id, ProcessModel.Variables.SYSTEM_NAME)))
                .findFirst().orElse(null);
    }

    private static String nameOf(List<Mark> marks, String activityId) {
        return marks.stream().filter(mark -> mark.activityId().equals(activityId)).map(Mark::activityName)
                .findFirst().orElseThrow();
    }

    /** The element bpmn-js drew for an activity in the diagram at that position on the page. */
    private static WebElement element(int diagram, String activityId) {
        return browser.find("#diagram-canvas-" + diagram + " g.djs-element[data-element-id='" + activityId + "']");
    }

    private static List<String> headings() {
        Document page = Jsoup.parse((String) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.outerHTML"));
        return page.select("main h2, main h3").eachText();
    }
}
