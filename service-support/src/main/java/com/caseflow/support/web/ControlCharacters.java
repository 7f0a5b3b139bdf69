package com.caseflow.support.web;

/**
 * Text a person can type: no control characters (Unicode category Cc: U+0000–U+001F, U+007F, U+0080–U+009F)
 * except tab and line breaks, and no half of a surrogate pair. Such characters are never typed at a console; they
 * cut strings short in other systems (NUL), hide text in terminals and logs (ESC), or cannot be stored as UTF-8.
 */
public final class ControlCharacters {

    /** What a refusal says; the offending text itself is never repeated. */
    public static final String MESSAGE = "contains a control character or a broken character: only text, tabs and "
            + "line breaks are accepted";

    /** Whether the text holds a character that {@link ControlCharacters} refuses. */
    public static boolean foundIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each refused character written as {@code \}{@code uXXXX}: for naming a field, never a value. */
    static String visible(String text) {
        if (!foundIn(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if ((Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                    || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private ControlCharacters() {
    }
}
