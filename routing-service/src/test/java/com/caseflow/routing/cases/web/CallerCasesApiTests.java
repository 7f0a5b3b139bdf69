package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.CallerCases;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.caseflow.support.testing.HostileInput.encoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller's cases by phone, as the agent's console asks while the number is typed: newest first with status, owner,
 * deadlines and last note; cases the number joined as well as opened; who may ask, what each sees, the audit of every
 * lookup, the per-user limit, and bad input named.
 */
@RoutingServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CallerCasesApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    CaseStore cases;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccessAudit audit;

    private Api as(String staffId, String role) {
        return new Api(port, IDP.token(staffId, role));
    }

    private Api engineer() {
        return new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
    }

    private static String phone() {
        return "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    private static String project() {
        return "CB-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Routes a contact straight through the router and returns the case that answers it. */
    private String route(EventEnvelope<ContactReceived> contact) {
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                Document.class, "cases").getString("_id");
    }

    private String repair(String phone, String matter) {
        return route(Contacts.call(phone, project(), "3栋1单元101", ContactCategory.REPAIR, matter));
    }

    private List<Document> auditOf(String staffId) {
        return mongo.find(Query.query(Criteria.where("staffId").is(staffId)), Document.class, AccessAudit.COLLECTION);
    }

    @Test
    void whenAnAgentTypesACallersNumberThenTheirCasesComeNewestFirstWithStatusOwnerDeadlinesAndLastNote() {
        String phone = phone();
        String resolved = repair(phone, "阳台推拉门关不上");
        Api engineer = engineer();
        engineer.post("/api/v1/cases/" + resolved + "/accept", "");
        engineer.post("/api/v1/cases/" + resolved + "/notes", "{\"note\":\"已约定周六上门维修\"}");
        engineer.post("/api/v1/cases/" + resolved + "/resolve", "{\"resolution\":\"已更换滑轮\"}");
        String inProgress = repair(phone, "卫生间墙砖脱落");
        engineer.post("/api/v1/cases/" + inProgress + "/accept", "");
        engineer.post("/api/v1/cases/" + inProgress + "/notes", "{\"note\":\"师傅明天上午到\"}");
        String open = route(Contacts.call(phone, project(), null, ContactCategory.INQUIRY, "物业费怎么交"));
        Api agent = as("A-CB-1", "AGENT");

        // typed as the agent hears it: spaces and the country code
        String typed = encoded("+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        Api.Response first = agent.get("/api/v1/cases?phone=" + typed + "&size=2");
        Api.Response second = agent.get("/api/v1/cases?phone=" + phone + "&size=2&page=1");
        Api.Response onlyOpen = agent.get("/api/v1/cases?phone=" + phone + "&status=OPEN&status=IN_PROGRESS");

        assertThat(first.status()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").findValuesAsString("id")).containsExactly(open, inProgress);
        assertThat(second.json().get("content").findValuesAsString("id")).containsExactly(resolved);
        assertThat(onlyOpen.json().get("content").findValuesAsString("id")).containsExactly(open, inProgress);

        JsonNode working = page.get("content").get(1);
        assertThat(working.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(working.get("statusLabel").asString()).isEqualTo("处理中");
        assertThat(working.get("departmentCode").asString()).isEqualTo("ENGINEERING");
        assertThat(working.get("ownerId").asString()).isEqualTo("D-ENG-01");
        assertThat(working.get("category").asString()).isEqualTo("REPAIR");
        assertThat(working.get("projectCode").asString()).startsWith("CB-");
        assertThat(working.get("priority").asString()).isNotBlank();
        assertThat(working.get("openedAt").asString()).isNotBlank();
        assertThat(working.get("deadlines").get("firstResponseDue").asString()).isNotBlank();
        assertThat(working.get("deadlines").get("resolutionDue").asString()).isNotBlank();
        assertThat(working.get("overdue").asBoolean()).isFalse();
        assertThat(working.get("lastNote").get("text").asString()).isEqualTo("师傅明天上午到");
        assertThat(working.get("lastNote").get("by").asString()).isEqualTo("D-ENG-01");
        assertThat(working.get("lastNote").get("at").asString()).isNotBlank();
        assertThat(working.get("matchedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(working.get("customer").get("name").asString()).isEqualTo("王小明");
        assertThat(working.has("resolution")).isFalse();
        assertThat(page.get("content").get(0).has("lastNote")).isFalse();

        JsonNode done = second.json().get("content").get(0);
        assertThat(done.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(done.get("resolution").asString()).isEqualTo("已更换滑轮");
        assertThat(done.get("resolvedAt").asString()).isNotBlank();
        assertThat(done.get("lastNote").get("text").asString()).isEqualTo("已约定周六上门维修");
        assertThat(done.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void whenACallersContactWasAttachedToAnotherCustomersIncidentThenThatCaseIsFoundWithoutTheOtherCustomer() {
        String project = project();
        String leadPhone = phone();
        String secondPhone = phone();
        String thirdPhone = phone();
        String lead = route(Contacts.call(leadPhone, project, "8栋1单元101", ContactCategory.REPAIR, "电梯停了"));
        String secondCase = route(Contacts.call(secondPhone, project, "8栋2单元1502", ContactCategory.REPAIR,
                "8栋电梯不动了"));
        route(Contacts.call(thirdPhone, project, "8栋1单元2201", ContactCategory.REPAIR, "电梯坏了没法下楼"));
        await().atMost(WAIT).until(() -> cases.find(lead).orElseThrow().state().contacts().size() == 3
                && cases.find(secondCase).orElseThrow().state().status() == CaseStatus.MERGED);
        Api agent = as("A-CB-2", "AGENT");

        JsonNode third = agent.get("/api/v1/cases?phone=" + thirdPhone).json();
        JsonNode second = agent.get("/api/v1/cases?phone=" + secondPhone).json();

        assertThat(third.get("content").findValuesAsString("id")).containsExactly(lead);
        JsonNode incident = third.get("content").get(0);
        assertThat(incident.get("matchedBy").asString()).isEqualTo("CONTACT");
        assertThat(incident.get("contactReason").asString()).isEqualTo("INCIDENT");
        assertThat(incident.get("incidentId").asString()).startsWith("INC-");
        assertThat(incident.has("customer")).isFalse();
        assertThat(third.toString()).doesNotContain(leadPhone);
        // the second caller's own case, merged into the incident's, is the newer of the two
        assertThat(second.get("content").findValuesAsString("id")).containsExactly(secondCase, lead);
        assertThat(second.get("content").get(0).get("status").asString()).isEqualTo("MERGED");
        assertThat(second.get("content").get(0).get("mergedInto").asString()).isEqualTo(lead);
        assertThat(second.get("content").get(0).get("matchedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(second.get("content").get(1).get("matchedBy").asString()).isEqualTo("CONTACT");
    }

    @Test
    void whenEachRoleAsksThenTheRightOnesAreAnsweredAndOnlyCustomerServiceSeesTheWholeNumber() {
        String phone = phone();
        repair(phone, "车库顶棚掉灰");
        String path = "/api/v1/cases?phone=" + phone;

        for (String role : List.of("AGENT", "SUPERVISOR", "MANAGER", "ADMIN")) {
            Api.Response answer = as("CB-" + role, role).get(path);
            assertThat(answer.status()).as(role).isEqualTo(200);
            assertThat(answer.json().get("content").get(0).get("customer").get("phone").asString()).as(role)
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(answer.raw().body()).as(role).doesNotContain(phone);
        }
        Api.Response customerService = new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE")).get(path);
        assertThat(customerService.status()).isEqualTo(200);
        assertThat(customerService.json().get("content").get(0).get("customer").get("phone").asString())
                .isEqualTo(phone);

        Api.Response engineering = engineer().get(path);
        Api.Response noRole = new Api(port, IDP.token("X-CB-1")).get(path);
        Api.Response anonymous = new Api(port, null).get(path);
        assertThat(engineering.status()).isEqualTo(403);
        assertThat(engineering.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(auditOf("D-ENG-01")).noneMatch(d -> CallerCases.ACTION.equals(d.getString("action")));
    }

    @Test
    void whenANumberIsLookedUpThenWhoWhenAndHowManyAreAuditedAndTheNumberIsNeitherStoredNorLogged(
            CapturedOutput output) {
        String phone = phone();
        repair(phone, "厨房下水道堵了");
        repair(phone, "入户门锁坏了");

        Api.Response answer = as("S-CB-1", "SUPERVISOR").get("/api/v1/cases?phone=" + phone);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(auditOf("S-CB-1")).singleElement().satisfies(read -> {
            assertThat(read.getString("action")).isEqualTo(CallerCases.ACTION);
            assertThat(read.getList("roles", String.class)).containsExactly("SUPERVISOR");
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef(phone));
            assertThat(read.getString("customerMasked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(read.getInteger("results")).isEqualTo(2);
            assertThat(read.get("at")).isNotNull();
            assertThat(read.toJson()).doesNotContain(phone);
        });
        assertThat(output.getAll()).doesNotContain(phone);
    }

    @Test
    void whenTheNumberOrAParameterIsBadThenA400NamesItAndNothingIsLookedUp() {
        Api agent = as("A-CB-BAD", "AGENT");

        for (String bad : List.of("12345", "abc", encoded("电话号码"), "12812345678", encoded("021-1234567"),
                encoded("13812345678' || '1'=='1"), encoded("{\"$ne\":null}"), "9".repeat(40))) {
            Api.Response answer = agent.get("/api/v1/cases?phone=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(bad).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsString("field")).as(bad).containsExactly("phone");
        }
        Api.Response missing = agent.get("/api/v1/cases");
        Api.Response blank = agent.get("/api/v1/cases?phone=%20&size=0&status=CLOSED");
        Api.Response tooDeep = agent.get("/api/v1/cases?phone=13812345678&page=10001&size=101");
        Api.Response notANumber = agent.get("/api/v1/cases?phone=13812345678&page=first");

        assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("phone");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("phone", "size", "status");
        assertThat(tooDeep.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("page", "size");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.header("Content-Type")).startsWith("application/problem+json");
        assertThat(auditOf("A-CB-BAD")).isEmpty();
    }

    @Test
    void whenOneUserLooksUpNumbersFasterThanTheLimitThen429WithRetryAfterAndOnlyAnsweredLookupsAreAudited() {
        Api agent = as("A-CB-FAST", "AGENT");
        AtomicInteger answered = new AtomicInteger();
        List<Api.Response> refused = new ArrayList<>();

        // a burst well over the limit of 20 a second, released at once; repeated should the machine be so slow that
        // a burst straddles the limiter's periods
        await().atMost(WAIT).until(() -> {
            List<Api.Response> burst = burst(agent, 40);
            burst.stream().filter(r -> r.status() == 200).forEach(r -> answered.incrementAndGet());
            burst.stream().filter(r -> r.status() == 429).forEach(refused::add);
            assertThat(burst).allMatch(r -> r.status() == 200 || r.status() == 429);
            return !refused.isEmpty();
        });

        Api.Response tooMany = refused.get(0);
        assertThat(tooMany.header("Retry-After")).isEqualTo("1");
        assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooMany.json().get("type").asString()).isEqualTo("urn:caseflow:problem:rate-limited");
        assertThat(auditOf("A-CB-FAST")).hasSize(answered.get());
        // the limit is one user's: a colleague is answered meanwhile
        assertThat(as("A-CB-CALM", "AGENT").get("/api/v1/cases?phone=13812345678").status()).isEqualTo(200);
    }

    private static List<Api.Response> burst(Api api, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> sent = IntStream.range(0, requests)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return api.get("/api/v1/cases?phone=1380000" + (1000 + i));
                    }))
                    .toList();
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
