package com.caseflow.console.services;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The four services' APIs, each called with the signed-in user's access token. */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    private static final String PROBLEM_PREFIX = "urn:caseflow:problem:";

    @Bean
    CircuitBreakerRegistry serviceBreakers(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                // a client's mistake says nothing about the service's health
                .ignoreExceptions(ServiceProblem.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    Services services(ServicesProperties properties, RestClient.Builder builder, OAuth2AuthorizedClientManager manager,
                      OAuth2AuthorizedClientRepository authorized, CircuitBreakerRegistry breakers,
                      JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(manager);
        userToken.setClientRegistrationIdResolver(request -> "caseflow");
        // a token the service refuses is dropped, so the next request signs in again or refreshes
        userToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorized));
        Timeouts timeouts = timeouts(properties);
        ClientHttpRequestInterceptor language = (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
            return execution.execute(request, body);
        };
        return new Services(
                api("intake", properties.intake(), builder, timeouts, userToken, language, breakers, json),
                api("routing", properties.routing(), builder, timeouts, userToken, language, breakers, json),
                api("followup", properties.followup(), builder, timeouts, userToken, language, breakers, json),
                api("evaluation", properties.evaluation(), builder, timeouts, userToken, language, breakers, json));
    }

    /** The same connections, read with the screens' timeout or the downloads' longer one. */
    record Timeouts(JdkClientHttpRequestFactory screens, JdkClientHttpRequestFactory downloads) {
    }

    static Timeouts timeouts(ServicesProperties properties) {
        // the JDK's HttpClient: HttpURLConnection cannot send PATCH (evaluation's proposals change by PATCH)
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory screens = new JdkClientHttpRequestFactory(http);
        screens.setReadTimeout(properties.readTimeout());
        JdkClientHttpRequestFactory downloads = new JdkClientHttpRequestFactory(http);
        downloads.setReadTimeout(properties.downloadReadTimeout());
        return new Timeouts(screens, downloads);
    }

    static ServiceApi api(String name, URI base, RestClient.Builder builder, Timeouts timeouts,
                          ClientHttpRequestInterceptor userToken, ClientHttpRequestInterceptor language,
                          CircuitBreakerRegistry breakers, JsonMapper json) {
        RestClient.Builder configured = builder.clone()
                .baseUrl(base.toString())
                .requestInterceptor(userToken)
                .requestInterceptor(language)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status >= 500 || status == 401) {
                        // 401 after the token was renewed: the service does not accept the console's tokens
                        throw new ServiceUnavailable(name, new IOException(name + " answered " + status));
                    }
                    throw problem(name, status, response.getBody().readAllBytes(), json);
                });
        return new ServiceApi(name, configured.clone().requestFactory(timeouts.screens()).build(),
                configured.clone().requestFactory(timeouts.downloads()).build(), breakers.circuitBreaker(name));
    }

    static ServiceProblem problem(String service, int status, byte[] body, JsonMapper json) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (RuntimeException e) {
            return new ServiceProblem(service, status, null, null, List.of());
        }
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : document.path("errors")) {
            errors.add(new ServiceProblem.FieldError(error.path("field").asString(""),
                    error.path("message").asString("")));
        }
        String type = document.path("type").asString(null);
        if (type != null && type.startsWith(PROBLEM_PREFIX)) {
            type = type.substring(PROBLEM_PREFIX.length());
        }
        return new ServiceProblem(service, status, type, document.path("detail").asString(null), errors);
    }
}
