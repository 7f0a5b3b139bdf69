package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.call.CallTransferred;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.caseflow.evaluation.support.TestEvents.at;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static com.caseflow.evaluation.support.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A scripted hour of call facts through the real broker into the call centre's measures: per hotline and hour, per
 * agent, in the three-ring KPI the evaluation weighs, and in the downloads; delivered twice and published again under
 * new event ids, and counted once.
 */
@EvaluationServiceTest
class CallCentreMeasureTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Offered to answered, seconds, of the 14 answered calls: 8 of them (≤ 15 s) within the service level. */
    private static final long[] SPEEDS = {3, 5, 8, 10, 12, 14, 15, 15, 16, 20, 25, 30, 45, 60};
    /** Ring start to answer, seconds: the first 7 (agent X) all within three rings, of the next 7 (Y) 3 of them. */
    private static final long[] RINGS = {3, 5, 8, 10, 12, 14, 15, 5, 16, 6, 20, 10, 30, 18};

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    /** The same fact under a new event id, as a publisher that retried would send it. */
    private static <T> EventEnvelope<T> republished(EventEnvelope<T> e) {
        return envelope(e.key(), e.data());
    }

    private static ContactReceived phoneContact(String contactId, String agent, Instant at, String callId,
                                                TimingSource timing, boolean withinThreeRings) {
        return new ContactReceived(contactId, Channel.PHONE, agent, at, at.minusSeconds(5), at, 1, withinThreeRings,
                true, null, null, null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", "3栋", "咨询交房时间",
                ContactCategory.INQUIRY, false, true, callId, timing, null);
    }

    @Test
    void whenAnHourOfCallsArrivesTwiceThenServiceLevelSpeedOfAnswerAbandonmentAndThreeRingsAreExactAndOnce() {
        String hotline = "400-" + UUID.randomUUID().toString().substring(0, 8);
        String x = unique("AX");
        String y = unique("AY");
        String z = unique("AZ");
        Instant ten = at("2026-12-03T10:00");
        List<EventEnvelope<?>> calls = new ArrayList<>();
        List<EventEnvelope<?>> contacts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String callId = unique("CALL");
            Instant offeredAt = ten.plusSeconds(120L * i);
            calls.add(envelope(callId, new CallOffered(callId, hotline, "13812345678", offeredAt)));
            if (i < 14) {
                String agent = i < 7 ? x : y;
                Instant answeredAt = offeredAt.plusSeconds(SPEEDS[i]);
                Instant ringStartedAt = answeredAt.minusSeconds(RINGS[i]);
                calls.add(envelope(callId, new CallRinging(callId, hotline, "13812345678", agent, offeredAt,
                        ringStartedAt)));
                calls.add(envelope(callId, new CallAnswered(callId, hotline, "13812345678", agent, offeredAt,
                        ringStartedAt, answeredAt)));
                if (i == 0) {
                    calls.add(envelope(callId, new CallTransferred(callId, hotline, x, y, answeredAt.plusSeconds(60))));
                    contacts.add(envelope("c-" + callId, phoneContact("c-" + callId, x, answeredAt.plusSeconds(90),
                            callId, TimingSource.MEASURED, true)));
                }
                calls.add(envelope(callId, new CallEnded(callId, hotline, agent, offeredAt, answeredAt,
                        answeredAt.plusSeconds(100), "https://rec.example.com/" + callId + ".mp3")));
            } else {
                // the first two rang at X and Y before the caller gave up; the others never reached an agent
                String last = i == 14 ? x : i == 15 ? y : null;
                Instant ringStartedAt = last == null ? null : offeredAt.plusSeconds(2);
                if (last != null) {
                    calls.add(envelope(callId, new CallRinging(callId, hotline, "13812345678", last, offeredAt,
                            ringStartedAt)));
                }
                Instant abandonedAt = offeredAt.plusSeconds(30);
                calls.add(envelope(callId, new CallAbandoned(callId, hotline, "13812345678", offeredAt, abandonedAt,
                        last, ringStartedAt)));
                calls.add(envelope(callId, new CallEnded(callId, hotline, null, offeredAt, null, abandonedAt, null)));
            }
        }
        // one call in the next hour, at Z, without a ringing fact (the answer counts the ring)
        String late = unique("CALL");
        Instant lateOffer = at("2026-12-03T11:05");
        calls.add(envelope(late, new CallOffered(late, hotline, null, lateOffer)));
        calls.add(envelope(late, new CallAnswered(late, hotline, null, z, lateOffer, lateOffer.plusSeconds(2),
                lateOffer.plusSeconds(4))));
        // X's other call was typed in (platform down): X's phone contacts are half measured, half self-reported
        String typed = unique("c");
        contacts.add(envelope(typed, new ContactReceived(typed, Channel.PHONE, x, at("2026-12-03T15:00"), null, null,
                4, false, true, null, null, null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", "3栋",
                "咨询交房时间", ContactCategory.INQUIRY, false, true)));

        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int round = 0; round < 3; round++) {
                // round 1: as published; round 2: redelivered as they were; round 3: published again under new ids
                boolean fresh = round == 2;
                calls.forEach(e -> log.publish(Topics.CALLS, fresh ? republished(e) : e));
                contacts.forEach(e -> log.publish(Topics.CONTACTS, e));
                Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CALLS, Topics.CONTACTS);

                JsonNode report = hotline(manager.get("/api/v1/reports/hotlines?from=2026-12-03&to=2026-12-03")
                        .json(), hotline);
                JsonNode tenOClock = hour(report, 10);
                assertThat(tenOClock.get("offered").asLong()).isEqualTo(20);
                assertThat(tenOClock.get("answered").asLong()).isEqualTo(14);
                assertThat(tenOClock.get("abandoned").asLong()).isEqualTo(6);
                assertThat(tenOClock.get("answeredInTime").asLong()).isEqualTo(8);
                // 8 of 20 within 15 s; (3+5+8+10+12+14+15+15+16+20+25+30+45+60) = 278 s over 14; 6 of 20 gave up
                assertThat(tenOClock.get("serviceLevel").asDouble()).isEqualTo(0.4);
                assertThat(tenOClock.get("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(278.0 / 14,
                        within(1e-9));
                assertThat(tenOClock.get("abandonmentRate").asDouble()).isEqualTo(0.3);
                JsonNode eleven = hour(report, 11);
                assertThat(eleven.get("offered").asLong()).isEqualTo(1);
                assertThat(eleven.get("serviceLevel").asDouble()).isEqualTo(1.0);
                assertThat(report.get("total").get("offered").asLong()).isEqualTo(21);
                assertThat(report.get("total").get("answeredInTime").asLong()).isEqualTo(9);
                assertThat(report.get("hours").size()).isEqualTo(2);
                // the month (read from the month documents) and a span across two months (from the days) agree
                JsonNode month = hotline(manager.get("/api/v1/reports/hotlines?from=2026-12-01&to=2026-12-31")
                        .json(), hotline);
                assertThat(hour(month, 10)).isEqualTo(tenOClock);
                assertThat(month.get("total")).isEqualTo(report.get("total"));
                JsonNode across = hotline(manager.get("/api/v1/reports/hotlines?from=2026-11-30&to=2026-12-03")
                        .json(), hotline);
                assertThat(hour(across, 10)).isEqualTo(tenOClock);

                JsonNode kx = agentKpis(manager, x);
                // X: 8 calls rang (7 answered, all within three rings; one abandoned while ringing)
                assertThat(kx.get("calls").get("offered").asLong()).isEqualTo(8);
                assertThat(kx.get("calls").get("answered").asLong()).isEqualTo(7);
                assertThat(kx.get("calls").get("abandoned").asLong()).isEqualTo(1);
                assertThat(kx.get("measuredThreeRingsRate").asDouble()).isEqualTo(7.0 / 8);
                assertThat(kx.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(7.0 / 8);
                assertThat(kx.get("threeRingsSource").asString()).isEqualTo("MEASURED");
                assertThat(kx.get("calls").get("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(67.0 / 7,
                        within(1e-9));
                // the contacts reported 1 of 2 within three rings: not what the KPI weighs
                assertThat(kx.get("reportedThreeRingsRate").asDouble()).isEqualTo(0.5);
                assertThat(kx.get("measuredTimingShare").asDouble()).isEqualTo(0.5);
                assertThat(kx.get("selfReportedTimingShare").asDouble()).isEqualTo(0.5);

                JsonNode ky = agentKpis(manager, y);
                // Y: 8 rang, 7 answered, within three rings 5 s, 6 s and 10 s → 3 of 8; in time only the 15 s one
                assertThat(ky.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(3.0 / 8);
                assertThat(ky.get("calls").get("serviceLevel").asDouble()).isEqualTo(1.0 / 8);
                assertThat(ky.get("calls").get("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(211.0 / 7,
                        within(1e-9));
                assertThat(ky.get("calls").get("abandonmentRate").asDouble()).isEqualTo(1.0 / 8);

                JsonNode kz = agentKpis(manager, z);
                assertThat(kz.get("calls").get("offered").asLong()).as("the answer counted the ring").isEqualTo(1);
                assertThat(kz.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(1.0);
            }
        }
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CALLS))) {
            // everything was consumed above, so whatever was dead-lettered is on the topic by now
            assertThat(dlq.readToEnd()).noneMatch(r -> calls.stream().anyMatch(c -> c.key().equals(r.key())));
        }
    }

    @Test
    void whenAnAgentHasNoMeasuredCallsThenTheKpiFallsBackToTheReportedFigureAndTheEvaluationSaysSo() {
        String agent = unique("AW");
        List<EventEnvelope<?>> contacts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = unique("c");
            contacts.add(envelope(id, new ContactReceived(id, Channel.PHONE, agent, at("2026-12-04T09:00")
                    .plusSeconds(60L * i), null, null, i < 3 ? 2 : 5, i < 3, true, null, null, null, "王小明",
                    CallerType.OWNER, "13812345678", null, "SH-LJY", "3栋", "咨询交房时间", ContactCategory.INQUIRY,
                    false, true)));
        }
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        String path = "/api/v1/reports/agents/" + agent + "?from=2026-12-04&to=2026-12-04";
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            contacts.forEach(e -> log.publish(Topics.CONTACTS, e));
        }
        JsonNode report = await().atMost(WAIT).until(() -> manager.get(path).json(),
                r -> r.get("kpis").get("phoneCalls").asLong() == 4);

        JsonNode kpis = report.get("kpis");
        assertThat(kpis.get("threeRingsSource").asString()).isEqualTo("SELF_REPORTED");
        assertThat(kpis.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(0.75);
        assertThat(kpis.get("measuredThreeRingsRate").isNull()).isTrue();
        assertThat(kpis.get("selfReportedTimingShare").asDouble()).isEqualTo(1.0);
        assertThat(kpis.get("measuredTimingShare").asDouble()).isEqualTo(0.0);
        JsonNode scored = report.get("standing").get("scored");
        assertThat(scored.get("kpiScores").get("answerWithinThreeRings").asDouble()).isEqualTo(75.0);
        assertThat(scored.get("reasons").valueStream().map(JsonNode::asString))
                .contains("三声内接听率为自报数据（本期无实测来电）");
    }

    @Test
    void whenTheMeasuresAreDownloadedThenTheExportsCarryTheNewColumnsInChinese() {
        String hotline = "400-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = unique("AE");
        String callId = unique("CALL");
        Instant offeredAt = at("2026-12-02T09:10");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publish(Topics.CALLS, envelope(callId, new CallOffered(callId, hotline, null, offeredAt)));
            log.publish(Topics.CALLS, envelope(callId, new CallRinging(callId, hotline, null, agent, offeredAt,
                    offeredAt.plusSeconds(4))));
            log.publish(Topics.CALLS, envelope(callId, new CallAnswered(callId, hotline, null, agent, offeredAt,
                    offeredAt.plusSeconds(4), offeredAt.plusSeconds(24))));
        }
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        String csv = await().atMost(WAIT).until(
                () -> manager.get("/api/v1/reports/hotlines?from=2026-12-02&to=2026-12-02&format=csv").raw().body(),
                body -> body.contains(hotline + ",09:00-10:00,1,1,0,0,0.0%,24.0,0.0%"));
        assertThat(csv).startsWith("\uFEFF热线号码,时段,呼入数,接听数,放弃数,15秒内接听数,服务水平(15秒内接听),平均应答时长(秒),放弃率");
        assertThat(csv).contains(hotline + ",合计,1,1,0,0,0.0%,24.0,0.0%");

        String agents = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                + "?from=2026-12-02&to=2026-12-02&format=csv").raw().body(), body -> body.contains(agent));
        String header = agents.lines().findFirst().orElseThrow();
        assertThat(header).contains("三声内接听率来源", "实测时间占比", "自报时间占比", "振铃来电数", "接听来电数",
                "振铃中放弃数", "服务水平(15秒内接听)", "平均应答时长(秒)", "放弃率");
        // rang at 09:10:04, answered at 09:10:24: 20 s, not within three rings; measured
        assertThat(agents).contains("0.0%,实测");

        Api.Response xlsx = manager.get("/api/v1/reports/hotlines?from=2026-12-02&to=2026-12-02&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    }

    @Test
    void whenSomeoneWhoIsNotASupervisorOrManagerAsksForTheHotlinesOrForABadPeriodThenTheyAreRefused() {
        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        assertThat(agent.get("/api/v1/reports/hotlines?from=2026-12-01&to=2026-12-31").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/reports/hotlines?from=2026-12-01&to=2026-12-31").status()).isEqualTo(200);
        Api.Response bad = supervisor.get("/api/v1/reports/hotlines?from=2026-12-31&to=2026-12-01&format=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("format", "to");
    }

    @Test
    void whenACallFactLacksWhatItIsCountedByThenItGoesToTheDeadLetterTopic() {
        String callId = unique("CALL");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publish(Topics.CALLS, envelope(callId, new CallOffered(callId, null, null, Instant.now())));
        }
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CALLS))) {
            assertThat(dlq.withKey(callId, WAIT)).hasSize(1);
        }
    }

    private static JsonNode hotline(JsonNode report, String hotline) {
        return report.get("hotlines").valueStream().filter(h -> h.get("hotline").asString().equals(hotline))
                .findFirst().orElseThrow(() -> new AssertionError("no hotline " + hotline + " in " + report));
    }

    private static JsonNode hour(JsonNode hotline, int hour) {
        return hotline.get("hours").valueStream().filter(h -> h.get("hour").asInt() == hour).findFirst()
                .map(h -> h.get("measures")).orElseThrow(() -> new AssertionError("no hour " + hour));
    }

    private static JsonNode agentKpis(Api manager, String agent) {
        return manager.get("/api/v1/reports/agents/" + agent + "?from=2026-12-03&to=2026-12-03").json().get("kpis");
    }
}
