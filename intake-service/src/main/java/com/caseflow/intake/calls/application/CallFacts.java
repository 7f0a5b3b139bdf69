package com.caseflow.intake.calls.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.call.CallTransferred;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.sealing.CustomerTokens;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The facts of a call as outbox entries for {@code calls}, keyed by call id so one call's facts stay in order. */
@Component
class CallFacts {

    private final Outbox outbox;
    private final CustomerTokens tokens;

    CallFacts(Outbox outbox, CustomerTokens tokens) {
        this.outbox = outbox;
        this.tokens = tokens;
    }

    /**
     * Event ids follow from the call, the platform's event and the fact, so the same fact is never announced under
     * two ids.
     */
    List<OutboxEntry> entries(String callId, String platformEventId, List<Object> facts) {
        return facts.stream().map(this::withCallerToken).map(fact -> {
            String type = EventTypes.nameOf(fact);
            String source = fact instanceof CallOffered ? "offered" : platformEventId;
            String eventId = UUID.nameUUIDFromBytes((callId + '\u0000' + source + '\u0000' + type)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            return outbox.entry(Topics.CALLS, new EventEnvelope<>(eventId, type, schemaVersion(fact),
                    occurredAt(fact), callId, callId, fact));
        }).toList();
    }

    /** The caller's customer token beside the (sealed) number: readers without the key tell callers apart by it. */
    private Object withCallerToken(Object fact) {
        if (fact instanceof CallOffered offered) {
            return offered.withCallerToken(token(offered.caller()));
        } else if (fact instanceof CallRinging ringing) {
            return ringing.withCallerToken(token(ringing.caller()));
        } else if (fact instanceof CallAnswered answered) {
            return answered.withCallerToken(token(answered.caller()));
        } else if (fact instanceof CallAbandoned abandoned) {
            return abandoned.withCallerToken(token(abandoned.caller()));
        }
        return fact;
    }

    private String token(String caller) {
        return tokens.of(caller).orElse(null);
    }

    private static int schemaVersion(Object fact) {
        if (fact instanceof CallOffered) {
            return CallOffered.SCHEMA_VERSION;
        } else if (fact instanceof CallRinging) {
            return CallRinging.SCHEMA_VERSION;
        } else if (fact instanceof CallAnswered) {
            return CallAnswered.SCHEMA_VERSION;
        } else if (fact instanceof CallTransferred) {
            return CallTransferred.SCHEMA_VERSION;
        } else if (fact instanceof CallAbandoned) {
            return CallAbandoned.SCHEMA_VERSION;
        } else if (fact instanceof CallEnded) {
            return CallEnded.SCHEMA_VERSION;
        }
        throw new IllegalArgumentException("not a call fact: " + fact.getClass().getSimpleName());
    }

    private static Instant occurredAt(Object fact) {
        if (fact instanceof CallOffered f) {
            return f.offeredAt();
        } else if (fact instanceof CallRinging f) {
            return f.ringStartedAt();
        } else if (fact instanceof CallAnswered f) {
            return f.answeredAt();
        } else if (fact instanceof CallTransferred f) {
            return f.transferredAt();
        } else if (fact instanceof CallAbandoned f) {
            return f.abandonedAt();
        } else if (fact instanceof CallEnded f) {
            return f.endedAt();
        }
        throw new IllegalArgumentException("not a call fact: " + fact.getClass().getSimpleName());
    }
}
