package com.caseflow.routing.rules.application;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.rules.domain.RoutingRule;

import java.util.List;
import java.util.Set;

/** A starting rule set a manager can edit: legal threats first, then each complex category to its department. */
final class DemoRules {

    static List<RoutingRule> all() {
        return List.of(
                new RoutingRule("legal-threat", "起诉、律师、仲裁 → 法务部", Set.of(), Set.of(), Set.of(), Set.of(),
                        List.of("起诉", "律师", "仲裁", "法院"), null, "LEGAL"),
                complex("repairs", "报修 → 工程维修部", ContactCategory.REPAIR, "ENGINEERING"),
                complex("property", "物业 → 物业管理部", ContactCategory.PROPERTY_MANAGEMENT, "PROPERTY_MANAGEMENT"),
                complex("handover", "交付 → 交付部", ContactCategory.HANDOVER, "HANDOVER"),
                complex("title", "产权 → 产权证办理部", ContactCategory.TITLE, "TITLE"),
                complex("payment", "财务 → 财务部", ContactCategory.PAYMENT, "FINANCE"),
                complex("sales", "销售 → 销售部", ContactCategory.SALES, "SALES"));
    }

    private static RoutingRule complex(String id, String description, ContactCategory category, String department) {
        return new RoutingRule(id, description, Set.of(category), Set.of(Complexity.COMPLEX), Set.of(), Set.of(),
                List.of(), null, department);
    }

    private DemoRules() {
    }
}
