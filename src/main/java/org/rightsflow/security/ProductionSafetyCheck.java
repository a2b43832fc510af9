package org.rightsflow.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsflow.support.SecretsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the application refuses to start while anything of the demo or anything
 * weak is configured: the demo API key, the demo link key, a staff account whose password is its demo password, a key
 * (link key, data keys, erasure hash key, suppression key, API key secrets) with fewer than 32 random bytes
 * ({@link SecretStrength}), the same value used for two keys, or a password shorter than 12 characters (the bootstrap
 * admin password, and the database and monitoring passwords when one is set: a server that trusts the network or a
 * certificate needs none, and without a monitoring password the management port opens to nobody), or the demo
 * monitoring password. With single sign-on on, the provider's issuer must be an https address (the client secret and
 * the ID token travel to and from it) and the client secret must not be an example value such as "secret". Every
 * problem is listed at once, by setting, never with the value. It also creates the first admin account from
 * {@code rightsflow.bootstrap.admin-password} when there is none.
 */
@Component
@Profile("postgres")
class ProductionSafetyCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyCheck.class);
    static final String DEMO_LINK_KEY = "demo-link-key-change-me";
    static final Map<String, String> DEMO_PASSWORDS = Map.of("admin", "admin", "dpo", "dpo", "owner", "owner");

    static final String DEMO_DATA_KEY = "jD3ByAR9jEPJf6Ne6/cueDGnMO2jEof+bxHSpJauYAo=";
    static final String DEMO_ERASURE_HASH_KEY = "demo-erasure-hash-key";
    static final String DEMO_SUPPRESSION_KEY = "demo-suppression-key";
    static final String DEMO_MONITORING_PASSWORD = "demo-monitoring-password";
    /**
     * Client secrets that are an example left in place, compared ignoring case, spaces, '-' and '_'. Only these: a
     * real secret is issued by the provider, whose length and alphabet are its own choice (docs/sso.md).
     */
    static final Set<String> PLACEHOLDER_CLIENT_SECRETS = Set.of("secret", "clientsecret", "changeme", "changeit",
            "password", "test", "demo", "example", "rightsflow", "yoursecret", "mysecret");

    private final ApiKeys apiKeys;
    private final StaffDirectory staff;
    private final String linkKey;
    private final String dataKeys;
    private final String erasureHashKey;
    private final String suppressionKey;
    private final String bootstrapAdminPassword;
    private final String bootstrapAdminEmail;
    private final String databasePassword;
    private final String monitoringPassword;
    private final SsoProperties sso;

    /** The database password through Spring Boot's own properties bean, which binds {@code spring.datasource.*}. */
    ProductionSafetyCheck(ApiKeys apiKeys, StaffDirectory staff, SecretsProperties secrets,
                          BootstrapProperties bootstrap, DataSourceProperties dataSource,
                          MonitoringAccount monitoring, SsoProperties sso) {
        this.apiKeys = apiKeys;
        this.staff = staff;
        this.linkKey = secrets.linkKey();
        this.dataKeys = secrets.dataKeys();
        this.erasureHashKey = secrets.erasureHashKey();
        this.suppressionKey = secrets.suppressionKey();
        this.bootstrapAdminPassword = bootstrap.adminPassword();
        this.bootstrapAdminEmail = bootstrap.adminEmail();
        this.databasePassword = dataSource.getPassword() == null ? "" : dataSource.getPassword();
        this.monitoringPassword = monitoring.password();
        this.sso = sso;
    }

    /** Runs once every bean exists and before the web server opens its port: nothing is served unsafely. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        if (apiKeys.containsDemoKey()) {
            problems.add("the demo API key 'demo-api-key' is configured (rightsflow.api.keys / RIGHTSFLOW_API_KEYS)");
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
        checkKeys(problems);
        checkPassword("rightsflow.bootstrap.admin-password (RIGHTSFLOW_BOOTSTRAP_ADMIN_PASSWORD)", bootstrapAdminPassword,
                problems);
        if (!bootstrapAdminPassword.isEmpty()) {
            // The first admin's password keeps the rules of every staff password (PasswordRules).
            PasswordRules.standard().problems("admin", bootstrapAdminPassword).forEach(why -> problems.add(
                    "rightsflow.bootstrap.admin-password (RIGHTSFLOW_BOOTSTRAP_ADMIN_PASSWORD): " + why));
        }
        checkPassword("spring.datasource.password (RIGHTSFLOW_DB_PASSWORD)", databasePassword, problems);
        if (monitoringPassword.equals(DEMO_MONITORING_PASSWORD)) {
            problems.add("rightsflow.monitoring.password (RIGHTSFLOW_MONITORING_PASSWORD) is the demo value");
        }
        checkPassword("rightsflow.monitoring.password (RIGHTSFLOW_MONITORING_PASSWORD)", monitoringPassword, problems);
        checkSingleSignOn(problems);
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

    /** Each key strong on its own, and no value serving as two keys (one leak would then open both doors). */
    private void checkKeys(List<String> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("rightsflow.secrets.link-key (RIGHTSFLOW_LINK_KEY)", linkKey);
        for (String entry : dataKeys.split(",")) {
            int equals = entry.indexOf('=');
            if (!entry.isBlank()) {
                // DataKeys (read by FieldCipher and DataCipher) already refused an entry without an id.
                keys.put("data key '" + entry.substring(0, Math.max(equals, 0)).strip() + "' (RIGHTSFLOW_DATA_KEYS)",
                        entry.substring(equals + 1));
            }
        }
        keys.put("rightsflow.secrets.erasure-hash-key (RIGHTSFLOW_ERASURE_HASH_KEY)", erasureHashKey);
        keys.put("rightsflow.secrets.suppression-key (RIGHTSFLOW_SUPPRESSION_KEY)", suppressionKey);
        apiKeys.all().forEach(key -> keys.put("the secret of API key '" + key.name() + "' (RIGHTSFLOW_API_KEYS)",
                key.secret()));
        Map<String, List<String>> settingsOfValue = new LinkedHashMap<>();
        keys.forEach((setting, value) -> {
            SecretStrength.weakKey(value).ifPresent(why -> problems.add(setting + " " + why));
            if (!value.isBlank()) {
                settingsOfValue.computeIfAbsent(value.strip(), v -> new ArrayList<>()).add(setting);
            }
        });
        settingsOfValue.values().stream().filter(settings -> settings.size() > 1).forEach(settings ->
                problems.add("the same value is used for " + String.join(" and ", settings)
                        + "; give each its own key"));
    }

    /**
     * Over plain http the client secret (sent to the token endpoint) and the ID token (sent back) could be read or
     * changed on the way, and the provider's signing keys swapped. SsoProperties already refused a missing value.
     */
    private void checkSingleSignOn(List<String> problems) {
        if (!sso.enabled()) {
            return;
        }
        if (!isHttps(sso.issuerUri())) {
            problems.add("rightsflow.sso.issuer-uri (RIGHTSFLOW_SSO_ISSUER_URI) is not an https address: the client "
                    + "secret and the ID token would travel in clear");
        }
        String secret = sso.clientSecret().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
        if (PLACEHOLDER_CLIENT_SECRETS.contains(secret)) {
            problems.add("rightsflow.sso.client-secret (RIGHTSFLOW_SSO_CLIENT_SECRET) is an example value; use the "
                    + "secret the provider issued");
        }
    }

    private static boolean isHttps(String uri) {
        try {
            URI parsed = new URI(uri.strip());
            return "https".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkPassword(String setting, String password, List<String> problems) {
        if (!password.isEmpty()) {
            SecretStrength.weakPassword(password).ifPresent(why -> problems.add(setting + " " + why));
        }
    }
}
