package com.caseflow.routing.departments.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;

import java.util.List;
import java.util.Map;

/** The departments of a typical developer, loaded into an empty registry when demo data is on. */
final class DemoDepartments {

    static List<Department> all() {
        return List.of(
                department("CUSTOMER_SERVICE", "客服中心", "Customer service", "CS-HEAD",
                        sla(1, 4), sla(2, 8), sla(4, 24)),
                department("ENGINEERING", "工程维修部", "Engineering / repairs", "ENG-HEAD",
                        sla(1, 8), sla(4, 24), sla(8, 72)),
                department("PROPERTY_MANAGEMENT", "物业管理部", "Property management", "PM-HEAD",
                        sla(1, 8), sla(4, 24), sla(8, 48)),
                department("SALES", "销售部", "Sales", "SALES-HEAD",
                        sla(2, 8), sla(4, 24), sla(8, 40)),
                department("HANDOVER", "交付部", "Delivery / handover", "HO-HEAD",
                        sla(2, 16), sla(4, 40), sla(8, 80)),
                department("TITLE", "产权证办理部", "Title & certificates", "TITLE-HEAD",
                        sla(2, 24), sla(8, 80), sla(16, 160)),
                department("FINANCE", "财务部", "Finance", "FIN-HEAD",
                        sla(2, 16), sla(4, 40), sla(8, 80)),
                department("LEGAL", "法务部", "Legal", "LEGAL-HEAD",
                        sla(1, 16), sla(4, 40), sla(8, 80)));
    }

    private static Department department(String code, String zh, String en, String head,
                                         SlaTarget urgent, SlaTarget high, SlaTarget normal) {
        return new Department(code, zh, en, head,
                Map.of(Priority.URGENT, urgent, Priority.HIGH, high, Priority.NORMAL, normal), true);
    }

    private static SlaTarget sla(int firstResponseHours, int resolutionHours) {
        return new SlaTarget(firstResponseHours, resolutionHours);
    }

    private DemoDepartments() {
    }
}
