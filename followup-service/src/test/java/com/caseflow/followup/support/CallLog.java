package com.caseflow.followup.support;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Publishes the phone platform's facts on {@code calls} as intake does: an envelope keyed by the call id, the caller's
 * number sealed under the local key.
 */
public final class CallLog implements AutoCloseable {

    private final EventLog log;

    public CallLog(String bootstrapServers) {
        this.log = new EventLog(bootstrapServers);
    }

    /** A mobile number no other test uses. */
    public static String newCaller() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String newCallId() {
        return "C-" + UUID.randomUUID();
    }

    public EventEnvelope<Object> abandoned(String callId, String caller, Instant abandonedAt) {
        return publish(callId, new CallAbandoned(callId, "400-820-8820", caller, abandonedAt.minusSeconds(40),
                abandonedAt, "A001", abandonedAt.minusSeconds(30)));
    }

    public EventEnvelope<Object> answered(String callId, String caller, Instant answeredAt) {
        return publish(callId, new CallAnswered(callId, "400-820-8820", caller, "A002", answeredAt.minusSeconds(12),
                answeredAt.minusSeconds(Duration.ofSeconds(8).toSeconds()), answeredAt));
    }

    public EventEnvelope<Object> publish(String callId, Object event) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1,
                TestClock.CLOCK.instant(), callId, callId, event);
        log.publishSealed(Topics.CALLS, envelope, TestKeys.keyring());
        return envelope;
    }

    public void publish(EventEnvelope<?> envelope) {
        log.publishSealed(Topics.CALLS, envelope, TestKeys.keyring());
    }

    @Override
    public void close() {
        log.close();
    }
}
