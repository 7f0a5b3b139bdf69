package com.caseflow.events.followup;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An URGENT case (danger to people or property, public exposure) was put before the department's on-duty person at
 * once, day or night, instead of waiting for a reminder. On {@code followups}, key = case id.
 *
 * @param staffId          who was alerted: the on-duty person of the department's roster (值班表), or the department
 *                         head when the roster names nobody at that moment
 * @param fromRoster       true when {@code staffId} came from the roster
 * @param reason           why now: {@code ROUTED}, {@code RAISED} (a contact made it urgent), {@code TRANSFERRED},
 *                         {@code REOPENED}
 * @param firstResponseDue when the department must have taken the case; the head is told if it has not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnDutyAlerted(@Identifier String caseId, @Identifier String departmentCode, @Identifier String staffId,
                            boolean fromRoster, @Size(max = 2000) String reason, @Identifier String projectCode,
                            Priority priority, Instant firstResponseDue, Instant alertedAt) {

    public static final int SCHEMA_VERSION = 1;
}
