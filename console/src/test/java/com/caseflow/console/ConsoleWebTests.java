package com.caseflow.console;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's own behaviour against stand-ins for the services (each answering what the test sets) and a real Kafka
 * broker: login, CSRF, role pages, problem documents shown beside the field in Chinese, outages that keep the form,
 * escaping, and the live queue fed from a department's topic. The whole system in a real browser:
 * {@code system-tests}' ConsoleInBrowserEndToEndTests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {"cases.dept.engineering", "cases.dept.customer-service"})
class ConsoleWebTests {

    private static final StubService identity = new StubService();
    private static final StubService intake = new StubService();
    private static final StubService routing = new StubService();
    private static final StubService followup = new StubService();

    @Autowired
    MockMvc mvc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ClientRegistrationRepository registrations;

    Logins logins;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String issuer = identity.url();
        identity.answer("GET /.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo",
                 "end_session_endpoint":"%1$s/connect/logout","subject_types_supported":["public"],
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}
                """.formatted(issuer));
        registry.add("spring.security.oauth2.client.provider.caseflow.issuer-uri", () -> issuer);
        registry.add("caseflow.console.services.intake", intake::url);
        registry.add("caseflow.console.services.routing", routing::url);
        registry.add("caseflow.console.services.followup", followup::url);
        registry.add("caseflow.console.services.evaluation", followup::url);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @AfterAll
    static void stop() {
        List.of(identity, intake, routing, followup).forEach(StubService::close);
    }

    @BeforeEach
    void setUp() {
        logins = new Logins(registrations.findByRegistrationId("caseflow"));
        intake.reset();
        routing.reset();
        followup.reset();
        intake.answer("GET /api/v1/projects", 200, """
                [{"code":"SH-LJY","name":"陆家嘴壹号","city":"上海","unitTypes":[],"faqs":[]}]""");
    }

    @Test
    void aStrangerIsSentToTheIdentityServerWithProofKey() throws Exception {
        mvc.perform(get("/calls/new"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/oauth2/authorization/caseflow"));
        String location = mvc.perform(get("/oauth2/authorization/caseflow"))
                .andExpect(status().isFound()).andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith(identity.url() + "/oauth2/authorize?")
                .contains("client_id=caseflow-console", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void aPartialRequestWithoutASessionAsksForAFullReload() throws Exception {
        mvc.perform(get("/contacts/caller").param("phone", "13812345678").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndReachesNoService() throws Exception {
        mvc.perform(post("/calls").with(logins.agent()).param("phone", "13812345678").param("matter", "漏水"))
                .andExpect(status().isForbidden());
        assertThat(intake.received("POST", "/api/v1/calls")).isEmpty();
    }

    @Test
    void aCallIsSentWithTheAgentsTokenAndItsIdempotencyKey() throws Exception {
        intake.answer("POST /api/v1/calls", 201, """
                {"id":"K-1","settledAtFirstContact":false}""");
        String page = mvc.perform(post("/calls").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-1").param("phone", "13812345678").param("callerName", "王小明")
                        .param("projectCode", "SH-LJY").param("category", "REPAIR").param("matter", "卫生间漏水")
                        .param("settledOnCall", "false"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已登记：K-1", "/contacts/K-1/outcome");
        StubService.Received sent = intake.received("POST", "/api/v1/calls").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        assertThat(sent.body()).contains("\"phone\":\"13812345678\"", "\"settledOnCall\":false")
                .doesNotContain("idempotencyKey");
    }

    @Test
    void aVisitIsRecordedWithItsArrivalAndItsHost() throws Exception {
        intake.answer("POST /api/v1/visits", 201, """
                {"id":"K-V1","settledAtFirstContact":true}""");
        String page = mvc.perform(post("/visits").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-v1").param("arrivedAt", "2026-12-04T02:30:00Z")
                        .param("greetedAt", "2026-12-04T02:30:20Z").param("visitorName", "李娜")
                        .param("organisation", "业主委员会").param("phone", "021-58881234").param("projectCode", "SH-LJY")
                        .param("purpose", "咨询交房时间").param("hostedBy", "交付部 陈经理").param("category", "HANDOVER")
                        .param("settledOnVisit", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已登记：K-V1", "已当场办结");
        assertThat(intake.received("POST", "/api/v1/visits").get(0).body())
                .contains("\"hostedBy\":\"交付部 陈经理\"", "\"arrivedAt\":\"2026-12-04T02:30:00Z\"",
                        "\"settledOnVisit\":true");
    }

    @Test
    void anAgentsDayCountsTheirThreeRingRateAndFirstContactResolution() throws Exception {
        intake.answer("GET /api/v1/contacts/mine", 200, """
                [{"id":"K-3","channel":"PHONE","receivedAt":"2026-12-04T10:00:00+08:00","customerName":"王一",
                  "call":{"ringCount":5,"answeredWithinThreeRings":false},"category":"REPAIR","settledAtFirstContact":false},
                 {"id":"K-2","channel":"PHONE","receivedAt":"2026-12-04T09:30:00+08:00","customerName":"王二",
                  "call":{"ringCount":2,"answeredWithinThreeRings":true},"category":"INQUIRY","settledAtFirstContact":true},
                 {"id":"K-1","channel":"VISIT","receivedAt":"2026-12-04T09:00:00+08:00","customerName":"王三",
                  "category":"HANDOVER","settledAtFirstContact":true}]""");
        String page = mvc.perform(get("/my-day").with(logins.agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共 3 次（接电 2，接访 1）", "id=\"three-rings\">50%", "id=\"fcr\">67%", "王二");
    }

    @Test
    void eachFieldIntakeNamesIsExplainedInChineseBesideItAndTheTypedTextStays() throws Exception {
        intake.answer("POST /api/v1/calls", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"phone","message":"not a mainland China number"},
                           {"field":"matter","message":"required"}]}""");
        String page = mvc.perform(post("/calls").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-2").param("phone", "12345").param("callerName", "王小明")
                        .param("projectCode", "SH-LJY").param("category", "REPAIR").param("settledOnCall", "false"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"phone-error\"", "请填写有效的中国大陆手机号或固定电话",
                "id=\"matter-error\"", "请填写来电事项", "value=\"王小明\"", "value=\"key-2\"")
                .doesNotContain("not a mainland China number", "urn:caseflow");
    }

    @Test
    void whenIntakeIsAwayTheFormKeepsEverythingAndTheSameKey() throws Exception {
        intake.answer("POST /api/v1/calls", 503, """
                {"type":"urn:caseflow:problem:store-unavailable","title":"Service unavailable","status":503}""");
        String page = mvc.perform(post("/calls").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-3").param("phone", "13812345678").param("callerName", "王小明")
                        .param("matter", "卫生间漏水").param("settledOnCall", "false"))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("接待服务暂时无法访问，您填写的内容已保留", "value=\"key-3\"", "卫生间漏水",
                "value=\"13812345678\"");
    }

    @Test
    void markupTypedByACallerIsShownAsText() throws Exception {
        routing.answer("GET /api/v1/cases/C-1", 200, """
                {"id":"C-1","version":3,"status":"OPEN","departmentCode":"ENGINEERING","priority":"NORMAL",
                 "category":"REPAIR","projectCode":"SH-LJY","matter":"<img src=x onerror=alert(1)>",
                 "customer":{"name":"<script>alert(1)</script>","phone":"13812345678"},"contacts":[],"history":[]}""");
        routing.answer("GET /api/v1/departments", 200, "[{\"code\":\"ENGINEERING\"},{\"code\":\"SALES\"}]");
        String page = mvc.perform(get("/cases/C-1").with(logins.engineer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
    }

    @Test
    void aScreenOfAnotherRoleIsAForbiddenPageAndAsksNoService() throws Exception {
        // the browser test shows the page itself; MockMvc stops at the forward
        mvc.perform(get("/callbacks").with(logins.agent()))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/forbidden"));
        assertThat(mvc.perform(get("/forbidden").with(logins.agent())).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString()).contains("无权访问");
        assertThat(followup.received("GET", "/api/v1/callbacks")).isEmpty();
        mvc.perform(get("/queue").param("department", "SALES").with(logins.engineer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void englishOnRequestChineseByDefault() throws Exception {
        assertThat(mvc.perform(get("/calls/new").with(logins.agent())).andReturn().getResponse()
                .getContentAsString()).contains("接电登记", "lang=\"zh-CN\"");
        assertThat(mvc.perform(get("/calls/new").param("lang", "en").with(logins.agent())).andReturn()
                .getResponse().getContentAsString()).contains("Record a call");
    }

    @Test
    void aStaleCaseActionIsAConflictThatKeepsWhatWasTyped() throws Exception {
        routing.answer("GET /api/v1/cases/C-2", 200, """
                {"id":"C-2","version":4,"status":"IN_PROGRESS","departmentCode":"ENGINEERING","ownerId":"D-ENG-01",
                 "priority":"NORMAL","category":"REPAIR","contacts":[],"history":[]}""");
        routing.answer("GET /api/v1/departments", 200, "[{\"code\":\"ENGINEERING\"}]");
        routing.answer("POST /api/v1/cases/C-2/resolve", 409, """
                {"type":"urn:caseflow:problem:version-conflict","title":"Conflict","status":409}""");
        String page = mvc.perform(post("/cases/C-2/resolve").with(logins.engineer()).with(csrf())
                        .param("version", "3").param("resolution", "已更换防水层，回访确认不漏"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("此案件已被他人修改", "已更换防水层，回访确认不漏");
        assertThat(routing.received("POST", "/api/v1/cases/C-2/resolve").get(0).body())
                .contains("已更换防水层");
    }

    @Test
    void aTamperedFormIsTheClientsMistakeAndReachesNoService() throws Exception {
        mvc.perform(post("/cases/C-4/resolve").with(logins.engineer()).with(csrf())
                        .param("version", "abc").param("resolution", "已修复"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/cases/C-4/reopen-everything").with(logins.engineer()).with(csrf()).param("version", "1"))
                .andExpect(status().isNotFound());
        assertThat(routing.received("POST", "/api/v1/cases/C-4")).isEmpty();
    }

    @Test
    void aTransferGoesToRoutingWithTheDepartmentTheReasonAndTheVersionShown() throws Exception {
        routing.answer("POST /api/v1/cases/C-3/transfer", 200, "{\"id\":\"C-3\",\"version\":6}");
        mvc.perform(post("/cases/C-3/transfer").with(logins.engineer()).with(csrf())
                        .param("version", "5").param("toDepartment", "PROPERTY_MANAGEMENT")
                        .param("reason", "公共区域水管，归物业维修"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/cases/C-3"));
        StubService.Received sent = routing.received("POST", "/api/v1/cases/C-3/transfer").get(0);
        assertThat(sent.body()).contains("\"toDepartment\":\"PROPERTY_MANAGEMENT\"", "公共区域水管，归物业维修");
        assertThat(sent.ifMatch()).isEqualTo("\"5\"");
        assertThat(sent.authorization()).startsWith("Bearer ");
    }

    @Test
    void anOpenQueuePageHearsOfEachChangeToItsDepartmentsCases() throws Exception {
        MvcResult stream = mvc.perform(get("/queue/ENGINEERING/stream").with(logins.engineer()))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult otherDepartment = mvc.perform(get("/queue/CUSTOMER_SERVICE/stream")
                        .with(logins.customerService()))
                .andExpect(request().asyncStarted()).andReturn();
        awaitConsoleReadsTheDepartmentTopics();
        publish("cases.dept.engineering", "C-9", EventTypes.CASE_ROUTED, """
                {"caseId":"C-9","sequence":1,"contactId":"K-9","departmentCode":"ENGINEERING"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> content(stream).contains("event:case-changed"));
        assertThat(content(stream)).contains("data:C-9");
        // the customer-service page was told nothing: the same listener handled the record before the engineering one
        // was written out, and a second record for customer service arrives after it
        publish("cases.dept.customer-service", "C-10", EventTypes.CASE_ROUTED, """
                {"caseId":"C-10","sequence":1,"contactId":"K-10","departmentCode":"CUSTOMER_SERVICE"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> content(otherDepartment).contains("data:C-10"));
        assertThat(content(otherDepartment)).doesNotContain("C-9");
    }

    @Test
    void theAgentsPageLearnsWhichCaseTheirContactWentTo() throws Exception {
        awaitConsoleReadsTheDepartmentTopics();
        MvcResult stream = mvc.perform(get("/contacts/K-20/outcome").with(logins.agent()))
                .andExpect(request().asyncStarted()).andReturn();
        publish("cases.dept.engineering", "C-20", EventTypes.CASE_ROUTED, """
                {"caseId":"C-20","sequence":1,"contactId":"K-20","departmentCode":"ENGINEERING"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> content(stream).contains("event:outcome"));
        assertThat(content(stream)).contains("已立案 C-20，由工程维修部处理", "data-case=\"C-20\"");
        // a page opened after the event hears it at once
        MvcResult late = mvc.perform(get("/contacts/K-20/outcome").with(logins.agent()))
                .andExpect(request().asyncStarted()).andReturn();
        assertThat(content(late)).contains("已立案 C-20");
    }

    private static String content(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The console's anonymous consumer group holds the partitions of the department topics: nothing sent is missed. */
    private void awaitConsoleReadsTheDepartmentTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
                List<String> ids = groups.stream().map(ConsumerGroupListing::groupId).toList();
                Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all().get();
                return described.values().stream().flatMap(g -> g.members().stream())
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().startsWith("cases.dept.")).count() == 6;
            });
        }
    }

    private void publish(String topic, String key, String type, String data) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                    ("{\"eventId\":\"e-" + key + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"key\":\"" + key
                            + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
