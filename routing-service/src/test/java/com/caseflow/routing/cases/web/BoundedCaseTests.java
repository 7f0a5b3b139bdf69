package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.CaseWork;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.cases.persistence.CaseHistoryStore;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.mongodb.client.model.Filters;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case document stays far below MongoDB's 16 MB however much happens to the case: its steps move to their own
 * collection, its contacts are capped (4 in these tests), and nothing a user or an audit reads is lost.
 */
@RoutingServiceTest
class BoundedCaseTests {

    private static final Logger log = LoggerFactory.getLogger(BoundedCaseTests.class);
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Staff ENGINEER = new Staff("D-ENG-07", Set.of(Roles.DEPARTMENT_STAFF), "ENGINEERING");
    /** The longest note the API takes, in Chinese: 2,000 characters of 3 bytes each in UTF-8. */
    private static final String LONG_NOTE = "已联系物业与施工方共同查看漏水点，业主要求书面答复".repeat(80).substring(0, 2000);

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    CaseWork work;
    @Autowired
    CaseHistoryStore historyStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;

    private static String phone() {
        return "136" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000));
    }

    private String engineeringCase() {
        EventEnvelope<ContactReceived> contact = Contacts.call(phone(), "SH-LJY",
                UUID.randomUUID().toString().substring(0, 6) + "栋1单元101", ContactCategory.REPAIR, "卫生间天花板漏水");
        router.route(contact);
        return caseOf(contact.key()).id();
    }

    private Case caseOf(String contactId) {
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contactId)
                .and("state.status").ne(CaseStatus.MERGED.name())), CaseDocument.class).state();
    }

    /** The case document as stored, once the broker has every event of it (the outbox holds none). */
    private int storedBytes(String caseId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> !mongo.exists(
                Query.query(Criteria.where("_id").is(caseId).and(Outbox.ENTRIES + ".0").exists(true)),
                CaseDocument.COLLECTION));
        RawBsonDocument raw = mongo.getCollection(CaseDocument.COLLECTION).withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("_id", caseId)).first();
        return raw.getByteBuffer().remaining();
    }

    @Test
    void whenACaseTakesHundredsOfTheLongestNotesThenItsDocumentStaysSmallAndEveryNoteIsReadInOrder() {
        String id = engineeringCase();
        long version = work.accept(ENGINEER, id, null).version();
        int afterAccept = storedBytes(id);
        int notes = 200;
        for (int i = 1; i <= notes; i++) {
            version = work.addNote(ENGINEER, id, version, "第" + i + "条：" + LONG_NOTE).version();
        }

        int stored = storedBytes(id);
        int noteBytes = ("第200条：" + LONG_NOTE).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        log.info("Case document: {} bytes after accept, {} bytes after {} notes of {} bytes (without moving history: "
                + "about {} bytes)", afterAccept, stored, notes, noteBytes, afterAccept + notes * (noteBytes + 120));
        // the newest 50 steps, the opening one and the latest of each type stay with the case: about 60 notes' worth
        assertThat(stored).isLessThan(60 * (noteBytes + 200) + afterAccept);

        Api api = new Api(port, IDP.departmentToken("D-ENG-07", "ENGINEERING"));
        List<JsonNode> steps = new ArrayList<>();
        String next = "/api/v1/cases/" + id + "/history";
        for (int page = 0; next != null; page++) {
            Api.Response answer = api.get(next);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Total-Count")).isEqualTo(String.valueOf(notes + 2));
            answer.json().forEach(steps::add);
            String link = answer.header("Link");
            next = link == null ? null : link.substring(link.indexOf("/api/"), link.indexOf('>'));
            assertThat(page).isLessThan(5);
        }
        assertThat(steps).hasSize(notes + 2);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).get("sequence").asLong()).isEqualTo(i + 1);
        }
        assertThat(steps.get(0).get("type").asString()).isEqualTo("caseflow.case.routed.v1");
        assertThat(steps.get(1).get("type").asString()).isEqualTo("caseflow.case.accepted.v1");
        for (int i = 1; i <= notes; i++) {
            assertThat(steps.get(i + 1).get("detail").asString()).isEqualTo("第" + i + "条：" + LONG_NOTE);
        }

        JsonNode view = api.get("/api/v1/cases/" + id).json();
        assertThat(view.get("historyCount").asLong()).isEqualTo(notes + 2);
        List<String> kept = new ArrayList<>();
        view.get("history").forEach(step -> kept.add(step.get("type").asString()));
        assertThat(kept.get(0)).isEqualTo("caseflow.case.routed.v1");
        assertThat(kept).contains("caseflow.case.accepted.v1").hasSizeLessThan(60);
        JsonNode latest = view.get("history").get(view.get("history").size() - 1);
        assertThat(latest.get("detail").asString()).startsWith("第" + notes + "条：");
    }

    @Test
    void whenAStepIsHandedToTheHistoryStoreTwiceThenItIsStoredOnceAsFirstWritten() {
        String caseId = "C-" + UUID.randomUUID();
        HistoryEntry note = new HistoryEntry(7, "caseflow.case.note-added.v1", Instant.now(), "D-ENG-07",
                "ENGINEERING", "已约定周六上门");
        HistoryEntry next = new HistoryEntry(8, "caseflow.case.note-added.v1", Instant.now(), "D-ENG-07",
                "ENGINEERING", "已上门");

        historyStore.store(caseId, List.of(note));
        historyStore.store(caseId, List.of(note, next));
        historyStore.store(caseId, List.of(new HistoryEntry(7, note.type(), note.at(), note.by(),
                note.departmentCode(), "改写")));

        assertThat(historyStore.between(caseId, 1, 100)).extracting(HistoryEntry::sequence, HistoryEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, "已约定周六上门"),
                        org.assertj.core.groups.Tuple.tuple(8L, "已上门"));
    }

    @Test
    void whenAMassIncidentHasMoreCallersThanACaseTakesThenEveryCallerIsOnExactlyOneOpenCaseAndNoneIsOverfull() {
        String building = UUID.randomUUID().toString().substring(0, 6) + "栋";
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            EventEnvelope<ContactReceived> call = Contacts.call(phone(), "HZ-XXH", building,
                    ContactCategory.REPAIR, "电梯停运，困在楼里 第" + (i + 1) + "位住户");
            router.route(call);
            contactIds.add(call.key());
        }

        List<CaseDocument> open = mongo.find(Query.query(Criteria.where("state.contacts.contactId").in(contactIds)
                .and("state.status").ne(CaseStatus.MERGED.name())), CaseDocument.class);
        Map<String, String> caseOfContact = new HashMap<>();
        for (CaseDocument doc : open) {
            assertThat(doc.state().contacts()).hasSizeLessThanOrEqualTo(4);
            for (CaseContact contact : doc.state().contacts()) {
                assertThat(caseOfContact.put(contact.contactId(), doc.id())).as(contact.contactId()).isNull();
            }
        }
        assertThat(caseOfContact.keySet()).containsExactlyInAnyOrderElementsOf(contactIds);
        assertThat(open.stream().filter(d -> d.state().incidentId() != null).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whenACaseWasTransferredAsOftenAsACaseMayThenTheNextTransferIsRefusedNamingTheFieldAndNothingChanges() {
        String id = engineeringCase();
        Staff property = new Staff("D-PM-07", Set.of(Roles.DEPARTMENT_STAFF), "PROPERTY_MANAGEMENT");
        for (int i = 0; i < 6; i++) {
            boolean fromEngineering = i % 2 == 0;
            work.transfer(fromEngineering ? ENGINEER : property, id, null,
                    fromEngineering ? "PROPERTY_MANAGEMENT" : "ENGINEERING", "第" + (i + 1) + "次：不属本部门");
        }
        Api api = new Api(port, IDP.departmentToken("D-ENG-07", "ENGINEERING"));
        JsonNode before = api.get("/api/v1/cases/" + id).json();

        Api.Response refused = api.post("/api/v1/cases/" + id + "/transfer",
                "{\"toDepartment\":\"PROPERTY_MANAGEMENT\",\"reason\":\"还是物业的\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("transfer-limit");
        assertThat(refused.json().get("detail").asString()).startsWith("toDepartment").contains("6 次");
        JsonNode after = api.get("/api/v1/cases/" + id).json();
        assertThat(after.get("departmentCode").asString()).isEqualTo("ENGINEERING");
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(after.get("historyCount").asLong()).isEqualTo(7);
    }

    @Test
    void whenACaseHoldsAsManyUnsentEventsAsItMayThenStaffStepsAreRefusedUntilTheyAreSent() {
        String id = engineeringCase();
        storedBytes(id);
        Instant now = Instant.now();
        // the broker away: the events wait in the case, held by a relay instance that cannot send them
        Object[] waiting = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> outbox.entry("cases", new EventEnvelope<>(UUID.randomUUID().toString(),
                        "caseflow.case.note-added.v1", 1, now, id, id, Map.of("note", "待发送" + i))))
                .toArray();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push(Outbox.ENTRIES).each(waiting)
                .set(Outbox.CLAIM, new OutboxClaim("another-instance", now.plus(Duration.ofMinutes(10)))),
                CaseDocument.class);
        Api api = new Api(port, IDP.departmentToken("D-ENG-07", "ENGINEERING"));
        long version = api.get("/api/v1/cases/" + id).json().get("version").asLong();

        Api.Response refused = api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"已联系业主\"}");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).endsWith("case-backlog");
        assertThat(refused.json().get("detail").asString()).contains("稍后再试");
        assertThat(api.get("/api/v1/cases/" + id).json().get("version").asLong()).isEqualTo(version);

        // sent at last (taken out here: they are not real events)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set(Outbox.ENTRIES, List.of()).unset(Outbox.CLAIM), CaseDocument.class);
        assertThat(api.post("/api/v1/cases/" + id + "/notes", "{\"note\":\"已联系业主\"}").status()).isEqualTo(200);
    }
}
