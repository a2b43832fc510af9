package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A copy of the database opens nothing and names nobody (issue 10). Full journeys through the real application on
 * PostgreSQL, over HTTP, with every email read from GreenMail as the subject reads it: an access request confirmed from
 * its link, clarified on the status page and downloaded with the emailed code; a deletion and a correction confirmed
 * by a processor from its link; an opt-out, and the preference center opened from its emailed link. Then every row of
 * every table of the database (Rightsflow's, Flyway's and Camunda's {@code ACT_*}, every column as text, binary columns
 * as UTF-8 and hex) is searched for each secret that was delivered (link tokens, the download code and link, the
 * preference and processor tokens) and for each address, name and value the subjects gave. None may be there in clear.
 *
 * <p>The database is created for this test alone, so what is found was written by these journeys.
 */
@RightsflowIntegrationTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class DatabaseCopyIntegrationTest {

    static final String OWNER = "copy-owner";
    static final String OFFICER = "copy-officer";
    static final String PASSWORD = "correct horse battery staple";
    static final String PROCESSOR = "privacy+" + UUID.randomUUID().toString().substring(0, 8) + "@copy-agency.example";

    /** A token of a link: 22 or more URL-safe Base64 characters (128 bits and up) after the link's path. */
    private static final Pattern LINK_TOKEN = Pattern.compile(
            "/(verify|status|preferences|processors/confirm)/([A-Za-z0-9_-]{22,})");
    private static final Pattern DOWNLOAD_CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.freshDatabase("copy").forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit+optouts+read-own").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SystemRegistry systems;

    @Autowired
    DataSource dataSource;

    /** What must not be found: description → value. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Personal data, found in any case: description → value. */
    private final Map<String, String> personal = new LinkedHashMap<>();
    /** The subjects' addresses, whose mailboxes hold the secrets. */
    private final List<String> subjects = new ArrayList<>();

    @Test
    void aCopyOfTheDatabaseHoldsNoSecretAndNoPersonalDataInClear() throws SQLException {
        setUpLikeAnOperator();

        accessRequestClarifiedAndDownloaded();
        deletionConfirmedByTheProcessor();
        correctionReviewedAndCarriedOut();
        optOutAndPreferenceCenter();
        collectDeliveredSecrets();

        assertThat(secrets).as("secrets delivered by email").hasSizeGreaterThanOrEqualTo(12);
        assertThat(scan(Map.of("the owner's user name", OWNER), Map.of()))
                .as("the scan reads Camunda's tables (the owner completed tasks)").isNotEmpty();

        Map<String, Set<String>> found = scan(secrets, personal);
        assertThat(found).as("Columns holding a delivered secret or a subject's personal data in clear (table.column "
                + "→ what was found):%n%s", describe(found)).isEmpty();
    }

    private void setUpLikeAnOperator() {
        systems.importYaml("copy-test", """
                systems:
                  - key: copy-shop
                    name: Copy shop database
                    ownerGroup: copy-team
                    kind: manual
                    requestTypes: [ACCESS, DELETION, CORRECTION]
                    instructions: Find the customer by email.
                    correctableFields: [last_name]
                  - key: copy-agency
                    name: Copy mailing agency
                    ownerGroup: copy-team
                    kind: processor-email
                    requestTypes: [DELETION, CORRECTION]
                    correctableFields: [last_name]
                    connection:
                      email: %s
                      contactName: Agency privacy team
                      reminderEvery: P3D
                """.formatted(PROCESSOR));
        staff.create(new NewStaffMember(OWNER, PASSWORD, "Copy Owner", "copy-owner@example.com",
                Set.of(StaffRole.SYSTEM_OWNER), Set.of("copy-team")));
        staff.create(new NewStaffMember(OFFICER, PASSWORD, "Copy Officer", "copy-officer@example.com",
                Set.of(StaffRole.PRIVACY_OFFICER), Set.of()));
    }

    /** Access under UK GDPR: confirmed, a question and the subject's answer, then the package downloaded. */
    private void accessRequestClarifiedAndDownloaded() {
        Journey journey = subject("copy-access", "Ottilie Quarrington", "OttilieAccount-4471");
        journey.submit("ACCESS", "UK_GDPR", "Everything about my orders since 2019.",
                Map.of("name", personal.get("copy-access name"), "accountId", personal.get("copy-access account id")));
        journey.confirmFromEmail();

        WebSession officer = new WebSession(port).login(OFFICER, PASSWORD);
        Page request = officer.get("/staff/requests/" + journey.reference());
        Page paused = officer.post("/staff/requests/" + journey.reference() + "/pause", request,
                Map.of("question", "Which of your two accounts do you mean?"));
        assertThat(paused.text("#clock-paused")).contains("Clock paused since");
        journey.awaitMail("We have a question about your request " + journey.reference());
        String answer = "The old one, registered as ottilie.old@quarrington.example.";
        personal.put("the address in the subject's answer", "ottilie.old@quarrington.example");
        Page status = journey.statusPage();
        Page answered = journey.subjectSession().post(journey.statusPath() + "/answer", status, Map.of("answer", answer));
        assertThat(answered.text("#messages")).contains(answer);

        journey.completeTasksAs(OWNER, PASSWORD, 1, "DONE", "Exported.");
        journey.awaitMail("Our answer to your request " + journey.reference());
        Page download = journey.enterDownloadCode(journey.requestDownloadCode());
        assertThat(download.status()).isEqualTo(200);
        String link = download.document().selectFirst("#download-link").attr("href");
        secrets.put("the download link of " + journey.reference(), link.substring(link.lastIndexOf('/') + 1));
        WebSession.Download zip = journey.subjectSession().download(link);
        assertThat(zip.status()).isEqualTo(200);
    }

    private void deletionConfirmedByTheProcessor() {
        Journey journey = subject("copy-deletion", "Bartholomew Quince", null);
        journey.submit("DELETION", "CCPA", "Close my account and forget me.",
                Map.of("name", personal.get("copy-deletion name")));
        journey.confirmFromEmail();
        journey.completeTasksAs(OWNER, PASSWORD, 1, "DONE", "Account deleted.");
        journey.confirmAsProcessor(PROCESSOR, "Removed from our lists.");
        journey.awaitMail("Our answer to your request " + journey.reference());
    }

    private void correctionReviewedAndCarriedOut() {
        Journey journey = subject("copy-correction", "Wilhelmina Threlkeld", null);
        personal.put("the corrected last name", "Threlkeld-Vasquez");
        journey.submit("CORRECTION", "CCPA", "I married.", Map.of("name", personal.get("copy-correction name"),
                "corrections[0].field", "last_name", "corrections[0].value", "Threlkeld-Vasquez"));
        journey.confirmFromEmail();
        WebSession officer = new WebSession(port).login(OFFICER, PASSWORD);
        String review = await().atMost(Journey.PATIENCE).until(() -> officer.inboxTaskLink(journey.reference(),
                "Review the correction claim"), found -> found != null);
        Page reviewPage = officer.get(review);
        Page reviewed = officer.post(review + "/review-correction", reviewPage, Map.of("verdicts[0].field",
                "last_name", "verdicts[0].accept", "true", "howChecked", "Marriage certificate sent by post."));
        assertThat(reviewed.status()).isEqualTo(200);
        journey.completeTasksAs(OWNER, PASSWORD, 1, "DONE", "Profile updated.");
        journey.confirmAsProcessor(PROCESSOR, "Subscriber updated.");
        // The answer names the field it corrected, never the value typed (issue 10: no typed text in subject mail).
        assertThat(journey.awaitMail("Our answer to your request " + journey.reference()))
                .contains("Last name: corrected").doesNotContain("Threlkeld-Vasquez");
    }

    private void optOutAndPreferenceCenter() {
        Journey journey = subject("copy-optout", null, null);
        WebSession customer = journey.subjectSession();
        Page form = customer.get("/do-not-sell-or-share");
        Page done = customer.post("/do-not-sell-or-share", form, Map.of("email", journey.email(), "regime", "CCPA"));
        assertThat(done.status()).isEqualTo(200);
        Page start = customer.get("/preferences");
        customer.post("/preferences", start, Map.of("email", journey.email()));
        // Two emails carry a preference link: the opt-out's confirmation and the link just asked for. Both must have
        // arrived before the secrets are collected.
        List<String> withLinks = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(journey.email())
                .stream().map(TestMailServer::body).filter(body -> body.contains("/preferences/")).toList(),
                bodies -> bodies.size() >= 2);
        String mail = withLinks.get(withLinks.size() - 1);
        Matcher link = Pattern.compile("https?://[^\\s]+(/preferences/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).isTrue();
        Page manage = customer.get(link.group(1));
        assertThat(manage.uri()).endsWith("/preferences/manage");
        Page saved = customer.post("/preferences/manage", manage, Map.of("choice-SALE_SHARING", "OPT_OUT",
                "choice-SENSITIVE_USE", "OPT_OUT"));
        assertThat(saved.status()).isEqualTo(200);
    }

    /** A new subject with a unique address; a null name leaves the journey's default one. */
    private Journey subject(String prefix, String name, String accountId) {
        Journey journey = new Journey(port, prefix);
        personal.put(prefix + " email", journey.email());
        if (name != null) {
            personal.put(prefix + " name", name);
        }
        if (accountId != null) {
            personal.put(prefix + " account id", accountId);
        }
        subjects.add(journey.email());
        return journey;
    }

    /** Every link token and download code that reached a subject's or the processor's mailbox. */
    private void collectDeliveredSecrets() {
        List<String> mailboxes = new ArrayList<>(subjects);
        mailboxes.add(PROCESSOR);
        for (String mailbox : mailboxes) {
            for (MimeMessage message : TestMailServer.messagesTo(mailbox)) {
                String body = TestMailServer.body(message);
                Matcher token = LINK_TOKEN.matcher(body);
                while (token.find()) {
                    secrets.put("the " + token.group(1) + " token mailed to " + mailbox + " (" + token.group(2)
                            .substring(0, 4) + "…)", token.group(2));
                }
                if (TestMailServer.subject(message).contains("Your download code")) {
                    Matcher code = DOWNLOAD_CODE.matcher(body);
                    while (code.find()) {
                        secrets.put("the download code mailed to " + mailbox + " (" + code.group(1) + ")",
                                code.group(1));
                    }
                }
            }
        }
    }

    /**
     * Reads every row of every table of every schema of the database and returns, per table.column, what was
     * found in it. Secrets are matched exactly (a six-digit code only as a number of its own, and not in date and
     * time columns, where microseconds would match by chance), personal data in any case and URL-encoded.
     */
    private Map<String, Set<String>> scan(Map<String, String> exact, Map<String, String> anyCase) throws SQLException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> tables = new ArrayList<>();
            try (Statement list = connection.createStatement();
                 ResultSet rows = list.executeQuery("select table_schema, table_name from information_schema.tables "
                         + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                         + "order by table_schema, table_name")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertThat(tables).extracting(table -> table[1].toLowerCase(Locale.ROOT))
                    .as("Rightsflow's and Camunda's tables").contains("dsr_request", "outbox_message", "act_hi_varinst");
            for (String[] table : tables) {
                String name = table[0] + "." + table[1];
                try (Statement select = connection.createStatement();
                     ResultSet rows = select.executeQuery("select * from \"" + table[0] + "\".\"" + table[1] + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            for (String text : texts(rows, i, columns.getColumnType(i))) {
                                match(text, isDateOrTime(columns.getColumnType(i)), exact, anyCase, found,
                                        table[1] + "." + columns.getColumnName(i));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new SQLException("Reading " + name + " failed", e);
                }
            }
        }
        return found;
    }

    private static List<String> texts(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? List.of()
                    : List.of(new String(bytes, StandardCharsets.UTF_8), HexFormat.of().formatHex(bytes));
        }
        String text = rows.getString(column);
        return text == null ? List.of() : List.of(text);
    }

    private static boolean isDateOrTime(int type) {
        return type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP || type == Types.TIME_WITH_TIMEZONE
                || type == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    private static void match(String text, boolean dateOrTime, Map<String, String> exact, Map<String, String> anyCase,
                              Map<String, Set<String>> found, String column) {
        for (Map.Entry<String, String> secret : exact.entrySet()) {
            String value = secret.getValue();
            boolean hit = value.chars().allMatch(Character::isDigit)
                    ? !dateOrTime && Pattern.compile("(?<!\\d)" + value + "(?!\\d)").matcher(text).find()
                    : text.contains(value);
            if (hit) {
                found.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(secret.getKey());
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> data : anyCase.entrySet()) {
            String value = data.getValue().toLowerCase(Locale.ROOT);
            if (lower.contains(value) || lower.contains(value.replace("@", "%40"))) {
                found.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(data.getKey());
            }
        }
    }

    private static String describe(Map<String, Set<String>> found) {
        StringBuilder text = new StringBuilder();
        found.forEach((column, what) -> text.append("  ").append(column).append(" → ").append(String.join("; ", what))
                .append('\n'));
        return text.toString();
    }
}
