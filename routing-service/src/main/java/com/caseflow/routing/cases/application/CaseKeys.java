package com.caseflow.routing.cases.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ids and lookup keys derived from contacts, the same on every instance and every redelivery. */
final class CaseKeys {

    private static final Pattern BUILDING = Pattern.compile("^\\s*(.+?(?:号楼|栋|幢|座))");

    /** A contact that opens a case always opens the same one: a redelivery collides with it. */
    static String caseIdFor(String contactId) {
        return UUID.nameUUIDFromBytes(("case:" + contactId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String incidentIdFor(String contactId) {
        return "INC-" + UUID.nameUUIDFromBytes(("incident:" + contactId).getBytes(StandardCharsets.UTF_8))
                .toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** Project + category, and the building when the unit names one (3栋2单元1201 → 3栋). */
    static String incidentGroup(String projectCode, String category, String unit) {
        String building = "*";
        if (unit != null) {
            Matcher m = BUILDING.matcher(unit);
            if (m.find()) {
                building = m.group(1).strip();
            }
        }
        return projectCode + "|" + category + "|" + building;
    }

    private CaseKeys() {
    }
}
