package com.caseflow.evaluation.spotchecks.web;

import com.caseflow.evaluation.spotchecks.application.Samples;
import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.DeadlineKind;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.caseflow.evaluation.support.TestEvents.at;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static com.caseflow.evaluation.support.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contacts, cases and follow-ups through the real broker into the sampling facts; samples drawn and checks recorded
 * over HTTP; the check's event read from {@code evaluations} and counted in the agent's report.
 */
@EvaluationServiceTest
class SpotCheckTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALL_FOUR = """
            {"GREETING":4,"PLAIN_LANGUAGE":4,"COMPLETE_RECORD":4,"CLASSIFICATION":4,"PRIVACY":5,"FOLLOW_UP":4}""";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    Samples samples;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    private Api manager() {
        return new Api(port, IDP.token("M001", "MANAGER"));
    }

    private static EventEnvelope<ContactReceived> contact(String contactId, String agentId, Instant at,
                                                          ContactCategory category) {
        return envelope(contactId, new ContactReceived(contactId, Channel.PHONE, agentId, at, null, null, 2, true,
                true, null, null, null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", "3栋",
                "卫生间漏水", category, false, true));
    }

    private static EventEnvelope<CaseRouted> routed(String caseId, String contactId, String agentId, Instant at,
                                                    Instant resolutionDue) {
        return envelope(caseId, new CaseRouted(caseId, 1, contactId, agentId, Channel.PHONE, at, "SH-LJY", "3栋",
                ContactCategory.REPAIR, "卫生间漏水", null, Complexity.COMPLEX, Priority.NORMAL, List.of(),
                "ENGINEERING", "repairs", 1, new Deadlines(at.plusSeconds(3600), resolutionDue, 1, 8), null, at,
                "ENG-HEAD"));
    }

    private static String check(String sampleId, String contactId, String ratings, String comment) {
        Map<String, Object> body = new HashMap<>();
        if (sampleId != null) {
            body.put("sampleId", sampleId);
        }
        body.put("contactId", contactId);
        body.put("ratings", JSON.readTree(ratings));
        if (comment != null) {
            body.put("comment", comment);
        }
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> strata(JsonNode sample) {
        return sample.get("items").valueStream().collect(Collectors.toMap(i -> i.get("contactId").asString(),
                i -> i.get("stratum").asString()));
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void whenAContactDrawnInASampleIsCheckedThenSpotCheckRecordedIsPublishedAndCountsInTheAgentsReport() {
        String agent = unique("A");
        String complaint = unique("C");
        String escalated = unique("C");
        String unhappy = unique("C");
        String overdue = unique("C");
        String ordinary1 = unique("C");
        String ordinary2 = unique("C");
        String escalatedCase = unique("K");
        String unhappyCase = unique("K");
        String overdueCase = unique("K");
        Instant t = at("2026-10-12T09:00");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            // case and follow-up events before their contacts: the facts do not depend on the topics' order
            log.publish(Topics.CASES, routed(escalatedCase, escalated, agent, t, at("2026-10-20T18:00")));
            log.publish(Topics.FOLLOWUPS, envelope(escalatedCase, new CaseEscalated(escalatedCase,
                    DeadlineKind.FIRST_RESPONSE, 1, "DEPARTMENT_HEAD", "ENGINEERING", null, "SH-LJY",
                    Priority.NORMAL, t.plusSeconds(3600), 30, t.plusSeconds(5400), "ENG-HEAD")));
            log.publish(Topics.CASES, routed(unhappyCase, unhappy, agent, t, at("2026-10-20T18:00")));
            log.publish(Topics.FOLLOWUPS, envelope(unhappyCase, new CustomerFeedbackRecorded(unhappyCase,
                    unhappyCase + ".2.1", unhappy, agent, "ENGINEERING", "SH-LJY", 1, true, 1, false, "不满意", true,
                    "D-CS-01", at("2026-10-14T10:00"))));
            log.publish(Topics.CASES, routed(overdueCase, overdue, agent, t, at("2026-10-13T18:00")));
            for (int round = 0; round < 2; round++) {
                log.publish(Topics.CONTACTS, contact(complaint, agent, t, ContactCategory.COMPLAINT));
                log.publish(Topics.CONTACTS, contact(escalated, agent, t.plusSeconds(60), ContactCategory.REPAIR));
                log.publish(Topics.CONTACTS, contact(unhappy, agent, t.plusSeconds(120), ContactCategory.REPAIR));
                log.publish(Topics.CONTACTS, contact(overdue, agent, t.plusSeconds(180), ContactCategory.REPAIR));
                log.publish(Topics.CONTACTS, contact(ordinary1, agent, at("2026-10-14T10:00"),
                        ContactCategory.INQUIRY));
                log.publish(Topics.CONTACTS, contact(ordinary2, agent, at("2026-10-15T10:00"),
                        ContactCategory.INQUIRY));
            }
        }
        Api manager = manager();
        String draw = """
                {"from":"2026-10-12","to":"2026-10-18","perAgent":6,"agentIds":["%s"]}""".formatted(agent);

        JsonNode all = await().atMost(WAIT).until(() -> manager.post("/api/v1/spot-checks/samples", draw).json(),
                s -> s.get("items").size() == 6 && strata(s).get(overdue).equals("LONG_RUNNING")
                        && strata(s).get(unhappy).equals("LOW_SATISFACTION")
                        && strata(s).get(escalated).equals("ESCALATED"));

        assertThat(strata(all)).containsEntry(complaint, "COMPLAINT").containsEntry(ordinary1, "ORDINARY")
                .containsEntry(ordinary2, "ORDINARY");
        assertThat(all.get("kind").asString()).isEqualTo("RANDOM");
        assertThat(all.get("seed").isNumber()).as("a random seed is recorded").isTrue();
        assertThat(all.get("drawnBy").asString()).isEqualTo("M001");
        assertThat(all.get("strata").get("population").get("ORDINARY").asInt()).isEqualTo(2);
        assertThat(all.toString()).doesNotContain("王小明").doesNotContain("13812345678");

        String seeded = """
                {"from":"2026-10-12","to":"2026-10-18","perAgent":2,"seed":20261012,"agentIds":["%s"],
                 "asOf":"%s"}""".formatted(agent, all.get("asOf").asString());
        Api.Response drawn = manager.post("/api/v1/spot-checks/samples", seeded);
        assertThat(drawn.status()).isEqualTo(201);
        JsonNode sample = drawn.json();
        String sampleId = sample.get("id").asString();
        assertThat(drawn.header("Location")).endsWith("/api/v1/spot-checks/samples/" + sampleId);
        assertThat(sample.get("seed").asLong()).isEqualTo(20261012L);
        assertThat(sample.get("items").valueStream().filter(i -> !i.get("stratum").asString().equals("ORDINARY")))
                .as("half of K from the flagged contacts").hasSize(1);
        JsonNode repeated = manager.post("/api/v1/spot-checks/samples", seeded).json();
        assertThat(repeated.get("id").asString()).isNotEqualTo(sampleId);
        assertThat(repeated.get("items")).as("the same seed over the same facts").isEqualTo(sample.get("items"));
        assertThat(repeated.get("populationDigest")).isEqualTo(sample.get("populationDigest"));

        String reviewed = sample.get("items").get(0).get("contactId").asString();
        String stratum = sample.get("items").get(0).get("stratum").asString();
        Api.Response recorded = manager.post("/api/v1/spot-checks",
                check(sampleId, reviewed, ALL_FOUR, "问候礼貌，记录完整；跟进可以更及时。"));

        assertThat(recorded.status()).isEqualTo(201);
        JsonNode body = recorded.json();
        String spotCheckId = "check." + reviewed;
        assertThat(body.get("spotCheckId").asString()).isEqualTo(spotCheckId);
        assertThat(recorded.header("Location")).endsWith("/api/v1/spot-checks/" + spotCheckId);
        // 15·0.8 + 15·0.8 + 20·0.8 + 20·0.8 + 15·1 + 15·0.8 = 83 of 100
        assertThat(body.get("score").asDouble()).isEqualTo(83.0);
        assertThat(body.get("stratum").asString()).isEqualTo(stratum);
        assertThat(body.get("agentId").asString()).isEqualTo(agent);
        assertThat(body.get("contactDay").asString()).startsWith("2026-10-1");
        assertThat(body.get("reviewedBy").asString()).isEqualTo("M001");
        assertThat(body.get("scorecardVersion").asString()).isEqualTo("2026-1");

        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            ConsumerRecord<String, byte[]> record = evaluations.withKey(agent, WAIT).get(0);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SPOT_CHECK_RECORDED);
            JsonNode event = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(event.get("eventId").asString()).isEqualTo(UUID.nameUUIDFromBytes(
                    ("evaluation/spot-check/" + spotCheckId).getBytes(StandardCharsets.UTF_8)).toString());
            ObjectNode published = (ObjectNode) body.deepCopy();
            published.remove("comment");
            assertThat(event.get("data")).as("the check, without the reviewer's words").isEqualTo(published);

            JsonNode kpis = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                    + "?from=2026-10-01&to=2026-10-31").json().get("kpis"), k -> k.get("spotChecks").asLong() == 1);
            assertThat(kpis.get("adHocSpotChecks").asLong()).as("a reviewer's own draw is ad hoc").isEqualTo(1);
            assertThat(kpis.get("adHocSpotCheckAverage").asDouble()).isEqualTo(83.0);
            assertThat(kpis.get("regularSpotChecks").asLong()).isZero();
            assertThat(kpis.get("spotCheckAverage").isNull()).as("the KPI weighs the regular sample only").isTrue();
            assertThat(kpis.get("criticalFailures").asLong()).isZero();

            Api.Response twice = manager.post("/api/v1/spot-checks", check(sampleId, reviewed, ALL_FOUR, null));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.json().get("type").asString()).isEqualTo("urn:caseflow:problem:conflict");
            assertThat(manager.post("/api/v1/spot-checks", check(repeated.get("id").asString(), reviewed, ALL_FOUR,
                    null)).status()).as("the same contact in the audit's repeated draw").isEqualTo(409);
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(evaluations.readToEnd().stream().filter(r -> agent.equals(r.key())))
                    .as("one event for one check").hasSize(1);
        }
        assertThat(manager.get("/api/v1/spot-checks/" + spotCheckId).json()).isEqualTo(body);
        JsonNode reread = manager.get("/api/v1/spot-checks/samples/" + sampleId).json();
        assertThat(reread.get("items").valueStream()
                .filter(i -> i.get("contactId").asString().equals(reviewed)).findFirst().orElseThrow()
                .get("spotCheckId").asString()).isEqualTo(spotCheckId);
        JsonNode list = manager.get("/api/v1/spot-checks?agentId=" + agent + "&from=2026-10-01&to=2026-10-31").json();
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        assertThat(manager.get("/api/v1/spot-checks/samples?from=2026-10-18&to=2026-10-18").json().valueStream()
                .map(s -> s.get("id").asString())).contains(sampleId, repeated.get("id").asString());

        Api agentItself = new Api(port, IDP.token(agent, "AGENT"));
        assertThat(agentItself.get("/api/v1/spot-checks/" + spotCheckId).status()).isEqualTo(200);
        assertThat(agentItself.get("/api/v1/spot-checks/samples/" + sampleId).status()).isEqualTo(403);
        assertThat(agentItself.get("/api/v1/spot-checks/samples?from=2026-10-01&to=2026-10-31").status())
                .as("agents do not learn which contacts are to be reviewed").isEqualTo(403);
        assertThat(new Api(port, IDP.token("A001", "AGENT")).get("/api/v1/spot-checks/" + spotCheckId).status())
                .isEqualTo(403);
    }

    @Test
    void whenACheckIsBadThenItIsRefusedAndNothingIsStoredOrPublished() {
        String agent = unique("A");
        String contactId = unique("C");
        String other = unique("C");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publish(Topics.CONTACTS, contact(contactId, agent, at("2026-09-07T10:00"), ContactCategory.REPAIR));
            log.publish(Topics.CONTACTS, contact(other, agent, at("2026-09-07T11:00"), ContactCategory.REPAIR));
        }
        Api manager = manager();
        JsonNode sample = await().atMost(WAIT).until(() -> manager.post("/api/v1/spot-checks/samples", """
                {"from":"2026-09-07","to":"2026-09-07","perAgent":1,"agentIds":["%s"]}""".formatted(agent)).json(),
                s -> s.get("items").size() == 1);
        String sampleId = sample.get("id").asString();
        String drawn = sample.get("items").get(0).get("contactId").asString();
        String notDrawn = drawn.equals(contactId) ? other : contactId;

        Api.Response bad = manager.post("/api/v1/spot-checks", """
                {"sampleId":"%s","contactId":"%s","ratings":{"GREETING":5,"GREETING":4,"PLAIN_LANGUAGE":6,
                 "COMPLETE_RECORD":-1,"CLASSIFICATION":3.5,"SMILE":5,"FOLLOW_UP":"5"}}""".formatted(sampleId, drawn));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("ratings.GREETING", "ratings.PLAIN_LANGUAGE",
                "ratings.COMPLETE_RECORD", "ratings.CLASSIFICATION", "ratings.SMILE", "ratings.FOLLOW_UP",
                "ratings.PRIVACY");

        Api.Response tooLong = manager.post("/api/v1/spot-checks", check(sampleId, drawn, ALL_FOUR,
                "很".repeat(1001)));
        assertThat(fields(tooLong)).containsExactly("comment");
        assertThat(fields(manager.post("/api/v1/spot-checks", check(sampleId, drawn, ALL_FOUR,
                "客户王先生 138 1234 5678 说态度好")))).as("a customer's number in a published comment")
                .containsExactly("comment");
        assertThat(fields(manager.post("/api/v1/spot-checks", "{\"contactId\":\"" + drawn + "\"}")))
                .containsExactly("ratings");
        assertThat(manager.post("/api/v1/spot-checks", "{\"contactId\":\"" + drawn + "\",\"score\":100,"
                + "\"ratings\":" + ALL_FOUR + "}").status()).as("a field the API does not define").isEqualTo(400);

        Api.Response unknown = manager.post("/api/v1/spot-checks", check(null, unique("C"), ALL_FOUR, null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:caseflow:problem:not-found");

        Api.Response notInSample = manager.post("/api/v1/spot-checks", check(sampleId, notDrawn, ALL_FOUR, null));
        assertThat(notInSample.status()).isEqualTo(400);
        assertThat(fields(notInSample)).containsExactly("sampleId");
        assertThat(fields(manager.post("/api/v1/spot-checks", check("random-nope", drawn, ALL_FOUR, null))))
                .containsExactly("sampleId");

        Api ownContact = new Api(port, IDP.token(agent, "MANAGER"));
        assertThat(ownContact.post("/api/v1/spot-checks", check(sampleId, drawn, ALL_FOUR, null)).status())
                .as("nobody reviews their own contact").isEqualTo(403);
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        assertThat(supervisor.post("/api/v1/spot-checks", check(sampleId, drawn, ALL_FOUR, null)).status())
                .as("not in S001's team").isEqualTo(403);
        assertThat(fields(supervisor.post("/api/v1/spot-checks", check(null, drawn, ALL_FOUR, null))))
                .as("a supervisor checks what the server drew, never a contact of their choosing")
                .containsExactly("sampleId");
        assertThat(new Api(port, IDP.token("A001", "AGENT")).post("/api/v1/spot-checks",
                check(null, drawn, ALL_FOUR, null)).status()).isEqualTo(403);

        assertThat(manager.get("/api/v1/spot-checks?agentId=" + agent + "&from=2026-09-01&to=2026-09-30").json()
                .get("totalElements").asLong()).as("nothing stored").isZero();
        assertThat(manager.get("/api/v1/spot-checks/samples/" + sampleId).json().get("items").get(0)
                .get("spotCheckId").isNull()).isTrue();
        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(evaluations.readToEnd()).as("nothing published")
                    .noneMatch(r -> agent.equals(r.key()));
        }

        Api.Response critical = manager.post("/api/v1/spot-checks", check(null, notDrawn, """
                {"GREETING":5,"PLAIN_LANGUAGE":5,"COMPLETE_RECORD":5,"CLASSIFICATION":5,"PRIVACY":0,"FOLLOW_UP":5}""",
                null));
        assertThat(critical.status()).as("a check outside any sample").isEqualTo(201);
        assertThat(critical.json().get("spotCheckId").asString()).isEqualTo("check." + notDrawn);
        assertThat(critical.json().get("score").asDouble()).isZero();
        assertThat(critical.json().get("criticalFailures").valueStream().map(JsonNode::asString))
                .containsExactly("PRIVACY");
        assertThat(critical.json().has("sampleId")).isFalse();
    }

    @Test
    void whenADrawIsBadThenEachFieldIsNamed() {
        Api manager = manager();

        assertThat(fields(manager.post("/api/v1/spot-checks/samples", "{\"from\":\"2026-10-31\",\"to\":\"2026-10-01\","
                + "\"perAgent\":0}"))).containsExactlyInAnyOrder("to", "perAgent");
        assertThat(fields(manager.post("/api/v1/spot-checks/samples", "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                + "\"perAgent\":51,\"agentIds\":[],\"asOf\":\"yesterday\"}")))
                .containsExactlyInAnyOrder("perAgent", "agentIds", "asOf");
        assertThat(fields(manager.post("/api/v1/spot-checks/samples", "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                + "\"perAgent\":3,\"kind\":\"REGULAR\"}"))).containsExactly("kind");
        assertThat(new Api(port, IDP.token("S001", "SUPERVISOR")).post("/api/v1/spot-checks/samples",
                "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\",\"perAgent\":3,\"agentIds\":[\"A777\"]}").status())
                .as("A777 is not in S001's team").isEqualTo(403);
        assertThat(manager.get("/api/v1/spot-checks/samples/random-nope").status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/spot-checks/nope").status()).isEqualTo(404);
    }

    @Test
    void whenASupervisorDrawsWithoutNamingAgentsThenTheSampleHoldsTheirTeamAndTheTeamMayReadTheCheck() {
        String stranger = unique("A");
        String mine = unique("C");
        String theirs = unique("C");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publish(Topics.CONTACTS, contact(mine, "A002", at("2031-05-06T10:00"), ContactCategory.SALES));
            log.publish(Topics.CONTACTS, contact(theirs, stranger, at("2031-05-06T10:00"), ContactCategory.SALES));
        }
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        String draw = "{\"from\":\"2031-05-05\",\"to\":\"2031-05-11\",\"perAgent\":5}";
        await().atMost(WAIT).until(() -> manager().post("/api/v1/spot-checks/samples", draw).json(),
                s -> s.get("items").size() == 2);

        JsonNode sample = supervisor.post("/api/v1/spot-checks/samples", draw).json();

        assertThat(sample.get("items").valueStream().map(i -> i.get("contactId").asString())).containsExactly(mine);
        assertThat(sample.get("agentIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("A001", "A002", "R002");
        Api.Response recorded = supervisor.post("/api/v1/spot-checks", check(sample.get("id").asString(), mine,
                ALL_FOUR, null));
        assertThat(recorded.status()).isEqualTo(201);
        String id = recorded.json().get("spotCheckId").asString();
        assertThat(new Api(port, IDP.token("A002", "AGENT")).get("/api/v1/spot-checks/" + id).status())
                .isEqualTo(200);
        assertThat(new Api(port, IDP.token("A002", "AGENT"))
                .get("/api/v1/spot-checks?from=2031-05-01&to=2031-05-31").json().get("totalElements").asLong())
                .isEqualTo(1);
        assertThat(new Api(port, IDP.token("A001", "AGENT")).get("/api/v1/spot-checks/" + id).status())
                .isEqualTo(403);
        assertThat(manager().get("/api/v1/spot-checks/samples/" + sample.get("id").asString()).json()
                .get("items").size()).isEqualTo(1);
    }

    @Test
    void whenTheRegularWeekIsDrawnTwiceThenOnlyTheFirstDrawStoresASample() {
        String agent = unique("A");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int i = 0; i < 5; i++) {
                log.publish(Topics.CONTACTS, contact(unique("C"), agent, at("2031-03-0" + (3 + i) + "T10:00"),
                        ContactCategory.INQUIRY));
            }
        }
        await().atMost(WAIT).until(() -> manager().post("/api/v1/spot-checks/samples",
                "{\"from\":\"2031-03-03\",\"to\":\"2031-03-09\",\"perAgent\":5,\"agentIds\":[\"" + agent + "\"]}")
                .json().get("items").size() == 5);

        Sample first = samples.drawRegular(LocalDate.of(2031, 3, 12), 3).orElseThrow();

        assertThat(first.id()).isEqualTo("regular-2031-W10");
        assertThat(first.from()).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(first.to()).isEqualTo(LocalDate.of(2031, 3, 9));
        assertThat(first.items().stream().filter(i -> i.agentId().equals(agent))).hasSize(3);
        assertThat(samples.drawRegular(LocalDate.of(2031, 3, 10), 3)).as("a restart on the Monday").isEmpty();
        JsonNode stored = manager().get("/api/v1/spot-checks/samples/regular-2031-W10").json();
        assertThat(stored.get("kind").asString()).isEqualTo("REGULAR");
        assertThat(stored.get("seed").asLong()).isEqualTo(first.seed());
        assertThat(stored.get("drawnBy").asString()).isEqualTo("schedule");
        assertThat(context.containsBean("regularSpotChecks")).as("switched off in tests").isFalse();
    }

    @Test
    void whenTheScorecardIsReadThenItShowsTheConfiguredItems() {
        JsonNode card = new Api(port, IDP.token("A001", "AGENT")).get("/api/v1/spot-checks/scorecard").json();

        assertThat(card.get("maxRating").asInt()).isEqualTo(5);
        assertThat(card.get("items").valueStream().map(i -> i.get("code").asString())).containsExactly("GREETING",
                "PLAIN_LANGUAGE", "COMPLETE_RECORD", "CLASSIFICATION", "PRIVACY", "FOLLOW_UP");
        assertThat(card.get("items").get(4).get("label").asString()).isEqualTo("尊重隐私");
        assertThat(card.get("items").get(4).get("critical").asBoolean()).isTrue();
    }
}
