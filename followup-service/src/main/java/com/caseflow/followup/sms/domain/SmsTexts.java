package com.caseflow.followup.sms.domain;

import java.util.Map;
import java.util.Objects;

/**
 * The texts of the templates, with {@code {company}}, {@code {caseNumber}} and {@code {department}} filled in. Nothing
 * about the matter itself goes into a text: the customer's phone may be read by others.
 */
public record SmsTexts(String company, Map<SmsTemplate, String> templates) {

    public SmsTexts {
        Objects.requireNonNull(company, "company");
        templates = Map.copyOf(templates);
        for (SmsTemplate template : SmsTemplate.values()) {
            String text = templates.get(template);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("no text for template " + template);
            }
        }
    }

    public String render(SmsTemplate template, String caseId, String department) {
        return templates.get(template)
                .replace("{company}", company)
                .replace("{caseNumber}", CaseNumbers.of(caseId))
                .replace("{department}", department == null ? "" : department);
    }
}
