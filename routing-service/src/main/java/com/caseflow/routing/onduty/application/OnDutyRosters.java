package com.caseflow.routing.onduty.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.onduty.domain.DutyRoster;
import com.caseflow.routing.onduty.domain.RosterViolation;
import com.caseflow.routing.onduty.domain.Shift;
import com.caseflow.routing.onduty.persistence.RosterDocument;
import com.caseflow.routing.onduty.persistence.RosterStore;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The departments' on-duty rosters (值班表): who answers for a department at any hour. Routing names that person on
 * every URGENT case it announces, and follow-up alerts them at once. The department head (or an administrator) plans
 * the roster; everyone signed in may read who is on duty.
 */
@Service
public class OnDutyRosters {

    /** Shifts that ended this long ago are dropped at the next change. */
    private static final Duration KEPT = Duration.ofDays(90);

    private final RosterStore store;
    private final DepartmentRegistry departments;
    private final Clock clock;

    public OnDutyRosters(RosterStore store, DepartmentRegistry departments, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.clock = clock;
    }

    /** A department's roster as planned, with the stretches nobody is on duty. */
    public record Planned(String departmentCode, List<Shift> shifts, List<Instant[]> gaps, long version,
                          String changedBy, Instant changedAt) {
    }

    /** Who is on duty for the department at that moment, if the roster names anyone. */
    public Optional<String> onDuty(String departmentCode, Instant at) {
        return store.find(departmentCode).flatMap(d -> new DutyRoster(d.shifts()).onDutyAt(at)).map(Shift::staffId);
    }

    /** Who is on duty for a known department now. */
    public Optional<String> onDutyNow(String departmentCode) {
        requireDepartment(departmentCode);
        return onDuty(departmentCode, clock.instant());
    }

    /**
     * Who an URGENT case announced at {@code at} names as on duty: the roster's person, or nobody (follow-up then
     * alerts the head). Null for a case that is not urgent: only urgent cases wake anyone.
     */
    public String forCase(String departmentCode, Priority priority, Instant at) {
        return priority == Priority.URGENT ? onDuty(departmentCode, at).orElse(null) : null;
    }

    public Planned read(String departmentCode, Instant from, Instant to) {
        requireDepartment(departmentCode);
        Optional<RosterDocument> stored = store.find(departmentCode);
        DutyRoster roster = new DutyRoster(stored.map(RosterDocument::shifts).orElse(List.of()));
        return new Planned(departmentCode, roster.within(from, to), roster.gaps(from, to),
                stored.map(RosterDocument::version).orElse(0L), stored.map(RosterDocument::changedBy).orElse(null),
                stored.map(RosterDocument::changedAt).orElse(null));
    }

    /**
     * Plans {@code [from, to)} anew with {@code shifts}.
     *
     * @param expectedVersion the version the planner read; null to plan over whatever is there
     */
    public Planned replace(Staff staff, String departmentCode, Instant from, Instant to, List<Shift> shifts,
                           Long expectedVersion) {
        Department department = requireDepartment(departmentCode);
        boolean head = staff.is(Roles.DEPARTMENT_STAFF) && departmentCode.equals(staff.department())
                && staff.staffId().equals(department.head());
        if (!head && !staff.is(Roles.ADMIN)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the roster of " + departmentCode + " is planned by its head (" + department.head()
                            + ") or an administrator");
        }
        List<RosterViolation> violations = DutyRoster.violations(from, to, shifts);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new FieldProblem(v.field(), v.message())).toList());
        }
        Optional<RosterDocument> stored = store.find(departmentCode);
        long version = stored.map(RosterDocument::version).orElse(0L);
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("the roster of " + departmentCode + " is at version " + version + ", not "
                    + expectedVersion + ": reload it and plan again");
        }
        Instant now = clock.instant();
        DutyRoster next = new DutyRoster(stored.map(RosterDocument::shifts).orElse(List.of()))
                .replace(from, to, shifts).endedBefore(now.minus(KEPT));
        try {
            store.save(departmentCode, next.shifts(), version, staff.staffId(), now);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("the roster of " + departmentCode + " was changed by someone else meanwhile");
        }
        return read(departmentCode, from, to);
    }

    /** The first stretch of the coming {@code horizon} nobody is on duty for the department, if any. */
    public Optional<Instant[]> firstGap(String departmentCode, Duration horizon) {
        Instant now = clock.instant();
        DutyRoster roster = new DutyRoster(store.find(departmentCode).map(RosterDocument::shifts).orElse(List.of()));
        return roster.gaps(now, now.plus(horizon)).stream().findFirst();
    }

    private Department requireDepartment(String departmentCode) {
        return departments.find(departmentCode).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no department " + departmentCode));
    }
}
