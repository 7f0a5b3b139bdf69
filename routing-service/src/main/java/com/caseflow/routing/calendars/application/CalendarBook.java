package com.caseflow.routing.calendars.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.routing.calendars.persistence.CalendarDocument;
import com.caseflow.routing.calendars.persistence.CalendarStore;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.CalendarRules;
import com.caseflow.support.calendar.CalendarWire;
import com.caseflow.support.calendar.Calendars;
import com.caseflow.support.calendar.ReloadingCache;
import com.caseflow.support.logging.OutageLog;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The business calendars, owned here: administrators edit them through the API (every version kept, who and when),
 * routing counts deadlines in them, and every change is published on the compacted topic {@code calendars} so that
 * follow-up and evaluation count in the same calendar. A publication also names the departments that use the
 * calendar. Seeded with the calendars of {@code calendars/seed.json} (2026's official holidays) and the built-in
 * 24×7 calendar; a seed calendar is added when missing, never over an administrator's edit.
 */
@Service
public class CalendarBook implements Calendars, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarBook.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** A seed calendar as written in {@code calendars/seed.json}. */
    record Seed(String id, String name, String zone, Map<DayOfWeek, CalendarRules.Hours> weekdays,
                CalendarRules.Hours makeUpDayHours, Boolean observesPublicHolidays, List<Integer> years,
                List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String source) {

        CalendarRules.Draft draft() {
            return new CalendarRules.Draft(id, name, zone, weekdays, makeUpDayHours, observesPublicHolidays, years,
                    holidays, makeUpWorkingDays);
        }
    }

    /** A calendar as the book holds it. */
    public record Entry(CalendarPublished published, BusinessCalendar calendar, boolean builtIn) {
    }

    private final CalendarStore store;
    private final DepartmentRegistry departments;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    /** The reconciliation reads the store every minute: an outage is one line, not one stack trace a minute. */
    private final OutageLog storeOutage;
    private final ReloadingCache<Map<String, Entry>> byId;

    public CalendarBook(CalendarStore store, DepartmentRegistry departments, Outbox outbox, JsonMapper json,
                        Clock clock) {
        this.store = store;
        this.departments = departments;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.storeOutage = new OutageLog(log, "Calendar reconciliation", clock);
        this.byId = new ReloadingCache<>(REFRESH, () -> store.all().stream().collect(Collectors.toUnmodifiableMap(
                CalendarDocument::id, d -> new Entry(d.current(), CalendarWire.calendar(d.current()), d.builtIn()),
                (a, b) -> a)));
    }

    /** Adds the seed calendars that are missing, before the consumers start counting in them. */
    @Override
    public void afterSingletonsInstantiated() {
        List<CalendarPublished> seeds = new ArrayList<>();
        BusinessCalendar alwaysOpen = BusinessCalendar.alwaysOpen(clock.getZone());
        seeds.add(published(alwaysOpen, "内置", 1, "built-in", Instant.EPOCH));
        for (Seed seed : readSeeds()) {
            CalendarRules.Checked checked = CalendarRules.check(seed.draft(), 1);
            if (checked.calendar() == null) {
                throw new IllegalStateException("seed calendar " + seed.id() + " is invalid: " + checked.problems());
            }
            seeds.add(published(checked.calendar(), seed.source(), 1, "seed", clock.instant()));
        }
        for (CalendarPublished seed : seeds) {
            if (store.insert(seed, seed.calendarId().equals(BusinessCalendar.ALWAYS_OPEN_ID), publication(seed))) {
                log.info("Calendar {} seeded", seed.calendarId());
            }
        }
        byId.invalidate();
        reconcile();
    }

    private List<Seed> readSeeds() {
        try (InputStream in = new ClassPathResource("calendars/seed.json").getInputStream()) {
            return List.of(json.readValue(in, Seed[].class));
        } catch (IOException e) {
            throw new IllegalStateException("calendars/seed.json cannot be read", e);
        }
    }

    @Override
    public Optional<BusinessCalendar> find(String calendarId) {
        return Optional.ofNullable(current().get(calendarId)).map(Entry::calendar);
    }

    @Override
    public Optional<BusinessCalendar> ofDepartment(String departmentCode) {
        return departments.find(departmentCode).flatMap(d -> find(d.calendarId()));
    }

    @Override
    public List<BusinessCalendar> inUse() {
        return usedBy().keySet().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public List<Entry> all() {
        return current().values().stream().sorted(java.util.Comparator.comparing(e -> e.published().calendarId()))
                .toList();
    }

    public Optional<Entry> entry(String calendarId) {
        return Optional.ofNullable(current().get(calendarId));
    }

    public List<CalendarPublished> versions(String calendarId) {
        requireKnown(calendarId);
        return store.versions(calendarId);
    }

    public Optional<CalendarPublished> version(String calendarId, long version) {
        return store.version(calendarId, version);
    }

    /**
     * Stores the calendar as its next version (or its first, when it is new) and publishes it.
     *
     * @param expectedVersion the version the administrator edited; required when the calendar exists
     */
    public Entry save(CalendarRules.Draft draft, String source, Long expectedVersion, String staffId) {
        Optional<CalendarDocument> existing = store.find(draft.id());
        if (existing.isPresent() && existing.get().builtIn()) {
            throw new RequestRefusedException(HttpStatus.CONFLICT, "built-in", "Built-in calendar",
                    "calendar " + draft.id() + " is built in and cannot be changed");
        }
        long version = existing.map(d -> d.current().version() + 1).orElse(1L);
        List<FieldProblem> problems = new ArrayList<>();
        if (existing.isPresent() && expectedVersion == null) {
            problems.add(new FieldProblem("expectedVersion", "the version you edited, from GET /api/v1/calendars/"
                    + draft.id()));
        }
        if (source != null && source.length() > 300) {
            problems.add(new FieldProblem("source", "at most 300 characters"));
        }
        CalendarRules.Checked checked = CalendarRules.check(draft, version);
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (existing.isPresent() && existing.get().current().version() != expectedVersion) {
            throw new ConflictException("calendar " + draft.id() + " is at version "
                    + existing.get().current().version() + ", not " + expectedVersion);
        }
        long revision = existing.map(CalendarDocument::revision).orElse(0L);
        CalendarPublished next = published(checked.calendar(), source, revision + 1, staffId, clock.instant());
        try {
            if (existing.isPresent()) {
                store.publish(next, revision, publication(next));
            } else if (!store.insert(next, false, publication(next))) {
                throw new ConflictException("calendar " + draft.id() + " was created by someone else meanwhile");
            }
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("calendar " + draft.id() + " was changed by someone else meanwhile");
        }
        byId.invalidate();
        return new Entry(next, checked.calendar(), false);
    }

    /** Enters one year's official arrangement (holidays and make-up days), replacing what that year had. */
    public Entry enterYear(String calendarId, int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays,
                           String source, Long expectedVersion, String staffId) {
        CalendarPublished now = requireKnown(calendarId).published();
        TreeSet<Integer> years = new TreeSet<>(now.years() == null ? List.of() : now.years());
        years.add(year);
        List<LocalDate> allHolidays = new ArrayList<>(otherYears(now.holidays(), year));
        allHolidays.addAll(holidays == null ? List.of() : holidays);
        List<LocalDate> allMakeUps = new ArrayList<>(otherYears(now.makeUpWorkingDays(), year));
        allMakeUps.addAll(makeUpWorkingDays == null ? List.of() : makeUpWorkingDays);
        Map<DayOfWeek, CalendarRules.Hours> weekdays = now.weekdays() == null ? Map.of()
                : now.weekdays().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> hours(e.getValue())));
        return save(new CalendarRules.Draft(calendarId, now.name(), now.zone(), weekdays,
                now.makeUpDayHours() == null ? null : hours(now.makeUpDayHours()), now.observesPublicHolidays(),
                List.copyOf(years), allHolidays, allMakeUps), source == null ? now.source() : source, expectedVersion,
                staffId);
    }

    private static List<LocalDate> otherYears(List<LocalDate> days, int year) {
        return days == null ? List.of() : days.stream().filter(d -> d.getYear() != year).toList();
    }

    private static CalendarRules.Hours hours(CalendarPublished.WorkingHours hours) {
        return new CalendarRules.Hours(hours.opens(), hours.closes(), hours.breakStarts(), hours.breakEnds());
    }

    private Entry requireKnown(String calendarId) {
        return entry(calendarId).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "no calendar " + calendarId));
    }

    @EventListener
    void departmentsChanged(DepartmentRegistry.DepartmentsChanged changed) {
        reconcile();
    }

    /**
     * Publishes again every calendar whose published departments are not those that use it now: after a department
     * changed calendar, and as a safety net, should an instance have stopped between the two writes.
     */
    public void reconcile() {
        Map<String, List<String>> used = usedBy();
        List<CalendarDocument> stored = store.all();
        storeOutage.succeeded();
        for (CalendarDocument doc : stored) {
            List<String> now = used.getOrDefault(doc.id(), List.of());
            List<String> published = doc.current().departments() == null ? List.of() : doc.current().departments();
            if (now.equals(published)) {
                continue;
            }
            CalendarPublished c = doc.current();
            CalendarPublished next = new CalendarPublished(c.calendarId(), doc.revision() + 1, c.version(), c.name(),
                    c.zone(), c.weekdays(), c.makeUpDayHours(), c.observesPublicHolidays(), c.years(), c.holidays(),
                    c.makeUpWorkingDays(), c.source(), now, c.changedBy(), c.changedAt());
            try {
                store.publish(next, doc.revision(), publication(next));
                log.info("Calendar {} published again: used by {}", c.calendarId(), now);
            } catch (OptimisticLockingFailureException e) {
                log.debug("Calendar {} changed meanwhile; the next reconciliation looks again", c.calendarId());
            } catch (RuntimeException e) {
                if (!storeOutage.storeFailed(e)) {
                    log.warn("Calendar {} not published again yet: {}", c.calendarId(), e.toString());
                }
            }
        }
        byId.invalidate();
    }

    @Scheduled(initialDelayString = "1m", fixedDelayString = "1m")
    void reconcileRegularly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // the next reconciliation looks again
            storeOutage.failed(e);
        }
    }

    /** Calendar id → the active departments that time cases in it, sorted. */
    private Map<String, List<String>> usedBy() {
        Map<String, java.util.SortedSet<String>> used = new java.util.TreeMap<>();
        for (Department department : departments.all()) {
            if (department.active()) {
                department.calendars().forEach(id -> used.computeIfAbsent(id, k -> new TreeSet<>())
                        .add(department.code()));
            }
        }
        return used.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    private CalendarPublished published(BusinessCalendar calendar, String source, long revision, String staffId,
                                        Instant at) {
        return new CalendarPublished(calendar.id(), revision, calendar.version(), calendar.name(),
                calendar.zone().getId(), CalendarWire.wire(calendar.weekdays()),
                calendar.makeUpDayHours() == null ? null : CalendarWire.wire(calendar.makeUpDayHours()),
                calendar.observesPublicHolidays(), List.copyOf(calendar.years()),
                calendar.holidays().stream().sorted().toList(), calendar.makeUpWorkingDays().stream().sorted().toList(),
                source, usedBy().getOrDefault(calendar.id(), List.of()), staffId, at);
    }

    private OutboxEntry publication(CalendarPublished calendar) {
        return outbox.entry(Topics.CALENDARS, new EventEnvelope<>(UUID.randomUUID().toString(),
                EventTypes.CALENDAR_PUBLISHED, CalendarPublished.SCHEMA_VERSION, clock.instant(),
                calendar.calendarId(), calendar.calendarId(), calendar));
    }

    private Map<String, Entry> current() {
        return byId.get();
    }
}
