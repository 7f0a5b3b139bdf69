package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DailySeries;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.support.security.Staff;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The company's figures per day of a period, for the call centre's readers: a manager reads every agent, a
 * supervisor their team wherever the figures are the agents' (contacts by channel, first-contact resolution, the
 * three-ring rate); the hotlines and the departments' cases are the company's for both.
 */
@Service
public class DailyReports {

    private final AggregateStore aggregates;
    private final Access access;

    public DailyReports(AggregateStore aggregates, Access access) {
        this.aggregates = aggregates;
        this.access = access;
    }

    /**
     * @param team           whether the agents' figures are the caller's team only
     * @param projectScoped  the figures narrowed to {@code projectCode} (the others are the company's)
     */
    public record DailyReport(LocalDate from, LocalDate to, String projectCode, boolean team,
                              List<String> projectScoped, List<DailySeries.Figures> days,
                              DailySeries.Figures total) {
    }

    /** @param projectCode null for every project */
    public DailyReport daily(Staff staff, LocalDate from, LocalDate to, String projectCode) {
        access.requireCallCentre(staff);
        Optional<Set<String>> visible = access.agentsVisibleTo(staff);
        Map<LocalDate, Map<String, AgentDay>> agents = aggregates.agentDays(from, to);
        Map<LocalDate, ProjectDay> projects = projectCode != null ? aggregates.projectDays(projectCode, from, to)
                : visible.isEmpty() ? aggregates.projectDaysSummed(from, to) : null;
        Map<LocalDate, DepartmentDay> departments = aggregates.departmentDays(from, to);
        Map<LocalDate, HotlineHour> hotlines = aggregates.hotlineDays(from, to);
        List<Map.Entry<LocalDate, DailySeries.DayCounters>> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, AgentDay> ofDay = agents.getOrDefault(day, Map.of()).entrySet().stream()
                    .filter(a -> visible.map(v -> v.contains(a.getKey())).orElse(true))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            ProjectDay project = projects == null ? null : projects.getOrDefault(day, ProjectDay.NONE);
            days.add(Map.entry(day, new DailySeries.DayCounters(ofDay, project, departments.get(day),
                    hotlines.get(day))));
        }
        DailySeries.Series series = DailySeries.of(days, projectCode != null);
        return new DailyReport(from, to, projectCode, visible.isPresent(),
                projectCode == null ? List.of() : List.of("contacts", "firstContactResolution"), series.days(),
                series.total());
    }
}
