package com.caseflow.console;

import com.caseflow.console.security.Staff;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The configuration pages of issue 17 against stand-ins for routing and intake: what each page sends, with whose
 * token, what it shows of the answer, each refused field explained in Chinese beside it, and who may not open it.
 */
@SpringBootTest
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"cases.dept.engineering", "calls"})
class ConfigurationWebTests {

    @RegisterExtension
    static final StandInServices services = new StandInServices();
    private static final StubService intake = services.intake;
    private static final StubService routing = services.routing;
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String RULES_V1 = """
            {"version":1,"defaultDepartment":"CUSTOMER_SERVICE","changedBy":"M001",
             "changedAt":"2026-12-01T02:00:00Z",
             "rules":[{"id":"safety-property","description":"公共安全","categories":[],"complexities":[],
                       "projectCodes":[],"channels":[],"keywords":[],"minPriority":null,
                       "departmentCode":"PROPERTY_MANAGEMENT","callerTypes":[],"topics":["lift","gas"]},
                      {"id":"repairs","description":"报修","categories":["REPAIR"],"complexities":["COMPLEX"],
                       "projectCodes":[],"channels":[],"keywords":[],"minPriority":null,
                       "departmentCode":"ENGINEERING","callerTypes":[],"topics":[]}]}""";
    private static final String RULES_V2 = """
            {"version":2,"defaultDepartment":"CUSTOMER_SERVICE","changedBy":"M002",
             "changedAt":"2026-12-04T03:00:00Z",
             "rules":[{"id":"repairs","description":"报修","categories":["REPAIR"],"complexities":[],
                       "projectCodes":[],"channels":[],"keywords":["漏水"],"minPriority":null,
                       "departmentCode":"ENGINEERING","callerTypes":[],"topics":[]},
                      {"id":"safety-property","description":"公共安全","categories":[],"complexities":[],
                       "projectCodes":[],"channels":[],"keywords":[],"minPriority":null,
                       "departmentCode":"PROPERTY_MANAGEMENT","callerTypes":[],"topics":["lift","gas"]},
                      {"id":"legal-threat","description":"法律","categories":[],"complexities":[],
                       "projectCodes":[],"channels":[],"keywords":[],"minPriority":null,
                       "departmentCode":"LEGAL","callerTypes":[],"topics":["legal"]}]}""";
    private static final String DEPARTMENTS = """
            [{"code":"CUSTOMER_SERVICE","nameZh":"客服中心","nameEn":"Customer service","head":"D-CS-01"},
             {"code":"ENGINEERING","nameZh":"工程维修部","nameEn":"Engineering","head":"D-ENG-01","onDutyRoster":true},
             {"code":"PROPERTY_MANAGEMENT","nameZh":"物业管理部","nameEn":"Property management","head":"D-PM-01",
              "onDutyRoster":true},
             {"code":"LEGAL","nameZh":"法务部","nameEn":"Legal","head":"D-LEG-01"}]""";

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
        routing.answer("GET /api/v1/departments", 200, DEPARTMENTS);
    }

    private RequestPostProcessor headOfPropertyManagement() {
        return logins.as(new Staff("D-PM-01", "物业主管", Set.of("DEPARTMENT_STAFF"), "PROPERTY_MANAGEMENT"));
    }

    @Test
    void whenAManagerDryRunsAnEditedRuleThenRoutingGetsTheCandidateRulesAndThePageShowsWhichRuleDecidesAndWhy()
            throws Exception {
        routing.answer("GET /api/v1/routing-rules", 200, RULES_V1)
                .answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("POST /api/v1/routing-rules/dry-run", 200, """
                        {"departmentCode":"ENGINEERING","ruleId":"repairs","ruleVersion":2,"complexity":"GENERAL",
                         "priority":"HIGH","matchedKeywords":["漏水"],"topics":["flooding"],"findings":[],
                         "reasons":["ENGINEERING by rule repairs v2 (报修): keyword 漏水","HIGH 漏水 [leak]: 漏水"]}""");
        String form = mvc.perform(get("/admin/rules/edit").param("id", "repairs").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"basedOnVersion\" value=\"1\"", "value=\"repairs\"", "工程维修部");

        String page = mvc.perform(post("/admin/rules/edit").with(logins.manager()).with(csrf())
                        .param("editing", "repairs").param("basedOnVersion", "1").param("position", "1")
                        .param("id", "repairs").param("description", "报修")
                        .param("categories", "REPAIR").param("keywords", "漏水，渗水")
                        .param("departmentCode", "ENGINEERING")
                        .param("tryCategory", "REPAIR").param("tryMatter", "卫生间漏水到楼下")
                        .param("tryChannel", "PHONE").param("tryCallerType", "OWNER").param("tryProjectCode", "SH-LJY")
                        .param("action", "dry-run"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        StubService.Received sent = routing.received("POST", "/api/v1/routing-rules/dry-run").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("category").asString()).isEqualTo("REPAIR");
        assertThat(body.path("matter").asString()).isEqualTo("卫生间漏水到楼下");
        assertThat(body.path("callerType").asString()).isEqualTo("OWNER");
        assertThat(body.path("defaultDepartment").asString()).isEqualTo("CUSTOMER_SERVICE");
        JsonNode candidate = body.path("candidateRules");
        assertThat(candidate.size()).isEqualTo(2);
        assertThat(candidate.get(0).path("id").asString()).isEqualTo("repairs");
        assertThat(candidate.get(0).path("keywords").toString()).isEqualTo("[\"漏水\",\"渗水\"]");
        assertThat(candidate.get(0).path("complexities").size()).isZero();
        assertThat(candidate.get(1).path("id").asString()).isEqualTo("safety-property");
        assertThat(routing.received("PUT", "/api/v1/routing-rules")).isEmpty();
        assertThat(page).contains("id=\"dry-run-result\"", "由第 2 版的规则 repairs 决定", "即本规则",
                "ENGINEERING by rule repairs v2 (报修): keyword 漏水", "HIGH 漏水 [leak]: 漏水", "value=\"1\"")
                .contains("卫生间漏水到楼下");
    }

    @Test
    void whenAManagerPublishesThenRoutingGetsTheWholeRuleSetBasedOnTheEditedVersionWithTheManagersToken()
            throws Exception {
        routing.answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("PUT /api/v1/routing-rules", 200, RULES_V2.replace("\"version\":2", "\"version\":2"));
        mvc.perform(post("/admin/rules/edit").with(logins.manager()).with(csrf())
                        .param("basedOnVersion", "1").param("position", "2")
                        .param("id", "legal-threat").param("description", "法律")
                        .param("topics", "legal").param("departmentCode", "LEGAL")
                        .param("tryCategory", "COMPLAINT").param("tryMatter", "").param("action", "publish"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/rules"));

        StubService.Received sent = routing.received("PUT", "/api/v1/routing-rules").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("basedOnVersion").asLong()).isEqualTo(1);
        assertThat(body.path("defaultDepartment").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(body.path("rules").size()).isEqualTo(3);
        assertThat(body.path("rules").get(1).path("id").asString()).isEqualTo("legal-threat");
        assertThat(body.path("rules").get(1).path("topics").toString()).isEqualTo("[\"legal\"]");
        assertThat(body.path("rules").get(1).path("departmentCode").asString()).isEqualTo("LEGAL");
        assertThat(body.path("rules").get(0).path("id").asString()).isEqualTo("safety-property");
        assertThat(body.path("rules").get(2).path("id").asString()).isEqualTo("repairs");
        assertThat(routing.received("POST", "/api/v1/routing-rules/dry-run")).isEmpty();
    }

    @Test
    void whenRoutingRefusesTheEditedRuleThenEachFieldIsExplainedInChineseBesideItAndTheTypedTextStays()
            throws Exception {
        routing.answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("PUT /api/v1/routing-rules", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"rules[1].topics","message":"not topics of the lexicon: elevator"},
                                   {"field":"rules[1].keywords[0]","message":"1–40 characters, not blank"}]}""");
        String page = mvc.perform(post("/admin/rules/edit").with(logins.manager()).with(csrf())
                        .param("editing", "repairs").param("basedOnVersion", "1").param("position", "2")
                        .param("id", "repairs").param("topics", "elevator").param("keywords", "漏水")
                        .param("departmentCode", "ENGINEERING").param("tryCategory", "REPAIR")
                        .param("action", "publish"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"topics-error\"", "主题须是词库中已有的主题", "id=\"keywords-error\"",
                        "关键词每个 1–40 字", ">elevator</textarea>")
                .doesNotContain("not topics of the lexicon", "urn:caseflow");
    }

    @Test
    void whenSomeoneElsePublishedFirstThenThePageSaysSoAndKeepsTheEdit() throws Exception {
        routing.answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("PUT /api/v1/routing-rules", 409, """
                        {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,
                         "detail":"the rules are at version 2, not 1"}""");
        String page = mvc.perform(post("/admin/rules/edit").with(logins.manager()).with(csrf())
                        .param("editing", "repairs").param("basedOnVersion", "1").param("id", "repairs")
                        .param("keywords", "渗水").param("departmentCode", "ENGINEERING").param("action", "publish"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rules-conflict\"", "规则已被他人发布了新版本", ">渗水</textarea>");
    }

    @Test
    void theVersionsAreListedWithWhoAndWhenAndTwoVersionsCompareFieldByField() throws Exception {
        routing.answer("GET /api/v1/routing-rules/versions", 200, """
                        {"versions":[{"version":2,"changedBy":"M002","changedAt":"2025-12-04T03:00:00Z","ruleCount":3,
                                      "defaultDepartment":"CUSTOMER_SERVICE"},
                                     {"version":1,"changedBy":"M001","changedAt":"2026-12-01T02:00:00Z","ruleCount":2,
                                      "defaultDepartment":"CUSTOMER_SERVICE"}],"page":0,"size":30,"total":2}""")
                .answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("GET /api/v1/routing-rules/versions/2", 200, RULES_V2);
        String page = mvc.perform(get("/admin/rules/versions").param("from", "1").param("to", "2").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"version-2\"", "M002", "id=\"version-1\"", "M001", "第 1 版 → 第 2 版的变化");
        String table = page.substring(page.indexOf("class=\"compact versions\""));
        assertThat(table).contains("<td>3</td>", "<td>2</td>", "2025-12-04 11:00").doesNotContain("只列出最近");
        // one listing call, and only the two versions compared are read whole
        assertThat(routing.received("GET", "/api/v1/routing-rules/versions?page=0&size=30")).hasSize(1);
        assertThat(routing.received("GET", "/api/v1/routing-rules/versions/1")).hasSize(1);
        assertThat(routing.received("GET", "/api/v1/routing-rules/versions/")).hasSize(2);
        assertThat(routing.received("GET", "/api/v1/routing-rules"))
                .filteredOn(r -> r.path().equals("/api/v1/routing-rules")).isEmpty();
        String changes = page.substring(page.indexOf("id=\"rules-changes\""), page.indexOf("class=\"compact versions\""));
        assertThat(changes)
                .contains("class=\"change-ADDED\"", "legal-threat")
                .contains("class=\"change-MOVED\"")
                .contains("<td>关键词</td>", "<ins>漏水</ins>")
                .contains("<td>复杂度</td>", "<del>COMPLEX</del>")
                .doesNotContain("change-REMOVED", "change-DEFAULT_DEPARTMENT");
    }

    @Test
    void theRulesInForceAreShownWithWhoPublishedThemAndNoEditLinksForASupervisor() throws Exception {
        routing.answer("GET /api/v1/routing-rules", 200, RULES_V2);
        String page = mvc.perform(get("/admin/rules").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("当前为第 2 版，M002 于", "id=\"rule-legal-threat\"", "法务部", "gas、lift")
                .doesNotContain("/admin/rules/edit");
        mvc.perform(get("/admin/rules/edit").with(logins.supervisor())).andExpect(status().isForbidden());
    }

    @Test
    void anAgentGetsTheForbiddenPageAndNoServiceIsAsked() throws Exception {
        mvc.perform(get("/admin/rules").with(logins.agent())).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(logins.agent())).andExpect(status().isForbidden());
        assertThat(routing.received("GET", "/api/v1/routing-rules")).isEmpty();
    }

    private static final String ROSTER = """
            {"departmentCode":"ENGINEERING","from":"2026-12-05T00:00:00+08:00","to":"2026-12-19T00:00:00+08:00",
             "shifts":[{"staffId":"D-ENG-01","start":"2026-12-05T08:00:00+08:00","end":"2026-12-05T20:00:00+08:00"},
                       {"staffId":"D-ENG-02","start":"2026-12-05T20:00:00+08:00","end":"2026-12-06T08:00:00+08:00"}],
             "gaps":[{"from":"2026-12-06T08:00:00+08:00","to":"2026-12-19T00:00:00+08:00"}],
             "version":4,"changedBy":"D-ENG-01","changedAt":"2025-12-04T02:00:00Z"}""";
    private static final String ENGINEERING = """
            {"code":"ENGINEERING","nameZh":"工程维修部","nameEn":"Engineering","head":"D-ENG-01",
             "active":true,"calendarId":"CN-OFFICE","onDutyRoster":true,"version":3,"changedBy":"ADM-01",
             "changedAt":"2025-12-04T02:00:00Z",
             "sla":{"URGENT":{"firstResponseMinutes":15,"resolutionMinutes":240,"calendarId":"24X7"},
                    "HIGH":{"firstResponseMinutes":240,"resolutionMinutes":1440},
                    "NORMAL":{"firstResponseMinutes":480,"resolutionMinutes":4320}}}""";

    @Test
    void theHeadSeesTheRosterWithWhoChangedItAndItsGapsAndCanPlanIt() throws Exception {
        routing.answer("GET /api/v1/departments/ENGINEERING", 200, ENGINEERING)
                .answer("GET /api/v1/departments/ENGINEERING/on-duty", 200, ROSTER);
        String page = mvc.perform(get("/admin/departments/ENGINEERING/on-duty").param("from", "2026-12-05")
                        .with(logins.engineer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("工程维修部 值班表", "D-ENG-01 于 2025-12-04 10:00 修改", "id=\"roster-gaps\"",
                "value=\"2026-12-05T20:00\"", "name=\"expectedVersion\" value=\"4\"", "id=\"roster-save\"");
        assertThat(routing.received("GET", "/api/v1/departments/ENGINEERING/on-duty").get(0).path())
                .contains("from=2026-12-05T00:00", "days=14");
    }

    @Test
    void whenRoutingRefusesTheRosterThenEachShiftsMistakeIsExplainedInChineseBesideItsRow() throws Exception {
        routing.answer("GET /api/v1/departments/ENGINEERING", 200, ENGINEERING)
                .answer("GET /api/v1/departments/ENGINEERING/on-duty", 200, ROSTER)
                .answer("PUT /api/v1/departments/ENGINEERING/on-duty", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"shifts[1].end","message":"a shift lasts at most 24 hours"},
                                   {"field":"shifts[2]","message":"overlaps shifts[0]: one person on duty at a time"},
                                   {"field":"to","message":"at most 93 days after from"}]}""");
        String page = mvc.perform(post("/admin/departments/ENGINEERING/on-duty").with(logins.engineer()).with(csrf())
                        .param("from", "2026-12-05T00:00").param("to", "2027-06-05T00:00").param("expectedVersion", "4")
                        .param("staffId", "D-ENG-01", "", "D-ENG-02", "D-ENG-03")
                        .param("start", "2026-12-05T08:00", "", "2026-12-05T20:00", "2026-12-05T10:00")
                        .param("end", "2026-12-05T20:00", "", "2026-12-07T08:00", "2026-12-05T12:00"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        StubService.Received sent = routing.received("PUT", "/api/v1/departments/ENGINEERING/on-duty").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("expectedVersion").asLong()).isEqualTo(4);
        assertThat(body.path("from").asString()).isEqualTo("2026-12-05T00:00");
        assertThat(body.path("shifts").size()).as("the blank row is not sent").isEqualTo(3);
        assertThat(body.path("shifts").get(1).path("staffId").asString()).isEqualTo("D-ENG-02");
        // the service's shifts[1] and shifts[2] were typed in the page's rows 2 and 3 (0-based, the blank row between)
        assertThat(page).contains("id=\"shifts-2-end-error\"", "一个班次最长 24 小时",
                        "id=\"shifts-3-error\"", "此班次与另一班次时间重叠", "id=\"to-error\"", "一次最多安排 93 天",
                        "value=\"2026-12-07T08:00\"", "value=\"D-ENG-03\"")
                .doesNotContain("shifts-1-end-error", "at most 24 hours", "urn:caseflow");
    }

    @Test
    void anAgentAndTheHeadOfAnotherDepartmentGetTheForbiddenPageAndRoutingIsNotAsked() throws Exception {
        mvc.perform(get("/admin/departments/ENGINEERING/on-duty").with(logins.agent()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/departments/ENGINEERING/on-duty").with(headOfPropertyManagement()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/departments/ENGINEERING/on-duty").with(headOfPropertyManagement()).with(csrf())
                        .param("from", "2026-12-05T00:00").param("to", "2026-12-06T00:00")
                        .param("staffId", "D-PM-01").param("start", "2026-12-05T08:00").param("end", "2026-12-05T20:00"))
                .andExpect(status().isForbidden());
        assertThat(routing.received("GET", "/api/v1/departments/ENGINEERING")).isEmpty();
        assertThat(routing.received("PUT", "/api/v1/departments/ENGINEERING/on-duty")).isEmpty();
    }

    @Test
    void anEngineerWhoIsNotTheHeadReadsTheRosterButMayNotPlanIt() throws Exception {
        routing.answer("GET /api/v1/departments/ENGINEERING", 200, ENGINEERING)
                .answer("GET /api/v1/departments/ENGINEERING/on-duty", 200, ROSTER);
        RequestPostProcessor engineer = logins.as(new Staff("D-ENG-02", "李工", Set.of("DEPARTMENT_STAFF"),
                "ENGINEERING"));
        String page = mvc.perform(get("/admin/departments/ENGINEERING/on-duty").with(engineer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("D-ENG-02").doesNotContain("id=\"roster-save\"");
        mvc.perform(post("/admin/departments/ENGINEERING/on-duty").with(engineer).with(csrf())
                        .param("from", "2026-12-05T00:00").param("to", "2026-12-06T00:00"))
                .andExpect(status().isForbidden());
        assertThat(routing.received("PUT", "/api/v1/departments/ENGINEERING/on-duty")).isEmpty();
    }

    private static final String CN_OFFICE = """
            {"id":"CN-OFFICE","version":3,"name":"中国办公日历","zone":"Asia/Shanghai",
             "weekdays":{"MONDAY":{"opens":"09:00","closes":"18:00","breakStarts":"12:00","breakEnds":"13:00"},
                         "FRIDAY":{"opens":"09:00","closes":"18:00"}},
             "makeUpDayHours":{"opens":"09:00","closes":"18:00"},"observesPublicHolidays":true,"years":[2026],
             "holidays":["2026-01-01","2026-10-01"],"makeUpWorkingDays":["2026-01-04"],
             "source":"国务院办公厅通知（2025-11-04）","departments":["ENGINEERING","SALES"],"builtIn":false,
             "coveredUntil":"2026-12-31","coveredDays":27,"changedBy":"ADM-01","changedAt":"2025-11-05T02:00:00Z"}""";

    @Test
    void anAdministratorSeesEachCalendarsYearsAndHowFarAheadItIsKnown() throws Exception {
        routing.answer("GET /api/v1/calendars", 200, "[" + CN_OFFICE + "]");
        String page = mvc.perform(get("/admin/calendars").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"calendar-CN-OFFICE\"", "2026-12-31（还有 27 天）", "请录入下一年的安排",
                "工程维修部", "ADM-01 于 2025-11-05 10:00 修改");
    }

    @Test
    void whenRoutingRefusesAYearThenTheDatesAreNamedBesideTheirFieldsInChineseAndTheTypedTextStays()
            throws Exception {
        routing.answer("GET /api/v1/calendars/CN-OFFICE", 200, CN_OFFICE)
                .answer("GET /api/v1/calendars/CN-OFFICE/versions", 200, """
                        [{"version":1,"changedBy":"seed","changedAt":"2026-01-01T00:00:00Z","source":"seed"},
                         {"version":3,"changedBy":"ADM-01","changedAt":"2026-11-05T02:00:00Z","source":"通知"}]""")
                .answer("PUT /api/v1/calendars/CN-OFFICE/years/2027", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"holidays[1]","message":"lies in a year not listed in years"},
                                   {"field":"makeUpWorkingDays[0]","message":"falls on a working weekday; a make-up working day (调休上班) is a weekend day worked"}]}""");
        String page = mvc.perform(post("/admin/calendars/CN-OFFICE/years").with(logins.admin()).with(csrf())
                        .param("year", "2027").param("holidays", "2027-01-01\n2028-02-06")
                        .param("makeUpWorkingDays", "2027-01-05").param("source", "国务院办公厅通知")
                        .param("expectedVersion", "3"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        JsonNode body = json.readTree(routing.received("PUT", "/api/v1/calendars/CN-OFFICE/years/2027").get(0).body());
        assertThat(body.path("holidays").toString()).isEqualTo("[\"2027-01-01\",\"2028-02-06\"]");
        assertThat(body.path("expectedVersion").asLong()).isEqualTo(3);
        assertThat(page).contains("id=\"holidays-error\"", "有日期不在所录年份内", "有误的日期：2028-02-06",
                        "id=\"makeUpWorkingDays-error\"", "调休上班日须是周末", "有误的日期：2027-01-05",
                        "2027-01-01\n2028-02-06</textarea>", "id=\"calendar-version-3\"")
                .doesNotContain("not listed in years", "urn:caseflow");
    }

    @Test
    void aManagerMayNotOpenTheCalendarsAndRoutingIsNotAsked() throws Exception {
        mvc.perform(get("/admin/calendars").with(logins.manager())).andExpect(status().isForbidden());
        assertThat(routing.received("GET", "/api/v1/calendars")).isEmpty();
    }

    @Test
    void anAdministratorEditsADepartmentsSlaAndEachRefusedFieldIsExplainedBesideIt() throws Exception {
        routing.answer("GET /api/v1/calendars", 200, "[" + CN_OFFICE + "]")
                .answer("PUT /api/v1/departments/ENGINEERING", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"sla.HIGH","message":"5 minutes to 2400 hours of working time, resolution not before first response"},
                                   {"field":"head","message":"required"}]}""");
        String page = mvc.perform(post("/admin/departments/ENGINEERING").with(logins.admin()).with(csrf())
                        .param("nameZh", "工程维修部").param("nameEn", "Engineering").param("head", "")
                        .param("calendarId", "CN-OFFICE").param("onDutyRoster", "true").param("active", "true")
                        .param("URGENT.first", "15").param("URGENT.resolution", "240").param("URGENT.calendar", "24X7")
                        .param("HIGH.first", "600").param("HIGH.resolution", "300").param("HIGH.calendar", "")
                        .param("NORMAL.first", "480").param("NORMAL.resolution", "4320")
                        .param("expectedVersion", "3"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        JsonNode body = json.readTree(routing.received("PUT", "/api/v1/departments/ENGINEERING").get(0).body());
        assertThat(body.path("expectedVersion").asLong()).isEqualTo(3);
        assertThat(body.path("onDutyRoster").asBoolean()).isTrue();
        assertThat(body.path("sla").path("URGENT").path("calendarId").asString()).isEqualTo("24X7");
        assertThat(body.path("sla").path("HIGH").path("firstResponseMinutes").asInt()).isEqualTo(600);
        assertThat(body.path("sla").path("HIGH").has("calendarId")).isFalse();
        assertThat(page).contains("id=\"sla-HIGH-error\"", "解决不早于首次响应", "id=\"head-error\"", "请填写负责人工号",
                        "value=\"600\"")
                .doesNotContain("id=\"sla-URGENT-error\"", "resolution not before");
    }

    @Test
    void theDepartmentsAreListedWithHeadCalendarAndSlaPerPriority() throws Exception {
        routing.answer("GET /api/v1/departments", 200, "[" + ENGINEERING + "]");
        String page = mvc.perform(get("/admin/departments").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"department-ENGINEERING\"", "D-ENG-01", "15 分钟 / 240 分钟", "24X7",
                "/admin/departments/ENGINEERING/on-duty", "ADM-01 于 2025-12-04 10:00 修改");
        mvc.perform(get("/admin/departments").with(logins.supervisor())).andExpect(status().isForbidden());
    }

    private static final String PROJECT = """
            {"code":"SH-LJY","name":"陆家嘴滨江苑","city":"上海","district":"浦东新区","address":"滨江大道1888号",
             "salesStatus":"ON_SALE","serviceHotline":"400-820-8820",
             "unitTypes":[{"name":"A户型","layout":"三室两厅两卫","areaSqm":128.5,"priceFromCny":8200000,"priceToCny":9600000}],
             "faqs":[{"question":"什么时候交房？","answer":"预计2027年6月30日前交付。"}],
             "version":2,"updatedAt":"2025-12-04T02:00:00Z","updatedBy":"ADM-07"}""";

    @Test
    void anAdministratorEditsAProjectsFactsWithTheVersionReadAndARefusedAnswerIsExplainedBesideItsRow()
            throws Exception {
        intake.answer("GET /api/v1/projects/SH-LJY", 200, PROJECT)
                .answer("PUT /api/v1/projects/SH-LJY", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"faqs[1].answer","message":"must not be blank"}]}""");
        String page = mvc.perform(post("/admin/projects/SH-LJY").with(logins.admin()).with(csrf())
                        .param("name", "陆家嘴滨江苑").param("city", "上海").param("district", "浦东新区")
                        .param("address", "滨江大道1888号").param("salesStatus", "SOLD_OUT")
                        .param("serviceHotline", "400-820-8820")
                        .param("question", "什么时候交房？", "", "车位怎么卖？")
                        .param("answer", "预计2027年6月30日前交付。", "", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        StubService.Received sent = intake.received("PUT", "/api/v1/projects/SH-LJY").get(0);
        assertThat(sent.authorization()).startsWith("Bearer ");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("version").asLong()).isEqualTo(2);
        assertThat(body.path("salesStatus").asString()).isEqualTo("SOLD_OUT");
        assertThat(body.path("unitTypes").get(0).path("name").asString()).isEqualTo("A户型");
        assertThat(body.path("faqs").size()).isEqualTo(2);
        assertThat(body.has("updatedAt")).isFalse();
        assertThat(body.has("updatedBy")).as("intake takes who from the token").isFalse();
        assertThat(page).contains("id=\"faqs-2-answer-error\"", "请填写回答", "value=\"车位怎么卖？\"")
                .doesNotContain("must not be blank");
    }

    @Test
    void theProjectsAreListedForAnAdministratorOnly() throws Exception {
        intake.answer("GET /api/v1/projects", 200, "[" + PROJECT + "]");
        String page = mvc.perform(get("/admin/projects").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"project-SH-LJY\"", "在售", "1 个户型，1 个问题", "2025-12-04 10:00",
                "<th scope=\"col\">修改人</th>", "<td class=\"changed-by\">ADM-07</td>");
        mvc.perform(get("/admin/projects").with(logins.agent())).andExpect(status().isForbidden());
        String menu = mvc.perform(get("/admin").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // routing takes rules and keyword lists from administrators (issue 17)
        assertThat(menu).contains("id=\"admin-projects\"", "id=\"admin-calendars\"", "id=\"admin-departments\"",
                "id=\"admin-rules\"", "id=\"admin-keywords\"");
    }

    @Test
    void whenAManagerRemovesARuleThenRoutingGetsTheEditedVersionWithoutIt() throws Exception {
        routing.answer("GET /api/v1/routing-rules/versions/1", 200, RULES_V1)
                .answer("PUT /api/v1/routing-rules", 200, RULES_V2);
        mvc.perform(post("/admin/rules/edit").with(logins.manager()).with(csrf())
                        .param("editing", "safety-property").param("basedOnVersion", "1").param("id", "safety-property")
                        .param("departmentCode", "PROPERTY_MANAGEMENT").param("action", "remove"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/rules"));
        JsonNode body = json.readTree(routing.received("PUT", "/api/v1/routing-rules").get(0).body());
        assertThat(body.path("basedOnVersion").asLong()).isEqualTo(1);
        assertThat(body.path("rules").size()).isEqualTo(1);
        assertThat(body.path("rules").get(0).path("id").asString()).isEqualTo("repairs");
    }

    @Test
    void eachEditFormOpensFilledWithWhatTheServiceHoldsInChineseOrEnglish() throws Exception {
        routing.answer("GET /api/v1/routing-rules", 200, RULES_V1)
                .answer("GET /api/v1/departments/ENGINEERING", 200, ENGINEERING)
                .answer("GET /api/v1/calendars", 200, "[" + CN_OFFICE + "]")
                .answer("GET /api/v1/calendars/CN-OFFICE", 200, CN_OFFICE)
                .answer("GET /api/v1/calendars/CN-OFFICE/versions", 200, """
                        [{"version":3,"changedBy":"ADM-01","changedAt":"2025-11-05T02:00:00Z","source":"通知"}]""");
        intake.answer("GET /api/v1/projects/SH-LJY", 200, PROJECT);
        String newRule = mvc.perform(get("/admin/rules/edit").param("lang", "en").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(newRule).contains("New rule", "name=\"position\" type=\"number\" min=\"1\" value=\"3\"",
                "Dry run", "Engineering").doesNotContain("id=\"rule-remove\"");
        String department = mvc.perform(get("/admin/departments/ENGINEERING").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(department).contains("value=\"工程维修部\"", "name=\"URGENT.first\"", "value=\"15\"",
                "name=\"expectedVersion\" value=\"3\"", "id=\"department-changed\"", "ADM-01 于 2025-12-04 10:00 修改");
        String calendar = mvc.perform(get("/admin/calendars/CN-OFFICE").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(calendar).contains("09:00–18:00", "午休 12:00–13:00", "id=\"year-2026\"", "2026-01-01、2026-10-01",
                "name=\"year\" inputmode=\"numeric\" maxlength=\"4\" value=\"2027\"", "ADM-01 于 2025-11-05 10:00 修改");
        String project = mvc.perform(get("/admin/projects/SH-LJY").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(project).contains("value=\"陆家嘴滨江苑\"", "预计2027年6月30日前交付。", "A户型",
                "第 2 版，修改时间 2025-12-04 10:00，修改人 ADM-07");
    }

    @Test
    void whenAnAdministratorChangesTheHoursThenRoutingGetsTheWholeCalendarAndARefusedBreakIsExplainedBesideIt()
            throws Exception {
        routing.answer("GET /api/v1/calendars/CN-OFFICE", 200, CN_OFFICE)
                .answer("GET /api/v1/calendars/CN-OFFICE/versions", 200, "[]")
                .answer("PUT /api/v1/calendars/CN-OFFICE", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"weekdays.MONDAY.breakStarts","message":"the break lies inside the working hours and ends after it starts"}]}""");
        String page = mvc.perform(post("/admin/calendars/CN-OFFICE/hours").with(logins.admin()).with(csrf())
                        .param("MONDAY.opens", "09:00").param("MONDAY.closes", "18:00")
                        .param("MONDAY.breakStarts", "19:00").param("MONDAY.breakEnds", "20:00")
                        .param("FRIDAY.opens", "09:00").param("FRIDAY.closes", "17:00")
                        .param("makeUp.opens", "09:00").param("makeUp.closes", "18:00")
                        .param("expectedVersion", "3"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        JsonNode body = json.readTree(routing.received("PUT", "/api/v1/calendars/CN-OFFICE").get(0).body());
        assertThat(body.path("expectedVersion").asLong()).isEqualTo(3);
        assertThat(body.path("weekdays").path("FRIDAY").path("closes").asString()).isEqualTo("17:00");
        assertThat(body.path("weekdays").has("SATURDAY")).isFalse();
        assertThat(body.path("holidays").toString()).isEqualTo("[\"2026-01-01\",\"2026-10-01\"]");
        assertThat(body.path("years").toString()).isEqualTo("[2026]");
        assertThat(body.path("name").asString()).isEqualTo("中国办公日历");
        assertThat(page).contains("id=\"weekdays-MONDAY-breakStarts-error\"", "午休须在工作时间内", "value=\"19:00\"",
                        "value=\"17:00\"")
                .doesNotContain("the break lies inside");
    }

    // --- keyword lists (issue 17, second round) ---

    private static final String LEXICON_V3 = """
            {"version":3,"changedBy":"ADM-01","changedAt":"2025-12-03T02:00:00Z",
             "terms":{"电梯":["电梯","轿厢"],"法律":["律师","起诉"]},"negators":["没","没有"],"hedges":["万一"],
             "benign":[{"phrases":["燃气费","电梯卡"],"why":"缴费、账单、卡和广告"}],
             "signals":{"电梯":["有人被困电梯"],"法律":["律师、起诉、仲裁"]}}""";
    private static final String LEXICON_VERSIONS = """
            {"versions":[{"version":3,"changedBy":"ADM-01","changedAt":"2025-12-03T02:00:00Z","words":9},
                         {"version":2,"changedBy":"M001","changedAt":"2025-12-02T02:00:00Z","words":8},
                         {"version":1,"changedBy":"lexicon-file","changedAt":"2025-12-01T02:00:00Z","words":8}],
             "page":0,"size":30,"total":3}""";

    private void lexiconV3() {
        routing.answer("GET /api/v1/routing-lexicon", 200, LEXICON_V3)
                .answer("GET /api/v1/routing-lexicon/versions/3", 200, LEXICON_V3)
                .answer("GET /api/v1/routing-lexicon/versions", 200, LEXICON_VERSIONS);
    }

    @Test
    void anAdministratorSeesEachListOneWordPerLineWithWhatItFeedsWhoChangedItAndEveryVersion() throws Exception {
        lexiconV3();
        routing.answer("GET /api/v1/routing-lexicon/versions/1", 200, LEXICON_V3.replace("\"version\":3", "\"version\":1")
                .replace("\"律师\",\"起诉\"", "\"律师\""));
        String page = mvc.perform(get("/admin/keywords").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String draft = mvc.perform(get("/admin/keywords").param("from", "1").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("当前为第 3 版，ADM-01 于 2025-12-03 10:00 发布。", "<label for=\"term1\">法律</label>",
                        "用于：律师、起诉、仲裁", ">律师\n起诉</textarea>", ">没\n没有</textarea>",
                        "无害短语：缴费、账单、卡和广告", "name=\"basedOnVersion\" value=\"3\"", "id=\"keywords-publish\"",
                        "id=\"keywords-version-1\"", "词库文件（初始）", "/admin/keywords?from=1")
                .doesNotContain("readonly");
        assertThat(draft).contains("以下为第 1 版的词", "name=\"basedOnVersion\" value=\"3\"", ">律师</textarea>");
        assertThat(mvc.perform(get("/admin").with(logins.admin())).andReturn().getResponse().getContentAsString())
                .contains("id=\"admin-keywords\"", "id=\"admin-rules\"");
    }

    @Test
    void twoVersionsOfTheListsCompareListByListWithTheWordsAddedAndRemoved() throws Exception {
        lexiconV3();
        routing.answer("GET /api/v1/routing-lexicon/versions/2", 200, """
                {"version":2,"changedBy":"M001","changedAt":"2025-12-02T02:00:00Z",
                 "terms":{"电梯":["电梯","轿厢"],"法律":["律师","打官司"]},"negators":["没","没有"],"hedges":[],
                 "benign":[{"phrases":["燃气费"],"why":"缴费、账单、卡和广告"}]}""");
        String page = mvc.perform(get("/admin/keywords").param("older", "3").param("newer", "2").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String changes = page.substring(page.indexOf("id=\"keywords-changes\""), page.indexOf("class=\"compact versions\""));
        assertThat(changes).contains("第 2 版 → 第 3 版的变化", "<td>法律</td>", "<ins>起诉</ins>", "<del>打官司</del>",
                        "担忧或过去", "<ins>万一</ins>", "无害短语：缴费、账单、卡和广告", "<ins>电梯卡</ins>")
                .doesNotContain("<td>电梯</td>", "否定词");
    }

    @Test
    void whenAnAdministratorDryRunsEditedListsThenRoutingGetsTheCandidateAndThePageShowsWhatItFound() throws Exception {
        lexiconV3();
        routing.answer("POST /api/v1/routing-lexicon/dry-run", 200, """
                {"lexiconVersion":4,"departmentCode":"LEGAL","ruleId":"legal","ruleVersion":2,"complexity":"COMPLEX",
                 "priority":"URGENT","matchedKeywords":["律所"],"topics":["legal"],"findings":[],
                 "reasons":["LEGAL by rule legal v2","URGENT 律师、起诉、仲裁 [legal-action]: 律所"]}""");
        String page = mvc.perform(post("/admin/keywords").with(logins.admin()).with(csrf())
                        .param("basedOnVersion", "3").param("term0", "电梯\r\n轿厢").param("term1", "律师\r\n\r\n起诉\r\n 律所 \r\n")
                        .param("negators", "没\n没有").param("hedges", "万一").param("benign0", "燃气费\n电梯卡")
                        .param("tryCategory", "COMPLAINT").param("tryCallerType", "OWNER")
                        .param("tryMatter", "我已经委托律所处理").param("action", "dry-run"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        StubService.Received sent = routing.received("POST", "/api/v1/routing-lexicon/dry-run").get(0);
        JsonNode body = json.readTree(sent.body());
        assertThat(sent.authorization()).startsWith("Bearer ");
        assertThat(body.path("category").asString()).isEqualTo("COMPLAINT");
        assertThat(body.path("matter").asString()).isEqualTo("我已经委托律所处理");
        assertThat(body.path("candidate").path("terms").path("法律").valueStream().map(JsonNode::asString))
                .containsExactly("律师", "起诉", "律所");
        assertThat(body.path("candidate").path("benign").get(0).path("why").asString()).isEqualTo("缴费、账单、卡和广告");
        assertThat(body.path("candidate").path("hedges").valueStream().map(JsonNode::asString)).containsExactly("万一");
        assertThat(page).contains("id=\"keywords-result\"", "命中的词：律所", "法务部", "URGENT 律师、起诉、仲裁",
                "律师\r\n\r\n起诉\r\n 律所");
        assertThat(routing.received("PUT", "/api/v1/routing-lexicon")).isEmpty();
    }

    @Test
    void whenAManagerPublishesListsThenRoutingGetsThemBasedOnTheVersionOpenedAndThePageSaysSo() throws Exception {
        lexiconV3();
        routing.answer("PUT /api/v1/routing-lexicon", 200, LEXICON_V3.replace("\"version\":3", "\"version\":4"));
        mvc.perform(post("/admin/keywords").with(logins.manager()).with(csrf())
                        .param("basedOnVersion", "3").param("term0", "电梯\n轿厢\n升降梯").param("term1", "律师\n起诉")
                        .param("negators", "没\n没有").param("hedges", "万一\n要是").param("benign0", "")
                        .param("action", "publish"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/keywords"));

        JsonNode body = json.readTree(routing.received("PUT", "/api/v1/routing-lexicon").get(0).body());
        assertThat(body.path("basedOnVersion").asLong()).isEqualTo(3);
        assertThat(body.path("terms").path("电梯").valueStream().map(JsonNode::asString))
                .containsExactly("电梯", "轿厢", "升降梯");
        assertThat(body.path("hedges").valueStream().map(JsonNode::asString)).containsExactly("万一", "要是");
        assertThat(body.path("benign")).isEmpty();
        assertThat(routing.received("POST", "/api/v1/routing-lexicon/dry-run")).isEmpty();
    }

    @Test
    void whenRoutingRefusesWordsThenEachIsExplainedInChineseBesideItsListByTheLineTypedAndTheTextStays()
            throws Exception {
        lexiconV3();
        routing.answer("PUT /api/v1/routing-lexicon", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"terms.法律[2]","message":"duplicate of terms.法律[0] '律师'"},
                           {"field":"negators[1]","message":"at most 30 characters"},
                           {"field":"terms.电梯","message":"needs at least one word"}]}""");
        String longWord = "没".repeat(31);
        String page = mvc.perform(post("/admin/keywords").with(logins.admin()).with(csrf())
                        .param("basedOnVersion", "3").param("term0", "").param("term1", "律师\n\n起诉\n律师")
                        .param("negators", "没\n" + longWord).param("hedges", "万一").param("benign0", "燃气费")
                        .param("action", "publish"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"term1-error\"", "第 4 行与第 1 行重复。", "id=\"negators-error\"",
                        "第 2 行超过 30 个字。", "id=\"term0-error\"", "至少填写一个词。", ">律师\n\n起诉\n律师</textarea>",
                        longWord)
                .doesNotContain("duplicate of", "at most 30");
    }

    @Test
    void whenSomeoneElsePublishedFirstThenTheKeywordPageSaysSoAndKeepsTheTypedWords() throws Exception {
        lexiconV3();
        routing.answer("PUT /api/v1/routing-lexicon", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,
                 "detail":"the keyword lists are at version 4, not 3"}""");
        String page = mvc.perform(post("/admin/keywords").with(logins.admin()).with(csrf())
                        .param("basedOnVersion", "3").param("term0", "电梯").param("term1", "律师\n律所")
                        .param("negators", "没").param("hedges", "万一").param("benign0", "燃气费")
                        .param("action", "publish"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"keywords-conflict\"", "他人已发布了新版本", ">律师\n律所</textarea>");
    }

    @Test
    void aSupervisorReadsTheListsWithoutFormsAndAnAgentIsRefusedWithoutAskingRouting() throws Exception {
        lexiconV3();
        String page = mvc.perform(get("/admin/keywords").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("readonly", ">律师\n起诉</textarea>").doesNotContain("id=\"keywords-publish\"",
                "/admin/keywords?from=");
        mvc.perform(post("/admin/keywords").with(logins.supervisor()).with(csrf()).param("basedOnVersion", "3")
                .param("action", "publish")).andExpect(status().isForbidden());
        assertThat(routing.received("PUT", "/api/v1/routing-lexicon")).isEmpty();
        routing.reset();
        mvc.perform(get("/admin/keywords").with(logins.agent())).andExpect(status().isForbidden());
        assertThat(routing.received("GET", "/api/v1/routing-lexicon")).isEmpty();
    }

    @Test
    void anAdministratorReadsAndEditsTheRoutingRules() throws Exception {
        routing.answer("GET /api/v1/routing-rules", 200, RULES_V2);
        String page = mvc.perform(get("/admin/rules").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/admin/rules/edit?id=repairs", "id=\"rule-keywords\"");
        mvc.perform(get("/admin/rules/edit").param("id", "repairs").with(logins.admin())).andExpect(status().isOk());
    }
}
