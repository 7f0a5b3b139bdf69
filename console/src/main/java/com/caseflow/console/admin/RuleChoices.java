package com.caseflow.console.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values a rule's conditions choose from, as routing knows them (shared-events' enums). */
final class RuleChoices {

    static final Map<String, List<String>> ALL;

    static {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("categories", List.of("INQUIRY", "COMPLAINT", "REPAIR", "SUGGESTION", "HANDOVER", "TITLE",
                "PROPERTY_MANAGEMENT", "SALES", "PAYMENT", "OTHER"));
        all.put("complexities", List.of("GENERAL", "COMPLEX"));
        all.put("callerTypes", List.of("OWNER", "PROSPECTIVE_BUYER", "TENANT", "OTHER"));
        all.put("channels", List.of("PHONE", "VISIT"));
        all.put("priorities", List.of("NORMAL", "HIGH", "URGENT"));
        ALL = Collections.unmodifiableMap(all);
    }

    /** The conditions chosen by ticking, with the message key prefix of their values' names. */
    static final Map<String, String> LABELS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("categories", "category.");
        labels.put("complexities", "admin.complexity.");
        labels.put("callerTypes", "admin.callerType.");
        labels.put("channels", "channel.");
        LABELS = Collections.unmodifiableMap(labels);
    }

    private RuleChoices() {
    }
}
