package com.caseflow.evaluation.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.Topics;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.HostileInput;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.caseflow.support.testing.HostileInput.bodyCases;
import static com.caseflow.support.testing.HostileInput.encoded;
import static com.caseflow.support.testing.HostileInput.fieldCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever a client sends to evaluation's commands and queries, the answer is a 4xx problem, never a 5xx: the shared
 * hostile set against every write API (spot-check samples and checks, evaluation runs, proposals and their changes)
 * names each bad field and leaves nothing stored or published; markup in a proposal is kept as the text it is.
 */
@EvaluationServiceTest
class HostileInputTests {

    private static final int MAX_BODY = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> STORES = List.of("spot_check_samples", "spot_checks", "evaluations",
            "proposals", "training_assignments");

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

    private static final String DRAW = """
            {"from":"2026-11-01","to":"2026-11-30","perAgent":2,"seed":42,"agentIds":["A001"],"asOf":"2026-12-01"}""";
    private static final String CHECK = """
            {"sampleId":"S-1","contactId":"C-1","ratings":{"GREETING":4,"PRIVACY":5},"comment":"问候礼貌"}""";
    private static final String RUN = """
            {"periodType":"MONTH","start":"2026-11-01"}""";
    private static final String PROPOSAL = """
            {"projectCode":"SH-LJY","category":"REPAIR","title":"外墙渗水专项排查","description":"雨季前排查",
             "owner":"S001","dueDate":"%s"}""";
    private static final String CHANGE = """
            {"status":"IN_PROGRESS","owner":"S001","dueDate":"%s"}""";
    private static final String DECISION = """
            {"decision":"OVERRIDDEN","outcome":"NONE","reason":"本月有一起投诉尚在调查"}""";
    private static final String COMPLETION = """
            {"note":"已完成话术演练"}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void whenClientsSendHostileBodiesAndParametersThenTheyGetA4xxAndNeverA5xx() {
        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        HostileInput.signedIn(manager, "/api/v1/spot-checks/scorecard");
        List<String> failures = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (String path : COMMANDS) {
            for (String body : BODIES) {
                int status = HostileInput.patiently(() -> manager.post(path, body)).status();
                seen.add(status);
                if (status < 400 || status >= 500) {
                    failures.add(status + " POST " + path + " " + body.substring(0, Math.min(80, body.length())));
                }
            }
        }
        for (String body : BODIES) {
            int status = HostileInput.patiently(() -> manager.send("PATCH", "/api/v1/issues/proposals/no-such", body))
                    .status();
            seen.add(status);
            if (status < 400 || status >= 500) {
                failures.add(status + " PATCH " + body.substring(0, Math.min(80, body.length())));
            }
        }
        for (String query : QUERIES) {
            int status = HostileInput.patiently(() -> manager.get(query)).status();
            seen.add(status);
            if (status < 400 || status >= 500) {
                failures.add(status + " GET " + query);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(seen).as("refused as bad requests, not as unauthorised").doesNotContain(401, 403);
    }

    @Test
    void whenEveryWriteApiIsFedTheSharedHostileSetThenEachIsRefusedByNameAndNothingIsStoredOrPublished() {
        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        HostileInput.signedIn(manager, "/api/v1/spot-checks/scorecard");
        String nextMonth = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        Api.Response created = manager.post("/api/v1/issues/proposals", PROPOSAL.formatted(nextMonth)
                .replace("外墙渗水专项排查", HostileInput.MARKUP + " & \\\"外墙\\\""));
        assertThat(created.status()).isEqualTo(201);
        String proposal = "/api/v1/issues/proposals/" + created.json().get("id").asString();
        assertThat(created.json().get("title").asString()).isEqualTo(HostileInput.MARKUP + " & \"外墙\"");
        await().atMost(WAIT).until(() -> pendingEvents() == 0);
        // evaluations published by earlier tests come back to assign training: wait for those assignments too
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.EVALUATIONS);
        await().atMost(WAIT).until(() -> pendingEvents() == 0);
        Map<String, Long> stored = counts();
        Document proposalBefore = mongo.findById(created.json().get("id").asString(), Document.class, "proposals");
        assertThat(proposalBefore.toJson()).contains("<b>王</b><script>alert(1)</script>");

        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            int published = evaluations.readToEnd(WAIT).size();
            List<String> wrong = new ArrayList<>();
            wrong.addAll(HostileInput.refusals(manager, "POST", "/api/v1/spot-checks/samples", cases(DRAW)));
            wrong.addAll(HostileInput.refusals(manager, "POST", "/api/v1/spot-checks", cases(CHECK)));
            wrong.addAll(HostileInput.refusals(manager, "POST", "/api/v1/evaluations", cases(RUN)));
            wrong.addAll(HostileInput.refusals(manager, "POST", "/api/v1/issues/proposals",
                    cases(PROPOSAL.formatted(nextMonth))));
            wrong.addAll(HostileInput.refusals(manager, "PATCH", proposal, cases(CHANGE.formatted(nextMonth))));
            wrong.addAll(HostileInput.refusals(manager, "POST",
                    "/api/v1/evaluations/AGENT.A001.MONTH.2026-11-01/decision", cases(DECISION)));
            wrong.addAll(HostileInput.refusals(manager, "POST",
                    "/api/v1/training/assignments/TRAINING.AGENT.A001.MONTH.2026-11-01/completion",
                    cases(COMPLETION)));
            for (String control : HostileInput.CONTROL_TEXTS_IN_ADDRESSES) {
                String text = encoded(control).replace("+", "%20");
                check(wrong, manager, "GET", "/api/v1/spot-checks?agentId=" + text, "agentId");
                check(wrong, manager, "GET", "/api/v1/spot-checks/samples/" + text, "id");
                check(wrong, manager, "GET", "/api/v1/issues/proposals?status=" + text, "status");
                check(wrong, manager, "PATCH", "/api/v1/issues/proposals/" + text, "id");
                check(wrong, manager, "GET", "/api/v1/reports/agents/" + text + "?from=2026-11-01&to=2026-11-30",
                        "agentId");
            }

            assertThat(wrong).isEmpty();
            assertThat(counts()).isEqualTo(stored);
            assertThat(mongo.findById(created.json().get("id").asString(), Document.class, "proposals"))
                    .isEqualTo(proposalBefore);
            // nothing was stored, so nothing can wait in an outbox: the topic read to its end holds nothing new
            await().atMost(WAIT).until(() -> pendingEvents() == 0);
            assertThat(evaluations.readToEnd(WAIT)).hasSize(published);
        }
    }

    private static List<HostileInput.Case> cases(String valid) {
        return Stream.concat(fieldCases(valid).stream(), bodyCases(valid, MAX_BODY).stream()).toList();
    }

    private Map<String, Long> counts() {
        return STORES.stream().collect(Collectors.toMap(c -> c, c -> mongo.count(new Query(), c)));
    }

    private long pendingEvents() {
        return Stream.of("spot_checks", "evaluations", "training_assignments").mapToLong(c -> mongo.count(
                Query.query(Criteria.where(Outbox.ENTRIES + ".0").exists(true)), c)).sum();
    }

    private static void check(List<String> wrong, Api api, String method, String path, String parameter) {
        String answer = HostileInput.wrongParameterAnswer(api, method, path, parameter);
        if (answer != null) {
            wrong.add(answer);
        }
    }
}
