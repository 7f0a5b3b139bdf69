package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.caseflow.evaluation.support.TestEvents.SHANGHAI;
import static com.caseflow.evaluation.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

/** What contacts and case events add to the projects' day counters, worked out by hand. */
class ProjectDayFoldingTests {

    private final Folding folding = new Folding(SHANGHAI, (calendar, from, to) -> Duration.between(from, to));

    private static ContactReceived contact(String id, String project, ContactCategory category, Instant at) {
        return new ContactReceived(id, Channel.PHONE, "A001", at, null, null, 1, true, true, null, null, null, "王小明",
                CallerType.OWNER, "13812345678", null, project, "3栋", "漏水", category, false, true);
    }

    private static CaseRouted routed(String caseId, Instant received, String incidentId) {
        return new CaseRouted(caseId, 1, "c-" + caseId, "A001", Channel.PHONE, received, "SH-LJY", "3栋",
                ContactCategory.REPAIR, "漏水", null, Complexity.COMPLEX, Priority.HIGH, List.of(), "ENGINEERING",
                "repairs", 1, null, incidentId, received.plusSeconds(5), "ENG-HEAD");
    }

    private static ContactAttached attached(String caseId, long sequence, AttachReason reason, String incidentId,
                                            Instant received) {
        return new ContactAttached(caseId, sequence, "c" + sequence, "A002", Channel.PHONE, received, null, reason,
                incidentId, "ENGINEERING", Priority.URGENT, null, received.plusSeconds(3));
    }

    private static Map<LocalDate, ProjectDay> byDay(Folding.Folded folded) {
        assertThat(folded.projects()).allMatch(d -> d.projectCode().equals("SH-LJY"));
        return folded.projects().stream().collect(java.util.stream.Collectors.toMap(Folding.ProjectDelta::day,
                Folding.ProjectDelta::add));
    }

    @Test
    void whenContactsAreFoldedThenEachCountsForItsProjectAndCategoryOnItsShanghaiDay() {
        Folding.Folded late = folding.contact(contact("1", "SH-LJY", ContactCategory.REPAIR, at("2026-11-02T23:30")));
        Folding.Folded afterMidnight = folding.contact(contact("2", "SH-LJY", ContactCategory.COMPLAINT,
                Instant.parse("2026-11-02T16:30:00Z")));
        Folding.Folded noProject = folding.contact(contact("3", null, ContactCategory.REPAIR, at("2026-11-02T10:00")));

        assertThat(byDay(late)).isEqualTo(Map.of(LocalDate.of(2026, 11, 2), ProjectDay.contact("REPAIR", "PHONE", false)));
        assertThat(byDay(afterMidnight)).as("00:30 in Shanghai is the next day")
                .isEqualTo(Map.of(LocalDate.of(2026, 11, 3), ProjectDay.contact("COMPLAINT", "PHONE", false)));
        assertThat(noProject.projects()).isEmpty();
        assertThat(noProject.agents()).hasSize(1);
    }

    @Test
    void whenARepeatContactJoinsACaseThenItCountsForTheCasesProjectAndCategoryOnTheDayItWasReceived() {
        CaseFacts facts = folding.routed(routed("k1", at("2026-11-02T09:00"), null)).facts();

        Folding.Folded repeat = folding.attached(attached("k1", 2, AttachReason.REPEAT, null,
                at("2026-11-04T08:00")), facts);

        assertThat(byDay(repeat)).isEqualTo(Map.of(LocalDate.of(2026, 11, 4),
                new ProjectDay(null, Map.of("REPAIR", 1L), null, null)));
        assertThat(repeat.facts().sequence()).isEqualTo(2);
        assertThat(repeat.facts().agentIds()).containsExactly("A001", "A002");
        assertThat(repeat.facts().incidentId()).isNull();
    }

    @Test
    void whenTheFirstCallerOfAnIncidentJoinsACaseThenTheContactThatOpenedItCountsInTheIncidentToo() {
        CaseFacts facts = folding.routed(routed("k1", at("2026-11-02T09:00"), null)).facts();

        Folding.Folded first = folding.attached(attached("k1", 2, AttachReason.INCIDENT, "INC-1",
                at("2026-11-03T09:00")), facts);
        Folding.Folded second = folding.attached(attached("k1", 3, AttachReason.INCIDENT, "INC-1",
                at("2026-11-03T10:00")), first.facts());

        assertThat(byDay(first)).isEqualTo(Map.of(
                LocalDate.of(2026, 11, 2), ProjectDay.incident("INC-1", "REPAIR", 1),
                LocalDate.of(2026, 11, 3), ProjectDay.incident("INC-1", "REPAIR", 1)));
        assertThat(first.facts().incidentId()).isEqualTo("INC-1");
        assertThat(byDay(second)).isEqualTo(Map.of(LocalDate.of(2026, 11, 3),
                ProjectDay.incident("INC-1", "REPAIR", 1)));
        assertThat(second.facts().incidentId()).isEqualTo("INC-1");
    }

