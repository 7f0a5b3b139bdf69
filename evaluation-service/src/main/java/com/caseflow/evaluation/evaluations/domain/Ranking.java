package com.caseflow.evaluation.evaluations.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks by score, best first; equal scores share a rank (1, 2, 2, 4); subjects without a score are not ranked. */
public final class Ranking {

    public static Map<String, Integer> of(Map<String, Double> scores) {
        List<Map.Entry<String, Double>> scored = scores.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            boolean tied = i > 0 && scored.get(i).getValue().equals(scored.get(i - 1).getValue());
            ranks.put(scored.get(i).getKey(), tied ? ranks.get(scored.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    private Ranking() {
    }
}
