package com.caseflow.routing.classification.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a lexicon that supervisors edit at run time (风险词): each term's words, the benign phrases, the
 * negators and hedges. The signals that combine terms, the general categories and the base priorities stay in the
 * lexicon file, which ships with routing; a version of these lists is laid over them.
 *
 * @param terms words per term, by the term's name (电梯: 电梯, 轿厢 …)
 * @param benign phrases that make a risk word inside them harmless, in groups with the reason
 */
public record KeywordLists(Map<String, List<String>> terms, List<String> negators, List<String> hedges,
                           List<Lexicon.Benign> benign) {

    /** The longest word or phrase: callers' phrasings are short; a sentence here is a paste gone wrong. */
    public static final int MAX_WORD = 30;
    public static final int MAX_WORDS_PER_LIST = 500;

    public KeywordLists {
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        negators = negators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(negators));
        hedges = hedges == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(hedges));
        benign = benign == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(benign));
    }

    public static KeywordLists of(Lexicon lexicon) {
        return new KeywordLists(lexicon.terms(), lexicon.negators(), lexicon.hedges(), lexicon.benign());
    }

    /**
     * The lexicon with these words: its signals, categories and priorities, each term's words from these lists
     * (the lexicon's own for a term these lists do not have, such as one a newer lexicon file added).
     */
    public Lexicon over(Lexicon lexicon) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        lexicon.terms().forEach((name, own) -> words.put(name, terms.getOrDefault(name, own)));
        return new Lexicon(lexicon.generalCategories(), lexicon.basePriority(), words, benign, negators, hedges,
                lexicon.signals());
    }

    /** The same lists with every word trimmed, as they are kept. */
    public KeywordLists stripped() {
        Map<String, List<String>> strippedTerms = new LinkedHashMap<>();
        terms.forEach((name, words) -> strippedTerms.put(name, strip(words)));
        return new KeywordLists(strippedTerms, strip(negators), strip(hedges), benign.stream()
                .map(b -> b == null ? null : new Lexicon.Benign(strip(b.phrases()), b.why() == null ? null
                        : b.why().strip())).toList());
    }

    /**
     * Everything wrong with these lists for a lexicon whose signals name {@code termsInUse}, each naming its field
     * ({@code terms.电梯[2]}, {@code negators[0]}, {@code benign[1].phrases[0]}); empty when they can be used.
     */
    public List<Violation> violations(Set<String> termsInUse) {
        List<Violation> violations = new ArrayList<>();
        for (String name : termsInUse) {
            if (!terms.containsKey(name)) {
                violations.add(new Violation("terms." + name, "required: a signal of the lexicon uses this term"));
            }
        }
        terms.forEach((name, words) -> {
            if (!termsInUse.contains(name)) {
                violations.add(new Violation("terms." + name,
                        "no such term: terms are named by the lexicon's signals (" + String.join(", ", termsInUse)
                                + ")"));
            } else if (words == null || words.stream().allMatch(w -> w == null || w.isBlank())) {
                violations.add(new Violation("terms." + name, "needs at least one word"));
            } else {
                check(violations, "terms." + name, words);
            }
        });
        check(violations, "negators", negators);
        check(violations, "hedges", hedges);
        for (int i = 0; i < benign.size(); i++) {
            Lexicon.Benign group = benign.get(i);
            String at = "benign[" + i + "]";
            if (group == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            if (group.phrases().isEmpty()) {
                violations.add(new Violation(at + ".phrases", "needs at least one phrase"));
            } else {
                check(violations, at + ".phrases", group.phrases());
            }
            if (group.why() == null || group.why().isBlank()) {
                violations.add(new Violation(at + ".why", "required: what makes these phrases harmless"));
            } else if (group.why().length() > 200) {
                violations.add(new Violation(at + ".why", "at most 200 characters"));
            }
        }
        return violations;
    }

    /** How many words and phrases there are in all. */
    public int size() {
        return terms.values().stream().mapToInt(w -> w == null ? 0 : w.size()).sum() + negators.size()
                + hedges.size() + benign.stream().mapToInt(b -> b == null ? 0 : b.phrases().size()).sum();
    }

    private static void check(List<Violation> violations, String list, List<String> words) {
        if (words.size() > MAX_WORDS_PER_LIST) {
            violations.add(new Violation(list, "at most " + MAX_WORDS_PER_LIST + " words"));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String at = list + "[" + i + "]";
            if (word == null || word.isBlank()) {
                violations.add(new Violation(at, "empty word"));
            } else if (word.strip().length() > MAX_WORD) {
                violations.add(new Violation(at, "at most " + MAX_WORD + " characters"));
            } else {
                Integer first = seen.putIfAbsent(word.strip().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    violations.add(new Violation(at, "duplicate of " + list + "[" + first + "] '" + word.strip()
                            + "'"));
                }
            }
        }
    }

    /** A missing word becomes an empty one, refused by {@link #violations} with its place. */
    private static List<String> strip(List<String> words) {
        return words == null ? null : words.stream().map(w -> w == null ? "" : w.strip()).toList();
    }

    /** @param field where, as the API names it */
    public record Violation(String field, String message) {
    }
}