    @Test
    void whenTheFirstIncidentCallerComesOnTheDayTheCaseOpenedThenOneDeltaCountsBoth() {
        CaseFacts facts = folding.routed(routed("k1", at("2026-11-02T09:00"), null)).facts();

        Folding.Folded first = folding.attached(attached("k1", 2, AttachReason.INCIDENT, "INC-1",
                at("2026-11-02T15:00")), facts);

        assertThat(first.projects()).as("a document counts an event once: one delta per day").hasSize(1);
        assertThat(first.projects().get(0).add()).isEqualTo(new ProjectDay(null, null, Map.of("REPAIR", 2L),
                List.of(new ProjectDay.IncidentContacts("INC-1", "REPAIR", 2))));
    }

    @Test
    void whenACaseIsRoutedAsAnIncidentThenItsFirstContactCountsInTheIncident() {
        Folding.Folded routed = folding.routed(routed("k1", at("2026-11-02T09:00"), "INC-9"));
        Folding.Folded joined = folding.attached(attached("k1", 2, AttachReason.INCIDENT, "INC-9",
                at("2026-11-02T11:00")), routed.facts());

        assertThat(byDay(routed)).isEqualTo(Map.of(LocalDate.of(2026, 11, 2),
                ProjectDay.incident("INC-9", "REPAIR", 1)));
        assertThat(joined.projects().get(0).add().incidents())
                .containsExactly(new ProjectDay.IncidentContacts("INC-9", "REPAIR", 1));
    }

    @Test
    void whenTheCasesProjectIsNotKnownThenItsAttachedContactsCountForNoProject() {
        CaseFacts remembered = new CaseFacts("k1", "ENGINEERING", List.of("A001"), at("2026-11-02T09:00"), null,
                null, 1);

        Folding.Folded repeat = folding.attached(attached("k1", 2, AttachReason.REPEAT, null,
                at("2026-11-02T10:00")), remembered);

        assertThat(repeat.projects()).isEmpty();
        assertThat(repeat.facts().sequence()).isEqualTo(2);
    }

    @Test
    void whenACaseMovesOnThenWhatItIsAboutStays() {
        CaseFacts facts = folding.routed(routed("k1", at("2026-11-02T09:00"), null)).facts();
        facts = folding.attached(attached("k1", 2, AttachReason.INCIDENT, "INC-1", at("2026-11-02T10:00")), facts)
                .facts();
        facts = folding.accepted(new CaseAccepted("k1", 3, "ENGINEERING", "D-ENG-01", at("2026-11-02T11:00")), facts)
                .facts();
        facts = folding.transferred(new CaseTransferred("k1", 4, "ENGINEERING", "PROPERTY", "物业负责", "D-ENG-01",
                "SH-LJY", "3栋", ContactCategory.REPAIR, "漏水", null, Priority.HIGH, null, at("2026-11-02T12:00"),
                null), facts).facts();
        facts = folding.resolved(new CaseResolved("k1", 5, "PROPERTY", "D-PM-01", "已修", List.of(),
                at("2026-11-02T15:00")), facts).facts();
        facts = folding.reopened(new CaseReopened("k1", 6, "PROPERTY", "不满意", "r1", Priority.URGENT, null,
                at("2026-11-03T09:00")), facts).facts();

        assertThat(facts.departmentCode()).isEqualTo("PROPERTY");
        assertThat(facts.sequence()).isEqualTo(6);
        assertThat(facts.projectCode()).isEqualTo("SH-LJY");
        assertThat(facts.category()).isEqualTo(ContactCategory.REPAIR);
        assertThat(facts.openedAt()).isEqualTo(at("2026-11-02T09:00"));
        assertThat(facts.incidentId()).isEqualTo("INC-1");
    }

    @Test
    void whenProjectDaysAreAddedThenEveryCategoryAndIncidentSums() {
        ProjectDay a = new ProjectDay(Map.of("REPAIR", 2L), Map.of("REPAIR", 1L), Map.of("REPAIR", 3L),
                List.of(new ProjectDay.IncidentContacts("INC-2", "REPAIR", 3)));
        ProjectDay b = new ProjectDay(Map.of("REPAIR", 1L, "SALES", 4L), null, Map.of("REPAIR", 1L),
                List.of(new ProjectDay.IncidentContacts("INC-2", "REPAIR", 1),
                        new ProjectDay.IncidentContacts("INC-1", "REPAIR", 2)));

        ProjectDay sum = a.plus(b).plus(ProjectDay.NONE);

        assertThat(sum.contacts()).isEqualTo(Map.of("REPAIR", 3L, "SALES", 4L));
        assertThat(sum.repeatContacts()).isEqualTo(Map.of("REPAIR", 1L));
        assertThat(sum.incidentContacts()).isEqualTo(Map.of("REPAIR", 4L));
        assertThat(sum.incidents()).containsExactly(new ProjectDay.IncidentContacts("INC-1", "REPAIR", 2),
                new ProjectDay.IncidentContacts("INC-2", "REPAIR", 4));
        assertThat(sum.contactsIn("SALES")).isEqualTo(4);
        assertThat(sum.contactsIn("TITLE")).isZero();
    }
}
