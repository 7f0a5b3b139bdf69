package com.caseflow.events.evaluation;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A training assignment was completed, as recorded by its trainer, a supervisor or a manager. On {@code evaluations},
 * key = agent id. Once per assignment. The note the trainer may write stays in the service (free text), so it is never
 * part of the event.
 *
 * @param completedBy staff id of who recorded the completion
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingCompleted(@Identifier String assignmentId, @Identifier String evaluationId,
                                @Identifier String agentId, @Identifier String trainerId,
                                @Identifier String completedBy, Instant completedAt) {
    public static final int SCHEMA_VERSION = 1;
}
