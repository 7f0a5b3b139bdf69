package com.caseflow.followup.timers.domain;

import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.DeadlineKind;
import com.caseflow.events.followup.FollowUpReminderIssued;
import com.caseflow.events.followup.OnDutyAlerted;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.followup.support.Cases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.caseflow.followup.support.Cases.WORKING_TIME;
import static com.caseflow.followup.support.Cases.at;
import static org.assertj.core.api.Assertions.assertThat;

class FollowedCaseTests {

    private static final int CALLERS = 1000;

    private static final FollowUpPlan PLAN = new FollowUpPlan(0.75, List.of(
            new EscalationStep("DEPARTMENT_HEAD", Duration.ZERO),
            new EscalationStep("PROJECT_MANAGER", Duration.ofHours(4)),
            new EscalationStep("EXECUTIVE", Duration.ofHours(8))));

    /** URGENT cases climb their own ladder: the head at the deadline, then within the hour. */
    private static final FollowUpPlan PLAN_WITH_URGENT_LADDER = new FollowUpPlan(0.75, PLAN.ladder(), Map.of(
            Priority.URGENT, List.of(new EscalationStep("DEPARTMENT_HEAD", Duration.ZERO),
                    new EscalationStep("PROJECT_MANAGER", Duration.ofMinutes(30)),
                    new EscalationStep("EXECUTIVE", Duration.ofMinutes(60)))));
    private static final WorkingTime ALWAYS = new WorkingTime() {
        @Override
        public Instant plus(Instant start, Duration workingTime) {
            return Cases.ALWAYS.plus(start, workingTime);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return Cases.ALWAYS.between(from, to);
        }
    };

    private final String caseId = Cases.newCaseId();

    private FollowedCase routedAt(String localTime, int firstResponseHours, int resolutionHours) {
        return FollowedCase.routed(Cases.routed(caseId, "ENGINEERING", at(localTime), firstResponseHours,
                resolutionHours, WORKING_TIME), PLAN, WORKING_TIME);
    }

    private static List<Instant> dueTimes(FollowedCase c, DeadlineKind kind) {
        return c.stages().stream().filter(s -> s.deadline() == kind).map(Stage::dueAt).toList();
    }

    @Test
    void whenACaseIsRoutedOnFridayAfternoonThenItsTimersCountOnlyBusinessHoursOverTheWeekend() {
        // Friday 2026-12-04 16:00, resolution in 8 business hours: Fri 16–18, Mon 09–15
        FollowedCase followed = routedAt("2026-12-04T16:00", 2, 8);

        assertThat(dueTimes(followed, DeadlineKind.RESOLUTION)).containsExactly(
                at("2026-12-07T13:00"),  // reminder: 6 of 8 business hours used
                at("2026-12-07T15:00"),  // level 1 at the deadline
                at("2026-12-08T10:00"),  // level 2, 4 business hours later (3 on Monday, 1 on Tuesday)
                at("2026-12-08T14:00")); // level 3, 8 business hours after the deadline
        assertThat(dueTimes(followed, DeadlineKind.FIRST_RESPONSE)).first()
                .isEqualTo(at("2026-12-04T17:30"));
    }

    @Test
    void whenNationalDayFallsInsideTheWindowThenTheHolidaysAreSkippedAndTheMakeUpSaturdayCounts() {
        // Wed Sep 30 17:00 + 4 business hours: 1 h on Sep 30, Oct 1–7 off, Thu Oct 8 09:00–12:00
        FollowedCase beforeHoliday = routedAt("2026-09-30T17:00", 1, 4);
        assertThat(dueTimes(beforeHoliday, DeadlineKind.RESOLUTION).get(0)).isEqualTo(at("2026-10-08T11:00"));
        assertThat(beforeHoliday.earliestOpenDeadline()).contains(at("2026-09-30T18:00"));

        // Fri Oct 9 17:00 + 4 business hours: 1 h on Friday, then the make-up working Saturday (调休) Oct 10
        FollowedCase beforeMakeUpDay = FollowedCase.routed(Cases.routed(Cases.newCaseId(), "ENGINEERING",
                at("2026-10-09T17:00"), 1, 4, WORKING_TIME), PLAN, WORKING_TIME);
        assertThat(dueTimes(beforeMakeUpDay, DeadlineKind.RESOLUTION)).startsWith(
                at("2026-10-10T11:00"), at("2026-10-10T12:00"));
    }

