package org.rightsflow.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect ({@code rightsflow.sso.*}, docs/sso.md). Off by default; the form login stays
 * beside it unless {@code form-login} is false.
 *
 * @param enabled        whether the staff login page offers the OpenID provider
 * @param issuerUri      the provider's issuer; its {@code /.well-known/openid-configuration} says the rest
 * @param clientId       Rightsflow's client id at the provider
 * @param clientSecret   its client secret (RIGHTSFLOW_SSO_CLIENT_SECRET in the postgres profile); never logged
 * @param scopes         the scopes asked for; {@code openid} is always among them
 * @param providerName   the end of the button's "Sign in with …", e.g. "Contoso account"
 * @param usernameClaim  the claim a new account's user name is made from (lower-cased, other characters than
 *                       letters, digits, '.', '_' and '-' become '-'); the link to the account is issuer + subject
 * @param rolesClaim     the claim holding the person's roles; a dotted path reads into objects
 *                       ({@code realm_access.roles} for Keycloak)
 * @param groupsClaim    the claim holding the person's groups, as a dotted path; empty: groups are not mapped
 * @param roleMapping    a claim value → the Rightsflow role it gives; a person with no mapped value is refused
 * @param groupMapping   a claim value → the key of the Rightsflow staff group it gives
 * @param formLogin      whether the user name and password form stays on the login page (false: SSO only)
 */
@ConfigurationProperties("rightsflow.sso")
record SsoProperties(@DefaultValue("false") boolean enabled,
                     String issuerUri,
                     String clientId,
                     String clientSecret,
                     @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                     @DefaultValue("your organisation's account") String providerName,
                     @DefaultValue("preferred_username") String usernameClaim,
                     @DefaultValue("roles") String rolesClaim,
                     @DefaultValue("groups") String groupsClaim,
                     Map<String, StaffRole> roleMapping,
                     Map<String, String> groupMapping,
                     @DefaultValue("true") boolean formLogin) {

    SsoProperties {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
        scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
        if (!formLogin && !enabled) {
            throw new IllegalArgumentException("rightsflow.sso.form-login is false but single sign-on is off: nobody "
                    + "could sign in. Switch rightsflow.sso.enabled on, or keep the form login.");
        }
        if (enabled) {
            require(issuerUri, "issuer-uri");
            require(clientId, "client-id");
            require(clientSecret, "client-secret");
            if (roleMapping.isEmpty()) {
                throw new IllegalArgumentException("rightsflow.sso.role-mapping is empty: every sign-in would be "
                        + "refused. Map the values of the '" + rolesClaim + "' claim to Rightsflow roles.");
            }
        }
    }

    /** The roles the claim values give. */
    Set<StaffRole> rolesFor(List<String> values) {
        return Set.copyOf(values.stream().map(roleMapping::get).filter(java.util.Objects::nonNull).toList());
    }

    /** The staff groups the claim values give. */
    Set<String> groupsFor(List<String> values) {
        return Set.copyOf(values.stream().map(groupMapping::get).filter(java.util.Objects::nonNull).toList());
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("rightsflow.sso." + name + " must be set when single sign-on is on");
        }
    }

    /** Never the client secret. */
    @Override
    public String toString() {
        return "SsoProperties[enabled=" + enabled + ", issuerUri=" + issuerUri + ", clientId=" + clientId
                + ", secret hidden]";
    }
}
