package com.caseflow.evaluation.teams.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A supervisor's team (班组): the agents whose figures and contacts the supervisor reads and checks, and whose
 * training they give.
 *
 * @param changedBy the administrator's staff id, or {@link #CONFIGURATION} for a team seeded from configuration
 */
public record Team(String supervisorId, List<String> members, String changedBy, Instant changedAt) {

    /** Who "changed" a team that came from the service's configuration at its first start. */
    public static final String CONFIGURATION = "configuration";

    public Team {
        Objects.requireNonNull(supervisorId, "supervisorId");
        members = members == null ? List.of() : List.copyOf(members);
    }
}
