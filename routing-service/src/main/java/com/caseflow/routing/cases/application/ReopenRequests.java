package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.onduty.application.OnDutyRosters;
import com.caseflow.support.consumer.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The follow-up service's reopen requests: an unsatisfied customer puts the case back into its department's queue
 * with raised priority and new deadlines. A request is applied once, however often it is delivered, and only to the
 * resolution it answers (named by its sequence, never by comparing follow-up's clock with ours).
 */
@Service
public class ReopenRequests {

    private static final Logger log = LoggerFactory.getLogger(ReopenRequests.class);

    private final CaseSteps steps;
    private final DepartmentRegistry departments;
    private final DeadlinePolicy deadlines;
    private final OnDutyRosters onDuty;

    public ReopenRequests(CaseSteps steps, DepartmentRegistry departments, DeadlinePolicy deadlines,
                          OnDutyRosters onDuty) {
        this.steps = steps;
        this.departments = departments;
        this.deadlines = deadlines;
        this.onDuty = onDuty;
    }

    public void apply(EventEnvelope<CaseReopenRequested> envelope) {
        PoisonRecordException.requireReadable(envelope, CaseReopenRequested.SCHEMA_VERSION);
        CaseReopenRequested request = envelope.data();
        if (request == null || request.caseId() == null || !request.caseId().equals(envelope.key())) {
            throw new PoisonRecordException("reopen request without a case id matching its key");
        }
        String reason = request.satisfaction() == null
                ? "回访：客户认为问题未解决"
                : "回访：满意度 " + request.satisfaction() + (request.resolvedInCustomerView() ? "" : "，问题未解决");
        boolean found = steps.change(request.caseId(), (c, at) -> {
            if (c.hasAppliedReopenRequest(envelope.eventId())) {
                return List.of();
            }
            if (c.status() != CaseStatus.RESOLVED) {
                log.info("Reopen request {} for case {} ignored: the case is {}", envelope.eventId(), c.id(),
                        c.status());
                return List.of();
            }
            if (!c.isReopenedBy(request.resolvedSequence())) {
                log.info("Reopen request {} for case {} ignored: it answers resolution {}, the current one is {}",
                        envelope.eventId(), c.id(), request.resolvedSequence(), c.currentResolution().orElse(-1));
                return List.of();
            }
            var department = departments.find(c.departmentCode()).orElseThrow();
            Priority raised = c.priority().raised();
            return List.of(c.reopen(envelope.eventId(), reason, deadlines.from(at, department, raised), at)
                    .withOnDuty(onDuty.forCase(department.code(), raised, at)));
        });
        if (!found) {
            throw new PoisonRecordException("reopen request for a case routing does not know");
        }
    }
}
