package com.caseflow.system;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The follow-up loop across services on the real broker, each service its own process: routing routes a repair,
 * engineering resolves it, customer service calls the customer back at follow-up and records them unsatisfied, and
 * the case is open again in engineering's queue with raised priority.
 */
class UnsatisfiedCallbackEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final CaseFlowSystem system = CaseFlowSystem.get();

    @Test
    void whenTheCustomerIsUnsatisfiedAtTheCallbackThenTheCaseIsOpenAgainInItsDepartmentWithRaisedPriority() {
        String contactId = UUID.randomUUID().toString();
        Instant receivedAt = Instant.now();
        ContactReceived call = new ContactReceived(contactId, Channel.PHONE, "A002", receivedAt,
                receivedAt.minusSeconds(9), receivedAt.minusSeconds(3), 2, true, true, null, null, null, "周杰",
                CallerType.OWNER, "13655556666", null, "SH-LJY", "7栋2单元1201", "阳台推拉门关不严，晚上有风声",
                ContactCategory.REPAIR, false, true);
        try (EventLog contacts = new EventLog(system.brokers())) {
            contacts.publish(Topics.CONTACTS, new EventEnvelope<>(UUID.randomUUID().toString(),
                    EventTypes.CONTACT_RECEIVED, 1, receivedAt, contactId, contactId, call));
        }

        Api engineering = new Api(system.routing.port(), IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        JsonNode routed = await().atMost(WAIT).until(() -> engineering
                .get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content").valueStream()
                .filter(c -> contactId.equals(c.get("contacts").get(0).get("contactId").asString()))
                .findFirst().orElse(null), c -> c != null);
        String caseId = routed.get("id").asString();
        String priorityBefore = routed.get("priority").asString();
        assertThat(engineering.post("/api/v1/cases/" + caseId + "/accept", "").status()).isEqualTo(200);
        assertThat(engineering.post("/api/v1/cases/" + caseId + "/resolve", """
                {"resolution":"已调整推拉门滑轨并更换密封条"}""").status()).isEqualTo(200);

        Api customerService = new Api(system.followUp.port(), IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        JsonNode callback = await().atMost(WAIT).until(() -> customerService.get("/api/v1/callbacks?size=100").json()
                .get("content").valueStream().filter(c -> caseId.equals(c.get("caseId").asString()))
                .findFirst().orElse(null), c -> c != null);
        assertThat(callback.get("customer").get("phone").asString()).isEqualTo("13655556666");
        assertThat(callback.get("resolution").asString()).isEqualTo("已调整推拉门滑轨并更换密封条");

        Api.Response recorded = customerService.post("/api/v1/callbacks/" + callback.get("id").asString()
                + "/attempts", """
                {"reached":true,"satisfaction":1,"resolved":false,"comment":"风声还是很大"}""");
        assertThat(recorded.status()).isEqualTo(200);

        JsonNode reopened = await().atMost(WAIT).until(() -> engineering.get("/api/v1/cases/" + caseId).json(),
                c -> c.get("status").asString().equals("OPEN"));
        assertThat(reopened.get("departmentCode").asString()).isEqualTo("ENGINEERING");
        assertThat(reopened.get("priority").asString()).isNotEqualTo(priorityBefore);
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(engineering.get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content")
                .valueStream().map(c -> c.get("id").asString())).contains(caseId);

        JsonNode followUp = await().atMost(WAIT).until(
                () -> customerService.get("/api/v1/cases/" + caseId + "/follow-up").json(),
                f -> f.get("status").asString().equals("ACTIVE")
                        && f.get("timeline").valueStream().anyMatch(e -> e.get("what").asString().equals("REOPENED")));
        assertThat(followUp.get("timeline").valueStream().map(e -> e.get("what").asString()))
                .containsSubsequence("ROUTED", "ACCEPTED", "RESOLVED", "CALLBACK_QUEUED", "CALLBACK_REACHED",
                        "REOPENED");
        assertThat(followUp.get("deadlines").valueStream().filter(d -> d.get("metAt") == null
                || d.get("metAt").isNull())).hasSize(2);
    }
}
