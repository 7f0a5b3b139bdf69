package com.caseflow.routing.rules.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One routing rule: every condition it names must hold (an empty condition holds for everything); the first rule
 * of the set that matches decides the department.
 *
 * @param keywords    at least one of these words appears in the matter
 * @param minPriority the classified priority is at least this
 */
public record RoutingRule(String id, String description, Set<ContactCategory> categories,
                          Set<Complexity> complexities, Set<String> projectCodes, Set<Channel> channels,
                          List<String> keywords, Priority minPriority, String departmentCode) {

    public RoutingRule {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        complexities = complexities == null ? Set.of() : Set.copyOf(complexities);
        projectCodes = projectCodes == null ? Set.of() : Set.copyOf(projectCodes);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public boolean matches(RoutingInput input) {
        String matter = input.matter() == null ? "" : input.matter().toLowerCase(Locale.ROOT);
        return (categories.isEmpty() || categories.contains(input.category()))
                && (complexities.isEmpty() || complexities.contains(input.complexity()))
                && (projectCodes.isEmpty() || (input.projectCode() != null && projectCodes.contains(input.projectCode())))
                && (channels.isEmpty() || (input.channel() != null && channels.contains(input.channel())))
                && (keywords.isEmpty() || keywords.stream().anyMatch(k -> matter.contains(k.toLowerCase(Locale.ROOT))))
                && (minPriority == null || input.priority().compareTo(minPriority) >= 0);
    }

    boolean hasConditions() {
        return !categories.isEmpty() || !complexities.isEmpty() || !projectCodes.isEmpty() || !channels.isEmpty()
                || !keywords.isEmpty() || minPriority != null;
    }
}
