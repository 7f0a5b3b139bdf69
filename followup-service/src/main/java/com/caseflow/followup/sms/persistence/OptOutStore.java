package com.caseflow.followup.sms.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/** The numbers that replied 退订: no text goes to them any more. */
@Repository
public class OptOutStore {

    public static final String COLLECTION = "sms_opt_outs";

    @Document(COLLECTION)
    record OptOutDocument(@Id String number, Instant optedOutAt, String replyId) {
    }

    private final MongoTemplate mongo;

    public OptOutStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the opt-out; the first one's time and reply are kept. */
    @Retry(name = "mongo")
    public void optOut(String number, Instant at, String replyId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(number)),
                new Update().setOnInsert("optedOutAt", at).setOnInsert("replyId", replyId), OptOutDocument.class);
    }

    @Retry(name = "mongo")
    public boolean optedOut(String number) {
        return mongo.exists(Query.query(Criteria.where("_id").is(number)), OptOutDocument.class);
    }
}
