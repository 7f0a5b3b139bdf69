package com.caseflow.evaluation.teams.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The teams (班组) by staff id that the service stores at its first start, while it has no team at all; from then on
 * administrators change them ({@code PUT /api/v1/teams/{supervisorId}}) and this configuration is not read again.
 */
@ConfigurationProperties("caseflow.evaluation")
public record TeamSeed(Map<String, List<String>> teams) {

    public TeamSeed {
        teams = teams == null ? Map.of() : Map.copyOf(teams);
    }
}
