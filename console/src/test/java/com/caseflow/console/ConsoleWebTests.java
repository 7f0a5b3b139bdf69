package com.caseflow.console;

import com.caseflow.console.security.SignedInStaff;
import com.caseflow.console.security.Staff;
import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.sealing.Keyring;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
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
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {"cases.dept.engineering", "cases.dept.customer-service", "calls"})
class ConsoleWebTests {

    /** intake's local default key (application.yml), which the console holds too. */
    private static final Keyring INTAKE_KEYS = Keyring.of(
            Map.of("local", "bG9jYWwtb25seS1ldmVudC1zZWFsaW5nLWtleS0zMmI="), "local");

    @RegisterExtension
    static final StandInServices services = new StandInServices();
    private static final StubService identity = services.identity;
    private static final StubService intake = services.intake;
    private static final StubService routing = services.routing;
    private static final StubService followup = services.followup;

    @Autowired
    MockMvc mvc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientService authorizedClients;
    @Autowired
    Logins logins;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @BeforeEach
    void setUp() {
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
                  "call":{"ringCount":5,"answeredWithinThreeRings":false,"callId":"CALL-3","timing":"MEASURED"},
                  "category":"REPAIR","settledAtFirstContact":false},
                 {"id":"K-2","channel":"PHONE","receivedAt":"2026-12-04T09:30:00+08:00","customerName":"王二",
                  "call":{"ringCount":2,"answeredWithinThreeRings":true,"timing":"SELF_REPORTED"},
                  "category":"INQUIRY","settledAtFirstContact":true},
                 {"id":"K-1","channel":"VISIT","receivedAt":"2026-12-04T09:00:00+08:00","customerName":"王三",
                  "category":"HANDOVER","settledAtFirstContact":true}]""");
        String page = mvc.perform(get("/my-day").with(logins.agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共 3 次（接电 2，接访 1）", "id=\"three-rings\">50%", "id=\"fcr\">67%", "王二",
                "timing measured\">实测<", "timing self-reported\">自报<");
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
    void aLongCaseShowsItsLatestStepsFromTheHistoryRoutingKeepsApart() throws Exception {
        routing.answer("GET /api/v1/cases/C-41", 200, """
                {"id":"C-41","version":160,"status":"OPEN","departmentCode":"ENGINEERING","priority":"NORMAL",
                 "category":"REPAIR","projectCode":"SH-LJY","matter":"地下车库渗水","contacts":[],"historyCount":150,
                 "history":[{"sequence":0,"type":"caseflow.case.routed.v1","at":"2026-11-02T01:00:00Z","by":"routing-service"}]}""");
        routing.answer("GET /api/v1/cases/C-41/history", 200, """
                [{"sequence":149,"type":"caseflow.case.note-added.v1","at":"2026-12-04T02:00:00Z","by":"D-ENG-01",
                  "departmentCode":"ENGINEERING","detail":"第一百五十次跟进：已更换止水带"}]""");
        routing.answer("GET /api/v1/departments", 200, "[{\"code\":\"ENGINEERING\"}]");

        String page = mvc.perform(get("/cases/C-41").with(logins.engineer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(routing.received("GET", "/api/v1/cases/C-41/history")).singleElement()
                .satisfies(r -> assertThat(r.path()).contains("page=1", "size=100"));
        assertThat(page).contains("第一百五十次跟进：已更换止水带", "还有更早的 100 步未列出");
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

    // --- issue 16: the screen pop, the call form from the phone system, missed calls, recordings -------------------

    @Test
    void aRingingCallPopsOnEveryPageOfItsAgentAndOnNoOtherAgentsPage() throws Exception {
        awaitConsoleReadsTheCallsTopic();
        MvcResult callForm = mvc.perform(get("/calls/pop").with(logins.agent("A101")))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult myDay = mvc.perform(get("/calls/pop").with(logins.agent("A101")))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult other = mvc.perform(get("/calls/pop").with(logins.agent("A102")))
                .andExpect(request().asyncStarted()).andReturn();
        // every record on one partition, in this order: each one seen proves the ones before it were handled. The
        // caller travels sealed (as intake writes it); CALL-102's is plain, as written before sealing
        publishCall("CALL-101", EventTypes.CALL_RINGING, """
                {"callId":"CALL-101","hotline":"400-820-8820","caller":"%s","agentId":"A101",
                 "offeredAt":"2026-12-05T02:00:00Z","ringStartedAt":"2026-12-05T02:00:02Z"}"""
                .formatted(INTAKE_KEYS.seal("caller", "13812345678")));
        publishCall("CALL-102", EventTypes.CALL_RINGING, """
                {"callId":"CALL-102","hotline":"400-820-8820","caller":"13900001111","agentId":"A102",
                 "offeredAt":"2026-12-05T02:00:05Z","ringStartedAt":"2026-12-05T02:00:06Z"}""");
        for (MvcResult page : List.of(callForm, myDay)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> content(page).contains("data-call-id=\"CALL-101\""));
            assertThat(content(page)).contains("event:call-pop", "来电", "13812345678", "振铃中（10:00:02 起）",
                    "id=\"call-pop-answer\"", "href=\"/calls/new?callId=CALL-101\"", "接听并登记",
                    "hx-get=\"/contacts/caller?phone=13812345678\"");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> content(other).contains("data-call-id=\"CALL-102\""));
        assertThat(content(other)).doesNotContain("CALL-101", "13812345678");

        publishCall("CALL-101", EventTypes.CALL_ABANDONED, """
                {"callId":"CALL-101","hotline":"400-820-8820","caller":"%s",
                 "offeredAt":"2026-12-05T02:00:00Z","abandonedAt":"2026-12-05T02:00:30Z","lastAgentId":"A101",
                 "ringStartedAt":"2026-12-05T02:00:02Z"}""".formatted(INTAKE_KEYS.seal("caller", "13812345678")));
        await().atMost(Duration.ofSeconds(60)).until(() -> content(callForm).contains("来电已挂断，已生成回拨任务"));
        assertThat(content(callForm)).contains("data-call-state=\"ABANDONED\"", "id=\"call-pop-dismiss\"")
                .doesNotContain("CALL-102", "13900001111");

        publishCall("CALL-102", EventTypes.CALL_ANSWERED, """
                {"callId":"CALL-102","hotline":"400-820-8820","caller":"13900001111","agentId":"A102",
                 "offeredAt":"2026-12-05T02:00:05Z","ringStartedAt":"2026-12-05T02:00:06Z",
                 "answeredAt":"2026-12-05T02:00:12Z"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> content(other).contains("data-call-state=\"ANSWERED\""));
        assertThat(content(other)).contains("通话中").doesNotContain("已生成回拨任务");
        // a page opened while the call is on shows it at once; the call form of that very call does not pop it
        assertThat(content(mvc.perform(get("/calls/pop").with(logins.agent("A102")))
                .andExpect(request().asyncStarted()).andReturn())).contains("data-call-id=\"CALL-102\"");
        assertThat(content(mvc.perform(get("/calls/pop").param("except", "CALL-102").with(logins.agent("A102")))
                .andExpect(request().asyncStarted()).andReturn())).doesNotContain("CALL-102");
        publishCall("CALL-102", EventTypes.CALL_ENDED, """
                {"callId":"CALL-102","hotline":"400-820-8820","agentId":"A102","offeredAt":"2026-12-05T02:00:05Z",
                 "answeredAt":"2026-12-05T02:00:12Z","endedAt":"2026-12-05T02:04:00Z"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> content(other).contains("data-call-state=\"ENDED\""));
        assertThat(content(other)).contains("通话已结束，请完成登记");
        // over: a page opened now has nothing to pop
        assertThat(content(mvc.perform(get("/calls/pop").with(logins.agent("A102")))
                .andExpect(request().asyncStarted()).andReturn())).doesNotContain("call-pop");
        mvc.perform(get("/calls/pop").with(logins.engineer())).andExpect(status().isForbidden());
    }

    @Test
    void aCallerSealedUnderAKeyTheConsoleDoesNotHoldPopsWithoutTheNumber() throws Exception {
        awaitConsoleReadsTheCallsTopic();
        MvcResult page = mvc.perform(get("/calls/pop").with(logins.agent("A103")))
                .andExpect(request().asyncStarted()).andReturn();
        Keyring other = Keyring.of(Map.of("k9", "b3RoZXItZXZlbnQtc2VhbGluZy1rZXktb2YtMzJieXQ="), "k9");
        String sealed = other.seal("caller", "13712340000");
        publishCall("CALL-103", EventTypes.CALL_RINGING, """
                {"callId":"CALL-103","hotline":"400-820-8820","caller":"%s","agentId":"A103",
                 "offeredAt":"2026-12-05T02:00:00Z","ringStartedAt":"2026-12-05T02:00:02Z"}""".formatted(sealed));
        // it pops, shown as a number not given ("号码未显示"): neither the number nor the sealed text
        await().atMost(Duration.ofSeconds(60)).until(() -> content(page).contains("data-call-id=\"CALL-103\""));
        assertThat(content(page)).contains("号码未显示").doesNotContain("13712340000", "sealed:");
    }

    @Test
    void everyPageOfAnAgentListensForTheirCallsAndOnlyAnAgents() throws Exception {
        intake.answer("GET /api/v1/contacts/mine", 200, "[]");
        assertThat(mvc.perform(get("/my-day").with(logins.agent())).andReturn().getResponse().getContentAsString())
                .contains("sse-connect=\"/calls/pop\"", "id=\"call-pop\"", "role=\"alert\"", "sse-swap=\"call-pop\"");
        intake.answer("GET /api/v1/phone/calls/CALL-5", 404, """
                {"type":"urn:caseflow:problem:not-found","title":"Not found","status":404}""");
        assertThat(mvc.perform(get("/calls/new").param("callId", "CALL-5").with(logins.agent())).andReturn()
                .getResponse().getContentAsString()).contains("sse-connect=\"/calls/pop?except=CALL-5\"");
        routing.answer("GET /api/v1/cases", 200, "{\"content\":[],\"page\":0,\"size\":20,\"totalElements\":0}");
        routing.answer("GET /api/v1/departments", 200, "[{\"code\":\"ENGINEERING\"}]");
        assertThat(mvc.perform(get("/queue").with(logins.engineer())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/calls/pop", "id=\"call-pop\"");
    }

    @Test
    void aCallFormOpenedWhileTheCallStillRingsCanStillRecordTheAnswerShouldThePhoneSystemNotReportIt()
            throws Exception {
        intake.answer("GET /api/v1/phone/calls/CALL-9", 200, """
                {"callId":"CALL-9","hotline":"400-820-8820","caller":"13812345679","agentId":"A001","state":"RINGING",
                 "offeredAt":"2026-12-05T02:00:00Z","ringStartedAt":"2026-12-05T02:00:02Z"}""");

        String form = mvc.perform(get("/calls/new").param("callId", "CALL-9").with(logins.agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("id=\"timing-measured\"", "振铃 10:00:02", "id=\"answer-fallback\"",
                        "data-answer-button", "data-answered", "value=\"2026-12-05T02:00:02Z\"", "记为自报")
                .doesNotContain("data-ring-button");
    }

    @Test
    void theCallFormIsFilledFromThePhoneSystemsCallMarkedMeasuredAndSendsTheCallId() throws Exception {
        intake.answer("GET /api/v1/phone/calls/CALL-7", 200, """
                {"callId":"CALL-7","hotline":"400-820-8820","caller":"13812345678","agentId":"A001","state":"ANSWERED",
                 "offeredAt":"2026-12-05T02:00:00Z","ringStartedAt":"2026-12-05T02:00:02Z",
                 "answeredAt":"2026-12-05T02:00:09Z"}""");
        String form = mvc.perform(get("/calls/new").param("callId", "CALL-7").with(logins.agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"timing-measured\"", "实测", "value=\"13812345678\"", "value=\"CALL-7\"",
                        "振铃 10:00:02", "接听 10:00:09", "7 秒 · 2 声", "登记时以话务系统的时间为准",
                        "value=\"2026-12-05T02:00:02Z\"")
                .doesNotContain("data-ring-button", "id=\"timing-self-reported\"", "id=\"answer-fallback\"");
        assertThat(intake.received("GET", "/api/v1/phone/calls/CALL-7").get(0).authorization())
                .startsWith("Bearer ");

        intake.answer("POST /api/v1/calls", 201, """
                {"id":"K-7","settledAtFirstContact":false,"call":{"callId":"CALL-7","timing":"MEASURED"}}""");
        String recorded = mvc.perform(post("/calls").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-7").param("callId", "CALL-7")
                        .param("ringStartedAt", "2026-12-05T02:00:02Z").param("answeredAt", "2026-12-05T02:00:09Z")
                        .param("phone", "13812345678").param("callerName", "王小明").param("projectCode", "SH-LJY")
                        .param("category", "REPAIR").param("matter", "卫生间漏水").param("settledOnCall", "false"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(recorded).contains("已登记：K-7", "id=\"recorded-timing\"", "data-timing=\"MEASURED\"", ">实测<");
        assertThat(intake.received("POST", "/api/v1/calls").get(0).body()).contains("\"callId\":\"CALL-7\"");
    }

    @Test
    void withoutThePhoneSystemsCallTheFormIsTheTypedOneAndItsTimesSelfReported() throws Exception {
        // the call unknown to intake (the platform down, its events never came) and intake away: the same form
        intake.answer("GET /api/v1/phone/calls/CALL-9", 503, """
                {"type":"urn:caseflow:problem:store-unavailable","title":"Service unavailable","status":503}""");
        for (String callId : List.of("CALL-8", "CALL-9")) {
            String form = mvc.perform(get("/calls/new").param("callId", callId).with(logins.agent()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(form).contains("id=\"timing-self-reported\"", "自报", "data-ring-button", "data-answer-button",
                            "id=\"call-unknown\"", "未能取得话务系统的通话记录")
                    .doesNotContain("id=\"timing-measured\"", "value=\"" + callId + "\"");
        }
        intake.answer("POST /api/v1/calls", 201, """
                {"id":"K-8","settledAtFirstContact":true,"call":{"timing":"SELF_REPORTED"}}""");
        String recorded = mvc.perform(post("/calls").with(logins.agent()).with(csrf())
                        .param("idempotencyKey", "key-8").param("callId", "")
                        .param("ringStartedAt", "2026-12-05T02:00:02Z").param("answeredAt", "2026-12-05T02:00:20Z")
                        .param("phone", "13812345678").param("callerName", "王小明").param("projectCode", "SH-LJY")
                        .param("category", "INQUIRY").param("matter", "咨询交房时间").param("settledOnCall", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(recorded).contains("data-timing=\"SELF_REPORTED\"", ">自报<");
        assertThat(intake.received("POST", "/api/v1/calls").get(0).body())
                .contains("\"ringStartedAt\":\"2026-12-05T02:00:02Z\"").doesNotContain("callId");
    }

    @Test
    void missedCallsAreListedForCallingBackAndTheirOutcomeGoesToFollowUp() throws Exception {
        followup.answer("GET /api/v1/missed-calls", 200, MISSED_CALLS);
        String list = mvc.perform(get("/missed-calls").with(logins.customerService()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("未接来电回拨", "id=\"missed-M-1\"", "13812345678", "id=\"nav-missed-calls\"",
                        "name=\"outcome\" value=\"REACHED\"", "无人接听", "号码错误", "已超时", "已回拨 1 次",
                        "已超 1 小时 10 分（工作时间）", "aria-label=\"回拨 13812345678 的结果\"")
                // the call form is the agents'
                .doesNotContain("/calls/new?phone=");
        assertThat(followup.received("GET", "/api/v1/missed-calls").get(0).path()).contains("status=OPEN");
        assertThat(mvc.perform(get("/missed-calls").param("lang", "en").with(logins.customerService())).andReturn()
                .getResponse().getContentAsString()).contains("Missed calls to call back", "No answer", "Wrong number");
        assertThat(mvc.perform(get("/missed-calls").with(logins.agent())).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/calls/new?phone=13812345678\"", "回拨后登记来电");
        assertThat(mvc.perform(get("/calls/new").param("phone", "13812345678").with(logins.agent())).andReturn()
                .getResponse().getContentAsString()).contains("value=\"13812345678\"", "id=\"timing-self-reported\"");

        followup.answer("POST /api/v1/missed-calls/M-1/attempts", 200, "{\"id\":\"M-1\",\"status\":\"CLOSED\"}");
        mvc.perform(post("/missed-calls/M-1/attempts").with(logins.customerService()).with(csrf())
                        .param("outcome", "REACHED").param("note", "已联系上，客户咨询交房时间"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/missed-calls?page=0"));
        StubService.Received sent = followup.received("POST", "/api/v1/missed-calls/M-1/attempts").get(0);
        assertThat(sent.body()).contains("\"outcome\":\"REACHED\"", "已联系上，客户咨询交房时间");
        assertThat(sent.authorization()).startsWith("Bearer ");

        followup.reset();
        followup.answer("GET /api/v1/missed-calls", 200, MISSED_CALLS.replace("\"OPEN\"", "\"CLOSED\"")
                .replace("\"outcome\":null", "\"outcome\":\"WRONG_NUMBER\""));
        assertThat(mvc.perform(get("/missed-calls").param("status", "CLOSED").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("号码错误", "aria-current=\"page\"").doesNotContain("name=\"outcome\"");
        assertThat(followup.received("GET", "/api/v1/missed-calls").get(0).path()).contains("status=CLOSED");
        mvc.perform(get("/missed-calls").with(logins.engineer())).andExpect(status().isForbidden());
    }

    @Test
    void aMissedCallAlreadyDealtWithIsExplainedAndABadOutcomeNamedBesideItsField() throws Exception {
        followup.answer("GET /api/v1/missed-calls", 200, MISSED_CALLS);
        followup.answer("POST /api/v1/missed-calls/M-1/attempts", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,
                 "detail":"missed call M-1 is closed"}""");
        String conflict = mvc.perform(post("/missed-calls/M-1/attempts").with(logins.agent()).with(csrf())
                        .param("outcome", "NO_ANSWER").param("note", "响铃无人接"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"missed-M-1-conflict\"", "该任务已被他人处理", "响铃无人接");

        followup.answer("POST /api/v1/missed-calls/M-1/attempts", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"outcome","message":"must be one of REACHED, NO_ANSWER, WRONG_NUMBER"}]}""");
        String invalid = mvc.perform(post("/missed-calls/M-1/attempts").with(logins.agent()).with(csrf())
                        .param("note", "客户说稍后再打"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("id=\"outcome-M-1-error\"", "请选择回拨结果", "value=\"客户说稍后再打\"",
                        "aria-describedby=\"outcome-M-1-error\"")
                .doesNotContain("must be one of", "urn:caseflow");
    }

    @Test
    void aSupervisorSeesAPhoneContactsTimingAndItsRecording() throws Exception {
        routing.answer("GET /api/v1/cases/C-30", 200, """
                {"id":"C-30","version":2,"status":"OPEN","departmentCode":"ENGINEERING","priority":"NORMAL",
                 "category":"REPAIR","customer":{"name":"王小明","phone":"138****5678"},
                 "contacts":[{"contactId":"K-30","channel":"PHONE","receivedAt":"2026-12-05T02:00:00Z"}],"history":[]}""");
        routing.answer("GET /api/v1/departments", 200, "[{\"code\":\"ENGINEERING\"}]");
        assertThat(mvc.perform(get("/cases/C-30").with(logins.supervisor())).andReturn().getResponse()
                .getContentAsString()).contains("hx-get=\"/cases/contacts/K-30/call\"");
        assertThat(mvc.perform(get("/cases/C-30").with(logins.engineer())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/cases/contacts/K-30/call");

        intake.answer("GET /api/v1/contacts/K-30", 200, """
                {"id":"K-30","channel":"PHONE","call":{"callId":"CALL-30","timing":"MEASURED",
                 "recordingUrl":"https://recordings.example.com/CALL-30.mp3"}}""");
        assertThat(mvc.perform(get("/cases/contacts/K-30/call").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("href=\"https://recordings.example.com/CALL-30.mp3\"", "通话录音", "实测");
        intake.answer("GET /api/v1/contacts/K-31", 200, """
                {"id":"K-31","channel":"PHONE","call":{"timing":"SELF_REPORTED","recordingUrl":"javascript:alert(1)"}}""");
        assertThat(mvc.perform(get("/cases/contacts/K-31/call").with(logins.supervisor())).andReturn()
                .getResponse().getContentAsString()).contains("自报").doesNotContain("javascript:", "通话录音");
        mvc.perform(get("/cases/contacts/K-30/call").with(logins.engineer())).andExpect(status().isForbidden());
    }

    private static final String MISSED_CALLS = """
            {"content":[{"id":"M-1","hotline":"400-820-8820","caller":"13812345678","calls":2,
              "firstMissedAt":"2026-12-05T01:00:00Z","lastMissedAt":"2026-12-05T01:10:00Z",
              "dueAt":"2026-12-05T01:30:00Z","overdue":true,"status":"OPEN","attempts":1,"outcome":null,
              "note":null,"closedBy":"D-CS-01","closedAt":"2026-12-05T01:40:00Z","callIds":["CALL-1","CALL-2"],
              "workingMinutesLeft":-70}],
             "page":0,"size":20,"totalElements":1,"totalPages":1}""";

    /** The console's anonymous consumer group for the calls holds all of their partitions. */
    private void awaitConsoleReadsTheCallsTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
                List<String> ids = groups.stream().map(ConsumerGroupListing::groupId).toList();
                Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all().get();
                return described.values().stream().flatMap(g -> g.members().stream())
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().equals("calls")).count() == 3;
            });
        }
    }

    /** On partition 0 of {@code calls}, whatever the key: the order of the records is the order they are handled. */
    private void publishCall(String callId, String type, String data) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("calls", 0, callId,
                    ("{\"eventId\":\"e-" + callId + "-" + type + "\",\"type\":\"" + type
                            + "\",\"schemaVersion\":1,\"key\":\"" + callId + "\",\"data\":" + data + "}")
                            .getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
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

    /**
     * The identity server's access tokens last 15 minutes, a sign-in 12 hours: with an access token that expired a
     * minute ago (a 1-minute lifetime here), the next call renews it with the refresh token, unseen by the agent, and
     * the call after that uses the renewed token without asking again.
     */
    @Test
    void aSessionOutlivesItsAccessTokenWhichTheConsoleRenewsWithItsRefreshToken() throws Exception {
        identity.answer("POST /oauth2/token", 200, """
                {"access_token":"renewed-access","token_type":"Bearer","expires_in":900,
                 "refresh_token":"second-refresh","scope":"openid profile"}""");
        intake.answer("POST /api/v1/calls", 201, """
                {"id":"K-9","settledAtFirstContact":false}""");
        Staff staff = new Staff("A009", "坐席 A009", Set.of("AGENT"), null);
        List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("A009").claim("name", staff.name())
                .build();
        OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(
                new SignedInStaff(authorities, new DefaultOidcUser(authorities, idToken), staff), authorities,
                "caseflow");
        Instant issued = Instant.now().minus(Duration.ofMinutes(2));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("caseflow"),
                "A009", new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-access", issued,
                        issued.plus(Duration.ofMinutes(1))), new OAuth2RefreshToken("first-refresh", issued)), signedIn);

        for (String key : List.of("refresh-1", "refresh-2")) {
            mvc.perform(post("/calls").with(authentication(signedIn)).with(csrf())
                            .param("idempotencyKey", key).param("phone", "13812345678").param("callerName", "王小明")
                            .param("projectCode", "SH-LJY").param("category", "REPAIR").param("matter", "卫生间漏水")
                            .param("settledOnCall", "false"))
                    .andExpect(status().isOk());
        }

        assertThat(identity.received("POST", "/oauth2/token")).singleElement().satisfies(renewal -> {
            assertThat(renewal.body()).contains("grant_type=refresh_token", "refresh_token=first-refresh");
            assertThat(renewal.authorization()).as("the console's client secret").startsWith("Basic ");
        });
        assertThat(intake.received("POST", "/api/v1/calls")).extracting(StubService.Received::authorization)
                .containsExactly("Bearer renewed-access", "Bearer renewed-access");
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
