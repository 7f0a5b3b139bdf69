package com.caseflow.console.web;

import com.caseflow.console.services.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A service's refusal as the form shows it: a sentence in the user's language beside each field the service named,
 * and one for the form when the refusal names no field. The services explain in English; the console has its own
 * words for each field and problem type ({@code messages*.properties}), and falls back to a general one.
 */
@Component
public class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Field name → message; the key {@code _form} holds what concerns the whole form. */
    public Map<String, String> of(ServiceProblem problem) {
        return of(problem, null);
    }

    /**
     * As {@link #of(ServiceProblem)}, a form's own words first: {@code problem.field.<scope>.<field>} and
     * {@code problem.status.<scope>.<status>} where a field's name means something else on this form ("note").
     */
    public Map<String, String> of(ServiceProblem problem, String scope) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        problem.byField().forEach((field, serviceMessage) -> {
            String general = messages.getMessage("problem.field." + field, null,
                    messages.getMessage("problem.field.generic", new Object[]{serviceMessage}, locale), locale);
            byField.put(field, scope == null ? general
                    : messages.getMessage("problem.field." + scope + "." + field, null, general, locale));
        });
        if (byField.isEmpty() || !"invalid-request".equals(problem.type())) {
            String general = form(problem, locale);
            byField.put("_form", scope == null ? general
                    : messages.getMessage("problem.status." + scope + "." + problem.status(), null, general, locale));
        }
        return byField;
    }

    public String form(ServiceProblem problem) {
        return form(problem, LocaleContextHolder.getLocale());
    }

    private String form(ServiceProblem problem, Locale locale) {
        return messages.getMessage("problem.type." + problem.type(), null,
                messages.getMessage("problem.status." + problem.status(), null,
                        messages.getMessage("problem.generic", null, locale), locale), locale);
    }
}
