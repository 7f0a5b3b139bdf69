package com.caseflow.routing.rules.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.rules.application.TransferLearning;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments' transfers are counted against the rule that routed each case; managers read the most corrected
 * rules as suggestions they can dry-run — the rules in force stay as they are.
 */
@RoutingServiceTest
class TransferSuggestionsApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String SUGGESTIONS = "/api/v1/routing-rules/transfer-suggestions";

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    CaseStore cases;
    @Autowired
    TransferLearning learning;
    @Autowired
    MongoTemplate mongo;

    private Api manager() {
        return new Api(port, IDP.token("M001", "MANAGER"));
    }

    private Case routed(String matter) {
        EventEnvelope<ContactReceived> contact = Contacts.call("136" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                "SH-LJY", UUID.randomUUID().toString().substring(0, 6) + "栋", ContactCategory.COMPLAINT, matter);
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                CaseDocument.class).state();
    }

    private static JsonNode ruleIn(JsonNode report, String ruleId, long version) {
        for (JsonNode rule : report.get("rules")) {
            if (rule.get("ruleId").asString().equals(ruleId) && rule.get("ruleVersion").asLong() == version) {
                return rule;
            }
        }
        return null;
    }

    @Test
    void whenPropertyManagementKeepsTransferringInvoicesThenManagersSeeTheRuleTheShareAndADraftToDryRun() {
        List<Case> opened = new ArrayList<>();
        for (String matter : List.of("物业费发票一直不给开", "交了物业费要发票，物业说不归他们管", "物业费的发票开错了抬头",
                "物业保洁太差，垃圾没人收")) {
            opened.add(routed(matter));
        }
        Case first = opened.get(0);
        assertThat(opened).allSatisfy(c -> {
            assertThat(c.departmentCode()).isEqualTo("PROPERTY_MANAGEMENT");
            assertThat(c.ruleId()).isEqualTo("subject-property");
            assertThat(c.reasons().get(0)).startsWith("PROPERTY_MANAGEMENT by rule subject-property v"
                    + c.ruleVersion());
        });
        assertThat(manager().get("/api/v1/cases/" + first.id()).json().get("reasons").valueStream()
                .map(JsonNode::asString)).contains("topic finance 收费退款发票 [finance]: 发票");
        Api property = new Api(port, IDP.departmentToken("D-PM-01", "PROPERTY_MANAGEMENT"));
        for (Case c : opened.subList(0, 3)) {
            Api.Response moved = property.post("/api/v1/cases/" + c.id() + "/transfer",
                    "{\"toDepartment\":\"FINANCE\",\"reason\":\"发票由财务开\"}");
            assertThat(moved.status()).isEqualTo(200);
        }
        // the same transfer reported again (a retry after a timeout) is not counted twice
        learning.transferred(cases.find(first.id()).orElseThrow().state());

        JsonNode report = manager().get(SUGGESTIONS + "?days=30&minCases=3").json();
        JsonNode rule = ruleIn(report, "subject-property", first.ruleVersion());

        long routedByRule = mongo.count(Query.query(Criteria.where("state.ruleId").is("subject-property")
                .and("state.ruleVersion").is(first.ruleVersion())), CaseDocument.class);
        long transferredByRule = mongo.count(Query.query(Criteria.where("state.ruleId").is("subject-property")
                .and("state.ruleVersion").is(first.ruleVersion())
                .and("state.history.type").is(EventTypes.CASE_TRANSFERRED)), CaseDocument.class);
        assertThat(rule).isNotNull();
        assertThat(rule.get("departmentCode").asString()).isEqualTo("PROPERTY_MANAGEMENT");
        assertThat(rule.get("routedCases").asLong()).isEqualTo(routedByRule).isGreaterThanOrEqualTo(4);
        assertThat(rule.get("transferredCases").asLong()).isEqualTo(transferredByRule).isGreaterThanOrEqualTo(3);
        assertThat(rule.get("transfers").asLong()).isEqualTo(transferredByRule);
        assertThat(rule.get("share").asDouble()).isEqualTo(
                Math.round(transferredByRule * 1000.0 / routedByRule) / 1000.0);
        assertThat(rule.get("wentTo").get(0).get("departmentCode").asString()).isEqualTo("FINANCE");
        assertThat(rule.get("keywords").findValuesAsString("keyword")).contains("物业费", "发票");
        assertThat(rule.get("wentTo").get(0).get("cases").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rule.get("suggestion").asString()).contains("subject-property", "FINANCE", "发票");
        JsonNode draft = rule.get("draftRule");
        assertThat(draft.get("departmentCode").asString()).isEqualTo("FINANCE");
        assertThat(draft.get("keywords").valueStream().map(JsonNode::asString)).contains("发票");
        assertThat(rule.get("insertBefore").asString()).isEqualTo("subject-property");

        // a suggestion is only a suggestion: the rules in force did not change …
        JsonNode current = manager().get("/api/v1/routing-rules").json();
        String invoice = "{\"category\":\"COMPLAINT\",\"matter\":\"物业费发票还是没开\",\"callerType\":\"OWNER\"";
        assertThat(current.get("version").asLong()).isEqualTo(report.get("currentVersion").asLong());
        assertThat(manager().post("/api/v1/routing-rules/dry-run", invoice + "}").json()
                .get("departmentCode").asString()).isEqualTo("PROPERTY_MANAGEMENT");
        // … and the manager can dry-run the draft before the rule it would precede, then decide
        List<JsonNode> candidate = new ArrayList<>();
        for (JsonNode r : current.get("rules")) {
            if (r.get("id").asString().equals("subject-property")) {
                candidate.add(draft);
            }
            candidate.add(r);
        }
        JsonNode tried = manager().post("/api/v1/routing-rules/dry-run", invoice + ",\"candidateRules\":"
                + candidate + "}").json();
        assertThat(tried.get("departmentCode").asString()).isEqualTo("FINANCE");
        assertThat(tried.get("ruleId").asString()).isEqualTo(draft.get("id").asString());
        assertThat(manager().get("/api/v1/routing-rules").json().get("version").asLong())
                .isEqualTo(current.get("version").asLong());
    }

    @Test
    void whenSomeoneOtherThanAManagerOrAdminAsksOrTheWindowIsWrongThenTheyAreRefused() {
        assertThat(new Api(port, IDP.token("ADMIN01", "ADMIN")).get(SUGGESTIONS).status()).isEqualTo(200);
        assertThat(new Api(port, IDP.token("S001", "SUPERVISOR")).get(SUGGESTIONS).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.token("A001", "AGENT")).get(SUGGESTIONS).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.departmentToken("D-PM-01", "PROPERTY_MANAGEMENT")).get(SUGGESTIONS).status())
                .isEqualTo(403);

        Api.Response zero = manager().get(SUGGESTIONS + "?days=0&minCases=0");
        Api.Response word = manager().get(SUGGESTIONS + "?days=abc");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("days",
                "minCases");
        assertThat(word.status()).isEqualTo(400);
    }
}
