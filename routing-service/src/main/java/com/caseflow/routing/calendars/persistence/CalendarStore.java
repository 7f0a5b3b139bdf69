package com.caseflow.routing.calendars.persistence;

import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class CalendarStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public CalendarStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(CalendarDocument.COLLECTION).createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC)
                .sparse().named("outbox_pending"));
        mongo.indexOps(CalendarVersionDocument.class).createIndex(new Index().on("calendarId", Sort.Direction.ASC)
                .on("version", Sort.Direction.DESC).named("calendar_versions"));
    }

    /** Stores a new calendar with its first publication; false when one with this id exists. */
    @Retry(name = "mongo")
    public boolean insert(CalendarPublished calendar, boolean builtIn, OutboxEntry publication) {
        try {
            mongo.insert(new CalendarDocument(calendar.calendarId(), calendar.revision(), calendar, builtIn,
                    List.of(publication), outbox.claim()));
        } catch (DuplicateKeyException e) {
            return false;
        }
        outbox.inserted(CalendarDocument.COLLECTION, calendar.calendarId(), List.of(publication));
        keepVersion(calendar);
        return true;
    }

    /**
     * Publishes the calendar as its next revision, if nobody published since {@code revision}.
     *
     * @throws OptimisticLockingFailureException when somebody did
     */
    @Retry(name = "mongo")
    public void publish(CalendarPublished calendar, long revision, OutboxEntry publication) {
        Query unchanged = Query.query(Criteria.where("_id").is(calendar.calendarId()).and("revision").is(revision));
        Update update = new Update().set("current", calendar).set("revision", calendar.revision())
                .push(Outbox.ENTRIES).each(publication)
                .set(Outbox.CLAIM, outbox.claim());
        if (mongo.updateFirst(unchanged, update, CalendarDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("calendar " + calendar.calendarId() + " changed since "
                    + "revision " + revision);
        }
        outbox.stored(CalendarDocument.COLLECTION, calendar.calendarId());
        keepVersion(calendar);
    }

    /** Records the calendar's version in its history; written after the calendar, so a version seen there is real. */
    @Retry(name = "mongo")
    public void keepVersion(CalendarPublished calendar) {
        Query byId = Query.query(Criteria.where("_id").is(CalendarVersionDocument.idOf(calendar.calendarId(),
                calendar.version())));
        mongo.upsert(byId, new Update().setOnInsert("calendarId", calendar.calendarId())
                .setOnInsert("version", calendar.version()).setOnInsert("calendar", calendar),
                CalendarVersionDocument.class);
    }

    @Retry(name = "mongo")
    public List<CalendarDocument> all() {
        Query query = new Query().with(Sort.by("_id"));
        query.fields().exclude("outbox");
        return mongo.find(query, CalendarDocument.class);
    }

    @Retry(name = "mongo")
    public Optional<CalendarDocument> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, CalendarDocument.class));
    }

    @Retry(name = "mongo")
    public List<CalendarPublished> versions(String calendarId) {
        Query query = Query.query(Criteria.where("calendarId").is(calendarId))
                .with(Sort.by(Sort.Order.desc("version")));
        return mongo.find(query, CalendarVersionDocument.class).stream().map(CalendarVersionDocument::calendar)
                .toList();
    }

    @Retry(name = "mongo")
    public Optional<CalendarPublished> version(String calendarId, long version) {
        return Optional.ofNullable(mongo.findById(CalendarVersionDocument.idOf(calendarId, version),
                CalendarVersionDocument.class)).map(CalendarVersionDocument::calendar);
    }
}
