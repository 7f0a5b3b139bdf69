package com.caseflow.followup.channels.persistence;

import com.caseflow.followup.channels.domain.DepartmentChannels;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Departments' notification channels, one document per department. Read at each delivery, so that a change applies
 * to the next notification on every instance; a write is a single-document write guarded by its version.
 */
@Repository
public class ChannelStore {

    private final MongoTemplate mongo;

    public ChannelStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public List<VersionedChannels> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ChannelsDocument.class).stream()
                .map(ChannelStore::versioned).toList();
    }

    @Retry(name = "mongo")
    public Optional<VersionedChannels> find(String departmentCode) {
        return Optional.ofNullable(mongo.findById(departmentCode, ChannelsDocument.class))
                .map(ChannelStore::versioned);
    }

    @Retry(name = "mongo")
    public boolean isEmpty() {
        return !mongo.exists(new Query(), ChannelsDocument.class);
    }

    /** Channels seeded from configuration: kept as they are when stored already (another instance seeded them). */
    @Retry(name = "mongo")
    public void seed(DepartmentChannels channels) {
        try {
            mongo.insert(document(channels, 1));
        } catch (DuplicateKeyException seededBefore) {
            // another instance, or this attempt before its answer was lost
        }
    }

    /**
     * @param version the version the channels are at (0: none stored yet)
     * @throws OptimisticLockingFailureException when somebody changed (or created) them since {@code version}
     */
    @Retry(name = "mongo")
    public VersionedChannels replace(DepartmentChannels channels, long version) {
        if (version == 0) {
            try {
                mongo.insert(document(channels, 1));
            } catch (DuplicateKeyException createdMeanwhile) {
                // this very insert, retried after its answer was lost, or somebody else's
                return find(channels.departmentCode())
                        .filter(stored -> stored.version() == 1 && stored.channels().equals(channels))
                        .orElseThrow(() -> new OptimisticLockingFailureException("channels of "
                                + channels.departmentCode() + " created meanwhile"));
            }
            return new VersionedChannels(channels, 1);
        }
        Query unchanged = Query.query(Criteria.where("_id").is(channels.departmentCode()).and("version").is(version));
        Update update = new Update().set("wecom", channels.wecom()).set("dingtalk", channels.dingtalk())
                .set("changedBy", channels.changedBy()).set("changedAt", channels.changedAt()).inc("version", 1);
        if (mongo.updateFirst(unchanged, update, ChannelsDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("channels of " + channels.departmentCode() + " changed since "
                    + version);
        }
        return new VersionedChannels(channels, version + 1);
    }

    private static ChannelsDocument document(DepartmentChannels c, long version) {
        return new ChannelsDocument(c.departmentCode(), version, c.wecom(), c.dingtalk(), c.changedBy(),
                c.changedAt());
    }

    private static VersionedChannels versioned(ChannelsDocument d) {
        return new VersionedChannels(new DepartmentChannels(d.departmentCode(), d.wecom(), d.dingtalk(),
                d.changedBy(), d.changedAt()), d.version());
    }
}
