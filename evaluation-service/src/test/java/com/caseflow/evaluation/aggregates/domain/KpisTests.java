package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.DeadlineKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** KPI math against a small month worked out by hand. */
class KpisTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wall-clock time stands in for business time here: the fixture's cases live within one working day. */
    private final Folding folding = new Folding(SHANGHAI, (calendar, from, to) -> Duration.between(from, to));

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static ContactReceived call(String id, Boolean withinThreeRings, boolean complete, boolean settled) {
        Instant t = at("2026-11-03T09:00");
        return new ContactReceived(id, Channel.PHONE, "A001", t, null, null, null, withinThreeRings, true, null, null,
                null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", "3栋", "漏水", ContactCategory.REPAIR,
                settled, complete);
    }

    private static ContactReceived visit(String id, Instant arrived, Instant greeted) {
        return new ContactReceived(id, Channel.VISIT, "A001", greeted, null, null, null, null, null, arrived, greeted,
                "陈经理", "李娜", CallerType.OWNER, "021-58881234", null, "SH-LJY", null, "咨询交房",
                ContactCategory.HANDOVER, false, true);
    }

    private static CaseRouted routed(String caseId, Instant at, Instant firstResponseDue, Instant resolutionDue) {
        return new CaseRouted(caseId, 1, "c-" + caseId, "A001", Channel.PHONE, at, "SH-LJY", "3栋",
                ContactCategory.REPAIR, "漏水", null, Complexity.COMPLEX, Priority.HIGH, List.of(), "ENGINEERING",
                "repairs", 1, new Deadlines(firstResponseDue, resolutionDue, 1, 8), null, at, "ENG-HEAD");
    }

    private static CustomerFeedbackRecorded feedback(int satisfaction) {
        return new CustomerFeedbackRecorded("case", "cb", "contact", "A001", "ENGINEERING", "SH-LJY", 1, true,
                satisfaction, satisfaction >= 3, null, true, "D-CS-01", at("2026-11-05T10:00"));
    }

    @Test
    void whenAnAgentsMonthIsFoldedThenTheKpisMatchTheHandCount() {
        AgentDay sum = AgentDay.NONE;
        for (Folding.Folded f : List.of(
                folding.contact(call("1", true, true, true)),
                folding.contact(call("2", true, true, false)),
                folding.contact(call("3", false, false, true)),
                folding.contact(call("4", null, true, false)),
                folding.contact(visit("5", at("2026-11-03T10:00:00"), at("2026-11-03T10:00:30"))),
                folding.routed(routed("k1", at("2026-11-03T09:01"), at("2026-11-03T10:01"), at("2026-11-03T17:01"))),
                folding.routed(routed("k2", at("2026-11-03T09:02"), at("2026-11-03T10:02"), at("2026-11-03T17:02"))),
                folding.feedback(feedback(5)), folding.feedback(feedback(4)), folding.feedback(feedback(2)))) {
            for (Folding.AgentDelta d : f.agents()) {
                sum = sum.plus(d.add());
            }
        }
        // A002 only took a repeat call on k1: the reopening counts against A001, who opened it
        CaseFacts k1 = new CaseFacts("k1", "ENGINEERING", List.of("A001", "A002"), at("2026-11-03T09:01"), null, null,
                3);
        List<Folding.AgentDelta> reopened = folding.reopened(new CaseReopened("k1", 4, "ENGINEERING", "回访不满意", "r1",
                Priority.URGENT, null, at("2026-11-06T09:00")), k1).agents();
        assertThat(reopened).extracting(Folding.AgentDelta::agentId).containsExactly("A001");
        sum = sum.plus(reopened.get(0).add());

        Kpis.AgentKpis kpis = Kpis.of(sum);

        assertThat(kpis.contacts()).isEqualTo(5);
        assertThat(kpis.phoneCalls()).isEqualTo(4);
        assertThat(kpis.visits()).isEqualTo(1);
        assertThat(kpis.answerWithinThreeRingsRate()).isCloseTo(2.0 / 3, within(1e-9)); // call 4 was not timed
        assertThat(kpis.averageGreetSeconds()).isEqualTo(30.0);
        assertThat(kpis.completeRecordRate()).isEqualTo(0.8);
        assertThat(kpis.firstContactResolutionRate()).isEqualTo(0.4);
        assertThat(kpis.averageSatisfaction()).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(kpis.csat()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(kpis.reopenRate()).isEqualTo(0.5);
    }

    @Test
    void whenADepartmentsCasesAreFoldedThenSlaComplianceResolutionTimesAndEscalationsMatchTheHandCount() {
        // k1 in time; k2 accepted and resolved late (and escalated a level up); k3 never accepted, escalated at its
        // first-response deadline: it must count against the department. (Which event decides a deadline when
        // several tell — a late acceptance and the escalation — is the folder's: EventFolderTests.)
        CaseFacts early = new CaseFacts("k1", "ENGINEERING", List.of("A001"), at("2026-11-03T09:00"),
                at("2026-11-03T10:00"), at("2026-11-03T17:00"), 1);
        CaseFacts late = new CaseFacts("k2", "ENGINEERING", List.of("A002"), at("2026-11-03T09:00"),
                at("2026-11-03T10:00"), at("2026-11-03T17:00"), 1);
        DepartmentDay sum = DepartmentDay.NONE;
        for (Folding.Folded f : List.of(
                folding.routed(routed("k1", at("2026-11-03T09:00"), at("2026-11-03T10:00"), at("2026-11-03T17:00"))),
                folding.routed(routed("k2", at("2026-11-03T09:00"), at("2026-11-03T10:00"), at("2026-11-03T17:00"))),
                folding.accepted(new CaseAccepted("k1", 2, "ENGINEERING", "D-ENG-01", at("2026-11-03T09:30")), early),
                folding.accepted(new CaseAccepted("k2", 2, "ENGINEERING", "D-ENG-01", at("2026-11-03T10:30")), late),
                folding.resolved(new CaseResolved("k1", 3, "ENGINEERING", "D-ENG-01", "修好", List.of(),
                        at("2026-11-03T12:00")), early),
                folding.resolved(new CaseResolved("k2", 3, "ENGINEERING", "D-ENG-01", "修好", List.of(),
                        at("2026-11-03T19:00")), late),
                folding.escalated(new CaseEscalated("k2", DeadlineKind.FIRST_RESPONSE, 2, "PROJECT_MANAGER",
                        "ENGINEERING", null, "SH-LJY", Priority.HIGH, at("2026-11-03T10:00"), 240,
                        at("2026-11-03T14:00"), "ENG-HEAD"), at("2026-11-03T09:00")),
                folding.routed(routed("k3", at("2026-11-03T09:00"), at("2026-11-03T10:00"), at("2026-11-03T17:00"))),
                folding.escalated(new CaseEscalated("k3", DeadlineKind.FIRST_RESPONSE, 1, "DEPARTMENT_HEAD",
                        "ENGINEERING", null, "SH-LJY", Priority.HIGH, at("2026-11-03T10:00"), 0,
                        at("2026-11-03T10:00"), "ENG-HEAD"), at("2026-11-03T09:00")),
                folding.feedback(feedback(4)))) {
            for (Folding.DepartmentDelta d : f.departments()) {
                sum = sum.plus(d.add());
            }
        }

        Kpis.DepartmentKpis kpis = Kpis.of(sum);

        assertThat(kpis.casesRouted()).isEqualTo(3);
        assertThat(kpis.firstResponseCompliance()).isEqualTo(1.0 / 3);
        assertThat(kpis.resolutionCompliance()).isEqualTo(0.5);
        assertThat(kpis.averageResolutionHours()).isEqualTo(6.5); // 3 h and 10 h
        assertThat(kpis.p90ResolutionHours()).isEqualTo(10);
        assertThat(kpis.escalationsByLevel()).isEqualTo(Map.of("1", 1L, "2", 1L));
        assertThat(kpis.averageSatisfaction()).isEqualTo(4.0);
        assertThat(kpis.csat()).isEqualTo(1.0);
        assertThat(kpis.reopenRate()).isZero();
    }

    @Test
    void whenNothingWasCountedThenRatesAreAbsentRatherThanZero() {
        Kpis.AgentKpis none = Kpis.of(AgentDay.NONE);
        assertThat(none.answerWithinThreeRingsRate()).isNull();
        assertThat(none.csat()).isNull();
        assertThat(Kpis.of(DepartmentDay.NONE).p90ResolutionHours()).isNull();
    }
}
