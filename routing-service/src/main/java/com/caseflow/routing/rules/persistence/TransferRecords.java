package com.caseflow.routing.rules.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** The transfers counted against routing rules ({@code routing_transfers}): small, one document per transfer. */
@Repository
public class TransferRecords implements InitializingBean {

    private final MongoTemplate mongo;

    public TransferRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TransferRecord.class).createIndex(new Index().on("routedAt", Sort.Direction.ASC)
                .named("routed_at"));
    }

    /** False when this transfer was counted before. */
    @Retry(name = "mongo")
    public boolean record(TransferRecord transfer) {
        try {
            mongo.insert(transfer);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The transfers of cases routed since then. */
    @Retry(name = "mongo")
    public List<TransferRecord> ofCasesRoutedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("routedAt").gte(since)), TransferRecord.class);
    }
}
