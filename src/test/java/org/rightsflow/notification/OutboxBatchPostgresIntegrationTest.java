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
 * afresh at start) so that only its own messages are in it, with a lock timeout of a second.
 */
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class OutboxBatchPostgresIntegrationTest extends OutboxBatchIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.freshDatabase("outbox").forEach((key, value) -> registry.add(key, () ->
                key.equals("spring.datasource.url") ? withLockTimeout(String.valueOf(value)) : value));
        ProductionSecrets.properties("submit+optouts+read-own").forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * PostgreSQL waits for a row lock until the statement timeout unless told otherwise: a lock timeout, as an
     * operator may set one for the application's role, is what the dispatcher must take for a lost race (the test
     * of a busy timeline relies on it).
     */
    private static String withLockTimeout(String url) {
        return url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout%3D1000";
    }
}
