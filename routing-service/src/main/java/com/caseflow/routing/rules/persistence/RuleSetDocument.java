package com.caseflow.routing.rules.persistence;

import com.caseflow.routing.rules.domain.RuleSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of the rule set; versions are never changed, only added — the version is the id. */
@Document("routing_rules")
public record RuleSetDocument(@Id long version, RuleSet ruleSet) {
}
