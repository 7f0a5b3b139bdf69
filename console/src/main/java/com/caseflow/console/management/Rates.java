package com.caseflow.console.management;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Figures as the managers' tables show them; a rate with nothing to count is a dash, not 0. Used in templates. */
@Component("rates")
public class Rates {

    private static final String NONE = "—";

    private final MessageSource messages;

    Rates(MessageSource messages) {
        this.messages = messages;
    }

    /** A KPI as evaluation's policy names it, in the user's words; a KPI the console does not know by its name. */
    public String kpi(String name) {
        return messages.getMessage("kpi." + name, null, name, LocaleContextHolder.getLocale());
    }

    public String percent(Double rate) {
        return rate == null ? NONE : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    public String number(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A change with its sign: "+3", "-2.5", "0". */
    public String signed(Number change) {
        if (change == null) {
            return NONE;
        }
        double value = change.doubleValue();
        String text = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return value > 0 ? "+" + text : text;
    }
}
