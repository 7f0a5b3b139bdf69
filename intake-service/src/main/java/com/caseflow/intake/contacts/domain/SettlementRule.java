package com.caseflow.intake.contacts.domain;

import com.caseflow.events.contact.ContactCategory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * 当场办结 means settled: a complaint, or a matter that names a danger or a threat of public exposure, is never closed
 * on the call — it needs a case, an owner and a deadline.
 *
 * @param words   words that make a matter unsettleable wherever they occur in it
 * @param phrases ordinary phrases that contain such a word (燃气费 contains 燃气) and do not count
 */
public record SettlementRule(List<String> words, List<String> phrases) {

    public SettlementRule {
        words = clean(words);
        phrases = clean(phrases);
    }

    /** Whether a contact of this category about this matter may be recorded as settled at first contact. */
    public boolean allowsSettling(ContactCategory category, String matter) {
        if (category == ContactCategory.COMPLAINT) {
            return false;
        }
        if (matter == null) {
            return true;
        }
        String text = matter.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        for (String phrase : phrases) {
            text = text.replace(phrase, "\u0000");
        }
        String read = text;
        return words.stream().noneMatch(read::contains);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
