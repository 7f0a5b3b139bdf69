package com.caseflow.routing.rules.web;

import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators and managers edit the routing rules at run time; everyone who routes can ask where a contact would go. */
@RoutingServiceTest
class RoutingRulesApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;

    private Api manager() {
        return new Api(port, IDP.token("M001", "MANAGER"));
    }

    private static String dryRun(String category, String matter) {
        return "{\"category\":\"" + category + "\",\"matter\":\"" + matter + "\",\"projectCode\":\"SH-LJY\","
                + "\"channel\":\"PHONE\"}";
    }

    @Test
    void whenADryRunAsksWhereAContactGoesThenItNamesTheDepartmentTheRuleAndItsVersion() {
        JsonNode repair = manager().post("/api/v1/routing-rules/dry-run", dryRun("REPAIR", "卫生间天花板漏水")).json();
        JsonNode lawyer = new Api(port, IDP.token("A001", "AGENT"))
                .post("/api/v1/routing-rules/dry-run", dryRun("COMPLAINT", "再不处理我就请律师起诉")).json();
        JsonNode question = manager().post("/api/v1/routing-rules/dry-run", dryRun("INQUIRY", "几点开门")).json();

        assertThat(repair.get("departmentCode").asString()).isEqualTo("ENGINEERING");
        assertThat(repair.get("ruleId").asString()).isEqualTo("safety-engineering");
        assertThat(repair.get("priority").asString()).isEqualTo("URGENT");
        assertThat(repair.get("topics").valueStream().map(JsonNode::asString)).contains("flooding");
        assertThat(repair.get("reasons").get(0).asString()).startsWith("ENGINEERING by rule safety-engineering v");
        assertThat(repair.get("reasons").valueStream().map(JsonNode::asString))
                .contains("URGENT 天花板漏水 [water-through-ceiling]: 漏水 + 天花板 + 天花");
        assertThat(lawyer.get("departmentCode").asString()).isEqualTo("LEGAL");
        assertThat(lawyer.get("matchedKeywords").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("律师", "起诉");
        assertThat(lawyer.get("priority").asString()).isEqualTo("URGENT");
        assertThat(question.get("departmentCode").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(question.get("ruleId").asString()).isEqualTo("default");
        assertThat(question.get("complexity").asString()).isEqualTo("GENERAL");
    }

    @Test
    void whenTheCallerTypeIsGivenThenTheRulesUseItAndABillThatMentionsGasStaysNormal() {
        String parking = "\"matter\":\"来看房停车场收了二十块停车费\"";
        JsonNode owner = manager().post("/api/v1/routing-rules/dry-run",
                "{\"category\":\"COMPLAINT\"," + parking + ",\"callerType\":\"OWNER\"}").json();
        JsonNode buyer = manager().post("/api/v1/routing-rules/dry-run",
                "{\"category\":\"COMPLAINT\"," + parking + ",\"callerType\":\"PROSPECTIVE_BUYER\"}").json();
        JsonNode bill = manager().post("/api/v1/routing-rules/dry-run",
                "{\"category\":\"INQUIRY\",\"matter\":\"燃气费在哪交\"}").json();

        assertThat(owner.get("departmentCode").asString()).isEqualTo("PROPERTY_MANAGEMENT");
        assertThat(buyer.get("departmentCode").asString()).isEqualTo("SALES");
        assertThat(buyer.get("ruleId").asString()).isEqualTo("buyer-complaints");
        assertThat(bill.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(bill.get("reasons").valueStream().map(JsonNode::asString))
                .contains("benign: 燃气费 cancels 燃气 (缴费、账单、卡和广告)");
    }

    @Test
    void whenARuleNamesATopicTheLexiconDoesNotKnowThenItIsRefusedNamingTheField() {
        long version = manager().get("/api/v1/routing-rules").json().get("version").asLong();

        Api.Response typo = manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":[{\"id\":\"lifts\",\"topics\":[\"lfit\"],"
                + "\"departmentCode\":\"PROPERTY_MANAGEMENT\"}]}");

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("errors").findValuesAsString("field")).containsExactly("rules[0].topics");
        assertThat(typo.json().get("errors").get(0).get("message").asString()).contains("lfit", "lift");
        assertThat(manager().get("/api/v1/routing-rules").json().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void whenAManagerPublishesRulesThenANewVersionDecidesAndTheOldOneStaysReadable() {
        JsonNode current = manager().get("/api/v1/routing-rules").json();
        long version = current.get("version").asLong();
        String rules = current.get("rules").toString();
        String withVip = rules.substring(0, rules.length() - 1)
                + ",{\"id\":\"vip-visits\",\"description\":\"样板间来访 → 销售部\",\"channels\":[\"VISIT\"],"
                + "\"projectCodes\":[\"BJ-YHY\"],\"departmentCode\":\"SALES\"}]";

        Api.Response published = manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":" + withVip + "}");
        Api.Response stale = manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":" + rules + "}");
        JsonNode visit = manager().post("/api/v1/routing-rules/dry-run",
                "{\"category\":\"INQUIRY\",\"matter\":\"看样板间\",\"projectCode\":\"BJ-YHY\",\"channel\":\"VISIT\"}")
                .json();

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(published.json().get("changedBy").asString()).isEqualTo("M001");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(visit.get("ruleId").asString()).isEqualTo("vip-visits");
        assertThat(visit.get("ruleVersion").asLong()).isEqualTo(version + 1);
        assertThat(manager().get("/api/v1/routing-rules/versions/" + version).json().get("rules").size())
                .isEqualTo(current.get("rules").size());
    }

    @Test
    void whenRulesAreInvalidThenEveryBadFieldIsNamedAndNoVersionIsPublished() {
        long version = manager().get("/api/v1/routing-rules").json().get("version").asLong();

        Api.Response bad = manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"NOWHERE\",\"rules\":[{\"id\":\"a\",\"categories\":[\"REPAIR\"],"
                + "\"departmentCode\":\"ATLANTIS\"},{\"id\":\"a\",\"keywords\":[\"\"],\"departmentCode\":\"SALES\"}]}");
        Api.Response wrongType = manager().put("/api/v1/routing-rules",
                "{\"basedOnVersion\":\"latest\",\"rules\":[]}");
        Api.Response unknownCategory = manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":[{\"id\":\"x\",\"categories\":[\"鬼\"],"
                + "\"departmentCode\":\"SALES\"}]}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "defaultDepartment", "rules[0].departmentCode", "rules[1].id", "rules[1].keywords[0]");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(manager().get("/api/v1/routing-rules").json().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void whenEachRoleUsesTheRulesThenAdministratorsAndManagersEditSupervisorsReadAndOthersAreRefused() {
        Api admin = new Api(port, IDP.token("ADM01", "ADMIN"));
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        Api engineer = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        JsonNode current = admin.get("/api/v1/routing-rules").json();
        long version = current.get("version").asLong();
        String same = "{\"basedOnVersion\":" + version + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":"
                + current.get("rules") + "}";

        Api.Response byAdmin = admin.put("/api/v1/routing-rules", same);

        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("changedBy").asString()).isEqualTo("ADM01");
        assertThat(admin.post("/api/v1/routing-rules/dry-run", dryRun("REPAIR", "漏水")).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/routing-rules/versions/" + version).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/routing-rules/versions").status()).isEqualTo(200);
        assertThat(manager().get("/api/v1/routing-rules/versions").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/routing-rules").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/routing-rules/versions").status()).isEqualTo(200);
        assertThat(supervisor.post("/api/v1/routing-rules/dry-run", dryRun("REPAIR", "x")).status()).isEqualTo(200);
        assertThat(supervisor.put("/api/v1/routing-rules", same).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/routing-rules/dry-run", dryRun("REPAIR", "x")).status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/routing-rules").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/routing-rules/versions").status()).isEqualTo(403);
        assertThat(agent.put("/api/v1/routing-rules", same).status()).isEqualTo(403);
        assertThat(engineer.get("/api/v1/routing-rules").status()).isEqualTo(403);
        assertThat(engineer.post("/api/v1/routing-rules/dry-run", dryRun("REPAIR", "x")).status()).isEqualTo(403);
        assertThat(manager().get("/api/v1/routing-rules").json().get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void whenTheVersionsAreListedThenEachSaysWhoPublishedItWhenAndHowManyRulesNewestFirst() {
        JsonNode current = manager().get("/api/v1/routing-rules").json();
        long version = current.get("version").asLong();
        String fewer = current.get("rules").get(0).toString();
        assertThat(manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + version
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":[" + fewer + "]}").status()).isEqualTo(200);

        JsonNode listed = manager().get("/api/v1/routing-rules/versions?size=2").json();
        JsonNode older = manager().get("/api/v1/routing-rules/versions?page=1&size=" + version).json();
        Api.Response bad = manager().get("/api/v1/routing-rules/versions?page=-1&size=101");
        assertThat(manager().put("/api/v1/routing-rules", "{\"basedOnVersion\":" + (version + 1)
                + ",\"defaultDepartment\":\"CUSTOMER_SERVICE\",\"rules\":" + current.get("rules") + "}").status())
                .isEqualTo(200);

        assertThat(listed.get("versions")).hasSize(2);
        JsonNode newest = listed.get("versions").get(0);
        assertThat(newest.get("version").asLong()).isEqualTo(version + 1);
        assertThat(newest.get("changedBy").asString()).isEqualTo("M001");
        assertThat(newest.get("changedAt").asString()).isNotBlank();
        assertThat(newest.get("ruleCount").asInt()).isEqualTo(1);
        assertThat(listed.get("versions").get(1).get("version").asLong()).isEqualTo(version);
        assertThat(listed.get("versions").get(1).get("ruleCount").asInt()).isEqualTo(current.get("rules").size());
        assertThat(listed.get("total").asLong()).isEqualTo(version + 1);
        assertThat(older.get("versions").get(0).get("version").asLong()).isEqualTo(1);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("page", "size");
    }

    @Test
    void whenAManagerRegistersADepartmentThenItCanReceiveCasesAndItsSlaIsValidated() {
        String department = "{\"nameZh\":\"园林绿化部\",\"nameEn\":\"Landscaping\",\"head\":\"LS-HEAD\",\"sla\":{"
                + "\"URGENT\":{\"firstResponseHours\":1,\"resolutionHours\":8},"
                + "\"HIGH\":{\"firstResponseHours\":4,\"resolutionHours\":24},"
                + "\"NORMAL\":{\"firstResponseHours\":8,\"resolutionHours\":72}}}";

        Api.Response saved = manager().put("/api/v1/departments/LANDSCAPING", department);
        Api.Response incomplete = manager().put("/api/v1/departments/lower-case",
                "{\"nameZh\":\"\",\"sla\":{\"URGENT\":{\"firstResponseHours\":1,\"resolutionHours\":8}}}");
        Api.Response byAgent = new Api(port, IDP.token("A001", "AGENT")).put("/api/v1/departments/X", department);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("nameZh").asString()).isEqualTo("园林绿化部");
        assertThat(saved.json().get("changedBy").asString()).isEqualTo("M001");
        assertThat(saved.json().get("changedAt").asString()).isNotBlank();
        assertThat(manager().get("/api/v1/departments/LANDSCAPING").json().get("changedBy").asString())
                .isEqualTo("M001");
        assertThat(manager().get("/api/v1/departments/ENGINEERING").json().get("changedBy").asString())
                .isEqualTo("demo-data");
        assertThat(manager().get("/api/v1/departments").json().valueStream()
                .filter(d -> d.get("code").asString().equals("LANDSCAPING"))
                .map(d -> d.get("changedBy").asString() + " " + d.get("version").asLong())).containsExactly("M001 0");
        assertThat(manager().get("/api/v1/departments").json().findValuesAsString("code")).contains("LANDSCAPING");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "code", "nameZh", "nameEn", "head", "sla.HIGH", "sla.NORMAL");
        assertThat(byAgent.status()).isEqualTo(403);
    }
}
