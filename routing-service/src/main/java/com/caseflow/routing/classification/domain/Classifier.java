package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Complexity and priority from the agent's category and the customer's words. Keywords are matched as substrings:
 * Chinese has no spaces between words, and a false alarm costs a faster answer, a miss costs a customer.
 */
public final class Classifier {

    private final ClassificationPolicy policy;

    public Classifier(ClassificationPolicy policy) {
        this.policy = policy;
    }

    public Classification classify(ContactCategory category, String matter) {
        String text = matter == null ? "" : matter.toLowerCase(Locale.ROOT);
        List<String> urgent = found(policy.urgentKeywords(), text);
        List<String> high = found(policy.highKeywords(), text);
        List<String> complex = found(policy.complexKeywords(), text);

        Priority priority = policy.basePriority().getOrDefault(category, Priority.NORMAL);
        if (!high.isEmpty()) {
            priority = priority.atLeast(Priority.HIGH);
        }
        if (!urgent.isEmpty()) {
            priority = Priority.URGENT;
        }
        boolean general = policy.generalCategories().contains(category)
                && urgent.isEmpty() && high.isEmpty() && complex.isEmpty();
        List<String> matched = new ArrayList<>(urgent);
        matched.addAll(high);
        matched.addAll(complex);
        return new Classification(general ? Complexity.GENERAL : Complexity.COMPLEX, priority, matched);
    }

    private static List<String> found(List<String> keywords, String text) {
        return keywords.stream().filter(k -> !k.isBlank() && text.contains(k.toLowerCase(Locale.ROOT))).toList();
    }
}
