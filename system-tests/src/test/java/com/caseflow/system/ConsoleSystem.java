package com.caseflow.system;

import com.caseflow.support.testing.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * CaseFlow as staff meet it in a browser: the local stack of {@code ./run} (a Kafka broker, the MongoDB-wire server,
 * the real identity server with its login page, the notification receiver, the phone-platform simulator and the SMS
 * gateway stand-in — infra's jar as one process) on free ports, intake, routing, follow-up and evaluation from their
 * jars (evaluation's scheduled draws and evaluations off, as in {@link CaseFlowSystem}), and the console the browser
 * talks to. The simulator posts signed call events to intake over HTTP, as a contact centre's
 * platform would. Started once per test JVM; stopped when it exits.
 */
final class ConsoleSystem {

    private static final String READY = "CaseFlow local stack ready:";
    private static final String PHONE_SECRET = "console-system-phone-secret";
    private static final String SMS_SECRET = "console-system-sms-secret";
    private static ConsoleSystem running;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process infra;
    private final List<ServiceProcess> services = new ArrayList<>();
    final int consolePort;
    final int phonePort;
    final int smsPort;
    private final int identityPort;
    private int kafkaPort;

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
            kafkaPort = kafka;
            int controller = ServiceProcess.freePort();
            int mongo = ServiceProcess.freePort();
            int identity = ServiceProcess.freePort();
            identityPort = identity;
            int notifications = ServiceProcess.freePort();
            consolePort = ServiceProcess.freePort();
            phonePort = ServiceProcess.freePort();
            smsPort = ServiceProcess.freePort();
            int intakePort = ServiceProcess.freePort();
            int followUpPort = ServiceProcess.freePort();
            infra = startInfra(List.of("--kafka-port=" + kafka, "--controller-port=" + controller,
                    "--mongo-port=" + mongo, "--identity-port=" + identity, "--notifications-port=" + notifications,
                    "--phone-port=" + phonePort, "--sms-port=" + smsPort,
                    "--phone-events-url=http://127.0.0.1:" + intakePort + "/api/v1/phone/events",
                    "--sms-replies-url=http://127.0.0.1:" + followUpPort + "/api/v1/sms/replies"));
            String brokers = "127.0.0.1:" + kafka;
            String issuer = "http://127.0.0.1:" + identity;
            List<String> common = List.of("--spring.kafka.bootstrap-servers=" + brokers,
                    "--caseflow.security.issuer=" + issuer);
            services.add(service("intake-service", intakePort, common, "--spring.mongodb.uri=mongodb://127.0.0.1:"
                    + mongo + "/intake", "--caseflow.phone.secret=" + PHONE_SECRET));
            services.add(service("routing-service", ServiceProcess.freePort(), common, "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo
                    + "/routing"));
            services.add(service("followup-service", followUpPort, common, "--spring.mongodb.uri=mongodb://127.0.0.1:"
                            + mongo + "/followup",
                    "--caseflow.followup.notifications.webhook=http://127.0.0.1:" + notifications + "/notifications",
                    "--caseflow.sms.secret=" + SMS_SECRET,
                    "--caseflow.sms.gateway-url=http://127.0.0.1:" + smsPort + "/sms/messages"));
            services.add(service("evaluation-service", ServiceProcess.freePort(), common,
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo + "/evaluation",
                    "--caseflow.evaluation.schedule.enabled=false",
                    "--caseflow.evaluation.spot-checks.schedule.enabled=false"));
            String intakeUrl = "http://127.0.0.1:" + services.get(0).port();
            String routingUrl = "http://127.0.0.1:" + services.get(1).port();
            String followUpUrl = "http://127.0.0.1:" + services.get(2).port();
            String evaluationUrl = "http://127.0.0.1:" + services.get(3).port();
            services.add(ServiceProcess.startWith("console", consolePort, List.of(
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.security.oauth2.client.provider.caseflow.issuer-uri=" + issuer,
                    "--caseflow.console.services.intake=" + intakeUrl,
                    "--caseflow.console.services.routing=" + routingUrl,
                    "--caseflow.console.services.followup=" + followUpUrl,
                    "--caseflow.console.services.evaluation=" + evaluationUrl,
                    // CI runs on a busy machine: a cold service's first Excel export outlasted the interactive 5 s
                    "--caseflow.console.services.read-timeout=30s")));
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

    /** The broker the services work on, for a test that publishes history as a service would have. */
    String kafkaBrokers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Evaluation's port, for a test that reads its API as a member of staff would with a token of their own. */
    int evaluationPort() {
        return services.get(3).port();
    }

    /**
     * An access token of a demo user from the real identity server, got as {@code infra/bin/token} gets it: the
     * authorization code flow of the public client {@code caseflow-cli} with PKCE, the login form with its CSRF token
     * in a cookie jar of its own, the code read from the redirect (never followed) and exchanged with the verifier.
     */
    String token(String staffId) {
        return StaffToken.of("http://127.0.0.1:" + identityPort, staffId, DemoPasswords.of(staffId));
    }

    private Process startInfra(List<String> options) throws IOException {
        Path jars = Path.of(System.getProperty(ServiceProcess.JARS));
        Path data = Files.createTempDirectory("caseflow-console-system");
        DemoPasswords.readFrom(data);
        Path log = logFile("infra");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jars.resolve("infra-exec.jar").toString(), "--data-dir=" + data));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CASEFLOW_PHONE_SECRET", PHONE_SECRET);
        builder.environment().put("CASEFLOW_SMS_SECRET", SMS_SECRET);
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

    private static ServiceProcess service(String module, int port, List<String> common, String... own)
            throws IOException {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(List.of(own));
        return ServiceProcess.startWith(module, port, arguments);
    }

    /** The phone simulator's control API, as {@code infra/bin/phone} uses it: returns the response's body. */
    String phone(String path, String json) {
        return post("http://127.0.0.1:" + phonePort + "/phone" + path, json);
    }

    /** What the SMS gateway stand-in received from follow-up, newest first (a JSON array). */
    String textMessages() {
        try {
            return HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + smsPort + "/sms/messages")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A customer's reply to a text, sent by the SMS stand-in to follow-up as the operator would. */
    String replyByText(String from, String text) {
        return post("http://127.0.0.1:" + smsPort + "/sms/replies",
                "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}");
    }

    private static String post(String url, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
