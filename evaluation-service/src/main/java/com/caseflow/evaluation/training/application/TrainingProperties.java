package com.caseflow.evaluation.training.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Training assignments ({@code caseflow.evaluation.training}).
 *
 * @param defaultTrainer who trains an agent that no supervisor's team names
 * @param dueInDays      calendar days from the assignment to its due date (Asia/Shanghai)
 */
@ConfigurationProperties("caseflow.evaluation.training")
public record TrainingProperties(String defaultTrainer, Integer dueInDays) {

    public TrainingProperties {
        if (defaultTrainer == null || defaultTrainer.isBlank()) {
            throw new IllegalArgumentException("caseflow.evaluation.training.default-trainer is required");
        }
        dueInDays = dueInDays == null ? 14 : dueInDays;
        if (dueInDays < 1) {
            throw new IllegalArgumentException("caseflow.evaluation.training.due-in-days must be at least 1");
        }
    }
}
