package com.caseflow.system;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's speed as staff feel it (issue 15), on the whole local stack of {@link ConsoleSystem}: engineering's
 * queue page with 500 open cases, and an agent's call from Ctrl+Enter to the stored contact shown (the form's
 * {@code POST /calls}) and to the case number shown (the page's {@code outcome} event) at 10 calls/s. A benchmark, not
 * a test of the targets: it fails only when the console fails (a refusal, a lost outcome, a call routed elsewhere),
 * and prints what it measured. Run by the {@code console-benchmark} profile only (docs/benchmarks.md).
 */
class ConsoleBenchmark {

    private static final int OPEN_CASES = 500;
    private static final int CALLS_PER_SECOND = 10;
    private static final int WARM_UP_SECONDS = 10;
    private static final int MEASURED_SECONDS = 60;
    private static final String ENGINEERING = "工程维修部";
    private static final Pattern COUNT = Pattern.compile("共 (\\d+) 件");
    private static final Pattern OUTCOME_STREAM = Pattern.compile("sse-connect=\"([^\"]+/outcome)\"");
    private static final Path REPORT = Path.of("target", "benchmark-console.txt");

    private final StringBuilder report = new StringBuilder();

    @Test
    void consoleSpeed() throws Exception {
        say("Console benchmark — %d cores, Java %s, load average %s at start", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), loadAverage());
        long started = System.nanoTime();
        ConsoleSystem system = ConsoleSystem.get();
        say("stack started in %.0f s (infra, intake, routing, follow-up, console; services -Xmx256m C1 SerialGC)",
                seconds(started));
        String base = system.url();
        List<ConsoleSession> agents = List.of(ConsoleSession.signIn(base, "A001").withCsrfFrom("/calls/new"),
                ConsoleSession.signIn(base, "A002").withCsrfFrom("/calls/new"));
        ConsoleSession engineer = ConsoleSession.signIn(base, "D-ENG-01");
        BenchmarkCalls calls = new BenchmarkCalls();

        seed(agents, engineer, calls);
        say("load average after seeding: %s", loadAverage());

        Metrics before = Metrics.scrape(engineer);
        Histogram page = measure("GET /queue (full page: 20 of 500 rows, most urgent first)", 50, 300,
                () -> engineer.get("/queue"));
        Metrics after = Metrics.scrape(engineer);
        whereTimeGoes(before, after, "GET", "/queue");
        measure("GET /queue/table (htmx: the table alone, page 1)", 50, 300,
                () -> engineer.htmxGet("/queue/table?department=ENGINEERING"));
        measure("GET /queue/table?page=24 (the last page, rows 481-500)", 20, 100,
                () -> engineer.htmxGet("/queue/table?department=ENGINEERING&page=24"));
        say("load average after the queue pages: %s", loadAverage());

        before = Metrics.scrape(engineer);
        CallRun run = callsAtRate(agents, calls);
        after = Metrics.scrape(engineer);
        say("%d calls/s for %d s after %d s of warm-up, two agents (A001, A002): %d calls measured, offered over "
                        + "%.1f s (%.1f calls/s)", CALLS_PER_SECOND, MEASURED_SECONDS, WARM_UP_SECONDS, run.measured,
                run.offeredSeconds, run.measured / run.offeredSeconds);
        say(line("POST /calls (Ctrl+Enter → 已登记 shown)", run.recorded));
        say(line("POST start → SSE event:outcome (case number shown)", run.caseShown));
        whereTimeGoes(before, after, "POST", "/calls");
        say("load average at the end: %s", loadAverage());
        say("targets (p95): queue page < 150 ms: %s; POST /calls < 300 ms: %s; case number < 2 s: %s",
                verdict(page, 150), verdict(run.recorded, 300), verdict(run.caseShown, 2_000));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);

        assertThat(run.failures.get()).as("calls refused, outcomes lost or routed elsewhere: %s", run.failureSamples)
                .isZero();
    }

    /** 500 open cases in engineering, recorded through the agents' call form, the first few followed to their case. */
    private void seed(List<ConsoleSession> agents, ConsoleSession engineer, BenchmarkCalls calls) throws Exception {
        long started = System.nanoTime();
        for (int probe = 0; probe < 4; probe++) {
            String outcome = caseShown(agents.get(0), calls.next());
            assertThat(outcome).as("each kind of repair goes to engineering").contains(ENGINEERING);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, daemons());
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (int i = 4; i < OPEN_CASES; i++) {
            ConsoleSession agent = agents.get(i % agents.size());
            Map<String, String> call = calls.next();
            recorded.add(CompletableFuture.runAsync(() -> streamOf(agent.htmxPost("/calls", call)), pool));
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        pool.shutdown();
        say("%d calls recorded through the console in %.0f s", OPEN_CASES, seconds(started));
        await("engineering's queue holding " + OPEN_CASES + " open cases (a call routed elsewhere keeps it short)")
                .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> queueCount(engineer) >= OPEN_CASES);
        assertThat(queueCount(engineer)).as("every seeded call one open case in engineering").isEqualTo(OPEN_CASES);
        say("engineering's queue holds %d open cases, %.0f s after the first call", OPEN_CASES, seconds(started));
    }

    private static int queueCount(ConsoleSession engineer) {
        Matcher count = COUNT.matcher(engineer.htmxGet("/queue/table?department=ENGINEERING").body());
        return count.find() ? Integer.parseInt(count.group(1)) : -1;
    }

    private Histogram measure(String what, int warmUp, int times, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < warmUp; i++) {
            check(request.get());
        }
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.get();
            histogram.recordValue(micros(start));
            check(response);
        }
        say(line(what + ", one after another", histogram));
        return histogram;
    }

    private static void check(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
        assertThat(page.body()).contains("共 " + OPEN_CASES + " 件");
    }

    private static final class CallRun {
        final Histogram recorded = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final Histogram caseShown = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final AtomicInteger failures = new AtomicInteger();
        final Map<String, String> failureSamples = new ConcurrentHashMap<>();
        int measured;
        double offeredSeconds;

        void failed(String why) {
            failures.incrementAndGet();
            if (failureSamples.size() < 5) {
                failureSamples.put(why, why);
            }
        }
    }

    /**
     * Calls started at a fixed rate whatever the console's pace (an open model, as a switchboard is), each followed as
     * the agent's page follows it: the POST, then the outcome stream opened as soon as the POST answers.
     */
    private static CallRun callsAtRate(List<ConsoleSession> agents, BenchmarkCalls calls) throws Exception {
        CallRun run = new CallRun();
        int warmUp = WARM_UP_SECONDS * CALLS_PER_SECOND;
        int total = warmUp + MEASURED_SECONDS * CALLS_PER_SECOND;
        ExecutorService callers = Executors.newCachedThreadPool(daemons());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemons());
        List<CompletableFuture<Void>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        long[] firstMeasuredAt = new long[1];
        long[] lastAt = new long[1];
        CompletableFuture<Void> allIssued = new CompletableFuture<>();
        clock.scheduleAtFixedRate(() -> {
            int n = issued.getAndIncrement();
            if (n >= total) {
                allIssued.complete(null);
                return;
            }
            boolean measured = n >= warmUp;
            if (n == warmUp) {
                firstMeasuredAt[0] = System.nanoTime();
            }
            lastAt[0] = System.nanoTime();
            ConsoleSession agent = agents.get(n % agents.size());
            Map<String, String> call = calls.next();
            all.add(CompletableFuture.runAsync(() -> oneCall(agent, call, measured ? run : null), callers));
        }, 0, 1_000_000 / CALLS_PER_SECOND, TimeUnit.MICROSECONDS);
        allIssued.get(MEASURED_SECONDS + WARM_UP_SECONDS + 120, TimeUnit.SECONDS);
        clock.shutdown();
        run.measured = total - warmUp;
        run.offeredSeconds = (lastAt[0] - firstMeasuredAt[0]) / 1e9 + 1.0 / CALLS_PER_SECOND;
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a measured call threw instead of being counted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            long open = all.stream().filter(f -> !f.isDone()).count();
            for (int i = 0; i < open; i++) {
                run.failed("no outcome within 180 s of the last call");
            }
        }
        return run;
    }

    private static void oneCall(ConsoleSession agent, Map<String, String> call, CallRun run) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> answer = agent.htmxPost("/calls", call);
            long recordedAt = System.nanoTime();
            String stream = streamOf(answer);
            Optional<String> outcome = agent.awaitEvent(stream, "outcome");
            long shownAt = System.nanoTime();
            if (outcome.isEmpty() || !outcome.get().contains(ENGINEERING)) {
                throw new IllegalStateException("outcome " + outcome.orElse("missing"));
            }
            if (run != null) {
                run.recorded.recordValue(TimeUnit.NANOSECONDS.toMicros(recordedAt - start));
                run.caseShown.recordValue(TimeUnit.NANOSECONDS.toMicros(shownAt - start));
            }
        } catch (RuntimeException e) {
            if (run != null) {
                run.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            } else {
                throw e;
            }
        }
    }

    /** The call's outcome as the agent's page shows it: the case number and department. */
    private static String caseShown(ConsoleSession agent, Map<String, String> call) {
        return agent.awaitEvent(streamOf(agent.htmxPost("/calls", call)), "outcome")
                .orElseThrow(() -> new IllegalStateException("the outcome stream ended without an outcome"));
    }

    /** The page's outcome stream, from the answer to the form: the contact is stored and shown as 已登记. */
    private static String streamOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 200 || !answer.body().contains("已登记")) {
            throw new IllegalStateException("POST /calls answered " + answer.statusCode());
        }
        Matcher stream = OUTCOME_STREAM.matcher(answer.body());
        if (!stream.find()) {
            throw new IllegalStateException("no outcome stream in the answer");
        }
        return stream.group(1);
    }

    /** The console's own time for a page and the time it waited for the services, as means over the window. */
    private void whereTimeGoes(Metrics before, Metrics after, String method, String uri) {
        if (before == null || after == null) {
            say("  (the console's metrics were not readable)");
            return;
        }
        String server = "http_server_requests_seconds";
        String client = "http_client_requests_seconds";
        double pages = after.count(server, method, uri) - before.count(server, method, uri);
        double serverSeconds = after.sum(server, method, uri) - before.sum(server, method, uri);
        StringBuilder calls = new StringBuilder();
        for (String clientMethod : List.of("GET", "POST")) {
            double n = after.count(client, clientMethod, null) - before.count(client, clientMethod, null);
            double s = after.sum(client, clientMethod, null) - before.sum(client, clientMethod, null);
            if (n > 0) {
                calls.append(String.format("; %.1f service %s per request, %.1f ms each", n / pages, clientMethod,
                        s * 1000 / n));
            }
        }
        say("  console's metrics, %s %s: %.0f requests, mean %.1f ms in the console's server%s", method, uri, pages,
                serverSeconds * 1000 / pages, calls);
    }

    /** Micrometer's Prometheus page of the console, read with a signed-in session. */
    private record Metrics(List<String> lines) {

        static Metrics scrape(ConsoleSession session) {
            HttpResponse<String> page = session.get("/actuator/prometheus");
            return page.statusCode() == 200 ? new Metrics(page.body().lines().toList()) : null;
        }

        double count(String metric, String method, String uri) {
            return total(metric + "_count", method, uri);
        }

        double sum(String metric, String method, String uri) {
            return total(metric + "_sum", method, uri);
        }

        private double total(String name, String method, String uri) {
            return lines.stream().filter(l -> l.startsWith(name + "{"))
                    .filter(l -> l.contains("method=\"" + method + "\""))
                    .filter(l -> uri == null || l.contains("uri=\"" + uri + "\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
    }

    private static String line(String what, Histogram h) {
        return String.format("%-58s n=%5d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms", what,
                h.getTotalCount(), ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1000.0);
    }

    private static String verdict(Histogram h, long targetMs) {
        return String.format("%.0f ms, %s", ms(h, 95), ms(h, 95) < targetMs ? "met" : "MISSED");
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static long micros(long startNanos) {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException notLinux) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void say(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
