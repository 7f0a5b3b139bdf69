package com.caseflow.routing.classification.application;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.classification.domain.Lexicon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** Classifiers from lexicon files, for tools and tests; routing itself classifies with {@link LexiconBook}'s. */
public final class ClassifierConfiguration {

    public static final String SHIPPED_LEXICON = "classpath:classification/lexicon.yml";
    private static final Logger log = LoggerFactory.getLogger(ClassifierConfiguration.class);

    /** The classifier of a lexicon, with the segmenter's dictionaries loaded before the first contact arrives. */
    public static Classifier classifierFrom(Resource lexiconFile) {
        long started = System.nanoTime();
        Lexicon lexicon = LexiconFile.read(lexiconFile);
        Classifier classifier = new Classifier(lexicon, new HanlpTextAnalyzer(lexicon.vocabulary()));
        classifier.classify(ContactCategory.REPAIR, CallerType.OWNER, "电梯困人，家里漏水");
        log.info("Classifier ready in {} ms from {}: {} terms, {} benign phrase groups, {} signals",
                (System.nanoTime() - started) / 1_000_000, lexiconFile.getDescription(), lexicon.terms().size(),
                lexicon.benign().size(), lexicon.signals().size());
        return classifier;
    }

    /** The classifier of the lexicon shipped with routing. */
    public static Classifier shipped() {
        return classifierFrom(new DefaultResourceLoader().getResource(SHIPPED_LEXICON));
    }

    private ClassifierConfiguration() {
    }
}
