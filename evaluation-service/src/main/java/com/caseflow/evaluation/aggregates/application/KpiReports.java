package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.access.Access;
import com.caseflow.support.security.Staff;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KPIs of an agent or a department for a period, summed from the day counters, for those {@link Access} lets read
 * them.
 */
@Service
public class KpiReports {

    private final AggregateStore aggregates;
    private final Access access;

    public KpiReports(AggregateStore aggregates, Access access) {
        this.aggregates = aggregates;
        this.access = access;
    }

    public record AgentReport(String agentId, LocalDate from, LocalDate to, Kpis.AgentKpis kpis, AgentDay counters) {
    }

    public record DepartmentReport(String departmentCode, LocalDate from, LocalDate to, Kpis.DepartmentKpis kpis,
                                   DepartmentDay counters) {
    }

    /** One hotline's calls in a period: in total and by hour of the day (0–23, Asia/Shanghai) with any calls. */
    public record HotlineReport(String hotline, Kpis.CallMeasures total, List<HourMeasures> hours) {
    }

    /** @param hour 0–23: the calls offered from hour:00 to hour:59, on the period's days together */
    public record HourMeasures(int hour, Kpis.CallMeasures measures) {
    }

    /** Every hotline with calls offered in the period, by hotline number. */
    public List<HotlineReport> hotlines(Staff staff, LocalDate from, LocalDate to) {
        access.requireCallCentre(staff);
        return aggregates.hotlinesInPeriod(from, to).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(h -> new HotlineReport(h.getKey(),
                        Kpis.of(h.getValue().values().stream().reduce(HotlineHour.NONE, HotlineHour::plus)),
                        new TreeMap<>(h.getValue()).entrySet().stream()
                                .map(e -> new HourMeasures(e.getKey(), Kpis.of(e.getValue()))).toList()))
                .toList();
    }

    public AgentReport agent(Staff staff, String agentId, LocalDate from, LocalDate to) {
        access.requireAgent(staff, agentId);
        AgentDay sum = aggregates.agentTotal(agentId, from, to);
        return new AgentReport(agentId, from, to, Kpis.of(sum), sum);
    }

    public DepartmentReport department(Staff staff, String departmentCode, LocalDate from, LocalDate to) {
        access.requireDepartment(staff, departmentCode);
        DepartmentDay sum = aggregates.departmentTotal(departmentCode, from, to);
        return new DepartmentReport(departmentCode, from, to, Kpis.of(sum), sum);
    }
}
