package com.caseflow.infra.identity;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Authorization Server set up for CaseFlow: the demo staff as users, the command-line and service clients,
 * a persistent signing key and the staff claims in every token. Everything is declared here; nothing is scanned.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@Import(CliCallbackController.class)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    /** Public client of {@code infra/bin/token} and other command-line tools: authorization code with PKCE. */
    static final String CLI_CLIENT_ID = "caseflow-cli";

    /** Confidential client for calls between services: client credentials. */
    static final String SERVICES_CLIENT_ID = "caseflow-services";

    static final String SERVICES_SCOPE = "caseflow.services";

    /** The web console, a backend-for-frontend: confidential, authorization code with PKCE, refresh tokens. */
    static final String CONSOLE_CLIENT_ID = "caseflow-console";

    /** The protocol endpoints (authorize, token, JWK set, discovery, user info, ...). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, AuthorizationServerSettings settings) {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the OIDC user info endpoint takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // A user not logged in yet goes to the login form, whatever the client accepts: curl sends
                // "Accept: */*", which Boot's default setup answers with 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.pathPattern(settings.getAuthorizationEndpoint())));
        return http.build();
    }

    /** Everything else: the login form, health for probes and the command-line callback page are open. */
    @Bean
    @Order(2)
    SecurityFilterChain loginAndPages(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authenticationManager(new ProviderManager(throttle.guard(passwords)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", CliCallbackController.PATH,
                                "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(IdentityProperties properties, MeterRegistry meters) {
        return new LoginThrottle(properties.login(), Clock.systemUTC(), meters);
    }

    /** Each demo user without a password of its own in the configuration gets one, generated on first start. */
    @Bean
    UserDetailsService users(IdentityProperties properties, PasswordEncoder encoder) {
        Map<String, String> generated = DemoUsers.loadOrCreate(properties.dataDir(), properties.users().stream()
                .filter(user -> user.password() == null).map(IdentityProperties.User::staffId).toList());
        // BCrypt at its default strength, one user after the other, would hold the start for a second or two
        PasswordEncoder quick = new BCryptPasswordEncoder(8);
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.staffId())
                        .password(user.password() != null ? encoder.encode(user.password())
                                : "{bcrypt}" + quick.encode(generated.get(user.staffId())))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        log.info("Demo users' passwords: {}", DemoUsers.file(properties.dataDir()));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * The command-line client may come back to the issuer's address or to the loopback address: in docker compose the
     * issuer is {@code http://identity:9000}, which the host cannot resolve, and {@code infra/bin/token} on the host
     * reaches the server through the published port on 127.0.0.1 (any port counts there, RFC 8252).
     */
    @Bean
    RegisteredClientRepository clients(IdentityProperties properties, PasswordEncoder encoder,
            @Value("${server.port:9000}") int port) {
        RegisteredClient cli = RegisteredClient.withId(CLI_CLIENT_ID)
                .clientId(CLI_CLIENT_ID)
                .clientName("CaseFlow command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.issuer() + CliCallbackController.PATH)
                .redirectUri("http://127.0.0.1:" + port + CliCallbackController.PATH)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTimeToLive())
                        .build())
                .build();
        RegisteredClient services = RegisteredClient.withId(SERVICES_CLIENT_ID)
                .clientId(SERVICES_CLIENT_ID)
                .clientName("CaseFlow services")
                .clientSecret(encoder.encode(properties.servicesSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(SERVICES_SCOPE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.servicesTokenTimeToLive())
                        .build())
                .build();
        IdentityProperties.Console console = properties.console();
        RegisteredClient consoleClient = RegisteredClient.withId(CONSOLE_CLIENT_ID)
                .clientId(CONSOLE_CLIENT_ID)
                .clientName("CaseFlow console")
                .clientSecret(encoder.encode(console.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(console.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(console.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                // short access tokens: the console renews them on the server, the browser never holds one
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(console.accessTokenTimeToLive())
                        .refreshTokenTimeToLive(console.refreshTokenTimeToLive()).reuseRefreshTokens(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(cli, services, consoleClient);
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return new SigningKeys(SigningKeyStore.file(properties.dataDir()), properties.signingKeyRotation(),
                Clock.systemUTC());
    }

    /** The JWK set endpoint publishes the current and the previous key; the user info endpoint checks with both. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.jwkSource();
    }

    /** Tokens are signed with the current key: the authorization server takes this encoder over the JWK source. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return keys.encoder();
    }

    /**
     * Who the user is. Access tokens carry {@code staff_id}, {@code roles} (without a {@code ROLE_} prefix),
     * {@code name} and, for department staff, {@code department}; ID tokens only the {@code name}, so an ID token
     * presented to a service as if it were an access token is refused (the services require {@code staff_id}).
     * {@code sub} is the staff id already. Every access token, service tokens (client credentials) too, names the
     * services its client calls in {@code aud} ({@code caseflow.identity.audiences}); a service refuses a token
     * without its own name there. ID tokens keep the client id as {@code aud}, as OpenID Connect requires.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> staffClaims(IdentityProperties properties) {
        Map<String, IdentityProperties.User> byStaffId = new HashMap<>();
        properties.users().forEach(user -> byStaffId.put(user.staffId(), user));
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            List<String> audiences = properties.audiences().get(context.getRegisteredClient().getClientId());
            if (accessToken && audiences != null && !audiences.isEmpty()) {
                context.getClaims().audience(audiences);
            }
            if (!(accessToken || idToken)
                    || AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            IdentityProperties.User user = byStaffId.get(context.getPrincipal().getName());
            if (user == null) {
                return;
            }
            context.getClaims().claims(claims -> {
                claims.put("name", user.name());
                if (idToken) {
                    return;
                }
                claims.put("staff_id", user.staffId());
                claims.put("roles", user.roles());
                if (user.department() != null) {
                    claims.put("department", user.department());
                }
            });
        };
    }
}
