package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;

import java.util.List;

/** What routing concluded from a contact's category and words, before any rule chose a department. */
public record Classification(Complexity complexity, Priority priority, List<String> matchedKeywords) {

    public Classification {
        matchedKeywords = List.copyOf(matchedKeywords);
    }
}
