package com.caseflow.evaluation.spotchecks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A draw of contacts to review, with everything needed to repeat it: seed, period, K, the agents asked for, the
 * policy, and the moment whose facts it saw ({@code asOf}: a case open past its deadline is long-running from then).
 *
 * @param agentIds         the agents asked for; empty when every agent with contacts in the period was drawn
 * @param population       candidates per stratum
 * @param populationDigest see {@link Sampler.Drawn#populationDigest()}
 */
public record Sample(String id, SampleKind kind, long seed, LocalDate from, LocalDate to, Instant asOf, int perAgent,
                     List<String> agentIds, String drawnBy, Instant drawnAt, double flaggedShare,
                     List<Stratum> strataOrder, Map<Stratum, Integer> population, String populationDigest,
                     List<SampleItem> items) {

    /** The reviewer of a regular sample: the schedule. */
    public static final String SCHEDULE = "schedule";

    public Sample {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
        strataOrder = List.copyOf(strataOrder);
        population = Map.copyOf(population);
        items = List.copyOf(items);
    }

    /** A regular sample's id is its ISO week: whichever instance draws it first, it is drawn once. */
    public static String regularId(LocalDate monday) {
        return "regular-%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static Sample of(String id, SampleKind kind, long seed, LocalDate from, LocalDate to, Instant asOf,
                            int perAgent, List<String> agentIds, String drawnBy, Instant drawnAt,
                            SamplingPolicy policy, Sampler.Drawn drawn) {
        return new Sample(id, kind, seed, from, to, asOf, perAgent, agentIds, drawnBy, drawnAt,
                policy.flaggedShare(), policy.priority(), drawn.population(), drawn.populationDigest(),
                drawn.items().stream().map(SampleItem::of).toList());
    }

    public Optional<SampleItem> item(String contactId) {
        return items.stream().filter(i -> i.contactId().equals(contactId)).findFirst();
    }

    /**
     * The id of a contact's check, in whichever sample (a draw repeated for an audit holds the same contacts) or outside
     * any: a contact is checked once, or its work would weigh twice in the agent's average.
     */
    public static String spotCheckId(String contactId) {
        return "check." + contactId;
    }
}
