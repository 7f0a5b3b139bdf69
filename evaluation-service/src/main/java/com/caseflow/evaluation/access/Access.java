package com.caseflow.evaluation.access;

import com.caseflow.evaluation.teams.application.Teams;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whose scores a caller may read: an agent their own, a supervisor their team's, department staff their department's,
 * a manager everyone's.
 */
@Component
public class Access {

    private final Teams teams;

    public Access(Teams teams) {
        this.teams = teams;
    }

    public boolean mayReadAgent(Staff staff, String agentId) {
        return staff.is(Roles.MANAGER)
                || staff.is(Roles.SUPERVISOR) && teamOf(staff).contains(agentId)
                || staff.is(Roles.AGENT) && staff.staffId().equals(agentId);
    }

    public void requireAgent(Staff staff, String agentId) {
        if (!mayReadAgent(staff, agentId)) {
            throw forbidden("agents read their own figures, supervisors their team's");
        }
    }

    /** The agents whose figures the caller may read; empty means all of them. */
    public Optional<Set<String>> agentsVisibleTo(Staff staff) {
        if (staff.is(Roles.MANAGER)) {
            return Optional.empty();
        }
        if (staff.is(Roles.SUPERVISOR)) {
            return Optional.of(Set.copyOf(teamOf(staff)));
        }
        return Optional.of(staff.is(Roles.AGENT) ? Set.of(staff.staffId()) : Set.of());
    }

    /** The call centre's service measures per hotline: supervisors and managers. */
    public void requireCallCentre(Staff staff) {
        if (!staff.is(Roles.MANAGER) && !staff.is(Roles.SUPERVISOR)) {
            throw forbidden("the call centre's figures are read by supervisors and managers");
        }
    }

    public boolean mayReadDepartment(Staff staff, String departmentCode) {
        return staff.is(Roles.MANAGER) || staff.is(Roles.SUPERVISOR)
                || staff.is(Roles.DEPARTMENT_STAFF) && departmentCode.equals(staff.department());
    }

    public void requireDepartment(Staff staff, String departmentCode) {
        if (!mayReadDepartment(staff, departmentCode)) {
            throw forbidden("department staff read their own department's figures only");
        }
    }

    /** The supervisor whose team the agent is in, as the team store says now. */
    public Optional<String> supervisorOf(String agentId) {
        return teams.supervisorOf(agentId);
    }

    public static RequestRefusedException forbidden(String detail) {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    private List<String> teamOf(Staff staff) {
        return teams.membersOf(staff.staffId());
    }
}
