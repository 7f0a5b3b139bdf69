package com.caseflow.routing.departments.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.persistence.DepartmentDocument;
import com.caseflow.support.testing.EmbeddedMongo;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentMigrationTests {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.freshDatabaseUri()),
            "migration-" + UUID.randomUUID());

    private static Document hours(int firstResponse, int resolution) {
        return new Document("firstResponseHours", firstResponse).append("resolutionHours", resolution);
    }

    @Test
    void whenADepartmentWasStoredBeforeCalendarsThenItWorksOfficeHoursWithItsSlaInMinutesAndUrgentAroundTheClock() {
        mongo.getCollection("departments").insertOne(new Document("_id", "ENGINEERING").append("version", 3L)
                .append("department", new Document("code", "ENGINEERING").append("nameZh", "工程维修部")
                        .append("nameEn", "Engineering").append("head", "ENG-HEAD").append("active", true)
                        .append("sla", new Document("URGENT", hours(1, 8)).append("HIGH", hours(4, 24))
                                .append("NORMAL", hours(8, 72)))));

        new DepartmentMigration(mongo, "CN-OFFICE").run();
        new DepartmentMigration(mongo, "CN-OFFICE").run();

        Department migrated = mongo.findById("ENGINEERING", DepartmentDocument.class).department();
        assertThat(migrated.calendarId()).isEqualTo("CN-OFFICE");
        assertThat(migrated.onDutyRoster()).isFalse();
        assertThat(migrated.slaFor(Priority.HIGH).firstResponseMinutes()).isEqualTo(240);
        assertThat(migrated.slaFor(Priority.NORMAL).resolutionMinutes()).isEqualTo(72 * 60);
        assertThat(migrated.calendarFor(Priority.URGENT)).isEqualTo("24X7");
        assertThat(migrated.calendarFor(Priority.NORMAL)).isEqualTo("CN-OFFICE");
        assertThat(mongo.findById("ENGINEERING", DepartmentDocument.class).version()).isEqualTo(3L);
    }
}
