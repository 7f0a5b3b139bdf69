package com.caseflow.routing.rules.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered routing rules in force, as one version: an edit makes a new version and leaves the old ones readable,
 * so every case can say which rule of which version routed it. What no rule matches goes to the default department
 * (customer service), so every contact lands in exactly one queue.
 */
public record RuleSet(long version, List<RoutingRule> rules, String defaultDepartment, String changedBy,
                      Instant changedAt) {

    public static final String DEFAULT_RULE = "default";
    static final int MAX_RULES = 200;

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public RouteDecision route(RoutingInput input) {
        for (RoutingRule rule : rules) {
            if (rule.matches(input)) {
                return new RouteDecision(rule.departmentCode(), rule.id(), version, rule.explain(input, version));
            }
        }
        return new RouteDecision(defaultDepartment, DEFAULT_RULE, version, defaultDepartment + " by rule "
                + DEFAULT_RULE + " v" + version + ": no rule matched");
    }

    /** Everything wrong with this rule set, given the departments that exist; empty when it can be used. */
    public List<RuleViolation> violations(Set<String> departments) {
        return violations(departments, null);
    }

    /**
     * Everything wrong with this rule set, given the departments that exist and the topics the classifier can find
     * (null: topics not checked); empty when it can be used.
     */
    public List<RuleViolation> violations(Set<String> departments, Set<String> knownTopics) {
        List<RuleViolation> violations = new ArrayList<>();
        if (defaultDepartment == null || !departments.contains(defaultDepartment)) {
            violations.add(new RuleViolation("defaultDepartment", "must name an active department"));
        }
        if (rules.size() > MAX_RULES) {
            violations.add(new RuleViolation("rules", "at most " + MAX_RULES + " rules"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "].";
            if (rule.id() == null || !rule.id().matches("[A-Za-z0-9_-]{1,40}")) {
                violations.add(new RuleViolation(at + "id", "1–40 letters, digits, '-' or '_'"));
            } else if (rule.id().equals(DEFAULT_RULE) || !ids.add(rule.id())) {
                violations.add(new RuleViolation(at + "id", "must be unique and not '" + DEFAULT_RULE + "'"));
            }
            if (rule.departmentCode() == null || !departments.contains(rule.departmentCode())) {
                violations.add(new RuleViolation(at + "departmentCode", "must name an active department"));
            }
            if (!rule.hasConditions()) {
                violations.add(new RuleViolation(at, "needs at least one condition; the default rule catches the rest"));
            }
            for (int k = 0; k < rule.keywords().size(); k++) {
                String keyword = rule.keywords().get(k);
                if (keyword == null || keyword.isBlank() || keyword.length() > 40) {
                    violations.add(new RuleViolation(at + "keywords[" + k + "]", "1–40 characters, not blank"));
                }
            }
            if (knownTopics != null) {
                List<String> unknown = rule.topics().stream().filter(t -> !knownTopics.contains(t)).sorted().toList();
                if (!unknown.isEmpty()) {
                    violations.add(new RuleViolation(at + "topics", "not topics of the lexicon: "
                            + String.join(", ", unknown) + "; known: " + String.join(", ", knownTopics)));
                }
            }
            if (rule.description() != null && rule.description().length() > 200) {
                violations.add(new RuleViolation(at + "description", "at most 200 characters"));
            }
            if (shadowedByEarlier(i)) {
                violations.add(new RuleViolation(at, "can never match: an earlier rule without conditions on "
                        + "the same fields catches everything it would"));
            }
        }
        return violations;
    }

    /** A rule is dead when an earlier rule's conditions are a subset of its own — the earlier one matches first. */
    private boolean shadowedByEarlier(int index) {
        RoutingRule rule = rules.get(index);
        for (int i = 0; i < index; i++) {
            RoutingRule earlier = rules.get(i);
            if (earlier.hasConditions() && covers(earlier, rule)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(RoutingRule earlier, RoutingRule later) {
        return coversSet(earlier.categories(), later.categories())
                && coversSet(earlier.complexities(), later.complexities())
                && coversSet(earlier.projectCodes(), later.projectCodes())
                && coversSet(earlier.channels(), later.channels())
                && coversSet(earlier.callerTypes(), later.callerTypes())
                && coversSet(earlier.topics(), later.topics())
                && (earlier.keywords().isEmpty()
                        || (!later.keywords().isEmpty() && earlier.keywords().containsAll(later.keywords())))
                && (earlier.minPriority() == null
                        || (later.minPriority() != null && later.minPriority().compareTo(earlier.minPriority()) >= 0));
    }

    private static <T> boolean coversSet(Set<T> earlier, Set<T> later) {
        return earlier.isEmpty() || (!later.isEmpty() && earlier.containsAll(later));
    }
}
