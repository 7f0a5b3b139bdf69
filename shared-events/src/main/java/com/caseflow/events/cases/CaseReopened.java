package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A resolved case is open again in the same department, with raised priority and new deadlines: the customer was
 * not satisfied or did not consider the matter resolved.
 *
 * @param requestEventId the follow-up service's reopen request this answers
 * @param onDutyStaffId  when the reopened case is URGENT: who is on duty for the department (added later in schema
 *                       version 1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReopened(@Identifier String caseId, @PositiveOrZero long sequence,
                           @Identifier String departmentCode, @Sealed @Size(max = 2000) String reason,
                           @Identifier String requestEventId, Priority priority, @Valid Deadlines deadlines,
                           Instant reopenedAt, @Identifier String onDutyStaffId) {

    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before the on-duty person was named. */
    public CaseReopened(String caseId, long sequence, String departmentCode, String reason, String requestEventId,
                        Priority priority, Deadlines deadlines, Instant reopenedAt) {
        this(caseId, sequence, departmentCode, reason, requestEventId, priority, deadlines, reopenedAt, null);
    }

    public CaseReopened withOnDuty(String onDuty) {
        return new CaseReopened(caseId, sequence, departmentCode, reason, requestEventId, priority, deadlines,
                reopenedAt, onDuty);
    }
}
