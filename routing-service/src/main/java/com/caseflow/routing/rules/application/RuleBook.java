package com.caseflow.routing.rules.application;

import com.caseflow.routing.classification.application.LexiconBook;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.rules.domain.RoutingRule;
import com.caseflow.routing.rules.domain.RuleSet;
import com.caseflow.routing.rules.domain.RuleViolation;
import com.caseflow.routing.rules.persistence.RuleSetDocument;
import com.caseflow.routing.rules.persistence.RuleSetRepository;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The routing rules in force and every earlier version. Administrators and managers publish a new version through the API; routing
 * reads the newest, kept in memory and re-read every few seconds, so another instance's edit applies within that
 * time. Until a manager publishes one, version 0 routes everything to customer service.
 */
@Service
public class RuleBook implements SmartInitializingSingleton {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final RuleSetRepository repository;
    private final DepartmentRegistry departments;
    private final Clock clock;
    private final boolean demoRules;
    private final Set<String> topics;
    private volatile RuleSet current;
    private volatile Instant readAt = Instant.MIN;

    public RuleBook(RuleSetRepository repository, DepartmentRegistry departments, Clock clock, LexiconBook lexicon,
                    @Value("${caseflow.routing.demo-data:false}") boolean demoRules) {
        this.topics = lexicon.topics();
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
        this.demoRules = demoRules;
    }

    /** Loads the demo rules into an empty store before the consumers start. */
    @Override
    public void afterSingletonsInstantiated() {
        if (demoRules && repository.count() == 0) {
            try {
                repository.insert(new RuleSetDocument(1, DemoRules.firstVersion(clock.instant())));
            } catch (DuplicateKeyException e) {
                // another instance stored it first
            }
            readAt = Instant.MIN;
        }
    }

    public RuleSet current() {
        Instant now = clock.instant();
        if (current == null || readAt.plus(REFRESH).isBefore(now)) {
            current = repository.findFirstByOrderByVersionDesc().map(RuleSetDocument::ruleSet)
                    .orElseGet(() -> new RuleSet(0, List.of(), Department.CUSTOMER_SERVICE, "built-in", Instant.EPOCH));
            readAt = now;
        }
        return current;
    }

    /** One version as the listing shows it: who published it, when, and how many rules it has. */
    public record VersionSummary(long version, String changedBy, Instant changedAt, int ruleCount,
                                 String defaultDepartment) {
    }

    /** @param total how many versions there are in all */
    public record VersionPage(List<VersionSummary> versions, int page, int size, long total) {
    }

    /** The versions newest first, a page at a time. */
    public VersionPage versions(int page, int size) {
        var found = repository.findAll(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "version")));
        return new VersionPage(found.getContent().stream().map(RuleSetDocument::ruleSet)
                .map(r -> new VersionSummary(r.version(), r.changedBy(), r.changedAt(), r.rules().size(),
                        r.defaultDepartment())).toList(), page, size, found.getTotalElements());
    }

    public Optional<RuleSet> version(long version) {
        return repository.findById(version).map(RuleSetDocument::ruleSet);
    }

    /**
     * Rules as they would be if published next, for a dry run: validated the same way, never stored.
     */
    public RuleSet candidate(List<RoutingRule> rules, String defaultDepartment) {
        RuleSet candidate = new RuleSet(current().version() + 1, rules, defaultDepartment, "dry-run",
                clock.instant());
        List<RuleViolation> violations = candidate.violations(departments.activeCodes(), topics);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new FieldProblem(v.field().replaceFirst("^rules", "candidateRules")
                            .replaceFirst("^defaultDepartment", "defaultDepartment"), v.message())).toList());
        }
        return candidate;
    }

    /**
     * Publishes the rules as the next version, if {@code basedOnVersion} is still the newest: two managers editing
     * at once cannot overwrite each other.
     */
    public RuleSet publish(List<RoutingRule> rules, String defaultDepartment, long basedOnVersion, String manager) {
        RuleSet candidate = new RuleSet(basedOnVersion + 1, rules, defaultDepartment, manager, clock.instant());
        List<RuleViolation> violations = candidate.violations(departments.activeCodes(), topics);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new FieldProblem(v.field(), v.message())).toList());
        }
        long newest = repository.findFirstByOrderByVersionDesc().map(RuleSetDocument::version).orElse(0L);
        if (newest != basedOnVersion) {
            throw new ConflictException("the rules are at version " + newest + ", not " + basedOnVersion);
        }
        try {
            repository.insert(new RuleSetDocument(candidate.version(), candidate));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("another manager published version " + candidate.version() + " meanwhile");
        }
        current = candidate;
        readAt = clock.instant();
        return candidate;
    }
}
