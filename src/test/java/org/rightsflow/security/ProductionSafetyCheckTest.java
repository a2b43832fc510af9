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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The postgres profile refuses to start with anything of the demo in place, and creates the first admin. */
@ExtendWith(MockitoExtension.class)
class ProductionSafetyCheckTest {

    private static final String API_KEYS = "crm=Kx7pQ2mZ9vLw4rT8Yh3nB6cV";
    private static final String LINK_KEY = "f3b1c2d4e5a69788c9d0e1f2a3b4c5d6";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String ADMIN_EMAIL = "privacy@shop.example";

    @Mock
    StaffDirectory staff;

    private static final String DATA_KEYS = "prod-2027=Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI=";
    private static final String HASH_KEY = "a-real-erasure-hash-key-of-some-length";
    private static final String SUPPRESSION_KEY = "a-real-suppression-key-of-some-length";

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String bootstrapPassword) {
        return check(apiKeys, linkKey, DATA_KEYS, HASH_KEY, bootstrapPassword);
    }

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String dataKeys, String hashKey,
                                        String bootstrapPassword) {
        return check(apiKeys, linkKey, dataKeys, hashKey, SUPPRESSION_KEY, bootstrapPassword);
    }

    private ProductionSafetyCheck check(String apiKeys, String linkKey, String dataKeys, String hashKey,
                                        String suppressionKey, String bootstrapPassword) {
        return new ProductionSafetyCheck(new ApiKeys(apiKeys), staff, linkKey, dataKeys, hashKey, suppressionKey,
                bootstrapPassword, ADMIN_EMAIL);
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
        assertThatThrownBy(() -> run(check("crm=Kx7pQ2mZ9vLw4rT8, demo-api-key", LINK_KEY, "")))
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

        assertThatThrownBy(() -> run(check("demo-api-key", "demo-link-key-change-me", "owner")))
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
                "prod-2027=Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI=,demo-2026=" + ProductionSafetyCheck.DEMO_DATA_KEY,
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
}
