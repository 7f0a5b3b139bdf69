package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.access.Access;
import com.caseflow.support.security.Staff;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

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
