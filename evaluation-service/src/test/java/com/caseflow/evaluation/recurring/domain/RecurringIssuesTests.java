package com.caseflow.evaluation.recurring.domain;

import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's figures against a fortnight worked out by hand: the period is 2026-11-09 to 11-15, the period before
 * 11-02 to 11-08.
 */
class RecurringIssuesTests {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 9);
    private static final LocalDate TO = LocalDate.of(2026, 11, 15);

    private final Map<String, Map<LocalDate, ProjectDay>> days = new HashMap<>();

    private void add(String project, String day, ProjectDay counters) {
        days.computeIfAbsent(project, p -> new HashMap<>()).merge(LocalDate.parse(day), counters, ProjectDay::plus);
    }

    private void contacts(String project, String day, String category, long n) {
        add(project, day, new ProjectDay(Map.of(category, n), null, null, null));
    }

    private void repeats(String project, String day, String category, long n) {
        add(project, day, new ProjectDay(null, Map.of(category, n), null, null));
    }

    @BeforeEach
    void fortnight() {
        // P1 报修: 10 now (4 + 6), 5 before; 3 repeats
        contacts("P1", "2026-11-09", "REPAIR", 4);
        contacts("P1", "2026-11-15", "REPAIR", 6);
        contacts("P1", "2026-11-02", "REPAIR", 5);
        repeats("P1", "2026-11-10", "REPAIR", 3);
        // P1 投诉: 4 now, none before; 2 repeats
        contacts("P1", "2026-11-12", "COMPLAINT", 4);
        repeats("P1", "2026-11-12", "COMPLAINT", 2);
        // P2 报修: 6 now, 8 before
        contacts("P2", "2026-11-11", "REPAIR", 6);
        contacts("P2", "2026-11-08", "REPAIR", 8);
        // P2 交付: 7 before only, so no issue this period
        contacts("P2", "2026-11-05", "HANDOVER", 7);
        // P3 咨询: 4 now, 4 before
        contacts("P3", "2026-11-13", "INQUIRY", 4);
        contacts("P3", "2026-11-03", "INQUIRY", 4);
        // outside both periods: ignored
        contacts("P3", "2026-11-01", "INQUIRY", 100);
        contacts("P3", "2026-11-16", "INQUIRY", 100);
        repeats("P3", "2026-11-16", "INQUIRY", 50);
        // incidents: INC-A 3 + 2 now (and 2 before, not counted), INC-B 4 now, INC-C 9 before only
        add("P1", "2026-11-10", ProjectDay.incident("INC-A", "REPAIR", 3));
        add("P1", "2026-11-11", ProjectDay.incident("INC-A", "REPAIR", 2));
        add("P1", "2026-11-08", ProjectDay.incident("INC-A", "REPAIR", 2));
        add("P2", "2026-11-11", ProjectDay.incident("INC-B", "REPAIR", 4));
        add("P2", "2026-11-04", ProjectDay.incident("INC-C", "REPAIR", 9));
    }

    private RecurringIssues.Report report(int limit) {
        return RecurringIssues.of(FROM, TO, days, limit, 5);
    }

    @Test
    void whenThePeriodIsAWeekThenThePreviousPeriodIsTheWeekBefore() {
        assertThat(RecurringIssues.previousFrom(FROM, TO)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(RecurringIssues.previousFrom(FROM, FROM)).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(RecurringIssues.previousFrom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .as("a whole month against the month before, as the rankings").isEqualTo(LocalDate.of(2026, 2, 1));
        RecurringIssues.Report report = report(10);
        assertThat(report.previousFrom()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(report.previousTo()).isEqualTo(LocalDate.of(2026, 11, 8));
    }

    @Test
    void whenIssuesAreRankedThenTheTopNByContactsCarryTheirChangeAndRepeatShare() {
        List<RecurringIssues.Issue> top = report(3).topIssues();

        assertThat(top).extracting(i -> i.projectCode() + " " + i.category())
                .as("P1 投诉 and P3 咨询 tie on 4 contacts: the one that grew comes first")
                .containsExactly("P1 REPAIR", "P2 REPAIR", "P1 COMPLAINT");
        assertThat(top.get(0)).isEqualTo(new RecurringIssues.Issue("P1", "REPAIR", "报修", 10, 5, 5, 1.0, 3, 0.3, 5));
        assertThat(top.get(1)).isEqualTo(new RecurringIssues.Issue("P2", "REPAIR", "报修", 6, 8, -2, -0.25, 0, 0.0,
                4));
        assertThat(top.get(2)).as("nothing before: no relative change")
                .isEqualTo(new RecurringIssues.Issue("P1", "COMPLAINT", "投诉", 4, 0, 4, null, 2, 0.5, 0));
    }

    @Test
    void whenAnIssueHadNoContactsInThePeriodThenItIsNotListedAndAnUnchangedOneShowsNoChange() {
        List<RecurringIssues.Issue> all = report(10).topIssues();

        assertThat(all).extracting(RecurringIssues.Issue::category).doesNotContain("HANDOVER");
        assertThat(all).hasSize(4);
        assertThat(all.get(3)).isEqualTo(new RecurringIssues.Issue("P3", "INQUIRY", "咨询", 4, 4, 0, 0.0, 0, 0.0,
                0));
    }

    @Test
    void whenCustomersCallAgainThenTheHotSpotsAreTheIssuesWithTheMostRepeats() {
        assertThat(report(10).repeatHotSpots()).containsExactly(
                new RecurringIssues.RepeatHotSpot("P1", "REPAIR", "报修", 3, 10, 0.3),
                new RecurringIssues.RepeatHotSpot("P1", "COMPLAINT", "投诉", 2, 4, 0.5));
        assertThat(report(1).repeatHotSpots()).hasSize(1);
    }

    @Test
    void whenIncidentsAreCountedThenOnlyThoseWithTheThresholdsContactsInThePeriodAreMassIncidents() {
        assertThat(report(10).massIncidentThreshold()).isEqualTo(5);
        assertThat(report(10).massIncidents()).containsExactly(
                new RecurringIssues.MassIncident("INC-A", "P1", "REPAIR", "报修", 5));
        assertThat(RecurringIssues.of(FROM, TO, days, 10, 4).massIncidents())
                .extracting(RecurringIssues.MassIncident::incidentId).containsExactly("INC-A", "INC-B");
    }

    @Test
    void whenNothingWasCountedThenTheReportIsEmpty() {
        RecurringIssues.Report empty = RecurringIssues.of(FROM, TO, Map.of(), 10, 5);
        assertThat(empty.topIssues()).isEmpty();
        assertThat(empty.repeatHotSpots()).isEmpty();
        assertThat(empty.massIncidents()).isEmpty();
    }
}
