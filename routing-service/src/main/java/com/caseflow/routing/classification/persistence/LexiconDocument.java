package com.caseflow.routing.classification.persistence;

import com.caseflow.routing.classification.domain.KeywordLists;
import com.caseflow.routing.classification.domain.LexiconVersion;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One version of the keyword lists; versions are only added, never changed — the version is the id. */
@Document("routing_lexicon")
public record LexiconDocument(@Id long version, KeywordLists lists, String changedBy, Instant changedAt) {

    public static LexiconDocument of(LexiconVersion version) {
        return new LexiconDocument(version.version(), version.lists(), version.changedBy(), version.changedAt());
    }

    public LexiconVersion toVersion() {
        return new LexiconVersion(version, lists, changedBy, changedAt);
    }
}
