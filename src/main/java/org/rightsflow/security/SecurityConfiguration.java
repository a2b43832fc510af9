package org.rightsflow.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
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
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Four doors, four filter chains:
 * <ol>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic, ADMIN only, no session, no cookies.</li>
 *   <li>{@code /api/**}: the JSON API. Submitting takes an API key (never a cookie, so no CSRF exposure); reading a
 *       request takes an API key or a staff login; the deadline calculator is public (it holds no personal data).</li>
 *   <li>{@code /camunda/**}: Cockpit, Tasklist, Admin, for ADMIN after the staff login. Camunda guards these with its
 *       own CSRF filter, so Spring's is off here.</li>
 *   <li>Everything else: the public privacy center and the staff inbox behind the form login, with CSRF.</li>
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
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_PRIVACY_OFFICER");
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.realmName("Rightsflow engine"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain jsonApi(HttpSecurity http, ApiKeys keys, ProblemResponses problems) throws Exception {
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/deadlines").permitAll()
                        // A callback authenticates with its signature, checked by the endpoint itself.
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests").hasRole("API")
                        .requestMatchers(HttpMethod.POST, "/api/v1/optouts", "/api/v1/suppression/check").hasRole("API")
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests/**").hasAnyRole("API", PRIVACY_OFFICER)
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
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
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .formLogin(login -> login.loginPage("/login"))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain portalAndStaff(HttpSecurity http) throws Exception {
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/denied");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/requests", "/requests/**", "/status/**", "/verify/**", "/login",
                                "/processors/confirm/**", "/do-not-sell-or-share", "/limit-sensitive-use", "/opted-out",
                                "/preferences", "/preferences/**", "/denied", "/error", "/css/**", "/js/**", "/favicon.ico",
                                // exists only in the demo (DemoMailboxOn); elsewhere a 404
                                "/demo/mailbox").permitAll()
                        .requestMatchers("/staff/incidents/**", "/staff/incidents").hasRole(PRIVACY_OFFICER)
                        .requestMatchers("/staff/systems/new", "/staff/systems/import", "/staff/systems/export",
                                "/staff/systems/*/edit", "/staff/calendars", "/staff/calendars/**").hasRole(ADMIN)
                        .requestMatchers("/staff/**").hasAnyRole(PRIVACY_OFFICER, SYSTEM_OWNER)
                        .anyRequest().denyAll())
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/staff", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(deniedPage))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.disable())
                .anonymous(withDefaults())
                .build();
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
