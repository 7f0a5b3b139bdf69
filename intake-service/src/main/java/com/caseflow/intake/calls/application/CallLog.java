package com.caseflow.intake.calls.application;

import com.caseflow.events.contact.Phones;
import com.caseflow.intake.calls.domain.Call;
import com.caseflow.intake.calls.domain.PhoneEvent;
import com.caseflow.intake.calls.domain.PhoneEventType;
import com.caseflow.intake.calls.persistence.CallStore;
import com.caseflow.intake.validation.RequestChecks;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calls as the phone platform reports them: applies each checked event once to its call and stores the call with
 * the facts the event adds; answers who may see a call and the times it measured.
 */
@Service
public class CallLog {

    /** Numbers the platform sends for a caller who withheld theirs. */
    private static final Set<String> WITHHELD = Set.of("anonymous", "unknown", "withheld", "private", "restricted");
    private static final int MAX_ATTEMPTS = 10;

    private final CallStore store;
    private final CallFacts facts;
    private final Validator validator;
    private final Clock clock;

    public CallLog(CallStore store, CallFacts facts, Validator validator, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.validator = validator;
        this.clock = clock;
    }

    /** What became of an event: applied, or a repeat of one applied before. */
    public record Received(String eventId, String callId, PhoneEventType type, boolean duplicate) {
    }

    /**
     * Checks the event and applies it to its call, with the facts it adds, in one write.
     *
     * @throws com.caseflow.support.problem.InvalidRequestException naming every bad field; nothing is stored
     */
    public Received receive(PhoneEventRequest request) {
        PhoneEvent event = checked(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(event);
            } catch (DuplicateKeyException | OptimisticLockingFailureException concurrent) {
                // another event of the same call was written meanwhile: read it again and apply on top
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private Received apply(PhoneEvent event) {
        Optional<CallStore.StoredCall> stored = store.find(event.callId());
        if (stored.isEmpty()) {
            Call.Applied applied = Call.offered(event);
            store.insert(applied.call(), event.eventId(), entries(event, applied));
            return new Received(event.eventId(), event.callId(), event.type(), false);
        }
        if (stored.get().eventIds().contains(event.eventId())) {
            return new Received(event.eventId(), event.callId(), event.type(), true);
        }
        Call.Applied applied = stored.get().call().apply(event);
        store.update(applied.call(), stored.get().version(), event.eventId(), entries(event, applied));
        return new Received(event.eventId(), event.callId(), event.type(), false);
    }

    private List<OutboxEntry> entries(PhoneEvent event, Call.Applied applied) {
        return facts.entries(event.callId(), event.eventId(), applied.facts());
    }

    /**
     * A call as this member of staff may see it: supervisors, managers and administrators see every call, an agent
     * only a call that reached them. Empty otherwise, so that agents cannot learn which calls exist.
     */
    public Optional<Call> call(String callId, Staff reader) {
        return store.find(callId).map(CallStore.StoredCall::call)
                .filter(call -> seesEveryCall(reader) || reader.is(Roles.AGENT) && call.reached(reader.staffId()));
    }

    /** Who sees every call and its recording. */
    public static boolean seesEveryCall(Staff reader) {
        return reader.is(Roles.SUPERVISOR) || reader.is(Roles.MANAGER) || reader.is(Roles.ADMIN);
    }

    /** The call when it reached this agent; empty for a call intake does not know or that never reached them. */
    public Optional<Call> reachedAgent(String callId, String agentId) {
        return store.find(callId).map(CallStore.StoredCall::call).filter(call -> call.reached(agentId));
    }

    /** The recordings of these calls by call id, for the calls that reached the given agent of each. */
    public Map<String, String> recordings(Map<String, String> agentByCallId) {
        return store.findAll(agentByCallId.keySet()).stream()
                .filter(call -> call.recordingUrl() != null && call.reached(agentByCallId.get(call.callId())))
                .collect(Collectors.toMap(Call::callId, Call::recordingUrl));
    }

    private PhoneEvent checked(PhoneEventRequest request) {
        RequestChecks checks = RequestChecks.of(request, validator, clock);
        PhoneEventType type = checks.oneOf("type", request.type(), PhoneEventType.class);
        Optional<Instant> occurredAt = checks.time("occurredAt", request.occurredAt());
        String hotline = number(checks, "hotline", request.hotline(), false);
        String caller = number(checks, "caller", request.caller(), true);
        if (type == PhoneEventType.RINGING && blank(request.agentId())) {
            checks.reject("agentId", "is required for RINGING: the agent it rings at");
        }
        if (type == PhoneEventType.TRANSFERRED && blank(request.toAgentId())) {
            checks.reject("toAgentId", "is required for TRANSFERRED: the agent the call is passed to");
        }
        if (request.recordingUrl() != null && !checks.hasProblem("recordingUrl") && !web(request.recordingUrl())) {
            checks.reject("recordingUrl", "must be an absolute http or https address");
        }
        checks.throwIfInvalid();
        return new PhoneEvent(request.eventId().strip(), type, request.callId().strip(), hotline, caller,
                trimmed(request.agentId()), trimmed(request.toAgentId()), occurredAt.orElseThrow(),
                trimmed(request.recordingUrl()));
    }

    private static String number(RequestChecks checks, String field, String raw, boolean withholdable) {
        if (blank(raw) || checks.hasProblem(field)) {
            return null;
        }
        if (withholdable && WITHHELD.contains(raw.strip().toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        Optional<String> number = Phones.normalised(raw);
        if (number.isEmpty()) {
            checks.reject(field, "must be a Chinese mobile, a landline with area code or a 400/800 number"
                    + (withholdable ? "; leave it out when the number is withheld" : ""));
        }
        return number.orElse(null);
    }

    private static boolean web(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
