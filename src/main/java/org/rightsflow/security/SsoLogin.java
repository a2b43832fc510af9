package org.rightsflow.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The OpenID Connect sign-in of the staff login (docs/sso.md), Spring Security's own {@code oauth2Login} with four
 * choices of Rightsflow's:
 * <ul>
 *   <li>the provider is discovered from its issuer at the first sign-in, not at start-up, so Rightsflow starts (and
 *       the form login works) while the provider is down;</li>
 *   <li>the identity's claims decide the account, its roles and groups ({@link SsoAccounts}), or refuse it;</li>
 *   <li>the session then holds the same login a password sign-in gives (a {@link User} of the account's user name and
 *       its roles), so everything that reads the login (CurrentStaff, Camunda's webapps, the session store, the
 *       deactivation that deletes a person's sessions by user name) treats both alike;</li>
 *   <li>nothing of the provider is kept: no access or refresh token, no ID token in the session.</li>
 * </ul>
 */
final class SsoLogin {

    /** The registration id: the paths are {@code /oauth2/authorization/sso} and {@code /login/oauth2/code/sso}. */
    static final String REGISTRATION_ID = "sso";
    static final String START_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    /** The refusal page; the request attribute {@link #REFUSAL} says why. */
    static final String REFUSED_PAGE = "/login/sso-refused";
    static final String REFUSAL = SsoLogin.class.getName() + ".refusal";

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

    private final SsoProperties sso;
    private final SsoAccounts accounts;
    private final DiscoveredProvider provider;

    SsoLogin(SsoProperties sso, SsoAccounts accounts) {
        this.sso = sso;
        this.accounts = accounts;
        this.provider = new DiscoveredProvider(sso);
    }

    void configure(HttpSecurity http) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler staffPage = new SavedRequestAwareAuthenticationSuccessHandler();
        staffPage.setDefaultTargetUrl("/staff");
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(provider)
                .authorizedClientRepository(new NothingKept())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new StaffOidcUsers(accounts)))
                .successHandler(new AsPasswordLogin(staffPage))
                .failureHandler(new Refusals()));
    }

    /** The provider's registration, read from its discovery document once it answers. */
    static final class DiscoveredProvider implements ClientRegistrationRepository {

        private final SsoProperties sso;
        private volatile ClientRegistration registration;

        DiscoveredProvider(SsoProperties sso) {
            this.sso = sso;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            return REGISTRATION_ID.equals(registrationId) ? registration() : null;
        }

        private ClientRegistration registration() {
            ClientRegistration known = registration;
            if (known == null) {
                synchronized (this) {
                    if (registration == null) {
                        Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
                        scopes.addAll(sso.scopes());
                        registration = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
                                .registrationId(REGISTRATION_ID)
                                .clientId(sso.clientId())
                                .clientSecret(sso.clientSecret())
                                .scope(scopes)
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                .userNameAttributeName(IdTokenClaimNames.SUB)
                                .clientName(sso.providerName())
                                .build();
                    }
                    known = registration;
                }
            }
            return known;
        }
    }

    /** Validates the ID token (Spring's OidcUserService), then asks {@link SsoAccounts} whom it signs in. */
    static final class StaffOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService verified = new OidcUserService();
        private final SsoAccounts accounts;

        StaffOidcUsers(SsoAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser identity = verified.loadUser(request);
            try {
                StaffMember member = accounts.signIn(identity.getIssuer().toString(), identity.getSubject(),
                        identity.getClaims());
                return new StaffOidcUser(member.username(), authorities(member.roles()), identity);
            } catch (SsoRefused refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error(refused.refusal().code()),
                        refused.refusal().code());
            }
        }
    }

    /** The identity, named by the staff account's user name. Lives only until {@link AsPasswordLogin} replaces it. */
    static final class StaffOidcUser extends DefaultOidcUser {

        private final String username;

        StaffOidcUser(String username, List<GrantedAuthority> authorities, OidcUser identity) {
            super(authorities, identity.getIdToken(), identity.getUserInfo(), IdTokenClaimNames.SUB);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StaffOidcUser user && user.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }

    /**
     * Puts the login a password sign-in gives into the session in place of the OpenID one, then goes where a
     * password sign-in goes: the page that asked for it, or the inbox.
     */
    static final class AsPasswordLogin implements AuthenticationSuccessHandler {

        private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
        private final AuthenticationSuccessHandler next;

        AsPasswordLogin(AuthenticationSuccessHandler next) {
            this.next = next;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, ServletException {
            User principal = new User(authentication.getName(), "", authentication.getAuthorities());
            principal.eraseCredentials();
            UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(principal,
                    null, authentication.getAuthorities());
            login.setDetails(details.buildDetails(request));
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(login);
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            contexts.saveContext(context, request, response);
            next.onAuthenticationSuccess(request, response, login);
        }
    }

    /** A refused or failed sign-in: the refusal page, with its status; the log names the reason, never the person. */
    static final class Refusals implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException failure) throws IOException, ServletException {
            String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
            SsoRefusal refusal = SsoRefusal.ofCode(code);
            log.info("Single sign-on refused: {} ({})", refusal, code);
            // What went wrong with the provider's answer, for whoever sets the provider up; never the person's claims
            // (Rightsflow's own refusals have no description).
            if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
                log.debug("Single sign-on failure described: {}", oauth.getError().getDescription());
            }
            request.setAttribute(REFUSAL, refusal);
            request.getRequestDispatcher(REFUSED_PAGE).forward(request, response);
        }
    }

    /** Rightsflow calls nothing at the provider after the sign-in: its tokens are not kept, anywhere. */
    static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
                                                                         Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
        }
    }

    static List<GrantedAuthority> authorities(Set<StaffRole> roles) {
        return roles.stream().sorted().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
