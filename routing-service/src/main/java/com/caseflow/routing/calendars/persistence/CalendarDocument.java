package com.caseflow.routing.calendars.persistence;

import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A calendar's current version as published, with the publications waiting in its outbox — one document, so a change
 * and its announcement are one write. {@code revision} guards concurrent writers; {@code builtIn} calendars are not
 * edited.
 */
@Document(CalendarDocument.COLLECTION)
public record CalendarDocument(@Id String id, long revision, CalendarPublished current, boolean builtIn,
                               List<OutboxEntry> outbox, OutboxClaim outboxClaim) {

    public static final String COLLECTION = "calendars";
}
