package com.caseflow.routing.departments.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;

import java.util.List;
import java.util.Map;

/**
 * The departments of a typical developer, loaded into an empty registry when demo data is on. Customer service works
 * the hotline's hours, holidays included; property management runs a 24×7 duty line; the others keep office hours.
 * An URGENT case is timed on the 24×7 calendar everywhere: first response within 15 minutes, resolved or made safe
 * within 4 hours. Engineering and property management keep on-duty rosters.
 */
final class DemoDepartments {

    static final String OFFICE = "CN-OFFICE";
    static final String HOTLINE = "HOTLINE";
    static final String ALWAYS = "24X7";

    /** @param calendar a calendar for every demo department instead of its own (a test stack working around the clock) */
    static List<Department> all(String calendar) {
        List<Department> all = all();
        return calendar == null || calendar.isBlank() ? all : all.stream().map(d -> new Department(d.code(),
                d.nameZh(), d.nameEn(), d.head(), d.sla(), d.active(), calendar, d.onDutyRoster())).toList();
    }

    static List<Department> all() {
        return List.of(
                department("CUSTOMER_SERVICE", "客服中心", "Customer service", "CS-HEAD", HOTLINE, false,
                        hours(2, 8), hours(4, 24)),
                department("ENGINEERING", "工程维修部", "Engineering / repairs", "ENG-HEAD", OFFICE, true,
                        hours(4, 24), hours(8, 72)),
                department("PROPERTY_MANAGEMENT", "物业管理部", "Property management", "PM-HEAD", ALWAYS, true,
                        hours(4, 24), hours(12, 72)),
                department("SALES", "销售部", "Sales", "SALES-HEAD", OFFICE, false,
                        hours(4, 24), hours(8, 40)),
                department("HANDOVER", "交付部", "Delivery / handover", "HO-HEAD", OFFICE, false,
                        hours(4, 40), hours(8, 80)),
                department("TITLE", "产权证办理部", "Title & certificates", "TITLE-HEAD", OFFICE, false,
                        hours(8, 80), hours(16, 160)),
                department("FINANCE", "财务部", "Finance", "FIN-HEAD", OFFICE, false,
                        hours(4, 40), hours(8, 80)),
                department("LEGAL", "法务部", "Legal", "LEGAL-HEAD", OFFICE, false,
                        hours(4, 40), hours(8, 80)));
    }

    private static Department department(String code, String zh, String en, String head, String calendar,
                                         boolean onDutyRoster, SlaTarget high, SlaTarget normal) {
        return new Department(code, zh, en, head, Map.of(
                Priority.URGENT, new SlaTarget(15, 240, ALWAYS), Priority.HIGH, high, Priority.NORMAL, normal),
                true, calendar, onDutyRoster);
    }

    private static SlaTarget hours(int firstResponse, int resolution) {
        return SlaTarget.hours(firstResponse, resolution);
    }

    private DemoDepartments() {
    }
}
