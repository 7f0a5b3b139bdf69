package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactCategory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How matters are classified, as the company configures it.
 *
 * @param generalCategories categories customer service answers as general matters unless the words say otherwise
 * @param basePriority      priority by category before keywords; missing categories are NORMAL
 * @param urgentKeywords    safety words (漏水, 火, 燃气, 受伤 …): the case is URGENT and complex
 * @param highKeywords      risk words (媒体, 起诉, 律师, 12345 …): at least HIGH and complex
 * @param complexKeywords   words that make a general category complex without raising its priority (赔偿, 退房 …)
 */
public record ClassificationPolicy(Set<ContactCategory> generalCategories, Map<ContactCategory, Priority> basePriority,
                                   List<String> urgentKeywords, List<String> highKeywords,
                                   List<String> complexKeywords) {

    public ClassificationPolicy {
        generalCategories = Set.copyOf(generalCategories);
        basePriority = Map.copyOf(basePriority);
        urgentKeywords = List.copyOf(urgentKeywords);
        highKeywords = List.copyOf(highKeywords);
        complexKeywords = List.copyOf(complexKeywords);
    }
}
