package com.caseflow.support;

import com.caseflow.support.config.ClockAutoConfiguration;
import com.caseflow.support.config.MongoPingHealthAutoConfiguration;
import com.caseflow.support.security.ProblemAuthenticationEntryPoint;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.security.ServiceSecurityAutoConfiguration;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.web.ProblemHandler;
import com.caseflow.support.web.ServiceWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a service gets from service-support by depending on it, without scanning a single one of its packages. */
class ServiceSupportAutoConfigurationTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ClockAutoConfiguration.class,
                    ServiceSecurityAutoConfiguration.class, ServiceWebAutoConfiguration.class));

    @Test
    void whenNoTimeZoneIsConfiguredThenTheClockKeepsBusinessTimeInShanghai() {
        service.run(context -> assertThat(context.getBean(Clock.class).getZone())
                .isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void whenAServiceRunsThenProblemsTheChainBuilderAndTheRateLimiterAreThere() {
        service.run(context -> assertThat(context).hasSingleBean(ProblemHandler.class)
                .hasSingleBean(ProblemAuthenticationEntryPoint.class)
                .hasSingleBean(ServiceSecurity.class)
                .hasSingleBean(StaffRateLimiter.class)
                .hasBean("bodySizeLimitFilter"));
    }

    @Test
    void whenNoIssuerIsConfiguredThenNoTokenIsTrusted() {
        service.run(context -> assertThat(context).doesNotHaveBean(JwtDecoder.class));
    }

    @Test
    void whenAnIssuerIsConfiguredThenItsTokensAreDecodedAndForgedOrForeignOnesRefused() {
        service.withPropertyValues(trustingTheTestProvider())
                .withPropertyValues("spring.application.name=routing-service")
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);

                    assertThat(decoder.decode(IDP.token("A001", Roles.AGENT)).getClaimAsString("staff_id"))
                            .isEqualTo("A001");
                    for (String token : new String[] {IDP.expiredToken("A001", Roles.AGENT),
                            IDP.tokenFromOtherIssuer("A001", Roles.AGENT), IDP.unsignedToken("A001", Roles.AGENT),
                            IDP.hmacToken("A001", Roles.AGENT), IDP.tokenSignedByAStranger("A001", Roles.AGENT),
                            IDP.tokenWithoutStaffId(Roles.AGENT), IDP.tokenForAnotherApplication("A001", Roles.AGENT),
                            IDP.tokenFor(List.of("intake-service"), "A001", Roles.AGENT)}) {
                        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
                    }
                });
    }

    @Test
    void eachServiceAcceptsOnlyTokensForItsOwnAudienceByDefaultItsApplicationName() {
        String forIntake = IDP.tokenFor(List.of("intake-service"), "A001", Roles.AGENT);
        service.withPropertyValues(trustingTheTestProvider())
                .withPropertyValues("spring.application.name=intake-service")
                .run(context -> assertThat(context.getBean(JwtDecoder.class).decode(forIntake).getAudience())
                        .containsExactly("intake-service"));
        service.withPropertyValues(trustingTheTestProvider())
                .withPropertyValues("spring.application.name=intake-service", "caseflow.security.audience=api://intake")
                .run(context -> {
                    assertThatExceptionOfType(JwtException.class)
                            .isThrownBy(() -> context.getBean(JwtDecoder.class).decode(forIntake));
                    assertThat(context.getBean(JwtDecoder.class).decode(IDP.tokenFor(List.of("api://intake"), "A001",
                            Roles.AGENT)).getSubject()).isEqualTo("A001");
                });
        service.withPropertyValues(trustingTheTestProvider())
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("caseflow.security.audience"));
    }

    @Test
    void tokensOfThePreviousSigningKeyStillPublishedAreAcceptedAfterARotation() {
        service.withPropertyValues(trustingTheTestProvider())
                .withPropertyValues("spring.application.name=evaluation-service")
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder.decode(IDP.token("M001", Roles.MANAGER)).getSubject()).isEqualTo("M001");
                    assertThat(decoder.decode(IDP.tokenSignedByThePreviousKey("M001", Roles.MANAGER)).getSubject())
                            .isEqualTo("M001");
                });
    }

    @Test
    void whenMongoIsConfiguredThenHealthPingsItInsteadOfBootsIndicator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
                        MongoPingHealthAutoConfiguration.class, MongoHealthContributorAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + EmbeddedMongo.freshDatabaseUri())
                .run(context -> {
                    assertThat(context).hasBean("mongoHealthIndicator").doesNotHaveBean("mongoHealthContributor");
                    assertThat(context.getBean("mongoHealthIndicator", HealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    private static String[] trustingTheTestProvider() {
        return TestIdentityProvider.properties().entrySet().stream()
                .map(property -> property.getKey() + "=" + property.getValue()).toArray(String[]::new);
    }
}
