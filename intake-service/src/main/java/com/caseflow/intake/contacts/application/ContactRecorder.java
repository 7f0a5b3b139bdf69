package com.caseflow.intake.contacts.application;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.intake.contacts.domain.RingRule;
import com.caseflow.intake.contacts.domain.SettlementRule;
import com.caseflow.intake.calls.application.CallLog;
import com.caseflow.intake.calls.domain.Call;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.intake.projects.application.ProjectCatalogue;
import com.caseflow.intake.validation.RequestChecks;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records calls and visits: checks every field, stores the contact together with its pending
 * {@code ContactReceived}, and answers a retried request with the contact it created the first time.
 */
@Service
public class ContactRecorder {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Networks give up on an unanswered call long before this. */
    private static final Duration MAX_RINGING = Duration.ofMinutes(5);

    private final ContactStore store;
    private final ContactEvents events;
    private final ProjectCatalogue projects;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RingRule ringRule = RingRule.CHINA;
    private final CallLog calls;
    private final SettlementRule settlement;

    public ContactRecorder(ContactStore store, ContactEvents events, ProjectCatalogue projects,
                           Validator validator, JsonMapper json, Clock clock, MeterRegistry meters, CallLog calls,
                           SettlementProperties settlement) {
        this.store = store;
        this.events = events;
        this.projects = projects;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.calls = calls;
        this.settlement = new SettlementRule(settlement.notSettleableWords(), settlement.settleablePhrases());
    }

    /** The contact stored, and whether it was stored by an earlier request with the same Idempotency-Key. */
    public record Recorded(Contact contact, boolean replayed) {
    }

    /**
     * With a call id of a call that rang at this agent and was answered by them, ring and answer times are the
     * platform's (MEASURED) and typed ones are ignored; otherwise the typed times count (SELF_REPORTED).
     */
    public Recorded recordCall(RecordCall call, String agentId, String idempotencyKey) {
        RequestChecks checks = RequestChecks.of(call, validator, clock);
        checkKey(checks, idempotencyKey);
        String callId = blankToNull(call.callId());
        if (callId != null && !checks.hasProblem("callId") && !KEY_FORMAT.matcher(callId).matches()) {
            checks.reject("callId", "must be 1 to 128 visible ASCII characters: the call id of the screen pop");
        }
        Optional<Call> platformCall = callId == null || checks.hasProblem("callId") ? Optional.empty()
                : calls.reachedAgent(callId, agentId);
        Optional<Call.MeasuredTimes> measured = platformCall.flatMap(c -> c.measuredFor(agentId));
        Optional<Instant> ringStarted = Optional.empty();
        Optional<Instant> answered = Optional.empty();
        if (measured.isEmpty()) {
            ringStarted = checks.time("ringStartedAt", call.ringStartedAt());
            answered = checks.time("answeredAt", call.answeredAt());
            if (call.ringStartedAt() == null && call.answeredAt() == null && call.ringCount() == null) {
                checks.reject("ringCount", "give ringStartedAt and answeredAt, or ringCount");
            } else if (call.ringCount() == null
                    && (call.ringStartedAt() == null) != (call.answeredAt() == null)) {
                checks.reject(call.ringStartedAt() == null ? "ringStartedAt" : "answeredAt",
                        "must be given together with "
                                + (call.ringStartedAt() == null ? "answeredAt" : "ringStartedAt"));
            }
            if (ringStarted.isPresent() && answered.isPresent() && answered.get().isBefore(ringStarted.get())) {
                checks.reject("answeredAt", "must not be before ringStartedAt");
            } else if (ringStarted.isPresent() && answered.isPresent()
                    && Duration.between(ringStarted.get(), answered.get()).compareTo(MAX_RINGING) > 0) {
                checks.reject("answeredAt", "must be within " + MAX_RINGING.toMinutes()
                        + " minutes of ringStartedAt");
            }
        }
        Optional<PhoneNumber> phone = phone(checks, call.phone());
        CallerType callerType = checks.oneOf("callerType", call.callerType(), CallerType.class);
        ContactCategory category = checks.oneOf("category", call.category(), ContactCategory.class);
        checkProject(checks, call.projectCode());
        checkSettled(checks, "settledOnCall", call.settledOnCall(), category, call.matter());
        checks.throwIfInvalid();

        Contact.CallDetails details;
        if (measured.isPresent()) {
            Instant ring = measured.get().ringStartedAt();
            Instant answer = measured.get().answeredAt();
            Duration waited = Duration.between(ring, answer);
            details = new Contact.CallDetails(ring, answer, ringRule.ringsMeasured(waited),
                    waited.compareTo(CallAnswered.THREE_RINGS) <= 0, call.greetingGiven(), callId,
                    TimingSource.MEASURED, platformCall.get().recordingUrl());
        } else {
            int rings = call.ringCount() != null
                    ? call.ringCount()
                    : ringRule.ringsBefore(Duration.between(ringStarted.orElseThrow(), answered.orElseThrow()));
            details = new Contact.CallDetails(ringStarted.orElse(null), answered.orElse(null), rings,
                    ringRule.kept(rings), call.greetingGiven(), callId, TimingSource.SELF_REPORTED,
                    platformCall.map(Call::recordingUrl).orElse(null));
        }
        Contact contact = new Contact(contactId(agentId, idempotencyKey), Channel.PHONE, agentId, now(),
                details, null, call.callerName().strip(), callerType, phone.orElseThrow().value(),
                call.projectCode().strip(), blankToNull(call.unit()), call.matter().strip(), category,
                call.settledOnCall());
        Recorded recorded = store(contact, fingerprint(call));
        if (!recorded.replayed()) {
            meters.counter("caseflow.calls.answered", "within_three_rings",
                    String.valueOf(contact.call().answeredWithinThreeRings()),
                    "timing", details.timing().name()).increment();
        }
        return recorded;
    }

