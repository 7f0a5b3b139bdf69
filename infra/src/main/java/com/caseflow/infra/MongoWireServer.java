package com.caseflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A server speaking the MongoDB wire protocol (mongo-java-server), backed by an H2 MVStore file so that data survives
 * restarts, and answering queries by id from the id index as MongoDB does ({@link IdIndexedH2Backend}). It stands in
 * for MongoDB because none can be installed on the project's machines; it has no multi-document transactions, so the
 * services must not rely on them.
 */
final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;

    private MongoWireServer(MongoServer server) {
        this.server = server;
    }

    static MongoWireServer start(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        H2Backend backend = new IdIndexedH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(StackSettings.HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoWireServer(server);
    }

    /** Closes client connections, stops listening and closes the H2 file, which writes any pending changes. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
