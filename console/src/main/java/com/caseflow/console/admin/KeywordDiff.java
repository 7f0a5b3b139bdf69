package com.caseflow.console.admin;

import com.caseflow.console.services.LexiconViews.Benign;
import com.caseflow.console.services.LexiconViews.Lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words added to and removed from each list between two versions of the keyword lists. */
record KeywordDiff(String list, Kind kind, List<String> added, List<String> removed) {

    /** A term's words (by its name), the negators, the hedges, or a benign group (by its reason). */
    enum Kind { TERM, NEGATORS, HEDGES, BENIGN }

    static List<KeywordDiff> between(Lexicon older, Lexicon newer) {
        List<KeywordDiff> changes = new ArrayList<>();
        Set<String> terms = new LinkedHashSet<>(newer.terms().keySet());
        terms.addAll(older.terms().keySet());
        for (String term : terms) {
            add(changes, term, Kind.TERM, older.terms().getOrDefault(term, List.of()),
                    newer.terms().getOrDefault(term, List.of()));
        }
        add(changes, null, Kind.NEGATORS, older.negators(), newer.negators());
        add(changes, null, Kind.HEDGES, older.hedges(), newer.hedges());
        Map<String, List<String>> olderBenign = byReason(older.benign());
        Map<String, List<String>> newerBenign = byReason(newer.benign());
        Set<String> reasons = new LinkedHashSet<>(newerBenign.keySet());
        reasons.addAll(olderBenign.keySet());
        for (String why : reasons) {
            add(changes, why, Kind.BENIGN, olderBenign.getOrDefault(why, List.of()),
                    newerBenign.getOrDefault(why, List.of()));
        }
        return changes;
    }

    private static void add(List<KeywordDiff> changes, String list, Kind kind, List<String> older,
                            List<String> newer) {
        List<String> added = newer.stream().filter(w -> !older.contains(w)).toList();
        List<String> removed = older.stream().filter(w -> !newer.contains(w)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            changes.add(new KeywordDiff(list, kind, added, removed));
        }
    }

    private static Map<String, List<String>> byReason(List<Benign> groups) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Benign group : groups) {
            byReason.computeIfAbsent(group.why() == null ? "" : group.why(), w -> new ArrayList<>())
                    .addAll(group.phrases());
        }
        return byReason;
    }
}
