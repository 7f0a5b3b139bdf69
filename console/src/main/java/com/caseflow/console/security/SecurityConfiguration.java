package com.caseflow.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * Backend-for-frontend login: authorization code with PKCE at the identity server, a session cookie, CSRF on every
 * form; the tokens stay in the server's session and never reach the browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION = "caseflow";
    private static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository clients,
                                @Value("${caseflow.console.identity-browser-url:}") String identityBrowserUrl) {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler endSessionAtIdentityServer =
                new BrowserFacingLogout(clients, identityBrowserUrl);
        endSessionAtIdentityServer.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/signed-out",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(LOGIN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new StaffUserService())))
                .logout(logout -> logout.logoutSuccessHandler(endSessionAtIdentityServer))
                .exceptionHandling(exceptions -> exceptions
                        // htmx follows a redirect inside XMLHttpRequest, where a login page cannot work: tell it to
                        // load the whole page again, which then goes to the login
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("HX-Refresh", "true");
                            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                        }, new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                request -> true)
                        .accessDeniedPage("/forbidden"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                + "form-action 'self' " + "http: https:; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Ends the session at the identity server too (RP-initiated logout), at the address the browser reaches it by:
     * the discovery document names the address the console uses, which a browser may not resolve.
     */
    static final class BrowserFacingLogout extends OidcClientInitiatedLogoutSuccessHandler {

        private final URI browser;

        BrowserFacingLogout(ClientRegistrationRepository clients, String browserUrl) {
            super(clients);
            this.browser = browserUrl == null || browserUrl.isBlank() ? null : URI.create(browserUrl);
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) {
            String target = super.determineTargetUrl(request, response, authentication);
            URI uri = URI.create(target);
            if (browser == null || uri.getHost() == null) {
                return target;
            }
            return UriComponentsBuilder.fromUri(uri).scheme(browser.getScheme()).host(browser.getHost())
                    .port(browser.getPort()).build(true).toUriString();
        }
    }

    /** Gets the signed-in user's access token for a call to a service, renewing it with the refresh token. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository clients,
                                                    OAuth2AuthorizedClientRepository authorized) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(clients, authorized);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
