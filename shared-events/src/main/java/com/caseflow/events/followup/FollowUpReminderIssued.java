package com.caseflow.events.followup;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A deadline of a case is near (by default when three quarters of its business hours are used) and the owner — or,
 * while nobody has accepted the case, the department — was reminded. On {@code followups}, key = case id.
 *
 * @param ownerId               the member of staff who accepted the case; null while nobody has
 * @param businessMinutesLeft   business time left until the deadline when the reminder was issued
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpReminderIssued(@Identifier String caseId, DeadlineKind deadline,
                                     @Identifier String departmentCode, @Identifier String ownerId,
                                     @Identifier String projectCode, Priority priority, Instant dueAt,
                                     long businessMinutesLeft, Instant remindedAt) {
    public static final int SCHEMA_VERSION = 1;
}
