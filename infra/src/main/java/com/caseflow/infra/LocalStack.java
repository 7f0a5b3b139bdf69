package com.caseflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import com.caseflow.infra.identity.IdentityServer;
import com.caseflow.infra.phone.PhoneSimulator;
import com.caseflow.infra.sms.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure CaseFlow needs on a developer machine, in one JVM: a real Kafka broker, a MongoDB-wire server and
 * the OAuth2/OIDC identity server, all keeping their data under one directory so a restart continues where the last run
 * stopped; a notification receiver standing in for the notification gateway; and, when asked for, an SMS gateway
 * stand-in and a phone-platform simulator (these three in memory only).
 */
public final class LocalStack implements AutoCloseable {

    /** The line {@code ./run} waits for. */
    public static final String READY = "CaseFlow local stack ready:";
    /** The environment variables holding the secrets the phone simulator and the SMS gateway sign with. */
    public static final String PHONE_SECRET = "CASEFLOW_PHONE_SECRET";
    public static final String SMS_SECRET = "CASEFLOW_SMS_SECRET";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final FileLock dataDirLock;
    /** Null without one. */
    private final MongoWireServer mongo;
    /** Null without one. */
    private final KafkaBroker kafka;
    /** Null without one. Typed as AutoCloseable so that a stack without it never loads a Spring class. */
    private final AutoCloseable identity;
    /** Null without one. */
    private final NotificationReceiver notifications;
    /** Null without one. */
    private final SmsGateway sms;
    /** Null without one. */
    private final PhoneSimulator phone;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalStack(StackSettings settings, FileLock dataDirLock, MongoWireServer mongo, KafkaBroker kafka,
            AutoCloseable identity, NotificationReceiver notifications, SmsGateway sms, PhoneSimulator phone) {
        this.settings = settings;
        this.dataDirLock = dataDirLock;
        this.mongo = mongo;
        this.kafka = kafka;
        this.identity = identity;
        this.notifications = notifications;
        this.sms = sms;
        this.phone = phone;
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
        System.out.printf("%s %s%s%s%s%s (data in %s, started in %.1f s)%n", READY,
                stack.settings.kafkaEnabled() ? "Kafka bootstrap " + stack.settings.kafkaBootstrap() : "no Kafka",
                stack.settings.mongoEnabled() ? ", MongoDB " + stack.settings.mongoUri() : ", no MongoDB",
                stack.settings.identityEnabled() ? ", identity " + stack.settings.identityUrl() : "",
                stack.settings.notificationsEnabled() ? ", notifications " + stack.settings.notificationsUrl() : "",
                (stack.settings.smsEnabled() ? ", SMS gateway " + stack.settings.smsUrl() : "")
                        + (stack.settings.phoneEnabled() ? ", phone simulator " + stack.settings.phoneUrl() : ""),
                stack.settings.dataDir(), (System.nanoTime() - startedAt) / 1e9);

        if (stack.kafka == null) {
            stack.awaitClose();
            return;
        }
        stack.kafka.awaitShutdown();
        if (!stack.closed.get()) {
            log.error("The Kafka broker stopped on its own; stopping the local stack");
            System.exit(1);
        }
    }

    /**
     * Starts everything, or throws {@link StartupException} (nothing started) when a port or the data directory is
     * taken, or a secret the SMS gateway or the phone simulator needs is not in the environment.
     */
    public static LocalStack start(StackSettings settings) {
        return start(settings, System.getenv());
    }

