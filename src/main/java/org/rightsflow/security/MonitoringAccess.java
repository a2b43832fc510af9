package org.rightsflow.security;

import java.util.List;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port (Actuator's health and Prometheus endpoints) behind HTTP Basic with the monitoring account
 * alone. Its own authentication manager, so a staff user name and password never open it, and stateless: a scraper
 * polling every few seconds leaves no session rows behind.
 */
@Configuration
class MonitoringAccess {

    static final String MONITORING = "MONITORING";

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, MonitoringAccount account, PasswordEncoder encoder)
            throws Exception {
        List<UserDetails> users = account.configured()
                ? List.of(User.withUsername(account.username()).password(encoder.encode(account.password()))
                        .roles(MONITORING).build())
                : List.of();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(encoder);
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(MONITORING))
                .httpBasic(basic -> basic.realmName("Rightsflow monitoring"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
