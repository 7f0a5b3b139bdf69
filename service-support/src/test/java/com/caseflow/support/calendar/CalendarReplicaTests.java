package com.caseflow.support.calendar;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.MutableClock;
import com.caseflow.support.testing.TestCalendars;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CalendarReplicaTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T02:00:00Z"), TestCalendars.SHANGHAI);
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.freshDatabaseUri()),
            "replica-" + UUID.randomUUID());
    private final CalendarReplica replica = new CalendarReplica(mongo, TestCalendars.SHANGHAI);

    private static EventEnvelope<CalendarPublished> envelope(CalendarPublished calendar) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CALENDAR_PUBLISHED, 1,
                calendar.changedAt(), calendar.calendarId(), calendar.calendarId(), calendar);
    }

    @Test
    void whenARevisionArrivesThenTheCopyKeepsTheNewestWhateverTheOrder() {
        replica.apply(envelope(TestCalendars.published(TestCalendars.office(), 2, "ENGINEERING")));
        replica.apply(envelope(TestCalendars.published(TestCalendars.office(), 1, "SALES")));
        replica.apply(envelope(TestCalendars.published(TestCalendars.office(), 2, "ENGINEERING")));

        assertThat(replica.find(TestCalendars.OFFICE)).get().extracting(BusinessCalendar::id)
                .isEqualTo(TestCalendars.OFFICE);
        assertThat(replica.ofDepartment("ENGINEERING")).isPresent();
        assertThat(replica.ofDepartment("SALES")).isEmpty();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                CalendarReplica.CopyDocument.class)).isEqualTo(1);

        replica.apply(envelope(TestCalendars.published(TestCalendars.office(), 3, "SALES")));
        assertThat(replica.ofDepartment("SALES")).isPresent();
        assertThat(replica.ofDepartment("ENGINEERING")).isEmpty();
    }

    @Test
    void whenACalendarHasNotArrivedThenAskingForItIsATransientFailureButTheBuiltIn24x7IsAlwaysKnown() {
        assertThatExceptionOfType(UnknownCalendarException.class).isThrownBy(() -> replica.get("HOTLINE"));
        assertThat(replica.get(BusinessCalendar.ALWAYS_OPEN_ID).observesPublicHolidays()).isFalse();
    }

    @Test
    void whenARecordIsNotACalendarThenItIsPoison() {
        CalendarPublished broken = new CalendarPublished("BROKEN", 1, 1, "坏", "Asia/Shanghai", java.util.Map.of(), null,
                true, List.of(), List.of(), List.of(), null, List.of(), "x", Instant.now());
        assertThatExceptionOfType(PoisonRecordException.class).isThrownBy(() -> replica.apply(envelope(broken)));
        CalendarPublished office = TestCalendars.published(TestCalendars.office(), 1);
        assertThatExceptionOfType(PoisonRecordException.class).isThrownBy(() -> replica.apply(new EventEnvelope<>(
                "e", EventTypes.CALENDAR_PUBLISHED, 1, Instant.now(), "OTHER", "OTHER", office)));
    }

    @Test
    void whenACalendarInUseRunsOutWithinNinetyDaysThenHealthWarnsAndTheGaugeSaysHowManyDaysAreLeft() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CalendarCoverage coverage = new CalendarCoverage(replica, clock, 90, meters);
        replica.apply(envelope(TestCalendars.published(TestCalendars.office(), 1, "ENGINEERING")));
        replica.apply(envelope(TestCalendars.published(TestCalendars.hotline(), 1, "CUSTOMER_SERVICE")));

        var health = coverage.health();
        assertThat(health.getStatus()).isEqualTo(CalendarCoverage.WARNING);
        assertThat(health.getDetails().get("CN-OFFICE").toString()).contains("2026-12-31");
        assertThat(health.getDetails().get("HOTLINE")).isEqualTo("never runs out");
        // Dec 4 to Dec 31 2026, both included
        assertThat(meters.get("caseflow.calendar.covered.days").tag("calendar", "CN-OFFICE").gauge().value())
                .isEqualTo(28);
        assertThat(meters.get("caseflow.calendar.covered.days").tag("calendar", "HOTLINE").gauge().value())
                .isInfinite();

        BusinessCalendar withNextYear = new BusinessCalendar("CN-OFFICE", "办公", 2, TestCalendars.SHANGHAI,
                TestCalendars.office().weekdays(), null, true, java.util.Set.of(2026, 2027),
                java.util.Set.of(LocalDate.of(2027, 1, 1)), java.util.Set.of());
        replica.apply(envelope(TestCalendars.published(withNextYear, 2, "ENGINEERING")));
        assertThat(coverage.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("caseflow.calendar.covered.days").tag("calendar", "CN-OFFICE").gauge().value())
                .isEqualTo(393);
    }
}
