package com.caseflow.evaluation.spotchecks.application;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.spotchecks.domain.CaseFlags;
import com.caseflow.evaluation.spotchecks.domain.Candidate;
import com.caseflow.evaluation.spotchecks.domain.ContactFacts;
import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.evaluation.spotchecks.domain.SampleItem;
import com.caseflow.evaluation.spotchecks.domain.SampleKind;
import com.caseflow.evaluation.spotchecks.domain.Sampler;
import com.caseflow.evaluation.spotchecks.domain.SamplingPolicy;
import com.caseflow.evaluation.spotchecks.persistence.SampleStore;
import com.caseflow.evaluation.spotchecks.persistence.SamplingFactsStore;
import com.caseflow.evaluation.spotchecks.persistence.SpotCheckStore;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Draws samples of contacts for spot-checks and reads them back. A draw is repeatable: the sample records its seed
 * (random when none is given), period, K, the agents asked for, the policy and the moment whose facts it saw; drawing
 * again with the same values over the same facts gives the same items. Supervisors draw and read for their team,
 * managers for everyone; agents never see samples (they would know which contacts are to be reviewed).
 */
@Service
public class Samples {

    public static final int MAX_PER_AGENT = 50;
    private static final int LIST_LIMIT = 100;

    /**
     * @param agentIds null for every agent in the caller's reach with contacts in the period (a supervisor's team is
     *                 recorded as the agents asked for, so the draw can be repeated after the team changed)
     */
    public record DrawCommand(LocalDate from, LocalDate to, int perAgent, Long seed, List<String> agentIds,
                              Instant asOf) {
    }

    /**
     * A sample as the caller may see it, with the check of each item reviewed so far (contact id → check id) and the
     * call recording of each item that has one (contact id → link), as known when it is read.
     */
    public record SampleRead(Sample sample, Map<String, String> reviewed, Map<String, String> recordings) {
    }

    private final SampleStore samples;
    private final SamplingFactsStore facts;
    private final SpotCheckStore checks;
    private final Access access;
    private final SamplingPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SecureRandom seeds = new SecureRandom();

    public Samples(SampleStore samples, SamplingFactsStore facts, SpotCheckStore checks, Access access,
                   SpotCheckProperties properties, Clock clock, MeterRegistry meters) {
        this.samples = samples;
        this.facts = facts;
        this.checks = checks;
        this.access = access;
        this.policy = properties.toPolicy();
        this.clock = clock;
        this.meters = meters;
        int regularK = properties.schedule().perAgent();
        if (regularK < 1 || regularK > MAX_PER_AGENT) {
            throw new IllegalStateException("caseflow.evaluation.spot-checks.schedule.per-agent is 1 to "
                    + MAX_PER_AGENT);
        }
    }

    public SampleRead draw(Staff staff, DrawCommand command) {
        requireReviewer(staff);
        Set<String> agents;
        if (command.agentIds() != null) {
            for (String agentId : command.agentIds()) {
                if (!access.mayReadAgent(staff, agentId)) {
                    throw Access.forbidden("supervisors draw samples of their own team's agents only");
                }
            }
            agents = new TreeSet<>(command.agentIds());
        } else {
            agents = access.agentsVisibleTo(staff).<Set<String>>map(TreeSet::new).orElse(null);
        }
        Instant now = now();
        long seed = command.seed() != null ? command.seed() : newSeed();
        Sample sample = draw("random-" + UUID.randomUUID(), SampleKind.RANDOM, seed, command.from(), command.to(),
                command.asOf() == null ? now : command.asOf(), command.perAgent(),
                agents == null ? List.of() : List.copyOf(agents), agents, staff.staffId(), now);
        samples.insertIfAbsent(sample);
        meters.counter("caseflow.spotchecks.samples", "kind", SampleKind.RANDOM.name()).increment();
        return visible(staff, sample, Map.of());
    }

