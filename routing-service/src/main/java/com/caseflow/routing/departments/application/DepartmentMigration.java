package com.caseflow.routing.departments.application;

import com.caseflow.routing.departments.persistence.DepartmentDocument;
import com.caseflow.support.calendar.BusinessCalendar;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Brings departments stored before calendars were named up to date, once: they worked office hours (the calendar
 * that was configured then), kept no on-duty roster, and their SLA was in whole hours. Their URGENT cases are timed
 * around the clock from now on, as every department's are: a danger does not wait for office hours.
 */
final class DepartmentMigration {

    private static final Logger log = LoggerFactory.getLogger(DepartmentMigration.class);

    private final MongoTemplate mongo;
    private final String defaultCalendar;

    DepartmentMigration(MongoTemplate mongo, String defaultCalendar) {
        this.mongo = mongo;
        this.defaultCalendar = defaultCalendar;
    }

    void run() {
        String collection = mongo.getCollectionName(DepartmentDocument.class);
        Query before = Query.query(Criteria.where("department.calendarId").exists(false));
        for (Document stored : mongo.find(before, Document.class, collection)) {
            Document department = stored.get("department", Document.class);
            Update update = new Update().set("department.calendarId", defaultCalendar)
                    .set("department.onDutyRoster", false);
            Document sla = department == null ? null : department.get("sla", Document.class);
            if (sla != null) {
                for (String priority : sla.keySet()) {
                    Document target = sla.get(priority, Document.class);
                    String at = "department.sla." + priority + ".";
                    if ("URGENT".equals(priority) && !target.containsKey("calendarId")) {
                        update.set(at + "calendarId", BusinessCalendar.ALWAYS_OPEN_ID);
                    }
                    if (target.containsKey("firstResponseHours")) {
                        update.set(at + "firstResponseMinutes", target.getInteger("firstResponseHours") * 60)
                                .set(at + "resolutionMinutes", target.getInteger("resolutionHours") * 60)
                                .unset(at + "firstResponseHours").unset(at + "resolutionHours");
                    }
                }
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(stored.get("_id"))), update, collection);
            log.info("Department {} now works in calendar {} with its SLA in minutes", stored.get("_id"),
                    defaultCalendar);
        }
    }
}
