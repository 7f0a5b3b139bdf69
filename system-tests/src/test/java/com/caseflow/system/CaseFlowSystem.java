package com.caseflow.system;

import com.caseflow.events.Topics;
import com.caseflow.support.testing.ServiceProcess;
import com.sun.net.httpserver.HttpServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * CaseFlow as the scenarios meet it: one real Kafka broker (KRaft), every service started from its jar as a process
 * of its own on the embedded MongoDB-wire server, the test identity provider and a receiver standing in for the
 * notification gateway and the SMS gateway. Texts to customers are sent at any hour here (no quiet hours), since the
 * scenarios run on real time. Every process keeps real time, so no scenario depends on the date it runs. Started once per
 * test JVM and shared by the scenarios (each works on contacts, cases and agents of its own); stopped when the JVM
 * exits.
 */
final class CaseFlowSystem {

    private static CaseFlowSystem running;

    final EmbeddedKafkaKraftBroker broker;
    final ServiceProcess intake;
    final ServiceProcess routing;
    final ServiceProcess followUp;
    final ServiceProcess evaluation;
    private final HttpServer gateway;
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    static final String PHONE_SECRET = "system-test-phone-secret";
    static final String SMS_SECRET = "system-test-sms-secret";

    static synchronized CaseFlowSystem get() {
        if (running == null) {
            running = new CaseFlowSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    private CaseFlowSystem() {
        broker = new EmbeddedKafkaKraftBroker(1, Topics.LOCAL_PARTITIONS, Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetter(t))).toArray(String[]::new));
        broker.afterPropertiesSet();
        gateway = receiver();
        String brokers = broker.getBrokersAsString();
        CompletableFuture<ServiceProcess> intakeStarting = start("intake-service", brokers,
                "--caseflow.phone.secret=" + PHONE_SECRET);
        CompletableFuture<ServiceProcess> routingStarting = start("routing-service", brokers);
        CompletableFuture<ServiceProcess> followUpStarting = start("followup-service", brokers,
                "--caseflow.followup.notifications.webhook=http://127.0.0.1:" + gateway.getAddress().getPort()
                        + "/notifications",
                "--caseflow.followup.notifications.secret=system-test-secret",
                "--caseflow.sms.gateway-url=http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/messages",
                "--caseflow.sms.secret=" + SMS_SECRET,
                "--caseflow.sms.quiet-from=00:00", "--caseflow.sms.quiet-until=00:00");
        CompletableFuture<ServiceProcess> evaluationStarting = start("evaluation-service", brokers,
                "--caseflow.evaluation.schedule.enabled=false",
                "--caseflow.evaluation.spot-checks.schedule.enabled=false");
        try {
            intake = intakeStarting.join();
            routing = routingStarting.join();
            followUp = followUpStarting.join();
            evaluation = evaluationStarting.join();
        } catch (CompletionException notStarted) {
            Stream.of(intakeStarting, routingStarting, followUpStarting, evaluationStarting)
                    .forEach(starting -> starting.thenAccept(CaseFlowSystem::close));
            gateway.stop(0);
            broker.destroy();
            throw notStarted;
        }
    }

    private static CompletableFuture<ServiceProcess> start(String module, String brokers, String... arguments) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ServiceProcess.start(module, brokers, arguments);
            } catch (IOException e) {
                throw new UncheckedIOException(module + " did not start", e);
            }
        });
    }

    /** Takes what follow-up sends to the company's gateways (notifications, texts), keeps it and says it arrived. */
    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/notifications", exchange -> {
                notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.createContext("/sms/messages", exchange -> {
                texts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies follow-up posted to the company's gateway, oldest first. */
    List<String> notifications() {
        return List.copyOf(notifications);
    }

    /** The bodies follow-up posted to the SMS gateway, oldest first. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    String brokers() {
        return broker.getBrokersAsString();
    }

    /**
     * Every service told to stop at once, then waited for: one after the other outlasted the 30 s failsafe gives a
     * JVM to exit, and the last service was left running.
     */
    private void stop() {
        List<ProcessHandle> services = Stream.of(intake, routing, followUp, evaluation)
                .map(ServiceProcess::handle).toList();
        services.forEach(ProcessHandle::destroy);
        for (ProcessHandle service : services) {
            try {
                service.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                service.destroyForcibly();
            }
        }
        gateway.stop(0);
        broker.destroy();
    }

    private static void close(ServiceProcess process) {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