    @Test
    void whenTimersAreDueThenEachFiresOnceWithTheTimeLeftOrOverdue() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);

        assertThat(followed.fireDue(at("2026-12-01T10:29"), WORKING_TIME)).isEmpty();
        List<FollowedCase.Fired> reminder = followed.fireDue(at("2026-12-01T10:30"), WORKING_TIME);
        assertThat(reminder).singleElement().satisfies(f -> {
            FollowUpReminderIssued issued = (FollowUpReminderIssued) f.event();
            assertThat(issued.deadline()).isEqualTo(DeadlineKind.FIRST_RESPONSE);
            assertThat(issued.businessMinutesLeft()).isEqualTo(30);
            assertThat(issued.ownerId()).isNull();
        });
        assertThat(followed.fireDue(at("2026-12-01T10:31"), WORKING_TIME)).isEmpty();

        List<FollowedCase.Fired> escalation = followed.fireDue(at("2026-12-01T11:00"), WORKING_TIME);
        assertThat(escalation).singleElement().satisfies(f -> {
            CaseEscalated escalated = (CaseEscalated) f.event();
            assertThat(escalated.level()).isEqualTo(1);
            assertThat(escalated.role()).isEqualTo("DEPARTMENT_HEAD");
            assertThat(escalated.businessMinutesOverdue()).isZero();
            assertThat(escalated.departmentHead()).isEqualTo("ENG-HEAD");
        });
        assertThat(followed.escalationLevel()).isEqualTo(1);
        assertThat(followed.fireDue(at("2026-12-01T11:00"), WORKING_TIME)).isEmpty();
    }

    @Test
    void whenAGasSmellIsRoutedAt1830OnAFridayThenTheOnDutyPersonIsAlertedAtOnceAndTheHeadAfterFifteenMinutes() {
        FollowedCase urgent = FollowedCase.routed(Cases.urgent(caseId, "ENGINEERING", at("2026-12-04T18:30"), 15, 240,
                "D-ENG-02"), PLAN_WITH_URGENT_LADDER, ALWAYS);

        OnDutyAlerted alert = urgent.urgentAlert("ROUTED", "D-ENG-02", at("2026-12-04T18:30:02")).orElseThrow();
        assertThat(alert.staffId()).isEqualTo("D-ENG-02");
        assertThat(alert.fromRoster()).isTrue();
        assertThat(alert.firstResponseDue()).isEqualTo(at("2026-12-04T18:45"));
        assertThat(urgent.calendarId()).isEqualTo("24X7");
        assertThat(dueTimes(urgent, DeadlineKind.FIRST_RESPONSE)).containsExactly(
                at("2026-12-04T18:41:15"), // reminder: three quarters of fifteen minutes, that evening
                at("2026-12-04T18:45"), at("2026-12-04T19:15"), at("2026-12-04T19:45"));

        assertThat(urgent.fireDue(at("2026-12-04T18:44:59"), ALWAYS)).extracting(FollowedCase.Fired::event)
                .singleElement().isInstanceOf(FollowUpReminderIssued.class);
        assertThat(urgent.fireDue(at("2026-12-04T18:45"), ALWAYS)).extracting(FollowedCase.Fired::event)
                .singleElement().isInstanceOfSatisfying(CaseEscalated.class, e -> {
                    assertThat(e.role()).isEqualTo("DEPARTMENT_HEAD");
                    assertThat(e.departmentHead()).isEqualTo("ENG-HEAD");
                    assertThat(e.dueAt()).isEqualTo(at("2026-12-04T18:45"));
                });
        assertThat(urgent.timeline()).extracting(TimelineEntry::what).contains("ON_DUTY_ALERTED");
    }

    @Test
    void whenNobodyIsOnDutyThenTheHeadIsAlertedAndACaseThatIsNotUrgentAlertsNobody() {
        FollowedCase urgent = FollowedCase.routed(Cases.urgent(caseId, "ENGINEERING", at("2026-12-05T03:00"), 15, 240,
                null), PLAN_WITH_URGENT_LADDER, ALWAYS);
        OnDutyAlerted alert = urgent.urgentAlert("ROUTED", null, at("2026-12-05T03:00")).orElseThrow();
        assertThat(alert.staffId()).isEqualTo("ENG-HEAD");
        assertThat(alert.fromRoster()).isFalse();

        assertThat(routedAt("2026-12-04T18:30", 2, 8).urgentAlert("ROUTED", "D-ENG-02", at("2026-12-04T18:30")))
                .isEmpty();
    }

    @Test
    void whenARepeatContactMakesTheCaseUrgentThenItIsRetimedOn24x7AndClimbsTheUrgentLadder() {
        FollowedCase followed = routedAt("2026-12-04T17:00", 2, 8);
        Instant now = at("2026-12-04T19:00");
        Deadlines urgentDeadlines = Deadlines.of("24X7", at("2026-12-04T17:15"), 15, at("2026-12-04T21:00"), 240);

        followed.attached(Cases.attached(caseId, 2, "王强", "13900001111", now, urgentDeadlines),
                PLAN_WITH_URGENT_LADDER, ALWAYS, CALLERS);

        assertThat(followed.priority()).isEqualTo(Priority.URGENT);
        assertThat(followed.calendarId()).isEqualTo("24X7");
        assertThat(followed.urgentAlert("RAISED", "D-ENG-02", now)).isPresent();
        // the first response was due at 17:15 already: the head and the project manager are told at once
        assertThat(followed.fireDue(now, ALWAYS)).extracting(FollowedCase.Fired::event)
                .filteredOn(CaseEscalated.class::isInstance).extracting(e -> ((CaseEscalated) e).role())
                .containsExactlyInAnyOrder("DEPARTMENT_HEAD", "PROJECT_MANAGER", "EXECUTIVE");
    }

    @Test
    void whenTheServiceWasDownForDaysThenEachOverdueTimerFiresOnceAndAStaleReminderIsSkipped() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);

        List<FollowedCase.Fired> fired = followed.fireDue(at("2026-12-04T12:00"), WORKING_TIME);

        assertThat(fired).extracting(FollowedCase.Fired::stageId).containsExactlyInAnyOrder(
                "g1-first_response-escalation-1", "g1-first_response-escalation-2", "g1-first_response-escalation-3",
                "g1-resolution-escalation-1", "g1-resolution-escalation-2", "g1-resolution-escalation-3");
        assertThat(fired).extracting(FollowedCase.Fired::stageId).doesNotHaveDuplicates();
        assertThat(followed.stages()).filteredOn(s -> s.kind() == StageKind.REMINDER)
                .extracting(Stage::state).containsOnly(StageState.SKIPPED);
        assertThat(followed.fireDue(at("2026-12-10T12:00"), WORKING_TIME)).isEmpty();
        assertThat(followed.nextDueAt()).isEmpty();
    }

    @Test
    void whenTheCaseIsAcceptedThenTheFirstResponseTimersStopAndTheOwnerIsRemindedOfTheResolution() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);

        followed.accepted(Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", at("2026-12-01T09:40")));

        assertThat(followed.stages()).filteredOn(s -> s.deadline() == DeadlineKind.FIRST_RESPONSE)
                .extracting(Stage::state).containsOnly(StageState.CANCELLED);
        assertThat(followed.fireDue(at("2026-12-01T15:00"), WORKING_TIME)).singleElement()
                .extracting(FollowedCase.Fired::event)
                .isInstanceOfSatisfying(FollowUpReminderIssued.class, r -> {
                    assertThat(r.deadline()).isEqualTo(DeadlineKind.RESOLUTION);
                    assertThat(r.ownerId()).isEqualTo("D-ENG-01");
                });
    }

    @Test
    void whenTheCaseIsTransferredThenTheOldClockStopsAndTheNewDepartmentsClockStartsFromTheTransfer() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);
        followed.fireDue(at("2026-12-01T11:00"), WORKING_TIME);
        assertThat(followed.escalationLevel()).isEqualTo(1);

        followed.transferred(Cases.transferred(caseId, 2, "ENGINEERING", "PROPERTY_MANAGEMENT",
                at("2026-12-01T11:30"), 2, 16, WORKING_TIME), PLAN, WORKING_TIME);

        assertThat(followed.departmentCode()).isEqualTo("PROPERTY_MANAGEMENT");
        assertThat(followed.departmentHead()).isEqualTo("PM-HEAD");
        assertThat(followed.escalationLevel()).isZero();
        assertThat(followed.earliestOpenDeadline()).contains(at("2026-12-01T13:30"));
        assertThat(followed.stages()).filteredOn(s -> s.id().startsWith("g1-"))
                .extracting(Stage::state).doesNotContain(StageState.PENDING);
        assertThat(followed.nextDueAt()).contains(at("2026-12-01T13:00"));
    }

    @Test
    void whenTheCaseIsResolvedOrMergedThenNoTimerIsLeft() {
        FollowedCase resolved = routedAt("2026-12-01T09:00", 2, 8);
        resolved.accepted(Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", at("2026-12-01T09:10")));
        resolved.resolved(Cases.resolved(caseId, 3, "ENGINEERING", at("2026-12-01T10:00")));
        assertThat(resolved.nextDueAt()).isEmpty();
        assertThat(resolved.earliestOpenDeadline()).isEmpty();
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);

        FollowedCase merged = routedAt("2026-12-01T09:00", 2, 8);
        merged.merged(new CaseMerged(caseId, 2, "ENGINEERING", "lead", "incident-1", at("2026-12-01T09:30")));
        assertThat(merged.nextDueAt()).isEmpty();
        assertThat(merged.fireDue(at("2026-12-09T09:00"), WORKING_TIME)).isEmpty();
    }

    @Test
    void whenAResolvedCaseIsReopenedThenNewDeadlinesRunWithTheRaisedPriorityAndItsSequenceIsRemembered() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);
        followed.accepted(Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", at("2026-12-01T09:10")));
        followed.resolved(Cases.resolved(caseId, 3, "ENGINEERING", at("2026-12-01T10:00")));

        Instant reopenedAt = at("2026-12-02T10:00");
        followed.reopened(new CaseReopened(caseId, 4, "ENGINEERING", "回访：满意度 1", "request-1", Priority.URGENT,
                Cases.deadlines(reopenedAt, 1, 4, WORKING_TIME), reopenedAt), PLAN, WORKING_TIME);

        assertThat(followed.status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(followed.priority()).isEqualTo(Priority.URGENT);
        assertThat(followed.ownerId()).isNull();
        assertThat(followed.earliestOpenDeadline()).contains(at("2026-12-02T11:00"));
        assertThat(followed.hasApplied(4)).isTrue();
        assertThat(followed.hasApplied(5)).isFalse();
    }

    @Test
    void whenARepeatContactRaisesThePriorityThenTheShorterDeadlinesAreTimedFromTheOriginalStart() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);
        followed.accepted(Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", at("2026-12-01T09:20")));

        followed.attached(Cases.attached(caseId, 3, "李娜", "13812345678", at("2026-12-01T10:00"),
                Cases.deadlines(at("2026-12-01T09:00"), 1, 4, WORKING_TIME)), PLAN, WORKING_TIME, CALLERS);

        assertThat(followed.earliestOpenDeadline()).contains(at("2026-12-01T13:00"));
        assertThat(followed.deadlines()).filteredOn(d -> d.kind() == DeadlineKind.FIRST_RESPONSE)
                .singleElement().satisfies(d -> assertThat(d.metAt()).isEqualTo(at("2026-12-01T09:20")));
        assertThat(followed.fireDue(at("2026-12-01T12:00"), WORKING_TIME)).singleElement()
                .satisfies(f -> assertThat(f.stageId()).isEqualTo("g2-resolution-reminder"));
    }

    @Test
    void whenCustomersJoinAnIncidentThenEachDifferentNumberIsKeptForTheCallbackOnce() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);

        followed.attached(Cases.attached(caseId, 2, "王强", "13900001111", at("2026-12-01T09:05")),
                PLAN, WORKING_TIME, CALLERS);
        followed.attached(Cases.attached(caseId, 3, "王强", "13900001111", at("2026-12-01T09:06")),
                PLAN, WORKING_TIME, CALLERS);
        followed.attached(Cases.attached(caseId, 4, "陈静", "021-58881234", at("2026-12-01T09:07")),
                PLAN, WORKING_TIME, CALLERS);

        assertThat(followed.callers()).extracting(c -> c.customer().name()).containsExactly("李娜", "王强", "陈静");
        assertThat(followed.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void whenACaseSpillsItsTimelineThenItKeepsItsFirstEntryItsNewestAndThoseNotYetStoredWithUnchangedNumbers() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);
        for (int i = 0; i < 10; i++) {
            followed.transferred(Cases.transferred(caseId, 2 + i, "ENGINEERING", "PROPERTY",
                    at("2026-12-01T09:00").plusSeconds(60L * (i + 1)), 2, 8, WORKING_TIME), PLAN, WORKING_TIME);
        }
        List<TimelineEntry> whole = followed.timeline();
        assertThat(followed.timelineCount()).isEqualTo(whole.size()).isEqualTo(33);
        FollowedCase.Stored stored = followed.stored();
        followed.resolved(Cases.resolved(caseId, 12, "PROPERTY", at("2026-12-01T10:00")));

        FollowedCase.Spilled spilled = followed.spillable(5, stored);
        followed.drop(spilled);

        // entries 2..29 leave; 1 stays, 30..33 are the newest stored, 34 (the resolution) is not stored yet
        assertThat(spilled.timeline()).extracting(NumberedEntry::number)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 29).boxed().toList());
        assertThat(spilled.timeline()).extracting(NumberedEntry::entry).containsExactlyElementsOf(whole.subList(1, 29));
        assertThat(followed.numberedTimeline()).extracting(NumberedEntry::number).containsExactly(1L, 30L, 31L, 32L,
                33L, 34L);
        assertThat(followed.numberedTimeline().get(1).entry()).isEqualTo(whole.get(29));
        assertThat(followed.timeline().get(followed.timeline().size() - 1).what()).isEqualTo("RESOLVED");
        assertThat(followed.timelineCount()).isEqualTo(34);

        assertThat(followed.spillable(5, followed.stored()).timeline()).as("the newest five stay").isEmpty();
        followed.reopened(new CaseReopened(caseId, 13, "PROPERTY", "回访不满意", "request-1", Priority.HIGH,
                Cases.deadlines(at("2026-12-01T11:00"), 2, 8, WORKING_TIME), at("2026-12-01T11:00")), PLAN,
                WORKING_TIME);
        assertThat(followed.spillable(5, followed.stored()).timeline()).extracting(NumberedEntry::number)
                .containsExactly(30L, 31L, 32L);
    }

    @Test
    void whenNewDeadlinesAreSetThenOnlyTheSettledTimersOfGenerationsBeforeTheLastTwoLeave() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);
        followed.transferred(Cases.transferred(caseId, 2, "ENGINEERING", "PROPERTY", at("2026-12-01T09:10"), 2, 8,
                WORKING_TIME), PLAN, WORKING_TIME);
        FollowedCase.Stored stored = followed.stored();
        followed.transferred(Cases.transferred(caseId, 3, "PROPERTY", "ENGINEERING", at("2026-12-01T09:20"), 2, 8,
                WORKING_TIME), PLAN, WORKING_TIME);

        FollowedCase.Spilled spilled = followed.spillable(50, stored);
        followed.drop(spilled);

        assertThat(spilled.timers()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.id()).startsWith("g1-");
            assertThat(s.state()).isEqualTo(StageState.CANCELLED);
        });
        assertThat(followed.stages()).extracting(Stage::id).allMatch(id -> id.startsWith("g2-") || id.startsWith("g3-"))
                .anyMatch(id -> id.startsWith("g3-"));
        assertThat(followed.stages()).filteredOn(s -> s.id().startsWith("g3-"))
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(StageState.PENDING));
        assertThat(followed.nextDueAt()).isPresent();
    }

    @Test
    void whenACaseHoldsAsManyCustomersAsItMayThenOneMoreGetsNoPlaceButAKnownOneStillJoins() {
        FollowedCase followed = routedAt("2026-12-01T09:00", 2, 8);

        assertThat(followed.attached(Cases.attached(caseId, 2, "王强", "13900001111", at("2026-12-01T09:05")),
                PLAN, WORKING_TIME, 2)).isTrue();
        assertThat(followed.attached(Cases.attached(caseId, 3, "陈静", "021-58881234", at("2026-12-01T09:06")),
                PLAN, WORKING_TIME, 2)).isFalse();
        assertThat(followed.attached(Cases.attached(caseId, 4, "王强", "13900001111", at("2026-12-01T09:07")),
                PLAN, WORKING_TIME, 2)).isTrue();

        assertThat(followed.callers()).extracting(c -> c.customer().name()).containsExactly("李娜", "王强");
        assertThat(followed.timeline()).filteredOn(e -> e.what().equals("CONTACT_ATTACHED")).hasSize(3);
        assertThat(followed.sequence()).isEqualTo(4);
    }
}
