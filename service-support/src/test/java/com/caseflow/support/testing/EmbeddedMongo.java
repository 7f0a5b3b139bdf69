package com.caseflow.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * One in-memory MongoDB-wire server per test JVM; each test class gets its own database so they cannot see each
 * other's documents.
 */
public final class EmbeddedMongo {

    private static final MongoServer SERVER = start();

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }

    public static String freshDatabaseUri() {
        InetSocketAddress address = SERVER.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/test-" + UUID.randomUUID();
    }

    private EmbeddedMongo() {
    }
}
