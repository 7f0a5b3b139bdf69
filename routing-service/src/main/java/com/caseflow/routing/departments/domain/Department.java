package com.caseflow.routing.departments.domain;

import com.caseflow.events.cases.Priority;

import java.util.Map;

/**
 * A queue that owns cases (相关部门); customer service is one of them.
 *
 * @param head staff id of the department head, the first step of the escalation ladder
 * @param sla  targets per priority, in the department's business hours
 */
public record Department(String code, String nameZh, String nameEn, String head, Map<Priority, SlaTarget> sla,
                         boolean active) {

    public static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";

    public Department {
        sla = Map.copyOf(sla);
        for (Priority priority : Priority.values()) {
            if (!sla.containsKey(priority)) {
                throw new IllegalArgumentException("SLA missing for priority " + priority);
            }
        }
    }

    public SlaTarget slaFor(Priority priority) {
        return sla.get(priority);
    }
}
