package com.caseflow.routing.web;

import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Bursts;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes to departments (with their SLAs), routing rules and the lexicon count against the writer's limit, attempts
 * refused for bad content too: a stolen manager's token cannot probe or rewrite the configuration at machine speed.
 * Bodies are incomplete on purpose, so that no burst changes what the other tests route by.
 */
@RoutingServiceTest
class ConfigurationWriteLimitApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Test
    void whenOneManagerWritesDepartmentsFasterThanTheLimitThen429WithRetryAfterAndNothingIsSaved() {
        Api manager = new Api(port, IDP.token("M-CFG-DEP", "MANAGER"));

        List<Api.Response> answers = Bursts.untilRefused(40, i -> manager.put("/api/v1/departments/RATE_PROBE",
                "{\"nameZh\":\"限流\"}"), WAIT);

        refusedAsTooMany(answers);
        assertThat(manager.get("/api/v1/departments/RATE_PROBE").status()).isEqualTo(404);
        // one user's limit: a colleague is answered meanwhile
        assertThat(new Api(port, IDP.token("M-CFG-CALM", "MANAGER")).put("/api/v1/departments/RATE_PROBE",
                "{\"nameZh\":\"限流\"}").status()).isEqualTo(400);
    }

    @Test
    void whenOneAdministratorPublishesRulesOrLexiconFasterThanTheLimitThen429WithRetryAfter() {
        Api rules = new Api(port, IDP.token("ADM-CFG-RULES", "ADMIN"));
        Api lexicon = new Api(port, IDP.token("ADM-CFG-LEX", "ADMIN"));

        refusedAsTooMany(Bursts.untilRefused(40, i -> rules.put("/api/v1/routing-rules", "{}"), WAIT));
        refusedAsTooMany(Bursts.untilRefused(40, i -> lexicon.put("/api/v1/routing-lexicon", "{}"), WAIT));
    }

    private static void refusedAsTooMany(List<Api.Response> answers) {
        assertThat(answers).extracting(Api.Response::status).isSubsetOf(400, 429);
        Api.Response refused = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:rate-limited");
    }
}
