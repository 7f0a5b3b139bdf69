package com.caseflow.evaluation.spotchecks.application;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.spotchecks.domain.ContactFacts;
import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.evaluation.spotchecks.domain.SampleItem;
import com.caseflow.evaluation.spotchecks.domain.Scorecard;
import com.caseflow.evaluation.spotchecks.persistence.SampleStore;
import com.caseflow.evaluation.spotchecks.persistence.SamplingFactsStore;
import com.caseflow.evaluation.spotchecks.persistence.SpotCheckStore;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.evaluation.privacy.FreeText;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reviewers' spot-checks (抽查): a contact scored on the configured scorecard, stored with its
 * {@code SpotCheckRecorded} in one write; the relay publishes it on {@code evaluations} (key = agent id), and the day
 * counters take it from there.
 * <p>
 * A contact is checked once, in whichever sample drew it or outside any: the check's id is {@code check.<contactId>},
 * and its event id is derived from it, so the same check is the same event wherever it is read. The reviewer's
 * comment stays in the service (it may name the customer): the published event carries none.
 */
@Service
public class SpotChecks {

    public static final int MAX_COMMENT = 1000;
    private static final int MAX_ID = 200;

    /** @param ratings as sent, duplicates included (every item is rated exactly once) */
    public record RecordCommand(String sampleId, String contactId, List<Scorecard.Rating> ratings, String comment) {
    }

    private final SpotCheckStore checks;
    private final SampleStore samples;
    private final SamplingFactsStore facts;
    private final Outbox outbox;
    private final Access access;
    private final Scorecard scorecard;
    private final Clock clock;
    private final MeterRegistry meters;

