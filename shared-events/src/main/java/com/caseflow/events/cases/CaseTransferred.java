package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The case moved to another department (转交) with its history; the new department gets new deadlines and, on its own
 * topic, what it needs to work the case.
 *
 * @param toDepartmentHead staff id of the new department's head, the first step of its escalation ladder (added later
 *                         in schema version 1: absent from older records)
 * @param onDutyStaffId    for an URGENT case: who is on duty in the new department (added later in schema version 1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseTransferred(@Identifier String caseId, @PositiveOrZero long sequence,
                              @Identifier String fromDepartment, @Identifier String toDepartment,
                              @Sealed @Size(max = 2000) String reason, @Identifier String transferredBy,
                              @Identifier String projectCode, @Sealed @Size(max = 64) String unit, ContactCategory category,
                              @Sealed @Size(max = 2000) String matter, @Valid CaseCustomer customer, Priority priority,
                              @Valid Deadlines deadlines, Instant transferredAt, @Identifier String toDepartmentHead,
                              @Identifier String onDutyStaffId) {

    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before the on-duty person was named. */
    public CaseTransferred(String caseId, long sequence, String fromDepartment, String toDepartment, String reason,
                           String transferredBy, String projectCode, String unit, ContactCategory category,
                           String matter, CaseCustomer customer, Priority priority, Deadlines deadlines,
                           Instant transferredAt, String toDepartmentHead) {
        this(caseId, sequence, fromDepartment, toDepartment, reason, transferredBy, projectCode, unit, category,
                matter, customer, priority, deadlines, transferredAt, toDepartmentHead, null);
    }

    /** The same event naming the head of the department the case moved to and who is on duty there. */
    public CaseTransferred withDepartment(String head, String onDuty) {
        return new CaseTransferred(caseId, sequence, fromDepartment, toDepartment, reason, transferredBy, projectCode,
                unit, category, matter, customer, priority, deadlines, transferredAt, head, onDuty);
    }
}
