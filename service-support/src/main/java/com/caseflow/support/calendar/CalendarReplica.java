package com.caseflow.support.calendar;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service's copy of routing's calendars, kept from the compacted topic {@code calendars} in the service's own
 * store (so every instance reads the same copy whichever of them consumed the record) and held in memory, re-read
 * every few seconds. The newest revision of each calendar wins; an older or repeated record changes nothing.
 */
public class CalendarReplica implements Calendars {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** A calendar as the service keeps it. */
    @Document(CopyDocument.COLLECTION)
    public record CopyDocument(@Id String id, long revision, CalendarPublished calendar) {
        public static final String COLLECTION = "calendars";
    }

    private record Known(BusinessCalendar calendar, List<String> departments) {
    }

    private final MongoTemplate mongo;
    private final BusinessCalendar alwaysOpen;
    private final ReloadingCache<Map<String, Known>> known;

    public CalendarReplica(MongoTemplate mongo, ZoneId zone) {
        this.mongo = mongo;
        this.alwaysOpen = BusinessCalendar.alwaysOpen(zone);
        this.known = new ReloadingCache<>(REFRESH, this::load);
    }

    /** Keeps the published calendar if it is newer than the copy. */
    public void apply(EventEnvelope<CalendarPublished> envelope) {
        PoisonRecordException.requireReadable(envelope, CalendarPublished.SCHEMA_VERSION);
        CalendarPublished published = envelope.data();
        if (published == null || published.calendarId() == null || !published.calendarId().equals(envelope.key())) {
            throw new PoisonRecordException("calendar without an id matching its key");
        }
        try {
            CalendarWire.calendar(published);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("calendar " + published.calendarId() + " cannot be read: " + e.getMessage());
        }
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(published.calendarId())
                .and("revision").lt(published.revision()));
        try {
            mongo.upsert(olderOrAbsent, new Update().set("revision", published.revision()).set("calendar", published),
                    CopyDocument.class);
        } catch (DuplicateKeyException newerKept) {
            // the copy holds this revision or a newer one
        }
        known.invalidate();
    }

    @Override
    public Optional<BusinessCalendar> find(String calendarId) {
        Known found = current().get(calendarId);
        if (found == null && BusinessCalendar.ALWAYS_OPEN_ID.equals(calendarId)) {
            return Optional.of(alwaysOpen);
        }
        return Optional.ofNullable(found).map(Known::calendar);
    }

    @Override
    public Optional<BusinessCalendar> ofDepartment(String departmentCode) {
        return current().values().stream().filter(k -> k.departments().contains(departmentCode))
                .map(Known::calendar).findFirst();
    }

    @Override
    public List<BusinessCalendar> inUse() {
        return current().values().stream().filter(k -> !k.departments().isEmpty()).map(Known::calendar)
                .sorted(java.util.Comparator.comparing(BusinessCalendar::id)).toList();
    }

    private Map<String, Known> current() {
        return known.get();
    }

    private Map<String, Known> load() {
        return mongo.findAll(CopyDocument.class).stream()
                .collect(Collectors.toUnmodifiableMap(CopyDocument::id, d -> new Known(
                        CalendarWire.calendar(d.calendar()),
                        d.calendar().departments() == null ? List.of() : d.calendar().departments()),
                        (a, b) -> a));
    }
}
