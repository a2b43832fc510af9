package org.rightsflow.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the application refuses to start while anything of the demo is
 * configured: the demo API key, the demo link key, or a staff account whose password is its demo password.
 * It also creates the first admin account from {@code rightsflow.bootstrap.admin-password} when there is none.
 */
@Component
@Profile("postgres")
class ProductionSafetyCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyCheck.class);
    static final String DEMO_LINK_KEY = "demo-link-key-change-me";
    /** Secrets shorter than this are guessable; 16 random characters are about 96 bits. */
    static final int MIN_SECRET_LENGTH = 16;
    static final Map<String, String> DEMO_PASSWORDS = Map.of("admin", "admin", "dpo", "dpo", "owner", "owner");

    static final String DEMO_DATA_KEY = "jD3ByAR9jEPJf6Ne6/cueDGnMO2jEof+bxHSpJauYAo=";
    static final String DEMO_ERASURE_HASH_KEY = "demo-erasure-hash-key";
    static final String DEMO_SUPPRESSION_KEY = "demo-suppression-key";

    private final ApiKeys apiKeys;
    private final StaffDirectory staff;
    private final String linkKey;
    private final String dataKeys;
    private final String erasureHashKey;
    private final String suppressionKey;
    private final String bootstrapAdminPassword;
    private final String bootstrapAdminEmail;

    ProductionSafetyCheck(ApiKeys apiKeys, StaffDirectory staff,
                          @Value("${rightsflow.secrets.link-key:}") String linkKey,
                          @Value("${rightsflow.secrets.data-keys:}") String dataKeys,
                          @Value("${rightsflow.secrets.erasure-hash-key:}") String erasureHashKey,
                          @Value("${rightsflow.secrets.suppression-key:}") String suppressionKey,
                          @Value("${rightsflow.bootstrap.admin-password:}") String bootstrapAdminPassword,
                          @Value("${rightsflow.bootstrap.admin-email:privacy@rightsflow.example}") String bootstrapAdminEmail) {
        this.apiKeys = apiKeys;
        this.staff = staff;
        this.linkKey = linkKey;
        this.dataKeys = dataKeys;
        this.erasureHashKey = erasureHashKey;
        this.suppressionKey = suppressionKey;
        this.bootstrapAdminPassword = bootstrapAdminPassword;
        this.bootstrapAdminEmail = bootstrapAdminEmail;
    }

    /** Runs once every bean exists and before the web server opens its port: nothing is served unsafely. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        if (apiKeys.containsDemoKey()) {
            problems.add("the demo API key 'demo-api-key' is configured (rightsflow.api.keys / RIGHTSFLOW_API_KEYS)");
        }
        int shortest = apiKeys.shortestSecretLength();
        if (shortest > 0 && shortest < MIN_SECRET_LENGTH) {
            problems.add("an API key is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        if (linkKey.isBlank() || linkKey.equals(DEMO_LINK_KEY)) {
            problems.add("rightsflow.secrets.link-key (RIGHTSFLOW_LINK_KEY) is missing or the demo value");
        }
        if (dataKeys.contains(DEMO_DATA_KEY)) {
            problems.add("the demo data key is configured (rightsflow.secrets.data-keys / RIGHTSFLOW_DATA_KEYS)");
        }
        if (erasureHashKey.equals(DEMO_ERASURE_HASH_KEY)) {
            problems.add("the demo erasure hash key is configured (RIGHTSFLOW_ERASURE_HASH_KEY)");
        }
        if (suppressionKey.isBlank() || suppressionKey.equals(DEMO_SUPPRESSION_KEY)) {
            problems.add("rightsflow.secrets.suppression-key (RIGHTSFLOW_SUPPRESSION_KEY) is missing or the demo value");
        }
        if (DEMO_PASSWORDS.containsValue(bootstrapAdminPassword)) {
            problems.add("rightsflow.bootstrap.admin-password is a demo password");
        }
        DEMO_PASSWORDS.forEach((user, password) -> {
            if (staff.passwordIs(user, password)) {
                problems.add("staff account '" + user + "' still has its demo password");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the postgres profile: " + String.join("; ", problems)
                    + ". See README, 'Configuration'.");
        }
        if (staff.isEmpty() && !bootstrapAdminPassword.isBlank()) {
            staff.create(new NewStaffMember("admin", bootstrapAdminPassword, "Administrator", bootstrapAdminEmail,
                    EnumSet.of(StaffRole.ADMIN), Set.of()));
            log.info("Created the first staff account 'admin' from rightsflow.bootstrap.admin-password.");
        } else if (staff.isEmpty()) {
            log.warn("No staff account exists and rightsflow.bootstrap.admin-password (RIGHTSFLOW_BOOTSTRAP_ADMIN_PASSWORD) "
                    + "is not set: nobody can sign in to the staff inbox. Set it and restart.");
        }
    }
}
