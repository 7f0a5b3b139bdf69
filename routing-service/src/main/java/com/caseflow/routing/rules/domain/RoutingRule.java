package com.caseflow.routing.rules.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One routing rule: every condition it names must hold (an empty condition holds for everything); the first rule
 * of the set that matches decides the department.
 *
 * @param keywords    at least one of these words appears in the matter
 * @param minPriority the classified priority is at least this
 * @param callerTypes the caller is one of these (added later: absent from older versions)
 * @param topics      the classifier found at least one of these topics in the matter (lift, gas, title …; the
 *                    lexicon's signals name them) (added later: absent from older versions)
 */
public record RoutingRule(String id, String description, Set<ContactCategory> categories,
                          Set<Complexity> complexities, Set<String> projectCodes, Set<Channel> channels,
                          List<String> keywords, Priority minPriority, String departmentCode,
                          Set<CallerType> callerTypes, Set<String> topics) {

    public RoutingRule {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        complexities = complexities == null ? Set.of() : Set.copyOf(complexities);
        projectCodes = projectCodes == null ? Set.of() : Set.copyOf(projectCodes);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        callerTypes = callerTypes == null ? Set.of() : Set.copyOf(callerTypes);
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }

    public RoutingRule(String id, String description, Set<ContactCategory> categories, Set<Complexity> complexities,
                       Set<String> projectCodes, Set<Channel> channels, List<String> keywords, Priority minPriority,
                       String departmentCode) {
        this(id, description, categories, complexities, projectCodes, channels, keywords, minPriority,
                departmentCode, Set.of(), Set.of());
    }

    public boolean matches(RoutingInput input) {
        return (categories.isEmpty() || categories.contains(input.category()))
                && (complexities.isEmpty() || complexities.contains(input.complexity()))
                && (projectCodes.isEmpty() || (input.projectCode() != null && projectCodes.contains(input.projectCode())))
                && (channels.isEmpty() || (input.channel() != null && channels.contains(input.channel())))
                && (callerTypes.isEmpty() || (input.callerType() != null && callerTypes.contains(input.callerType())))
                && (keywords.isEmpty() || !keywordsIn(input).isEmpty())
                && (topics.isEmpty() || topics.stream().anyMatch(input.topics()::contains))
                && (minPriority == null || input.priority().compareTo(minPriority) >= 0);
    }

    /** The conditions of this rule that a matching input met, in words: why the rule chose its department. */
    public String explain(RoutingInput input, long version) {
        List<String> met = new ArrayList<>();
        if (!categories.isEmpty()) {
            met.add("category " + input.category());
        }
        if (!complexities.isEmpty()) {
            met.add(input.complexity().name().toLowerCase(Locale.ROOT));
        }
        if (!callerTypes.isEmpty()) {
            met.add("caller " + input.callerType());
        }
        if (!topics.isEmpty()) {
            met.add("topic " + String.join(", ", topics.stream().filter(input.topics()::contains).sorted().toList()));
        }
        if (!keywords.isEmpty()) {
            met.add("words " + String.join(", ", keywordsIn(input)));
        }
        if (!projectCodes.isEmpty()) {
            met.add("project " + input.projectCode());
        }
        if (!channels.isEmpty()) {
            met.add("channel " + input.channel());
        }
        if (minPriority != null) {
            met.add("priority " + input.priority());
        }
        return departmentCode + " by rule " + id + " v" + version
                + (description == null || description.isBlank() ? "" : " (" + description + ")")
                + ": " + String.join("; ", met);
    }

    private List<String> keywordsIn(RoutingInput input) {
        String matter = input.matter() == null ? "" : input.matter().toLowerCase(Locale.ROOT);
        return keywords.stream().filter(k -> k != null && !k.isBlank() && matter.contains(k.toLowerCase(Locale.ROOT)))
                .toList();
    }

    boolean hasConditions() {
        return !categories.isEmpty() || !complexities.isEmpty() || !projectCodes.isEmpty() || !channels.isEmpty()
                || !keywords.isEmpty() || minPriority != null || !callerTypes.isEmpty() || !topics.isEmpty();
    }
}
