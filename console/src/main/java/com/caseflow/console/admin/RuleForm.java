package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Rule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule as the form edits it, with the contact to dry-run it against. Lists of words are typed one per line or
 * separated by commas (，、 too); the sets are checkboxes.
 *
 * @param editing        the id of the rule being edited in version {@code basedOnVersion}; blank for a new rule
 * @param position       where the rule stands (from 1): first match wins
 * @param action         {@code dry-run}, {@code publish} or {@code remove}
 */
public record RuleForm(String editing, Long basedOnVersion, Integer position, String id, String description,
                List<String> categories, List<String> complexities, List<String> callerTypes, List<String> channels,
                String topics, String keywords, String projectCodes, String minPriority, String departmentCode,
                String tryCategory, String tryMatter, String tryProjectCode, String tryChannel, String tryCallerType,
                String action) {

    public RuleForm {
        editing = blankToNull(editing);
        categories = categories == null ? List.of() : categories;
        complexities = complexities == null ? List.of() : complexities;
        callerTypes = callerTypes == null ? List.of() : callerTypes;
        channels = channels == null ? List.of() : channels;
    }

    static RuleForm of(Rule rule, long version, int position) {
        return new RuleForm(rule == null ? null : rule.id(), version, position, rule == null ? "" : rule.id(),
                rule == null ? "" : rule.description(), rule == null ? List.of() : rule.categories(),
                rule == null ? List.of() : rule.complexities(), rule == null ? List.of() : rule.callerTypes(),
                rule == null ? List.of() : rule.channels(), rule == null ? "" : String.join("\n", rule.topics()),
                rule == null ? "" : String.join("\n", rule.keywords()),
                rule == null ? "" : String.join("\n", rule.projectCodes()), rule == null ? null : rule.minPriority(),
                rule == null ? null : rule.departmentCode(), "REPAIR", "", "", "PHONE", "OWNER", null);
    }

    /** The rule as routing takes it: typed values stripped, blanks left for routing to name. */
    public Rule rule() {
        return new Rule(strip(id), blankToNull(description), categories, complexities, words(projectCodes), channels,
                words(keywords), blankToNull(minPriority), blankToNull(departmentCode), callerTypes, words(topics));
    }

    /** The contact of the dry run, as routing's {@code POST /api/v1/routing-rules/dry-run} takes it. */
    Map<String, Object> contact() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("category", blankToNull(tryCategory));
        contact.put("matter", tryMatter == null ? "" : tryMatter.strip());
        contact.put("projectCode", blankToNull(tryProjectCode));
        contact.put("channel", blankToNull(tryChannel));
        contact.put("callerType", blankToNull(tryCallerType));
        return contact;
    }

    /** Whether a condition's value is ticked: {@code set} is categories, complexities, callerTypes or channels. */
    public boolean chosen(String set, String value) {
        return switch (set) {
            case "categories" -> categories.contains(value);
            case "complexities" -> complexities.contains(value);
            case "callerTypes" -> callerTypes.contains(value);
            case "channels" -> channels.contains(value);
            default -> false;
        };
    }

    /** Publishing the version edited without this rule. */
    boolean removing() {
        return "remove".equals(action);
    }

    boolean publishing() {
        return "publish".equals(action);
    }

    static List<String> words(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\n\\r,，、;；]+")).map(String::strip).filter(w -> !w.isEmpty())
                .distinct().toList();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
