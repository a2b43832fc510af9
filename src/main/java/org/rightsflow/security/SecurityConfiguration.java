package org.rightsflow.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.rightsflow.limits.RateLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Four doors, four filter chains:
 * <ol>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic, ADMIN only, no session, no cookies; Camunda's
 *       authorizations then allow reading only, and nothing deploys. Wrong passwords spend the client address's
 *       sign-in budget, shared with the login form ({@link EngineRestLoginLimits}).</li>
 *   <li>{@code /api/**}: the JSON API. Submitting takes an API key with the scope for it (never a cookie, so no CSRF
 *       exposure); reading a request takes a key with a read scope or a privacy officer's login; the deadline
 *       calculator is public (it holds no personal data).</li>
 *   <li>{@code /camunda/**}: Cockpit, for ADMIN after the staff login, reading only. Camunda guards these with its
 *       own CSRF check ({@link CamundaCsrfCheck}), so Spring's is off here.</li>
 *   <li>Everything else: the public privacy center and the staff inbox behind the form login and, when it is on,
 *       the OpenID Connect sign-in ({@link SsoLogin}), with CSRF (the token in the session once there is one, before
 *       that in a cookie: {@link VisitorCsrfTokens}).</li>
 * </ol>
 */
@Configuration
class SecurityConfiguration {

    private static final String ADMIN = StaffRole.ADMIN.name();
    private static final String PRIVACY_OFFICER = StaffRole.PRIVACY_OFFICER.name();
    private static final String SYSTEM_OWNER = StaffRole.SYSTEM_OWNER.name();

    // Our own pages load nothing from elsewhere and run no inline script.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * Matches the whole request path. The default matcher is relative to Spring MVC's servlet and never sees the
     * Jersey servlet of Camunda's REST API or Camunda's webapp filters.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    ApiKeys apiKeys(ApiProperties api) {
        return new ApiKeys(api.keys());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_PRIVACY_OFFICER");
    }

    /**
     * Deploying goes around the application's models (bpmn/, deployed at start-up). Camunda's authorizations refuse
     * it too; this refuses it before the engine is reached, under every path the REST API answers.
     */
    private static RequestMatcher deploying(String engineApi) {
        return new OrRequestMatcher(path(engineApi + "/deployment/create"), path(engineApi + "/deployment/*/redeploy"),
                path(engineApi + "/engine/*/deployment/create"), path(engineApi + "/engine/*/deployment/*/redeploy"));
    }

    /**
     * A refusal written on the spot: the error page would try to read a refused upload (a deployment) again, and
     * Camunda's servlets have no multipart configuration for it.
     */
    private static AccessDeniedHandler notAllowed(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed",
                "Rightsflow's engine deploys only its own models, and admins may read, not change.",
                request.getRequestURI());
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, ProblemResponses problems, RateLimits limits) throws Exception {
        EngineRestLoginLimits loginLimits = new EngineRestLoginLimits(limits, problems, "Rightsflow engine");
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(deploying("/engine-rest")).denyAll()
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.realmName("Rightsflow engine").authenticationEntryPoint(loginLimits))
                .addFilterBefore(loginLimits, BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.accessDeniedHandler(notAllowed(problems)))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain jsonApi(HttpSecurity http, ApiKeys keys, ProblemResponses problems, RateLimits limits)
            throws Exception {
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/deadlines").permitAll()
                        // A callback authenticates with its signature, checked by the endpoint itself.
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/*").permitAll()
                        // Each key may do only what its scopes name (ApiScope); a staff session reads requests only.
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests").hasAuthority(ApiScope.SUBMIT.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/optouts").hasAuthority(ApiScope.OPTOUTS.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/suppression/check")
                        .hasAuthority(ApiScope.SUPPRESSION.authority())
                        // Which request a read-own key may read is the controller's decision (404 for the others).
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/*").hasAnyAuthority(
                                ApiScope.READ_OWN.authority(), ApiScope.READ_ALL.authority(),
                                StaffRole.PRIVACY_OFFICER.authority())
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems, limits), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.securityContextRepository(new SessionReadingContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                                "Send an X-Api-Key header, or sign in as staff.", request.getRequestURI()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Not allowed",
                                "These credentials may not use this operation.", request.getRequestURI())))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(deploying("/camunda/api/engine")).denyAll()
                        // Staff sign in on Rightsflow's page only; Camunda's own login and first-run setup stay shut.
                        .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**"),
                                path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().hasRole(ADMIN))
                .formLogin(login -> login.loginPage("/login"))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.accessDeniedHandler(notAllowed(problems)))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain portalAndStaff(HttpSecurity http, RateLimits limits, LoginLockout lockout, Clock clock,
                                       SsoProperties sso, SsoAccounts ssoAccounts) throws Exception {
        LoginLimits loginLimits = new LoginLimits(limits, lockout, clock);
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/denied");
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/requests", "/requests/**", "/status/**", "/verify/**", "/login", LoginLimits.LIMITED_PAGE,
                                SsoLogin.REFUSED_PAGE,
                                "/processors/confirm/**", "/do-not-sell-or-share", "/limit-sensitive-use", "/opted-out",
                                "/preferences", "/preferences/**", "/denied", "/bad-input", "/error", "/css/**", "/js/**", "/favicon.ico",
                                // the charts' library; the transparency page is a 404 unless published
                                "/webjars/uplot/**", "/transparency",
                                // exists only in the demo (DemoMailboxOn); elsewhere a 404
                                "/demo/mailbox").permitAll()
                        // An emailed set-password link: its person is not signed in (SetPasswordController).
                        .requestMatchers("/staff/set-password/*").permitAll()
                        .requestMatchers("/staff/admin", "/staff/admin/**", "/staff/systems/*/owner-group").hasRole(ADMIN)
                        // The key that verifies evidence packs is public; the packs and the access log are not.
                        .requestMatchers("/staff/evidence/public-key.pem").permitAll()
                        .requestMatchers("/staff/access-log", "/staff/evidence", "/staff/evidence/**")
                        .hasRole(PRIVACY_OFFICER)
                        .requestMatchers(HttpMethod.POST, "/staff/retention/purge").hasRole(ADMIN)
                        .requestMatchers("/staff/incidents/**", "/staff/incidents").hasRole(PRIVACY_OFFICER)
                        // The bpmn-js viewer of a request's diagram, which only privacy officers see.
                        .requestMatchers("/webjars/bpmn-js/**").hasRole(PRIVACY_OFFICER)
                        .requestMatchers("/staff/retention").hasRole(PRIVACY_OFFICER)
                        .requestMatchers("/staff/ropa", "/staff/ropa.csv").hasRole(PRIVACY_OFFICER)
                        .requestMatchers("/staff/systems/new", "/staff/systems/import", "/staff/systems/export",
                                "/staff/systems/discover",
                                "/staff/systems/*/edit", "/staff/calendars", "/staff/calendars/**").hasRole(ADMIN)
                        .requestMatchers("/staff/**").hasAnyRole(PRIVACY_OFFICER, SYSTEM_OWNER)
                        .anyRequest().denyAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(deniedPage))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.disable())
                // Anonymous visitors keep their token in a cookie, so reading and sending a form opens no session.
                .csrf(csrf -> csrf.csrfTokenRepository(new VisitorCsrfTokens()))
                .anonymous(withDefaults());
        if (sso.formLogin()) {
            http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/staff", false)
                            .failureHandler(loginLimits).permitAll())
                    .addFilterBefore(loginLimits, UsernamePasswordAuthenticationFilter.class);
        }
        // Single sign-on beside the form, or instead of it (docs/sso.md).
        if (sso.enabled()) {
            new SsoLogin(sso, ssoAccounts).configure(http);
        }
        return http.build();
    }

    /**
     * Signs the admin of an HTTP Basic request in as their Camunda user for that request, so Camunda's
     * authorizations apply to the REST API (see {@link CamundaStaffAccess}).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, CamundaWebappAuthentication.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        // After Spring Security's filter chain (order -100), so the login is already known.
        registration.setOrder(101);
        return registration;
    }

    /** Camunda's CSRF check without its side effect of signing the staff member out (see {@link CamundaCsrfCheck}). */
    @Bean
    FilterRegistrationBean<CamundaCsrfCheck> camundaCsrfCheck() {
        FilterRegistrationBean<CamundaCsrfCheck> registration = new FilterRegistrationBean<>(new CamundaCsrfCheck());
        registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
        // Before Camunda's own filters, which the webapp starter registers after every filter bean.
        registration.setOrder(102);
        return registration;
    }

    /** Passes the Spring Security login on to Camunda's webapps (see {@link CamundaWebappAuthentication}). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's filter chain (order -100), so the login is already known.
        registration.setOrder(101);
        return registration;
    }
}