    public Recorded recordVisit(RecordVisit visit, String agentId, String idempotencyKey) {
        RequestChecks checks = RequestChecks.of(visit, validator, clock);
        checkKey(checks, idempotencyKey);
        Optional<Instant> arrived = checks.time("arrivedAt", visit.arrivedAt());
        Optional<Instant> greeted = checks.time("greetedAt", visit.greetedAt());
        if (arrived.isPresent() && greeted.isPresent() && greeted.get().isBefore(arrived.get())) {
            checks.reject("greetedAt", "must not be before arrivedAt");
        }
        Optional<PhoneNumber> phone = phone(checks, visit.phone());
        CallerType visitorType = checks.oneOf("visitorType", visit.visitorType(), CallerType.class);
        ContactCategory category = checks.oneOf("category", visit.category(), ContactCategory.class);
        checkProject(checks, visit.projectCode());
        checkSettled(checks, "settledOnVisit", visit.settledOnVisit(), category, visit.purpose());
        checks.throwIfInvalid();

        Contact contact = new Contact(contactId(agentId, idempotencyKey), Channel.VISIT, agentId, now(),
                null,
                new Contact.VisitDetails(arrived.orElseThrow(), greeted.orElse(null), blankToNull(visit.hostedBy()),
                        blankToNull(visit.organisation())),
                visit.visitorName().strip(), visitorType, phone.orElseThrow().value(), visit.projectCode().strip(),
                blankToNull(visit.unit()), visit.purpose().strip(), category, Boolean.TRUE.equals(visit.settledOnVisit()));
        return store(contact, fingerprint(visit));
    }

    private Recorded store(Contact contact, String fingerprint) {
        OutboxEntry entry = events.received(contact);
        try {
            store.insert(contact, fingerprint, entry);
        } catch (DuplicateKeyException alreadyStored) {
            ContactDocument existing = store.find(contact.id()).orElseThrow(() -> alreadyStored);
            if (!existing.requestFingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            // e.g. our own first attempt, whose reply was lost: publish now rather than on a later sweep
            store.publishPending(existing);
            return new Recorded(existing.contact(), true);
        }
        meters.counter("caseflow.contacts.received", "channel", contact.channel().name()).increment();
        return new Recorded(contact, false);
    }

    /** 当场办结 means settled: a complaint, or a matter naming a danger or exposure, needs a case. */
    private void checkSettled(RequestChecks checks, String field, Boolean settled, ContactCategory category,
                              String matter) {
        if (Boolean.TRUE.equals(settled) && category != null && !checks.hasProblem(field)
                && !settlement.allowsSettling(category, matter)) {
            checks.reject(field, category == ContactCategory.COMPLAINT
                    ? "投诉不能记为当场办结：请取消“当场办结”，提交后将立案并派单跟进"
                    : "事项涉及安全隐患或媒体曝光等风险，不能记为当场办结：请取消“当场办结”，提交后将立案并派单跟进");
        }
    }

    private void checkKey(RequestChecks checks, String key) {
        if (key != null && !KEY_FORMAT.matcher(key).matches()) {
            checks.reject(IDEMPOTENCY_KEY, "must be 1 to 128 visible ASCII characters, for example a UUID");
        }
    }

    private Optional<PhoneNumber> phone(RequestChecks checks, String raw) {
        if (raw == null || checks.hasProblem("phone")) {
            return Optional.empty();
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(raw);
        if (phone.isEmpty()) {
            checks.reject("phone", "must be a Chinese mobile (13812345678), a landline with area code "
                    + "(021-58881234) or a 400 service number (400-820-8820)");
        }
        return phone;
    }

    private void checkProject(RequestChecks checks, String code) {
        if (code != null && !checks.hasProblem("projectCode") && !projects.exists(code.strip())) {
            checks.reject("projectCode", "is not a project in the catalogue (GET /api/v1/projects)");
        }
    }

    /**
     * With an Idempotency-Key the id follows from agent and key, so a retry collides with the first write on the
     * primary key — atomic on any MongoDB, with no separate key table to keep consistent.
     */
    private static String contactId(String agentId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((agentId + '\u0000' + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String fingerprint(Object request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
