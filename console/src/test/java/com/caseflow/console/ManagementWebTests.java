package com.caseflow.console;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The managers' pages (issue 17) against stand-ins for evaluation and routing: what the services report reaches the
 * charts and their tables, the drill-downs carry their filters to the service, the Excel exports pass through, and
 * who may not look is refused.
 */
@SpringBootTest
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"cases.dept.engineering", "calls"})
class ManagementWebTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    private void reports() {
        evaluation.answer("GET /api/v1/reports/agents", 200, """
                {"period":{"from":"2026-11-01","to":"2026-11-30"},"previous":{"from":"2026-10-01","to":"2026-10-31"},
                 "policyVersion":"2026-12","rows":[
                  {"agentId":"A001","kpis":{"contacts":40,"phoneCalls":30,"visits":10,"answerWithinThreeRingsRate":0.6,
                   "firstContactResolutionRate":0.75,"csat":0.9},
                   "standing":{"scored":{"score":61.1,"kpiScores":{},"outcome":"TRAINING","weakKpis":["answerWithinThreeRings"],
                    "reasons":["综合得分 61.1 低于 70.0","三声内接听率 60.0 低于目标 90.0"]},
                    "rank":2,"rankedOf":2,"previousScore":70.0,"change":-8.9,"previousRank":1}},
                  {"agentId":"A002","kpis":{"contacts":12,"phoneCalls":12,"visits":0,"answerWithinThreeRingsRate":0.95,
                   "firstContactResolutionRate":0.5},
                   "standing":{"scored":{"score":92.0,"kpiScores":{},"outcome":"COMMENDATION","weakKpis":[],"reasons":[]},
                    "rank":1,"rankedOf":2,"previousScore":80.0,"change":12.0,"previousRank":2}}]}""");
        evaluation.answer("GET /api/v1/reports/departments", 200, """
                {"period":{"from":"2026-11-01","to":"2026-11-30"},"rows":[
                  {"departmentCode":"ENGINEERING","kpis":{"casesRouted":20,"resolved":15,"firstResponseCompliance":0.85,
                   "resolutionCompliance":0.6,"averageSatisfaction":3.9,"csat":0.7},
                   "standing":{"scored":{"score":72.5,"outcome":"NONE","weakKpis":[],"reasons":[]},"rank":1,"rankedOf":1}}]}""");
        evaluation.answer("GET /api/v1/reports/hotlines", 200, """
                {"from":"2026-11-01","to":"2026-11-30","hotlines":[{"hotline":"4008201234",
                  "total":{"offered":100,"answered":90,"abandoned":10,"answeredInTime":80,"serviceLevel":0.8,
                           "averageSpeedOfAnswerSeconds":9.5,"abandonmentRate":0.1},
                  "hours":[{"hour":9,"measures":{"offered":60,"answered":55,"abandoned":5,"answeredInTime":50,
                           "serviceLevel":0.8333,"averageSpeedOfAnswerSeconds":8.0,"abandonmentRate":0.0833}}]}]}""");
        evaluation.answer("GET /api/v1/issues/recurring", 200, """
                {"from":"2026-11-01","to":"2026-11-30","previousFrom":"2026-10-02","previousTo":"2026-10-31",
                 "topIssues":[{"projectCode":"SH-LJY","category":"REPAIR","categoryLabel":"报修","contacts":17,
                   "previousContacts":9,"change":8,"changeRate":0.889,"repeatContacts":4,"repeatShare":0.235,
                   "incidentContacts":0},
                  {"projectCode":"BJ-CYY","category":"HANDOVER","categoryLabel":"交付","contacts":5,
                   "previousContacts":7,"change":-2,"changeRate":-0.286,"repeatContacts":0,"incidentContacts":0}],
                 "repeatHotSpots":[],"massIncidentThreshold":5,"massIncidents":[]}""");
        routing.answer("GET /api/v1/departments", 200, """
                [{"code":"ENGINEERING","nameZh":"工程维修部","nameEn":"Engineering"}]""");
        routing.answer("GET /api/v1/cases/counts", 200, """
                {"at":"2026-12-05T02:00:00Z","departments":[{"departmentCode":"ENGINEERING","open":3,"overdue":2},
                  {"departmentCode":"SALES","open":1,"overdue":0}]}""");
        routing.answer("GET /api/v1/departments/ENGINEERING/cases", 200, """
                {"content":[{"id":"C-9","status":"OPEN","departmentCode":"ENGINEERING","priority":"HIGH",
                  "category":"REPAIR","projectCode":"SH-LJY","overdue":true}],
                 "page":0,"size":1,"totalElements":3,"totalPages":3}""");
    }

    @Test
    void aManagerSeesEachChartWithItsTableFromWhatTheServicesReport() throws Exception {
        reports();
        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chart-channels\"", "id=\"chart-service-level\"", "id=\"chart-sla\"",
                "id=\"chart-csat\"", "id=\"chart-cases\"", "id=\"chart-heatmap\"", "id=\"chart-agents\"",
                "/js/dashboard.js")
                // table equivalents: channel totals over the agents, the hotline's hour, SLA, heat map change
                .contains("channel=PHONE\">42</a>", "channel=VISIT\">10</a>", "4008201234", "83.3%", "85.0%",
                        "60.0%", "+8", "-2")
                // the chart data the script reads, escaped into the attribute
                .contains("data-chart=\"{&quot;kind&quot;:&quot;heatmap&quot;")
                // the heat map downloads as Excel for the period shown
                .contains("href=\"/dashboard/export/recurring?from=2026-11-01&amp;to=2026-11-30\"")
                .doesNotContain("<script>");
        // the chart library the page names is served from its WebJar
        Matcher script = Pattern.compile("src=\"([^\"]*echarts\\.min\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        mvc.perform(get(script.group(1))).andExpect(status().isOk());
        mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk());
        assertThat(evaluation.received("GET", "/api/v1/reports/agents").get(0).path())
                .contains("from=2026-11-01", "to=2026-11-30");
        assertThat(evaluation.received("GET", "/api/v1/reports/agents").get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsExplainedBesideTheDateAndAsksNoService() throws Exception {
        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-30")
                        .param("to", "2026-11-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"to-error\"", "结束日期不能早于开始日期", "aria-describedby=\"to-error\"");
        assertThat(evaluation.received("GET", "/")).isEmpty();
        assertThat(routing.received("GET", "/")).isEmpty();
    }

    @Test
    void theDrillDownLinksCarryTheirFiltersToTheListBehindTheChart() throws Exception {
        reports();
        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-30").param("project", "SH-LJY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/dashboard/cases?department=ENGINEERING&amp;overdue=true\"",
                        "href=\"/proposals?projectCode=SH-LJY&amp;category=REPAIR#new-proposal\"")
                // the project filter keeps the other project's issue out
                .doesNotContain("BJ-CYY");
        // the open and overdue counts of every department in one request to routing, with the manager's token
        assertThat(routing.received("GET", "/api/v1/cases/counts")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).startsWith("Bearer "));
        assertThat(routing.received("GET", "/api/v1/departments/ENGINEERING/cases")).isEmpty();
        assertThat(page).contains("href=\"/dashboard/cases?department=ENGINEERING\">3</a>",
                "href=\"/dashboard/cases?department=ENGINEERING&amp;overdue=true\">2</a>")
                // SALES is no department routing lists: left out; none with open cases, not asked for, is 0
                .doesNotContain("department=SALES");

        routing.reset();
        reports();
        String list = mvc.perform(get("/dashboard/cases").with(logins.manager()).param("department", "ENGINEERING")
                        .param("overdue", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("C-9", "超时案件")
                .containsPattern("id=\"export-cases\" download\\s+href=\"/dashboard/export/cases\\?department="
                        + "ENGINEERING&amp;overdue=true");
        assertThat(routing.received("GET", "/api/v1/departments/ENGINEERING/cases").get(0).path())
                .contains("overdue=true");
    }

    @Test
    void eachViewDownloadsAsTheServicesExcelSheet() throws Exception {
        String workbook = "PK\u0003\u0004 sheet bytes";
        evaluation.answer("GET /api/v1/reports/departments", 200, XLSX, workbook);
        MvcResult result = mvc.perform(get("/dashboard/export/departments").with(logins.manager())
                        .param("from", "2026-11-01").param("to", "2026-11-30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(workbook);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(".xlsx");
        assertThat(evaluation.received("GET", "/api/v1/reports/departments").get(0).path())
                .contains("format=xlsx", "from=2026-11-01", "to=2026-11-30");
    }

    @Test
    void theHeatMapAndTheProposalsDownloadAsTheServicesExcelSheet() throws Exception {
        String workbook = "PK\u0003\u0004 issues";
        evaluation.answer("GET /api/v1/issues/recurring", 200, XLSX, workbook)
                .answer("GET /api/v1/issues/proposals", 200, XLSX, workbook);

        MvcResult recurring = mvc.perform(get("/dashboard/export/recurring").with(logins.manager())
                        .param("from", "2026-11-01").param("to", "2026-11-30"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX)).andReturn();
        MvcResult proposals = mvc.perform(get("/dashboard/export/proposals").with(logins.manager())
                        .param("status", "DONE"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX)).andReturn();

        assertThat(recurring.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(workbook);
        assertThat(proposals.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(workbook);
        assertThat(evaluation.received("GET", "/api/v1/issues/recurring").get(0).path())
                .contains("format=xlsx", "from=2026-11-01", "to=2026-11-30", "limit=50");
        assertThat(evaluation.received("GET", "/api/v1/issues/proposals").get(0).path())
                .contains("format=xlsx", "status=DONE");
        assertThat(proposals.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(".xlsx");
    }

    @Test
    void theDrillDownsCasesDownloadAsRoutingsExcelSheet() throws Exception {
        String workbook = "PK\u0003\u0004 cases";
        routing.answer("GET /api/v1/departments/ENGINEERING/cases", 200, XLSX, workbook);

        MvcResult result = mvc.perform(get("/dashboard/export/cases").with(logins.manager())
                        .param("department", "ENGINEERING").param("overdue", "true"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX)).andReturn();

        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(workbook);
        assertThat(routing.received("GET", "/api/v1/departments/ENGINEERING/cases").get(0).path())
                .contains("format=xlsx", "overdue=true").doesNotContain("page=");
        mvc.perform(get("/dashboard/export/cases").with(logins.manager()).param("department", "not a code"))
                .andExpect(status().isBadRequest());
    }

    private static final String DAILY = """
            {"from":"2026-11-01","to":"2026-11-02","projectCode":%s,"team":%s,"projectScoped":%s,"days":[
              {"day":"2026-11-01","contacts":{"total":7,"byChannel":{"PHONE":5,"VISIT":2},
                "byCategory":%s,"repeatContacts":1,"incidentContacts":0},
               "firstContactResolution":{"settled":4,"contacts":7,"rate":0.5714},
               "threeRings":{"rate":0.875,"answeredWithinThreeRings":7,"calls":8,"measuredCalls":8,
                 "selfReportedCalls":0,"source":"MEASURED","measuredRate":0.875,"reportedRate":null},
               "hotlines":{"offered":10,"answered":9,"abandoned":1,"answeredInTime":8,"serviceLevel":0.8,
                 "averageSpeedOfAnswerSeconds":7.5,"abandonmentRate":0.1},
               "cases":{"routed":2,"resolved":1,"firstResponseCompliance":1.0,"resolutionCompliance":null}},
              {"day":"2026-11-02","contacts":{"total":3,"byChannel":{"PHONE":3,"VISIT":0},
                "byCategory":%s,"repeatContacts":0,"incidentContacts":0},
               "firstContactResolution":{"settled":1,"contacts":3,"rate":0.3333},
               "threeRings":{"rate":null,"answeredWithinThreeRings":0,"calls":0,"measuredCalls":0,
                 "selfReportedCalls":0,"source":null},
               "hotlines":{"offered":8,"answered":6,"abandoned":2,"answeredInTime":5,"serviceLevel":0.625,
                 "averageSpeedOfAnswerSeconds":12.0,"abandonmentRate":0.25},
               "cases":{"routed":0,"resolved":0}}],
             "total":{"day":null,"contacts":{"total":10,"byChannel":{"PHONE":8,"VISIT":2},"byCategory":%s},
               "firstContactResolution":{"settled":6,"contacts":10,"rate":0.6},
               "threeRings":{"rate":0.9,"answeredWithinThreeRings":9,"calls":10,"measuredCalls":8,
                 "selfReportedCalls":2,"source":"MIXED"},
               "hotlines":{"offered":18,"answered":15,"abandoned":3,"answeredInTime":13,"serviceLevel":0.7,
                 "averageSpeedOfAnswerSeconds":9.4,"abandonmentRate":0.1667},
               "cases":{"routed":2,"resolved":1}}}""";

    private static String daily(String project, boolean team) {
        boolean categories = !team;
        return DAILY.formatted(project == null ? "null" : "\"" + project + "\"", team,
                project == null ? "[]" : "[\"contacts\",\"firstContactResolution\"]",
                categories ? "{\"INQUIRY\":0,\"COMPLAINT\":3,\"REPAIR\":4,\"SALES\":0}" : "null",
                categories ? "{\"INQUIRY\":2,\"COMPLAINT\":0,\"REPAIR\":1,\"SALES\":0}" : "null",
                categories ? "{\"INQUIRY\":2,\"COMPLAINT\":3,\"REPAIR\":5,\"SALES\":0}" : "null");
    }

    private static String dailyTable(String page) {
        int start = page.indexOf("id=\"daily-table\"");
        assertThat(start).as("the daily table").isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }

    @Test
    void aManagerSeesContactsPerDayByChannelAndCategoryTheRatesPerDayAndTheCompanysFiguresForTheProject()
            throws Exception {
        reports();
        evaluation.answer("GET /api/v1/reports/daily", 200, daily("SH-LJY", false));

        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-02").param("project", "SH-LJY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(evaluation.received("GET", "/api/v1/reports/daily").get(0).path())
                .contains("from=2026-11-01", "to=2026-11-02", "projectCode=SH-LJY");
        assertThat(evaluation.received("GET", "/api/v1/reports/daily").get(0).authorization())
                .startsWith("Bearer ");
        assertThat(page).contains("id=\"chart-daily-channels\"", "id=\"chart-daily-categories\"",
                        "id=\"chart-daily-rates\"", "id=\"chart-agents\"", "id=\"chart-heatmap\"")
                // the company's figures for the period
                .containsPattern("id=\"total-fcr\">60.0%<")
                .containsPattern("id=\"total-service-level\">70.0%<")
                .contains("90.0%", "（实测与自报）", "为项目 SH-LJY 的数字")
                // stacked bars by channel and by category, a click on a day opens that day with the filters
                .contains("&quot;stack&quot;:&quot;channels&quot;", "&quot;stack&quot;:&quot;categories&quot;",
                        "&quot;kind&quot;:&quot;line&quot;",
                        "/dashboard?from=2026-11-02&amp;to=2026-11-02&amp;project=SH-LJY")
                .contains("href=\"/dashboard/export/daily?from=2026-11-01&amp;to=2026-11-02&amp;project=SH-LJY\"");
        String table = dailyTable(page);
        // a day: 5 calls, 2 visits, 7 in all, REPAIR 4 / COMPLAINT 3 / INQUIRY 0, three rings, service level, FCR
        assertThat(table).contains("href=\"/dashboard?from=2026-11-01&amp;to=2026-11-01&amp;project=SH-LJY\"")
                .contains("project=SH-LJY&amp;channel=PHONE\">5</a>", "project=SH-LJY&amp;channel=VISIT\">2</a>",
                        "87.5%", "80.0%", "57.1%", "62.5%", "33.3%")
                .contains("咨询", "投诉", "报修").as("no category without contacts in the period")
                .doesNotContain("销售");
        assertThat(table.substring(table.indexOf("class=\"total\""))).contains("<td>8</td><td>2</td>",
                "<td>10</td>", "<td>5</td>", "90.0%", "70.0%", "60.0%");
    }

    @Test
    void whenEvaluationHasNoDailySeriesTheSectionSaysSoAndTheOtherChartsStay() throws Exception {
        reports();
        evaluation.answer("GET /api/v1/reports/daily", 503, """
                {"type":"about:blank","title":"Service Unavailable","status":503}""");

        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("每日趋势暂时无法显示", "id=\"chart-agents\"", "channel=PHONE\">42</a>",
                "4008201234")
                .doesNotContain("id=\"chart-daily-rates\"");
    }

    @Test
    void aSupervisorSeesTheTeamsDaysWithoutCategoriesAndSaysWhichFiguresAreTheTeams() throws Exception {
        reports();
        evaluation.answer("GET /api/v1/reports/daily", 200, daily(null, true));

        String page = mvc.perform(get("/dashboard").with(logins.supervisor()).param("from", "2026-11-01")
                        .param("to", "2026-11-02"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("为本组坐席的数字", "类别按项目统计，不分班组", "id=\"chart-daily-rates\"");
        assertThat(dailyTable(page)).doesNotContain("报修").contains(
                "href=\"/dashboard/contacts?from=2026-11-01&amp;to=2026-11-01&amp;channel=PHONE\">5</a>",
                "href=\"/dashboard/contacts?from=2026-11-01&amp;to=2026-11-01\">7</a>");
        assertThat(evaluation.received("GET", "/api/v1/reports/daily").get(0).path())
                .doesNotContain("projectCode");
    }

    @Test
    void theDailyViewDownloadsAsEvaluationsExcelSheetForTheProject() throws Exception {
        String workbook = "PK\u0003\u0004 daily sheet";
        evaluation.answer("GET /api/v1/reports/daily", 200, XLSX, workbook);

        MvcResult result = mvc.perform(get("/dashboard/export/daily").with(logins.manager())
                        .param("from", "2026-11-01").param("to", "2026-11-30").param("project", "SH-LJY"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andReturn();

        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(workbook);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(".xlsx");
        assertThat(evaluation.received("GET", "/api/v1/reports/daily").get(0).path())
                .contains("format=xlsx", "from=2026-11-01", "to=2026-11-30", "projectCode=SH-LJY");
    }

    @Test
    void anAgentMayNotOpenTheManagersPages() throws Exception {
        for (String path : List.of("/dashboard", "/dashboard/cases?department=ENGINEERING",
                "/dashboard/contacts?from=2026-11-01&to=2026-11-30",
                "/dashboard/export/agents", "/dashboard/export/daily")) {
            mvc.perform(get(path).with(logins.agent())).andExpect(status().isForbidden());
        }
        assertThat(evaluation.received("GET", "/")).isEmpty();
        assertThat(routing.received("GET", "/")).isEmpty();
        assertThat(intake.received("GET", "/")).isEmpty();
    }

    /** A chart's data as static/js/dashboard.js reads it from the page. */
    private static JsonNode chart(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int data = page.indexOf("data-chart=\"", start) + "data-chart=\"".length();
        String attribute = page.substring(data, page.indexOf('"', data));
        return JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(attribute));
    }

    private static List<String> links(JsonNode node) {
        return node.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theChartsBarsAndCellsDrillToTheContactsBehindThemAndTheCellKeepsItsProposal() throws Exception {
        reports();
        evaluation.answer("GET /api/v1/reports/daily", 200, daily("SH-LJY", false));

        String page = mvc.perform(get("/dashboard").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-02").param("project", "SH-LJY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode heatMap = chart(page, "chart-heatmap");
        assertThat(links(heatMap.get("links")))
                .containsExactly("/dashboard/contacts?from=2026-11-01&to=2026-11-02&project=SH-LJY&category=REPAIR");
        assertThat(links(heatMap.get("proposalLinks")))
                .containsExactly("/proposals?projectCode=SH-LJY&category=REPAIR#new-proposal");
        assertThat(links(chart(page, "chart-channels").get("series").get(0).get("links"))).containsExactly(
                "/dashboard/contacts?from=2026-11-01&to=2026-11-02&project=SH-LJY&channel=PHONE",
                "/dashboard/contacts?from=2026-11-01&to=2026-11-02&project=SH-LJY&channel=VISIT");
        assertThat(links(chart(page, "chart-categories").get("series").get(0).get("links"))).containsExactly(
                "/dashboard/contacts?from=2026-11-01&to=2026-11-02&project=SH-LJY&category=REPAIR");
        JsonNode dailyChannels = chart(page, "chart-daily-channels").get("series");
        assertThat(dailyChannels.get(1).get("name").asString()).isEqualTo("接访");
        assertThat(links(dailyChannels.get(1).get("links"))).containsExactly(
                "/dashboard/contacts?from=2026-11-01&to=2026-11-01&project=SH-LJY&channel=VISIT",
                "/dashboard/contacts?from=2026-11-02&to=2026-11-02&project=SH-LJY&channel=VISIT");
        JsonNode dailyCategories = chart(page, "chart-daily-categories").get("series");
        assertThat(dailyCategories.valueStream().map(c -> c.get("links").get(1).asString()).toList())
                .containsExactly(
                        "/dashboard/contacts?from=2026-11-02&to=2026-11-02&project=SH-LJY&category=INQUIRY",
                        "/dashboard/contacts?from=2026-11-02&to=2026-11-02&project=SH-LJY&category=COMPLAINT",
                        "/dashboard/contacts?from=2026-11-02&to=2026-11-02&project=SH-LJY&category=REPAIR");
        // a rate is no count of contacts: its day opens that day's dashboard
        assertThat(links(chart(page, "chart-daily-rates").get("series").get(0).get("links")))
                .containsExactly("/dashboard?from=2026-11-01&to=2026-11-01&project=SH-LJY",
                        "/dashboard?from=2026-11-02&to=2026-11-02&project=SH-LJY");
        // the table equivalents: the cell's contacts beside its proposal, a day's category count
        assertThat(page).contains("href=\"/dashboard/contacts?from=2026-11-01&amp;to=2026-11-02&amp;project=SH-LJY"
                        + "&amp;category=REPAIR\">来电来访</a>",
                "href=\"/proposals?projectCode=SH-LJY&amp;category=REPAIR#new-proposal\"");
        assertThat(dailyTable(page)).contains("href=\"/dashboard/contacts?from=2026-11-01&amp;to=2026-11-01"
                + "&amp;project=SH-LJY&amp;category=REPAIR\">4</a>");
    }

    private static final String FIGURE_CONTACTS = """
            {"content":[{"id":"K-1","receivedAt":"2026-11-02T09:30:00+08:00","channel":"PHONE","channelLabel":"接电",
              "agentId":"A001","projectCode":"SH-LJY","unit":"3-1-502","category":"REPAIR","categoryLabel":"报修",
              "settledAtFirstContact":false,"phone":"138****5678"},
             {"id":"K-2","receivedAt":"2026-11-01T18:05:00+08:00","channel":"VISIT","channelLabel":"接访",
              "agentId":"A002","projectCode":"SH-LJY","category":"REPAIR","categoryLabel":"报修",
              "settledAtFirstContact":true,"phone":"139****1111"}],
             "page":0,"size":20,"totalElements":23,"totalPages":2}""";

    @Test
    void theContactsBehindAFigureAreAskedOfIntakeWithTheUsersTokenAndFiltersAndListedMasked() throws Exception {
        intake.answer("GET /api/v1/contacts/behind-figure", 200, FIGURE_CONTACTS);

        String page = mvc.perform(get("/dashboard/contacts").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-02").param("project", "SH-LJY").param("category", "REPAIR")
                        .param("channel", "PHONE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        StubService.Received asked = intake.received("GET", "/api/v1/contacts/behind-figure").get(0);
        assertThat(asked.authorization()).startsWith("Bearer ");
        assertThat(asked.path()).contains("from=2026-11-01", "to=2026-11-02", "projectCode=SH-LJY",
                "category=REPAIR", "channel=PHONE", "page=0", "size=20");
        String table = page.substring(page.indexOf("id=\"drill-contacts\""), page.indexOf("</table>"));
        assertThat(table).contains("data-contact=\"K-1\"", "11-02 09:30", "A001", "3-1-502", "报修", "接电",
                "138****5678", "data-contact=\"K-2\"", "11-01 18:05", "接访", "139****1111")
                .as("nothing sensitive is linked from the rows").doesNotContain("href=");
        assertThat(page).contains("共 23 次", "第 1 / 2 页",
                "href=\"/dashboard/contacts?from=2026-11-01&amp;to=2026-11-02&amp;project=SH-LJY&amp;category=REPAIR"
                        + "&amp;channel=PHONE&amp;page=1\"");
    }

    @Test
    void aSupervisorOpensTheContactsAndFiltersThatAreNoCodeAreDropped() throws Exception {
        intake.answer("GET /api/v1/contacts/behind-figure", 200, FIGURE_CONTACTS);

        mvc.perform(get("/dashboard/contacts").with(logins.supervisor()).param("from", "2026-11-01")
                        .param("to", "2026-11-01").param("category", "<script>").param("channel", "FAX"))
                .andExpect(status().isOk());

        assertThat(intake.received("GET", "/api/v1/contacts/behind-figure").get(0).path())
                .contains("from=2026-11-01", "to=2026-11-01").doesNotContain("category", "channel", "projectCode");
    }

    @Test
    void aBadPeriodOfTheContactsIsExplainedBesideTheDateAndIntakeIsNotAsked() throws Exception {
        String page = mvc.perform(get("/dashboard/contacts").with(logins.manager()).param("from", "2026-11-30")
                        .param("to", "2026-11-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"to-error\"", "结束日期不能早于开始日期");
        assertThat(intake.received("GET", "/")).isEmpty();
    }

    @Test
    void aSupervisorSeesTheDashboardButNotTheManagersLinks() throws Exception {
        reports();
        String page = mvc.perform(get("/dashboard").with(logins.supervisor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chart-agents\"").doesNotContain("href=\"/proposals\"");
    }
    @Test
    void aManagerSeesTheRankingsWithTheChangeAndEachOutcomeWithItsReasons() throws Exception {
        reports();
        evaluation.answer("GET /api/v1/evaluations", 200, """
                {"periodType":"MONTH","from":"2026-11-01","to":"2026-11-30","evaluations":[
                  {"evaluationId":"AGENT.A001.MONTH.2026-11-01","revision":1,"subjectType":"AGENT","subjectId":"A001",
                   "periodType":"MONTH","from":"2026-11-01","to":"2026-11-30","score":61.1,"rank":2,"rankedOf":2,
                   "previousScore":70.0,"outcome":"TRAINING","weakKpis":["answerWithinThreeRings"],
                   "reasons":["综合得分 61.1 低于 70.0"],"provisional":false}]}""");
        String page = mvc.perform(get("/evaluations").with(logins.manager()).param("from", "2026-11-01")
                        .param("to", "2026-11-30").param("periodType", "MONTH").param("start", "2026-11-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"agent-A001\"", "61.1", "-8.9", "+12", "培训", "表彰奖励", "三声内接听率",
                "三声内接听率 60.0 低于目标 90.0", "综合得分 61.1 低于 70.0", "工程维修部",
                "/evaluations/export?periodType=MONTH&amp;start=2026-11-01");
        assertThat(evaluation.received("GET", "/api/v1/evaluations").get(0).path())
                .contains("periodType=MONTH", "start=2026-11-01");
    }

    @Test
    void aManagerRunsAPeriodsEvaluationThroughEvaluationsOwnRun() throws Exception {
        evaluation.answer("POST /api/v1/evaluations", 200, """
                {"periodType":"MONTH","from":"2026-11-01","to":"2026-11-30","policyVersion":"2026-12",
                 "published":5,"unchanged":1,"outcomes":{"TRAINING":2}}""");
        mvc.perform(post("/evaluations/run").with(logins.manager()).with(csrf()).param("periodType", "MONTH")
                        .param("start", "2026-11-01"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/evaluations?")))
                .andExpect(flash().attributeExists("run"));
        StubService.Received sent = evaluation.received("POST", "/api/v1/evaluations").get(0);
        assertThat(sent.body()).contains("\"periodType\":\"MONTH\"", "\"start\":\"2026-11-01\"");
        assertThat(sent.authorization()).startsWith("Bearer ");
    }

    @Test
    void aRefusedRunIsExplainedBesideTheField() throws Exception {
        reports();
        evaluation.answer("GET /api/v1/evaluations", 200, """
                {"periodType":"MONTH","from":"2026-11-01","to":"2026-11-30","evaluations":[]}""");
        evaluation.answer("POST /api/v1/evaluations", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"start","message":"a month starts on the 1st"}]}""");
        String page = mvc.perform(post("/evaluations/run").with(logins.manager()).with(csrf()).param("periodType", "MONTH")
                        .param("start", "2026-11-03"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"start-error\"", "月考核为每月 1 日", "value=\"2026-11-03\"")
                .doesNotContain("a month starts on the 1st");
    }

    @Test
    void theOutcomesDownloadAsEvaluationsExcelSheet() throws Exception {
        evaluation.answer("GET /api/v1/evaluations", 200, XLSX, "PK\u0003\u0004 outcomes");
        mvc.perform(get("/evaluations/export").with(logins.manager()).param("periodType", "WEEK")
                        .param("start", "2026-11-23"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX));
        assertThat(evaluation.received("GET", "/api/v1/evaluations").get(0).path())
                .contains("periodType=WEEK", "start=2026-11-23", "format=xlsx");
    }

    private void proposals() {
        evaluation.answer("GET /api/v1/issues/proposals", 200, """
                {"content":[{"id":"P-1","projectCode":"SH-LJY","category":"REPAIR","categoryLabel":"报修",
                  "title":"更换 3 号楼水泵","owner":"D-ENG-01","dueDate":"2026-12-31","overdue":false,
                  "status":"IN_PROGRESS","statusLabel":"进行中","recordedBy":"M001","recordedAt":"2026-11-02T02:00:00Z",
                  "version":3,"volume":{"weeks":[{"week":"2026-W44","from":"2026-10-26","to":"2026-11-01",
                  "contacts":6,"phase":"BEFORE","complete":true}],"beforeAverage":5.5,"afterAverage":2.0,"fell":true}}],
                 "page":0,"size":20,"totalElements":1,"totalPages":1}""");
    }

    @Test
    void aManagerSeesTheProposalsWithTheirVolumeAndTheFormFilledFromTheHeatMap() throws Exception {
        proposals();
        String page = mvc.perform(get("/proposals").with(logins.manager()).param("projectCode", "SH-LJY")
                        .param("category", "REPAIR"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("更换 3 号楼水泵", "进行中", "周均 5.5 → 2.0", "（已下降）", "2026-W44",
                "id=\"new-proposal\"", "value=\"REPAIR\" selected")
                .containsPattern("id=\"export-proposals\" download\\s+href=\"/dashboard/export/proposals\"")
                .containsPattern("<input id=\"proposal-projectCode\"[^>]*value=\"SH-LJY\"");
    }

    @Test
    void aProposalIsRecordedAndItsOwnerDueDateAndStatusChangedAsOfTheVersionSeen() throws Exception {
        proposals();
        evaluation.answer("POST /api/v1/issues/proposals", 201, """
                {"id":"P-2","projectCode":"SH-LJY","category":"REPAIR","title":"加装排水","status":"PROPOSED","version":0}""");
        mvc.perform(post("/proposals").with(logins.manager()).with(csrf()).param("projectCode", "SH-LJY")
                        .param("category", "REPAIR").param("title", "加装排水").param("owner", "D-ENG-01")
                        .param("dueDate", "2026-12-20"))
                .andExpect(status().isFound()).andExpect(flash().attribute("recorded", "P-2"));
        assertThat(evaluation.received("POST", "/api/v1/issues/proposals").get(0).body())
                .contains("\"projectCode\":\"SH-LJY\"", "\"owner\":\"D-ENG-01\"", "\"dueDate\":\"2026-12-20\"")
                .doesNotContain("description");

        evaluation.answer("PATCH /api/v1/issues/proposals/P-1", 200, """
                {"id":"P-1","status":"DONE","version":4}""");
        mvc.perform(post("/proposals/P-1").with(logins.manager()).with(csrf()).param("status", "DONE")
                        .param("owner", "D-ENG-02").param("dueDate", "2026-12-31").param("version", "3"))
                .andExpect(status().isFound()).andExpect(flash().attribute("changed", "P-1"));
        StubService.Received change = evaluation.received("PATCH", "/api/v1/issues/proposals/P-1").get(0);
        assertThat(change.ifMatch()).isEqualTo("\"3\"");
        assertThat(change.body()).contains("\"status\":\"DONE\"", "\"owner\":\"D-ENG-02\"");
    }

    @Test
    void aRefusedProposalIsExplainedBesideEachFieldAndTheTypedTextStays() throws Exception {
        proposals();
        evaluation.answer("POST /api/v1/issues/proposals", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"owner","message":"required"},{"field":"dueDate","message":"not in the past"}]}""");
        String page = mvc.perform(post("/proposals").with(logins.manager()).with(csrf()).param("projectCode", "SH-LJY")
                        .param("category", "REPAIR").param("title", "加装排水").param("dueDate", "2020-01-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"owner-error\"", "请填写负责人的员工编号", "id=\"dueDate-error\"",
                        "请填写今天或以后的完成期限", "aria-describedby=\"owner-error\"")
                .containsPattern("<input id=\"proposal-title\"[^>]*value=\"加装排水\"")
                .doesNotContain("not in the past");
    }

    @Test
    void aChangeToAProposalSomebodyElseChangedIsRefusedWithTheLatestShown() throws Exception {
        proposals();
        evaluation.answer("PATCH /api/v1/issues/proposals/P-1", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409}""");
        String page = mvc.perform(post("/proposals/P-1").with(logins.manager()).with(csrf()).param("status", "DONE")
                        .param("version", "2"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("该建议已被他人修改", "更换 3 号楼水泵");
    }

    @Test
    void onlyManagersOpenTheEvaluationsAndProposals() throws Exception {
        for (RequestPostProcessor who : List.of(logins.agent(), logins.supervisor(), logins.engineer())) {
            mvc.perform(get("/evaluations").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/proposals").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/evaluations/run").with(who).with(csrf()).param("periodType", "MONTH")
                    .param("start", "2026-11-01")).andExpect(status().isForbidden());
        }
        assertThat(evaluation.received("GET", "/")).isEmpty();
        assertThat(evaluation.received("POST", "/")).isEmpty();
    }
}
