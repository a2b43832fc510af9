package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claims as Keycloak, Entra ID and Okta shape them, and the user names made from them. */
class SsoClaimsTest {

    @Test
    void aListAStringAndANestedListAreRead() {
        Map<String, Object> claims = Map.of(
                "roles", List.of("Rightsflow.Admin", " ", 7),
                "scp", "a b,c",
                "realm_access", Map.of("roles", List.of("rightsflow-officers")),
                "https://example.com/claims/groups", List.of("g1"));

        assertThat(SsoClaims.values(claims, "roles")).containsExactly("Rightsflow.Admin");
        assertThat(SsoClaims.values(claims, "scp")).containsExactly("a", "b", "c");
        assertThat(SsoClaims.values(claims, "realm_access.roles")).containsExactly("rightsflow-officers");
        assertThat(SsoClaims.values(claims, "https://example.com/claims/groups")).containsExactly("g1");
        assertThat(SsoClaims.values(claims, "groups")).isEmpty();
        assertThat(SsoClaims.values(claims, "realm_access.roles.deeper")).isEmpty();
        assertThat(SsoClaims.values(claims, "")).isEmpty();
    }

    @Test
    void userNamesAreMadeFromTheClaimAsAnAdminWouldTypeThem() {
        assertThat(SsoAccounts.username("Olga.Officer@Contoso.com")).isEqualTo("olga.officer-contoso.com");
        assertThat(SsoAccounts.username("sam")).isEqualTo("sam");
        assertThat(SsoAccounts.username("x")).as("too short").isNull();
        assertThat(SsoAccounts.username("-leading")).isNull();
        assertThat(SsoAccounts.username(null)).isNull();
        assertThat(SsoAccounts.username("a".repeat(80))).hasSize(64);
    }

    @Test
    void claimValuesMapToRolesAndGroupsAndTheRestIsIgnored() {
        SsoProperties sso = new SsoProperties(true, "https://id.example.com", "rightsflow", "s3cr3t-value", List.of("openid"),
                "Example ID", "preferred_username", "roles", "groups",
                Map.of("rf-admins", StaffRole.ADMIN, "rf-owners", StaffRole.SYSTEM_OWNER),
                Map.of("sg-support", "support-team"), true);

        assertThat(sso.rolesFor(List.of("rf-owners", "wiki"))).containsExactly(StaffRole.SYSTEM_OWNER);
        assertThat(sso.rolesFor(List.of("wiki"))).isEmpty();
        assertThat(sso.groupsFor(List.of("sg-support", "sg-other"))).containsExactly("support-team");
        assertThat(sso.toString()).doesNotContain("s3cr3t-value");
    }
}
