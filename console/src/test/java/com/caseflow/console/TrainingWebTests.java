package com.caseflow.console;

import com.caseflow.console.security.Staff;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closing the evaluation regime's loop (issue 17) against a stand-in for evaluation: training assignments listed and
 * completed as evaluation allows, and a manager's decision on a commendation or warning, with the training's
 * follow-up beside the evaluation after it. Evaluation's refusals appear beside the fields in Chinese, a lost race as
 * a banner.
 */
@SpringBootTest
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"cases.dept.engineering", "calls"})
class TrainingWebTests {

    private static final String ASSIGNMENT_ID = "TRAINING.AGENT.A002.WEEK.2026-11-23";
    private static final String ASSIGNMENT_PATH = "/api/v1/training/assignments/" + ASSIGNMENT_ID;

    @RegisterExtension
    static final StandInServices services = new StandInServices();
    private static final StubService intake = services.intake;
    private static final StubService routing = services.routing;
    private static final StubService followup = services.followup;
    private static final StubService evaluation = services.evaluation;

    @Autowired
    MockMvc mvc;
    @Autowired
    Logins logins;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    private static String assignment(String status) {
        boolean completed = "COMPLETED".equals(status);
        return """
                {"id":"%s","evaluationId":"AGENT.A002.WEEK.2026-11-23","evaluationRevision":1,"agentId":"A002",
                 "periodType":"WEEK","from":"2026-11-23","to":"2026-11-29",
                 "weakKpis":["answerWithinThreeRings","completeRecords"],
                 "kpiScoresBefore":{"answerWithinThreeRings":25.0,"completeRecords":50.0},
                 "topic":"专项培训：三声内接听率、记录完整率","trainerId":"S001","dueDate":"2026-12-14","overdue":%s,
                 "assignedAt":"2026-11-30T01:00:00Z","status":"%s","statusLabel":"%s","completedBy":%s,
                 "completedAt":%s,"note":%s,"version":%d}""".formatted(ASSIGNMENT_ID, !completed, status,
                completed ? "已完成" : "待培训", completed ? "\"S001\"" : "null",
                completed ? "\"2026-12-02T06:30:00Z\"" : "null", completed ? "\"已完成接听演练\"" : "null",
                completed ? 1 : 0);
    }

    private static String page(String... assignments) {
        return "{\"content\":[" + String.join(",", assignments) + "],\"page\":0,\"size\":20,\"totalElements\":"
                + assignments.length + ",\"totalPages\":1}";
    }

