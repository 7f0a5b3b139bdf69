package com.caseflow.routing.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseNoteAdded;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxRelay;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.HostileInput;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.caseflow.support.testing.HostileInput.bodyCases;
import static com.caseflow.support.testing.HostileInput.encoded;
import static com.caseflow.support.testing.HostileInput.fieldCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared hostile set against every write API of routing (a case's notes, transfer and resolution, departments,
 * routing rules and their dry run, the keyword lists and theirs, calendars and a year of one, on-duty rosters) and the text its queries take (a caller's cases by phone among them): each a 4xx naming the bad field, never a 5xx,
 * nothing stored and nothing published; markup is kept as the text it is.
 */
@RoutingServiceTest
class HostileInputTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final int MAX_BODY = 64 * 1024;

    private static final String DEPARTMENT = """
            {"nameZh":"工程部","nameEn":"Engineering","head":"ENG-HEAD",
             "sla":{"URGENT":{"firstResponseHours":1,"resolutionHours":8},
                    "HIGH":{"firstResponseHours":4,"resolutionHours":24},
                    "NORMAL":{"firstResponseHours":8,"resolutionHours":72}},
             "active":true,"expectedVersion":0}""";

    private static final String RULES = """
            {"basedOnVersion":1,"defaultDepartment":"CUSTOMER_SERVICE",
             "rules":[{"id":"leaks","description":"漏水 → 工程部","categories":["REPAIR"],"complexities":["COMPLEX"],
                       "projectCodes":["SH-LJY"],"channels":["PHONE"],"keywords":["漏水"],"minPriority":"HIGH",
                       "departmentCode":"ENGINEERING"}]}""";

    private static final String CALENDAR = """
            {"name":"办公日历","zone":"Asia/Shanghai",
             "weekdays":{"MONDAY":{"opens":"09:00","closes":"18:00","breakStarts":"12:00","breakEnds":"13:00"}},
             "makeUpDayHours":{"opens":"09:00","closes":"18:00"},"observesPublicHolidays":true,"years":[2026],
             "holidays":["2026-10-01"],"makeUpWorkingDays":["2026-10-10"],"source":"测试","expectedVersion":1}""";

    private static final String YEAR = """
            {"holidays":["2027-01-01"],"makeUpWorkingDays":["2027-01-09"],"source":"测试","expectedVersion":1}""";

    private static final String ROSTER = """
            {"from":"2027-03-01T08:00+08:00","to":"2027-03-02T08:00+08:00","expectedVersion":1,
             "shifts":[{"staffId":"D-ENG-01","start":"2027-03-01T08:00+08:00","end":"2027-03-01T20:00+08:00"}]}""";

    // one term only: every variant is refused for the missing terms too, so a hostile set can never publish
    private static final String LEXICON = """
            {"basedOnVersion":1,"terms":{"法律":["律师","起诉"]},"negators":["没有"],"hedges":["万一"],
             "benign":[{"phrases":["燃气费"],"why":"缴费"}]}""";

    private static final String LEXICON_DRY_RUN = """
            {"category":"COMPLAINT","matter":"我要请律师","callerType":"OWNER",
             "candidate":{"terms":{"法律":["律师"]},"negators":["没有"],"hedges":["万一"],
                          "benign":[{"phrases":["燃气费"],"why":"缴费"}]}}""";

    private static final String DRY_RUN = """
            {"category":"REPAIR","matter":"卫生间漏水","projectCode":"SH-LJY","channel":"PHONE"}""";

    @LocalServerPort
    int port;
    @Autowired
    EnvelopeReader reader;
    @Autowired
    ContactRouter router;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void whenEveryWriteApiIsFedTheHostileSetThenEachIsRefusedByNameAndNothingIsStoredOrPublished() {
        Api engineer = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        Api manager = engineer.as(IDP.token("M001", "MANAGER"));
        Api admin = engineer.as(IDP.token("ADMIN01", "ADMIN"));
        Api agent = engineer.as(IDP.token("A001", "AGENT"));
        HostileInput.signedIn(engineer, "/api/v1/departments");
        HostileInput.signedIn(admin, "/api/v1/calendars");
        HostileInput.signedIn(manager, "/api/v1/routing-rules");
        String id = engineeringCase();
        assertThat(engineer.post("/api/v1/cases/" + id + "/accept", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0 && pendingEvents() == 0);
        Document caseBefore = mongo.findById(id, Document.class, CaseDocument.COLLECTION);
        Document departmentBefore = mongo.findById("ENGINEERING", Document.class, "departments");
        long departments = mongo.count(new Query(), "departments");
        long ruleVersions = mongo.count(new Query(), "routing_rules");
        long lexiconVersions = mongo.count(new Query(), "routing_lexicon");
        Document calendarBefore = mongo.findById("CN-OFFICE", Document.class, "calendars");
        long calendarVersions = mongo.count(new Query(), "calendar_versions");
        Document rosterBefore = mongo.findById("ENGINEERING", Document.class, "duty_rosters");

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.CASES)) {
            long caseEvents = topic.readToEnd(Duration.ofSeconds(60)).stream().filter(r -> id.equals(r.key())).count();
            String cases = "/api/v1/cases/" + id;
            List<String> wrong = new ArrayList<>();
            wrong.addAll(HostileInput.refusals(engineer, "POST", cases + "/notes",
                    cases("{\"note\":\"已约定周六上门维修\"}")));
            wrong.addAll(HostileInput.refusals(engineer, "POST", cases + "/transfer",
                    cases("{\"toDepartment\":\"CUSTOMER_SERVICE\",\"reason\":\"不属于工程部\"}")));
            wrong.addAll(HostileInput.refusals(engineer, "POST", cases + "/resolve",
                    cases("{\"resolution\":\"已更换水管\"}")));
            wrong.addAll(HostileInput.refusals(manager, "PUT", "/api/v1/departments/ENGINEERING", cases(DEPARTMENT)));
            wrong.addAll(HostileInput.refusals(manager, "PUT", "/api/v1/routing-rules", cases(RULES)));
            wrong.addAll(HostileInput.refusals(manager, "POST", "/api/v1/routing-rules/dry-run", cases(DRY_RUN)));
            wrong.addAll(HostileInput.refusals(admin, "PUT", "/api/v1/routing-lexicon", cases(LEXICON)));
            wrong.addAll(HostileInput.refusals(admin, "POST", "/api/v1/routing-lexicon/dry-run",
                    cases(LEXICON_DRY_RUN)));
            wrong.addAll(HostileInput.refusals(admin, "PUT", "/api/v1/calendars/CN-OFFICE", cases(CALENDAR)));
            wrong.addAll(HostileInput.refusals(admin, "PUT", "/api/v1/calendars/CN-OFFICE/years/2027", cases(YEAR)));
            wrong.addAll(HostileInput.refusals(admin, "PUT", "/api/v1/departments/ENGINEERING/on-duty",
                    cases(ROSTER)));
            for (String control : HostileInput.CONTROL_TEXTS_IN_ADDRESSES) {
                String text = encoded(control).replace("+", "%20");
                check(wrong, engineer, "GET", "/api/v1/departments/ENGINEERING/cases?sort=" + text, "sort");
                check(wrong, agent, "GET", "/api/v1/cases?phone=" + text, "phone");
                check(wrong, agent, "GET", "/api/v1/cases?phone=13812345678&status=" + text, "status");
                check(wrong, engineer, "GET", "/api/v1/cases/" + text, "id");
                check(wrong, engineer, "POST", "/api/v1/cases/" + text + "/accept", "id");
                check(wrong, manager, "GET", "/api/v1/departments/" + text, "code");
                check(wrong, admin, "GET", "/api/v1/calendars/" + text, "id");
                check(wrong, admin, "GET", "/api/v1/departments/" + text + "/on-duty", "code");
                check(wrong, admin, "GET", "/api/v1/departments/ENGINEERING/on-duty?from=" + text, "from");
            }

            assertThat(wrong).isEmpty();
            assertThat(mongo.findById(id, Document.class, CaseDocument.COLLECTION)).isEqualTo(caseBefore);
            assertThat(mongo.findById("ENGINEERING", Document.class, "departments")).isEqualTo(departmentBefore);
            assertThat(mongo.count(new Query(), "departments")).isEqualTo(departments);
            assertThat(mongo.count(new Query(), "routing_rules")).isEqualTo(ruleVersions);
            assertThat(mongo.count(new Query(), "routing_lexicon")).isEqualTo(lexiconVersions);
            assertThat(mongo.findById("CN-OFFICE", Document.class, "calendars")).isEqualTo(calendarBefore);
            assertThat(mongo.count(new Query(), "calendar_versions")).isEqualTo(calendarVersions);
            assertThat(mongo.findById("ENGINEERING", Document.class, "duty_rosters")).isEqualTo(rosterBefore);

            // the barrier: a valid note on the same case goes to the same partition after the refusals; once the
            // outbox is empty, the topic read to its end holds that one event more for the case
            String note = HostileInput.MARKUP + " 已约定 & \"周六\"";
            Api.Response noted = engineer.post(cases + "/notes", "{\"note\":" + quoted(note) + "}");
            assertThat(noted.status()).isEqualTo(200);
            List<ConsumerRecord<String, byte[]>> events = topic.read(r -> id.equals(r.key())
                    && new String(r.value(), StandardCharsets.UTF_8).contains("note-added"), 1, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).until(() -> pendingEvents() == 0);
            assertThat(topic.readToEnd(Duration.ofSeconds(60))).filteredOn(r -> id.equals(r.key()))
                    .hasSize((int) caseEvents + 1);

            // markup is text: kept in the history and published as it was typed (sealed on the topic, opened by the
            // services holding the key)
            Api.Response history = engineer.get(cases + "/history");
            assertThat(history.json().get(history.json().size() - 1).get("detail").asString()).isEqualTo(note);
            assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("<script>", "周六");
            assertThat(reader.read(MessageBuilder.withPayload(events.get(0).value()).build(), CaseNoteAdded.class)
                    .data().note()).isEqualTo(note);
        }
    }

    private static List<HostileInput.Case> cases(String valid) {
        return Stream.concat(fieldCases(valid).stream(), bodyCases(valid, MAX_BODY).stream()).toList();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void check(List<String> wrong, Api api, String method, String path, String parameter) {
        String answer = HostileInput.wrongParameterAnswer(api, method, path, parameter);
        if (answer != null) {
            wrong.add(answer);
        }
    }

    /** A repair contact routed straight through the router: its case sits in engineering's queue. */
    private String engineeringCase() {
        EventEnvelope<ContactReceived> contact = Contacts.call("139" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                "SH-LJY", UUID.randomUUID().toString().substring(0, 6) + "栋1单元101", ContactCategory.REPAIR,
                "卫生间天花板漏水");
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                Document.class, CaseDocument.COLLECTION).getString("_id");
    }

    private long pendingEvents() {
        return mongo.count(Query.query(Criteria.where(Outbox.ENTRIES + ".0").exists(true)), CaseDocument.COLLECTION);
    }
}
