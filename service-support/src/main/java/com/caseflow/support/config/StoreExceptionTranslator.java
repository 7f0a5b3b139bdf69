package com.caseflow.support.config;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Spring Data's translation, plus the forms a store that is away takes under the driver's client-side operation
 * timeout: {@code MongoOperationTimeoutException} and a connection pool cleared after a failed read would otherwise
 * come out as {@code UncategorizedMongoDbException} (a 500, a record dead-lettered) instead of a resource failure.
 */
class StoreExceptionTranslator extends MongoExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException e) {
        if (e instanceof MongoTimeoutException || e instanceof MongoConnectionPoolClearedException) {
            return new DataAccessResourceFailureException(e.getMessage(), e);
        }
        return super.translateExceptionIfPossible(e);
    }
}
