package com.caseflow.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supervisors' spot-check workbench against stand-ins for evaluation, intake and routing: the week's sample with
 * its seed and progress, one contact's record, case history and recording beside the scorecard, a score sent as
 * evaluation expects it with the user's token, evaluation's refusals beside the fields in Chinese, and who may see it.
 */
@SpringBootTest
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"calls"})
class SpotCheckWorkbenchWebTests {

    @RegisterExtension
    static final StandInServices services = new StandInServices();
    private static final StubService intake = services.intake;
    private static final StubService routing = services.routing;
    private static final StubService followup = services.followup;
    private static final StubService evaluation = services.evaluation;

    private static final String SAMPLE = "regular-2026-W48";

    @Autowired
    MockMvc mvc;
    @Autowired
    Logins logins;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @BeforeEach
    void setUp() {
        evaluation.answer("GET /api/v1/spot-checks/scorecard", 200, """
                {"version":"2026-1","maxRating":5,"items":[
                  {"code":"GREETING","label":"问候与礼貌","weight":1.0,"critical":false},
                  {"code":"COMPLETE_RECORD","label":"记录完整","weight":2.0,"critical":false},
                  {"code":"PRIVACY","label":"尊重隐私","weight":1.0,"critical":true}]}""");
    }

    /** A regular sample of three contacts: K-1 (a complaint, with a case), K-2 scored, K-3 settled on the spot. */
    private static String regularSample(String k3Recording) {
        return """
                {"id":"%s","kind":"REGULAR","seed":8123456789012,"from":"2026-11-23","to":"2026-11-29",
                 "perAgent":3,"agentIds":[],"drawnBy":"schedule","drawnAt":"2026-11-30T06:00:01Z",
                 "asOf":"2026-11-30T06:00:00Z","populationDigest":"d1g35t",
                 "items":[
                  {"contactId":"K-1","agentId":"A001","caseId":"C-9","day":"2026-11-24","channel":"PHONE",
                   "projectCode":"SH-LJY","category":"COMPLAINT","stratum":"COMPLAINT","reasons":["COMPLAINT"],
                   "recordingUrl":"https://recordings.example.com/CALL-1.mp3"},
                  {"contactId":"K-2","agentId":"A002","caseId":null,"day":"2026-11-25","channel":"VISIT",
                   "stratum":"ORDINARY","reasons":[],"spotCheckId":"check.K-2"},
                  {"contactId":"K-3","agentId":"A001","day":"2026-11-26","channel":"PHONE","category":"INQUIRY",
                   "stratum":"SETTLED","reasons":["SETTLED"],"recordingUrl":%s}]}"""
                .formatted(SAMPLE, k3Recording == null ? "null" : "\"" + k3Recording + "\"");
    }

    private void sampleIsThere() {
        evaluation.answer("GET /api/v1/spot-checks/samples/" + SAMPLE, 200, regularSample(null));
    }

