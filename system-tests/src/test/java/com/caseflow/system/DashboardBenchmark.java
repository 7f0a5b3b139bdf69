package com.caseflow.system;

import com.caseflow.support.testing.ServiceProcess;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The managers' dashboard for a month of 1,000,000 contacts by 500 agents (issue 17, "Speed": under 500 ms p95), on a
 * stack of its own on free ports: infra's jar (Kafka, the MongoDB-wire server, the real identity server), intake,
 * routing, the console, and evaluation-service from its own jar with the evaluation benchmark's data set loaded into
 * it ({@code SeededEvaluationService}: November 2024 and October for the change, agents, projects, hotlines and
 * departments). Routing holds open cases across its departments, recorded through the agents' call form. Then the
 * manager's {@code GET /dashboard} for November, one request after another after a warm-up, timed from the request to
 * the last byte of the page, and what each service call cost on the services' own metrics. A benchmark, not a test of
 * the target: it fails only when the dashboard does. Run by the {@code dashboard-benchmark} profile only
 * (docs/benchmarks.md).
 */
class DashboardBenchmark {

    private static final int CONTACTS = Integer.getInteger("bench.contacts", 1_000_000);
    private static final int AGENTS = Integer.getInteger("bench.agents", 500);
    private static final int OPEN_CASES = Integer.getInteger("bench.openCases", 1_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 20);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 120);
    private static final String MONTH = "from=2024-11-01&to=2024-11-30";
    private static final String LOADED = "Benchmark data set loaded:";
    private static final Pattern OUTCOME_STREAM = Pattern.compile("sse-connect=\"([^\"]+/outcome)\"");
    private static final Map<String, String> DEPARTMENT_NAMES = Map.of("客服中心", "CUSTOMER_SERVICE",
            "工程维修部", "ENGINEERING", "物业管理部", "PROPERTY_MANAGEMENT", "销售部", "SALES", "交付部", "HANDOVER",
            "产权证办理部", "TITLE", "财务部", "FINANCE", "法务部", "LEGAL");
    /** The call form's categories, so that the cases spread over the departments as a month's do. */
    private static final List<String> CATEGORIES = List.of("REPAIR", "PROPERTY_MANAGEMENT", "REPAIR", "HANDOVER",
            "TITLE", "PAYMENT", "SALES", "PROPERTY_MANAGEMENT", "COMPLAINT", "REPAIR");
    private static final Path REPORT = Path.of("target", "benchmark-dashboard.txt");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Stack stack;
    private final StringBuilder report = new StringBuilder();

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void dashboardOfAMonthOfAMillionContacts() throws Exception {
        say("Dashboard benchmark — %d cores, Java %s, load average %s at start", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), loadAverage());
        long started = System.nanoTime();
        stack = new Stack();
        say("stack started in %.0f s (infra, intake, routing, evaluation with the data set, console; services "
                + "-Xmx256m C1 SerialGC)", seconds(started));
        String base = stack.consoleUrl();
        List<ConsoleSession> agents = List.of(ConsoleSession.signIn(base, "A001").withCsrfFrom("/calls/new"),
                ConsoleSession.signIn(base, "A002").withCsrfFrom("/calls/new"));
        Map<String, Long> openCases = seed(agents);
        say("open cases by department: %s", openCases);
        stack.awaitDataSet();
        say("evaluation's data set: %s", stack.dataSetLine());
        say("load average before measuring: %s", loadAverage());

        ConsoleSession manager = ConsoleSession.signIn(base, "M001");
        long warmUpStarted = System.nanoTime();
        int timedOut = 0;
        for (int i = 0; i < WARM_UP; i++) {
            try {
                check(manager.get("/dashboard?" + MONTH));
            } catch (java.io.UncheckedIOException coldAndLoaded) {
                // the first pages of cold processes on a loaded machine took longer than the session waits (run 1)
                timedOut++;
                say("  warm-up page %d not read to its end: %s", i + 1, coldAndLoaded.getMessage());
            }
        }
        say("warm-up: %d pages in %.0f s, %d of them not read to their end", WARM_UP, seconds(warmUpStarted),
                timedOut);
        Metrics console = Metrics.of(manager.get("/actuator/prometheus"));
        Metrics evaluation = Metrics.of(stack.metrics(stack.evaluationPort));
        Metrics routing = Metrics.of(stack.metrics(stack.routingPort));
        Histogram pages = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long bytes = 0;
        List<String> failures = new ArrayList<>();
        String loadDuring = "";
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page;
            try {
                page = manager.get("/dashboard?" + MONTH);
            } catch (java.io.UncheckedIOException unanswered) {
                pages.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                failures.add(unanswered.getMessage());
                continue;
            }
            pages.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            check(page);
            bytes += page.body().length();
            if (i == REQUESTS / 2) {
                loadDuring = loadAverage();
            }
        }
        say(line("GET /dashboard?" + MONTH + " (full page), one after another", pages));
        say("  %d characters per page on average; load average half-way: %s", bytes / Math.max(1,
                REQUESTS - failures.size()), loadDuring);
        if (!failures.isEmpty()) {
            say("  %d pages not read to their end (counted at the time the client gave up): %s", failures.size(),
                    failures.stream().distinct().toList());
        }
        whereTimeGoes(console.since(Metrics.of(manager.get("/actuator/prometheus"))), "console", "/dashboard");
        whereTimeGoes(evaluation.since(Metrics.of(stack.metrics(stack.evaluationPort))), "evaluation", null);
        whereTimeGoes(routing.since(Metrics.of(stack.metrics(stack.routingPort))), "routing", null);
        drillDown(manager);
        say("load average at the end: %s", loadAverage());
        say("target (p95 < 500 ms): %.0f ms, %s", ms(pages, 95), ms(pages, 95) < 500 ? "met" : "MISSED");
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
    }

    /**
     * The list behind a department's bar (20 a page): what one of routing's department queries costs, the kind of
     * query the dashboard made twice per department before routing counted them all in one answer.
     */
    private void drillDown(ConsoleSession manager) throws Exception {
        Metrics routing = Metrics.of(stack.metrics(stack.routingPort));
        Histogram lists = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        List<String> departments = List.of("ENGINEERING", "PROPERTY_MANAGEMENT", "FINANCE", "SALES");
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            HttpResponse<String> list = manager.get("/dashboard/cases?department="
                    + departments.get(i % departments.size()) + (i % 2 == 0 ? "" : "&overdue=true"));
            if (i >= 8) {
                lists.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            }
            assertThat(list.statusCode()).isEqualTo(200);
        }
        say(line("GET /dashboard/cases?department=… (drill-down list, 20 a page)", lists));
        Map<String, double[]> byUri = routing.since(Metrics.of(stack.metrics(stack.routingPort)))
                .byUri("http_server_requests_seconds");
        double[] queue = byUri.getOrDefault("/api/v1/departments/{code}/cases", new double[2]);
        if (queue[0] > 0) {
            say("  routing    %-45s %5.0f requests, mean %6.1f ms", "/api/v1/departments/{code}/cases", queue[0],
                    queue[1] * 1000 / queue[0]);
        }
    }

    /** Open cases recorded through the agents' call form, each followed to its case; by department. */
    private Map<String, Long> seed(List<ConsoleSession> agents) throws Exception {
        long started = System.nanoTime();
        BenchmarkCalls calls = new BenchmarkCalls();
        Map<String, AtomicLong> byDepartment = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (int i = 0; i < OPEN_CASES; i++) {
            ConsoleSession agent = agents.get(i % agents.size());
            Map<String, String> call = new java.util.LinkedHashMap<>(calls.next());
            call.put("category", CATEGORIES.get(i % CATEGORIES.size()));
            recorded.add(CompletableFuture.runAsync(() -> {
                HttpResponse<String> answer = agent.htmxPost("/calls", call);
                Matcher stream = OUTCOME_STREAM.matcher(answer.body());
                if (answer.statusCode() != 200 || !stream.find()) {
                    throw new IllegalStateException("POST /calls answered " + answer.statusCode());
                }
                String outcome = agent.awaitEvent(stream.group(1), "outcome")
                        .orElseThrow(() -> new IllegalStateException("no outcome"));
                String department = DEPARTMENT_NAMES.entrySet().stream().filter(e -> outcome.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse("?");
                byDepartment.computeIfAbsent(department, d -> new AtomicLong()).incrementAndGet();
            }, pool));
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
        pool.shutdown();
        say("%d calls recorded through the console and routed in %.0f s", OPEN_CASES, seconds(started));
        Map<String, Long> counts = new TreeMap<>();
        byDepartment.forEach((d, n) -> counts.put(d, n.get()));
        return counts;
    }

    private static void check(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
        // the month's agents are on the page: evaluation answered with the data set, not with nothing
        assertThat(page.body()).contains("BM-A0").doesNotContain("暂时无法访问").doesNotContain("服务暂不可用");
    }

    /** What the requests of the window cost, per URI (handler pattern) of the service's own server metrics. */
    private void whereTimeGoes(Metrics delta, String service, String onlyUri) {
        String metric = "http_server_requests_seconds";
        Map<String, double[]> byUri = delta.byUri(metric);
        byUri.forEach((uri, countAndSum) -> {
            if ((onlyUri == null && uri.startsWith("/api/")) || uri.equals(onlyUri)) {
                say("  %-10s %-45s %5.0f requests (%.1f per page), mean %6.1f ms", service, uri, countAndSum[0],
                        countAndSum[0] / REQUESTS, countAndSum[1] * 1000 / countAndSum[0]);
            }
        });
        if (service.equals("console")) {
            double[] client = delta.total("http_client_requests_seconds");
            if (client[0] > 0) {
                say("  %-10s %-45s %5.0f calls (%.1f per page), mean %6.1f ms, %6.1f ms per page", service,
                        "services called (client side)", client[0], client[0] / REQUESTS, client[1] * 1000 / client[0],
                        client[1] * 1000 / REQUESTS);
            }
        }
    }

    /** Counts and sums of a Prometheus page, by series. */
    private record Metrics(Map<String, Double> series) {

        static Metrics of(HttpResponse<String> page) {
            assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
            Map<String, Double> series = new TreeMap<>();
            page.body().lines().filter(l -> !l.startsWith("#") && l.contains(" ")).forEach(l -> series.put(
                    l.substring(0, l.lastIndexOf(' ')), Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
            return new Metrics(series);
        }

        Metrics since(Metrics after) {
            Map<String, Double> delta = new TreeMap<>();
            after.series.forEach((k, v) -> delta.put(k, v - series.getOrDefault(k, 0.0)));
            return new Metrics(delta);
        }

        Map<String, double[]> byUri(String metric) {
            Map<String, double[]> byUri = new TreeMap<>();
            Pattern uri = Pattern.compile("uri=\"([^\"]*)\"");
            series.forEach((k, v) -> {
                boolean count = k.startsWith(metric + "_count{");
                if (count || k.startsWith(metric + "_sum{")) {
                    Matcher m = uri.matcher(k);
                    if (m.find() && v > 0) {
                        byUri.computeIfAbsent(m.group(1), u -> new double[2])[count ? 0 : 1] += v;
                    }
                }
            });
            return byUri;
        }

        double[] total(String metric) {
            double[] total = new double[2];
            series.forEach((k, v) -> {
                if (k.startsWith(metric + "_count{")) {
                    total[0] += v;
                } else if (k.startsWith(metric + "_sum{")) {
                    total[1] += v;
                }
            });
            return total;
        }
    }

    /**
     * The processes: infra's jar as {@link ConsoleSystem} starts it, intake, routing and the console from their jars,
     * evaluation from its jar with the data set's class added (Spring Boot's {@code PropertiesLauncher} reads
     * {@code loader.path} and {@code loader.main}), follow-up left out (the dashboard does not read it).
     */
    private static final class Stack {

        private static final String READY = "CaseFlow local stack ready:";
        private static final String PHONE_SECRET = "dashboard-benchmark-phone-secret";
        private final List<ProcessHandle> processes = new ArrayList<>();
        private final Path jars = Path.of(System.getProperty(ServiceProcess.JARS));
        private final int consolePort;
        final int routingPort;
        final int evaluationPort;
        private final Path evaluationLog;
        private Path data;

        Stack() throws IOException {
            int kafka = ServiceProcess.freePort();
            int mongo = ServiceProcess.freePort();
            int identity = ServiceProcess.freePort();
            consolePort = ServiceProcess.freePort();
            int intakePort = ServiceProcess.freePort();
            routingPort = ServiceProcess.freePort();
            evaluationPort = ServiceProcess.freePort();
            int nobody = ServiceProcess.freePort();
            startInfra(List.of("--kafka-port=" + kafka, "--controller-port=" + ServiceProcess.freePort(),
                    "--mongo-port=" + mongo, "--identity-port=" + identity,
                    "--notifications-port=" + ServiceProcess.freePort(), "--phone-port=" + ServiceProcess.freePort(),
                    "--sms-port=" + ServiceProcess.freePort(),
                    "--phone-events-url=http://127.0.0.1:" + intakePort + "/api/v1/phone/events",
                    "--sms-replies-url=http://127.0.0.1:" + nobody + "/api/v1/sms/replies"));
            String brokers = "127.0.0.1:" + kafka;
            String issuer = "http://127.0.0.1:" + identity;
            List<String> common = List.of("--spring.kafka.bootstrap-servers=" + brokers,
                    "--caseflow.security.issuer=" + issuer);
            // evaluation first: it loads its data set while the others start
            evaluationLog = log("evaluation-service");
            List<String> evaluation = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai",
                    "-Dloader.path=" + jars.resolve("evaluation-service-bench.jar"),
                    "-Dloader.main=com.caseflow.evaluation.bench.SeededEvaluationService",
                    "-Dbench.contacts=" + CONTACTS, "-Dbench.agents=" + AGENTS,
                    "-cp", jars.resolve("evaluation-service.jar").toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
            evaluation.addAll(common);
            evaluation.addAll(List.of("--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo + "/evaluation",
                    "--caseflow.evaluation.schedule.enabled=false",
                    "--caseflow.evaluation.spot-checks.schedule.enabled=false", "--server.port=" + evaluationPort,
                    // one manager's pages one after another, as fast as answered: 4 reads of evaluation each, more
                    // than a person's 20 a second allow (as in MonthlyReportBenchmark)
                    "--caseflow.security.reads-per-second=1000"));
            processes.add(new ProcessBuilder(evaluation).redirectErrorStream(true)
                    .redirectOutput(evaluationLog.toFile()).start().toHandle());
            processes.add(ServiceProcess.startWith("intake-service", intakePort, with(common,
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo + "/intake",
                    "--caseflow.phone.secret=" + PHONE_SECRET)).handle());
            processes.add(ServiceProcess.startWith("routing-service", routingPort, with(common,
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo + "/routing")).handle());
            processes.add(ServiceProcess.startWith("console", consolePort, List.of(
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.security.oauth2.client.provider.caseflow.issuer-uri=" + issuer,
                    "--caseflow.console.services.intake=http://127.0.0.1:" + intakePort,
                    "--caseflow.console.services.routing=http://127.0.0.1:" + routingPort,
                    "--caseflow.console.services.followup=http://127.0.0.1:" + nobody,
                    "--caseflow.console.services.evaluation=http://127.0.0.1:" + evaluationPort)).handle());
        }

        String consoleUrl() {
            return "http://127.0.0.1:" + consolePort;
        }

        void awaitDataSet() {
            await("evaluation's data set loaded").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        if (processes.get(1).isAlive()) {
                            return dataSetLine() != null;
                        }
                        throw new IllegalStateException("evaluation exited: " + Files.readString(evaluationLog));
                    });
        }

        String dataSetLine() throws IOException {
            return Files.readAllLines(evaluationLog).stream().filter(l -> l.contains(LOADED)).findFirst()
                    .map(l -> l.substring(l.indexOf(LOADED))).orElse(null);
        }

        HttpResponse<String> metrics(int port) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        private void startInfra(List<String> options) throws IOException {
            data = Files.createTempDirectory("caseflow-dashboard-benchmark");
            DemoPasswords.readFrom(data);
            Path log = log("infra");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-jar",
                    jars.resolve("infra-exec.jar").toString(), "--data-dir=" + data));
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("CASEFLOW_PHONE_SECRET", PHONE_SECRET);
            builder.environment().put("CASEFLOW_SMS_SECRET", "dashboard-benchmark-sms-secret");
            builder.environment().put("CASEFLOW_CONSOLE_REDIRECT_URIS",
                    "http://127.0.0.1:" + consolePort + "/login/oauth2/code/caseflow");
            builder.environment().put("CASEFLOW_CONSOLE_LOGOUT_URIS",
                    "http://127.0.0.1:" + consolePort + "/signed-out");
            Process process = builder.start();
            processes.add(process.toHandle());
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("infra exited: " + Files.readString(log));
                }
                return Files.readString(log).contains(READY);
            });
        }

        private static List<String> with(List<String> common, String... own) {
            List<String> all = new ArrayList<>(common);
            all.addAll(List.of(own));
            return all;
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static Path log(String name) throws IOException {
            String logs = System.getProperty(ServiceProcess.LOGS);
            return logs == null ? Files.createTempFile(name + "-", ".log")
                    : Files.createDirectories(Path.of(logs)).resolve(name + ".log");
        }

        void stop() {
            processes.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : processes) {
                try {
                    process.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception notStopped) {
                    process.destroyForcibly();
                }
            }
            if (data != null) {
                // the store and the broker's logs of the run: a few hundred MB
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    System.out.println("could not remove " + data + ": " + e);
                }
            }
        }
    }

    private static String line(String what, Histogram h) {
        return String.format("%-70s n=%5d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms", what,
                h.getTotalCount(), ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
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

    private void say(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
