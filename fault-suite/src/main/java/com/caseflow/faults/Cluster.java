package com.caseflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The system under test on this machine, each part a process of its own: the Kafka broker alone and MongoDB alone (so
 * that each can be killed or frozen alone: a frozen store must not freeze the identity server or the notification
 * receiver with it), the identity server with the notification receiver, and every service — on free ports and in a
 * fresh directory, so that it runs beside {@code ./run} and starts from nothing.
 */
final class Cluster implements AutoCloseable {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "followup-service",
            "evaluation-service");
    static final String READY = "CaseFlow local stack ready:";
    /** A service started in 260–280 s while the machine ran at a load of 50 on 2 cores (other builds): CI is like that. */
    private static final Duration START_WAIT = Duration.ofSeconds(480);
    /** The services' producer delivery timeout (also their default): the broker is frozen for longer than this. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final Path work;
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int mongoPort = freePort();
    private final int identityPort = freePort();
    private final int notificationsPort = freePort();
    private final Node kafka;
    private final Node store;
    private final Node identity;
    private final Map<String, List<Node>> services = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    Cluster(Path root, Path work) {
        this.root = root;
        this.work = work.toAbsolutePath().normalize();
        try {
            stopLeftovers(this.work);
            if (Files.exists(this.work)) {
                try (Stream<Path> old = Files.walk(this.work)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(this.work.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = Node.infrastructure("kafka", infra("kafka", "--kafka-port=" + kafkaPort,
                "--controller-port=" + controllerPort, "--mongo-port=0", "--identity-port=0",
                "--notifications-port=0"), this.work.resolve("logs/kafka.log"), READY);
        store = Node.infrastructure("store", infra("store", "--kafka-port=0", "--mongo-port=" + mongoPort,
                "--identity-port=0", "--notifications-port=0"), this.work.resolve("logs/store.log"), READY);
        identity = Node.infrastructure("identity", infra("identity", "--kafka-port=0", "--mongo-port=0",
                "--identity-port=" + identityPort, "--notifications-port=" + notificationsPort),
                this.work.resolve("logs/identity.log"), READY);
        SERVICES.forEach(name -> services.put(name, new ArrayList<>()));
    }

    /** Processes a previous run started under this directory and could not stop (it was killed itself). */
    private static void stopLeftovers(Path work) throws IOException {
        Path pids = work.resolve("logs/pids");
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker(work))).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** On every process's command line, so that a later run recognises the processes of this one. */
    private static String marker(Path work) {
        return "-Dfault-suite.stack=" + work;
    }

    /** Starts the broker, the store and the identity server, then one instance of every service, all at once. */
    void start() {
        kafka.start();
        store.start();
        identity.start();
        kafka.awaitReady(START_WAIT);
        store.awaitReady(START_WAIT);
        identity.awaitReady(START_WAIT);
        List<Node> first = SERVICES.stream().map(this::newInstance).toList();
        first.forEach(Node::start);
        first.forEach(node -> node.awaitReady(START_WAIT));
    }

    /**
     * The services' consumer session timeout ({@code session.timeout.ms} in their application.yml): a consumer frozen
     * longer than this is removed from its group.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    /** One more instance of each of the services, started at once. */
    void addInstances(List<String> services) {
        services.stream().map(s -> CompletableFuture.runAsync(() -> addInstance(s))).toList()
                .forEach(CompletableFuture::join);
    }

    /** Starts one more instance of a service (same consumer group, same database) and waits until it is ready. */
    Node addInstance(String service) {
        Node node = newInstance(service);
        node.start();
        node.awaitReady(START_WAIT);
        return node;
    }

    private synchronized Node newInstance(String service) {
        List<Node> instances = services.get(service);
        int port = freePort();
        String name = service + (instances.isEmpty() ? "" : "#" + (instances.size() + 1));
        List<String> command = new ArrayList<>(List.of(java(), marker(work), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jar(service).toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/" + database(service),
                "--caseflow.security.issuer=" + identityUrl(),
                "--spring.kafka.producer.properties[delivery.timeout.ms]=" + DELIVERY_TIMEOUT.toMillis()));
        command.addAll(serviceSettings(service));
        Node node = Node.service(name, command, work.resolve("logs/" + name + ".log"), port);
        instances.add(node);
        return node;
    }

    /**
     * Business hours around the clock (routing's 24×7 calendar for every department), so that deadlines run down
     * whatever the day the suite runs on, and follow-up's reminders early in a deadline, so that a run of minutes
     * sees reminders fire (and can count duplicates).
     */
    private List<String> serviceSettings(String service) {
        List<String> settings = new ArrayList<>();
        if (service.equals("routing-service")) {
            // every demo department works on the built-in 24×7 calendar; follow-up and evaluation count in it too
            settings.add("--caseflow.routing.demo-calendar=24X7");
        }
        if (service.equals("followup-service")) {
            settings.addAll(List.of("--caseflow.followup.timers.reminder-share=0.005",
                    "--caseflow.followup.timers.poll-interval=5s",
                    "--caseflow.followup.notifications.webhook=" + notificationsUrl(),
                    // texts to customers wait as PENDING: the suite accounts for contacts and cases, not texts, and
                    // must not send to the SMS stand-in of a ./run beside it
                    "--caseflow.sms.gateway-url="));
        }
        return settings;
    }

    static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    Node kafka() {
        return kafka;
    }

    /** The MongoDB-wire server every service stores in, a process of its own. */
    Node store() {
        return store;
    }

    /** Where follow-up delivers its reminders and escalations (infra's notification receiver). */
    String notificationsUrl() {
        return "http://127.0.0.1:" + notificationsPort + "/notifications";
    }

    /** The first instance of a service, the one that runs throughout. */
    Node service(String name) {
        return services.get(name).get(0);
    }

    synchronized List<Node> instances(String service) {
        return List.copyOf(services.get(service));
    }

    /** Stops the extra instances of a service (SIGTERM) and forgets them. */
    synchronized void removeExtraInstances(String service) {
        List<Node> instances = services.get(service);
        List<Node> extra = new ArrayList<>(instances.subList(1, instances.size()));
        extra.forEach(Node::stop);
        instances.removeAll(extra);
    }

    /** Restarts the given nodes at once and waits until each is ready. */
    static void restart(List<Node> nodes) {
        nodes.forEach(Node::start);
        nodes.forEach(node -> node.awaitReady(START_WAIT));
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    String identityUrl() {
        return "http://127.0.0.1:" + identityPort;
    }

    /** The demo users' passwords, made by the identity server (in the identity's infra process) on its start. */
    Path demoUsers() {
        return work.resolve("identity").resolve("identity").resolve("demo-users.txt");
    }

    String serviceUrl(String service) {
        return "http://127.0.0.1:" + service(service).port();
    }

    private List<String> infra(String part, String... options) {
        // the load keeps the tokens it got at the start for the whole run, longer than the 15 minutes they last
        List<String> command = new ArrayList<>(List.of(java(), marker(work), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseG1GC", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-DCASEFLOW_CLI_TOKEN_TTL=24h",
                "-jar", root.resolve("infra/target").resolve(jarName("infra", "-exec")).toString(),
                "--data-dir=" + work.resolve(part)));
        command.addAll(List.of(options));
        return command;
    }

    private Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(jarName(module, ""));
    }

    private String jarName(String module, String classifier) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(module + "-[0-9][^-]*(-SNAPSHOT)?" + classifier + "\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + target
                            + ": build first (./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build first (./mvnw -DskipTests package)", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Never the same port twice: one handed out but not yet bound may be offered again by the operating system. */
    private static synchronized int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Services first (they leave their groups while the broker is there), then the broker and the store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        kafka.retire();
        store.retire();
        identity.retire();
        services.values().forEach(instances -> instances.forEach(Node::retire));
        // services leaving their groups or flushing their outboxes would wait on a frozen broker or store
        List.of(kafka, store).stream().filter(Node::alive).forEach(Node::thaw);
        services.values().forEach(instances -> instances.stream().filter(Node::alive).forEach(Node::thaw));
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        services.values().forEach(instances -> instances.forEach(node ->
                stopping.add(CompletableFuture.runAsync(node::stop))));
        stopping.forEach(CompletableFuture::join);
        CompletableFuture.allOf(CompletableFuture.runAsync(kafka::stop), CompletableFuture.runAsync(store::stop),
                CompletableFuture.runAsync(identity::stop)).join();
    }
}
