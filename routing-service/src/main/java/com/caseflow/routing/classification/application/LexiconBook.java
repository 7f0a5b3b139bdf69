package com.caseflow.routing.classification.application;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.classification.domain.KeywordLists;
import com.caseflow.routing.classification.domain.Lexicon;
import com.caseflow.routing.classification.domain.LexiconVersion;
import com.caseflow.routing.classification.persistence.LexiconDocument;
import com.caseflow.routing.classification.persistence.LexiconRepository;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keyword lists in force and every earlier version, like the rule set: administrators and managers publish a new
 * version through the API, routing classifies with the newest — at once on this instance, within a few seconds on
 * the others (re-read like the rules). The lexicon file ({@code caseflow.routing.classification.lexicon}) gives the
 * signals, categories and priorities, and its words are version 1 when the store is empty.
 */
@Service
public class LexiconBook implements SmartInitializingSingleton {

    public static final String SEEDED_BY = "lexicon-file";
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LexiconBook.class);

    private final Lexicon file;
    private final String fileDescription;
    private final LexiconRepository repository;
    private final Clock clock;
    private volatile InForce current;
    private volatile Instant readAt = Instant.MIN;
    /** A stored version this instance could not use: tried once, not again every few seconds. */
    private volatile long refused = -1;

    /** A version and the classifier built from it, swapped together. */
    private record InForce(LexiconVersion version, Classifier classifier) {
    }

    public LexiconBook(ClassificationProperties properties, ResourceLoader resources, LexiconRepository repository,
                       Clock clock) {
        Resource lexiconFile = resources.getResource(properties.lexicon());
        this.file = LexiconFile.read(lexiconFile);
        this.fileDescription = lexiconFile.getDescription();
        this.repository = repository;
        this.clock = clock;
        this.current = new InForce(new LexiconVersion(0, KeywordLists.of(file), SEEDED_BY, Instant.EPOCH),
                classifierOf(file));
    }

    /** Stores the file's words as version 1 in an empty store, and reads the newest, before the consumers start. */
    @Override
    public void afterSingletonsInstantiated() {
        if (repository.count() == 0) {
            try {
                repository.insert(new LexiconDocument(1, KeywordLists.of(file), SEEDED_BY, clock.instant()));
                log.info("Keyword lists version 1 stored from {}", fileDescription);
            } catch (DuplicateKeyException e) {
                // another instance stored it first
            }
        }
        readAt = Instant.MIN;
        current();
    }

    public Classifier classifier() {
        return current().classifier();
    }

    public LexiconVersion currentVersion() {
        return current().version();
    }

    /** The topics the lexicon's signals conclude: what routing rules may name. */
    public Set<String> topics() {
        return file.topics();
    }

    /** Each term with the labels of the signals that use it, for those who edit its words. */
    public Map<String, List<String>> signalsByTerm() {
        Map<String, List<String>> byTerm = new LinkedHashMap<>();
        file.terms().keySet().forEach(t -> byTerm.put(t, new ArrayList<>()));
        for (Lexicon.Signal signal : file.signals()) {
            signal.all().forEach(t -> byTerm.get(t).add(signal.label()));
            signal.unless().forEach(t -> byTerm.get(t).add("≠ " + signal.label()));
        }
        return byTerm;
    }

    public Optional<LexiconVersion> version(long version) {
        return repository.findById(version).map(LexiconDocument::toVersion);
    }

    /** One version as the listing shows it. */
    public record VersionSummary(long version, String changedBy, Instant changedAt, int words) {
    }

    public record VersionPage(List<VersionSummary> versions, int page, int size, long total) {
    }

    public VersionPage versions(int page, int size) {
        var found = repository.findAll(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "version")));
        return new VersionPage(found.getContent().stream().map(d -> new VersionSummary(d.version(), d.changedBy(),
                d.changedAt(), d.lists().size())).toList(), page, size, found.getTotalElements());
    }

    /** The classifier these lists would make, for a dry run: validated like a publication, never stored. */
    public Classifier candidate(KeywordLists lists, String field) {
        return classifierOf(valid(lists, field + "."));
    }

    /**
     * Publishes the lists as the next version, if {@code basedOnVersion} is still the newest: two people editing at
     * once cannot overwrite each other. The next contact is classified with them.
     */
    public LexiconVersion publish(KeywordLists lists, long basedOnVersion, String changedBy) {
        KeywordLists stripped = lists.stripped();
        Classifier classifier = classifierOf(valid(stripped, ""));
        long newest = repository.findFirstByOrderByVersionDesc().map(LexiconDocument::version).orElse(0L);
        if (newest != basedOnVersion) {
            throw new ConflictException("the keyword lists are at version " + newest + ", not " + basedOnVersion);
        }
        LexiconVersion published = new LexiconVersion(basedOnVersion + 1, stripped, changedBy, clock.instant());
        try {
            repository.insert(LexiconDocument.of(published));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("someone else published version " + published.version() + " meanwhile");
        }
        current = new InForce(published, classifier);
        readAt = clock.instant();
        return published;
    }

    private Lexicon valid(KeywordLists lists, String prefix) {
        KeywordLists stripped = lists.stripped();
        List<KeywordLists.Violation> violations = stripped.violations(file.terms().keySet());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new FieldProblem(prefix + v.field(), v.message())).toList());
        }
        return stripped.over(file);
    }

    private InForce current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            InForce known = current;
            repository.findFirstByOrderByVersionDesc()
                    .filter(d -> d.version() != known.version().version() && d.version() != refused)
                    .ifPresent(d -> {
                        try {
                            current = new InForce(d.toVersion(), classifierOf(d.lists().over(file)));
                            log.info("Keyword lists version {} in force (by {} at {})", d.version(), d.changedBy(),
                                    d.changedAt());
                        } catch (RuntimeException e) {
                            refused = d.version();
                            log.error("Keyword lists version {} cannot be used with {}; keeping version {}: {}",
                                    d.version(), fileDescription, known.version().version(), e.toString());
                        }
                    });
            readAt = now;
        }
        return current;
    }

    private static Classifier classifierOf(Lexicon lexicon) {
        Classifier classifier = new Classifier(lexicon, new HanlpTextAnalyzer(lexicon.vocabulary()));
        classifier.classify(ContactCategory.REPAIR, CallerType.OWNER, "电梯困人，家里漏水");
        return classifier;
    }
}
