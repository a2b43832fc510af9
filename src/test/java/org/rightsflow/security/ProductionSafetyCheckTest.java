package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rightsflow.support.SecretsProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * The postgres profile refuses to start with anything of the demo in place or any weak secret, and creates the first
 * admin.
 */
@ExtendWith(MockitoExtension.class)
class ProductionSafetyCheckTest {

    // Each as openssl rand -base64 32 (or -hex 32) makes them.
    private static final String API_SECRET = "q8Xz1vN4mR7tB2wK9pL5sD3fG6hJ0cVbNmQwErTyUiO=";
    private static final String API_KEYS = "crm:submit=" + API_SECRET;
    private static final String LINK_KEY = "3f9c1e8d2b7a4c6e0f5d9b1a8c3e7f2d4b6a0c9e1f3d5b7a9c2e4f6a8b0d1c3e";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String ADMIN_EMAIL = "privacy@shop.example";

    @Mock
    StaffDirectory staff;

    private static final String DATA_KEYS = "prod-2027=kJ3nV8qW2xZ5bT9mL1pR4sY7uC0fH6gD3aE8iO2nK5w=";
    private static final String HASH_KEY = "Vb7Nq2Wx9Kz4Tm1Lp8Rs3Yu6Cf0Hg5Da2Ei7On4Kj9M=";
    private static final String SUPPRESSION_KEY = "Rt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8Wz1Ex4R=";

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String bootstrapPassword) {
        return check(apiKeys, linkKey, DATA_KEYS, HASH_KEY, bootstrapPassword);
    }

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String dataKeys, String hashKey,
                                        String bootstrapPassword) {
        return check(apiKeys, linkKey, dataKeys, hashKey, SUPPRESSION_KEY, bootstrapPassword);
    }

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String dataKeys, String hashKey,
                                        String suppressionKey, String bootstrapPassword) {
        return check(apiKeys, new SecretsProperties(linkKey, dataKeys, hashKey, suppressionKey), bootstrapPassword, "");
    }

    private ProductionSafetyCheck check(String apiKeys, SecretsProperties secrets, String bootstrapPassword,
                                        String databasePassword) {
        return check(apiKeys, secrets, bootstrapPassword, databasePassword, "");
    }

    private ProductionSafetyCheck check(String apiKeys, SecretsProperties secrets, String bootstrapPassword,
                                        String databasePassword, String monitoringPassword) {
        return check(apiKeys, secrets, bootstrapPassword, databasePassword, monitoringPassword, SSO_OFF);
    }

    private ProductionSafetyCheck check(String apiKeys, SecretsProperties secrets, String bootstrapPassword,
                                        String databasePassword, String monitoringPassword, SsoProperties sso) {
        DataSourceProperties dataSource = new DataSourceProperties();
        dataSource.setPassword(databasePassword);
        return new ProductionSafetyCheck(new ApiKeys(apiKeys), staff, secrets,
                new BootstrapProperties(ADMIN_EMAIL, bootstrapPassword), dataSource,
                new MonitoringAccount("monitoring", monitoringPassword), sso);
    }

    private static final SsoProperties SSO_OFF = new SsoProperties(false, null, null, null, null, "account",
            "preferred_username", "roles", "groups", null, null, true);

    private static SsoProperties sso(String issuerUri, String clientSecret) {
        return new SsoProperties(true, issuerUri, "rightsflow", clientSecret, List.of("openid"), "Contoso account",
                "preferred_username", "roles", "groups", Map.of("rightsflow-admins", StaffRole.ADMIN), Map.of(), true);
    }

    /** A clean configuration but for single sign-on, checked with that. */
    private void runWithSso(SsoProperties sso) {
        run(check(API_KEYS, new SecretsProperties(LINK_KEY, DATA_KEYS, HASH_KEY, SUPPRESSION_KEY), "", "", "", sso));
    }

    /** The account of that name still has its demo password; every other check of a password says no. */
    private void stillOnDemoPassword(String username) {
        when(staff.passwordIs(anyString(), anyString())).thenAnswer(call -> username.equals(call.getArgument(0))
                && ProductionSafetyCheck.DEMO_PASSWORDS.get(username).equals(call.getArgument(1)));
    }

    private static void run(ProductionSafetyCheck check) {
        check.afterSingletonsInstantiated();
    }

    @Test
    void aCleanConfigurationStarts() {
        when(staff.isEmpty()).thenReturn(false);

        assertThatNoException().isThrownBy(() -> run(check(API_KEYS, LINK_KEY, "")));
        verify(staff, never()).create(any());
    }

    @Test
    void theDemoApiKeyIsRefused() {
        assertThatThrownBy(() -> run(check(API_KEYS + ", ci:submit=demo-api-key", LINK_KEY, "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start the postgres profile")
                .hasMessageContaining("demo API key")
                .hasMessageContaining("RIGHTSFLOW_API_KEYS");
        verify(staff, never()).create(any());
    }

    @Test
    void theDemoLinkKeyIsRefused() {
        assertThatThrownBy(() -> run(check(API_KEYS, "demo-link-key-change-me", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RIGHTSFLOW_LINK_KEY");
    }

    @Test
    void aBlankLinkKeyIsRefused() {
        assertThatThrownBy(() -> run(check(API_KEYS, "  ", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rightsflow.secrets.link-key");
    }

    @Test
    void aDemoBootstrapPasswordIsRefusedAndNoAccountCreatedWithIt() {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, "admin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rightsflow.bootstrap.admin-password is a demo password");
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, "dpo")))
                .hasMessageContaining("demo password");
        verify(staff, never()).create(any());
    }

    @Test
    void anAccountStillOnItsDemoPasswordIsRefused() {
        stillOnDemoPassword("dpo");

        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staff account 'dpo' still has its demo password")
                .hasMessageNotContaining("'admin'")
                .hasMessageNotContaining("'owner'");
    }

    @Test
    void everyProblemIsListedAtOnceSoTheOperatorFixesThemInOneGo() {
        stillOnDemoPassword("admin");

        assertThatThrownBy(() -> run(check("ci:submit=demo-api-key", "demo-link-key-change-me", "owner")))
                .hasMessageContaining("demo API key")
                .hasMessageContaining("link-key")
                .hasMessageContaining("admin-password is a demo password")
                .hasMessageContaining("staff account 'admin' still has its demo password");
    }

    @Test
    void theFirstAdminIsCreatedFromTheBootstrapPasswordWhenThereIsNoAccount() {
        when(staff.isEmpty()).thenReturn(true);

        run(check(API_KEYS, LINK_KEY, ADMIN_PASSWORD));

        ArgumentCaptor<NewStaffMember> created = ArgumentCaptor.forClass(NewStaffMember.class);
        verify(staff).create(created.capture());
        assertThat(created.getValue()).isEqualTo(new NewStaffMember("admin", ADMIN_PASSWORD, "Administrator",
                ADMIN_EMAIL, EnumSet.of(StaffRole.ADMIN), Set.of()));
    }

    @Test
    void noAdminIsCreatedWhenAccountsExist() {
        when(staff.isEmpty()).thenReturn(false);

        run(check(API_KEYS, LINK_KEY, ADMIN_PASSWORD));

        verify(staff, never()).create(any());
    }

    @Test
    void noAdminIsCreatedWithoutABootstrapPassword() {
        when(staff.isEmpty()).thenReturn(true);

        run(check(API_KEYS, LINK_KEY, ""));

        verify(staff, never()).create(any());
    }

    @Test
    void refusesTheDemoDataKeyEvenBesideARealOne() {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY,
                DATA_KEYS + ",demo-2026=" + ProductionSafetyCheck.DEMO_DATA_KEY,
                HASH_KEY, "")))
                .hasMessageContaining("demo data key");
    }

    @Test
    void refusesTheDemoErasureHashKey() {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, DATA_KEYS, "demo-erasure-hash-key", "")))
                .hasMessageContaining("demo erasure hash key");
    }

    @Test
    void refusesAMissingOrDemoSuppressionKey() {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, DATA_KEYS, HASH_KEY, "demo-suppression-key", "")))
                .hasMessageContaining("suppression-key");
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, DATA_KEYS, HASH_KEY, "", "")))
                .hasMessageContaining("suppression-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a-real-suppression-key-of-some-length",          // long, but not Base64 or hex: randomness unknown
            "c2hvcnQta2V5",                                    // Base64 of 9 bytes
            "3f9c1e8d2b7a4c6e0f5d9b1a8c3e7f2d",                // hex of 16 bytes
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",    // 32 zero bytes
            "abababababababababababababababababababababababababababababababab"}) // hex, one byte repeated
    void aKeyWithFewerThan32RandomBytesIsRefusedByItsSettingWithoutTheValue(String weak) {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, DATA_KEYS, HASH_KEY, weak, "")))
                .hasMessageStartingWith("Refusing to start the postgres profile")
                .hasMessageContaining("rightsflow.secrets.suppression-key (RIGHTSFLOW_SUPPRESSION_KEY)")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(weak);
    }

    @Test
    void everyKindOfKeyIsJudged() {
        String weak = "c2hvcnQta2V5";
        assertThatThrownBy(() -> run(check("crm:submit=" + weak, weak + "1", "prod=" + weak + "2", weak + "3",
                SUPPRESSION_KEY, "")))
                .hasMessageContaining("the secret of API key 'crm'")
                .hasMessageContaining("rightsflow.secrets.link-key")
                .hasMessageContaining("data key 'prod'")
                .hasMessageContaining("rightsflow.secrets.erasure-hash-key");
    }

    @Test
    void hexAndUrlSafeBase64KeysOf32BytesAreAccepted() {
        when(staff.isEmpty()).thenReturn(false);

        assertThatNoException().isThrownBy(() -> run(check(API_KEYS, LINK_KEY, DATA_KEYS, HASH_KEY,
                "Rt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8Wz1Ex4R-_w", "")));
    }

    @Test
    void theSameValueForTwoKeysIsRefused() {
        assertThatThrownBy(() -> run(check("crm:submit=" + HASH_KEY, LINK_KEY, DATA_KEYS, HASH_KEY, SUPPRESSION_KEY, "")))
                .hasMessageContaining("the same value is used for rightsflow.secrets.erasure-hash-key "
                        + "(RIGHTSFLOW_ERASURE_HASH_KEY) and the secret of API key 'crm'")
                .hasMessageNotContaining(HASH_KEY);
        assertThatThrownBy(() -> run(check(API_KEYS, SUPPRESSION_KEY, DATA_KEYS, HASH_KEY, SUPPRESSION_KEY, "")))
                .hasMessageContaining("the same value is used for rightsflow.secrets.link-key");
    }

    @Test
    void aShortBootstrapPasswordIsRefused() {
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, "Tr0ub4dor&3")))
                .hasMessageContaining("rightsflow.bootstrap.admin-password (RIGHTSFLOW_BOOTSTRAP_ADMIN_PASSWORD) is "
                        + "shorter than 12 characters")
                .hasMessageNotContaining("Tr0ub4dor&3");
        assertThatThrownBy(() -> run(check(API_KEYS, LINK_KEY, "aaaaaaaaaaaaaaaa")))
                .hasMessageContaining("admin-password");
        verify(staff, never()).create(any());
    }

    @Test
    void aShortDatabasePasswordIsRefusedAndNoneAtAllIsTheServersBusiness() {
        SecretsProperties secrets = new SecretsProperties(LINK_KEY, DATA_KEYS, HASH_KEY, SUPPRESSION_KEY);
        ProductionSafetyCheck shortPassword = check(API_KEYS, secrets, "", "postgres");
        assertThatThrownBy(() -> run(shortPassword))
                .hasMessageContaining("spring.datasource.password (RIGHTSFLOW_DB_PASSWORD) is shorter than 12");

        when(staff.isEmpty()).thenReturn(false);
        assertThatNoException().isThrownBy(() -> run(check(API_KEYS, secrets, "", "a long database password")));
    }

    @Test
    void theMonitoringPasswordIsJudgedLikeEveryOtherPassword() {
        SecretsProperties secrets = new SecretsProperties(LINK_KEY, DATA_KEYS, HASH_KEY, SUPPRESSION_KEY);
        when(staff.isEmpty()).thenReturn(false);
        assertThatThrownBy(() -> run(check(API_KEYS, secrets, "", "", "demo-monitoring-password")))
                .hasMessageContaining("rightsflow.monitoring.password (RIGHTSFLOW_MONITORING_PASSWORD) is the demo value");
        assertThatThrownBy(() -> run(check(API_KEYS, secrets, "", "", "short")))
                .hasMessageContaining("rightsflow.monitoring.password (RIGHTSFLOW_MONITORING_PASSWORD) is shorter than 12");
        // None at all: the management port opens to nobody, which is safe.
        assertThatNoException().isThrownBy(() -> run(check(API_KEYS, secrets, "", "", "")));
        assertThatNoException().isThrownBy(() -> run(check(API_KEYS, secrets, "", "", "a long monitoring password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://keycloak.example.com/realms/staff", "HTTP://login.example.com/tenant/v2.0",
            "keycloak.example.com/realms/staff", "https:///no-host", "not a uri"})
    void singleSignOnWithAnIssuerThatIsNotHttpsIsRefused(String issuer) {
        String secret = "Zq4vN8xR2mT6bW1kP9sL3dF7gH0jC5";
        assertThatThrownBy(() -> runWithSso(sso(issuer, secret)))
                .hasMessageStartingWith("Refusing to start the postgres profile")
                .hasMessageContaining("rightsflow.sso.issuer-uri (RIGHTSFLOW_SSO_ISSUER_URI) is not an https address")
                .hasMessageNotContaining(secret);
    }

    @Test
    void singleSignOnOverHttpsWithTheSecretTheProviderIssuedStarts() {
        when(staff.isEmpty()).thenReturn(false);
        // Short or long, whatever alphabet: the provider decides what its secrets look like.
        assertThatNoException().isThrownBy(() -> runWithSso(sso("https://keycloak.example.com/realms/staff",
                "Zq4vN8xR2mT6bW1kP9sL3dF7gH0jC5")));
        assertThatNoException().isThrownBy(() -> runWithSso(sso("HTTPS://login.microsoftonline.com/tenant/v2.0",
                "a1B~c2D.e3F")));
        // Off, nothing of it is judged: the postgres profile's defaults leave the settings empty.
        assertThatNoException().isThrownBy(() -> runWithSso(SSO_OFF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "changeme", "CHANGE-ME", "client-secret", "client_secret", " password "})
    void singleSignOnWithAnExampleClientSecretIsRefused(String secret) {
        assertThatThrownBy(() -> runWithSso(sso("https://keycloak.example.com/realms/staff", secret)))
                .hasMessageContaining("rightsflow.sso.client-secret (RIGHTSFLOW_SSO_CLIENT_SECRET) is an example value")
                .hasMessageNotContaining("issuer-uri");
    }
}
