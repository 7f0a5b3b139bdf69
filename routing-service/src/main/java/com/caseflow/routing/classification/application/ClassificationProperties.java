package com.caseflow.routing.classification.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseflow.routing.classification}: where the lexicon is. The shipped one is
 * {@code classpath:classification/lexicon.yml}; a company points this at its own copy ({@code file:/etc/…}) for its own
 * signals. The file's words seed the versioned keyword lists ({@link LexiconBook}), which are edited through the API.
 */
@ConfigurationProperties("caseflow.routing.classification")
public record ClassificationProperties(@DefaultValue(ClassifierConfiguration.SHIPPED_LEXICON) String lexicon) {
}
