package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the keyword-list page reads from routing's {@code /api/v1/routing-lexicon}; unknown fields are ignored. */
public final class LexiconViews {

    /**
     * One version of the keyword lists.
     *
     * @param signals for each term, the labels of the signals that use it ({@code ≠} before those it holds back)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lexicon(long version, String changedBy, Instant changedAt, Map<String, List<String>> terms,
                          List<String> negators, List<String> hedges, List<Benign> benign,
                          Map<String, List<String>> signals) {

        public Lexicon {
            terms = terms == null ? Map.of() : terms;
            negators = negators == null ? List.of() : negators;
            hedges = hedges == null ? List.of() : hedges;
            benign = benign == null ? List.of() : benign;
            signals = signals == null ? Map.of() : signals;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Benign(List<String> phrases, String why) {

        public Benign {
            phrases = phrases == null ? List.of() : phrases;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Versions(List<Version> versions, int page, int size, long total) {

        public Versions {
            versions = versions == null ? List.of() : versions;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(long version, String changedBy, Instant changedAt, int words) {
    }

    /** Routing's classification and routing of a typed contact with the candidate lists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DryRun(long lexiconVersion, String departmentCode, String ruleId, long ruleVersion,
                         String complexity, String priority, List<String> matchedKeywords, List<String> topics,
                         List<String> reasons) {

        public DryRun {
            matchedKeywords = matchedKeywords == null ? List.of() : matchedKeywords;
            topics = topics == null ? List.of() : topics;
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    private LexiconViews() {
    }
}
