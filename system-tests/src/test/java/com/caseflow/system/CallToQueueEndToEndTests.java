package com.caseflow.system;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The path of a call across services: an agent records it at intake and it arrives, through the real broker, as a
 * case in the right department's queue at routing — each service its own process.
 */
class CallToQueueEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final CaseFlowSystem system = CaseFlowSystem.get();

    @Test
    void whenAnAgentRecordsALeakAtIntakeThenEngineeringSeesOneUrgentCaseInItsQueueEvenIfTheEventComesTwice() {
        Api agent = new Api(system.intake.port(), IDP.token("A002", "AGENT"));
        Api engineering = new Api(system.routing.port(), IDP.departmentToken("D-ENG-01", "ENGINEERING"));

        Api.Response recorded = agent.post("/api/v1/calls", """
                {"ringCount":2,"callerName":"赵敏","phone":"13700003333","callerType":"OWNER",
                 "projectCode":"SH-LJY","unit":"E2E栋1单元801","matter":"厨房水管爆管，水漫到客厅",
                 "category":"REPAIR","settledOnCall":false,"greetingGiven":true}""");
        assertThat(recorded.status()).isEqualTo(201);
        String contactId = recorded.json().get("id").asString();

        JsonNode routed = await().atMost(WAIT).until(() -> caseInQueue(engineering, contactId), c -> c != null);
        assertThat(routed.get("priority").asString()).isEqualTo("URGENT");
        assertThat(routed.get("customer").get("name").asString()).isEqualTo("赵敏");
        assertThat(routed.get("matter").asString()).isEqualTo("厨房水管爆管，水漫到客厅");

        try (TopicReader contacts = new TopicReader(system.brokers(), Topics.CONTACTS);
             TopicReader cases = new TopicReader(system.brokers(), Topics.CASES);
             EventLog log = new EventLog(system.brokers())) {
            ConsumerRecord<String, byte[]> original = contacts.withKey(contactId, WAIT).get(0);
            log.send(Topics.CONTACTS, contactId, original.value(), TopicReader.header(original, CloudEventHeaders.ID),
                    EventTypes.CONTACT_RECEIVED);

            String caseId = routed.get("id").asString();
            List<ConsumerRecord<String, byte[]>> announced = cases.read(r -> caseId.equals(r.key()), 1, WAIT);
            assertThat(TopicReader.header(announced.get(0), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CASE_ROUTED);
            // routing has read the second delivery and published everything it wrote: the topic holds all of it
            Barriers.consumed(system.brokers(), "routing-service", Topics.CONTACTS);
            Barriers.outboxEmpty(system.routing.mongoUri(), List.of("cases"));
            assertThat(cases.readToEnd()).filteredOn(r -> caseId.equals(r.key())).hasSize(1);
        }
        assertThat(engineering.get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content")
                .valueStream().filter(c -> contactId.equals(c.get("contacts").get(0).get("contactId").asString()))
                .count()).isEqualTo(1);
    }

    private static JsonNode caseInQueue(Api department, String contactId) {
        JsonNode page = department.get("/api/v1/departments/ENGINEERING/cases?size=100").json();
        return page.get("content").valueStream()
                .filter(c -> contactId.equals(c.get("contacts").get(0).get("contactId").asString()))
                .findFirst().orElse(null);
    }
}
