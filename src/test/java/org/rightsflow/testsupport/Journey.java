package org.rightsflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.rightsflow.testsupport.WebSession.Page;

/**
 * One data subject request driven the way people drive it: the subject through the privacy center and the links
 * in the emails they receive, staff through the inbox. Nothing is called directly in the application.
 */
public final class Journey {

    private static final Pattern REFERENCE = Pattern.compile("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/(verify|status)/[A-Za-z0-9_-]+");
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * How long "nothing happens" is watched for after the clock moved: several rounds of the test job executor
     * (max-wait 1 s in src/test/resources/config/application.yml), so a job that was due would have run.
     */
    public static final Duration QUIET = Duration.ofSeconds(5);
    /** The demo company's mailing agency, a processor that confirms from the link in its email. */
    public static final String DEMO_AGENCY = "privacy@mailing-agency.example";

    private int port;
    private String email;
    private WebSession subject;
    private String reference;
    private String statusPath;

    public Journey(int port, String emailPrefix) {
        this.port = port;
        this.email = emailPrefix + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        this.subject = new WebSession(port);
    }

    public String email() {
        return email;
    }

    /** Carries on against the application at another port (e.g. after a restart). */
    public Journey onPort(int newPort) {
        this.port = newPort;
        this.subject = new WebSession(newPort);
        return this;
    }

    /** The subject's browser asks for these languages (Accept-Language) from now on. */
    public Journey speaking(String acceptLanguage) {
        subject.speaking(acceptLanguage);
        return this;
    }

    /** Acts for a known person (e.g. a customer of the demo shop) instead of a made-up address. */
    public Journey withEmail(String address) {
        this.email = address;
        return this;
    }

    /** Follows a request submitted some other way (in a browser, through the API) as if this journey had. */
    public Journey following(String submittedReference) {
        this.reference = submittedReference;
        return this;
    }

    public String reference() {
        return reference;
    }

    public WebSession subjectSession() {
        return subject;
    }

    /** Fills in and sends the privacy-center form; returns the confirmation page. */
    public Page submit(String type, String regime, String details) {
        return submit(type, regime, details, Map.of());
    }

