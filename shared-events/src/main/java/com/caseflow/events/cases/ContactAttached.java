package com.caseflow.events.cases;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;

/**
 * A contact joined an open case instead of opening a second one for the same matter: a repeat contact of the same
 * customer, or one more caller of a mass incident. Every caller attached is called back when the case is resolved.
 *
 * @param priority   the case's priority after the contact joined (a repeat raises it)
 * @param deadlines  the case's deadlines after the contact joined: a raised priority shortens them (added later in
 *                   schema version 1: absent from older records)
 * @param incidentId set when the contact joined as part of a mass incident
 * @param onDutyStaffId who is on duty for the department, when the case is URGENT after the contact joined (added
 *                      later in schema version 1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactAttached(@Identifier String caseId, @PositiveOrZero long sequence, @Identifier String contactId,
                              @Identifier String agentId, Channel channel, Instant receivedAt,
                              @Valid CaseCustomer customer, AttachReason reason, @Identifier String incidentId,
                              @Identifier String departmentCode, Priority priority, @Valid Deadlines deadlines,
                              Instant attachedAt, @Identifier String onDutyStaffId) {

    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before the on-duty person was named. */
    public ContactAttached(String caseId, long sequence, String contactId, String agentId, Channel channel,
                           Instant receivedAt, CaseCustomer customer, AttachReason reason, String incidentId,
                           String departmentCode, Priority priority, Deadlines deadlines, Instant attachedAt) {
        this(caseId, sequence, contactId, agentId, channel, receivedAt, customer, reason, incidentId, departmentCode,
                priority, deadlines, attachedAt, null);
    }

    public ContactAttached withOnDuty(String onDuty) {
        return new ContactAttached(caseId, sequence, contactId, agentId, channel, receivedAt, customer, reason,
                incidentId, departmentCode, priority, deadlines, attachedAt, onDuty);
    }
}
