package com.caseflow.followup.sms.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * What a customer's reply means: a satisfaction score 1–5 (full-width digits and spaces around them allowed), an
 * opt-out (退订, TD or T), or anything else.
 *
 * @param satisfaction 1–5 for {@link ReplyKind#SATISFACTION}, otherwise 0
 */
public record Reply(ReplyKind kind, int satisfaction) {

    private static final Set<String> OPT_OUT = Set.of("退订", "TD", "T");

    public static Reply of(String text) {
        if (text == null) {
            return new Reply(ReplyKind.OTHER, 0);
        }
        // NFKC folds full-width digits and letters (１, ＴＤ) and the ideographic space into their ASCII forms
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (folded.length() == 1 && folded.charAt(0) >= '1' && folded.charAt(0) <= '5') {
            return new Reply(ReplyKind.SATISFACTION, folded.charAt(0) - '0');
        }
        if (OPT_OUT.contains(folded)) {
            return new Reply(ReplyKind.OPT_OUT, 0);
        }
        return new Reply(ReplyKind.OTHER, 0);
    }
}
