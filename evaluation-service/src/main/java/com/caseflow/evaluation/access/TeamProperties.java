package com.caseflow.evaluation.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Which agents each supervisor leads (班组), by staff id. Kept in configuration until the company's HR directory can be
 * read: the identity provider's tokens name a supervisor's role, not their team.
 */
@ConfigurationProperties("caseflow.evaluation")
public record TeamProperties(Map<String, List<String>> teams) {

    public TeamProperties {
        teams = teams == null ? Map.of() : Map.copyOf(teams);
    }
}