    @Test
    void theTrainingListShowsWhatEvaluationShowsTheUserWithItsFiltersAndOverdueFlagged() throws Exception {
        evaluation.answer("GET /api/v1/training/assignments", 200, page(assignment("ASSIGNED")));
        String list = mvc.perform(get("/training").with(logins.supervisor()).param("status", "ASSIGNED")
                        .param("agentId", "A002"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-assignment=\"" + ASSIGNMENT_ID + "\"", "A002", "三声内接听率、",
                        "记录完整率", "专项培训：三声内接听率、记录完整率", "S001", "2026-12-14", "已逾期", "待培训",
                        "周考核 2026-11-23 至 2026-11-29", "href=\"/training/" + ASSIGNMENT_ID + "\"",
                        "value=\"ASSIGNED\" selected", "id=\"nav-training\"")
                .containsPattern("<input id=\"training-agent\"[^>]*value=\"A002\"");
        StubService.Received asked = evaluation.received("GET", "/api/v1/training/assignments").get(0);
        assertThat(asked.path()).contains("status=ASSIGNED", "agentId=A002", "page=0", "size=20");
        assertThat(asked.authorization()).startsWith("Bearer ");

        // an agent sees the list evaluation gives them (their own); an unknown status is not passed on
        evaluation.reset();
        evaluation.answer("GET /api/v1/training/assignments", 200, page());
        String own = mvc.perform(get("/training").with(logins.agent("A002")).param("status", "LOST"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("没有符合条件的培训任务。", "id=\"nav-training\"");
        assertThat(evaluation.received("GET", "/api/v1/training/assignments").get(0).path())
                .doesNotContain("status=").doesNotContain("agentId=");
    }

    @Test
    void anAgentFilterEvaluationCannotReadIsExplainedBesideTheFilter() throws Exception {
        evaluation.answer("GET /api/v1/training/assignments", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"agentId","message":"a staff id: letters, digits, '.', '_' or '-', at most 64"}]}""");
        String list = mvc.perform(get("/training").with(logins.manager()).param("agentId", "A 002"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"agentId-error\"", "请填写有效的坐席编号", "aria-describedby=\"agentId-error\"")
                .doesNotContain("letters, digits");
    }

    @Test
    void theSupervisorCompletesATrainingWithANoteAndTheExactBodyReachesEvaluation() throws Exception {
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("ASSIGNED"));
        String detail = mvc.perform(get("/training/" + ASSIGNMENT_ID).with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("培训任务：A002", "专项培训：三声内接听率、记录完整率", "25.0", "50.0", "待培训",
                "action=\"/training/" + ASSIGNMENT_ID + "/completion\"", "id=\"training-note\"");

        evaluation.answer("POST " + ASSIGNMENT_PATH + "/completion", 200, assignment("COMPLETED"));
        mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(logins.supervisor()).with(csrf())
                        .param("note", "  已完成接听演练  "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/training/" + ASSIGNMENT_ID))
                .andExpect(flash().attribute("completed", true));
        StubService.Received sent = evaluation.received("POST", ASSIGNMENT_PATH + "/completion").get(0);
        assertThat(sent.body()).isEqualTo("{\"note\":\"已完成接听演练\"}");
        assertThat(sent.authorization()).startsWith("Bearer ");

        // without a note: an empty object, as evaluation documents it
        mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(logins.manager()).with(csrf())
                        .param("note", " "))
                .andExpect(status().isFound());
        assertThat(evaluation.received("POST", ASSIGNMENT_PATH + "/completion").get(1).body()).isEqualTo("{}");

        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("COMPLETED"));
        String done = mvc.perform(get("/training/" + ASSIGNMENT_ID).with(logins.supervisor())
                        .flashAttr("completed", true))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("已完成", "已登记培训完成。", "已完成接听演练", "S001")
                .doesNotContain("id=\"training-note\"");
    }

    @Test
    void aNoteWithAPhoneNumberIsRefusedBesideTheNoteInChineseAndTheTypedNoteStays() throws Exception {
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("ASSIGNED"));
        evaluation.answer("POST " + ASSIGNMENT_PATH + "/completion", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"note","message":"must not hold a phone number"}]}""");
        String page = mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(logins.supervisor())
                        .with(csrf()).param("note", "已回访 13812345678"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"note-error\"", "培训记录最多 500 字，且不能包含电话号码。",
                        "aria-describedby=\"note-error\"", "已回访 13812345678")
                .doesNotContain("must not hold");
        assertThat(evaluation.received("POST", ASSIGNMENT_PATH + "/completion").get(0).body())
                .isEqualTo("{\"note\":\"已回访 13812345678\"}");
    }

