package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Axe;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15's acceptance, as a new user would do it: a clinic's PostgreSQL schema that nobody here mapped (patients
 * found by <code>email_addr</code>, appointments and their prescriptions, payments kept by law, consents that go with
 * their patient by ON DELETE CASCADE) is connected by discovery alone, in Chromium and by keyboard: the admin names
 * the database and where its password is kept, reads the proposal (axe-clean), gives the legal basis for the kept
 * payments, proposes again and saves. A patient then asks for a copy of their data and for erasure through the
 * privacy center; both run to their answers, the copy holds their rows and no one else's, and after the erasure their
 * appointments are gone, their payments kept, nobody else's row changed and every foreign key holds.
 */
@RightsflowIntegrationTest
@ExtendWith(PostgresTestDatabase.class)
class SchemaDiscoveryIntegrationTest {

    private static final String SCHEMA = "clinic";
    private static final String DATABASE = "rightsflow_discovery_journey";
    private static final String KEY = "clinic-db-" + Long.toString(System.nanoTime(), 36);
    private static final String IMPORTED = "clinic-by-hand-" + Long.toString(System.nanoTime(), 36);
    private static final String PATIENT = "noor.haddad." + Long.toString(System.nanoTime(), 36) + "@example.org";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RequestDirectory requests;

    @AfterEach
    void outOfScope() {
        // The context is shared with other journeys: the clinic takes part in no other test's requests.
        for (String key : List.of(KEY, IMPORTED)) {
            if (systems.exists(key)) {
                systems.setActive(key, false);
            }
        }
    }

