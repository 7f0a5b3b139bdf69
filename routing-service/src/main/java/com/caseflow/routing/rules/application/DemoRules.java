package com.caseflow.routing.rules.application;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.rules.domain.RoutingRule;
import com.caseflow.routing.rules.domain.RuleSet;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The starting rule set a manager can edit, first match wins:
 * <ol>
 *   <li>safety first, to the department that can act at any hour — property management's duty line for lifts, fire,
 *       gas, anything falling from height and the common areas; engineering for the building and the flat;</li>
 *   <li>legal action to legal;</li>
 *   <li>each specific category to its department;</li>
 *   <li>a prospective buyer's complaint to sales (they deal with nobody else yet);</li>
 *   <li>complaints and other complex matters to the department that owns their subject;</li>
 *   <li>what nobody owns to customer service (the default).</li>
 * </ol>
 * Topics come from the lexicon's signals ({@code classification/lexicon.yml}).
 */
public final class DemoRules {

    private static final Set<ContactCategory> BY_SUBJECT = Set.of(ContactCategory.COMPLAINT, ContactCategory.INQUIRY,
            ContactCategory.SUGGESTION, ContactCategory.OTHER);

    public static List<RoutingRule> all() {
        return List.of(
                topics("safety-property", "生命安全（电梯、火情、燃气、坠物、公共区域的水、电和井盖）→ 物业管理部 24 小时值班",
                        Set.of("lift", "fire", "gas", "falling-object", "flooding-common", "electric-common",
                                "common-hazard"),
                        "PROPERTY_MANAGEMENT"),
                topics("safety-engineering", "房屋安全（结构开裂、爆管、天花板漏水、户内用电）→ 工程维修部",
                        Set.of("structure", "flooding", "electric"), "ENGINEERING"),
                topics("injury", "有人受伤 → 物业管理部（现场处置）", Set.of("injury"), "PROPERTY_MANAGEMENT"),
                topics("legal-threat", "律师、起诉、仲裁 → 法务部", Set.of("legal"), "LEGAL"),
                complex("repairs", "报修 → 工程维修部", ContactCategory.REPAIR, "ENGINEERING"),
                complex("property", "物业 → 物业管理部", ContactCategory.PROPERTY_MANAGEMENT, "PROPERTY_MANAGEMENT"),
                complex("handover", "交付 → 交付部", ContactCategory.HANDOVER, "HANDOVER"),
                complex("title", "产权 → 产权证办理部", ContactCategory.TITLE, "TITLE"),
                complex("payment", "财务 → 财务部", ContactCategory.PAYMENT, "FINANCE"),
                complex("sales", "销售 → 销售部", ContactCategory.SALES, "SALES"),
                new RoutingRule("buyer-complaints", "意向客户的投诉 → 销售部", Set.of(ContactCategory.COMPLAINT),
                        Set.of(), Set.of(), Set.of(), List.of(), null, "SALES",
                        Set.of(CallerType.PROSPECTIVE_BUYER), Set.of()),
                subject("subject-sales", "销售承诺、宣传、置业顾问 → 销售部", "sales", "SALES"),
                subject("subject-defect", "房屋质量、漏水、裂缝 → 工程维修部", "defect", "ENGINEERING"),
                subject("subject-handover", "交房、延期交付 → 交付部", "handover", "HANDOVER"),
                subject("subject-title", "房产证、办证 → 产权证办理部", "title", "TITLE"),
                subject("subject-property", "物业费和物业服务 → 物业管理部", "property", "PROPERTY_MANAGEMENT"),
                subject("subject-finance", "收费、退款、发票 → 财务部", "finance", "FINANCE"));
    }

    /** Version 1 as it is loaded into an empty store. */
    public static RuleSet firstVersion(Instant at) {
        return new RuleSet(1, all(), Department.CUSTOMER_SERVICE, "demo-data", at);
    }

    private static RoutingRule topics(String id, String description, Set<String> topics, String department) {
        return new RoutingRule(id, description, Set.of(), Set.of(), Set.of(), Set.of(), List.of(), null, department,
                Set.of(), topics);
    }

    private static RoutingRule complex(String id, String description, ContactCategory category, String department) {
        return new RoutingRule(id, description, Set.of(category), Set.of(Complexity.COMPLEX), Set.of(), Set.of(),
                List.of(), null, department);
    }

    private static RoutingRule subject(String id, String description, String topic, String department) {
        return new RoutingRule(id, description, BY_SUBJECT, Set.of(Complexity.COMPLEX), Set.of(), Set.of(), List.of(),
                null, department, Set.of(), Set.of(topic));
    }

    private DemoRules() {
    }
}
