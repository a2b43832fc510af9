package org.rightsflow.request;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Migration 12 on a PostgreSQL the old version wrote to: see {@link SubjectDataSealingContract}. */
@RightsflowIntegrationTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class SubjectDataSealingPostgresIntegrationTest extends SubjectDataSealingContract {

    @DynamicPropertySource
    static void databaseOfTheOldVersion(DynamicPropertyRegistry registry) {
        Map<String, Object> database = PostgresTestDatabase.freshDatabase("sealing");
        writeAsTheOldVersion(new DriverManagerDataSource((String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"), (String) database.get("spring.datasource.password")));
        database.forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit").forEach((key, value) -> registry.add(key, () -> value));
    }
}
