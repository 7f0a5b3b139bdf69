package com.caseflow.events.followup;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A deadline of a case passed and the case climbed one step of the escalation ladder. On {@code followups},
 * key = case id.
 *
 * @param level                   1 for the first step (by default the department head), then 2, 3, …
 * @param role                    who this step reaches, as the ladder names it: {@code DEPARTMENT_HEAD},
 *                                {@code PROJECT_MANAGER}, {@code EXECUTIVE}
 * @param businessMinutesOverdue  business time since the deadline when the step was taken
 * @param departmentHead          staff id of the department's head as routing's registry names it, when known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEscalated(@Identifier String caseId, DeadlineKind deadline, int level, String role,
                            @Identifier String departmentCode, @Identifier String ownerId,
                            @Identifier String projectCode, Priority priority, Instant dueAt,
                            long businessMinutesOverdue, Instant escalatedAt, @Identifier String departmentHead) {
    public static final int SCHEMA_VERSION = 1;
}
