package com.caseflow.followup.security;

import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.sms.application.CustomerMessages;
import com.caseflow.followup.support.CallLog;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.FollowedCases;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks, missed calls and a case's texts show customers' numbers and names: each read writes who saw which
 * customer to the access audit before it is answered, and listings stop at a depth.
 */
@FollowUpServiceTest
class AuditedReadsApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The number of every customer of {@link Cases#routed}. */
    private static final String CUSTOMER = "13812345678";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FollowUpStore store;
    @Autowired
    CustomerMessages messages;
    @Autowired
    AccessAudit audit;
    @LocalServerPort
    int port;

    private CaseLog cases;
    private CallLog calls;
    private FollowedCases followed;

    @BeforeEach
    void connect() {
        cases = new CaseLog(broker.getBrokersAsString());
        calls = new CallLog(broker.getBrokersAsString());
        followed = new FollowedCases(cases, store, Cases.WORKING_TIME);
    }

    @AfterEach
    void disconnect() {
        cases.close();
        calls.close();
    }

    private List<Document> auditOf(String staffId, String action) {
        return mongo.find(Query.query(Criteria.where("staffId").is(staffId).and("action").is(action)),
                Document.class, AccessAudit.COLLECTION);
    }

    private static Set<String> idsWithNumbers(JsonNode page, String numberField) {
        return page.get("content").valueStream().filter(r -> r.findValues(numberField).stream().anyMatch(v -> !v.isNull()))
                .map(r -> r.get("id").asString()).collect(Collectors.toSet());
    }

    @Test
    void whenACallbackOrTheQueueIsReadThenEachCustomerShownIsAuditedWithWhetherTheNumberWasWhole() {
        String callbackId = followed.resolvedNow() + ".3.1";
        Api poller = new Api(port, IDP.departmentToken("D-CS-POLL", "CUSTOMER_SERVICE"));
        await().atMost(WAIT).until(() -> poller.get("/api/v1/callbacks/" + callbackId).status() == 200);
        Api customerService = new Api(port, IDP.departmentToken("D-CS-AUD", "CUSTOMER_SERVICE"));
        Api supervisor = new Api(port, IDP.token("S-CB-AUD", "SUPERVISOR"));

        assertThat(customerService.get("/api/v1/callbacks/" + callbackId).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/callbacks/" + callbackId).status()).isEqualTo(200);
        Api.Response queue = supervisor.get("/api/v1/callbacks?size=100");

        assertThat(auditOf("D-CS-AUD", "callback-read")).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(callbackId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(CUSTOMER));
            assertThat(read.getString("customerMasked")).isEqualTo("138****5678");
            assertThat(read.getBoolean("unmasked")).isTrue();
            assertThat(read.getList("roles", String.class)).containsExactly("DEPARTMENT_STAFF");
            assertThat(read.toJson()).doesNotContain(CUSTOMER);
        });
        assertThat(auditOf("S-CB-AUD", "callback-read")).singleElement()
                .satisfies(read -> assertThat(read.getBoolean("unmasked")).isFalse());
        assertThat(queue.status()).isEqualTo(200);
        Set<String> shown = idsWithNumbers(queue.json(), "phone");
        assertThat(shown).isNotEmpty();
        assertThat(auditOf("S-CB-AUD", "callback-queue").stream().map(d -> d.getString("recordId"))
                .collect(Collectors.toSet())).isEqualTo(shown);
    }

    @Test
    void whenAMissedCallOrTheirListIsReadThenTheCallerIsAudited() {
        String caller = CallLog.newCaller();
        String callId = CallLog.newCallId();
        calls.abandoned(callId, caller, TestClock.CLOCK.instant());
        String taskId = MissedCallTask.idFor(callId);
        Api poller = new Api(port, IDP.token("A-MC-POLL", "AGENT"));
        await().atMost(WAIT).until(() -> poller.get("/api/v1/missed-calls/" + taskId).status() == 200);
        Api agent = new Api(port, IDP.token("A-MC-AUD", "AGENT"));
        Api manager = new Api(port, IDP.token("M-MC-AUD", "MANAGER"));

        assertThat(agent.get("/api/v1/missed-calls/" + taskId).status()).isEqualTo(200);
        Api.Response list = manager.get("/api/v1/missed-calls?size=100");

        assertThat(auditOf("A-MC-AUD", "missed-call-read")).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(taskId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(caller));
            assertThat(read.getBoolean("unmasked")).isTrue();
        });
        assertThat(list.status()).isEqualTo(200);
        Set<String> shown = idsWithNumbers(list.json(), "caller");
        assertThat(auditOf("M-MC-AUD", "missed-call-list")).allSatisfy(d -> assertThat(d.getBoolean("unmasked"))
                .isFalse()).extracting(d -> d.getString("recordId")).containsExactlyInAnyOrderElementsOf(shown);
    }

    @Test
    void whenACasesTextsAreReadThenTheNumberTheyWentToIsAudited() {
        String caseId = followed.resolvedNow();
        await().atMost(WAIT).until(() -> !messages.ofCase(caseId).isEmpty());
        Api supervisor = new Api(port, IDP.token("S-TX-AUD", "SUPERVISOR"));

        assertThat(supervisor.get("/api/v1/cases/" + caseId + "/texts").status()).isEqualTo(200);

        assertThat(auditOf("S-TX-AUD", "case-texts")).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(caseId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(CUSTOMER));
            assertThat(read.getBoolean("unmasked")).isFalse();
        });
    }

    @Test
    void whenAListingReachesPastTheDepthCapThenA400NamesPageAndNothingIsAudited() {
        Api supervisor = new Api(port, IDP.token("S-DEEP-AUD", "SUPERVISOR"));

        for (String path : List.of("/api/v1/callbacks?page=101&size=100", "/api/v1/missed-calls?page=201&size=50",
                "/api/v1/departments/ENGINEERING/follow-ups?page=101&size=100")) {
            Api.Response tooDeep = supervisor.get(path);
            assertThat(tooDeep.status()).as(path).isEqualTo(400);
            assertThat(tooDeep.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(tooDeep.json().get("errors").findValuesAsString("field")).as(path).containsExactly("page");
        }
        assertThat(supervisor.get("/api/v1/callbacks?page=100&size=100").status()).isEqualTo(200);
        assertThat(mongo.count(Query.query(Criteria.where("staffId").is("S-DEEP-AUD")), AccessAudit.COLLECTION))
                .isZero();
    }
}
