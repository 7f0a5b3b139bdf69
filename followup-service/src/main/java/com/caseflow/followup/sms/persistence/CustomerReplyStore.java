package com.caseflow.followup.sms.persistence;

import com.caseflow.followup.sms.domain.CustomerReply;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Every reply the gateway passed on, by its reply id: the same reply delivered again is recognised. */
@Repository
public class CustomerReplyStore {

    public static final String COLLECTION = "sms_replies";

    @Document(COLLECTION)
    record ReplyDocument(@Id String id, CustomerReply state) {
    }

    private final MongoTemplate mongo;

    public CustomerReplyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** False when a reply with this id was stored before. */
    @Retry(name = "mongo")
    public boolean insert(CustomerReply reply) {
        try {
            mongo.insert(new ReplyDocument(reply.id(), reply));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<CustomerReply> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReplyDocument.class)).map(ReplyDocument::state);
    }
}
