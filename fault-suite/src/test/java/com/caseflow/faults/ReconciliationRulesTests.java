package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the reconciliation applies, on events and records written by hand: each check is fed what it must find (a
 * duplicate, a missing record) and seen to find it.
 */
class ReconciliationRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * While the store is away intake answers nobody: the contacts wait at the agents' side and lag is 0. Recovery
     * begins only when they have their answers.
     */
    @Test
    void aContactStillWaitingForIntakesAnswerMeansNotRecoveredWhateverTheLag() {
        Ledger ledger = new Ledger();
        Ledger.Request waiting = new Ledger.Request(1, "p", "A001", "k1", false, false, "SH-LJY", "REPAIR", "{}");
        ledger.add(waiting);

        assertThat(ledger.answered(0)).isFalse();
        assertThat(ledger.answered(60_000)).as("recorded just now: not yet owed an answer").isTrue();
        waiting.outcome = Ledger.Outcome.ACCEPTED;
        assertThat(ledger.answered(0)).isTrue();
        ledger.add(new Ledger.Request(2, "p", "A001", "k2", false, false, "SH-LJY", "REPAIR", "{}"));
        ledger.with(Ledger.Outcome.PENDING).forEach(r -> r.outcome = Ledger.Outcome.UNKNOWN);
        assertThat(ledger.answered(0)).as("given up, to be settled at the end").isTrue();
    }

    @Test
    void aReplayAndAStoreOutageAreGivenTheirBacklogsTimeAtTheirOwnPace() {
        Plan full = Plan.full();

        assertThat(full.limit(Fault.BROKER_KILLED, 100_000)).isEqualTo(Duration.ofSeconds(120));
        assertThat(full.limit(Fault.REPLAY, 1_000)).isEqualTo(Duration.ofSeconds(120));
        assertThat(full.limit(Fault.REPLAY, 68_000)).isEqualTo(Duration.ofSeconds(680));
        assertThat(full.limit(Fault.STORE_STOPPED, 18_000)).isEqualTo(Duration.ofSeconds(720));
    }

    @Test
    void aContactOfACaseMergedIntoAnIncidentHasItsOneHomeInTheIncidentsCase() {
        Map<String, List<JsonNode>> cases = Map.of(
                "A", List.of(event(EventTypes.CASE_ROUTED, 1, "c1", null),
                        event(EventTypes.CASE_MERGED, 2, null, null)),
                "B", List.of(event(EventTypes.CASE_ROUTED, 1, "c2", null),
                        event(EventTypes.CONTACT_ATTACHED, 2, "c1", null)));

        Map<String, List<String>> homes = new Reconciliation().homes(cases);

        assertThat(homes.get("c1")).containsExactly("B");
        assertThat(homes.get("c2")).containsExactly("B");
    }

    @Test
    void aContactAttachedTwiceOrLeftBehindInAMergedCaseIsFound() {
        Map<String, List<JsonNode>> cases = Map.of(
                "A", List.of(event(EventTypes.CASE_ROUTED, 1, "c1", null),
                        event(EventTypes.CASE_MERGED, 2, null, null)),
                "B", List.of(event(EventTypes.CASE_ROUTED, 1, "c2", null),
                        event(EventTypes.CONTACT_ATTACHED, 2, "c3", null),
                        event(EventTypes.CONTACT_ATTACHED, 3, "c3", null)));

        Map<String, List<String>> homes = new Reconciliation().homes(cases);

        assertThat(homes.get("c1")).as("lost with its merged case").isEmpty();
        assertThat(homes.get("c3")).as("attached twice").hasSize(2);
    }

    @Test
    void aCaseHasOneSetOfDeadlinesPerClockAndPerShorteningWhileItRuns() {
        List<JsonNode> events = List.of(
                event(EventTypes.CASE_ROUTED, 1, "c1", "T10"),
                event(EventTypes.CONTACT_ATTACHED, 2, "c2", "T10"),
                event(EventTypes.CONTACT_ATTACHED, 3, "c3", "T08"),
                event(EventTypes.CASE_RESOLVED, 4, null, null),
                event(EventTypes.CONTACT_ATTACHED, 5, "c4", "T06"),
                event(EventTypes.CASE_REOPENED, 6, null, "T20"));

        assertThat(Reconciliation.deadlineSets(events)).isEqualTo(3);
    }

    @Test
    void aDeadlineWrittenToTheNanosecondAndReadBackToTheMillisecondIsTheSameSet() {
        var reopened = event(EventTypes.CASE_REOPENED, 1, null, null);
        ((ObjectNode) reopened.path("data")).putObject("deadlines")
                .put("firstResponseDue", "2026-12-05T07:33:51.920123456Z")
                .put("resolutionDue", "2026-12-05T11:18:51.920123456Z");
        var attached = event(EventTypes.CONTACT_ATTACHED, 2, "c2", null);
        ((ObjectNode) attached.path("data")).putObject("deadlines")
                .put("firstResponseDue", "2026-12-05T07:33:51.920Z").put("resolutionDue", "2026-12-05T11:18:51.920Z");
        var shortened = event(EventTypes.CONTACT_ATTACHED, 3, "c3", null);
        ((ObjectNode) shortened.path("data")).putObject("deadlines")
                .put("firstResponseDue", "2026-12-05T07:30:00Z").put("resolutionDue", "2026-12-05T11:18:51.920Z");

        assertThat(Reconciliation.deadlineSets(List.of(reopened, attached))).isEqualTo(1);
        assertThat(Reconciliation.deadlineSets(List.of(reopened, attached, shortened))).isEqualTo(2);
    }

    // --- reminders and escalations, counted raw ---

    private static final Instant END = Instant.parse("2026-12-05T08:00:00Z");
    private static final long DUE = Instant.parse("2026-12-05T09:00:00Z").toEpochMilli();
    private static final String AT = "2026-12-05T07:50:01.027878568Z";

    @Test
    void aTimerFiredOnceAndNotifiedOnceIsFine() {
        Timers.Findings found = Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("FIRED"), pendingLater()), Map.of("e1", 1), END, Duration.ofSeconds(30));

        assertThat(found.violations()).isEmpty();
        assertThat(found.reminders()).isEqualTo(1);
    }

    @Test
    void aTimerFiredTwiceIsFoundEvenWithOneEventId() {
        Timers.Findings found = Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0),
                        new Timers.Fired("e1", "2026-12-05T07:50:02.5Z", "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("FIRED")), Map.of("e1", 1), END, Duration.ofSeconds(30));

        assertThat(found.violations()).singleElement().asString().contains("fired 2 times");
        assertThat(found.duplicates()).isEqualTo(1);
        assertThat(found.sentAgain()).isZero();
    }

    @Test
    void aRecordTheRelaySentAgainIsCountedNotAViolation() {
        // as in a full run: the broker frozen wrote the record, its answer came after the producer gave up, the relay
        // sent the stored entry again
        Timers.Findings found = Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0),
                        new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("FIRED")), Map.of("e1", 2), END, Duration.ofSeconds(30));

        assertThat(found.violations()).isEmpty();
        assertThat(found.reminders()).isEqualTo(1);
        assertThat(found.sentAgain()).isEqualTo(1);
        assertThat(found.duplicates()).isZero();
    }

    @Test
    void aTimerFiredTwiceWithTwoEventIdsIsTwoNotifications() {
        Timers.Findings found = Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0),
                        new Timers.Fired("e2", AT, "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("FIRED")), Map.of("e1", 1, "e2", 1), END, Duration.ofSeconds(30));

        assertThat(found.violations()).anySatisfy(v -> assertThat(v).contains("fired 2 times"))
                .anySatisfy(v -> assertThat(v).contains("notified 2 times"));
    }

    @Test
    void aTimerThatFiredWithoutARecordOrANotificationOrNotAtAllIsFound() {
        assertThat(Timers.check(List.of(), List.of(stage("FIRED")), Map.of(), END, Duration.ofSeconds(30))
                .violations()).singleElement().asString().contains("not on followups");
        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("FIRED")), Map.of(), END, Duration.ofSeconds(30)).violations())
                .singleElement().asString().contains("no notification");
        assertThat(Timers.check(List.of(), List.of(stage("PENDING")), Map.of(), END, Duration.ofSeconds(30))
                .violations()).singleElement().asString().contains("had not fired");
    }

    @Test
    void aRecordForACancelledOrUnplannedTimerIsFound() {
        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)),
                List.of(stage("CANCELLED")), Map.of("e1", 1), END, Duration.ofSeconds(30)).violations())
                .singleElement().asString().contains("CANCELLED at follow-up");
        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "RESOLUTION", DUE, 1)),
                List.of(), Map.of("e1", 1), END, Duration.ofSeconds(30)).violations())
                .singleElement().asString().contains("planned no such timer");
    }

    @Test
    void aTimerThatFiredAfterTheCountBeganIsLeftOutWithItsRecord() {
        Timers.Planned late = new Timers.Planned("K1", "g1-first_response-reminder", "FIRST_RESPONSE", DUE, 0,
                "FIRED", END.plusSeconds(5), END.plusSeconds(6));

        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)), List.of(late),
                Map.of(), END, Duration.ofSeconds(30)).violations()).isEmpty();
        assertThat(Timers.check(List.of(), List.of(late), Map.of(), END, Duration.ofSeconds(30)).violations())
                .isEmpty();
    }

    @Test
    void aTimerStillPendingInTheStoresButDueAfterTheCountBeganMayAlreadyBeOnTheTopic() {
        Timers.Planned dueLater = new Timers.Planned("K1", "g1-first_response-reminder", "FIRST_RESPONSE", DUE, 0,
                "PENDING", END.plusSeconds(3), null);
        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)), List.of(dueLater),
                Map.of("e1", 1), END, Duration.ofSeconds(30)).violations()).isEmpty();
        Timers.Planned dueBefore = new Timers.Planned("K1", "g1-first_response-reminder", "FIRST_RESPONSE", DUE, 0,
                "PENDING", END.minusSeconds(3), null);
        assertThat(Timers.check(List.of(new Timers.Fired("e1", AT, "K1", "FIRST_RESPONSE", DUE, 0)), List.of(dueBefore),
                Map.of("e1", 1), END, Duration.ofSeconds(30)).violations()).singleElement().asString()
                .contains("is PENDING at follow-up but on followups 1 time(s)");
    }

    private static Timers.Planned stage(String state) {
        return new Timers.Planned("K1", "g1-first_response-reminder", "FIRST_RESPONSE", DUE, 0, state,
                END.minusSeconds(600), state.equals("PENDING") ? null : END.minusSeconds(590));
    }

    private static Timers.Planned pendingLater() {
        return new Timers.Planned("K1", "g1-first_response-escalation-1", "FIRST_RESPONSE", DUE, 1, "PENDING",
                Instant.ofEpochMilli(DUE), null);
    }

    // --- department topics ---

    @Test
    void eachEventIsOnItsDepartmentsTopicOnceAndATransferOnBoth() {
        Map<String, List<JsonNode>> cases = Map.of("K1", transferredCase());
        Map<String, List<BrokerView.Seen>> topics = Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e1", "e2"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e2", "e3"));

        assertThat(DepartmentCopies.check(cases, topics).violations()).isEmpty();
    }

    @Test
    void anEventMissingOutOfOrderOrForeignOnADepartmentTopicIsFoundAndACopySentAgainIsCounted() {
        Map<String, List<JsonNode>> cases = Map.of("K1", transferredCase());

        assertThat(DepartmentCopies.check(cases, Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e1", "e2"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e3"))).violations())
                .singleElement().asString().contains("cases.dept.engineering").contains("missing");
        DepartmentCopies.Findings sentAgain = DepartmentCopies.check(cases, Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e1", "e2", "e1", "e2"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e2", "e3", "e3")));
        assertThat(sentAgain.violations()).as("at least once, by event id").isEmpty();
        assertThat(sentAgain.sentAgain()).isEqualTo(3);
        assertThat(DepartmentCopies.check(cases, Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e2", "e1", "e2"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e2", "e3"))).violations())
                .as("order of first copies").singleElement().asString().contains("out of order");
        assertThat(DepartmentCopies.check(cases, Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e1", "e2"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e3", "e2"))).violations())
                .singleElement().asString().contains("out of order");
        assertThat(DepartmentCopies.check(cases, Map.of(
                "cases.dept.customer-service", records("cases.dept.customer-service", "K1", "e1", "e2", "e3"),
                "cases.dept.engineering", records("cases.dept.engineering", "K1", "e2", "e3"))).violations())
                .singleElement().asString().contains("do not belong there");
    }

    private static List<JsonNode> transferredCase() {
        var routed = event(EventTypes.CASE_ROUTED, 1, "c1", null);
        ((ObjectNode) routed).put("eventId", "e1");
        ((ObjectNode) routed.path("data")).put("departmentCode", "CUSTOMER_SERVICE");
        var transferred = event(EventTypes.CASE_TRANSFERRED, 2, null, null);
        ((ObjectNode) transferred).put("eventId", "e2");
        ((ObjectNode) transferred.path("data")).put("fromDepartment", "CUSTOMER_SERVICE")
                .put("toDepartment", "ENGINEERING");
        var accepted = event(EventTypes.CASE_ACCEPTED, 3, null, null);
        ((ObjectNode) accepted).put("eventId", "e3");
        return List.of(routed, transferred, accepted);
    }

    private static List<BrokerView.Seen> records(String topic, String key, String... eventIds) {
        List<BrokerView.Seen> records = new java.util.ArrayList<>();
        for (String id : eventIds) {
            records.add(new BrokerView.Seen(topic, 0, records.size(), key, "{\"eventId\":\"" + id + "\"}", Map.of()));
        }
        return records;
    }

    // --- callbacks ---

    @Test
    void eachCustomerOfAResolutionHasExactlyOneCallback() {
        Map<String, List<JsonNode>> cases = Map.of("K1", List.of(event(EventTypes.CASE_ROUTED, 1, "c1", null),
                event(EventTypes.CONTACT_ATTACHED, 2, "c2", null), event(EventTypes.CONTACT_ATTACHED, 3, "c3", null),
                event(EventTypes.CASE_RESOLVED, 4, null, null)));
        // c1 and c3 are the same customer
        Map<String, String> tokens = Map.of("c1", "ct1-aaa", "c2", "ct1-bbb", "c3", "ct1-aaa");
        var first = new CallbackCount.Queued("K1", 4, "c1", "ct1-aaa");
        var second = new CallbackCount.Queued("K1", 4, "c2", "ct1-bbb");

        assertThat(CallbackCount.check(cases, tokens, List.of(first, second)).violations()).isEmpty();
        assertThat(CallbackCount.check(cases, tokens, List.of(first)).violations())
                .singleElement().asString().contains("no callback for the customer of contact c2")
                .doesNotContain("ct1-bbb");
        CallbackCount.Findings doubled = CallbackCount.check(cases, tokens, List.of(first, second,
                new CallbackCount.Queued("K1", 4, "c3", "ct1-aaa")));
        assertThat(doubled.violations()).singleElement().asString().contains("2 callbacks");
        assertThat(doubled.duplicates()).isEqualTo(1);
        assertThat(CallbackCount.check(cases, tokens, List.of(first, second,
                new CallbackCount.Queued("K1", 2, "c1", "ct1-aaa"))).violations())
                .singleElement().asString().contains("is not on cases");
    }

    // --- evaluation, counter by counter ---

    @Test
    void evaluationCountersThatCancelOutInATotalAreEachFound() {
        Ledger.Request call = new Ledger.Request(1, "p", "A001", "k1", false, false, "SH-LJY", "REPAIR",
                "{}");
        Ledger.Request visit = new Ledger.Request(2, "p", "R002", "k2", true, true, "SH-LJY", "INQUIRY",
                "{}");
        var routed = event(EventTypes.CASE_ROUTED, 1, "c1", null);
        ((ObjectNode) routed.path("data")).put("departmentCode", "CUSTOMER_SERVICE").put("agentId", "A001")
                .putObject("deadlines").put("firstResponseDue", "2026-12-05T10:00:00Z")
                .put("resolutionDue", "2026-12-05T10:30:00Z");
        var acceptedLate = event(EventTypes.CASE_ACCEPTED, 2, null, null);
        ((ObjectNode) acceptedLate.path("data")).put("acceptedAt", "2026-12-05T10:05:00Z");
        var resolved = event(EventTypes.CASE_RESOLVED, 3, null, null);
        ((ObjectNode) resolved.path("data")).put("resolvedAt", "2026-12-05T10:10:00Z");
        var feedback = JSON.createObjectNode().put("type", EventTypes.CUSTOMER_FEEDBACK_RECORDED);
        feedback.putObject("data").put("reached", true).put("satisfaction", 2).put("agentId", "A001")
                .put("departmentCode", "CUSTOMER_SERVICE");

        Map<String, Long> expected = EvaluationCounters.expected(List.of(call, visit),
                Map.of("K1", List.of(routed, acceptedLate, resolved)), List.of(feedback));

        assertThat(expected).containsEntry("agent A001 phoneCalls", 1L).containsEntry("agent R002 visits", 1L)
                .containsEntry("agent R002 settledAtFirstContact", 1L)
                .containsEntry("department CUSTOMER_SERVICE accepted", 1L)
                .containsEntry("department CUSTOMER_SERVICE firstResponseMissed", 1L)
                .containsEntry("department CUSTOMER_SERVICE resolvedOnTime", 1L)
                .containsEntry("department CUSTOMER_SERVICE satisfactionSum", 2L)
                .containsEntry("agent A001 satisfied", 0L);
        assertThat(EvaluationCounters.compare(expected, expected)).isEmpty();

        Map<String, Long> counted = new java.util.TreeMap<>(expected);
        counted.merge("department CUSTOMER_SERVICE resolved", 1L, Long::sum);
        counted.merge("department CUSTOMER_SERVICE accepted", -1L, Long::sum);
        assertThat(EvaluationCounters.compare(expected, counted)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("resolved").contains("counted 2"))
                .anySatisfy(v -> assertThat(v).contains("accepted").contains("counted 0"));
        Map<String, Long> counted2 = new java.util.TreeMap<>(expected);
        counted2.put("department CUSTOMER_SERVICE escalations.1", 1L);
        assertThat(EvaluationCounters.compare(expected, counted2)).singleElement().asString()
                .contains("escalations.1");
    }

    // --- evaluation's projects, counter by counter ---

    @Test
    void eachProjectsContactsRepeatsAndIncidentCallersAreCountedAsEvaluationFoldsThem() {
        List<Ledger.Request> accepted = List.of(
                contact(1, "SH-LJY", "REPAIR", false, false), contact(2, "SH-LJY", "REPAIR", true, true),
                contact(3, "SH-LJY", "INQUIRY", false, true), contact(4, "HZ-XXH", "COMPLAINT", false, false),
                new Ledger.Request(5, "p", "A001", "k5", false, false, null, null, "{}"));
        var repeat = attached(2, "REPEAT", null);
        var firstCaller = attached(3, "INCIDENT", "I1");
        var secondCaller = attached(4, "INCIDENT", null);
        var neverReceived = attached(5, "REPEAT", null);
        ((ObjectNode) neverReceived.path("data")).remove(List.of("receivedAt", "attachedAt"));
        var unknownReason = attached(6, null, null);
        Map<String, List<JsonNode>> cases = new TreeMap<>(Map.of(
                "K1", List.of(routed("SH-LJY", "REPAIR", null), repeat, firstCaller, secondCaller, neverReceived,
                        unknownReason),
                "K2", List.of(routed("HZ-XXH", "COMPLAINT", "I2"), event(EventTypes.CASE_ROUTED, 1, "c9", null)),
                "K3", List.of(routed("SZ-QHW", null, null), attached(2, "REPEAT", null))));

        Map<String, Long> expected = EvaluationCounters.projects(accepted, cases);

        assertThat(expected).containsExactlyInAnyOrderEntriesOf(Map.of(
                "project SH-LJY contacts.REPAIR", 2L, "project SH-LJY contacts.INQUIRY", 1L,
                "project SH-LJY channels.PHONE", 2L, "project SH-LJY channels.VISIT", 1L,
                "project SH-LJY settledAtFirstContact", 2L, "project SH-LJY repeatContacts", 1L,
                "project SH-LJY incidentContacts", 3L,
                "project HZ-XXH contacts.COMPLAINT", 1L, "project HZ-XXH channels.PHONE", 1L,
                "project HZ-XXH incidentContacts", 1L));
    }

    @Test
    void aProjectCounterOffByOneIsFoundAndRightFiguresAreNot() {
        Map<String, Long> expected = twoProjects();
        Map<String, Long> counted = read(Map.of(
                "SH-LJY", dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L), 2, 1, 1, 3, 2),
                "HZ-XXH", dailyTotal(Map.of("COMPLAINT", 1L), 1, 0, 0, 1, 0)),
                dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L, "COMPLAINT", 1L), 3, 1, 1, 4, 2));
        assertThat(EvaluationCounters.compare(expected, counted)).isEmpty();
        assertThat(counted).containsEntry("project HZ-XXH contacts.SALES", 0L)
                .containsEntry("other projects contacts.REPAIR", 0L);

        Map<String, Long> repeatCountedTwice = read(Map.of(
                "SH-LJY", dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L), 2, 1, 2, 3, 2),
                "HZ-XXH", dailyTotal(Map.of("COMPLAINT", 1L), 1, 0, 0, 1, 0)),
                dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L, "COMPLAINT", 1L), 3, 1, 2, 4, 2));
        assertThat(EvaluationCounters.compare(expected, repeatCountedTwice)).singleElement().asString()
                .isEqualTo("evaluation counted 2 for project SH-LJY repeatContacts, expected 1");
        Map<String, Long> visitNotCounted = read(Map.of(
                "SH-LJY", dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L), 2, 0, 1, 3, 2),
                "HZ-XXH", dailyTotal(Map.of("COMPLAINT", 1L), 1, 0, 0, 1, 0)),
                dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L, "COMPLAINT", 1L), 3, 1, 1, 4, 2));
        assertThat(EvaluationCounters.compare(expected, visitNotCounted)).singleElement().asString()
                .contains("project SH-LJY channels.VISIT").contains("counted 0");
    }

    @Test
    void aContactCountedTwiceInOneProjectAndOnceTooFewInAnotherAreBothFound() {
        Map<String, Long> expected = twoProjects();
        // the company's figures are its projects' summed: 4 contacts, as expected, and no project left unread
        Map<String, Long> counted = read(Map.of(
                "SH-LJY", dailyTotal(Map.of("REPAIR", 3L, "INQUIRY", 1L), 2, 1, 1, 3, 2),
                "HZ-XXH", dailyTotal(Map.of(), 1, 0, 0, 1, 0)),
                dailyTotal(Map.of("REPAIR", 3L, "INQUIRY", 1L), 3, 1, 1, 4, 2));

        assertThat(EvaluationCounters.compare(expected, counted)).containsExactlyInAnyOrder(
                "evaluation counted 0 for project HZ-XXH contacts.COMPLAINT, expected 1",
                "evaluation counted 3 for project SH-LJY contacts.REPAIR, expected 2");
    }

    @Test
    void aContactCountedInAProjectNotReadIsFound() {
        Map<String, Long> counted = read(Map.of(
                "SH-LJY", dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L), 2, 1, 1, 3, 2),
                "HZ-XXH", dailyTotal(Map.of("COMPLAINT", 1L), 1, 0, 0, 1, 0)),
                dailyTotal(Map.of("REPAIR", 2L, "INQUIRY", 1L, "COMPLAINT", 1L, "SALES", 1L), 4, 1, 1, 4, 2));

        assertThat(EvaluationCounters.compare(twoProjects(), counted)).singleElement().asString()
                .isEqualTo("evaluation counted 1 for other projects contacts.SALES, expected 0");
    }

    /** SH-LJY: a repeat, and an incident of three callers; HZ-XXH: a case that stands for an incident from the start. */
    private static Map<String, Long> twoProjects() {
        return EvaluationCounters.projects(List.of(
                contact(1, "SH-LJY", "REPAIR", false, false), contact(2, "SH-LJY", "REPAIR", true, true),
                contact(3, "SH-LJY", "INQUIRY", false, true), contact(4, "HZ-XXH", "COMPLAINT", false, false)),
                Map.of("K1", List.of(routed("SH-LJY", "REPAIR", null), attached(2, "REPEAT", null),
                                attached(3, "INCIDENT", "I1"), attached(4, "INCIDENT", null)),
                        "K2", List.of(routed("HZ-XXH", "COMPLAINT", "I2"))));
    }

    private static Map<String, Long> read(Map<String, JsonNode> projects, JsonNode company) {
        Map<String, Long> counted = new TreeMap<>();
        projects.forEach((project, total) -> EvaluationCounters.readProject(project, total, counted));
        EvaluationCounters.readOtherProjects(company, counted);
        return counted;
    }

    /** A daily report's {@code total} as evaluation writes it: every category and channel, 0 when none. */
    private static JsonNode dailyTotal(Map<String, Long> byCategory, long phone, long visit, long repeat,
                                       long incident, long settled) {
        ObjectNode total = JSON.createObjectNode();
        ObjectNode contacts = total.putObject("contacts")
                .put("total", byCategory.values().stream().mapToLong(Long::longValue).sum());
        contacts.putObject("byChannel").put("PHONE", phone).put("VISIT", visit);
        ObjectNode categories = contacts.putObject("byCategory");
        for (ContactCategory category : ContactCategory.values()) {
            categories.put(category.name(), byCategory.getOrDefault(category.name(), 0L));
        }
        contacts.put("repeatContacts", repeat).put("incidentContacts", incident);
        total.putObject("firstContactResolution").put("settled", settled).put("contacts", phone + visit);
        return total;
    }

    private static Ledger.Request contact(long number, String project, String category, boolean visit,
                                          boolean settled) {
        return new Ledger.Request(number, "p", visit ? "R002" : "A001", "k" + number, visit, settled, project,
                category, "{}");
    }

    private static JsonNode routed(String project, String category, String incident) {
        var routed = event(EventTypes.CASE_ROUTED, 1, "c1", null);
        var data = ((ObjectNode) routed.path("data")).put("projectCode", project)
                .put("receivedAt", "2026-12-05T02:00:00Z").put("routedAt", "2026-12-05T02:00:01Z");
        if (category != null) {
            data.put("category", category);
        }
        if (incident != null) {
            data.put("incidentId", incident);
        }
        return routed;
    }

    private static JsonNode attached(long sequence, String reason, String incident) {
        var attached = event(EventTypes.CONTACT_ATTACHED, sequence, "c" + sequence, null);
        var data = ((ObjectNode) attached.path("data")).put("receivedAt", "2026-12-05T02:10:00Z")
                .put("attachedAt", "2026-12-05T02:10:01Z");
        if (reason != null) {
            data.put("reason", reason);
        }
        if (incident != null) {
            data.put("incidentId", incident);
        }
        return attached;
    }

    private static JsonNode event(String type, long sequence, String contactId, String due) {
        var data = JSON.createObjectNode().put("sequence", sequence);
        if (contactId != null) {
            data.put("contactId", contactId);
        }
        if (due != null) {
            data.putObject("deadlines").put("firstResponseDue", due + ":00Z").put("resolutionDue", due + ":30Z");
        }
        var event = JSON.createObjectNode().put("type", type);
        event.set("data", data);
        return event;
    }
}
