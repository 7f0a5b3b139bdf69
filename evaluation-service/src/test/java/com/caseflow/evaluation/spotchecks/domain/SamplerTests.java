package com.caseflow.evaluation.spotchecks.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final List<Stratum> FLAGS = List.of(Stratum.COMPLAINT, Stratum.LOW_SATISFACTION,
            Stratum.ESCALATED, Stratum.LONG_RUNNING);

    private static Candidate candidate(String agentId, String contactId, Stratum stratum) {
        return new Candidate(new ContactFacts(contactId, agentId, DAY.plusDays(contactId.hashCode() & 3), "PHONE",
                "SH-LJY", "REPAIR", null), stratum, stratum.flagged() ? List.of(stratum) : List.of());
    }

    /** {@code agents} × {@code perAgent} contacts; every fifth contact of an agent is flagged (20 %). */
    private static List<Candidate> population(int agents, int perAgent) {
        List<Candidate> all = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            for (int c = 0; c < perAgent; c++) {
                Stratum stratum = c % 5 == 0 ? FLAGS.get((c / 5) % FLAGS.size()) : Stratum.ORDINARY;
                all.add(candidate("A%03d".formatted(a), "C-%03d-%03d".formatted(a, c), stratum));
            }
        }
        return all;
    }

    private static List<String> ids(Sampler.Drawn drawn) {
        return drawn.items().stream().map(Candidate::contactId).toList();
    }

    @Test
    void whenTheSameSeedDrawsFromTheSameFactsInAnotherOrderThenTheItemsAreTheSame() {
        List<Candidate> population = population(20, 40);
        List<Candidate> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(7));

        Sampler.Drawn first = Sampler.draw(20261102L, 5, 0.5, population);
        Sampler.Drawn again = Sampler.draw(20261102L, 5, 0.5, shuffled);

        assertThat(ids(again)).hasSize(100).containsExactlyElementsOf(ids(first));
        assertThat(again.populationDigest()).isEqualTo(first.populationDigest());
    }

    @Test
    void whenTheSeedDiffersThenTheItemsDiffer() {
        List<Candidate> population = population(20, 40);

        List<String> one = ids(Sampler.draw(1L, 5, 0.5, population));
        List<String> other = ids(Sampler.draw(2L, 5, 0.5, population));

        assertThat(other).hasSize(100).isNotEqualTo(one);
        assertThat(other.stream().filter(one::contains).count()).as("mostly other contacts").isLessThan(60);
    }

    @Test
    void whenTheFactsChangeThenTheDigestTellsSo() {
        List<Candidate> population = new ArrayList<>(population(3, 20));
        String before = Sampler.draw(1L, 5, 0.5, population).populationDigest();
        population.set(1, candidate("A000", "C-000-001", Stratum.ESCALATED));

        assertThat(Sampler.draw(1L, 5, 0.5, population).populationDigest()).isNotEqualTo(before);
    }

    @Test
    void whenAnotherAgentJoinsThePopulationThenTheOtherAgentsDrawsAreUnchanged() {
        List<Candidate> population = population(5, 30);
        List<Candidate> more = new ArrayList<>(population);
        for (int c = 0; c < 30; c++) {
            more.add(candidate("A-NEW", "C-NEW-" + c, Stratum.ORDINARY));
        }

        List<String> without = ids(Sampler.draw(99L, 4, 0.5, population));
        List<String> with = ids(Sampler.draw(99L, 4, 0.5, more));

        assertThat(with).containsAll(without).hasSize(without.size() + 4);
    }

    @Test
    void whenTwoHundredAgentsHaveAFifthOfTheirContactsFlaggedThenEverySampleOfTenHoldsExactlyFiveFlagged() {
        List<Candidate> population = population(200, 100);

        Sampler.Drawn drawn = Sampler.draw(4242L, 10, 0.5, population);

        Map<String, List<Candidate>> byAgent = drawn.items().stream()
                .collect(Collectors.groupingBy(Candidate::agentId));
        assertThat(byAgent).hasSize(200);
        assertThat(byAgent.values()).allSatisfy(items -> {
            assertThat(items).hasSize(10);
            assertThat(items.stream().filter(c -> c.stratum().flagged())).hasSize(5);
            assertThat(items.stream().map(Candidate::contactId).distinct()).hasSize(10);
        });
        assertThat(drawn.population()).containsEntry(Stratum.ORDINARY, 16_000)
                .containsEntry(Stratum.COMPLAINT, 1_000).containsEntry(Stratum.LONG_RUNNING, 1_000);
        // within the flagged part every flagged contact is equally likely: each flagged stratum gets about a quarter
        Map<Stratum, Long> flaggedDrawn = drawn.items().stream().filter(c -> c.stratum().flagged())
                .collect(Collectors.groupingBy(Candidate::stratum, Collectors.counting()));
        assertThat(flaggedDrawn.values()).allSatisfy(n -> assertThat(n).isBetween(170L, 330L));
    }

    @Test
    void whenTheShareIsConfiguredOtherwiseThenThePartsFollowIt() {
        Sampler.Drawn drawn = Sampler.draw(5L, 10, 0.3, population(50, 100));

        assertThat(drawn.items().stream().collect(Collectors.groupingBy(Candidate::agentId)).values())
                .allSatisfy(items -> assertThat(items.stream().filter(c -> c.stratum().flagged())).hasSize(3));
        assertThat(Sampler.flaggedPart(3, 0.5, 10, 10)).as("1.5 rounds up").isEqualTo(2);
        assertThat(Sampler.flaggedPart(10, 0, 10, 10)).isZero();
        assertThat(Sampler.flaggedPart(10, 1, 10, 10)).isEqualTo(10);
    }

    @Test
    void whenTheFlaggedStratumIsShortThenOrdinaryContactsFillTheSample() {
        List<Candidate> population = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            population.add(candidate("A001", "C-" + c, c < 2 ? Stratum.COMPLAINT : Stratum.ORDINARY));
        }

        List<Candidate> items = Sampler.draw(11L, 10, 0.5, population).items();

        assertThat(items).hasSize(10);
        assertThat(items.stream().filter(c -> c.stratum().flagged()).map(Candidate::contactId))
                .containsExactlyInAnyOrder("C-0", "C-1");
    }

    @Test
    void whenTheOrdinaryStratumIsShortThenFlaggedContactsFillTheSample() {
        List<Candidate> population = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            population.add(candidate("A001", "C-" + c, c < 3 ? Stratum.ORDINARY : Stratum.ESCALATED));
        }

        List<Candidate> items = Sampler.draw(11L, 10, 0.5, population).items();

        assertThat(items).hasSize(10);
        assertThat(items.stream().filter(c -> !c.stratum().flagged()).map(Candidate::contactId))
                .containsExactlyInAnyOrder("C-0", "C-1", "C-2");
    }

    @Test
    void whenAnAgentHasAtMostKContactsThenAllOfThemAreDrawn() {
        List<Candidate> population = new ArrayList<>(population(1, 30));
        population.add(candidate("A-FEW", "F-1", Stratum.ORDINARY));
        population.add(candidate("A-FEW", "F-2", Stratum.ORDINARY));
        population.add(candidate("A-FEW", "F-3", Stratum.ORDINARY));

        List<Candidate> items = Sampler.draw(3L, 3, 0.5, population).items();

        assertThat(items.stream().filter(c -> c.agentId().equals("A-FEW")).map(Candidate::contactId))
                .containsExactlyInAnyOrder("F-1", "F-2", "F-3");
        assertThat(items.stream().filter(c -> c.agentId().equals("A000"))).hasSize(3);
    }

    @Test
    void whenNobodyHasContactsThenTheSampleIsEmpty() {
        Sampler.Drawn drawn = Sampler.draw(3L, 3, 0.5, List.of());

        assertThat(drawn.items()).isEmpty();
        assertThat(drawn.population().values()).containsOnly(0);
    }
}
