package com.caseflow.evaluation.spotchecks.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws up to K contacts per agent, reproducibly: the same seed and the same candidates give the same items, whatever
 * order the candidates come in. Each agent's contacts are sorted by id and drawn with a {@link SplittableRandom} seeded
 * from the draw's seed and the agent's id, so one agent's draw does not depend on who else is in the population.
 * <p>
 * Of each agent's K, {@code round(K × flaggedShare)} come from the agent's flagged contacts and the rest from the
 * ordinary ones; a stratum too small for its part is filled up from the other; an agent with K contacts or fewer has
 * all of them drawn.
 */
public final class Sampler {

    /**
     * @param items            the drawn contacts, by agent, then day, then contact id
     * @param population       how many candidates each stratum had
     * @param populationDigest SHA-256 of the candidates (agent, contact, stratum): a later draw with the same seed
     *                         gives the same items whenever it sees the same digest
     */
    public record Drawn(List<Candidate> items, Map<Stratum, Integer> population, String populationDigest) {

        public Drawn {
            items = List.copyOf(items);
            population = Map.copyOf(population);
        }
    }

    private static final Comparator<Candidate> BY_CONTACT = Comparator.comparing(Candidate::contactId);
    private static final Comparator<Candidate> IN_SAMPLE = Comparator.comparing(Candidate::agentId)
            .thenComparing(c -> c.contact().day())
            .thenComparing(Candidate::contactId);

    private Sampler() {
    }

    public static Drawn draw(long seed, int perAgent, double flaggedShare, Collection<Candidate> candidates) {
        if (perAgent < 1) {
            throw new IllegalArgumentException("K is at least 1");
        }
        if (!(flaggedShare >= 0 && flaggedShare <= 1)) {
            throw new IllegalArgumentException("the flagged share is between 0 and 1");
        }
        Map<String, List<Candidate>> byAgent = new TreeMap<>();
        for (Candidate candidate : candidates) {
            byAgent.computeIfAbsent(candidate.agentId(), a -> new ArrayList<>()).add(candidate);
        }
        List<Candidate> items = new ArrayList<>();
        Map<Stratum, Integer> population = new EnumMap<>(Stratum.class);
        for (Stratum stratum : Stratum.values()) {
            population.put(stratum, 0);
        }
        MessageDigest digest = sha256();
        for (Map.Entry<String, List<Candidate>> agent : byAgent.entrySet()) {
            List<Candidate> all = new ArrayList<>(agent.getValue());
            all.sort(BY_CONTACT);
            for (Candidate c : all) {
                population.merge(c.stratum(), 1, Integer::sum);
                digest.update((c.agentId() + '\t' + c.contactId() + '\t' + c.stratum() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            items.addAll(drawAgent(seed, agent.getKey(), perAgent, flaggedShare, all));
        }
        items.sort(IN_SAMPLE);
        return new Drawn(items, population, HexFormat.of().formatHex(digest.digest()));
    }

    /** How many of K come from the flagged contacts, given how many of each there are. */
    static int flaggedPart(int perAgent, double flaggedShare, int flagged, int ordinary) {
        int wanted = (int) Math.min(perAgent, Math.round(perAgent * flaggedShare));
        int fromFlagged = Math.min(wanted, flagged);
        int fromOrdinary = Math.min(perAgent - fromFlagged, ordinary);
        return Math.min(flagged, perAgent - fromOrdinary);
    }

    private static List<Candidate> drawAgent(long seed, String agentId, int perAgent, double flaggedShare,
                                             List<Candidate> sorted) {
        if (sorted.size() <= perAgent) {
            return sorted;
        }
        List<Candidate> flagged = sorted.stream().filter(c -> c.stratum().flagged()).toList();
        List<Candidate> ordinary = sorted.stream().filter(c -> !c.stratum().flagged()).toList();
        int fromFlagged = flaggedPart(perAgent, flaggedShare, flagged.size(), ordinary.size());
        SplittableRandom random = new SplittableRandom(agentSeed(seed, agentId));
        List<Candidate> drawn = new ArrayList<>(pick(flagged, fromFlagged, random));
        drawn.addAll(pick(ordinary, perAgent - fromFlagged, random));
        return drawn;
    }

    /** The first {@code n} of a partial Fisher–Yates shuffle. */
    private static List<Candidate> pick(List<Candidate> from, int n, SplittableRandom random) {
        List<Candidate> pool = new ArrayList<>(from);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Candidate swapped = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swapped);
        }
        return pool.subList(0, n);
    }

    /** The draw's seed mixed with a 64-bit FNV-1a hash of the agent's id (stable across JVMs, unlike hashCode()). */
    static long agentSeed(long seed, String agentId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : agentId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(seed ^ mix(hash));
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
