package com.caseflow.routing.classification.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.classification.domain.ClassificationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code caseflow.routing.classification}: the policy as configured (see application.yml for the defaults). */
@ConfigurationProperties("caseflow.routing.classification")
public record ClassificationProperties(Set<ContactCategory> generalCategories,
                                       Map<ContactCategory, Priority> basePriority, List<String> urgentKeywords,
                                       List<String> highKeywords, List<String> complexKeywords) {

    public ClassificationPolicy policy() {
        return new ClassificationPolicy(
                generalCategories == null ? Set.of() : generalCategories,
                basePriority == null ? Map.of() : basePriority,
                urgentKeywords == null ? List.of() : urgentKeywords,
                highKeywords == null ? List.of() : highKeywords,
                complexKeywords == null ? List.of() : complexKeywords);
    }
}
