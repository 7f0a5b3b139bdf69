package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Bursts;
import com.caseflow.support.testing.TestIdentityProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of a case, its history and a department's queue (page or download) writes who saw which customer to
 * the access audit before it is answered, within the reader's limit; listings stop at a depth.
 */
@RoutingServiceTest
class CaseReadAuditApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccessAudit audit;

    private static String phone() {
        return "137" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private String repair(String phone) {
        EventEnvelope<ContactReceived> contact = Contacts.call(phone, "AU-" + UUID.randomUUID().toString()
                .substring(0, 6), "5栋2单元301", ContactCategory.REPAIR, "客厅吊顶渗水");
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                Document.class, "cases").getString("_id");
    }

    private List<Document> auditOf(String staffId, String action) {
        return mongo.find(Query.query(Criteria.where("staffId").is(staffId).and("action").is(action)),
                Document.class, AccessAudit.COLLECTION);
    }

    @Test
    void whenACaseOrItsHistoryIsReadThenWhoWhichCustomerAndWhetherTheNumberWasWholeAreAudited() {
        String phone = phone();
        String caseId = repair(phone);
        Api engineer = new Api(port, IDP.departmentToken("D-ENG-AUD-1", "ENGINEERING"));
        Api supervisor = new Api(port, IDP.token("S-AUD-1", "SUPERVISOR"));

        assertThat(engineer.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/cases/" + caseId + "/history").status()).isEqualTo(200);

        assertThat(auditOf("D-ENG-AUD-1", CaseController.CASE_READ)).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(caseId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(phone));
            assertThat(read.getString("customerMasked")).isEqualTo(masked(phone));
            assertThat(read.getBoolean("unmasked")).isTrue();
            assertThat(read.getList("roles", String.class)).containsExactly("DEPARTMENT_STAFF");
            assertThat(read.get("at")).isNotNull();
            assertThat(read.toJson()).doesNotContain(phone);
        });
        assertThat(auditOf("S-AUD-1", CaseController.CASE_READ)).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(caseId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(phone));
            assertThat(read.getBoolean("unmasked")).isFalse();
            assertThat(read.getList("roles", String.class)).containsExactly("SUPERVISOR");
        });
        assertThat(auditOf("S-AUD-1", CaseController.HISTORY_READ)).singleElement().satisfies(read -> {
            assertThat(read.getString("recordId")).isEqualTo(caseId);
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(phone));
        });
    }

    @Test
    void whenAQueuePageOrItsDownloadIsReadThenEveryCustomerShownIsAudited() {
        String phone = phone();
        String caseId = repair(phone);
        Api engineer = new Api(port, IDP.departmentToken("D-ENG-AUD-2", "ENGINEERING"));

        Api.Response page = engineer.get("/api/v1/departments/ENGINEERING/cases?size=100");
        Api.Response download = engineer.get("/api/v1/departments/ENGINEERING/cases?format=csv");

        assertThat(page.status()).isEqualTo(200);
        JsonNode content = page.json().get("content");
        // a case shows its customer and every caller attached to it
        Set<String> shown = content.valueStream().filter(c -> c.findValues("phone").stream().anyMatch(v -> !v.isNull()))
                .map(c -> c.get("id").asString()).collect(Collectors.toSet());
        assertThat(shown).isNotEmpty();
        List<Document> listed = auditOf("D-ENG-AUD-2", CaseController.QUEUE_READ);
        assertThat(listed.stream().map(d -> d.getString("recordId")).collect(Collectors.toSet())).isEqualTo(shown);
        content.valueStream().filter(c -> c.has("customer") && c.get("customer").has("phone")).forEach(c ->
                assertThat(listed).anySatisfy(d -> {
                    assertThat(d.getString("recordId")).isEqualTo(c.get("id").asString());
                    assertThat(d.getString("customerRef"))
                            .isEqualTo(audit.customerRef(c.get("customer").get("phone").asString()));
                }));

        assertThat(download.status()).isEqualTo(200);
        assertThat(auditOf("D-ENG-AUD-2", CaseController.DOWNLOAD)).anySatisfy(d -> {
            assertThat(d.getString("recordId")).isEqualTo(caseId);
            assertThat(d.getString("customerRef")).isEqualTo(audit.customerRef(phone));
            assertThat(d.getBoolean("unmasked")).isTrue();
        });
    }

    @Test
    void whenAListingReachesPastTheDepthCapThenA400NamesPageAndNothingIsReadOrAudited() {
        Api supervisor = new Api(port, IDP.token("S-AUD-DEEP", "SUPERVISOR"));
        Api agent = new Api(port, IDP.token("A-AUD-DEEP", "AGENT"));

        Api.Response queue = supervisor.get("/api/v1/departments/ENGINEERING/cases?page=101&size=100");
        Api.Response callerCases = agent.get("/api/v1/cases?phone=13812345678&page=201&size=50");
        Api.Response lastAllowed = supervisor.get("/api/v1/departments/ENGINEERING/cases?page=100&size=100");

        for (Api.Response tooDeep : List.of(queue, callerCases)) {
            assertThat(tooDeep.status()).isEqualTo(400);
            assertThat(tooDeep.header("Content-Type")).startsWith("application/problem+json");
            assertThat(tooDeep.json().get("errors").findValuesAsString("field")).containsExactly("page");
        }
        assertThat(lastAllowed.status()).isEqualTo(200);
        assertThat(mongo.count(Query.query(Criteria.where("staffId").in("S-AUD-DEEP", "A-AUD-DEEP")),
                AccessAudit.COLLECTION)).isZero();
    }

    @Test
    void whenOneUserReadsCasesFasterThanTheLimitThen429WithRetryAfterAndOnlyAnsweredReadsAreAudited() {
        String caseId = repair(phone());
        Api supervisor = new Api(port, IDP.token("S-AUD-FAST", "SUPERVISOR"));

        List<Api.Response> answers = Bursts.untilRefused(40, i -> supervisor.get("/api/v1/cases/" + caseId), WAIT);

        assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 429);
        Api.Response refused = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:rate-limited");
        assertThat(auditOf("S-AUD-FAST", CaseController.CASE_READ))
                .hasSize((int) answers.stream().filter(r -> r.status() == 200).count());
    }
}
