package org.rightsflow.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The batch outbox on PostgreSQL, where two nodes claiming one batch wait on each other's row locks instead of H2's
 * behaviour: the same tests, the production profile, a database of its own ({@code <test database>_outbox}, made
 * afresh at start) so that only its own messages are in it.
 */
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class OutboxBatchPostgresIntegrationTest extends OutboxBatchIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.freshDatabase("outbox").forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit+optouts+read-own").forEach((key, value) -> registry.add(key, () -> value));
    }
}