    /** @param environment where {@value #PHONE_SECRET} and {@value #SMS_SECRET} are read from */
    public static LocalStack start(StackSettings settings, Map<String, String> environment) {
        requireDifferentPorts(settings);
        String smsSecret = settings.smsEnabled() ? requireSecret(environment, SMS_SECRET, "the SMS gateway") : null;
        String phoneSecret = settings.phoneEnabled()
                ? requireSecret(environment, PHONE_SECRET, "the phone simulator") : null;
        if (settings.kafkaEnabled()) {
            Ports.requireFree(settings.kafkaPort(), "Kafka", "Kafka", "--kafka-port");
            Ports.requireFree(settings.controllerPort(), "Kafka controller", "Kafka", "--controller-port");
        }
        if (settings.mongoEnabled()) {
            Ports.requireFree(settings.mongoPort(), "MongoDB", "MongoDB", "--mongo-port");
        }
        if (settings.identityEnabled()) {
            Ports.requireFree(settings.identityPort(), "identity server", "identity server", "--identity-port");
            requireIdentityLibraries();
        }
        if (settings.notificationsEnabled()) {
            Ports.requireFree(settings.notificationsPort(), "notification receiver", "notification receiver",
                    "--notifications-port");
        }
        if (settings.smsEnabled()) {
            Ports.requireFree(settings.smsPort(), "SMS gateway", "SMS gateway", "--sms-port");
        }
        if (settings.phoneEnabled()) {
            Ports.requireFree(settings.phonePort(), "phone simulator", "phone simulator", "--phone-port");
        }
        FileLock lock = lockDataDir(settings.dataDir());

        List<String> parts = new ArrayList<>();
        if (settings.kafkaEnabled()) {
            parts.add("Kafka");
        }
        if (settings.mongoEnabled()) {
            parts.add("MongoDB");
        }
        if (settings.identityEnabled()) {
            parts.add("the identity server");
        }
        if (settings.notificationsEnabled()) {
            parts.add("the notification receiver");
        }
        if (settings.smsEnabled()) {
            parts.add("the SMS gateway");
        }
        if (settings.phoneEnabled()) {
            parts.add("the phone simulator");
        }
        log.info("Starting {} with data in {}", and(parts), settings.dataDir());
        MongoWireServer mongo = null;
        KafkaBroker kafka = null;
        AutoCloseable identity = null;
        NotificationReceiver notifications = null;
        SmsGateway sms = null;
        PhoneSimulator phone = null;
        try {
            if (settings.mongoEnabled()) {
                mongo = MongoWireServer.start(settings.dataDir().resolve("mongo").resolve("caseflow.mv"),
                        settings.mongoPort());
            }
            if (settings.kafkaEnabled()) {
                kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                        settings.controllerPort());
                TopicSetup.ensureTopics(settings.kafkaBootstrap());
            }
            if (settings.identityEnabled()) {
                IdentityServer.Running server = IdentityServer.start(settings.dataDir(), settings.identityPort(), null);
                identity = server;
                log.info("Demo users (each with a password of its own): {}", server.demoUsers());
            }
            if (settings.notificationsEnabled()) {
                notifications = NotificationReceiver.start(settings.notificationsPort());
                log.info("Notifications to {} are logged here; GET lists the newest, PUT {}?seconds=N simulates an "
                        + "outage of the gateway", settings.notificationsUrl(), NotificationReceiver.OUTAGE_PATH);
            }
            if (settings.smsEnabled()) {
                sms = SmsGateway.start(settings.smsPort(), smsSecret, settings.smsRepliesUrl());
                log.info("Text messages to {} are logged here (numbers masked); GET lists them, POST {}/replies "
                        + "{\"from\",\"text\"} sends a customer's reply to {}", settings.smsUrl(), SmsGateway.PATH,
                        settings.smsRepliesUrl());
            }
            if (settings.phoneEnabled()) {
                phone = PhoneSimulator.start(settings.phonePort(), settings.phoneEventsUrl(), phoneSecret);
                log.info("The phone simulator at {} sends signed call events to {} (infra/bin/phone)",
                        settings.phoneUrl(), settings.phoneEventsUrl());
            }
            return new LocalStack(settings, lock, mongo, kafka, identity, notifications, sms, phone);
        } catch (RuntimeException | Error e) {
            stopQuietly(phone);
            stopQuietly(sms);
            stopQuietly(notifications);
            stopQuietly(identity);
            stopQuietly(kafka);
            stopQuietly(mongo);
            release(lock);
            throw e;
        }
    }

    /** Every server of the stack needs its own port; one clear line when two are given the same. */
    private static void requireDifferentPorts(StackSettings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (settings.kafkaEnabled()) {
            ports.put("Kafka", settings.kafkaPort());
            ports.put("Kafka controller", settings.controllerPort());
        }
        if (settings.mongoEnabled()) {
            ports.put("MongoDB", settings.mongoPort());
        }
        if (settings.identityEnabled()) {
            ports.put("the identity server", settings.identityPort());
        }
        if (settings.notificationsEnabled()) {
            ports.put("the notification receiver", settings.notificationsPort());
        }
        if (settings.smsEnabled()) {
            ports.put("the SMS gateway", settings.smsPort());
        }
        if (settings.phoneEnabled()) {
            ports.put("the phone simulator", settings.phonePort());
        }
        if (new HashSet<>(ports.values()).size() < ports.size()) {
            throw new StartupException(and(List.copyOf(ports.keySet())) + " need " + ports.size()
                    + " different ports, not " + and(ports.values().stream().map(String::valueOf).toList()) + ".");
        }
    }

    /** "a, b and c". */
    private static String and(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }

    private static String requireSecret(Map<String, String> environment, String variable, String what) {
        String secret = environment.get(variable);
        if (secret == null || secret.isBlank()) {
            throw new StartupException(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1)
                    + " signs with the secret in " + variable + ", which is not set (./run keeps one in "
                    + ".local/secrets.env). Set it, or start the stack without it ("
                    + (variable.equals(SMS_SECRET) ? "--sms-port=0" : "--phone-port=0") + ").");
        }
        return secret;
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

    private void awaitClose() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the phone simulator, the SMS gateway, the notification receiver, the identity server, Kafka, then MongoDB;
     * the data stays on disk for the next start. Safe to call more than once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping the local stack");
        try {
            stopQuietly(phone);
            stopQuietly(sms);
            stopQuietly(notifications);
            stopQuietly(identity);
            stopQuietly(kafka);
        } finally {
            try {
                stopQuietly(mongo);
            } finally {
                release(dataDirLock);
                stopped.countDown();
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
