package com.caseflow.evaluation.teams.application;

import com.caseflow.evaluation.teams.domain.Team;
import com.caseflow.evaluation.teams.persistence.TeamStore;
import com.caseflow.evaluation.teams.persistence.VersionedTeam;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Supervisors' teams as data: seeded from configuration at the first start, then changed by administrators. An agent
 * is in one team at most, so that their supervisor (who checks their contacts and trains them) is never in doubt.
 */
@Service
@EnableConfigurationProperties(TeamSeed.class)
public class Teams implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Teams.class);
    private static final int ATTEMPTS = 5;

    private final TeamStore store;
    private final TeamSeed seed;
    private final Clock clock;

    public Teams(TeamStore store, TeamSeed seed, Clock clock) {
        this.store = store;
        this.seed = seed;
        this.clock = clock;
    }

    /** Stores the configured teams while there are none (the first start); an agent named twice stops the start. */
    @Override
    public void afterPropertiesSet() {
        if (seed.teams().isEmpty() || !store.isEmpty()) {
            return;
        }
        Map<String, String> supervisorOf = new HashMap<>();
        seed.teams().forEach((supervisor, members) -> members.forEach(agent -> {
            String other = supervisorOf.putIfAbsent(agent, supervisor);
            if (other != null && !other.equals(supervisor)) {
                throw new IllegalStateException("caseflow.evaluation.teams names agent " + agent + " in the teams of "
                        + other + " and " + supervisor + ": an agent is in one team at most");
            }
        }));
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        new TreeMap<>(seed.teams()).forEach((supervisor, members) ->
                store.seed(new Team(supervisor, members.stream().distinct().toList(), Team.CONFIGURATION, now)));
        log.info("teams seeded from configuration: {} supervisor(s)", seed.teams().size());
    }

    public List<VersionedTeam> all() {
        return store.all();
    }

    public VersionedTeam read(String supervisorId) {
        return store.find(supervisorId).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "supervisor " + supervisorId + " has no team"));
    }

    /** The agents a supervisor leads; none for anybody who leads no team. */
    public List<String> membersOf(String supervisorId) {
        return store.find(supervisorId).map(v -> v.team().members()).orElse(List.of());
    }

    /** The supervisor whose team the agent is in (the first by staff id, should a race have put them in two). */
    public Optional<String> supervisorOf(String agentId) {
        return store.supervisorsOf(agentId).stream().findFirst();
    }

    /**
     * Replaces a supervisor's members (creating the team when there is none).
     *
     * @param members         distinct staff ids, checked for their form by the caller
     * @param expectedVersion the version the caller read (0: no team yet); null to replace whatever is current
     * @throws InvalidRequestException naming {@code members[i]} for an agent in another supervisor's team
     * @throws ConflictException       when the team is not at {@code expectedVersion}, or changed under the write
     */
    public VersionedTeam replace(Staff staff, String supervisorId, List<String> members, Long expectedVersion) {
        requireNotElsewhere(supervisorId, members);
        for (int attempt = 1; ; attempt++) {
            long current = store.find(supervisorId).map(VersionedTeam::version).orElse(0L);
            if (expectedVersion != null && expectedVersion != current) {
                throw new ConflictException("the team of " + supervisorId + " is at version " + current + ", not "
                        + expectedVersion + ": read it again");
            }
            Team team = new Team(supervisorId, members, staff.staffId(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            try {
                VersionedTeam replaced = store.replace(team, current);
                log.info("team of {} changed by {}: {} member(s), version {}", supervisorId, staff.staffId(),
                        members.size(), replaced.version());
                return replaced;
            } catch (TeamStore.MemberElsewhereException addedMeanwhile) {
                // another administrator put one of them in another team after the check above: name them now
                requireNotElsewhere(supervisorId, members);
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("the teams changed meanwhile: read them again");
                }
            } catch (OptimisticLockingFailureException lost) {
                if (expectedVersion != null || attempt >= ATTEMPTS) {
                    throw new ConflictException("the team of " + supervisorId + " was changed by someone else "
                            + "meanwhile: read it again");
                }
            }
        }
    }

    /** @throws InvalidRequestException naming {@code members[i]} for each agent in another supervisor's team */
    private void requireNotElsewhere(String supervisorId, List<String> members) {
        if (members.isEmpty()) {
            return;
        }
        Map<String, String> elsewhere = new HashMap<>();
        for (VersionedTeam other : store.othersNaming(supervisorId, members)) {
            other.team().members().forEach(m -> elsewhere.putIfAbsent(m, other.team().supervisorId()));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String other = elsewhere.get(members.get(i));
            if (other != null) {
                problems.add(new FieldProblem("members[" + i + "]", members.get(i) + " is in the team of " + other
                        + " already: take them out of it first (an agent is in one team at most)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
