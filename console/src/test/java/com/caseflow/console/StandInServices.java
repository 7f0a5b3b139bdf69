package com.caseflow.console;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;

/**
 * A stand-in for each service a console test talks to, and for the identity server's discovery document — the console
 * under test pointed at them. Registered as an extension on a static field, it forgets the services' answers before
 * each test (the test's own {@code @BeforeEach} then sets what it needs) and stops them after the class:
 * <pre>{@code
 * @RegisterExtension
 * static final StandInServices services = new StandInServices();
 *
 * @DynamicPropertySource
 * static void services(DynamicPropertyRegistry registry) {
 *     services.register(registry);
 * }
 * }</pre>
 */
final class StandInServices implements BeforeEachCallback, AfterAllCallback {

    final StubService identity = new StubService();
    final StubService intake = new StubService();
    final StubService routing = new StubService();
    final StubService followup = new StubService();
    final StubService evaluation = new StubService();

    void register(DynamicPropertyRegistry registry) {
        String issuer = identity.url();
        identity.answer("GET /.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo",
                 "end_session_endpoint":"%1$s/connect/logout","subject_types_supported":["public"],
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}
                """.formatted(issuer));
        registry.add("spring.security.oauth2.client.provider.caseflow.issuer-uri", () -> issuer);
        registry.add("caseflow.console.services.intake", intake::url);
        registry.add("caseflow.console.services.routing", routing::url);
        registry.add("caseflow.console.services.followup", followup::url);
        registry.add("caseflow.console.services.evaluation", evaluation::url);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    /** Forgets what the services were told to answer and what they were asked; the identity server keeps its own. */
    @Override
    public void beforeEach(ExtensionContext context) {
        List.of(intake, routing, followup, evaluation).forEach(StubService::reset);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List.of(identity, intake, routing, followup, evaluation).forEach(StubService::close);
    }
}
