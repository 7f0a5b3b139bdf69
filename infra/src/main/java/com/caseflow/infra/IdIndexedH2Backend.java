package com.caseflow.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 backend, answering every query that names one document by its id from the id index.
 * <p>
 * The server uses an index only when a query asks for exactly that index's fields, so a query by id with one more
 * condition — an update guarded by a version or a position, an outbox entry acknowledged by its id — reads the whole
 * collection. With a few thousand cases that made the store the bottleneck of the local stack: after the fault
 * suite's 15-minute outage it worked at full CPU while the services waited on it. MongoDB itself picks the id index
 * for such queries; this does the same, and matches the rest of the query against the one document found.
 */
final class IdIndexedH2Backend extends H2Backend {

    /** The H2 backend's names for a collection's maps (mongo-java-server 1.47, {@code H2Database}). */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    private static final String ID = "_id";

    IdIndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                     CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap(DATA_MAP_PREFIX + fullName);
                MVMap<String, Object> meta = getMvStore().openMap(META_MAP_PREFIX + fullName);
                return new IdIndexedCollection(this, collectionName, options, data, meta, cursorRegistry);
            }
        };
    }

    private static final class IdIndexedCollection extends H2Collection {

        IdIndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            if (query.size() > 1 && query.containsKey(ID)) {
                Document byId = new Document(ID, query.get(ID));
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
