package org.rightsflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on PostgreSQL: the access log's migration and writes work there, and without a signing key
 * no evidence pack is issued (503, with a page that says why), since production never makes a throwaway key.
 */
@RightsflowIntegrationTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class PostgresEvidenceIntegrationTest {

    private static final String OFFICER = "pg-evidence-officer";
    private static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit+read-all").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void viewsAreLoggedAndWithoutASigningKeyPacksAnswer503() {
        if (!staff.exists(OFFICER)) {
            staff.create(new NewStaffMember(OFFICER, PASSWORD, "PG Officer", "pg-evidence-officer@example.com",
                    EnumSet.of(StaffRole.PRIVACY_OFFICER), Set.of()));
        }
        Journey journey = new Journey(port, "pg-evidence");
        journey.submit("ACCESS", "CCPA", "");
        WebSession officer = new WebSession(port).from("192.0.2.44").login(OFFICER, PASSWORD);

        assertThat(officer.get("/staff/requests/" + journey.reference()).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from access_log where reference = ? and actor = ?"
                + " and kind = 'REQUEST_PAGE' and client_address = '192.0.2.44'", Integer.class,
                journey.reference(), OFFICER)).isEqualTo(1);
        assertThat(officer.get("/staff/access-log?request=" + journey.reference()).text("#access-log tbody"))
                .contains("Request page", OFFICER, "192.0.2.44");

        WebSession.Download pack = officer.download("/staff/evidence/requests/" + journey.reference() + ".zip");
        assertThat(pack.status()).isEqualTo(503);
        assertThat(pack.text()).contains("Evidence packs are not available", "rightsflow.evidence.signing-key");
        assertThat(officer.download("/staff/evidence/period.zip?from=2026-01-01&to=2026-12-31").status()).isEqualTo(503);
        assertThat(new WebSession(port).download("/staff/evidence/public-key.pem").status()).isEqualTo(503);
        assertThat(officer.get("/staff/evidence").text("#no-key")).contains("No signing key is configured");
        assertThat(jdbc.queryForObject("select count(*) from access_log where kind = 'EXPORT'", Integer.class))
                .as("nothing was exported").isZero();
    }
}
