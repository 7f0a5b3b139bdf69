package com.caseflow.routing.cases.domain;

import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseTests {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    private static final Deadlines DEADLINES = new Deadlines(T0.plus(Duration.ofHours(1)),
            T0.plus(Duration.ofHours(8)), 1, 8);
    private static final CaseCustomer CUSTOMER = new CaseCustomer("王小明", "13812345678");

    static Case.Opened opened(Priority priority) {
        return Case.open("case-1",
                new Case.Opening("contact-1", "A001", Channel.PHONE, T0.minusSeconds(1), "SH-LJY", "3栋2单元1201",
                        ContactCategory.REPAIR, "卫生间天花板漏水", CUSTOMER),
                new Case.Routing("ENGINEERING", Complexity.COMPLEX, priority, List.of("漏水"), "repairs", 3,
                        DEADLINES, null),
                T0);
    }

    private static Case inProgress() {
        Case c = opened(Priority.NORMAL).routed();
        c.accept("D-ENG-01", T0.plusSeconds(60));
        return c;
    }

    @Test
    void whenACaseIsOpenedThenItIsInOneQueueWithItsRuleAndTheFirstEventOfItsHistory() {
        Case.Opened opened = opened(Priority.URGENT);

        CaseRouted event = opened.event();
        assertThat(opened.routed().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(event.departmentCode()).isEqualTo("ENGINEERING");
        assertThat(event.ruleId()).isEqualTo("repairs");
        assertThat(event.ruleVersion()).isEqualTo(3);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.deadlines()).isEqualTo(DEADLINES);
        assertThat(opened.routed().history()).extracting(HistoryEntry::type)
                .containsExactly("caseflow.case.routed.v1");
    }

    @Test
    void whenTheCaseMovesThenEachStepHasTheNextSequenceAndHistoryKeepsTheOrder() {
        Case c = opened(Priority.NORMAL).routed();

        CaseAccepted accepted = c.accept("D-ENG-01", T0.plusSeconds(60));
        c.addNote("D-ENG-01", "已上门查看", T0.plusSeconds(120));
        CaseTransferred transferred = c.transfer("PROPERTY_MANAGEMENT", "需物业协调入户", "D-ENG-01", DEADLINES,
                T0.plusSeconds(180));
        c.accept("D-PM-01", T0.plusSeconds(240));
        CaseResolved resolved = c.resolve("D-PM-01", "已修复", T0.plusSeconds(300));

        assertThat(accepted.sequence()).isEqualTo(2);
        assertThat(transferred.sequence()).isEqualTo(4);
        assertThat(transferred.fromDepartment()).isEqualTo("ENGINEERING");
        assertThat(resolved.sequence()).isEqualTo(6);
        assertThat(resolved.contactIds()).containsExactly("contact-1");
        assertThat(c.departmentCode()).isEqualTo("PROPERTY_MANAGEMENT");
        assertThat(c.history()).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(c.history().get(3).detail()).contains("ENGINEERING → PROPERTY_MANAGEMENT", "需物业协调入户");
    }

    @Test
    void whenATransferHappensThenTheCaseWaitsInTheNewQueueWithoutOwnerAndWithNewDeadlines() {
        Case c = inProgress();
        Deadlines fresh = new Deadlines(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(3)), 8, 24);

        c.transfer("LEGAL", "客户要求法律意见", "D-ENG-01", fresh, T0.plusSeconds(100));

        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.ownerId()).isNull();
        assertThat(c.deadlines()).isEqualTo(fresh);
    }

    @Test
    void whenAStepIsNotAllowedInTheCurrentStateThenItIsRefusedAndNothingChanges() {
        Case open = opened(Priority.NORMAL).routed();
        assertThatThrownBy(() -> open.resolve("D-ENG-01", "x", T0)).isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> open.reopen("r1", "x", DEADLINES, T0)).isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> open.transfer("ENGINEERING", "x", "D-ENG-01", DEADLINES, T0))
                .isInstanceOf(CaseTransitionException.class);

        Case accepted = inProgress();
        assertThatThrownBy(() -> accepted.accept("D-ENG-02", T0)).isInstanceOf(CaseTransitionException.class);

        Case resolved = inProgress();
        resolved.resolve("D-ENG-01", "已修复", T0.plusSeconds(100));
        long sequence = resolved.sequence();
        assertThatThrownBy(() -> resolved.accept("D-ENG-01", T0)).isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> resolved.addNote("D-ENG-01", "x", T0)).isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> resolved.transfer("LEGAL", "x", "D-ENG-01", DEADLINES, T0))
                .isInstanceOf(CaseTransitionException.class);
        assertThatThrownBy(() -> resolved.resolve("D-ENG-01", "x", T0)).isInstanceOf(CaseTransitionException.class);
        assertThat(resolved.sequence()).isEqualTo(sequence);
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void whenAResolvedCaseIsReopenedThenItIsOpenInTheSameDepartmentWithRaisedPriority() {
        Case c = inProgress();
        c.resolve("D-ENG-01", "已修复", T0.plusSeconds(100));

        CaseReopened reopened = c.reopen("request-1", "回访：满意度 2", DEADLINES, T0.plusSeconds(200));

        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.departmentCode()).isEqualTo("ENGINEERING");
        assertThat(reopened.priority()).isEqualTo(Priority.HIGH);
        assertThat(c.reopenCount()).isEqualTo(1);
        assertThat(c.hasAppliedReopenRequest("request-1")).isTrue();
        assertThat(c.resolution()).isNull();
    }

    @Test
    void whenAReopenRequestNamesAResolutionThenOnlyTheCurrentOneIsReopened() {
        Case c = inProgress();
        assertThat(c.currentResolution()).isEmpty();
        assertThat(c.isReopenedBy(null)).as("not resolved").isFalse();
        long first = c.resolve("D-ENG-01", "已修复", T0.plusSeconds(100)).sequence();
        assertThat(c.currentResolution()).hasValue(first);
        assertThat(c.isReopenedBy(first)).isTrue();

        c.reopen("request-1", "回访：满意度 2", DEADLINES, T0.plusSeconds(200));
        assertThat(c.currentResolution()).isEmpty();
        assertThat(c.isReopenedBy(first)).as("open again").isFalse();
        c.accept("D-ENG-02", T0.plusSeconds(300));
        long second = c.resolve("D-ENG-02", "已更换管道", T0.plusSeconds(400)).sequence();

        assertThat(second).isGreaterThan(first);
        assertThat(c.currentResolution()).hasValue(second);
        assertThat(c.isReopenedBy(first)).as("a late request about the first resolution").isFalse();
        assertThat(c.isReopenedBy(second)).isTrue();
        assertThat(c.isReopenedBy(null)).as("a request from before requests named their resolution").isTrue();
    }

    @Test
    void whenARepeatContactJoinsThenPriorityRisesAndTheSameContactCannotJoinTwice() {
        Case c = opened(Priority.NORMAL).routed();
        CaseContact again = new CaseContact("contact-2", "A002", Channel.PHONE, T0.plusSeconds(500), CUSTOMER,
                AttachReason.REPEAT);

        ContactAttached attached = c.attach(again, Priority.HIGH, DEADLINES, T0.plusSeconds(501));

        assertThat(attached.priority()).isEqualTo(Priority.HIGH);
        assertThat(c.contacts()).extracting(CaseContact::contactId).containsExactly("contact-1", "contact-2");
        assertThatThrownBy(() -> c.attach(again, Priority.URGENT, DEADLINES, T0))
                .isInstanceOf(CaseTransitionException.class);
    }

    @Test
    void whenACaseIsMergedIntoAnIncidentThenItIsClosedAndPointsAtTheIncidentCase() {
        Case c = opened(Priority.NORMAL).routed();

        c.mergeInto("lead-case", "INC-1", T0.plusSeconds(10));

        assertThat(c.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(c.status().isOpen()).isFalse();
        assertThat(c.mergedInto()).isEqualTo("lead-case");
        assertThatThrownBy(() -> c.accept("D-ENG-01", T0)).isInstanceOf(CaseTransitionException.class);
    }

    @Test
    void whenNobodyAcceptsBeforeTheFirstResponseDeadlineThenTheCaseIsOverdue() {
        Case c = opened(Priority.NORMAL).routed();

        assertThat(c.isOverdue(DEADLINES.firstResponseDue().minusSeconds(1))).isFalse();
        assertThat(c.isOverdue(DEADLINES.firstResponseDue().plusSeconds(1))).isTrue();
        c.accept("D-ENG-01", DEADLINES.firstResponseDue().plusSeconds(2));
        assertThat(c.isOverdue(DEADLINES.firstResponseDue().plusSeconds(3))).isFalse();
        assertThat(c.isOverdue(DEADLINES.resolutionDue().plusSeconds(1))).isTrue();
    }

    @Test
    void whenACaseSpillsItsHistoryThenItKeepsTheOpeningTheLatestOfEachTypeAndTheNewestButNothingUnstored() {
        Case c = inProgress();
        for (int i = 1; i <= 20; i++) {
            c.addNote("D-ENG-01", "备注" + i, T0.plusSeconds(100 + i));
        }
        c.transfer("PROPERTY", "物业负责", "D-ENG-01", DEADLINES, T0.plusSeconds(200));
        long stored = c.sequence();
        c.addNote("D-PM-01", "已接手", T0.plusSeconds(300));

        List<HistoryEntry> spilled = c.spillHistory(3, stored);

        // 1 routed, 2 accepted, 3..22 notes, 23 transferred, 24 the note not yet stored with the case
        assertThat(c.history()).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 22L, 23L, 24L);
        assertThat(spilled).extracting(HistoryEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(3, 21).boxed().toList());
        assertThat(c.historyCount()).isEqualTo(24);
        assertThat(c.spillHistory(3, stored)).isEmpty();
        assertThat(c.spillHistory(0, 23)).extracting(HistoryEntry::sequence).containsExactly(22L);
        assertThat(c.history()).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 23L, 24L);
    }
}
