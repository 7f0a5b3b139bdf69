package com.caseflow.evaluation.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends to evaluation's commands and queries, the answer is a 4xx problem, never a 5xx. */
@EvaluationServiceTest
class HostileInputTests {

    private static final List<String> BODIES = List.of(
            "", "null", "[]", "\"字符串\"", "{", "{}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
            "{\"from\":1e309,\"to\":-0,\"perAgent\":\"十\",\"seed\":1.5,\"agentIds\":{}}",
            "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\",\"perAgent\":99999999999999999999}",
            "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\",\"perAgent\":2,\"agentIds\":[null,\"\",\"' OR 1=1 --\"]}",
            "{\"periodType\":\"MONTH\",\"start\":\"2026-11-01'; DROP TABLE evaluations; --\"}",
            "{\"periodType\":[\"MONTH\"],\"start\":{\"$gt\":\"\"}}",
            "{\"contactId\":{\"$ne\":null},\"ratings\":{\"GREETING\":\"5\",\"PRIVACY\":1e400}}",
            "{\"contactId\":\"" + "很".repeat(5000) + "\",\"ratings\":{}}",
            "{\"projectCode\":\"<script>alert(1)</script>\",\"category\":\"维修\",\"title\":\"" + "长".repeat(300)
                    + "\",\"owner\":\"../../etc/passwd\",\"dueDate\":\"9999-99-99\"}",
            "{\"projectCode\":null,\"category\":null,\"title\":null,\"owner\":null,\"dueDate\":null,\"extra\":1}",
            "{\"status\":\"DONE\\u0000\",\"owner\":\"\\ud800\",\"dueDate\":\"+999999999-12-31\"}");

    private static final List<String> COMMANDS = List.of("/api/v1/spot-checks/samples", "/api/v1/spot-checks",
            "/api/v1/evaluations", "/api/v1/issues/proposals");

    private static final List<String> QUERIES = List.of(
            "/api/v1/reports/agents?from=2026-11-01&to=2026-11-30&format=..%2F..%2Fetc",
            "/api/v1/reports/agents/%E7%8E%8B?from=2026-02-30&to=2026-13-01",
            "/api/v1/reports/departments?from=%00&to=%27",
            "/api/v1/evaluations?periodType=%3Cscript%3E&start=-1",
            "/api/v1/evaluations/..%2F..%2Fadmin",
            "/api/v1/spot-checks?agentId=%24ne&from=2026-11-01&to=2026-11-30&page=-1&size=100000",
            "/api/v1/spot-checks/samples?from=2026-11-01&to=2099-12-31",
            "/api/v1/issues/recurring?from=2026-11-01&to=2026-11-30&limit=1e9",
            "/api/v1/issues/proposals?status=%E5%AE%8C%E6%88%90&page=abc",
            "/api/v1/issues/proposals/%7B%22%24gt%22%3A%22%22%7D");

    @LocalServerPort
    int port;

    @Test
    void whenClientsSendHostileBodiesAndParametersThenTheyGetA4xxAndNeverA5xx() {
        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        assertThat(manager.get("/api/v1/spot-checks/scorecard").status()).as("signed in: the 4xx below are not 401s")
                .isEqualTo(200);
        List<String> failures = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (String path : COMMANDS) {
            for (String body : BODIES) {
                int status = paced(() -> manager.post(path, body).status());
                seen.add(status);
                if (status < 400 || status >= 500) {
                    failures.add(status + " POST " + path + " " + body.substring(0, Math.min(80, body.length())));
                }
            }
        }
        for (String body : BODIES) {
            int status = paced(() -> manager.send("PATCH", "/api/v1/issues/proposals/no-such", body).status());
            seen.add(status);
            if (status < 400 || status >= 500) {
                failures.add(status + " PATCH " + body.substring(0, Math.min(80, body.length())));
            }
        }
        for (String query : QUERIES) {
            int status = paced(() -> manager.get(query).status());
            seen.add(status);
            if (status < 400 || status >= 500) {
                failures.add(status + " GET " + query);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(seen).as("refused as bad requests, not as unauthorised or throttled")
                .doesNotContain(401, 403, 429);
    }

    /** Under the per-user limit of 20 requests a second: each request reaches the validation it is meant to test. */
    private static int paced(IntSupplier request) {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request.getAsInt();
    }
}
