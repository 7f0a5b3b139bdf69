package com.caseflow.intake.security;

import com.caseflow.events.Topics;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may call what on intake, what tokens are refused, and what personal data never leaks. */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caseflow.security.writes-per-second=5", "caseflow.intake.demo-projects=true"})
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class IntakeAccessTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final List<String> ROLES = List.of(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR,
            Roles.MANAGER, Roles.ADMIN);


    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccessAudit audit;

    Api anonymous;
    static String contactId;

    @BeforeEach
    void aContactExists() {
        anonymous = new Api(port, null);
        if (contactId == null) {
            contactId = as("A001", Roles.AGENT).post("/api/v1/calls", Fixtures.LEAK_CALL).json().get("id").asString();
        }
    }

    /** One row per endpoint: how to call it, and the roles that may. */
    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private List<Endpoint> endpoints(String role) {
        String code = "T-" + role.replace("_", "") + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String project = """
                {"code":"%s","name":"测试楼盘","city":"上海","address":"浦东新区测试路1号","salesStatus":"ON_SALE"}"""
                .formatted(code);
        as("ADMIN01", Roles.ADMIN).post("/api/v1/projects", project.replace(code, code + "-E"));
        String edit = project.replace(code, code + "-E").replace("}", ",\"version\":0}");
        return List.of(
                new Endpoint("POST", "/api/v1/calls", Fixtures.LEAK_CALL, Set.of(Roles.AGENT)),
                new Endpoint("POST", "/api/v1/visits", Fixtures.HANDOVER_VISIT, Set.of(Roles.AGENT)),
                new Endpoint("GET", "/api/v1/contacts?phone=13812345678", null,
                        Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)),
                new Endpoint("GET", "/api/v1/contacts/mine", null, Set.of(Roles.AGENT)),
                new Endpoint("GET", "/api/v1/contacts/behind-figure?from=2026-12-01&to=2026-12-01", null,
                        Set.of(Roles.SUPERVISOR, Roles.MANAGER)),
                new Endpoint("GET", "/api/v1/contacts/" + contactId, null,
                        Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)),
                new Endpoint("GET", "/api/v1/projects", null, Set.copyOf(ROLES)),
                new Endpoint("GET", "/api/v1/projects/SH-LJY", null, Set.copyOf(ROLES)),
                new Endpoint("POST", "/api/v1/projects", project, Set.of(Roles.ADMIN)),
                new Endpoint("PUT", "/api/v1/projects/" + code + "-E", edit, Set.of(Roles.ADMIN)));
    }

    @Test
    void whenEachRoleCallsEachEndpointThenOnlyTheRolesOfTheMatrixGetThrough() {
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            for (Endpoint endpoint : endpoints(role)) {
                int status = as("U-" + role, role).send(endpoint.method(), endpoint.path(), endpoint.body()).status();
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed ? status / 100 != 2 : status != 403) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void whenNoTokenIsSentThenEveryEndpointAnswers401() {
        assertThat(endpoints("NONE")).allSatisfy(endpoint -> {
            Api.Response response = anonymous.send(endpoint.method(), endpoint.path(), endpoint.body());
            assertThat(response.status()).as(endpoint.method() + " " + endpoint.path()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        });
    }

    @Test
    void whenATokenIsExpiredForgedOrFromAnotherIssuerThen401() {
        Map<String, String> badTokens = Map.of(
                "expired", IDP.expiredToken("A001", Roles.AGENT),
                "tampered", IDP.tamperedToken("A001"),
                "wrong issuer", IDP.tokenFromOtherIssuer("A001", Roles.AGENT),
                "alg=none", IDP.unsignedToken("A001", Roles.AGENT),
                "HS256", IDP.hmacToken("A001", Roles.AGENT),
                "signed by another key", IDP.tokenSignedByAStranger("A001", Roles.AGENT),
                "without staff id", IDP.tokenWithoutStaffId(Roles.AGENT),
                "for another application", IDP.tokenForAnotherApplication("A001", Roles.AGENT),
                "for another service", IDP.tokenFor(List.of("routing-service"), "A001", Roles.AGENT),
                "garbage", "not.a.token");

        badTokens.forEach((kind, token) -> {
            Api.Response refused = new Api(port, token).get("/api/v1/projects");
            assertThat(refused.status()).as(kind).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(kind).startsWith("application/problem+json");
        });
        assertThat(as("A001", Roles.AGENT).get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void whenTheBodyTriesToSetServerOwnedFieldsThen400AndTheAgentComesFromTheLogin() {
        Api agent = as("A002", Roles.AGENT);

        for (String field : List.of("\"agentId\":\"A999\"", "\"id\":\"c-1\"", "\"receivedAt\":\"2026-01-01T00:00:00Z\"")) {
            Api.Response forged = agent.post("/api/v1/calls", Fixtures.LEAK_CALL.replace("{", "{" + field + ","));
            assertThat(forged.status()).as(field).isEqualTo(400);
        }
        Api.Response honest = agent.post("/api/v1/calls", Fixtures.LEAK_CALL);
        assertThat(honest.json().get("agentId").asString()).isEqualTo("A002");
    }

    @Test
    void whenSupervisorsReadAHistoryThenNumbersAreMaskedAndTheReadIsAudited() {
        Api.Response asAgent = as("A001", Roles.AGENT).get("/api/v1/contacts?phone=13812345678");
        Api.Response asSupervisor = as("S001", Roles.SUPERVISOR).get("/api/v1/contacts?phone=13812345678");

        assertThat(asAgent.json().get("content").get(0).get("phone").asString()).isEqualTo("13812345678");
        assertThat(asSupervisor.json().get("content").get(0).get("phone").asString()).isEqualTo("138****5678");
        assertThat(asSupervisor.raw().body()).doesNotContain("13812345678");
        List<Document> reads = mongo.find(Query.query(Criteria.where("staffId").is("S001")
                .and("customerMasked").is("138****5678")), Document.class, AccessAudit.COLLECTION);
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.getString("action")).isEqualTo("customer-history");
            assertThat(read.getString("customerMasked")).isEqualTo("138****5678");
            assertThat(read.getString("customerRef")).isEqualTo(audit.customerRef("13812345678"));
            assertThat(read.get("at")).isNotNull();
            assertThat(read.toJson()).doesNotContain("13812345678");
        });
    }

    @Test
    void whenOneUserWritesFasterThanTheLimitThen429AndNothingMoreIsStored() {
        // twelve requests at once against a limit of five a second
        Api agent = as("A777", Roles.AGENT);
        long before = mongo.count(new Query(), ContactDocument.class);

        ExecutorService burst = Executors.newFixedThreadPool(12);
        List<Future<Integer>> sent = IntStream.range(0, 12)
                .mapToObj(i -> burst.submit(() ->
                        agent.post("/api/v1/calls", Fixtures.call("赵六", "1370000000" + (i % 10), "测试限流")).status()))
                .toList();
        List<Integer> statuses = sent.stream().map(IntakeAccessTests::join).toList();
        burst.shutdown();

        assertThat(statuses).contains(429);
        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertThat(mongo.count(new Query(), ContactDocument.class)).isEqualTo(before + accepted);
    }

    @Test
    void whenOneUserLooksUpCustomersFasterThanTheLimitThen429() {
        Api supervisor = as("S777", Roles.SUPERVISOR);
        ExecutorService burst = Executors.newFixedThreadPool(40);
        List<Future<Integer>> sent = IntStream.range(0, 40)
                .mapToObj(i -> burst.submit(() -> supervisor.get("/api/v1/contacts?phone=1380000" + (1000 + i)).status()))
                .toList();
        List<Integer> statuses = sent.stream().map(IntakeAccessTests::join).toList();
        burst.shutdown();

        assertThat(statuses).contains(429).allMatch(s -> s == 200 || s == 429);
    }

    @Test
    void whenCanaryCustomersAreRecordedAndReadThenTheirNamesAndNumbersNeverReachTheLogs(CapturedOutput output) {
        String name = "金丝雀" + UUID.randomUUID().toString().substring(0, 4);
        Api agent = as("A003", Roles.AGENT);

        Api.Response stored = agent.post("/api/v1/calls", Fixtures.call(name, "13912340001", "金丝雀漏水"));
        Api.Response rejected = agent.post("/api/v1/calls",
                Fixtures.call(name, "13912340002", "金丝雀").replace("REPAIR", "不存在"));
        Api.Response malformed = agent.post("/api/v1/calls", "{\"callerName\":\"" + name + "\",\"phone\":139123400");
        as("S001", Roles.SUPERVISOR).get("/api/v1/contacts?phone=13912340001");
        as("A003", Roles.AGENT).get("/api/v1/contacts?phone=1391234000");
        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.findById(stored.json().get("id").asString(),
                ContactDocument.class).outbox().isEmpty());

        assertThat(stored.status()).isEqualTo(201);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(rejected.raw().body()).doesNotContain("13912340002").doesNotContain(name);
        assertThat(malformed.raw().body()).doesNotContain(name);
        assertThat(output.getAll()).doesNotContain(name).doesNotContain("13912340001").doesNotContain("13912340002")
                .doesNotContain("1391234000");
    }

    private static Integer join(Future<Integer> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAgentsDayListsTheirOwnContactsOfThatDayNewestFirst() {
        Api mine = as("A-DAY-1", Roles.AGENT);
        String first = mine.post("/api/v1/calls", Fixtures.call("陈一", "13900000001", "厨房漏水"))
                .json().get("id").asString();
        String second = mine.post("/api/v1/calls", Fixtures.call("陈二", "13900000002", "门锁坏了"))
                .json().get("id").asString();
        as("A-DAY-2", Roles.AGENT).post("/api/v1/calls", Fixtures.call("陈三", "13900000003", "墙面开裂"));

        Api.Response day = mine.get("/api/v1/contacts/mine");
        assertThat(day.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        day.json().forEach(contact -> ids.add(contact.get("id").asString()));
        assertThat(ids).containsExactly(second, first);
        assertThat(mine.get("/api/v1/contacts/mine?day=2020-01-01").json().size()).isZero();
        Api.Response bad = mine.get("/api/v1/contacts/mine?day=tomorrow");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().body()).contains("\"field\":\"day\"");
    }

    private Api as(String staffId, String role) {
        return new Api(port, role.equals(Roles.DEPARTMENT_STAFF) ? IDP.departmentToken(staffId, "ENGINEERING")
                : IDP.token(staffId, role));
    }
}