    @Test
    void aClinicSchemaIsConnectedByDiscoveryAloneAndServesAnAccessAndAnErasure(@TempDir Path dir) throws Exception {
        String url = createClinic();
        Path passwordFile = dir.resolve("clinic-password");
        Files.writeString(passwordFile, PostgresTestDatabase.PASSWORD, StandardCharsets.UTF_8);

        // 1. The admin names the database; the form takes where the password is kept, never the password.
        signIn("admin", "admin");
        open("/staff/systems");
        browser.andWaitForNextPage(() -> browser.find("a[href='/staff/systems/discover']").click());
        assertThat(browser.find("h1").getText()).isEqualTo("Discover a database");
        Axe.load().assertNoViolations(browser.driver(), "discovery form");
        browser.find("#key").sendKeys(KEY);
        browser.find("#name").sendKeys("Clinic records");
        new Select(browser.find("#ownerGroup")).selectByValue("shop-team");
        browser.find("#url").sendKeys(url);
        browser.find("#username").sendKeys(PostgresTestDatabase.USER);
        if (PostgresTestDatabase.PASSWORD.isEmpty()) {
            new Select(browser.find("#passwordSource")).selectByValue("none"); // a server that trusts local users
        } else {
            new Select(browser.find("#passwordSource")).selectByValue("file");
            browser.find("#passwordName").sendKeys(passwordFile.toString());
        }
        browser.find("#schema").sendKeys(SCHEMA);
        browser.andWaitForNextPage(() -> browser.find("#schema").sendKeys(Keys.ENTER));

        // 2. The proposal: patients found by their email address, every table of theirs, payments waiting for a basis.
        assertThat(browser.find("#proposal").getText()).contains("A person is found in patients");
        assertThat(browser.find("#table-consents + p").getText()).contains("Erasure deletes the rows");
        assertThat(browser.find("#table-prescriptions").getText()).contains("under appointments by appointment_id");
        assertThat(browser.find("#table-payments + p").getText()).contains("Erasure keeps the rows whole");
        assertThat(browser.find("#table-appointments + p").getText()).contains("Erasure deletes the rows");
        assertThat(browser.find("#incomplete").getText()).contains("payments");
        assertThat(browser.find("#save-form button").isEnabled()).isFalse();
        assertThat(browser.find("main").getText()).contains("n***@e***.org").doesNotContain("@example.org");
        Axe.load().assertNoViolations(browser.driver(), "discovery proposal");

        new Select(browser.find("#basis-payments")).selectByValue("GDPR_ART_17_3_B");
        browser.find("#note-payments").sendKeys("payments, 10 years (tax law)");
        // A kept patient keeps the year of birth, not the day; and the proposal is tried on the patient first.
        new Select(browser.find("#mask-patients-date_of_birth")).selectByValue("year-only");
        browser.find("#testEmail").sendKeys(PATIENT.toUpperCase());
        browser.andWaitForNextPage(() -> browser.find("#testEmail").sendKeys(Keys.ENTER));
        assertThat(browser.find("#check").getText()).contains("It fits the database.");
        assertThat(new Select(browser.find("#mask-patients-date_of_birth")).getFirstSelectedOption().getAttribute(
                "value")).isEqualTo("year-only");
        assertThat(browser.find("#dry-run").getText()).contains("patients 1", "appointments 2", "prescriptions 1",
                "payments 2", "consents 1", "Would delete 4 rows in 3 tables").doesNotContain("Noor", "Haddad");
        assertThat(browser.find("#yaml").getAttribute("value")).contains("date_of_birth: year-only");
        Axe.load().assertNoViolations(browser.driver(), "discovery proposal with a dry run");
        assertThat(browser.isPresent("#incomplete")).isFalse();
        browser.andWaitForNextPage(() -> browser.find("#save-form button").click());
        assertThat(browser.find("main").getText()).contains("Saved Clinic records");
        assertThat(systems.find(KEY).orElseThrow().ownerGroup()).isEqualTo("shop-team");
        // Test connection on the saved system agrees.
        browser.andWaitForNextPage(() -> browser.find("form[action$='/test'] button").click());
        assertThat(browser.find("main").getText()).contains("Connection works.");

        // 3. The patient asks for a copy: the clinic's rows of theirs, no one else's.
        Journey access = new Journey(port, "clinic").withEmail(PATIENT);
        access.submit("ACCESS", "GDPR", "What do you hold about me?");
        access.confirmFromEmail();
        access.completeTasksAs("owner", "owner", 1, "DONE", "Nothing in the help desk.");
        access.confirmAsProcessor(Journey.DEMO_AGENCY, "No subscription.");
        access.awaitMail("Our answer to your request " + access.reference());
        String copy = new String(access.downloadPackage(), StandardCharsets.ISO_8859_1);
        assertThat(copy).contains("data/" + KEY + "/patients.csv", "data/" + KEY + "/appointments.csv",
                "data/" + KEY + "/prescriptions.csv", "data/" + KEY + "/payments.csv");

        // 4. And erasure: the clinic's dry run is approved by its owner group with the rest.
        List<Map<String, Object>> othersBefore = othersRows(url);
        Journey erasure = new Journey(port, "clinic").withEmail(PATIENT);
        erasure.submit("DELETION", "GDPR", "Please erase me.");
        erasure.confirmFromEmail();
        erasure.completeTasksAs("owner", "owner", 3, "DONE", "Deleted in the help desk.");
        erasure.confirmAsProcessor(Journey.DEMO_AGENCY, "Deleted.");
        String answer = erasure.awaitMail("Our answer to your request " + erasure.reference());
        assertThat(answer).contains("Clinic records");
        await().atMost(Journey.PATIENCE).until(() -> requests.get(erasure.reference()).closedAt() != null);

        assertThat(count(url, "appointments where patient_id = 1")).isZero();
        assertThat(count(url, "prescriptions where appointment_id in (10, 11)")).isZero();
        assertThat(count(url, "consents where patient_id = 1")).isZero();
        assertThat(count(url, "payments where patient_id = 1")).isEqualTo(2);
        assertThat(rows(url, "select email_addr, first_name, last_name, phone, date_of_birth from " + SCHEMA
                + ".patients where id = 1")).singleElement().satisfies(row -> assertThat(row.values())
                .doesNotContain(PATIENT, "Noor", "Haddad", "+971 50 123 4567").contains("1991-01-01"));
        assertThat(othersRows(url)).isEqualTo(othersBefore);
        assertThat(brokenForeignKeys(url)).isEqualTo(0);
    }

