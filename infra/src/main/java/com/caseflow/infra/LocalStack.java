package com.caseflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.caseflow.infra.identity.IdentityServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure CaseFlow needs on a developer machine, in one JVM: a real Kafka broker, a MongoDB-wire server and
 * the OAuth2/OIDC identity server, all keeping their data under one directory so a restart continues where the last run
 * stopped.
 */
public final class LocalStack implements AutoCloseable {

    /** The line {@code ./run} waits for. */
    public static final String READY = "CaseFlow local stack ready:";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final FileLock dataDirLock;
    private final MongoWireServer mongo;
    private final KafkaBroker kafka;
    /** Null without one. Typed as AutoCloseable so that a stack without it never loads a Spring class. */
    private final AutoCloseable identity;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(StackSettings settings, FileLock dataDirLock, MongoWireServer mongo, KafkaBroker kafka,
            AutoCloseable identity) {
        this.settings = settings;
        this.dataDirLock = dataDirLock;
        this.mongo = mongo;
        this.kafka = kafka;
        this.identity = identity;
    }

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(StackSettings.parse(args, System.getProperties()));
        } catch (StartupException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException | Error e) {
            log.error("The CaseFlow local stack could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "caseflow-local-stack-shutdown"));
        System.out.printf("%s Kafka bootstrap %s, MongoDB %s%s (data in %s, started in %.1f s)%n", READY,
                stack.settings.kafkaBootstrap(), stack.settings.mongoUri(),
                stack.settings.identityEnabled() ? ", identity " + stack.settings.identityUrl() : "",
                stack.settings.dataDir(), (System.nanoTime() - startedAt) / 1e9);

        stack.kafka.awaitShutdown();
        if (!stack.closed.get()) {
            log.error("The Kafka broker stopped on its own; stopping the local stack");
            System.exit(1);
        }
    }

    /**
     * Starts everything, or throws {@link StartupException} (nothing started) when a port or the data directory is
     * taken.
     */
    public static LocalStack start(StackSettings settings) {
        if (settings.identityEnabled()) {
            if (Set.of(settings.kafkaPort(), settings.controllerPort(), settings.mongoPort(), settings.identityPort())
                    .size() < 4) {
                throw new StartupException("Kafka, Kafka controller, MongoDB and the identity server need four "
                        + "different ports, not " + settings.kafkaPort() + ", " + settings.controllerPort() + ", "
                        + settings.mongoPort() + " and " + settings.identityPort() + ".");
            }
        } else if (Set.of(settings.kafkaPort(), settings.controllerPort(), settings.mongoPort()).size() < 3) {
            throw new StartupException("Kafka, Kafka controller and MongoDB need three different ports, not "
                    + settings.kafkaPort() + ", " + settings.controllerPort() + " and " + settings.mongoPort() + ".");
        }
        Ports.requireFree(settings.kafkaPort(), "Kafka", "Kafka", "--kafka-port");
        Ports.requireFree(settings.controllerPort(), "Kafka controller", "Kafka", "--controller-port");
        Ports.requireFree(settings.mongoPort(), "MongoDB", "MongoDB", "--mongo-port");
        if (settings.identityEnabled()) {
            Ports.requireFree(settings.identityPort(), "identity server", "identity server", "--identity-port");
            requireIdentityLibraries();
        }
        FileLock lock = lockDataDir(settings.dataDir());

        log.info("Starting {} with data in {}", settings.identityEnabled()
                ? "Kafka, MongoDB and the identity server" : "Kafka and MongoDB", settings.dataDir());
        MongoWireServer mongo = null;
        KafkaBroker kafka = null;
        AutoCloseable identity = null;
        try {
            mongo = MongoWireServer.start(settings.dataDir().resolve("mongo").resolve("caseflow.mv"),
                    settings.mongoPort());
            kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.controllerPort());
            TopicSetup.ensureTopics(settings.kafkaBootstrap());
            if (settings.identityEnabled()) {
                identity = IdentityServer.start(settings.dataDir(), settings.identityPort(), null);
            }
            return new LocalStack(settings, lock, mongo, kafka, identity);
        } catch (RuntimeException | Error e) {
            stopQuietly(identity);
            stopQuietly(kafka);
            stopQuietly(mongo);
            release(lock);
            throw e;
        }
    }

    /** The identity server's libraries are optional dependencies of infra: in its exec jar, not in its plain jar. */
    private static void requireIdentityLibraries() {
        try {
            Class.forName("org.springframework.boot.SpringApplication", false, LocalStack.class.getClassLoader());
            Class.forName("org.springframework.security.oauth2.server.authorization.client.RegisteredClient", false,
                    LocalStack.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StartupException("The identity server needs Spring Boot and Spring Security on the class path "
                    + "(they are in infra's exec jar). Run that jar, or start the stack without it "
                    + "(--identity-port=0).");
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public String kafkaClusterId() {
        return kafka.clusterId();
    }

    /**
     * Stops the identity server, Kafka, then MongoDB; the data stays on disk for the next start. Safe to call more than
     * once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping the local stack");
        try {
            stopQuietly(identity);
            kafka.close();
        } finally {
            try {
                mongo.close();
            } finally {
                release(dataDirLock);
            }
        }
        log.info("Local stack stopped; data kept in {}", settings.dataDir());
    }

    /** Two stacks on one data directory would corrupt it; say so plainly instead of failing deep inside Kafka. */
    private static FileLock lockDataDir(Path dataDir) {
        Path lockFile = dataDir.resolve("stack.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: fall through to the message
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data directory " + dataDir, e);
        }
        closeQuietly(channel);
        throw new StartupException("The data directory " + dataDir + " is in use by another CaseFlow stack — stop it "
                + "or choose another directory (--data-dir=DIR).");
    }

    private static void release(FileLock lock) {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing also releases the lock; nothing more to do
            }
        }
    }

    private static void stopQuietly(AutoCloseable server) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly", server, e);
            }
        }
    }
}
