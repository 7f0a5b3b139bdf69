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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The teams and notification-channel pages against stand-ins for evaluation, follow-up and routing (as in
 * ConfigurationWebTests): what each page sends with whose token, what it shows (who changed what and when, masked
 * robot URLs, a secret only as "已设置"), each refused field explained in Chinese beside it, and who may not open them.
 */
@SpringBootTest
@Import(Logins.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"cases.dept.engineering", "calls"})
class TeamsAndChannelsWebTests {

    @RegisterExtension
    static final StandInServices services = new StandInServices();
    private static final StubService intake = services.intake;
    private static final StubService routing = services.routing;
    private static final StubService followup = services.followup;
    private static final StubService evaluation = services.evaluation;
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String TEAMS = """
            {"teams":[{"supervisorId":"S001","members":["A001","A002","R002"],"version":1,
                       "changedBy":"configuration","changedAt":"2026-11-01T00:00:00Z"},
                      {"supervisorId":"S002","members":["A003"],"version":3,"changedBy":"ADM-07",
                       "changedAt":"2025-12-03T02:30:00Z"}]}""";
    private static final String DEPARTMENTS = """
            [{"code":"CUSTOMER_SERVICE","nameZh":"客服中心","nameEn":"Customer service","head":"D-CS-01"},
             {"code":"ENGINEERING","nameZh":"工程维修部","nameEn":"Engineering","head":"D-ENG-01"}]""";
    private static final String ENGINEERING_CHANNELS = """
            {"departmentCode":"ENGINEERING",
             "wecom":{"webhookUrl":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****9f3a"},
             "dingtalk":{"webhookUrl":"https://oapi.dingtalk.com/robot/send?access_token=****77c1","secretSet":true},
             "version":4,"changedBy":"ADM-07","changedAt":"2025-12-03T02:30:00Z"}""";
    private static final String SECRET = "SEC0f3c1d2e4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff";

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
        evaluation.answer("GET /api/v1/teams", 200, TEAMS);
    }

    @Test
    void theTeamsAreListedWithTheirMembersAndWhoChangedThemWhenAndTheMenuOffersThemToAnAdministrator()
            throws Exception {
        String page = mvc.perform(get("/admin/teams").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"team-S001\"", "A001、A002、R002", "初始配置", "id=\"team-S002\"", "ADM-07",
                "2025-12-03 10:30", "href=\"/admin/teams/S002\"");
        assertThat(evaluation.received("GET", "/api/v1/teams").get(0).authorization()).startsWith("Bearer ");
        String menu = mvc.perform(get("/admin").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(menu).contains("id=\"admin-teams\"", "id=\"admin-channels\"", "id=\"admin-projects\"");
    }

    @Test
    void whenEvaluationRefusesAMemberThenTheRowSaysInChineseWhichTeamHasThemAndTheTypedRowsStay() throws Exception {
        evaluation.answer("PUT /api/v1/teams/S002", 400, """
                {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"members[1]","message":"A001 is in the team of S001 already: take them out of it first (an agent is in one team at most)"},
                           {"field":"members[2]","message":"a staff id: letters, digits, '.', '_' or '-', at most 64, e.g. A001"}]}""");

        String page = mvc.perform(post("/admin/teams/S002").with(logins.admin()).with(csrf())
                        .param("member", "A003", "", "A001", "bad id", "").param("expectedVersion", "3"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        StubService.Received sent = evaluation.received("PUT", "/api/v1/teams/S002").get(0);
        JsonNode body = json.readTree(sent.body());
        assertThat(body.get("members").valueStream().map(JsonNode::asString).toList())
                .containsExactly("A003", "A001", "bad id");
        assertThat(body.get("expectedVersion").asLong()).isEqualTo(3);
        assertThat(sent.authorization()).startsWith("Bearer ");
        // the second and third members sent are the third and fourth rows typed: the blank row is not sent
        assertThat(page).contains("id=\"members-2-error\"", "A001 已在 S001 的班组中", "id=\"members-3-error\"",
                        "请填写坐席工号", "value=\"bad id\"", "name=\"expectedVersion\" value=\"3\"")
                .doesNotContain("id=\"members-1-error\"", "take them out");
    }

    @Test
    void whenAnAdministratorSavesATeamThenEvaluationGetsTheMembersAndTheListSaysSo() throws Exception {
        evaluation.answer("PUT /api/v1/teams/S002", 200, """
                {"supervisorId":"S002","members":["A003","A004"],"version":4,"changedBy":"ADM-01",
                 "changedAt":"2026-12-05T02:00:00Z"}""");

        mvc.perform(post("/admin/teams/S002").with(logins.admin()).with(csrf())
                        .param("member", "A003", " A004 ", "", "").param("expectedVersion", "3"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/teams"));

        JsonNode body = json.readTree(evaluation.received("PUT", "/api/v1/teams/S002").get(0).body());
        assertThat(body.get("members").valueStream().map(JsonNode::asString).toList()).containsExactly("A003", "A004");
    }

    @Test
    void aSupervisorWithoutATeamOpensAnEmptyFormAtVersionZeroAndAConflictIsSaid() throws Exception {
        String form = mvc.perform(get("/admin/teams/S009").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("该主管尚无班组", "name=\"expectedVersion\" value=\"0\"", "id=\"member-2\"");

        evaluation.answer("GET /api/v1/teams/S002", 200, """
                {"supervisorId":"S002","members":["A003"],"version":3,"changedBy":"ADM-07",
                 "changedAt":"2025-12-03T02:30:00Z"}""");
        String filled = mvc.perform(get("/admin/teams/S002").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filled).contains("value=\"A003\"", "name=\"expectedVersion\" value=\"3\"", "ADM-07 于 2025-12-03 10:30 修改");

        evaluation.answer("PUT /api/v1/teams/S002", 409, """
                {"type":"urn:caseflow:problem:conflict","title":"Conflict","status":409,
                 "detail":"the team of S002 is at version 4, not 3: read it again"}""");
        String conflict = mvc.perform(post("/admin/teams/S002").with(logins.admin()).with(csrf())
                        .param("member", "A003", "A005").param("expectedVersion", "3"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"team-conflict\"", "value=\"A005\"");

        mvc.perform(get("/admin/teams/open").param("supervisor", "not valid").with(logins.admin()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/teams/open").param("supervisor", "S010").with(logins.admin()))
                .andExpect(redirectedUrl("/admin/teams/S010"));
    }

    @Test
    void theChannelsAreListedPerDepartmentWithMaskedUrlsTheSecretOnlyAsSetAndWhoChangedThem() throws Exception {
        followup.answer("GET /api/v1/notification-channels", 200, "{\"channels\":[" + ENGINEERING_CHANNELS + "]}");

        String page = mvc.perform(get("/admin/channels").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"channels-ENGINEERING\"", "key=****9f3a", "access_token=****77c1", "已设置",
                "ADM-07", "id=\"channels-CUSTOMER_SERVICE\"", "未设置", "href=\"/admin/channels/ENGINEERING\"");
    }

    @Test
    void whenFollowUpRefusesAUrlAndASecretThenEachIsExplainedBesideItAndTheSecretTypedIsNotShownBack()
            throws Exception {
        followup.answer("GET /api/v1/notification-channels/ENGINEERING", 200, ENGINEERING_CHANNELS)
                .answer("PUT /api/v1/notification-channels/ENGINEERING", 400, """
                        {"type":"urn:caseflow:problem:invalid-request","title":"Invalid request","status":400,
                         "errors":[{"field":"wecom.webhookUrl","message":"must be https on qyapi.weixin.qq.com, e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"},
                                   {"field":"dingtalk.secret","message":"the robot's signing secret (加签) as DingTalk shows it"}]}""");

        String page = mvc.perform(post("/admin/channels/ENGINEERING").with(logins.admin()).with(csrf())
                        .param("wecomOn", "true").param("wecomUrl", "http://example.com/hook?key=abc")
                        .param("dingtalkOn", "true").param("dingtalkUrl", "").param("dingtalkSecret", "SEC-bad secret")
                        .param("expectedVersion", "4"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        JsonNode body = json.readTree(followup.received("PUT", "/api/v1/notification-channels/ENGINEERING").get(0)
                .body());
        assertThat(body.get("wecom").get("webhookUrl").asString()).isEqualTo("http://example.com/hook?key=abc");
        assertThat(body.get("dingtalk").has("webhookUrl")).isFalse();
        assertThat(body.get("dingtalk").get("secret").asString()).isEqualTo("SEC-bad secret");
        assertThat(body.get("expectedVersion").asLong()).isEqualTo(4);
        assertThat(page).contains("id=\"wecom-webhookUrl-error\"", "企业微信机器人的地址须为 https://qyapi.weixin.qq.com",
                        "id=\"dingtalk-secret-error\"", "加签密钥以 SEC 开头", "value=\"http://example.com/hook?key=abc\"")
                .doesNotContain("SEC-bad secret", "must be https");
    }

    @Test
    void whenAnAdministratorKeepsTheUrlAndSetsASecretThenFollowUpGetsOnlyWhatWasTypedAndAnUntickedRobotIsRemoved()
            throws Exception {
        followup.answer("GET /api/v1/notification-channels/ENGINEERING", 200, ENGINEERING_CHANNELS)
                .answer("PUT /api/v1/notification-channels/ENGINEERING", 200, ENGINEERING_CHANNELS);
        String form = mvc.perform(get("/admin/channels/ENGINEERING").with(logins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"wecomOn\" value=\"true\" checked", "key=****9f3a", "已设置",
                "type=\"password\"", "ADM-07 于 2025-12-03 10:30 修改", "name=\"expectedVersion\" value=\"4\"");

        mvc.perform(post("/admin/channels/ENGINEERING").with(logins.admin()).with(csrf())
                        .param("dingtalkOn", "true").param("dingtalkUrl", " ").param("dingtalkSecret", SECRET)
                        .param("expectedVersion", "4"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/channels"));

        JsonNode body = json.readTree(followup.received("PUT", "/api/v1/notification-channels/ENGINEERING").get(0)
                .body());
        assertThat(body.has("wecom")).isFalse();
        assertThat(body.get("dingtalk").has("webhookUrl")).isFalse();
        assertThat(body.get("dingtalk").get("secret").asString()).isEqualTo(SECRET);
    }

    @Test
    void aManagerAndAnAgentMayOpenNeitherPageAndNoServiceIsAsked() throws Exception {
        mvc.perform(get("/admin/teams").with(logins.manager())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/channels/ENGINEERING").with(logins.manager())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/teams/S002").with(logins.agent()).with(csrf()).param("member", "A001"))
                .andExpect(status().isForbidden());
        assertThat(evaluation.received("GET", "/api/v1/teams")).isEmpty();
        assertThat(evaluation.received("PUT", "/api/v1/teams")).isEmpty();
        assertThat(followup.received("GET", "/api/v1/notification-channels")).isEmpty();
        String menu = mvc.perform(get("/admin").with(logins.manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(menu).doesNotContain("id=\"admin-teams\"", "id=\"admin-channels\"");
    }
}
