package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every department's open and overdue cases in one answer (the managers' dashboard): the same numbers as the
 * departments' queues, who may ask and what each sees.
 */
@RoutingServiceTest
class CaseCountsApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    MongoTemplate mongo;

    private Api manager() {
        return new Api(port, IDP.token("M-CC-1", "MANAGER"));
    }

    private String route(EventEnvelope<ContactReceived> contact) {
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                Document.class, "cases").getString("_id");
    }

    private String repair(String matter) {
        return route(Contacts.call("139" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                "CC-" + UUID.randomUUID().toString().substring(0, 6), "2栋1单元302", ContactCategory.REPAIR, matter));
    }

    /** code → {open, overdue} */
    private static Map<String, long[]> counts(Api.Response answer) {
        assertThat(answer.status()).isEqualTo(200);
        Map<String, long[]> counts = new HashMap<>();
        for (JsonNode d : answer.json().get("departments")) {
            counts.put(d.get("departmentCode").asString(), new long[]{d.get("open").asLong(),
                    d.get("overdue").asLong()});
        }
        return counts;
    }

    private long total(Api api, String path) {
        Api.Response page = api.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.json().get("totalElements").asLong();
    }

    @Test
    void whenAManagerAsksThenEveryDepartmentsOpenAndOverdueCasesComeAsTheirQueuesCountThem() {
        Api manager = manager();
        long[] before = counts(manager.get("/api/v1/cases/counts")).getOrDefault("ENGINEERING", new long[2]);
        repair("厨房水龙头拧不紧");
        String accepted = repair("客厅地板起拱");
        String late = repair("主卧窗户关不严");
        new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING")).post("/api/v1/cases/" + accepted + "/accept",
                "");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(late)),
                new Update().set("state.deadlines.resolutionDue", Instant.now().minus(Duration.ofHours(1))), "cases");

        Map<String, long[]> counts = counts(manager.get("/api/v1/cases/counts"));
        assertThat(counts.get("ENGINEERING")).containsExactly(before[0] + 3, before[1] + 1);
        // the same numbers as each department's queue, open and overdue (other tests' contacts may still arrive)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, long[]> now = counts(manager.get("/api/v1/cases/counts"));
            for (JsonNode department : manager.get("/api/v1/departments").json()) {
                String code = department.get("code").asString();
                long[] queue = {total(manager, "/api/v1/departments/" + code + "/cases?size=1"),
                        total(manager, "/api/v1/departments/" + code + "/cases?size=1&overdue=true")};
                assertThat(now.getOrDefault(code, new long[2])).as(code).containsExactly(queue);
            }
        });
    }

    @Test
    void whenDepartmentStaffAskThenTheySeeTheirOwnDepartmentOnlyAndAgentsAreRefused() {
        repair("卫生间水龙头关不上");
        Map<String, long[]> engineering = counts(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"))
                .get("/api/v1/cases/counts"));
        assertThat(engineering).containsOnlyKeys("ENGINEERING");
        assertThat(engineering.get("ENGINEERING")[0]).isPositive();

        assertThat(new Api(port, IDP.token("A-CC-1", "AGENT")).get("/api/v1/cases/counts").status()).isEqualTo(403);
        assertThat(new Api(port, null).get("/api/v1/cases/counts").status()).isEqualTo(401);
    }
}
