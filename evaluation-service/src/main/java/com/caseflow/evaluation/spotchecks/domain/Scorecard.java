package com.caseflow.evaluation.spotchecks.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spot-check scorecard (抽查评分表): weighted items rated 0..maxRating. The score is
 * {@code Σ weight·rating/maxRating ÷ Σ weight × 100}, one decimal, half up; a critical item rated 0 zeroes it.
 */
public record Scorecard(String version, int maxRating, List<Item> items) {

    /** Codes are upper-case words: they are JSON keys, Mongo field names and problem field names. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public record Item(String code, String label, double weight, boolean critical) {
    }

    /** One rating as sent: {@code value} null when it was not a whole number. */
    public record Rating(String code, Integer value) {
    }

    /** A bad rating, named as the client sent it ({@code ratings.CODE}). */
    public record Problem(String field, String message) {
    }

    /** @param criticalFailures the codes of the critical items rated 0, in scorecard order */
    public record Scored(double score, List<String> criticalFailures) {
    }

    public Scorecard {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the scorecard has a version");
        }
        if (maxRating < 1) {
            throw new IllegalArgumentException("the scorecard's maxRating is at least 1");
        }
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("the scorecard has items");
        }
        Set<String> codes = new HashSet<>();
        for (Item item : items) {
            if (item.code() == null || !CODE.matcher(item.code()).matches() || !codes.add(item.code())) {
                throw new IllegalArgumentException("scorecard item codes are distinct upper-case words: "
                        + item.code());
            }
            if (!(item.weight() > 0) || Double.isInfinite(item.weight())) {
                throw new IllegalArgumentException("scorecard item " + item.code() + " has a positive weight");
            }
        }
        items = List.copyOf(items);
    }

    /** Every item rated exactly once, each 0..maxRating, nothing else: what is wrong, by field. */
    public List<Problem> check(List<Rating> ratings) {
        List<Problem> problems = new ArrayList<>();
        if (ratings == null || ratings.isEmpty()) {
            problems.add(new Problem("ratings", "required: a rating from 0 to " + maxRating + " for each of "
                    + String.join(", ", codes())));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        boolean strangeKeys = false;
        for (Rating rating : ratings) {
            String code = rating.code();
            if (code == null || !CODE.matcher(code).matches()) {
                strangeKeys = true;
                continue;
            }
            String field = "ratings." + code;
            if (item(code) == null) {
                if (seen.add(code)) {
                    problems.add(new Problem(field, "not an item of scorecard " + version));
                }
            } else if (!seen.add(code)) {
                problems.add(new Problem(field, "rated more than once"));
            } else if (rating.value() == null || rating.value() < 0 || rating.value() > maxRating) {
                problems.add(new Problem(field, "a whole number from 0 to " + maxRating));
            }
        }
        if (strangeKeys) {
            problems.add(new Problem("ratings", "keys are item codes such as " + items.get(0).code()));
        }
        for (Item item : items) {
            if (!seen.contains(item.code())) {
                problems.add(new Problem("ratings." + item.code(), "required: every item of the scorecard is rated"));
            }
        }
        return problems;
    }

    /** The score of valid ratings (see {@link #check}). */
    public Scored score(Map<String, Integer> ratings) {
        double weighted = 0;
        double weights = 0;
        List<String> criticalFailures = new ArrayList<>();
        for (Item item : items) {
            int rating = Objects.requireNonNull(ratings.get(item.code()), item.code());
            if (rating < 0 || rating > maxRating) {
                throw new IllegalArgumentException(item.code() + " is rated outside 0.." + maxRating);
            }
            weighted += item.weight() * rating / maxRating;
            weights += item.weight();
            if (item.critical() && rating == 0) {
                criticalFailures.add(item.code());
            }
        }
        double score = criticalFailures.isEmpty()
                ? BigDecimal.valueOf(weighted / weights * 100).setScale(1, RoundingMode.HALF_UP).doubleValue() : 0;
        return new Scored(score, criticalFailures);
    }

    /** Valid ratings in scorecard order. */
    public Map<String, Integer> ordered(List<Rating> ratings) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (Item item : items) {
            ratings.stream().filter(r -> item.code().equals(r.code())).findFirst()
                    .ifPresent(r -> byCode.put(item.code(), r.value()));
        }
        return byCode;
    }

    private Item item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    private List<String> codes() {
        return items.stream().map(Item::code).toList();
    }
}
