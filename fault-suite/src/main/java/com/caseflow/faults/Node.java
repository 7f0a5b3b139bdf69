package com.caseflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process of the stack under test — the broker, the store or one instance of a service — that the suite can start,
 * kill, freeze and thaw. Its output is appended to one log across restarts.
 */
final class Node {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    /** The HTTP port of a service; 0 for the broker and the store, which say they are ready in their log. */
    private final int port;
    private final String readyLine;
    private final Path pids;
    private volatile Process process;
    private volatile boolean retired;
    private long logOffset;

    private Node(String name, List<String> command, Path log, int port, String readyLine) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.port = port;
        this.readyLine = readyLine;
        this.pids = log.resolveSibling("pids");
    }

    static Node service(String name, List<String> command, Path log, int port) {
        return new Node(name, command, log, port, null);
    }

    static Node infrastructure(String name, List<String> command, Path log, String readyLine) {
        return new Node(name, command, log, 0, readyLine);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (retired) {
            throw new IllegalStateException(name + " is not started again: the suite is stopping");
        }
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The developer's own settings (CASEFLOW_ISSUER, SPRING_PROFILES_ACTIVE…) would point it elsewhere.
            builder.environment().keySet().removeIf(key -> key.startsWith("CASEFLOW_") || key.startsWith("SPRING_"));
            process = builder.start();
            // A suite killed itself (-9, out of memory) cannot stop its processes; the next run stops them.
            Files.writeString(pids, process.pid() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    void awaitReady(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + wait.toSeconds() + " s; see " + log);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private boolean ready() {
        if (port == 0) {
            try {
                byte[] bytes = Files.readAllBytes(log);
                int from = (int) Math.min(logOffset, bytes.length);
                return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).contains(readyLine);
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpRequest readiness = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** No start after this: the suite is stopping, and a fault must not start a process it would leave behind. */
    void retire() {
        retired = true;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the consumer group, no flush. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, as an orchestrator stops a process; SIGKILL if it has not gone within 30 s. */
    synchronized void stop() {
        if (alive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a broker stuck in a long GC pause or on I/O. */
    void freeze() {
        signal("STOP");
    }

    void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean waitFor(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static boolean await(Duration wait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(250));
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