    @Test
    void theWorkbenchListsTheWeeksRegularSampleWithItsSeedAndProgressAndTheAdHocOnesLabelled() throws Exception {
        evaluation.answer("GET /api/v1/spot-checks/samples", 200, "[" + regularSample(null) + ","
                + """
                {"id":"random-7f3","kind":"RANDOM","seed":-42,"from":"2026-11-25","to":"2026-11-26","perAgent":1,
                 "drawnBy":"S001","drawnAt":"2026-12-01T02:00:00Z","asOf":"2026-12-01T02:00:00Z",
                 "populationDigest":"abc","items":[{"contactId":"K-7","agentId":"R002","day":"2026-11-25",
                 "channel":"PHONE","stratum":"ESCALATED","reasons":["ESCALATED"]}]}]""");
        String page = mvc.perform(get("/spot-checks").param("week", "2026-11-25").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("定期抽查", "8123456789012", "d1g35t", "系统定期抽取", "已评 1 / 3 条",
                        "<progress id=\"progress-regular-2026-W48\" value=\"1\" max=\"3\">",
                        "href=\"/spot-checks/regular-2026-W48/K-1\"", "当场办结", "投诉",
                        "临时抽查", "random-7f3", "-42", "已评 0 / 1 条", "已升级", "发起临时抽查",
                        "抽样种子由系统随机生成并记录")
                .doesNotContain("name=\"seed\"");
        StubService.Received asked = evaluation.received("GET", "/api/v1/spot-checks/samples").get(0);
        assertThat(asked.path()).contains("from=2026-11-23", "to=2026-11-29");
        assertThat(asked.authorization()).startsWith("Bearer ");
    }

    @Test
    void byDefaultTheWorkbenchShowsTheWeekBeforeAndSaysWhenItsSampleIsNotDrawnYet() throws Exception {
        evaluation.answer("GET /api/v1/spot-checks/samples", 200, "[]");
        String page = mvc.perform(get("/spot-checks").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusWeeks(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(page).contains("id=\"no-regular\"", "本周没有临时抽查");
        assertThat(evaluation.received("GET", "/api/v1/spot-checks/samples").get(0).path())
                .contains("from=" + monday, "to=" + monday.plusDays(6));
    }

    @Test
    void anAdHocSampleIsDrawnWithoutASeedAndShownInItsWeek() throws Exception {
        evaluation.answer("POST /api/v1/spot-checks/samples", 201, """
                {"id":"random-1","kind":"RANDOM","seed":99,"from":"2026-11-25","to":"2026-11-26","perAgent":2,
                 "items":[]}""");
        mvc.perform(post("/spot-checks/ad-hoc").with(logins.supervisor()).with(csrf())
                        .param("from", "2026-11-25").param("to", "2026-11-26").param("perAgent", "2")
                        .param("seed", "1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/spot-checks?week=2026-11-23"));
        assertThat(evaluation.received("POST", "/api/v1/spot-checks/samples").get(0).body())
                .isEqualTo("{\"from\":\"2026-11-25\",\"to\":\"2026-11-26\",\"perAgent\":2}");
    }

    @Test
    void anAdHocDrawEvaluationRefusesIsExplainedBesideItsFields() throws Exception {
        evaluation.answer("GET /api/v1/spot-checks/samples", 200, "[]");
        evaluation.answer("POST /api/v1/spot-checks/samples", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"to","message":"a sample covers at most 92 days"}]}""");
        String page = mvc.perform(post("/spot-checks/ad-hoc").with(logins.supervisor()).with(csrf())
                        .param("from", "2026-01-01").param("to", "2026-11-26").param("perAgent", "2"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"to-error\"", "请填写有效的截止日（不早于起始日，最长 92 天）。",
                "value=\"2026-11-26\"").doesNotContain("at most 92 days");
        assertThat(evaluation.received("GET", "/api/v1/spot-checks/samples").get(0).path())
                .contains("from=2025-12-29");
    }

    @Test
    void theItemPageShowsTheContactsRecordItsCaseHistoryAndItsRecordingBesideTheScorecard() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 200, """
                {"id":"K-1","channel":"PHONE","agentId":"A001","receivedAt":"2026-11-24T10:00:00+08:00",
                 "customerName":"王小明","phone":"138****5678","projectCode":"SH-LJY","unit":"3-1201",
                 "matter":"投诉物业维修拖延三周","category":"COMPLAINT","settledAtFirstContact":false,
                 "call":{"ringCount":2,"answeredWithinThreeRings":true,"callId":"CALL-1","timing":"MEASURED"}}""");
        routing.answer("GET /api/v1/cases/C-9", 200, """
                {"id":"C-9","version":5,"status":"RESOLVED","departmentCode":"ENGINEERING","priority":"HIGH",
                 "category":"COMPLAINT","resolution":"已更换防水层","contacts":[],
                 "history":[{"sequence":1,"type":"caseflow.case.routed.v1","at":"2026-11-24T02:01:00Z","by":"routing",
                             "departmentCode":"ENGINEERING"},
                            {"sequence":2,"type":"caseflow.case.note-added.v1","at":"2026-11-25T03:00:00Z",
                             "by":"D-ENG-01","detail":"已约业主周四上门"}]}""");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("投诉物业维修拖延三周", "王小明", "138****5678", "3-1201", "实测",
                        "已约业主周四上门", "已更换防水层", "href=\"/cases/C-9\"",
                        "href=\"https://recordings.example.com/CALL-1.mp3\"", "打开通话录音",
                        "样本 regular-2026-W48 第 1 / 3 条", "已评 1 / 3 条",
                        "id=\"next-item\"", "href=\"/spot-checks/regular-2026-W48/K-2\"",
                        "id=\"next-unscored\"", "href=\"/spot-checks/regular-2026-W48/K-3\"",
                        "问候与礼貌", "记录完整", "尊重隐私", "关键项", "关键项评 0 分即为严重违规",
                        "name=\"rating.PRIVACY\"", "name=\"comment\"", "id=\"scorecard\"")
                .doesNotContain("id=\"previous-item\"");
        assertThat(routing.received("GET", "/api/v1/cases/C-9").get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void aContactSettledOnTheSpotHasNoCaseAndOnlyAWebAddressBecomesARecordingLink() throws Exception {
        evaluation.answer("GET /api/v1/spot-checks/samples/" + SAMPLE, 200, regularSample("javascript:alert(1)"));
        intake.answer("GET /api/v1/contacts/K-3", 200, """
                {"id":"K-3","channel":"PHONE","agentId":"A001","matter":"咨询物业费标准","category":"INQUIRY",
                 "settledAtFirstContact":true,"call":{"ringCount":1,"answeredWithinThreeRings":true,
                 "recordingUrl":"javascript:alert(2)"}}""");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-3").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("咨询物业费标准", "当场办结，未建案件。", "无录音", "id=\"previous-item\"")
                .doesNotContain("javascript:", "id=\"next-item\"");
        assertThat(routing.received("GET", "/api/v1/cases")).isEmpty();
    }

    @Test
    void whenRoutingIsAwayTheContactCanStillBeScoredAndThePageSaysWhatIsMissing() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 200, """
                {"id":"K-1","channel":"PHONE","agentId":"A001","matter":"投诉物业维修拖延三周"}""");
        routing.answer("GET /api/v1/cases/C-9", 503, """
                {"type":"urn:caseflow:problem:store-unavailable","title":"Service unavailable","status":503}""");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("分派服务暂时无法访问", "投诉物业维修拖延三周", "id=\"scorecard\"")
                .doesNotContain("id=\"no-case\"");
    }

    @Test
    void aContactOrCaseTheServicesNoLongerHoldCanStillBeScored() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 404, """
                {"type":"urn:caseflow:problem:not-found","title":"Not found","status":404}""");
        routing.answer("GET /api/v1/cases/C-9", 404, """
                {"type":"urn:caseflow:problem:not-found","title":"Not found","status":404}""");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"record-missing\"", "id=\"case-missing\"", "id=\"scorecard\"")
                .doesNotContain("id=\"no-case\"");
    }

    @Test
    void aScoredContactShowsItsCheckInsteadOfTheForm() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-2", 200, """
                {"id":"K-2","channel":"VISIT","agentId":"A002","matter":"咨询交房时间","category":"HANDOVER",
                 "settledAtFirstContact":true}""");
        evaluation.answer("GET /api/v1/spot-checks/check.K-2", 200, """
                {"spotCheckId":"check.K-2","sampleId":"regular-2026-W48","contactId":"K-2","agentId":"A002",
                 "ratings":{"GREETING":5,"COMPLETE_RECORD":4,"PRIVACY":0},"maxRating":5,
                 "criticalFailures":["PRIVACY"],"score":0.0,"comment":"当众念出客户手机号","reviewedBy":"S001",
                 "reviewedAt":"2026-12-01T02:00:00Z"}""");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-2").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"check\"", "得分 0", "严重违规", "关键项不合格", "当众念出客户手机号", "4 / 5")
                .doesNotContain("id=\"scorecard\"");
    }

    @Test
    void aScoreIsSentWithTheReviewersTokenAndTheNextUnscoredContactOpens() throws Exception {
        sampleIsThere();
        evaluation.answer("POST /api/v1/spot-checks", 201, """
                {"spotCheckId":"check.K-1","sampleId":"regular-2026-W48","contactId":"K-1","agentId":"A001",
                 "ratings":{"GREETING":5,"COMPLETE_RECORD":4,"PRIVACY":5},"maxRating":5,"criticalFailures":[],
                 "score":87.5,"reviewedBy":"S001","reviewedAt":"2026-12-01T02:00:00Z"}""");
        mvc.perform(post("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()).with(csrf())
                        .param("rating.GREETING", "5").param("rating.COMPLETE_RECORD", "4")
                        .param("rating.PRIVACY", "5").param("comment", " 语气耐心，记录完整 "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/spot-checks/regular-2026-W48/K-3"))
                .andExpect(flash().attributeExists("saved"));
        StubService.Received sent = evaluation.received("POST", "/api/v1/spot-checks").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        assertThat(sent.body()).isEqualTo("{\"sampleId\":\"regular-2026-W48\",\"contactId\":\"K-1\","
                + "\"ratings\":{\"GREETING\":5,\"COMPLETE_RECORD\":4,\"PRIVACY\":5},\"comment\":\"语气耐心，记录完整\"}");
    }

    @Test
    void theNextItemSaysTheLastScoreWasSavedAndThePagesSpeakEnglishOnRequest() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-3", 200, "{\"id\":\"K-3\",\"channel\":\"PHONE\"}");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-3").with(logins.supervisor())
                        .flashAttr("saved", new com.caseflow.console.services.SpotCheckViews.SpotCheck("check.K-1",
                                SAMPLE, "COMPLAINT", "K-1", "C-9", "A001", null, "2026-1", null, 5, null, 87.5,
                                null, "S001", null)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已保存 K-1 的抽查评分：87.5 分。");
        assertThat(mvc.perform(get("/spot-checks/" + SAMPLE + "/K-3").param("lang", "en")
                        .with(logins.supervisor())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Spot-check: K-3", "Settled on the spot: no case was opened.",
                "A critical item rated 0 is a critical violation");
    }

    @Test
    void theLastContactScoredLeadsBackToTheSampleSayingItIsDone() throws Exception {
        evaluation.answer("GET /api/v1/spot-checks/samples/" + SAMPLE, 200, regularSample(null)
                .replace("\"recordingUrl\":\"https://recordings.example.com/CALL-1.mp3\"",
                        "\"spotCheckId\":\"check.K-1\""));
        evaluation.answer("POST /api/v1/spot-checks", 201, """
                {"spotCheckId":"check.K-3","contactId":"K-3","score":100.0}""");
        mvc.perform(post("/spot-checks/" + SAMPLE + "/K-3").with(logins.supervisor()).with(csrf())
                        .param("rating.GREETING", "5").param("rating.COMPLETE_RECORD", "5")
                        .param("rating.PRIVACY", "5"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/spot-checks?week=2026-11-23"));
    }

    @Test
    void evaluationsRefusalIsExplainedInChineseBesideEachRatingAndTheCommentAndWhatWasTypedStays() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 200, """
                {"id":"K-1","channel":"PHONE","agentId":"A001","matter":"投诉物业维修拖延三周"}""");
        routing.answer("GET /api/v1/cases/C-9", 200, """
                {"id":"C-9","version":5,"status":"OPEN","departmentCode":"ENGINEERING","history":[]}""");
        evaluation.answer("POST /api/v1/spot-checks", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"ratings.PRIVACY","message":"required: every item of the scorecard is rated"},
                           {"field":"ratings.COMPLETE_RECORD","message":"a whole number from 0 to 5"},
                           {"field":"comment","message":"must not hold a phone number"}]}""");
        String page = mvc.perform(post("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()).with(csrf())
                        .param("rating.GREETING", "4").param("rating.COMPLETE_RECORD", "4.5")
                        .param("comment", "客户电话 13812345678"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rating-PRIVACY-error\"", "请为“尊重隐私”选择 0–5 分。",
                        "id=\"rating-COMPLETE_RECORD-error\"", "请为“记录完整”选择 0–5 分。",
                        "id=\"comment-error\"", "评语最多 1000 字，且不能包含电话号码。",
                        "客户电话 13812345678", "value=\"4\" checked", "投诉物业维修拖延三周")
                .doesNotContain("required: every item", "a whole number", "urn:caseflow",
                        "id=\"rating-GREETING-error\"");
        assertThat(evaluation.received("POST", "/api/v1/spot-checks").get(0).body())
                .contains("\"ratings\":{\"GREETING\":4,\"COMPLETE_RECORD\":\"4.5\"}");
    }

    @Test
    void aContactCheckedMeanwhileIsAConflictThatKeepsTheRatings() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 200, "{\"id\":\"K-1\",\"channel\":\"PHONE\"}");
        routing.answer("GET /api/v1/cases/C-9", 200, "{\"id\":\"C-9\",\"version\":1,\"status\":\"OPEN\"}");
        evaluation.answer("POST /api/v1/spot-checks", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,
                 "detail":"spot-check check.K-1 is recorded already"}""");
        String page = mvc.perform(post("/spot-checks/" + SAMPLE + "/K-1").with(logins.supervisor()).with(csrf())
                        .param("rating.GREETING", "3").param("rating.COMPLETE_RECORD", "3")
                        .param("rating.PRIVACY", "3"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("这条联系记录已被抽查评分（每条只评一次）", "value=\"3\" checked");
    }

    @Test
    void anAgentMayNotOpenTheWorkbenchNorScoreAndNoServiceIsAsked() throws Exception {
        mvc.perform(get("/spot-checks").with(logins.agent()))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/spot-checks/" + SAMPLE + "/K-1").with(logins.agent()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/spot-checks/" + SAMPLE + "/K-1").with(logins.agent()).with(csrf())
                        .param("rating.GREETING", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/team").with(logins.agent())).andExpect(status().isForbidden());
        assertThat(evaluation.received("GET", "/")).isEmpty();
        assertThat(evaluation.received("POST", "/")).isEmpty();
    }

    @Test
    void aManagerReadsTheSampleButNeitherScoresNorDraws() throws Exception {
        sampleIsThere();
        intake.answer("GET /api/v1/contacts/K-1", 200, "{\"id\":\"K-1\",\"channel\":\"PHONE\"}");
        routing.answer("GET /api/v1/cases/C-9", 200, "{\"id\":\"C-9\",\"version\":1,\"status\":\"OPEN\"}");
        String page = mvc.perform(get("/spot-checks/" + SAMPLE + "/K-1").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("经理可查看抽查样本和评分").doesNotContain("id=\"scorecard\"");
        mvc.perform(post("/spot-checks/" + SAMPLE + "/K-1").with(logins.manager()).with(csrf())
                        .param("rating.GREETING", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/spot-checks/ad-hoc").with(logins.manager()).with(csrf()).param("from", "2026-11-23"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/team").with(logins.manager())).andExpect(status().isForbidden());
        assertThat(evaluation.received("POST", "/")).isEmpty();
    }

    @Test
    void theTeamPageShowsEachAgentsFiguresAndTheirScoreOverFourWeeks() throws Exception {
        evaluation.answer("GET /api/v1/reports/agents", 200, """
                {"period":{"from":"2026-11-23","to":"2026-11-29"},"policyVersion":"2026-12","rows":[
                  {"agentId":"A001","kpis":{"contacts":40,"phoneCalls":38,"visits":2,
                    "answerWithinThreeRingsRate":0.95,"firstContactResolutionRate":0.6,"csat":0.8,
                    "spotChecks":3,"spotCheckAverage":86.7,"criticalFailures":0},
                   "standing":{"scored":{"score":82.5,"outcome":"NONE","weakKpis":[],"reasons":[]},
                    "rank":3,"rankedOf":20,"previousScore":80.0,"change":2.5}},
                  {"agentId":"A002","kpis":{"contacts":12,"spotChecks":1,"spotCheckAverage":0.0,
                    "criticalFailures":1},
                   "standing":{"scored":{"score":55.0,"outcome":"WARNING","weakKpis":["spotCheckAverage"],
                    "reasons":["抽查发现严重违规 1 次"]},"rank":19,"rankedOf":20}}]}""");
        String page = mvc.perform(get("/team").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"team-contacts\">52<", "id=\"team-spot-checks\">4<",
                "id=\"team-average\">68.8<", "id=\"agent-A001\"", "95.0%", "60.0%", "86.7", "3 / 20",
                "警告", "抽查发现严重违规 1 次", "19 / 20");
        List<StubService.Received> asked = evaluation.received("GET", "/api/v1/reports/agents");
        assertThat(asked).hasSize(4);
        LocalDate lastMonday = LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        for (int i = 0; i < 4; i++) {
            LocalDate monday = lastMonday.minusWeeks(3 - i);
            assertThat(asked).anySatisfy(r -> assertThat(r.path())
                    .contains("from=" + monday, "to=" + monday.plusDays(6)));
        }
    }

    @Test
    void theTeamPageShowsTheFourWeeksEndingWithTheChosenOneThisWeekAtTheLatest() throws Exception {
        evaluation.answer("GET /api/v1/reports/agents", 200, """
                {"period":{"from":"2026-11-30","to":"2026-12-06"},"policyVersion":"2026-12","rows":[
                  {"agentId":"A001","kpis":{"contacts":3,"spotChecks":2,"spotCheckAverage":90.0,
                    "criticalFailures":0}}]}""");
        LocalDate thisMonday = LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String page = mvc.perform(get("/team").param("week", thisMonday.plusDays(2).toString())
                        .with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"team-spot-checks\">2<", "90.0",
                thisMonday + " 至 " + thisMonday.plusDays(6), "week=" + thisMonday.minusWeeks(1))
                .doesNotContain("id=\"team-next\"");
        List<StubService.Received> asked = evaluation.received("GET", "/api/v1/reports/agents");
        for (int i = 0; i < 4; i++) {
            LocalDate monday = thisMonday.minusWeeks(3 - i);
            assertThat(asked).anySatisfy(r -> assertThat(r.path())
                    .contains("from=" + monday, "to=" + monday.plusDays(6)));
        }

        // a week after this one is this one: its figures are not there yet
        String later = mvc.perform(get("/team").param("week", thisMonday.plusWeeks(3).toString())
                        .with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(later).contains(thisMonday + " 至 " + thisMonday.plusDays(6));
    }
}
