package com.caseflow.evaluation.teams.persistence;

import com.caseflow.evaluation.teams.domain.Team;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Supervisors' teams, one document per supervisor. Read on every access decision (a change applies to the next
 * request on every instance); a write is a single-document write guarded by the team's version. A unique index on the
 * members keeps an agent in one team even when two administrators add them to two teams at once; it is sparse and an
 * empty team is stored without {@code members}, since MongoDB indexes every empty array under the same key.
 */
@Repository
public class TeamStore implements InitializingBean {

    private final MongoTemplate mongo;

    public TeamStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TeamDocument.COLLECTION).createIndex(new Index().on("members", Sort.Direction.ASC).unique()
                .sparse().named("one_team_per_member"));
    }

    @Retry(name = "mongo")
    public List<VersionedTeam> all() {
        return mongo.find(new Query().with(Sort.by("_id")), TeamDocument.class).stream()
                .map(TeamStore::versioned).toList();
    }

    @Retry(name = "mongo")
    public Optional<VersionedTeam> find(String supervisorId) {
        return Optional.ofNullable(mongo.findById(supervisorId, TeamDocument.class)).map(TeamStore::versioned);
    }

    /** The teams other than {@code supervisorId}'s that name any of {@code agents}. */
    @Retry(name = "mongo")
    public List<VersionedTeam> othersNaming(String supervisorId, Collection<String> agents) {
        Query query = Query.query(Criteria.where("members").in(agents).and("_id").ne(supervisorId))
                .with(Sort.by("_id"));
        return mongo.find(query, TeamDocument.class).stream().map(TeamStore::versioned).toList();
    }

    /** The supervisors whose team names {@code agentId}, by staff id. */
    @Retry(name = "mongo")
    public List<String> supervisorsOf(String agentId) {
        Query query = Query.query(Criteria.where("members").is(agentId)).with(Sort.by("_id"));
        return mongo.find(query, TeamDocument.class).stream().map(TeamDocument::supervisorId).toList();
    }

    @Retry(name = "mongo")
    public boolean isEmpty() {
        return !mongo.exists(new Query(), TeamDocument.class);
    }

    /** A team seeded from configuration: kept as it is when it is stored already (another instance seeded it). */
    @Retry(name = "mongo")
    public void seed(Team team) {
        try {
            mongo.insert(document(team, 1));
        } catch (DuplicateKeyException seededBefore) {
            // another instance, or this attempt before its answer was lost
        }
    }

    /**
     * @param version the version the team is at (0: the supervisor has no team yet)
     * @throws OptimisticLockingFailureException when somebody changed (or created) the team since {@code version}
     * @throws MemberElsewhereException          when a member is in another team (added there meanwhile)
     */
    @Retry(name = "mongo")
    public VersionedTeam replace(Team team, long version) {
        if (version == 0) {
            try {
                mongo.insert(document(team, 1));
            } catch (DuplicateKeyException duplicate) {
                if (find(team.supervisorId()).isEmpty()) {
                    throw new MemberElsewhereException(team.supervisorId());
                }
                // this very insert, retried after its answer was lost, or somebody else's
                return find(team.supervisorId()).filter(stored -> stored.version() == 1 && stored.team().equals(team))
                        .orElseThrow(() -> new OptimisticLockingFailureException("team " + team.supervisorId()
                                + " created meanwhile"));
            }
            return new VersionedTeam(team, 1);
        }
        Query unchanged = Query.query(Criteria.where("_id").is(team.supervisorId()).and("version").is(version));
        Update update = new Update().set("changedBy", team.changedBy()).set("changedAt", team.changedAt())
                .inc("version", 1);
        if (team.members().isEmpty()) {
            update.unset("members");
        } else {
            update.set("members", team.members());
        }
        long matched;
        try {
            matched = mongo.updateFirst(unchanged, update, TeamDocument.class).getMatchedCount();
        } catch (DuplicateKeyException duplicate) {
            throw new MemberElsewhereException(team.supervisorId());
        }
        if (matched == 0) {
            throw new OptimisticLockingFailureException("team " + team.supervisorId() + " changed since " + version);
        }
        return new VersionedTeam(team, version + 1);
    }

    private static TeamDocument document(Team team, long version) {
        return new TeamDocument(team.supervisorId(), version, team.members().isEmpty() ? null : team.members(),
                team.changedBy(), team.changedAt());
    }

    /** A member of the team written is in another supervisor's team: the unique index refused the write. */
    public static class MemberElsewhereException extends RuntimeException {
        public MemberElsewhereException(String supervisorId) {
            super("a member of the team of " + supervisorId + " is in another team");
        }
    }

    private static VersionedTeam versioned(TeamDocument d) {
        return new VersionedTeam(new Team(d.supervisorId(), d.members(), d.changedBy(), d.changedAt()), d.version());
    }
}
