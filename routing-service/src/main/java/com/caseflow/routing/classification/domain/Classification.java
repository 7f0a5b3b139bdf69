package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What routing concluded from a contact's category, caller and words, before any rule chose a department.
 *
 * @param matchedKeywords the lexicon's words behind the findings, each once
 * @param findings        the signals that fired
 * @param reasons         why, in words a supervisor reads: each finding with its words, then each word that was
 *                        found but did not count (benign, negated, a worry) and each typo read as a word
 */
public record Classification(Complexity complexity, Priority priority, List<String> matchedKeywords,
                             List<Finding> findings, List<String> reasons) {

    public Classification {
        matchedKeywords = List.copyOf(matchedKeywords);
        findings = findings == null ? List.of() : List.copyOf(findings);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The subjects the matter is about, for the routing rules. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        findings.forEach(f -> topics.add(f.topic()));
        return topics;
    }

    /**
     * A signal that fired.
     *
     * @param priority the priority it asks for, lowered one step when {@code hedged}; null when it names only a topic
     * @param words    the lexicon's words that made it fire
     * @param hedged   its words were a worry or a past event (万一着火, 之前电梯困人), not happening now
     */
    public record Finding(String signal, String label, String topic, Priority priority, List<String> words,
                          boolean hedged) {

        public Finding {
            words = List.copyOf(words);
        }
    }
}