    /**
     * Draws the regular sample of the last full Monday–Sunday week before {@code runDay}, unless it was drawn already
     * (by another instance, or before a restart); returns it when this call drew it.
     */
    public Optional<Sample> drawRegular(LocalDate runDay, int perAgent) {
        LocalDate monday = runDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        String id = Sample.regularId(monday);
        if (samples.find(id).isPresent()) {
            return Optional.empty();
        }
        Instant now = now();
        Sample sample = draw(id, SampleKind.REGULAR, newSeed(), monday, monday.plusDays(6), now, perAgent, List.of(),
                null, Sample.SCHEDULE, now);
        if (!samples.insertIfAbsent(sample)) {
            return Optional.empty();
        }
        meters.counter("caseflow.spotchecks.samples", "kind", SampleKind.REGULAR.name()).increment();
        return Optional.of(sample);
    }

    public SampleRead read(Staff staff, String id) {
        requireReviewer(staff);
        Sample sample = samples.find(id).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no sample " + id));
        return visible(staff, sample, checks.reviewed(contactIds(sample)));
    }

    /** Samples whose period overlaps the one asked for, newest first (at most 100). */
    public List<SampleRead> list(Staff staff, LocalDate from, LocalDate to) {
        requireReviewer(staff);
        return samples.overlapping(from, to, LIST_LIMIT).stream()
                .map(s -> visible(staff, s, checks.reviewed(contactIds(s)))).toList();
    }

    Sample draw(String id, SampleKind kind, long seed, LocalDate from, LocalDate to, Instant asOf, int perAgent,
                List<String> requested, Set<String> agents, String drawnBy, Instant drawnAt) {
        List<ContactFacts> contacts = facts.contacts(from, to, agents);
        Map<String, CaseFlags> cases = facts.cases(contacts.stream().map(ContactFacts::caseId)
                .filter(Objects::nonNull).distinct().toList());
        List<Candidate> candidates = contacts.stream()
                .map(c -> policy.classify(c, c.caseId() == null ? null : cases.get(c.caseId()), asOf)).toList();
        Sampler.Drawn drawn = Sampler.draw(seed, perAgent, policy.flaggedShare(), candidates);
        return Sample.of(id, kind, seed, from, to, asOf, perAgent, requested, drawnBy, drawnAt, policy, drawn);
    }

    /**
     * A supervisor sees the items and agents of their team; a manager sees all of them. The population counts stay:
     * numbers of contacts per stratum, no one's identity.
     */
    private SampleRead visible(Staff staff, Sample sample, Map<String, String> reviewed) {
        Optional<Set<String>> agents = access.agentsVisibleTo(staff);
        if (agents.isEmpty()) {
            return new SampleRead(sample, reviewed, facts.recordings(contactIds(sample)));
        }
        Sample mine = new Sample(sample.id(), sample.kind(), sample.seed(), sample.from(), sample.to(),
                sample.asOf(), sample.perAgent(),
                sample.agentIds() == null ? null : sample.agentIds().stream().filter(agents.get()::contains).toList(),
                sample.drawnBy(), sample.drawnAt(),
                sample.flaggedShare(), sample.strataOrder(), sample.population(), sample.populationDigest(),
                sample.items().stream().filter(i -> agents.get().contains(i.agentId())).toList());
        return new SampleRead(mine, reviewed, facts.recordings(contactIds(mine)));
    }

    private static List<String> contactIds(Sample sample) {
        return sample.items().stream().map(SampleItem::contactId).toList();
    }

    /** Milliseconds, as the store keeps them: a sample read back is the sample drawn, its asOf can be sent again. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A random seed that JSON clients read exactly (53 bits: JavaScript numbers lose nothing). */
    private long newSeed() {
        return seeds.nextLong() >>> 11;
    }

    static void requireReviewer(Staff staff) {
        if (!staff.is(Roles.SUPERVISOR) && !staff.is(Roles.MANAGER)) {
            throw Access.forbidden("samples are drawn and read by supervisors and managers");
        }
    }
}