    public SpotChecks(SpotCheckStore checks, SampleStore samples, SamplingFactsStore facts, Outbox outbox,
                      Access access, SpotCheckProperties properties, Clock clock, MeterRegistry meters) {
        this.checks = checks;
        this.samples = samples;
        this.facts = facts;
        this.outbox = outbox;
        this.access = access;
        this.scorecard = properties.toScorecard();
        this.clock = clock;
        this.meters = meters;
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /**
     * The check an event on {@code evaluations} announces, as this service stored it: only a check recorded here is
     * counted. An event naming a check that is not stored, or that tells it differently (agent, day, score, sample,
     * critical items), was not published by this service and is refused as poison — dead-lettered, counted nowhere.
     * The check is folded under the id of the event this service published it with, so a copy counts nothing more.
     */
    public EventEnvelope<SpotCheckRecorded> held(EventEnvelope<SpotCheckRecorded> announced) {
        SpotCheckRecorded event = announced.data();
        if (event == null || event.spotCheckId() == null) {
            throw new PoisonRecordException("SpotCheckRecorded without a spot-check id");
        }
        SpotCheckRecorded stored = checks.find(event.spotCheckId()).orElseThrow(() -> new PoisonRecordException(
                "SpotCheckRecorded " + event.spotCheckId() + " is not a check stored by evaluation: not counted"));
        List<String> differing = new ArrayList<>();
        differ(differing, "agentId", stored.agentId(), event.agentId());
        differ(differing, "contactDay", stored.contactDay(), event.contactDay());
        differ(differing, "sampleId", stored.sampleId(), event.sampleId());
        differ(differing, "score", stored.score(), event.score());
        differ(differing, "criticalFailures", stored.criticalFailures(), event.criticalFailures());
        if (!differing.isEmpty()) {
            meters.counter("caseflow.evaluation.spot.checks.refused").increment();
            throw new PoisonRecordException("SpotCheckRecorded " + event.spotCheckId()
                    + " differs from the check stored under its id in " + String.join(", ", differing)
                    + ": not counted");
        }
        return new EventEnvelope<>(eventIdOf(stored.spotCheckId()), announced.type(), announced.schemaVersion(),
                announced.occurredAt(), announced.key(), announced.correlationId(), stored.withoutComment());
    }

    /** The id of the one event a check is published with: a copy under another id counts as the same event. */
    private static String eventIdOf(String spotCheckId) {
        return UUID.nameUUIDFromBytes(("evaluation/spot-check/" + spotCheckId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static void differ(List<String> differing, String field, Object stored, Object announced) {
        if (!Objects.equals(stored, announced)) {
            differing.add(field);
        }
    }

    /**
     * Records a check. Refused, with nothing stored or published: bad fields (400, each named), an unknown contact
     * (404), a sample that does not hold the contact or a supervisor's check outside any sample (400 on
     * {@code sampleId}), a reviewer's own contact or one
     * outside a supervisor's team (403), a contact already checked, in this sample or another (409).
     */
    public SpotCheckRecorded record(Staff reviewer, RecordCommand command) {
        String comment = validate(command);
        ContactFacts contact = facts.contact(command.contactId()).filter(ContactFacts::drawable)
                .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "no contact " + command.contactId() + " is known to evaluation"));
        Optional<SampleItem> item = Optional.empty();
        String id = Sample.spotCheckId(command.contactId());
        if (command.sampleId() == null && !reviewer.is(Roles.MANAGER)) {
            // a supervisor picking which of their own team's contacts to score could pick the good ones of a
            // favourite: theirs are drawn by the server, regular or ad hoc
            throw new InvalidRequestException(List.of(new FieldProblem("sampleId",
                    "a supervisor checks contacts drawn in a sample; draw an ad-hoc sample to check others")));
        }
        if (command.sampleId() != null) {
            Sample sample = samples.find(command.sampleId()).orElseThrow(() -> new InvalidRequestException(List.of(
                    new FieldProblem("sampleId", "no sample with this id"))));
            item = sample.item(command.contactId());
            if (item.isEmpty()) {
                throw new InvalidRequestException(List.of(new FieldProblem("sampleId",
                        "the contact was not drawn in this sample")));
            }
        }
        if (reviewer.staffId().equals(contact.agentId())) {
            throw Access.forbidden("reviewers do not check their own contacts");
        }
        if (!access.mayReadAgent(reviewer, contact.agentId())) {
            throw Access.forbidden("supervisors check their own team's contacts only");
        }
        if (checks.exists(id)) {
            throw alreadyChecked(id);
        }
        Map<String, Integer> ratings = scorecard.ordered(command.ratings());
        Scorecard.Scored scored = scorecard.score(ratings);
        // milliseconds, as the store keeps them: the check read back is the check published
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SpotCheckRecorded check = new SpotCheckRecorded(id, command.sampleId(),
                item.map(i -> i.stratum().name()).orElse(null), contact.contactId(),
                contact.caseId() != null ? contact.caseId() : item.map(SampleItem::caseId).orElse(null),
                contact.agentId(), contact.day(), scorecard.version(), ratings, scorecard.maxRating(),
                scored.criticalFailures(), scored.score(), comment, reviewer.staffId(), now);
        String eventId = eventIdOf(id);
        EventEnvelope<SpotCheckRecorded> envelope = new EventEnvelope<>(eventId, EventTypes.SPOT_CHECK_RECORDED,
                SpotCheckRecorded.SCHEMA_VERSION, now, contact.agentId(), contact.contactId(), check.withoutComment());
        try {
            checks.insert(check, outbox.entry(Topics.EVALUATIONS, envelope));
        } catch (DuplicateKeyException raced) {
            throw alreadyChecked(id);
        }
        meters.counter("caseflow.spotchecks.recorded", "critical",
                String.valueOf(!scored.criticalFailures().isEmpty())).increment();
        return check;
    }

    public SpotCheckRecorded read(Staff staff, String id) {
        SpotCheckRecorded check = checks.find(id).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no spot-check " + id));
        access.requireAgent(staff, check.agentId());
        return check;
    }

    /** An agent's checks, or those of every agent the caller may read when {@code agentId} is null. */
    public Page<SpotCheckRecorded> list(Staff staff, String agentId, LocalDate from, LocalDate to, int page,
                                        int size) {
        Set<String> agents;
        if (agentId != null) {
            access.requireAgent(staff, agentId);
            agents = Set.of(agentId);
        } else {
            agents = access.agentsVisibleTo(staff).orElse(null);
        }
        return checks.of(agents, from, to, page, size);
    }

    /** Every field checked before anything is read or written; returns the comment as it will be stored. */
    private String validate(RecordCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.contactId() == null || command.contactId().isBlank()) {
            problems.add(new FieldProblem("contactId", "required: the contact reviewed"));
        } else if (command.contactId().length() > MAX_ID) {
            problems.add(new FieldProblem("contactId", "at most " + MAX_ID + " characters"));
        }
        if (command.sampleId() != null && (command.sampleId().isBlank() || command.sampleId().length() > MAX_ID)) {
            problems.add(new FieldProblem("sampleId", "a sample's id, or absent for a check outside any sample"));
        }
        scorecard.check(command.ratings())
                .forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        FreeText.requireNoPhoneNumber("comment", comment, problems);
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "at most " + MAX_COMMENT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return comment;
    }

    private static ConflictException alreadyChecked(String id) {
        return new ConflictException("spot-check " + id + " is recorded already: a contact is checked once, in "
                + "whichever sample drew it");
    }
}
