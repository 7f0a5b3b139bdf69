package com.caseflow.routing.departments.application;

import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.persistence.DepartmentDocument;
import com.caseflow.routing.departments.persistence.DepartmentRepository;
import com.caseflow.support.logging.OutageLog;
import com.caseflow.support.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The departments that own cases, with their heads and SLA policies. Routing reads them for every contact, so they
 * are kept in memory and re-read every few seconds: another instance's edit is seen within that time.
 */
@Service
public class DepartmentRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DepartmentRegistry.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final DepartmentRepository repository;
    private final MongoTemplate mongo;
    private final DepartmentTopics topics;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean demoDepartments;
    private final String defaultCalendar;
    private final String demoCalendar;
    private volatile Map<String, Department> byCode = Map.of();
    private volatile Instant readAt = Instant.MIN;
    private final Set<String> topicsEnsured = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The regular look reads the departments from the store every 30 s or so: an outage is one line, not many. */
    private final OutageLog storeOutage;

    public DepartmentRegistry(DepartmentRepository repository, MongoTemplate mongo, DepartmentTopics topics,
                              ApplicationEventPublisher events, Clock clock,
                              @Value("${caseflow.routing.demo-data:false}") boolean demoDepartments,
                              @Value("${caseflow.routing.calendars.default:CN-OFFICE}") String defaultCalendar,
                              @Value("${caseflow.routing.demo-calendar:}") String demoCalendar) {
        this.repository = repository;
        this.mongo = mongo;
        this.topics = topics;
        this.events = events;
        this.clock = clock;
        this.demoDepartments = demoDepartments;
        this.defaultCalendar = defaultCalendar;
        this.demoCalendar = demoCalendar;
        this.storeOutage = new OutageLog(log, "Department topics look", clock);
    }

    /** Departments were created or changed: which calendars they use may have changed with them. */
    public record DepartmentsChanged() {
    }

    /**
     * Loads the demo departments into an empty registry and makes sure every department has its topic — before the
     * consumers start, so that no contact is routed against an empty registry.
     */
    @Override
    public void afterSingletonsInstantiated() {
        new DepartmentMigration(mongo, defaultCalendar).run();
        if (demoDepartments && repository.count() == 0) {
            DemoDepartments.all(demoCalendar).forEach(d -> {
                try {
                    repository.insert(new DepartmentDocument(d.code(), d, null, "demo-data", clock.instant()));
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    // another instance loaded it first
                }
            });
            readAt = Instant.MIN;
            events.publishEvent(new DepartmentsChanged());
        }
        ensureTopics();
    }

    /**
     * Creates the topics of departments that have none yet — at start, and again until the broker took them: a
     * department's events wait in the outbox while its topic is missing.
     */
    public void ensureTopics() {
        for (Department department : all()) {
            if (topicsEnsured.contains(department.code())) {
                continue;
            }
            try {
                topics.ensure(department.code());
                topicsEnsured.add(department.code());
            } catch (RuntimeException e) {
                log.warn("Topic of department {} not created yet, trying again later: {}", department.code(),
                        e.toString());
            }
        }
    }

    @Scheduled(initialDelayString = "${caseflow.routing.department-topics.retry:30s}",
            fixedDelayString = "${caseflow.routing.department-topics.retry:30s}")
    void ensureTopicsRegularly() {
        try {
            ensureTopics();
            storeOutage.succeeded();
        } catch (RuntimeException e) {
            // the departments could not be read: the next look tries again
            storeOutage.failed(e);
        }
    }

    public List<Department> all() {
        return current().values().stream().sorted(Comparator.comparing(Department::code)).toList();
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(current().get(code));
    }

    /** The departments that take new cases: rules and transfers may name only these. */
    public Set<String> activeCodes() {
        return current().values().stream().filter(Department::active).map(Department::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates or replaces a department; with {@code expectedVersion} only if nobody changed it since. Its topic
     * exists before the department is used. {@code changedBy} and the time are kept with it.
     */
    public DepartmentDocument save(Department department, Long expectedVersion, String changedBy) {
        topics.ensure(department.code());
        topicsEnsured.add(department.code());
        Optional<DepartmentDocument> existing = repository.findById(department.code());
        Long version = existing.map(DepartmentDocument::version).orElse(null);
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new ConflictException("department " + department.code() + " is at version " + version);
        }
        try {
            DepartmentDocument saved = existing.isPresent()
                    ? repository.save(new DepartmentDocument(department.code(), department, version, changedBy,
                            clock.instant()))
                    : repository.insert(new DepartmentDocument(department.code(), department, null, changedBy,
                            clock.instant()));
            readAt = Instant.MIN;
            events.publishEvent(new DepartmentsChanged());
            return saved;
        } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("department " + department.code() + " was changed meanwhile");
        }
    }

    /** Every department as stored now (not the copy routing decides with), by code. */
    public List<DepartmentDocument> allStored() {
        return repository.findAll().stream().sorted(Comparator.comparing(DepartmentDocument::code)).toList();
    }

    public Optional<DepartmentDocument> findStored(String code) {
        return repository.findById(code);
    }

    private Map<String, Department> current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            byCode = repository.findAll().stream().map(DepartmentDocument::department)
                    .collect(Collectors.toUnmodifiableMap(Department::code, Function.identity()));
            readAt = now;
        }
        return byCode;
    }
}
