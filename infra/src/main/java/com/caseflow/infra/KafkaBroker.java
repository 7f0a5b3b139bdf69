package com.caseflow.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;
    private final String clusterId;

    private KafkaBroker(KafkaRaftServer server, String clusterId) {
        this.server = server;
        this.clusterId = clusterId;
    }

    static KafkaBroker start(Path logDir, int port, int controllerPort) {
        Properties props = config(logDir, port, controllerPort);
        String clusterId = existingClusterId(logDir);
        if (clusterId == null) {
            clusterId = format(logDir, props);
            log.info("Formatted new Kafka storage in {} (cluster id {})", logDir, clusterId);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // Half-started threads would otherwise keep the JVM alive after the failure.
            server.shutdown();
            throw e;
        }
        return new KafkaBroker(server, clusterId);
    }

    String clusterId() {
        return clusterId;
    }

    /** Returns when the broker has stopped, whether through {@link #close()} or on its own. */
    void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@" + StackSettings.HOST + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + StackSettings.HOST + ":" + port
                + ",CONTROLLER://" + StackSettings.HOST + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + StackSettings.HOST + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());

        // One node: every internal topic must live with a single replica.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        // 50 partitions each (the default) only slow the first consumer group down on a laptop.
        props.setProperty("offsets.topic.num.partitions", "5");
        props.setProperty("transaction.state.log.num.partitions", "5");

        // Kafka 4 holds each offset commit back 5 ms by default: a service committing per record would stall on it.
        props.setProperty("group.coordinator.append.linger.ms", "0");
        // A single developer machine has no reason to wait for more consumers to join before the first rebalance.
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller refuses the restarted broker until the old session expires (9 s by default).
        props.setProperty("broker.heartbeat.interval.ms", "1000");
        props.setProperty("broker.session.timeout.ms", "4000");
        // Topics are created on purpose (see TopicSetup); a typo in a service must fail, not make a new topic.
        props.setProperty("auto.create.topics.enable", "false");
        // The log cleaner allocates this buffer on the heap (128 MB by default); a local broker's compacted topics
        // are tiny, and the default drove the stack's heap into back-to-back full GCs under load.
        props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    /** The cluster id of an already formatted log directory, or null if it was never formatted. */
    private static String existingClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new StartupException(meta + " has no cluster.id — delete " + logDir + " to start with empty topics.");
        }
        return clusterId;
    }

    /**
     * Runs {@code kafka-storage format} in this JVM. The tool ends the JVM through {@link Exit} on some errors; while it
     * runs, such a request becomes an exception instead. Afterwards Kafka's own behaviour is restored on purpose: a
     * broker that hits a fatal error must end the process so that {@code ./run} notices and stops everything.
     */
    private static String format(Path logDir, Properties props) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path configFile = null;
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("kafka-storage asked to exit with status " + status + ": " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
        try {
            Files.createDirectories(logDir);
            configFile = Files.createTempFile("caseflow-kafka", ".properties");
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(writer, "CaseFlow local Kafka broker");
            }
            int status = StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("status " + status);
            }
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka storage in " + logDir, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: " + e.getMessage()
                    + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
            deleteQuietly(configFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file does no harm
            }
        }
    }
}
