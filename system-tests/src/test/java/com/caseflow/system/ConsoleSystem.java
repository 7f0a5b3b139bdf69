package com.caseflow.system;

import com.caseflow.support.testing.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * CaseFlow as staff meet it in a browser: the local stack of {@code ./run} (a Kafka broker, the MongoDB-wire server,
 * the real identity server with its login page, the notification receiver — infra's jar as one process) on free
 * ports, intake, routing and follow-up from their jars, and the console the browser talks to. Started once per test
 * JVM; stopped when it exits.
 */
final class ConsoleSystem {

    private static final String READY = "CaseFlow local stack ready:";
    private static ConsoleSystem running;

    private final Process infra;
    private final List<ServiceProcess> services = new ArrayList<>();
    final int consolePort;

    static synchronized ConsoleSystem get() {
        if (running == null) {
            running = new ConsoleSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    private ConsoleSystem() {
        try {
            int kafka = ServiceProcess.freePort();
            int controller = ServiceProcess.freePort();
            int mongo = ServiceProcess.freePort();
            int identity = ServiceProcess.freePort();
            int notifications = ServiceProcess.freePort();
            consolePort = ServiceProcess.freePort();
            infra = startInfra(kafka, controller, mongo, identity, notifications);
            String brokers = "127.0.0.1:" + kafka;
            String issuer = "http://127.0.0.1:" + identity;
            List<String> common = List.of("--spring.kafka.bootstrap-servers=" + brokers,
                    "--caseflow.security.issuer=" + issuer);
            services.add(service("intake-service", common, "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo
                    + "/intake"));
            services.add(service("routing-service", common, "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo
                    + "/routing"));
            services.add(service("followup-service", common, "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo
                            + "/followup",
                    "--caseflow.followup.notifications.webhook=http://127.0.0.1:" + notifications + "/notifications"));
            String intakeUrl = "http://127.0.0.1:" + services.get(0).port();
            String routingUrl = "http://127.0.0.1:" + services.get(1).port();
            String followUpUrl = "http://127.0.0.1:" + services.get(2).port();
            services.add(ServiceProcess.startWith("console", consolePort, List.of(
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.security.oauth2.client.provider.caseflow.issuer-uri=" + issuer,
                    "--caseflow.console.services.intake=" + intakeUrl,
                    "--caseflow.console.services.routing=" + routingUrl,
                    "--caseflow.console.services.followup=" + followUpUrl,
                    "--caseflow.console.services.evaluation=http://127.0.0.1:1")));
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + consolePort;
    }

    private Process startInfra(int kafka, int controller, int mongo, int identity, int notifications)
            throws IOException {
        Path jars = Path.of(System.getProperty(ServiceProcess.JARS));
        Path data = Files.createTempDirectory("caseflow-console-system");
        Path log = logFile("infra");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jars.resolve("infra-exec.jar").toString(), "--data-dir=" + data, "--kafka-port=" + kafka,
                "--controller-port=" + controller, "--mongo-port=" + mongo, "--identity-port=" + identity,
                "--notifications-port=" + notifications)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the identity server lets the console's login come back to this test's console only
        builder.environment().put("CASEFLOW_CONSOLE_REDIRECT_URIS",
                "http://127.0.0.1:" + consolePort + "/login/oauth2/code/caseflow");
        builder.environment().put("CASEFLOW_CONSOLE_LOGOUT_URIS", "http://127.0.0.1:" + consolePort + "/signed-out");
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("infra exited: " + Files.readString(log));
            }
            return Files.readString(log).contains(READY);
        });
        return process;
    }

    private static ServiceProcess service(String module, List<String> common, String... own) throws IOException {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(List.of(own));
        return ServiceProcess.startWith(module, ServiceProcess.freePort(), arguments);
    }

    private static Path logFile(String name) throws IOException {
        String logs = System.getProperty(ServiceProcess.LOGS);
        return logs == null ? Files.createTempFile(name + "-", ".log")
                : Files.createDirectories(Path.of(logs)).resolve(name + ".log");
    }

    /** Every process told to stop at once, then waited for: one after the other took longer than a JVM may exit in. */
    private void stop() {
        List<ProcessHandle> processes = new ArrayList<>();
        services.forEach(service -> processes.add(service.handle()));
        if (infra != null) {
            processes.add(infra.toHandle());
        }
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                process.destroyForcibly();
            }
        }
    }
}
