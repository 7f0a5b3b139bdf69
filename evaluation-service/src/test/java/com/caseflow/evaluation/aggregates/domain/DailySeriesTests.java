package com.caseflow.evaluation.aggregates.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sums of the daily series, from day counters as the store reads them. */
class DailySeriesTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    /** Calls an agent's contacts reported: {@code timed} of them timed, {@code within} within three rings. */
    private static AgentDay reported(long timed, long within) {
        return new AgentDay(timed, 0, timed, within, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static AgentDay measured(long rung, long within) {
        return AgentDay.calls(rung, rung, within, within, 0, 0);
    }

    private static Map.Entry<LocalDate, DailySeries.DayCounters> day(LocalDate day, Map<String, AgentDay> agents,
                                                                     ProjectDay project) {
        return Map.entry(day, new DailySeries.DayCounters(agents, project, null, null));
    }

    @Test
    void whenAnAgentWasMeasuredOnOneDayOnlyThenThatDayIsMeasuredAndThePeriodCountsTheAgentMeasured() {
        DailySeries.Series series = DailySeries.of(List.of(
                day(MONDAY, Map.of("X", reported(4, 1).plus(measured(2, 2)), "Y", reported(2, 1)), ProjectDay.NONE),
                day(MONDAY.plusDays(1), Map.of("X", reported(5, 5)), ProjectDay.NONE)), false);

        DailySeries.ThreeRings monday = series.days().get(0).threeRings();
        assertThat(monday.rate()).as("X measured 2 of 2, Y reported 1 of 2").isEqualTo(0.75);
        assertThat(monday.source()).isEqualTo(DailySeries.ThreeRingsSource.MIXED);
        assertThat(monday.measuredRate()).isEqualTo(1.0);
        assertThat(monday.reportedRate()).isEqualTo(2.0 / 6);
        DailySeries.ThreeRings tuesday = series.days().get(1).threeRings();
        assertThat(tuesday.rate()).isEqualTo(1.0);
        assertThat(tuesday.source()).isEqualTo(DailySeries.ThreeRingsSource.SELF_REPORTED);
        DailySeries.ThreeRings period = series.total().threeRings();
        assertThat(period.rate()).as("X measured over the period (2 of 2), Y 1 of 2").isEqualTo(0.75);
        assertThat(period.measuredCalls()).isEqualTo(2);
        assertThat(period.selfReportedCalls()).isEqualTo(2);
    }

    @Test
    void whenAProjectDayCameBeforeChannelsWereCountedThenItsFcrIsUnknownNotZero() {
        ProjectDay before = new ProjectDay(Map.of("REPAIR", 3L), Map.of("REPAIR", 1L), null, null);
        ProjectDay after = ProjectDay.contact("REPAIR", "PHONE", true).plus(ProjectDay.contact("SALES", "VISIT", false));

        DailySeries.Series series = DailySeries.of(List.of(day(MONDAY, Map.of(), before),
                day(MONDAY.plusDays(1), Map.of(), after)), true);

        DailySeries.Figures old = series.days().get(0);
        assertThat(old.contacts().total()).isEqualTo(3);
        assertThat(old.contacts().repeatContacts()).isEqualTo(1);
        assertThat(old.contacts().byChannel()).containsExactly(Map.entry("PHONE", 0L), Map.entry("VISIT", 0L));
        assertThat(old.firstContactResolution().rate()).isNull();
        DailySeries.Figures recent = series.days().get(1);
        assertThat(recent.firstContactResolution().rate()).isEqualTo(0.5);
        assertThat(recent.contacts().byCategory()).containsEntry("SALES", 1L).containsEntry("REPAIR", 1L)
                .containsEntry("COMPLAINT", 0L);
        assertThat(series.total().contacts().total()).isEqualTo(5);
        assertThat(series.total().firstContactResolution().rate()).as("over the contacts counted by channel")
                .isEqualTo(0.5);
    }

    @Test
    void whenTheSeriesIsATeamsThenCategoriesAndRepeatsAreUnknownAndTheChannelsAreTheAgents() {
        DailySeries.Series series = DailySeries.of(List.of(day(MONDAY, Map.of("A001", reported(2, 2)), null)),
                false);

        DailySeries.Contacts contacts = series.total().contacts();
        assertThat(contacts.total()).isEqualTo(2);
        assertThat(contacts.byChannel()).containsEntry("PHONE", 2L);
        assertThat(contacts.byCategory()).isNull();
        assertThat(contacts.repeatContacts()).isNull();
        assertThat(series.total().hotlines().serviceLevel()).isNull();
    }

    @Test
    void whenRegularAndAdHocChecksAreSummedThenTheKpiAveragesTheRegularOnes() {
        AgentDay checks = AgentDay.spotCheck(80, false, false).plus(AgentDay.spotCheck(60, true, true))
                .plus(AgentDay.spotCheck(90, false, true));

        Kpis.AgentKpis kpis = Kpis.of(checks);

        assertThat(kpis.spotChecks()).isEqualTo(3);
        assertThat(kpis.regularSpotChecks()).isEqualTo(1);
        assertThat(kpis.spotCheckAverage()).isEqualTo(80.0);
        assertThat(kpis.adHocSpotChecks()).isEqualTo(2);
        assertThat(kpis.adHocSpotCheckAverage()).isEqualTo(75.0);
        assertThat(kpis.criticalFailures()).isEqualTo(1);
        assertThat(kpis.adHocCriticalFailures()).isEqualTo(1);
        assertThat(Folding.adHoc("regular-2026-W45")).isFalse();
        assertThat(Folding.adHoc("random-4b1c")).isTrue();
        assertThat(Folding.adHoc(null)).isTrue();
    }
}
