package com.caseflow.intake.contacts.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * What may not be recorded as settled at first contact, besides complaints.
 *
 * @param notSettleableWords safety and exposure words (a copy of routing's lexicon, see application.yml)
 * @param settleablePhrases  ordinary phrases containing such a word
 */
@ConfigurationProperties("caseflow.intake")
public record SettlementProperties(List<String> notSettleableWords, List<String> settleablePhrases) {
}
