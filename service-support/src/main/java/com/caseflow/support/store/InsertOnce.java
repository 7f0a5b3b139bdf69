package com.caseflow.support.store;

import com.mongodb.MongoBulkWriteException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Inserts documents whose ids say what they are (a case's step, a timeline entry), leaving those stored before as they
 * are: what a writer hands on twice — a retry, a redelivery, the loser of a write race — is stored once, without a
 * transaction.
 */
public final class InsertOnce {

    private static final int DUPLICATE_KEY = 11000;

    private InsertOnce() {
    }

    /** Inserts every document that is not stored yet; any failure other than a duplicate key is thrown. */
    public static void all(MongoTemplate mongo, Class<?> type, List<?> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        documents.forEach(bulk::insert);
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulkError
                    && !bulkError.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
    }
}
