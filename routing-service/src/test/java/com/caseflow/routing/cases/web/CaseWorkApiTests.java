package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
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

/** The departments' work through the API: every step, its 409s, and who may see and do what. */
@RoutingServiceTest
class CaseWorkApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    MongoTemplate mongo;

    private Api engineer() {
        return new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
    }

    private Api as(String token) {
        return new Api(port, token);
    }

    /** A repair contact routed straight through the router: its case sits in engineering's queue. */
    private String engineeringCase(String matter) {
        EventEnvelope<ContactReceived> contact = Contacts.call("139" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                "SH-LJY", UUID.randomUUID().toString().substring(0, 6) + "栋1单元101", ContactCategory.REPAIR, matter);
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                org.bson.Document.class, "cases").getString("_id");
    }

    @Test
    void whenTheDepartmentWorksACaseThenEachStepIsRecordedInOrderAndTheHistoryShowsIt() {
        String id = engineeringCase("阳台推拉门关不上");
        Api api = engineer();

        Api.Response accepted = api.post("/api/v1/cases/" + id + "/accept", "");
        Api.Response noted = api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"已约定周六上门维修\"}",
                "If-Match", accepted.header("ETag"));
        Api.Response resolved = api.post("/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"已更换滑轮\"}");
        Api.Response history = api.get("/api/v1/cases/" + id + "/history");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.json().get("ownerId").asString()).isEqualTo("D-ENG-01");
        assertThat(noted.status()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("resolution").asString()).isEqualTo("已更换滑轮");
        List<String> types = new ArrayList<>();
        history.json().forEach(step -> types.add(step.get("type").asString()));
        assertThat(types).containsExactly("caseflow.case.routed.v1", "caseflow.case.accepted.v1",
                "caseflow.case.note-added.v1", "caseflow.case.resolved.v1");
        assertThat(history.json().get(2).get("detail").asString()).isEqualTo("已约定周六上门维修");
    }

    @Test
    void eachOpenCaseInTheQueueSaysHowMuchWorkingTimeIsLeftBeforeItsNextDeadline() {
        String id = engineeringCase("厨房吊柜松动");
        Api api = engineer();
        JsonNode before = queued(api, id);
        int firstResponse = before.get("deadlines").get("firstResponseMinutes").asInt();

        // opened moments ago: all of the first-response time is left, less what has passed of working time since
        assertThat(before.get("workingMinutesLeft").asLong()).isBetween((long) firstResponse - 30, (long) firstResponse);
        api.post("/api/v1/cases/" + id + "/accept", "");
        JsonNode accepted = queued(api, id);
        int resolution = accepted.get("deadlines").get("resolutionMinutes").asInt();
        assertThat(accepted.get("workingMinutesLeft").asLong()).isBetween((long) resolution - 30, (long) resolution);
        api.post("/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"已加固\"}");
        assertThat(api.get("/api/v1/cases/" + id).json().has("workingMinutesLeft")).isFalse();
    }

    private static JsonNode queued(Api api, String id) {
        for (JsonNode c : api.get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("case " + id + " is not in engineering's queue");
    }

    @Test
    void whenAStepIsNotAllowedNowThenTheAnswerIs409AndTheCaseIsUnchanged() {
        String id = engineeringCase("卫生间墙砖脱落");
        Api api = engineer();

        Api.Response resolveUnaccepted = api.post("/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"x\"}");
        api.post("/api/v1/cases/" + id + "/accept", "");
        Api.Response acceptTwice = api.post("/api/v1/cases/" + id + "/accept", "");
        Api.Response transferToSelf = api.post("/api/v1/cases/" + id + "/transfer",
                "{\"toDepartment\":\"ENGINEERING\",\"reason\":\"x\"}");
        Api.Response resolvedByColleague = new Api(port, IDP.departmentToken("D-ENG-02", "ENGINEERING"))
                .post("/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"我来关\"}");
        api.post("/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"已修复\"}");
        Api.Response noteOnResolved = api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"x\"}");

        for (Api.Response refused : List.of(resolveUnaccepted, acceptTwice, transferToSelf, resolvedByColleague,
                noteOnResolved)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:invalid-transition");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/cases/" + id + "/history").json()).hasSize(3);
    }

    @Test
    void whenTwoPeopleEditTheSameVersionThenTheSecondGets409() {
        String id = engineeringCase("地下室墙面渗漏");
        Api api = engineer();
        String etag = api.get("/api/v1/cases/" + id).header("ETag");

        Api.Response first = api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"第一条\"}", "If-Match", etag);
        Api.Response second = new Api(port, IDP.departmentToken("D-ENG-02", "ENGINEERING"))
                .post("/api/v1/cases/" + id + "/notes", "{\"note\":\"第二条\"}", "If-Match", etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:caseflow:problem:conflict");
        assertThat(api.get("/api/v1/cases/" + id + "/history").json()).hasSize(2);
    }

    @Test
    void whenACaseIsTransferredThenItLeavesTheQueueForTheNewDepartmentWithNewDeadlinesAndItsHistory() {
        String id = engineeringCase("楼上噪音扰民，需要物业协调");
        Api api = engineer();
        JsonNode before = api.get("/api/v1/cases/" + id).json();

        Api.Response transferred = api.post("/api/v1/cases/" + id + "/transfer",
                "{\"toDepartment\":\"PROPERTY_MANAGEMENT\",\"reason\":\"属物业管理范围\"}");
        Api.Response engineerReads = api.get("/api/v1/cases/" + id);
        Api.Response pmReads = as(IDP.departmentToken("D-PM-01", "PROPERTY_MANAGEMENT")).get("/api/v1/cases/" + id);
        Api.Response pmQueue = as(IDP.departmentToken("D-PM-01", "PROPERTY_MANAGEMENT"))
                .get("/api/v1/departments/PROPERTY_MANAGEMENT/cases?size=100");

        assertThat(transferred.status()).isEqualTo(200);
        assertThat(transferred.json().get("departmentCode").asString()).isEqualTo("PROPERTY_MANAGEMENT");
        assertThat(transferred.json().get("deadlines")).isNotEqualTo(before.get("deadlines"));
        assertThat(engineerReads.status()).isEqualTo(403);
        assertThat(pmReads.status()).isEqualTo(200);
        assertThat(pmReads.json().get("history").get(1).get("detail").asString())
                .contains("ENGINEERING → PROPERTY_MANAGEMENT", "属物业管理范围");
        assertThat(pmQueue.json().get("content").findValuesAsString("id")).contains(id);
    }

    @Test
    void whenStaffOfAnotherDepartmentOrAnAgentTryACaseThenTheyAreRefusedAndReviewersOnlyRead() {
        String id = engineeringCase("车库顶棚掉灰");
        Api customerService = as(IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        Api supervisor = as(IDP.token("S001", "SUPERVISOR"));
        Api agent = as(IDP.token("A001", "AGENT"));

        assertThat(customerService.get("/api/v1/cases/" + id).status()).isEqualTo(403);
        assertThat(customerService.post("/api/v1/cases/" + id + "/accept", "").status()).isEqualTo(403);
        assertThat(customerService.get("/api/v1/departments/ENGINEERING/cases").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/cases/" + id).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/departments/ENGINEERING/cases").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/cases/" + id + "/accept", "").status()).isEqualTo(403);
        assertThat(as("not-a-token").get("/api/v1/cases/" + id).status()).isEqualTo(401);

        Api.Response reviewed = supervisor.get("/api/v1/cases/" + id);
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.json().get("customer").get("phone").asString()).contains("****");
        assertThat(engineer().get("/api/v1/cases/" + id).json().get("customer").get("phone").asString())
                .doesNotContain("*");
    }

    @Test
    void whenTheQueueIsFilteredAndSortedThenOnlyMatchingCasesComeMostUrgentFirst() {
        String normal = engineeringCase("门锁松动");
        String urgent = engineeringCase("卫生间天花板漏水，一直往下滴");
        Api api = engineer();

        JsonNode urgentFirst = api.get("/api/v1/departments/ENGINEERING/cases?sort=urgent&size=100").json();
        JsonNode onlyUrgent = api.get("/api/v1/departments/ENGINEERING/cases?priority=URGENT&size=100").json();
        Api.Response badPaging = api.get("/api/v1/departments/ENGINEERING/cases?size=1000&sort=random");

        List<String> order = urgentFirst.get("content").findValuesAsString("id");
        assertThat(order.indexOf(urgent)).isLessThan(order.indexOf(normal));
        assertThat(onlyUrgent.get("content").findValuesAsString("priority")).containsOnly("URGENT");
        assertThat(onlyUrgent.get("content").findValuesAsString("id")).contains(urgent).doesNotContain(normal);
        assertThat(badPaging.status()).isEqualTo(400);
        assertThat(badPaging.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("size", "sort");
    }

    @Test
    void whenARequestIsMalformedThenEveryBadFieldIsNamedAndNothingChanges() {
        String id = engineeringCase("窗户密封条老化");
        Api api = engineer();

        Api.Response noReason = api.post("/api/v1/cases/" + id + "/transfer", "{\"toDepartment\":\"\"}");
        Api.Response unknownField = api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"x\",\"ownerId\":\"me\"}");
        Api.Response badEtag = api.post("/api/v1/cases/" + id + "/accept", "", "If-Match", "yesterday");
        Api.Response nowhere = api.post("/api/v1/cases/" + id + "/transfer",
                "{\"toDepartment\":\"ATLANTIS\",\"reason\":\"x\"}");
        Api.Response missing = api.post("/api/v1/cases/" + UUID.randomUUID() + "/accept", "");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("toDepartment", "reason");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(badEtag.status()).isEqualTo(400);
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + id + "/history").json()).hasSize(1);
    }
}
