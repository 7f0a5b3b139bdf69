package com.caseflow.routing.cases.application;

import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.CaseTransitionException;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.cases.persistence.VersionedCase;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.onduty.application.OnDutyRosters;
import com.caseflow.routing.rules.application.TransferLearning;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A department's work on its cases, as its staff do it through the API. Staff act on their own department's cases
 * only; supervisors and managers read every case. A step the case's state does not allow, or an edit of a version
 * somebody else changed meanwhile, is a 409.
 */
@Service
public class CaseWork {

    private final CaseStore cases;
    private final CaseEvents events;
    private final DepartmentRegistry departments;
    private final DeadlinePolicy deadlines;
    private final OnDutyRosters onDuty;
    private final Clock clock;
    private final TransferLearning corrections;
    private final CaseProperties properties;

    public CaseWork(CaseStore cases, CaseEvents events, DepartmentRegistry departments, DeadlinePolicy deadlines,
                    OnDutyRosters onDuty, Clock clock, TransferLearning corrections, CaseProperties properties) {
        this.cases = cases;
        this.events = events;
        this.departments = departments;
        this.deadlines = deadlines;
        this.onDuty = onDuty;
        this.clock = clock;
        this.corrections = corrections;
        this.properties = properties;
    }

    public VersionedCase read(Staff staff, String caseId) {
        VersionedCase found = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        if (!mayRead(staff, found.state().departmentCode())) {
            throw forbidden();
        }
        return found;
    }

    /** One page of a case's steps, oldest first, of every step it took. */
    /** One page of the steps of a case the reader was allowed to {@link #read}. */
    public Page<HistoryEntry> history(Case state, int page, int size) {
        long from = (long) page * size + 1;
        return new PageImpl<>(cases.history(state, from, from + size - 1), PageRequest.of(page, size),
                state.historyCount());
    }

    public Page<Case> queue(Staff staff, CaseStore.QueueQuery query) {
        if (departments.find(query.departmentCode()).isEmpty()) {
            throw new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no department " + query.departmentCode());
        }
        if (!mayRead(staff, query.departmentCode())) {
            throw forbidden();
        }
        return cases.queue(query, clock.instant());
    }

    /**
     * The open cases (open or in progress) and the overdue ones of every department the staff member may read — all
     * for supervisors and managers, their own for department staff — as their queues count them.
     */
    public List<CaseStore.DepartmentCount> openCounts(Staff staff) {
        return cases.countByDepartment(List.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS), clock.instant()).stream()
                .filter(c -> mayRead(staff, c.departmentCode())).toList();
    }

    public VersionedCase accept(Staff staff, String caseId, Long ifMatch) {
        return act(staff, caseId, ifMatch, (c, at) -> c.accept(staff.staffId(), at));
    }

    public VersionedCase addNote(Staff staff, String caseId, Long ifMatch, String note) {
        return act(staff, caseId, ifMatch, (c, at) -> c.addNote(staff.staffId(), note, at));
    }

    public VersionedCase resolve(Staff staff, String caseId, Long ifMatch, String resolution) {
        return act(staff, caseId, ifMatch, (c, at) -> c.resolve(staff.staffId(), resolution, at));
    }

    /** The new department gets new deadlines, counted from now by its own SLA policy. */
    public VersionedCase transfer(Staff staff, String caseId, Long ifMatch, String toDepartment, String reason) {
        Department target = departments.find(toDepartment).filter(Department::active)
                .orElseThrow(() -> new InvalidRequestException(List.of(
                        new FieldProblem("toDepartment", "must name an active department"))));
        return act(staff, caseId, ifMatch, (c, at) -> {
            if (c.transferCount() >= properties.maxTransfersPerCase()) {
                throw new RequestRefusedException(HttpStatus.CONFLICT, "transfer-limit", "转派次数已达上限",
                        "toDepartment：本案件已转派 " + c.transferCount() + " 次，达到每个案件 "
                                + properties.maxTransfersPerCase() + " 次的上限。请由主管协调，在当前部门办结。");
            }
            return c.transfer(target.code(), reason, staff.staffId(), deadlines.from(at, target, c.priority()), at)
                    .withDepartment(target.head(), onDuty.forCase(target.code(), c.priority(), at));
        });
    }

    private interface Step {
        Object apply(Case subject, Instant at);
    }

    private VersionedCase act(Staff staff, String caseId, Long ifMatch, Step step) {
        VersionedCase found = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        if (!mayAct(staff, found.state().departmentCode())) {
            throw forbidden();
        }
        if (cases.backlogged(caseId, properties.maxPendingEventsPerCase())) {
            // the broker is away and the case's document holds every event since: it must not grow without bound
            throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "case-backlog", "请稍后再试",
                    "本案件已有 " + properties.maxPendingEventsPerCase()
                            + " 条处理记录等待发送（消息服务暂时不可用），暂不能保存新的操作，请稍后再试。");
        }
        if (ifMatch != null && ifMatch != found.version()) {
            throw new ConflictException("the case is at version " + found.version() + ", not " + ifMatch
                    + ": reload it and try again");
        }
        Case subject = found.state();
        long stored = subject.sequence();
        Instant now = clock.instant();
        Object event;
        try {
            event = step.apply(subject, now);
        } catch (CaseTransitionException e) {
            throw new RequestRefusedException(HttpStatus.CONFLICT, "invalid-transition", "Not allowed now",
                    e.getMessage());
        }
        try {
            cases.update(subject, found.version(), stored, events.entries(subject, List.of(event), now));
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("the case was changed by someone else meanwhile: reload it and try again");
        }
        if (event instanceof CaseTransferred) {
            // a transfer corrects routing: counted against the rule and words that sent the case here
            corrections.transferred(subject);
        }
        return new VersionedCase(subject, found.version() + 1);
    }

    private static boolean mayRead(Staff staff, String departmentCode) {
        return staff.is(Roles.SUPERVISOR) || staff.is(Roles.MANAGER) || mayAct(staff, departmentCode);
    }

    private static boolean mayAct(Staff staff, String departmentCode) {
        return staff.is(Roles.DEPARTMENT_STAFF) && departmentCode.equals(staff.department());
    }

    private static RequestRefusedException notFound(String caseId) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case " + caseId);
    }

    private static RequestRefusedException forbidden() {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this case belongs to another department");
    }
}
