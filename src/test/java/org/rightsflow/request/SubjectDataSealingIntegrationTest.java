package org.rightsflow.request;

import java.util.UUID;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Migration 12 on the demo's H2 database: see {@link SubjectDataSealingContract}. */
@RightsflowIntegrationTest
class SubjectDataSealingIntegrationTest extends SubjectDataSealingContract {

    static final String URL = "jdbc:h2:mem:before-sealing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void databaseOfTheOldVersion(DynamicPropertyRegistry registry) {
        writeAsTheOldVersion(new DriverManagerDataSource(URL, "sa", ""));
        registry.add("spring.datasource.url", () -> URL);
    }
}
