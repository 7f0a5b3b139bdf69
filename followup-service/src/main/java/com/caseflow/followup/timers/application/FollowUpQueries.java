package com.caseflow.followup.timers.application;

import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.NumberedEntry;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * What departments and reviewers read: a department's running cases with their deadlines, and one case's whole
 * follow-up. Department staff read their own department's cases (customer service also the cases it calls back);
 * supervisors and managers read all.
 */
@Service
public class FollowUpQueries {

    private final FollowUpStore store;
    private final Callbacks callbacks;
    private final Clock clock;

    public FollowUpQueries(FollowUpStore store, Callbacks callbacks, Clock clock) {
        this.store = store;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** A case with its callbacks. */
    public record CaseFollowUp(FollowedCase followed, List<Callback> callbacks) {
    }

    public Page<FollowedCase> department(Staff staff, String departmentCode, Boolean overdue, int page, int size) {
        if (!reviews(staff) && !departmentCode.equals(staff.department())) {
            throw forbidden();
        }
        return store.active(departmentCode, overdue, clock.instant(), page, size);
    }

    public CaseFollowUp ofCase(Staff staff, String caseId) {
        FollowedCase followed = find(caseId);
        List<Callback> ofCase = callbacks.ofCase(caseId);
        boolean callsBack = callbacks.works(staff) && !ofCase.isEmpty();
        if (!reviews(staff) && !followed.departmentCode().equals(staff.department()) && !callsBack) {
            throw forbidden();
        }
        return new CaseFollowUp(followed, ofCase);
    }

    /** One page of a case's timeline, oldest first, of every entry it has; read as the case itself is. */
    public Page<NumberedEntry> timeline(Staff staff, String caseId, int page, int size) {
        FollowedCase followed = find(caseId);
        if (!reviews(staff) && !followed.departmentCode().equals(staff.department())
                && !(callbacks.works(staff) && !callbacks.ofCase(caseId).isEmpty())) {
            throw forbidden();
        }
        long from = (long) page * size + 1;
        return new PageImpl<>(store.timeline(followed, from, from + size - 1), PageRequest.of(page, size),
                followed.timelineCount());
    }

    private FollowedCase find(String caseId) {
        return store.find(caseId)
                .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "no case " + caseId + " is followed up"))
                .state();
    }

    private static boolean reviews(Staff staff) {
        return staff.is(Roles.SUPERVISOR) || staff.is(Roles.MANAGER);
    }

    private static RequestRefusedException forbidden() {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this case belongs to another department");
    }
}
