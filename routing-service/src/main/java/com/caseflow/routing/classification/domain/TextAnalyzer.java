package com.caseflow.routing.classification.domain;

import java.util.List;

/** What the classifier needs from a Chinese language toolkit: words, readings, and whether a word is known. */
public interface TextAnalyzer {

    /**
     * The text as the classifier reads it — one character for each character of the normalised text (full-width
     * forms folded, traditional characters simplified, lower case) — cut into words.
     */
    Analyzed analyze(String text);

    /** Toneless pinyin of each character of a word, null where a character has none. */
    List<String> pinyin(String word);

    /**
     * True when the text is ordinary language — a word of the dictionary, or characters that commonly follow one
     * another (往上) — so a same-sounding risk word (网上) was not meant.
     */
    boolean isOrdinary(String text);

    /** @param pinyin toneless reading of each character of {@code text}, null where a character has none */
    record Analyzed(String text, List<Token> tokens, List<String> pinyin) {

        public Analyzed {
            tokens = List.copyOf(tokens);
            pinyin = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(pinyin));
        }
    }

    /** A word of the text, {@code [start, end)} in characters. */
    record Token(String word, int start, int end) {
    }
}
