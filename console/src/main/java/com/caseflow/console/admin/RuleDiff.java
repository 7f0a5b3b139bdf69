package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Rule;
import com.caseflow.console.services.ConfigurationViews.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The difference between two versions of the routing rules, field by field: rules added, removed, moved (first match
 * wins, so the order is part of the rule set) and each changed condition with its value before and after.
 */
public final class RuleDiff {

    public enum Kind { DEFAULT_DEPARTMENT, ADDED, REMOVED, MOVED, CHANGED }

    /** @param before and {@code after} as the page shows them: values joined, positions counted from 1 */
    public record Change(Kind kind, String ruleId, String field, String before, String after) {
    }

    private static final Map<String, Function<Rule, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("description", Rule::description);
        FIELDS.put("categories", Rule::categories);
        FIELDS.put("complexities", Rule::complexities);
        FIELDS.put("topics", Rule::topics);
        FIELDS.put("keywords", Rule::keywords);
        FIELDS.put("callerTypes", Rule::callerTypes);
        FIELDS.put("channels", Rule::channels);
        FIELDS.put("projectCodes", Rule::projectCodes);
        FIELDS.put("minPriority", Rule::minPriority);
        FIELDS.put("departmentCode", Rule::departmentCode);
    }

    private RuleDiff() {
    }

    static List<Change> between(RuleSet older, RuleSet newer) {
        List<Change> changes = new ArrayList<>();
        if (!Objects.equals(older.defaultDepartment(), newer.defaultDepartment())) {
            changes.add(new Change(Kind.DEFAULT_DEPARTMENT, null, "defaultDepartment", older.defaultDepartment(),
                    newer.defaultDepartment()));
        }
        for (Rule rule : older.rules()) {
            if (newer.indexOf(rule.id()) < 0) {
                changes.add(new Change(Kind.REMOVED, rule.id(), null, String.valueOf(older.indexOf(rule.id()) + 1),
                        null));
            }
        }
        List<String> keptInOldOrder = older.rules().stream().map(Rule::id).filter(id -> newer.indexOf(id) >= 0)
                .toList();
        List<String> keptInNewOrder = newer.rules().stream().map(Rule::id).filter(id -> older.indexOf(id) >= 0)
                .toList();
        for (Rule rule : newer.rules()) {
            int before = older.indexOf(rule.id());
            if (before < 0) {
                changes.add(new Change(Kind.ADDED, rule.id(), null, null, String.valueOf(newer.indexOf(rule.id()) + 1)));
                // what the new rule does, each condition from nothing to its value, so a reviewer reads it here
                FIELDS.forEach((field, value) -> {
                    String now = text(value.apply(rule));
                    if (!now.isEmpty()) {
                        changes.add(new Change(Kind.CHANGED, rule.id(), field, "", now));
                    }
                });
                continue;
            }
            // moved among the rules both versions have: an insertion above a rule does not move it
            if (keptInOldOrder.indexOf(rule.id()) != keptInNewOrder.indexOf(rule.id())) {
                changes.add(new Change(Kind.MOVED, rule.id(), "position", String.valueOf(before + 1),
                        String.valueOf(newer.indexOf(rule.id()) + 1)));
            }
            Rule old = older.rules().get(before);
            FIELDS.forEach((field, value) -> {
                Object was = value.apply(old);
                Object now = value.apply(rule);
                if (!Objects.equals(was, now)) {
                    changes.add(new Change(Kind.CHANGED, rule.id(), field, text(was), text(now)));
                }
            });
        }
        return changes;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList())
                : value.toString();
    }
}
