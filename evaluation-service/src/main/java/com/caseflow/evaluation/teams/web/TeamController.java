package com.caseflow.evaluation.teams.web;

import com.caseflow.evaluation.teams.application.Teams;
import com.caseflow.evaluation.teams.persistence.VersionedTeam;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Supervisors' teams (班组): administrators change them, managers and administrators read them. Every team shows who
 * changed it last and when ({@code configuration} for a team seeded at the first start).
 */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_MEMBERS = 200;

    private final Teams teams;
    private final StaffRateLimiter rateLimit;

    TeamController(Teams teams, StaffRateLimiter rateLimit) {
        this.teams = teams;
        this.rateLimit = rateLimit;
    }

    /** @param expectedVersion the version last read (0: the supervisor has no team yet); a changed team answers 409 */
    record TeamRequest(List<String> members, Long expectedVersion) {
    }

    record TeamView(String supervisorId, List<String> members, long version, String changedBy, Instant changedAt) {
    }

    record TeamsView(List<TeamView> teams) {
    }

    @GetMapping
    TeamsView list(Authentication authentication) {
        rateLimit.acquireRead(Staff.of(authentication));
        return new TeamsView(teams.all().stream().map(TeamController::view).toList());
    }

    @GetMapping("/{supervisorId}")
    ResponseEntity<TeamView> read(@PathVariable String supervisorId, Authentication authentication) {
        supervisorId(supervisorId);
        rateLimit.acquireRead(Staff.of(authentication));
        VersionedTeam team = teams.read(supervisorId);
        return ResponseEntity.ok().eTag("\"" + team.version() + "\"").body(view(team));
    }

    @PutMapping("/{supervisorId}")
    ResponseEntity<TeamView> replace(@PathVariable String supervisorId, @RequestBody TeamRequest body,
                                     Authentication authentication) {
        supervisorId(supervisorId);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> members = new ArrayList<>();
        if (body.members() == null) {
            problems.add(new FieldProblem("members", "required: the agents' staff ids (may be empty: no team)"));
        } else if (body.members().size() > MAX_MEMBERS) {
            problems.add(new FieldProblem("members", "at most " + MAX_MEMBERS + " agents in a team"));
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < body.members().size(); i++) {
                String field = "members[" + i + "]";
                String member = body.members().get(i) == null ? "" : body.members().get(i).strip();
                if (member.isEmpty()) {
                    problems.add(new FieldProblem(field, "required: an agent's staff id, e.g. A001"));
                } else if (!STAFF_ID.matcher(member).matches()) {
                    problems.add(new FieldProblem(field, "a staff id: letters, digits, '.', '_' or '-', at most 64, "
                            + "e.g. A001"));
                } else if (member.equals(supervisorId)) {
                    problems.add(new FieldProblem(field, member + " is the team's supervisor, not a member"));
                } else if (seen.putIfAbsent(member, i) != null) {
                    problems.add(new FieldProblem(field, member + " is named twice (also members["
                            + seen.get(member) + "])"));
                } else {
                    members.add(member);
                }
            }
        }
        if (body.expectedVersion() != null && body.expectedVersion() < 0) {
            problems.add(new FieldProblem("expectedVersion", "the version last read, 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        VersionedTeam team = teams.replace(staff, supervisorId, members, body.expectedVersion());
        return ResponseEntity.ok().eTag("\"" + team.version() + "\"").body(view(team));
    }

    private static void supervisorId(String value) {
        if (!STAFF_ID.matcher(value).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem("supervisorId",
                    "a staff id: letters, digits, '.', '_' or '-', at most 64, e.g. S001")));
        }
    }

    private static TeamView view(VersionedTeam v) {
        return new TeamView(v.team().supervisorId(), v.team().members(), v.version(), v.team().changedBy(),
                v.team().changedAt());
    }
}
