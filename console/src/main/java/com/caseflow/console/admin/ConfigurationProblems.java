package com.caseflow.console.admin;

import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A refusal of a configuration form as the page shows it: the console's own sentence beside each field routing or
 * intake named. Their fields are indexed ({@code shifts[2].end}, {@code holidays[4]}); the sentence is looked up
 * without the index ({@code problem.field.roster.shifts.end}) and, where one field can be wrong in several ways, by
 * what the service said ({@code problem.field.roster.shifts.overlap}). The page keys its messages by the service's
 * own field name, so each row of a list gets its own.
 */
@Component
class ConfigurationProblems {

    /** What a service's explanation says, as a suffix of the message key: the same field, wrong in another way. */
    private static final List<String[]> KINDS = List.of(
            new String[]{"overlaps", "overlap"}, new String[]{"outside", "outside"},
            new String[]{"24 hours", "tooLong"}, new String[]{"after start", "order"},
            new String[]{"after opens", "order"},
            new String[]{"listed twice", "twice"}, new String[]{"year not listed", "yearNotListed"},
            new String[]{"also a holiday", "alsoHoliday"}, new String[]{"working weekday", "weekday"},
            new String[]{"days after from", "tooLong"}, new String[]{"after from", "order"});

    private final MessageSource messages;
    private final FieldMessages general;

    ConfigurationProblems(MessageSource messages, FieldMessages general) {
        this.messages = messages;
        this.general = general;
    }

    Map<String, String> of(ServiceProblem problem, String scope) {
        return of(problem, scope, UnaryOperator.identity());
    }

    /**
     * @param field how the page names a field the service named ({@code rules[3].keywords[0]} → {@code keywords} on
     *              the form of rule 3), null to put it with the whole form
     */
    Map<String, String> of(ServiceProblem problem, String scope, UnaryOperator<String> field) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            String onPage = field.apply(error.field());
            String sentence = sentence(scope, onPage == null ? error.field() : onPage, error.message(), locale);
            if (onPage == null) {
                byField.merge("_form", sentence, (a, b) -> a + " " + b);
            } else {
                byField.putIfAbsent(onPage, sentence);
            }
        }
        if (problem.errors().isEmpty() || !"invalid-request".equals(problem.type())) {
            byField.putIfAbsent("_form", messages.getMessage("problem.status." + scope + "." + problem.status(),
                    null, general.form(problem), locale));
        }
        return byField;
    }

    private String sentence(String scope, String field, String serviceMessage, Locale locale) {
        String base = "problem.field." + scope + "." + unindexed(field);
        String fallback = messages.getMessage(base, null,
                messages.getMessage("problem.field.generic", null, locale), locale);
        String said = serviceMessage == null ? "" : serviceMessage;
        for (String[] kind : KINDS) {
            if (said.contains(kind[0])) {
                return messages.getMessage(base + "." + kind[1], null, fallback, locale);
            }
        }
        return fallback;
    }

    /**
     * {@code shifts[2].end} → {@code shifts.end}; {@code holidays[4]} → {@code holidays}; a department's
     * {@code sla.URGENT.resolutionMinutes} → {@code sla.resolutionMinutes} (the same sentence for each priority).
     */
    static String unindexed(String field) {
        return field.replaceAll("\\[\\d+]", "").replaceAll("^sla\\.[A-Z]+", "sla")
                .replaceAll("^weekdays\\.[A-Z]+", "weekdays");
    }
}
