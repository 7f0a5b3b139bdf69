package com.caseflow.followup.timers.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.timers.application.CaseFollowUps;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.followup.timers.domain.FollowUpPlan;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.NumberedEntry;
import com.caseflow.followup.timers.domain.TimelineEntry;
import com.caseflow.followup.timers.persistence.FollowUpDocument;
import com.caseflow.followup.timers.persistence.FollowUpHistoryStore;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.timers.persistence.VersionedFollowUp;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A followed case that lives long — bounced between departments, resolved and reopened, called about again and again —
 * keeps a document of bounded size: its current deadlines and timers, its first and newest timeline entries; the rest
 * of its timeline is read page by page, every entry in order, and its timers still fire.
 */
@FollowUpServiceTest
class BoundedFollowUpTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    /** What a case's stored document may reach however many events it takes (measured: about 20 KB). */
    private static final int BOUND_BYTES = 64 * 1024;
    private static final int ROUNDS = 500;

    @Autowired
    CaseFollowUps followUps;
    @Autowired
    FollowUpStore store;
    @Autowired
    TimerSweep timers;
    @Autowired
    FollowUpPlan plan;
    @Autowired
    WorkingTimes times;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    FollowUpHistoryStore history;
    @LocalServerPort
    int port;

    @Test
    void whenACaseTakesTwoThousandEventsThenItsDocumentStaysBoundedItsTimersFireAndItsWholeTimelineIsPaged() {
        String caseId = Cases.newCaseId();
        Instant start = TestClock.CLOCK.instant();
        // the same events applied to a case held in memory only: what the timeline must read, entry by entry
        List<Consumer<FollowedCase>> replica = new ArrayList<>();
        CaseRouted routed = routed(caseId, start);
        followUps.routed(envelope(caseId, routed));
        FollowedCase expected = FollowedCase.routed(routed, plan, times.of(routed.deadlines().calendarId()));

        long sequence = 1;
        Instant at = start;
        List<Integer> sizes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            at = at.plusSeconds(60);
            ContactAttached attached = new ContactAttached(caseId, ++sequence, "contact-" + UUID.randomUUID(), "A002",
                    Channel.PHONE, at, new CaseCustomer("李娜", "13812345678"), AttachReason.REPEAT, null,
                    "ENGINEERING", Priority.HIGH, null, at);
            followUps.attached(envelope(caseId, attached));
            replica.add(c -> c.attached(attached, plan, times.of(c.calendarId()), 1000));

            at = at.plusSeconds(60);
            boolean even = round % 2 == 0;
            CaseTransferred transferred = new CaseTransferred(caseId, ++sequence, even ? "ENGINEERING" : "PROPERTY",
                    even ? "PROPERTY" : "ENGINEERING", "第 " + (round + 1) + " 次转交：属于对方范围", "D-ENG-01",
                    "SH-LJY", "3栋1单元502", ContactCategory.REPAIR, "卫生间天花板漏水", new CaseCustomer("李娜",
                    "13812345678"), Priority.HIGH, Cases.deadlines(at, 2, 8, Cases.WORKING_TIME), at, "PM-HEAD");
            followUps.transferred(envelope(caseId, transferred));
            replica.add(c -> c.transferred(transferred, plan, times.of(transferred.deadlines().calendarId())));

            at = at.plusSeconds(60);
            CaseResolved resolved = new CaseResolved(caseId, ++sequence, transferred.toDepartment(), "D-ENG-01",
                    "已更换防水层，天花板修复（第 " + (round + 1) + " 次）", List.of(), at);
            followUps.resolved(envelope(caseId, resolved));
            replica.add(c -> c.resolved(resolved));

            at = at.plusSeconds(60);
            CaseReopened reopened = new CaseReopened(caseId, ++sequence, transferred.toDepartment(),
                    "回访不满意：天花板又漏水了", "request-" + UUID.randomUUID(), Priority.HIGH,
                    Cases.deadlines(at, 2, 8, Cases.WORKING_TIME), at);
            followUps.reopened(envelope(caseId, reopened));
            replica.add(c -> c.reopened(reopened, plan, times.of(reopened.deadlines().calendarId())));

            if ((round + 1) % 25 == 0) {
                int size = storedSize(caseId);
                sizes.add(size);
                assertThat(size).as("the stored case after %d events (sizes every 100 events: %s)", sequence, sizes)
                        .isLessThanOrEqualTo(BOUND_BYTES);
            }
        }
        replica.forEach(step -> step.accept(expected));
        System.out.printf("bounded follow-up: stored document every 100 events %s bytes, after %d events %d bytes%n",
                sizes, sequence, storedSize(caseId));
        FollowedCase stored = store.find(caseId).orElseThrow().state();
        assertThat(stored.sequence()).isEqualTo(sequence);
        assertThat(stored.generation()).isEqualTo(1 + 2 * ROUNDS);

        // its timers still fire: the reminder of the last reopening's first response, and only it
        Instant reminderDue = stored.nextDueAt().orElseThrow();
        TestClock.CLOCK.advanceTo(reminderDue);
        assertThat(timers.sweep()).isGreaterThanOrEqualTo(1);
        List<TimelineEntry> kept = store.find(caseId).orElseThrow().state().timeline();
        assertThat(kept.get(kept.size() - 1).what()).isEqualTo("REMINDER");
        expected.fireDue(TestClock.CLOCK.instant(), times.of(expected.calendarId()));

        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        JsonNode view = manager.get("/api/v1/cases/" + caseId + "/follow-up").json();
        List<TimelineEntry> whole = expected.timeline();
        assertThat(view.get("timelineCount").asLong()).isEqualTo(whole.size());
        List<String> shown = view.get("timeline").valueStream().map(e -> e.get("what").asString())
                .filter(w -> !w.startsWith("CALLBACK")).toList();
        assertThat(shown.get(0)).isEqualTo("ROUTED");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("REMINDER");
        assertThat(shown.size()).isLessThan(100);
        // the callbacks' entries join the newest ones only, not the 500 resolutions' all
        assertThat(view.get("timeline").size()).isLessThan(200);
        assertThat(view.get("callbacks").size()).isEqualTo(ROUNDS);

        List<JsonNode> paged = new ArrayList<>();
        String next = "/api/v1/cases/" + caseId + "/follow-up/timeline?size=100";
        while (next != null) {
            String path = next;
            Api.Response page = await().atMost(Duration.ofSeconds(60)).until(() -> manager.get(path),
                    r -> r.status() != 429);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo(String.valueOf(whole.size()));
            page.json().valueStream().forEach(paged::add);
            String link = page.header("Link");
            next = link == null || !link.contains("rel=\"next\"") ? null
                    : pathOf(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        }
        assertThat(paged).hasSize(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            JsonNode entry = paged.get(i);
            TimelineEntry want = whole.get(i);
            assertThat(entry.get("number").asLong()).isEqualTo(i + 1);
            assertThat(entry.get("what").asString()).as("entry %d", i + 1).isEqualTo(want.what());
            assertThat(Instant.parse(entry.get("at").asString()).toEpochMilli()).as("entry %d", i + 1)
                    .isEqualTo(want.at().toEpochMilli());
            assertThat(entry.path("note").asString(null)).as("entry %d", i + 1).isEqualTo(want.note());
            assertThat(entry.path("departmentCode").asString(null)).isEqualTo(want.departmentCode());
        }
        assertThat(manager.get("/api/v1/cases/" + caseId + "/follow-up/timeline?size=101").status()).isEqualTo(400);
        assertThat(new Api(port, IDP.departmentToken("D-LEGAL-01", "LEGAL"))
                .get("/api/v1/cases/" + caseId + "/follow-up/timeline").status()).isEqualTo(403);
    }

    @Test
    void whenAWriteLosesItsRaceOrAnEventIsRedeliveredAfterEntriesWereHandedOnThenEachEntryIsReadOnceAsTheCaseHeldIt() {
        String caseId = Cases.newCaseId();
        Instant at = TestClock.CLOCK.instant();
        followUps.routed(envelope(caseId, routed(caseId, at)));
        List<EventEnvelope<CaseTransferred>> transfers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            at = at.plusSeconds(60);
            transfers.add(envelope(caseId, transfer(caseId, 2 + i, i, at, "转交 " + (i + 1))));
            followUps.transferred(transfers.get(i));
        }
        VersionedFollowUp read = store.find(caseId).orElseThrow();
        assertThat(read.state().timelineCount()).isEqualTo(63);
        assertThat(read.state().timeline()).hasSize(51);

        // two writers read the same version and each adds a transfer; the loser, keeping only the two newest
        // entries, would hand its own new entry on ahead of the winner's, were it not for "stored with the case first"
        FollowUpStore narrow = new FollowUpStore(mongo, outbox, history, 2);
        VersionedFollowUp other = store.find(caseId).orElseThrow();
        FollowedCase winner = read.state();
        FollowedCase.Stored stored = winner.stored();
        winner.transferred(transfer(caseId, 22, 20, at.plusSeconds(60), "胜者"), plan, times.of(winner.calendarId()));
        store.update(winner, read.version(), stored, List.of());
        FollowedCase loser = other.state();
        FollowedCase.Stored loserStored = loser.stored();
        loser.transferred(transfer(caseId, 22, 20, at.plusSeconds(60), "败者"), plan, times.of(loser.calendarId()));
        assertThatThrownBy(() -> narrow.update(loser, other.version(), loserStored, List.of()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        // the next write moves the winner's entries out of the case too
        VersionedFollowUp last = store.find(caseId).orElseThrow();
        FollowedCase next = last.state();
        FollowedCase.Stored nextStored = next.stored();
        next.accepted(new CaseAccepted(caseId, 23, "ENGINEERING", "D-ENG-01", at.plusSeconds(120)));
        narrow.update(next, last.version(), nextStored, List.of());

        // and events applied before come again: nothing changes, in the case or apart
        VersionedFollowUp before = store.find(caseId).orElseThrow();
        followUps.transferred(transfers.get(3));
        followUps.transferred(transfers.get(19));
        VersionedFollowUp after = store.find(caseId).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());

        List<NumberedEntry> whole = store.timeline(after.state(), 1, after.state().timelineCount());
        assertThat(after.state().timeline()).hasSize(3);
        assertThat(whole).extracting(NumberedEntry::number)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 67).boxed().toList());
        assertThat(whole).extracting(e -> e.entry().note()).filteredOn(n -> n != null && n.contains("败者")).isEmpty();
        assertThat(whole).extracting(e -> e.entry().note()).filteredOn(n -> n != null && n.contains("胜者"))
                .hasSize(1);
        assertThat(whole.get(63).entry().what()).isEqualTo("TRANSFERRED");
        assertThat(whole.get(66).entry().what()).isEqualTo("ACCEPTED");
        assertThat(mongo.count(new Query(Criteria.where("caseId").is(caseId)), FollowUpHistoryStore.TIMELINE))
                .isEqualTo(whole.size() - after.state().timeline().size());
    }

    @Test
    void whenTwoHundredCustomersJoinACaseThenItsDocumentStaysUnderTheBound() {
        String caseId = Cases.newCaseId();
        Instant at = TestClock.CLOCK.instant();
        followUps.routed(envelope(caseId, routed(caseId, at)));
        int before = storedSize(caseId);
        for (int i = 2; i <= 200; i++) {
            at = at.plusSeconds(10);
            followUps.attached(envelope(caseId, new ContactAttached(caseId, i, "contact-" + UUID.randomUUID(),
                    "A002", Channel.PHONE, at, new CaseCustomer("业主" + i, String.format("139%08d", i)),
                    AttachReason.INCIDENT, "incident-" + caseId, "ENGINEERING", Priority.HIGH, null, at)));
        }
        int size = storedSize(caseId);
        System.out.printf("bounded follow-up: routed %d bytes, with 200 customers %d bytes (%d a customer)%n", before,
                size, (size - before) / 199);
        assertThat(store.find(caseId).orElseThrow().state().callers()).hasSize(200);
        assertThat(size).isLessThanOrEqualTo(BOUND_BYTES);
    }

    private static CaseTransferred transfer(String caseId, long sequence, int round, Instant at, String reason) {
        boolean even = round % 2 == 0;
        return new CaseTransferred(caseId, sequence, even ? "ENGINEERING" : "PROPERTY",
                even ? "PROPERTY" : "ENGINEERING",
                reason, "D-ENG-01", "SH-LJY", "3栋1单元502", ContactCategory.REPAIR, "卫生间天花板漏水",
                new CaseCustomer("李娜", "13812345678"), Priority.HIGH, Cases.deadlines(at, 2, 8, Cases.WORKING_TIME), at,
                "PM-HEAD");
    }

    private int storedSize(String caseId) {
        RawBsonDocument raw = mongo.getCollection(FollowUpDocument.COLLECTION).withDocumentClass(RawBsonDocument.class)
                .find(eq("_id", caseId)).first();
        return raw.getByteBuffer().remaining();
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static CaseRouted routed(String caseId, Instant at) {
        return new CaseRouted(caseId, 1, "contact-" + caseId, "A001", Channel.PHONE, at.minusSeconds(5), "SH-LJY",
                "3栋1单元502", ContactCategory.REPAIR, "卫生间天花板漏水", new CaseCustomer("李娜", "13812345678"),
                com.caseflow.events.cases.Complexity.COMPLEX, Priority.HIGH, List.of("漏水"), "ENGINEERING", "repairs",
                3, Cases.deadlines(at, 2, 8, Cases.WORKING_TIME), null, at, "ENG-HEAD");
    }

    private static <T> EventEnvelope<T> envelope(String caseId, T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1,
                TestClock.CLOCK.instant(), caseId, caseId, event);
    }
}