    /** As {@link #submit(String, String, String)}, with more form fields, e.g. the lines of a correction. */
    public Page submit(String type, String regime, String details, Map<String, String> moreFields) {
        Page landing = subject.get("/");
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("type", type, "regime", regime,
                "name", "Jo Tester", "email", email, "details", details));
        fields.putAll(moreFields);
        Page confirmation = subject.post("/requests", landing, fields);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.uri()).endsWith("/requests/submitted");
        Matcher matcher = REFERENCE.matcher(confirmation.mainText());
        assertThat(matcher.find()).as("reference on the confirmation page").isTrue();
        reference = matcher.group();
        return confirmation;
    }

    /** Waits for an email to the subject whose subject line contains the text, and returns its body. */
    public String awaitMail(String subjectContains) {
        return awaitMail(subjectContains, PATIENCE);
    }

    public String awaitMail(String subjectContains, Duration patience) {
        return await().atMost(patience).until(() -> TestMailServer.messagesTo(email).stream()
                        .filter(m -> TestMailServer.subject(m).contains(subjectContains))
                        .map(TestMailServer::body).findFirst().orElse(null),
                body -> body != null);
    }

    /**
     * Waits for an email about this journey's request (its reference in the subject line) whose body contains the
     * text, such as a link's path, and returns the body.
     */
    public String awaitMailWith(String bodyContains) {
        return await().atMost(PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                        .filter(m -> reference == null || TestMailServer.subject(m).contains(reference))
                        .map(TestMailServer::body).filter(body -> body.contains(bodyContains)).findFirst().orElse(null),
                body -> body != null);
    }

    public List<String> mailSubjects() {
        return TestMailServer.messagesTo(email).stream().map(TestMailServer::subject).toList();
    }

    public List<MimeMessage> mails() {
        return TestMailServer.messagesTo(email);
    }

    /** Opens the verification link from the email and presses the confirm button. */
    public Page confirmFromEmail() {
        // Found by its link, not its subject line: the subject may read another language.
        String body = awaitMailWith("/verify/");
        String path = linkPath(body, "verify");
        Page confirm = subject.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.mainText()).contains(reference);
        return subject.post(path, confirm, Map.of());
    }

    /** The path of the status page, from the link in the acknowledgement email. */
    public String statusPath() {
        if (statusPath == null) {
            statusPath = linkPath(awaitMailWith("/status/"), "status");
        }
        return statusPath;
    }

    /**
     * Asks for a download code on the status page, as the subject would, and returns the code from the email that
     * arrives (each new code is a new email; the newest is returned).
     */
    public String requestDownloadCode() {
        int before = downloadCodes().size();
        Page status = statusPage();
        Page after = subject.post(statusPath() + "/package/code", status, Map.of());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.document().select("#your-data [role=status]")).as("the page says a code was sent").isNotEmpty();
        return await().atMost(PATIENCE).until(this::downloadCodes, codes -> codes.size() > before).get(before);
    }

    /** Every download code emailed to this subject for this request, oldest first. */
    public List<String> downloadCodes() {
        Pattern code = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);
        return TestMailServer.messagesTo(email).stream()
                .filter(m -> TestMailServer.subject(m).contains(reference))
                .map(TestMailServer::body).map(code::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    /** Enters a code on the status page; returns the page that answers (the download page when it was right). */
    public Page enterDownloadCode(String code) {
        Page status = statusPage();
        // Once the package has expired the page has no form left; any page of the session carries its token.
        Page from = status.document().selectFirst("input[name=_csrf]") != null ? status : subject.get("/");
        return subject.post(statusPath() + "/package/download", from, Map.of("code", code));
    }

    /** The whole delivery: a code by email, entered on the status page, and the zip behind the link it opens. */
    public byte[] downloadPackage() {
        Page download = enterDownloadCode(requestDownloadCode());
        assertThat(download.status()).isEqualTo(200);
        String link = download.document().selectFirst("#download-link").attr("href");
        WebSession.Download zip = subject.download(link);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        return zip.body();
    }

    /** The status page reached from the link in the acknowledgement email. */
    public Page statusPage() {
        return subject.get(statusPath());
    }

    /**
     * Signs in as a staff member and finishes every open task of this request from the inbox: a fulfilment task is
     * completed with the given outcome, an erasure approval is approved after looking at its dry run. Waits until the
     * expected number of tasks has appeared; returns the task names.
     */
    public List<String> completeTasksAs(String username, String password, int expectedTasks, String outcome,
                                        String comment) {
        WebSession staff = new WebSession(port).login(username, password);
        List<String> taskLinks = await().atMost(PATIENCE).until(() -> taskLinks(staff.get("/staff")),
                links -> links.size() == expectedTasks);
        List<String> names = new java.util.ArrayList<>();
        for (String link : taskLinks) {
            Page task = staff.get(link);
            assertThat(task.status()).isEqualTo(200);
            names.add(task.text("h1"));
            if (task.document().selectFirst("form[action$=/decide]") != null) {
                assertThat(task.mainText()).contains("Dry run: what the erasure would do");
                Page decided = staff.post(link + "/decide", task, Map.of("approve", "true", "reason", ""));
                assertThat(decided.mainText()).contains("Erasure approved");
            } else {
                Page done = staff.post(link + "/complete", task, Map.of("outcome", outcome, "comment", comment));
                assertThat(done.uri()).endsWith("/staff");
                assertThat(done.mainText()).contains("Done:");
            }
        }
        return names;
    }

    /**
     * Signs in as the privacy officer {@code dpo} and refuses this request from its page, on the ground that the law
     * exempts the data, with the reasons the subject reads. Returns the request page the refusal leads to.
     */
    public Page refuseOnLegalException(String reasons) {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + reference);
        Page refused = dpo.post("/staff/requests/" + reference + "/refuse", page,
                Map.of("ground", "LEGAL_EXCEPTION", "reasons", reasons, "evidence", ""));
        assertThat(refused.text("#request-status")).isEqualTo("Refused");
        return refused;
    }

    /**
     * Plays the processor: waits for the email Rightsflow sent it about this request, opens the link in it and
     * confirms with a note. Returns the email's body.
     */
    public String confirmAsProcessor(String processorAddress, String note) {
        return answerAsProcessor(processorAddress, "DONE", note);
    }

    /**
     * As {@link #confirmAsProcessor}, with one of the processor's three answers: {@code DONE}, {@code NO_DATA_FOUND}
     * or {@code NOT_DONE} (with its reason in {@code note}).
     */
    public String answerAsProcessor(String processorAddress, String outcome, String note) {
        // Several applications in one test JVM share the mail server and number their requests alike: the mail for
        // this request names both its reference and this person.
        String body = await().atMost(PATIENCE).until(() -> TestMailServer.messagesTo(processorAddress).stream()
                        .filter(m -> TestMailServer.subject(m).contains(reference)).map(TestMailServer::body)
                        .filter(text -> text.contains("<" + email + ">")).findFirst().orElse(null),
                found -> found != null);
        Matcher link = Pattern.compile("https?://[^\\s]+(/processors/confirm/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("confirmation link in the processor's email").isTrue();
        WebSession processor = new WebSession(port);
        Page page = processor.get(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        Page confirmed = processor.post(link.group(1), page, Map.of("outcome", outcome, "note", note));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.mainText()).contains(outcome.equals("DONE") ? "your confirmation is recorded"
                : "your answer is recorded");
        Page again = processor.post(link.group(1), page, Map.of("note", "twice"));
        assertThat(again.status()).as("a confirmation link works once").isEqualTo(409);
        assertThat(again.mainText()).contains("This request is already confirmed");
        return body;
    }

    private List<String> taskLinks(Page inbox) {
        return inbox.document().select("tbody tr").stream()
                .filter(row -> row.text().contains(reference))
                .map(row -> row.selectFirst("a[href^=/staff/tasks/]"))
                .map(Element.class::cast)
                .map(a -> a.attr("href"))
                .toList();
    }

    public static String linkPath(String mailBody, String kind) {
        Matcher matcher = LINK.matcher(mailBody);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                return URI.create(matcher.group()).getPath();
            }
        }
        throw new AssertionError("No /" + kind + "/ link in:\n" + mailBody);
    }
}
