package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps a case's events in envelopes for the outbox: each on {@code cases} and on the topic of the department that
 * owns the case — after a transfer, of both departments, so the old one learns the case left it.
 */
@Component
public class CaseEvents {

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<OutboxEntry> entries(Case subject, List<?> events, Instant at) {
        List<OutboxEntry> entries = new ArrayList<>();
        String correlationId = subject.contacts().isEmpty() ? subject.id() : subject.contacts().get(0).contactId();
        for (Object event : events) {
            EventEnvelope<Object> envelope = new EventEnvelope<>(java.util.UUID.randomUUID().toString(),
                    EventTypes.nameOf(event), 1, at, subject.id(), correlationId, event);
            Set<String> topics = new LinkedHashSet<>();
            topics.add(Topics.CASES);
            if (event instanceof CaseTransferred transferred) {
                topics.add(Topics.departmentCases(transferred.fromDepartment()));
            }
            topics.add(Topics.departmentCases(subject.departmentCode()));
            entries.add(outbox.entry(List.copyOf(topics), envelope));
        }
        return entries;
    }
}
