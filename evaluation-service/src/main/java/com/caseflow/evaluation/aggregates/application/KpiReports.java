package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * KPIs of an agent or a department for a period, summed from the day counters. Agents read their own figures;
 * department staff their department's; supervisors and managers everyone's.
 */
@Service
public class KpiReports {

    private final AggregateStore aggregates;

    public KpiReports(AggregateStore aggregates) {
        this.aggregates = aggregates;
    }

    public record AgentReport(String agentId, LocalDate from, LocalDate to, Kpis.AgentKpis kpis, AgentDay counters) {
    }

    public record DepartmentReport(String departmentCode, LocalDate from, LocalDate to, Kpis.DepartmentKpis kpis,
                                   DepartmentDay counters) {
    }

    public AgentReport agent(Staff staff, String agentId, LocalDate from, LocalDate to) {
        if (!reviews(staff) && !(staff.is(Roles.AGENT) && staff.staffId().equals(agentId))) {
            throw forbidden("agents read their own figures only");
        }
        AgentDay sum = aggregates.agentDays(agentId, from, to).values().stream()
                .reduce(AgentDay.NONE, AgentDay::plus);
        return new AgentReport(agentId, from, to, Kpis.of(sum), sum);
    }

    public DepartmentReport department(Staff staff, String departmentCode, LocalDate from, LocalDate to) {
        if (!reviews(staff) && !(staff.is(Roles.DEPARTMENT_STAFF) && departmentCode.equals(staff.department()))) {
            throw forbidden("department staff read their own department's figures only");
        }
        DepartmentDay sum = aggregates.departmentDays(departmentCode, from, to).values().stream()
                .reduce(DepartmentDay.NONE, DepartmentDay::plus);
        return new DepartmentReport(departmentCode, from, to, Kpis.of(sum), sum);
    }

    private static boolean reviews(Staff staff) {
        return staff.is(Roles.SUPERVISOR) || staff.is(Roles.MANAGER);
    }

    private static RequestRefusedException forbidden(String detail) {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
