package com.caseflow.support.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * A CaseFlow service, started from its executable jar as a process of its own for a system test: its own database on
 * the embedded MongoDB-wire server, the test's broker, the test identity provider, real time. The jars are the ones
 * Maven resolved for the test module: its pom depends on the services and copies their jars to the directory named
 * by the system property {@value #JARS}, so the reactor builds them first.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The directory holding {@code <module>.jar} of each service. */
    public static final String JARS = "caseflow.service-jars";
    /** Where each service's log goes ({@code <module>.log}); a temporary file when not set. */
    public static final String LOGS = "caseflow.service-logs";

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final Process process;
    private final int port;
    private final String mongoUri;
    private final Path log;

    private ServiceProcess(Process process, int port, String mongoUri, Path log) {
        this.process = process;
        this.port = port;
        this.mongoUri = mongoUri;
        this.log = log;
    }

    public static ServiceProcess start(String module, String bootstrapServers, String... extraArguments)
            throws IOException {
        String mongoUri = EmbeddedMongo.freshDatabaseUri();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + mongoUri));
        for (Map.Entry<String, String> property : TestIdentityProvider.properties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        arguments.addAll(List.of(extraArguments));
        return launch(module, mongoUri, arguments);
    }

    /**
     * A service or the console with every setting given by the caller (broker, store, identity provider) — for a
     * system that runs its own infrastructure, such as the real identity server a browser signs in at.
     */
    public static ServiceProcess startWith(String module, int port, List<String> arguments) throws IOException {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=" + port);
        return launch(module, null, all, port);
    }

    private static ServiceProcess launch(String module, String mongoUri, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> all = new ArrayList<>(arguments);
        all.add(0, "--server.port=" + port);
        return launch(module, mongoUri, all, port);
    }

    private static ServiceProcess launch(String module, String mongoUri, List<String> arguments, int port)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai",
                "-jar", jar(module).toString()));
        command.addAll(arguments);
        Path log = System.getProperty(LOGS) == null ? Files.createTempFile(module + "-", ".log")
                : Files.createDirectories(Path.of(System.getProperty(LOGS))).resolve(module + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port, mongoUri, log);
        try {
            // four services starting side by side on two busy cores took close to three minutes
            service.awaitReady(Duration.ofSeconds(300));
        } catch (RuntimeException notReady) {
            process.destroyForcibly();
            throw notReady;
        }
        return service;
    }

    /**
     * A port nobody listens on now, for a process that must know its own port before it starts. Never the same port
     * twice in one JVM: a port handed out but not yet bound is free to the operating system, which may offer it again.
     */
    public static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The service's own database on the embedded MongoDB-wire server. */
    public String mongoUri() {
        return mongoUri;
    }

    private void awaitReady(Duration wait) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        await().atMost(wait).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static Path jar(String module) {
        String jars = System.getProperty(JARS);
        if (jars == null) {
            throw new IllegalStateException("no " + JARS + " property: run the system tests with Maven "
                    + "(./mvnw verify, or ./mvnw -pl system-tests -am verify)");
        }
        Path jar = Path.of(jars, module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": the system-tests module copies the services' jars there");
        }
        return jar;
    }
}
