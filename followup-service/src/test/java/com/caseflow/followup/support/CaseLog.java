package com.caseflow.followup.support;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.support.testing.EventLog;

import java.util.UUID;

/**
 * Publishes case events on {@code cases} as routing does: an envelope keyed by the case id, CloudEvents headers,
 * stamped on the tests' one clock.
 */
public final class CaseLog implements AutoCloseable {

    private final EventLog log;

    public CaseLog(String bootstrapServers) {
        this.log = new EventLog(bootstrapServers);
    }

    public EventEnvelope<Object> publish(String caseId, Object event) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1,
                TestClock.CLOCK.instant(), caseId, caseId, event);
        log.publish(Topics.CASES, envelope);
        return envelope;
    }

    public void publish(EventEnvelope<?> envelope) {
        log.publish(Topics.CASES, envelope);
    }

    public EventLog raw() {
        return log;
    }

    @Override
    public void close() {
        log.close();
    }
}