    @Test
    void aTrainingSomebodyElseCompletedIsABannerWithTheLatestShown() throws Exception {
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("COMPLETED"));
        evaluation.answer("POST " + ASSIGNMENT_PATH + "/completion", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409}""");
        String page = mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(logins.manager()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"banner error\" role=\"alert\"", "该培训已由他人登记完成", "已完成接听演练");
    }

    @Test
    void theTraineeSeesTheirTrainingWithoutTheCompletionFormAndOthersAreRefused() throws Exception {
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("ASSIGNED"));
        String own = mvc.perform(get("/training/" + ASSIGNMENT_ID).with(logins.agent("A002")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("专项培训：三声内接听率、记录完整率").doesNotContain("id=\"training-note\"");

        // evaluation refuses another agent: the console shows its refusal page, not the assignment
        evaluation.answer("GET " + ASSIGNMENT_PATH, 403, """
                {"type":"urn:caseflow:problem:forbidden","title":"Forbidden","status":403}""");
        mvc.perform(get("/training/" + ASSIGNMENT_ID).with(logins.agent("A001"))).andExpect(status().isForbidden());

        // roles with no training at all are refused by the console before any call
        evaluation.reset();
        RequestPostProcessor administrator = logins.as(new Staff("ADM01", "系统管理员", Set.of("ADMINISTRATOR"),
                null));
        mvc.perform(get("/training").with(administrator)).andExpect(status().isForbidden());
        mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(administrator).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(evaluation.received("GET", "/")).isEmpty();
        assertThat(evaluation.received("POST", "/")).isEmpty();
        // the trainee has no menu entry to completions, but a forged post still reaches evaluation, which refuses it
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("ASSIGNED"));
        evaluation.answer("POST " + ASSIGNMENT_PATH + "/completion", 403, """
                {"type":"urn:caseflow:problem:forbidden","title":"Forbidden","status":403}""");
        String refused = mvc.perform(post("/training/" + ASSIGNMENT_ID + "/completion").with(logins.agent("A002"))
                        .with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("只有培训人、该坐席的主管或经理可以登记培训完成。");
    }

    @Test
    void theTrainingPagesSpeakEnglishOnRequest() throws Exception {
        evaluation.answer("GET /api/v1/training/assignments", 200, page(assignment("ASSIGNED")));
        evaluation.answer("GET " + ASSIGNMENT_PATH, 200, assignment("ASSIGNED"));
        assertThat(mvc.perform(get("/training").param("lang", "en").with(logins.manager())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Training", "To be trained", "Overdue", "evaluation 2026-11-23 to 2026-11-29");
        assertThat(mvc.perform(get("/training/" + ASSIGNMENT_ID).param("lang", "en").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Training: A002", "Record the training as completed", "Weak KPIs (scores before training)");
    }

    private static final String EVALUATIONS = """
            {"periodType":"WEEK","from":"2026-11-23","to":"2026-11-29","evaluations":[
              {"evaluationId":"AGENT.A001.WEEK.2026-11-23","revision":1,"subjectType":"AGENT","subjectId":"A001",
               "periodType":"WEEK","from":"2026-11-23","to":"2026-11-29","score":96.0,"rank":1,"rankedOf":3,
               "outcome":"COMMENDATION","weakKpis":[],"reasons":["综合得分 96.0 不低于 90.0"],"provisional":false,
               "recommendedOutcome":"COMMENDATION","recommendedOutcomeLabel":"表彰奖励","decision":null,
               "decidedOutcome":"COMMENDATION","decidedOutcomeLabel":"表彰奖励","trainingFollowUp":null},
              {"evaluationId":"AGENT.R002.WEEK.2026-11-23","revision":2,"subjectType":"AGENT","subjectId":"R002",
               "periodType":"WEEK","from":"2026-11-23","to":"2026-11-29","score":80.0,"rank":2,"rankedOf":3,
               "outcome":"WARNING","weakKpis":[],"reasons":["抽查严重违规 1 次"],"provisional":false,
               "recommendedOutcome":"WARNING","recommendedOutcomeLabel":"警告",
               "decision":{"sequence":2,"evaluationRevision":2,"recommendedOutcome":"WARNING","decision":"OVERRIDDEN",
                 "decisionLabel":"改判","outcome":"NONE","outcomeLabel":"无","reason":"客户已撤回投诉",
                 "decidedBy":"M001","decidedAt":"2026-12-01T02:00:00Z"},
               "decidedOutcome":"NONE","decidedOutcomeLabel":"无",
               "trainingFollowUp":{"assignmentId":"TRAINING.AGENT.R002.WEEK.2026-11-16",
                 "evaluationId":"AGENT.R002.WEEK.2026-11-16","topic":"专项培训：三声内接听率",
                 "completedAt":"2026-11-25T02:00:00Z","kpis":[{"kpi":"answerWithinThreeRings","label":"三声内接听率",
                 "before":25.0,"after":80.0,"improved":true},{"kpi":"completeRecords","label":"记录完整率",
                 "before":60.0,"after":55.0,"improved":false}]}},
              {"evaluationId":"AGENT.A002.WEEK.2026-11-23","revision":1,"subjectType":"AGENT","subjectId":"A002",
               "periodType":"WEEK","from":"2026-11-23","to":"2026-11-29","score":40.0,"rank":3,"rankedOf":3,
               "outcome":"TRAINING","weakKpis":["answerWithinThreeRings"],"reasons":["综合得分 40.0 低于 70.0"],
               "provisional":false,"recommendedOutcome":"TRAINING","recommendedOutcomeLabel":"培训","decision":null,
               "decidedOutcome":"TRAINING","decidedOutcomeLabel":"培训","trainingFollowUp":null}]}""";

    private void evaluationsPage() {
        evaluation.answer("GET /api/v1/reports/agents", 200, "{\"rows\":[]}");
        evaluation.answer("GET /api/v1/reports/departments", 200, "{\"rows\":[]}");
        evaluation.answer("GET /api/v1/evaluations", 200, EVALUATIONS);
    }

    @Test
    void aManagerSeesRecommendedAndDecidedOutcomesTheFollowUpAndTheLinkToTheTraining() throws Exception {
        evaluationsPage();
        String page = mvc.perform(get("/evaluations").with(logins.manager()).param("periodType", "WEEK")
                        .param("start", "2026-11-23"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page)
                // the commendation awaits a decision and offers the form
                .contains("data-evaluation=\"AGENT.A001.WEEK.2026-11-23\"", "待决定",
                        "action=\"/evaluations/AGENT.A001.WEEK.2026-11-23/decision\"", "确认（表彰奖励）")
                // the overridden warning: recommended, decided, who, when, why
                .contains("改判", "警告", "客户已撤回投诉", "M001，", "12-01 10:00",
                        "action=\"/evaluations/AGENT.R002.WEEK.2026-11-23/decision\"")
                // the follow-up of R002's training the week before
                .contains("href=\"/training/TRAINING.AGENT.R002.WEEK.2026-11-16\"", "三声内接听率 25.0 → 80.0（已提高）",
                        "记录完整率 60.0 → 55.0（未提高）")
                // a TRAINING outcome links to its assignment and is not the manager's to decide
                .contains("href=\"/training/TRAINING.AGENT.A002.WEEK.2026-11-23\"")
                .doesNotContain("action=\"/evaluations/AGENT.A002.WEEK.2026-11-23/decision\"");
    }

    @Test
    void aRunLeadsToItsPeriodsOutcomesWhereTheDecisionsAreTaken() throws Exception {
        evaluation.answer("POST /api/v1/evaluations", 200, """
                {"periodType":"WEEK","from":"2026-11-23","to":"2026-11-29","policyVersion":"2026-12",
                 "published":3,"unchanged":0,"outcomes":{"TRAINING":1,"COMMENDATION":1,"WARNING":1}}""");
        mvc.perform(post("/evaluations/run").with(logins.manager()).with(csrf()).param("periodType", "WEEK")
                        .param("start", "2026-11-23"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/evaluations?periodType=WEEK&start=2026-11-23&from=2026-11-23&to=2026-11-29"));
        evaluationsPage();
        mvc.perform(get("/evaluations?periodType=WEEK&start=2026-11-23&from=2026-11-23&to=2026-11-29")
                .with(logins.manager())).andExpect(status().isOk());
    }

    @Test
    void aConfirmationAndAnOverrideReachEvaluationAsTheManagerChoseThem() throws Exception {
        evaluationsPage();
        String id = "AGENT.A001.WEEK.2026-11-23";
        evaluation.answer("POST /api/v1/evaluations/" + id + "/decision", 200, "{}");
        mvc.perform(post("/evaluations/" + id + "/decision").with(logins.manager()).with(csrf())
                        .param("decision", "CONFIRMED").param("outcome", "WARNING").param("reason", " ")
                        .param("periodType", "WEEK").param("start", "2026-11-23"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/evaluations?periodType=WEEK&start=2026-11-23"))
                .andExpect(flash().attribute("decided", id));
        StubService.Received confirmed = evaluation.received("POST", "/api/v1/evaluations/" + id).get(0);
        assertThat(confirmed.body()).as("a confirmation carries no other outcome").isEqualTo("{\"decision\":\"CONFIRMED\"}");
        assertThat(confirmed.authorization()).startsWith("Bearer ");

        mvc.perform(post("/evaluations/" + id + "/decision").with(logins.manager()).with(csrf())
                        .param("decision", "OVERRIDDEN").param("outcome", "NONE").param("reason", " 表扬来自亲属 ")
                        .param("periodType", "WEEK").param("start", "2026-11-23"))
                .andExpect(status().isFound());
        assertThat(evaluation.received("POST", "/api/v1/evaluations/" + id).get(1).body())
                .isEqualTo("{\"decision\":\"OVERRIDDEN\",\"outcome\":\"NONE\",\"reason\":\"表扬来自亲属\"}");
    }

    @Test
    void anOverrideWithoutOutcomeAndReasonIsRefusedBesideEachFieldInChinese() throws Exception {
        evaluationsPage();
        String id = "AGENT.A001.WEEK.2026-11-23";
        evaluation.answer("POST /api/v1/evaluations/" + id + "/decision", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"outcome","message":"required when overriding"},
                           {"field":"reason","message":"required when overriding"}]}""");
        String page = mvc.perform(post("/evaluations/" + id + "/decision").with(logins.manager()).with(csrf())
                        .param("decision", "OVERRIDDEN").param("outcome", "").param("reason", "")
                        .param("periodType", "WEEK").param("start", "2026-11-23"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(evaluation.received("POST", "/api/v1/evaluations/" + id).get(0).body())
                .isEqualTo("{\"decision\":\"OVERRIDDEN\"}");
        assertThat(page).contains("id=\"decision-outcome-error\"", "改判时请选择与现行结果不同的考核结果",
                        "id=\"decision-reason-error\"", "改判时请填写理由", "aria-describedby=\"decision-reason-error\"",
                        "value=\"OVERRIDDEN\" checked")
                .doesNotContain("required when overriding");
        // the page stays on the period the manager was deciding in
        assertThat(evaluation.received("GET", "/api/v1/evaluations").get(0).path())
                .contains("periodType=WEEK", "start=2026-11-23");

        // no choice at all: evaluation names the decision
        evaluation.answer("POST /api/v1/evaluations/" + id + "/decision", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"decision","message":"required: CONFIRMED or OVERRIDDEN"}]}""");
        assertThat(mvc.perform(post("/evaluations/" + id + "/decision").with(logins.manager()).with(csrf())
                        .param("periodType", "WEEK").param("start", "2026-11-23"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("id=\"decision-decision-error\"", "请选择确认或改判。");
        assertThat(evaluation.received("POST", "/api/v1/evaluations/" + id).get(1).body()).isEqualTo("{}");
    }

    @Test
    void aSecondConfirmationIsABannerSayingToOverrideInstead() throws Exception {
        evaluationsPage();
        String id = "AGENT.R002.WEEK.2026-11-23";
        evaluation.answer("POST /api/v1/evaluations/" + id + "/decision", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,"detail":"decided already"}""");
        String page = mvc.perform(post("/evaluations/" + id + "/decision").with(logins.manager()).with(csrf())
                        .param("decision", "CONFIRMED").param("periodType", "WEEK").param("start", "2026-11-23"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"decision-banner\"", "对 " + id + " 的决定未记录",
                "该考核结果已有决定（或不需决定）；如需改变，请选择改判并填写理由。");
    }

    @Test
    void onlyManagersDecideAndAdministratorsHaveNoTraining() throws Exception {
        for (RequestPostProcessor who : List.of(logins.agent(), logins.supervisor(), logins.engineer())) {
            mvc.perform(post("/evaluations/AGENT.A001.WEEK.2026-11-23/decision").with(who).with(csrf())
                    .param("decision", "CONFIRMED")).andExpect(status().isForbidden());
        }
        assertThat(evaluation.received("POST", "/")).isEmpty();
        // the menu offers training to agents, supervisors and managers only
        evaluation.answer("GET /api/v1/training/assignments", 200, page());
        assertThat(mvc.perform(get("/training").with(logins.engineer())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).doesNotContain("id=\"nav-training\"");
    }
}
