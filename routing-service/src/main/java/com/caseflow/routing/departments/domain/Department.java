package com.caseflow.routing.departments.domain;

import com.caseflow.events.cases.Priority;

import java.util.Map;
import java.util.Objects;

/**
 * A queue that owns cases (相关部门); customer service is one of them.
 *
 * @param head         staff id of the department head, the first step of the escalation ladder
 * @param sla          targets per priority, in working time of the department's calendar or the one a target names
 * @param calendarId   the business calendar the department works in (the hotline works on holidays, engineering keeps
 *                     office hours, property management runs a 24×7 duty line)
 * @param onDutyRoster the department keeps an on-duty roster (值班表): someone answers for it at any hour, and URGENT
 *                     cases are put before that person at once; gaps in the coming days show in health
 */
public record Department(String code, String nameZh, String nameEn, String head, Map<Priority, SlaTarget> sla,
                         boolean active, String calendarId, boolean onDutyRoster) {

    public static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";

    public Department {
        sla = Map.copyOf(sla);
        for (Priority priority : Priority.values()) {
            if (!sla.containsKey(priority)) {
                throw new IllegalArgumentException("SLA missing for priority " + priority);
            }
        }
        Objects.requireNonNull(calendarId, "calendarId");
    }

    public SlaTarget slaFor(Priority priority) {
        return sla.get(priority);
    }

    /** The calendar a case of this priority is timed in. */
    public String calendarFor(Priority priority) {
        String own = slaFor(priority).calendarId();
        return own != null ? own : calendarId;
    }

    /** Every calendar the department times cases in. */
    public java.util.Set<String> calendars() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Priority priority : Priority.values()) {
            ids.add(calendarFor(priority));
        }
        return ids;
    }
}
