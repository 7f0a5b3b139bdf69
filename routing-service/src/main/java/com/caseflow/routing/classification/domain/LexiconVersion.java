package com.caseflow.routing.classification.domain;

import java.time.Instant;

/**
 * One version of the keyword lists; version 1 is the lexicon file's own words, stored when routing first starts.
 *
 * @param changedBy the staff id who published it ({@code lexicon-file} for the seed)
 */
public record LexiconVersion(long version, KeywordLists lists, String changedBy, Instant changedAt) {
}