    @Test
    void badInputGetsAClearAnswerAndAnUnreachableDatabaseNoStackTrace() {
        WebSession admin = new WebSession(port).login("admin", "admin");
        Page form = admin.get("/staff/systems/discover");
        Page control = admin.post("/staff/systems/discover", form, Map.of("key", "clinic", "name",
                "Clinic\u0007records", "url", "jdbc:postgresql://127.0.0.1/x", "passwordSource", "none"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.mainText()).contains("invisible control character", "Nothing was sent or saved");
        Page hostile = admin.post("/staff/systems/discover", form, Map.of("key", "<script>alert(1)</script>",
                "name", "", "url", "file:/etc/passwd", "passwordSource", "env",
                "passwordName", "not a variable; rm -rf", "schema", "clinic; drop schema clinic", "ownerGroup",
                "no-such-group"));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.text("#problem")).contains("Please correct the fields marked below.");
        assertThat(hostile.mainText()).contains("Give a key of lower-case letters", "Give the system a name",
                "Give the database's JDBC URL", "environment variable that holds the password",
                "A schema is a plain name", "Choose one of the groups");
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("Exception");
        // What was typed stays in the form (escaped), so nothing is lost.
        assertThat(hostile.document().selectFirst("#key").attr("value")).isEqualTo("<script>alert(1)</script>");

        Page unreachable = admin.post("/staff/systems/discover", form, Map.of("key", "nowhere-db", "name", "Nowhere",
                "url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "passwordSource", "none", "ownerGroup",
                "shop-team"));
        assertThat(unreachable.status()).isEqualTo(200);
        assertThat(unreachable.text("#failure")).startsWith("Cannot connect or read the database's catalogue");
        assertThat(unreachable.body()).doesNotContain("at org.", "Exception:");
        assertThat(systems.exists("nowhere-db")).isFalse();
    }

    @Test
    void anImportedMappingThatDoesNotFitItsDatabaseIsShownAtOnce(@TempDir Path dir) throws Exception {
        String url = createClinic();
        Path passwordFile = dir.resolve("clinic-password");
        Files.writeString(passwordFile, PostgresTestDatabase.PASSWORD, StandardCharsets.UTF_8);
        String password = PostgresTestDatabase.PASSWORD.isEmpty() ? "" : ", password: {file: " + passwordFile + "}";
        WebSession admin = new WebSession(port).login("admin", "admin");
        Page form = admin.get("/staff/systems/import");
        // Patients deleted, but their payments are not mapped: the database would refuse.
        String yaml = """
                systems:
                  - key: %s
                    name: Clinic by hand
                    ownerGroup: shop-team
                    kind: sql
                    requestTypes: [DELETION]
                    connection: {url: "%s", username: "%s", schema: clinic%s}
                    dataset:
                      table: patients
                      key: id
                      match: {email: email_addr}
                      access: [email_addr]
                      erasure: delete
                      children:
                        - table: appointments
                          foreignKey: patient_id
                          access: [starts_at]
                          erasure: delete
                """.formatted(IMPORTED, url, PostgresTestDatabase.USER, password);
        Page imported = admin.post("/staff/systems/import", form, Map.of("yaml", yaml, "ownerGroup", ""));

        assertThat(imported.mainText()).contains("Imported: 1 created");
        assertThat(imported.text("#import-checks")).contains("Clinic by hand", "deleting patients rows breaks the "
                + "foreign key payments(patient_id) → patients(id)", "Map payments as a child of patients");
    }

