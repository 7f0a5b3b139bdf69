package com.caseflow.evaluation.recurring.persistence;

import com.caseflow.evaluation.recurring.domain.Proposal;
import com.caseflow.evaluation.recurring.domain.ProposalStatus;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Improvement proposals, one document each; every change is a single-document write guarded by its version. */
@Repository
public class ProposalStore implements InitializingBean {

    private final MongoTemplate mongo;

    public ProposalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ProposalDocument.COLLECTION);
        // unique anyway (_id is); lets the local embedded store answer the versioned update from an index
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
        indexes.createIndex(new Index().on("state.status", Sort.Direction.ASC)
                .on("state.recordedAt", Sort.Direction.DESC).named("by_status"));
        indexes.createIndex(new Index().on("state.recordedAt", Sort.Direction.DESC).named("by_recorded"));
    }

    /** The id is new: a duplicate can only be this very insert, retried after its answer was lost. */
    @Retry(name = "mongo")
    public VersionedProposal insert(Proposal proposal) {
        try {
            mongo.insert(new ProposalDocument(proposal.id(), 0, proposal));
        } catch (DuplicateKeyException insertedBefore) {
            // stored by the attempt whose answer was lost
        }
        return new VersionedProposal(proposal, 0);
    }

    @Retry(name = "mongo")
    public Optional<VersionedProposal> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProposalDocument.class))
                .map(d -> new VersionedProposal(d.state(), d.version()));
    }

    /** @throws OptimisticLockingFailureException when somebody changed the proposal since {@code version} */
    @Retry(name = "mongo")
    public VersionedProposal update(Proposal state, long version) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).inc("version", 1);
        if (mongo.updateFirst(unchanged, update, ProposalDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("proposal " + state.id() + " changed since " + version);
        }
        return new VersionedProposal(state, version + 1);
    }

    /** Proposals, the latest recorded first; {@code status} null for all. */
    @Retry(name = "mongo")
    public Page<VersionedProposal> page(ProposalStatus status, int page, int size) {
        Criteria criteria = status == null ? new Criteria() : Criteria.where("state.status").is(status.name());
        PageRequest pageable = PageRequest.of(page, size);
        Query query = Query.query(criteria).with(pageable)
                .with(Sort.by(Sort.Order.desc("state.recordedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(Query.query(criteria), ProposalDocument.class);
        return new PageImpl<>(mongo.find(query, ProposalDocument.class).stream()
                .map(d -> new VersionedProposal(d.state(), d.version())).toList(), pageable, total);
    }
}
