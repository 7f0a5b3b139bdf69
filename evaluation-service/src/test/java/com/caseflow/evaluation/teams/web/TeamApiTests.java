package com.caseflow.evaluation.teams.web;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.evaluation.teams.domain.Team;
import com.caseflow.evaluation.teams.persistence.TeamStore;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Supervisors' teams as data: seeded from configuration, changed by administrators, and asked by every access decision
 * (a supervisor's report visibility, the trainer of an agent). Each test uses supervisors and agents of its own, since
 * the test classes share one service and one database.
 */
@EvaluationServiceTest
class TeamApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String REPORT = "?from=2026-11-01&to=2026-11-30";

    @LocalServerPort
    int port;
    @Autowired
    Access access;
    @Autowired
    TeamStore store;

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private Api admin() {
        return new Api(port, IDP.token("ADM1", "ADMIN"));
    }

    private static String team(List<String> members, Long expectedVersion) {
        String list = String.join(", ", members.stream().map(m -> "\"" + m + "\"").toList());
        return "{\"members\": [" + list + "]" + (expectedVersion == null ? "" : ", \"expectedVersion\": "
                + expectedVersion) + "}";
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void theConfiguredTeamsAreTheSeedAndSayTheyCameFromConfiguration() {
        Api.Response all = new Api(port, IDP.token("M001", "MANAGER")).get("/api/v1/teams");

        assertThat(all.status()).isEqualTo(200);
        JsonNode s001 = all.json().get("teams").valueStream()
                .filter(t -> t.get("supervisorId").asString().equals("S001")).findFirst().orElseThrow();
        assertThat(s001.get("members").valueStream().map(JsonNode::asString).toList())
                .contains("A001", "A002", "R002");
        assertThat(s001.get("changedBy").asString()).isEqualTo("configuration");
        assertThat(s001.get("changedAt").isNull()).isFalse();
    }

    @Test
    void aTeamChangeTakesEffectForTheSupervisorsReportsSpotChecksAndTheAgentsTrainer() {
        String supervisor = id("S");
        String agent = id("A");
        Api asSupervisor = new Api(port, IDP.token(supervisor, "SUPERVISOR"));
        String draw = "{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\",\"perAgent\":2,\"agentIds\":[\"" + agent + "\"]}";
        assertThat(asSupervisor.get("/api/v1/reports/agents/" + agent + REPORT).status()).isEqualTo(403);
        assertThat(asSupervisor.post("/api/v1/spot-checks/samples", draw).status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/teams/" + supervisor).status()).isEqualTo(404);
        assertThat(access.supervisorOf(agent)).isEmpty();

        Api.Response created = admin().put("/api/v1/teams/" + supervisor, team(List.of(agent, "A-" + agent), 0L));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.json().get("changedBy").asString()).isEqualTo("ADM1");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(asSupervisor.get("/api/v1/reports/agents/" + agent + REPORT).status()).isEqualTo(200);
        assertThat(asSupervisor.get("/api/v1/reports/agents" + REPORT).status()).isEqualTo(200);
        assertThat(asSupervisor.post("/api/v1/spot-checks/samples", draw).status()).isEqualTo(201);
        assertThat(access.supervisorOf(agent)).contains(supervisor);

        Api.Response emptied = admin().put("/api/v1/teams/" + supervisor, team(List.of("A-" + agent), 1L));

        assertThat(emptied.status()).isEqualTo(200);
        assertThat(emptied.json().get("version").asLong()).isEqualTo(2);
        assertThat(asSupervisor.get("/api/v1/reports/agents/" + agent + REPORT).status()).isEqualTo(403);
        assertThat(asSupervisor.post("/api/v1/spot-checks/samples", draw).status()).isEqualTo(403);
        assertThat(access.supervisorOf(agent)).isEmpty();
        JsonNode read = new Api(port, IDP.token("M001", "MANAGER")).get("/api/v1/teams/" + supervisor).json();
        assertThat(read.get("members").valueStream().map(JsonNode::asString).toList()).containsExactly("A-" + agent);
    }

    @Test
    void anAgentIsInOneTeamAtMostAndTheMemberIsNamed() {
        String first = id("S");
        String second = id("S");
        String agent = id("A");
        assertThat(admin().put("/api/v1/teams/" + first, team(List.of(agent), 0L)).status()).isEqualTo(200);

        Api.Response refused = admin().put("/api/v1/teams/" + second, team(List.of(id("A"), agent), 0L));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("members[1]");
        assertThat(refused.raw().body()).contains(agent).contains(first);
        assertThat(admin().get("/api/v1/teams/" + second).status()).isEqualTo(404);
        // the first team keeps the agent: the refused change wrote nothing
        assertThat(access.supervisorOf(agent)).contains(first);
    }

    @Test
    void badMembersAreNamedEachAndAStaleVersionConflicts() {
        String supervisor = id("S");
        Api.Response bad = admin().put("/api/v1/teams/" + supervisor,
                team(List.of("A1", "", "bad id", "A1", supervisor), -1L));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("members[1]", "members[2]", "members[3]", "members[4]",
                "expectedVersion");
        assertThat(admin().put("/api/v1/teams/" + supervisor, "{}").status()).isEqualTo(400);

        assertThat(admin().put("/api/v1/teams/" + supervisor, team(List.of(id("A")), 0L)).status()).isEqualTo(200);
        Api.Response stale = admin().put("/api/v1/teams/" + supervisor, team(List.of(id("A")), 0L));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin().put("/api/v1/teams/" + supervisor, team(List.of(), null)).json().get("version")
                .asLong()).isEqualTo(2);
    }

    @Test
    void onlyAdministratorsChangeTeamsAndManagersRead() {
        String supervisor = id("S");
        assertThat(new Api(port, IDP.token("M001", "MANAGER")).put("/api/v1/teams/" + supervisor,
                team(List.of(id("A")), 0L)).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.token(supervisor, "SUPERVISOR")).put("/api/v1/teams/" + supervisor,
                team(List.of(id("A")), 0L)).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.token("A001", "AGENT")).get("/api/v1/teams").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/teams/" + supervisor).status()).isEqualTo(404);
    }

    @Test
    void theStoreItselfRefusesAnAgentInTwoTeamsWhenTheCheckIsRacedAndEmptyTeamsDoNotCollide() {
        String first = id("S");
        String second = id("S");
        String agent = id("A");
        store.replace(new Team(first, List.of(agent), "ADM1", Instant.now()), 0);

        // what a second administrator's write looks like when it passed the check before the first one was stored
        assertThatThrownBy(() -> store.replace(new Team(second, List.of(id("A"), agent), "ADM2", Instant.now()), 0))
                .isInstanceOf(TeamStore.MemberElsewhereException.class);
        store.replace(new Team(second, List.of(id("A")), "ADM2", Instant.now()), 0);
        assertThatThrownBy(() -> store.replace(new Team(second, List.of(agent), "ADM2", Instant.now()), 1))
                .isInstanceOf(TeamStore.MemberElsewhereException.class);
        assertThat(store.find(second).orElseThrow().version()).isEqualTo(1);

        // two (and more) teams without agents are stored side by side
        assertThat(admin().put("/api/v1/teams/" + first, team(List.of(), 1L)).status()).isEqualTo(200);
        assertThat(admin().put("/api/v1/teams/" + second, team(List.of(), 1L)).status()).isEqualTo(200);
        assertThat(admin().put("/api/v1/teams/" + id("S"), team(List.of(), 0L)).status()).isEqualTo(200);
        assertThat(store.find(first).orElseThrow().team().members()).isEmpty();
        assertThat(admin().put("/api/v1/teams/" + second, team(List.of(agent), 2L)).status()).isEqualTo(200);
        assertThat(access.supervisorOf(agent)).contains(second);
    }
}
