package org.rightsflow.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider in the test JVM: Spring Authorization Server in a small application context of its own, on
 * a random port of 127.0.0.1 (so its cookies are not the application's, which runs on localhost). It has one
 * registered client, people who sign in with its form login, and puts each person's claims into their ID token
 * (an {@link OAuth2TokenCustomizer}), shaped as Keycloak shapes them: the roles in {@code realm_access.roles}, the
 * groups in {@code groups}. Nothing in it is mocked: the application discovers it, redirects the browser to it,
 * exchanges the code over HTTP and verifies the signed ID token against its keys.
 *
 * <p>Deliberately no {@code @Configuration}: the application's component scan must not find it.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "rightsflow";
    public static final String CLIENT_SECRET = "a-client-secret-of-the-test-provider";

    /** A person at the provider: signs in with {@code username} / {@code password}; the claims go in the ID token. */
    public record Person(String username, String password, String email, String name, List<String> roles,
                         List<String> groups) {
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    private static final Clients CLIENTS = new Clients();

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://127.0.0.1:" + port;
    }

    /** Starts a provider knowing these people (their passwords are the provider's, never Rightsflow's). */
    public static OpenIdProvider start(List<Person> people) {
        PEOPLE.clear();
        people.forEach(person -> PEOPLE.put(person.username(), person));
        // The provider leaves the test JVM's logging as it is.
        String loggingSystem = "org.springframework.boot.logging.LoggingSystem";
        String before = System.getProperty(loggingSystem);
        System.setProperty(loggingSystem, "none");
        try {
            return new OpenIdProvider(new SpringApplicationBuilder(ProviderBeans.class)
                    .web(WebApplicationType.SERVLET)
                    .properties(Map.of("server.port", "0", "server.address", "127.0.0.1",
                            "spring.config.name", "openid-provider-of-the-tests", "spring.main.banner-mode", "off",
                            "spring.jmx.enabled", "false",
                            // No servlet of its own (everything is Spring Security's filters): Tomcat filters only
                            // requests that some servlet maps.
                            "server.servlet.register-default-servlet", "true"))
                    .run());
        } finally {
            if (before == null) {
                System.clearProperty(loggingSystem);
            } else {
                System.setProperty(loggingSystem, before);
            }
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The one redirect URI the client may use: the application's callback, known once it has its port. */
    public void allowRedirectTo(String redirectUri) {
        CLIENTS.redirectTo(redirectUri);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The one client, whose redirect URI is set once the application's port is known. */
    static final class Clients implements RegisteredClientRepository {

        private volatile RegisteredClient client = client("http://localhost/unset");

        private static RegisteredClient client(String redirectUri) {
            return RegisteredClient.withId("rightsflow-client")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(redirectUri)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
        }

        void redirectTo(String redirectUri) {
            client = client(redirectUri);
        }

        /** The provider saves the client when it re-encodes its secret after the first token request. */
        @Override
        public void save(RegisteredClient registeredClient) {
            if (!registeredClient.getId().equals(client.getId())) {
                throw new UnsupportedOperationException("The test provider has one client");
            }
            client = registeredClient;
        }

        @Override
        public RegisteredClient findById(String id) {
            return client.getId().equals(id) ? client : null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return client.getClientId().equals(clientId) ? client : null;
        }
    }

    /** The provider's beans; lite {@code @Bean} methods, found only because this class is the application's source. */
    @EnableWebSecurity
    @ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
    static class ProviderBeans {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                    // The userinfo endpoint takes the access tokens this provider signed.
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain providerLogin(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(PEOPLE.values().stream()
                    .map(person -> User.withUsername(person.username()).password("{noop}" + person.password())
                            .roles("PERSON").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            return CLIENTS;
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** Each person's claims in their ID token, where Keycloak puts them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims()
                        .claim("preferred_username", person.username())
                        .claim("email", person.email())
                        .claim("name", person.name())
                        .claim("realm_access", Map.of("roles", person.roles()))
                        .claim("groups", person.groups());
            };
        }
    }
}
