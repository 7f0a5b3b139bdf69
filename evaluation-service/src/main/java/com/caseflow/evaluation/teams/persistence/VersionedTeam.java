package com.caseflow.evaluation.teams.persistence;

import com.caseflow.evaluation.teams.domain.Team;

/** A team at a version; a supervisor without a team is at version 0. */
public record VersionedTeam(Team team, long version) {
}
