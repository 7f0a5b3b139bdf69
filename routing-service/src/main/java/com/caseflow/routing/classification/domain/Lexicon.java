package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words routing listens for, as a hotline supervisor writes them (see {@code classification/lexicon.yml}).
 *
 * @param generalCategories categories customer service answers as general matters unless a signal makes them complex
 * @param basePriority      priority by category before any signal; missing categories are NORMAL
 * @param terms             named groups of words and phrasings that mean the same thing (电梯: 电梯, 轿厢, 升降梯 …)
 * @param benign            phrases that make a risk word inside or overlapping them harmless (燃气费 → 燃气)
 * @param negators          words that deny the word right after them (没有人受伤)
 * @param hedges            words that make a danger a worry or a past event rather than happening now (万一着火)
 * @param signals           what routing concludes when terms occur together
 */
public record Lexicon(Set<ContactCategory> generalCategories, Map<ContactCategory, Priority> basePriority,
                      Map<String, List<String>> terms, List<Benign> benign, List<String> negators,
                      List<String> hedges, List<Signal> signals) {

    public Lexicon {
        generalCategories = generalCategories == null ? Set.of() : Set.copyOf(generalCategories);
        basePriority = basePriority == null ? Map.of() : Map.copyOf(basePriority);
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        benign = benign == null ? List.of() : List.copyOf(benign);
        negators = negators == null ? List.of() : List.copyOf(negators);
        hedges = hedges == null ? List.of() : List.copyOf(hedges);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** @param why what makes these phrases harmless, for the explanation */
    public record Benign(List<String> phrases, String why) {

        public Benign {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }

    /**
     * One conclusion: when every term of {@code all} occurs (and none of {@code unless}), for a contact of one of
     * {@code categories} from one of {@code callerTypes} (empty = any), the contact is about {@code topic}, at
     * least {@code priority} (if set), and complex unless {@code complex} says otherwise.
     *
     * @param within the terms must occur within this many characters of each other; null = anywhere in the matter
     */
    public record Signal(String id, String label, String topic, Priority priority, Boolean complex, List<String> all,
                         List<String> unless, Set<ContactCategory> categories, Set<CallerType> callerTypes,
                         Integer within) {

        public Signal {
            all = all == null ? List.of() : List.copyOf(all);
            unless = unless == null ? List.of() : List.copyOf(unless);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            callerTypes = callerTypes == null ? Set.of() : Set.copyOf(callerTypes);
        }

        /** A signal that raises the priority makes the matter complex unless it says otherwise. */
        public boolean makesComplex() {
            return complex != null ? complex : priority != null;
        }
    }

    /** Every topic a signal can conclude: what routing rules may name. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        signals.forEach(s -> topics.add(s.topic()));
        return topics;
    }

    /** Every word and phrase, for the segmenter's dictionary. */
    public Set<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        terms.values().forEach(words::addAll);
        benign.forEach(b -> words.addAll(b.phrases()));
        words.addAll(negators);
        words.addAll(hedges);
        return words;
    }

    /** Everything wrong with this lexicon, each naming where; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        terms.forEach((name, words) -> {
            if (words == null || words.isEmpty()) {
                problems.add("terms." + name + ": needs at least one word");
            } else {
                for (int i = 0; i < words.size(); i++) {
                    if (words.get(i) == null || words.get(i).isBlank()) {
                        problems.add("terms." + name + "[" + i + "]: blank");
                    }
                }
            }
        });
        for (int i = 0; i < benign.size(); i++) {
            if (benign.get(i).phrases().isEmpty() || benign.get(i).phrases().stream().anyMatch(p -> p == null
                    || p.isBlank())) {
                problems.add("benign[" + i + "].phrases: needs phrases, none blank");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            String at = "signals[" + i + "]";
            if (s.id() == null || !s.id().matches("[a-z0-9-]{1,40}") || !ids.add(s.id())) {
                problems.add(at + ".id: unique, 1–40 of a-z, 0-9 and '-'");
            }
            if (s.label() == null || s.label().isBlank()) {
                problems.add(at + ".label: required");
            }
            if (s.topic() == null || !s.topic().matches("[a-z0-9-]{1,40}")) {
                problems.add(at + ".topic: 1–40 of a-z, 0-9 and '-'");
            }
            if (s.all().isEmpty()) {
                problems.add(at + ".all: names at least one term");
            }
            for (String term : s.all()) {
                if (!terms.containsKey(term)) {
                    problems.add(at + ".all: no term '" + term + "'");
                }
            }
            for (String term : s.unless()) {
                if (!terms.containsKey(term)) {
                    problems.add(at + ".unless: no term '" + term + "'");
                }
            }
            if (s.within() != null && s.within() < 1) {
                problems.add(at + ".within: at least 1 character");
            }
        }
        return problems;
    }
}