    /** The clinic's schema in a database of its own on the test server; patient 1 is the one who asks. */
    private static String createClinic() throws SQLException {
        try (Connection server = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement statement = server.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                try (Statement create = server.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
        String url = PostgresTestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        try (Connection connection = connect(url); Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("create table clinic.patients (id bigint primary key, email_addr varchar(254) not null, "
                    + "first_name varchar(80), last_name varchar(80) not null, phone varchar(30), date_of_birth date, "
                    + "insurance_number varchar(20) unique)");
            s.execute("create index patients_email on clinic.patients (lower(email_addr))");
            s.execute("create table clinic.appointments (id bigint primary key, patient_id bigint not null references "
                    + "clinic.patients (id), starts_at timestamp with time zone not null, notes text)");
            s.execute("create index on clinic.appointments (patient_id)");
            s.execute("create table clinic.prescriptions (id bigint primary key, appointment_id bigint not null "
                    + "references clinic.appointments (id), drug varchar(100) not null, dosage varchar(100))");
            s.execute("create index on clinic.prescriptions (appointment_id)");
            s.execute("create table clinic.payments (id bigint primary key, patient_id bigint not null references "
                    + "clinic.patients (id), amount numeric(10,2) not null, paid_on date not null)");
            s.execute("create index on clinic.payments (patient_id)");
            s.execute("create table clinic.consents (id bigint primary key, patient_id bigint not null references "
                    + "clinic.patients (id) on delete cascade, topic varchar(50) not null, given boolean not null)");
            s.execute("insert into clinic.patients values (1, '" + PATIENT + "', 'Noor', 'Haddad', "
                    + "'+971 50 123 4567', date '1991-07-08', 'INS-1'), (2, 'sami@example.org', 'Sami', 'Aziz', "
                    + "'+971 50 765 4321', date '1985-01-02', 'INS-2')");
            s.execute("insert into clinic.appointments values (10, 1, timestamp with time zone '2026-03-01 09:00+04', "
                    + "'Follow-up on the knee'), (11, 1, timestamp with time zone '2026-05-01 10:00+04', null), "
                    + "(20, 2, timestamp with time zone '2026-03-02 11:00+04', 'First visit')");
            s.execute("insert into clinic.prescriptions values (100, 10, 'Ibuprofen', '400 mg'), "
                    + "(200, 20, 'Vitamin D', '1000 IU')");
            s.execute("insert into clinic.payments values (1000, 1, 80.00, date '2026-03-01'), "
                    + "(1001, 1, 40.00, date '2026-05-01'), (2000, 2, 80.00, date '2026-03-02')");
            s.execute("insert into clinic.consents values (1, 1, 'newsletter', true), (2, 2, 'newsletter', false)");
        }
        return url;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    private static List<Map<String, Object>> othersRows(String url) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : List.of("patients where id <> 1", "appointments where patient_id <> 1",
                "prescriptions where appointment_id not in (10, 11)", "payments where patient_id <> 1",
                "consents where patient_id <> 1")) {
            rows.addAll(rows(url, "select * from " + SCHEMA + "." + table + " order by id"));
        }
        return rows;
    }

    /** Rows whose reference points at no row, over every foreign key of the clinic (checked here, not trusted). */
    private static int brokenForeignKeys(String url) throws SQLException {
        return count(url, "appointments a where not exists (select 1 from clinic.patients p where p.id = a.patient_id)")
                + count(url, "prescriptions r where not exists (select 1 from clinic.appointments a "
                + "where a.id = r.appointment_id)")
                + count(url, "payments y where not exists (select 1 from clinic.patients p where p.id = y.patient_id)")
                + count(url, "consents c where not exists (select 1 from clinic.patients p where p.id = c.patient_id)");
    }

    private static int count(String url, String fromWhere) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + SCHEMA + "." + fromWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Map<String, Object>> rows(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private void open(String path) {
        browser.open("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        browser.driver().manage().deleteAllCookies();
        open("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.andWaitForNextPage(() -> browser.find("#password").sendKeys(Keys.ENTER));
    }
}
