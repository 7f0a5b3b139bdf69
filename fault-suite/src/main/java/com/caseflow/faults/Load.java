package com.caseflow.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of calls and visits through intake's API, as the agents record them: each with its own
 * Idempotency-Key, retried with that key when intake does not answer or answers 5xx/429 — as the agents' desk client
 * does — and written in the {@link Ledger} with what intake finally said. Meanwhile a member of customer service works
 * the department's queue (accepts and resolves), so that cases are resolved and callbacks follow, and calls the
 * customers back: some are not reached (a later attempt follows), some are satisfied, and some are not — which reopens
 * the case — so that feedback and reopening run under the faults too.
 */
final class Load implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Load.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The projects the load's callers live in. */
    static final List<String> PROJECTS = List.of("SH-LJY", "HZ-XXH", "SZ-QHW", "BJ-CYG");
    private static final String[] CATEGORIES = {"REPAIR", "INQUIRY", "COMPLAINT", "PROPERTY_MANAGEMENT", "PAYMENT",
            "HANDOVER", "SUGGESTION", "TITLE", "SALES", "OTHER"};
    private static final String[] NAMES = {"王女士", "李先生", "张阿姨", "刘先生", "陈女士", "杨先生", "赵女士", "黄先生"};
    /** Ordinary matters, and some an attacker might type: stored as text like any other. */
    private static final String[] MATTERS = {"卫生间漏水，楼下天花板有水渍", "咨询交房时间和流程", "投诉小区噪音扰民",
            "物业费发票开具", "外墙瓷砖脱落", "产权证办理进度", "电梯经常故障", "车位销售咨询", "建议增加儿童游乐设施",
            "业主说：'; DROP TABLE contacts; -- 请尽快处理", "投诉 <script>alert(1)</script> 页面", "{\"$gt\": \"\"} 物业费"};
    /** Complaints and safety matters are never settled on the spot: intake refuses to record them so. */
    private static final Set<String> NEVER_SETTLED = Set.of("COMPLAINT", "外墙瓷砖脱落");
    /** The agents who record the load's calls and visits. */
    static final List<String> AGENTS = List.of("A001", "A002", "R002");
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Cluster cluster;
    private final Map<String, String> tokens;
    private final Ledger ledger;
    private final double perSecond;
    private final Random random = new Random(20261128);
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final ExecutorService senders = Executors.newFixedThreadPool(24);
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong callbackAttempts = new AtomicLong();
    private final AtomicLong dissatisfied = new AtomicLong();
    private volatile boolean running;
    private volatile String phase = "start";

    Load(Cluster cluster, Map<String, String> tokens, Ledger ledger, double perSecond) {
        this.cluster = cluster;
        this.tokens = tokens;
        this.ledger = ledger;
        this.perSecond = perSecond;
    }

    void start() {
        clock.scheduleAtFixedRate(this::next, 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
        clock.scheduleWithFixedDelay(this::workQueue, 3, 3, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(this::callBack, 4, 3, TimeUnit.SECONDS);
        running = true;
    }

    void phase(String name) {
        phase = name;
    }

    void pause() {
        running = false;
    }

    void resume() {
        running = true;
    }

    /** Waits until every request sent so far has its answer (or was given up as unknown). */
    void drain() {
        Node.await(GIVE_UP_AFTER.plusSeconds(30), () -> inFlight.get() == 0);
    }

    private void next() {
        if (!running) {
            return;
        }
        long number = numbers.incrementAndGet();
        Ledger.Request request = compose(number);
        ledger.add(request);
        inFlight.incrementAndGet();
        senders.execute(() -> {
            try {
                send(request);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /**
     * Callers come back: each phone number has its project, building and usual matter, so some contacts repeat a
     * running case and several neighbours' repairs make an incident; about one in seven is settled at once (never a
     * complaint or a safety matter).
     */
    private Ledger.Request compose(long number) {
        int caller;
        boolean settled;
        int categoryChoice;
        synchronized (random) {
            caller = random.nextInt(240);
            settled = random.nextInt(7) == 0;
            categoryChoice = random.nextInt(10);
        }
        boolean visit = number % 3 == 0;
        String agent = visit ? "R002" : number % 3 == 1 ? "A001" : "A002";
        String category = categoryChoice < 7 ? CATEGORIES[caller % 4] : CATEGORIES[categoryChoice];
        String matter = MATTERS[caller % MATTERS.length];
        settled &= !NEVER_SETTLED.contains(category) && !NEVER_SETTLED.contains(matter);
        ObjectNode body = JSON.createObjectNode();
        String phone = String.format("139%08d", 10_000_000 + caller * 7919);
        String unit = (caller % 5 + 1) + "栋" + (caller % 3 + 1) + "单元" + (caller % 20 + 101);
        if (visit) {
            body.put("arrivedAt", OffsetDateTime.now(SHANGHAI).minusMinutes(1).toString());
            body.put("visitorName", NAMES[caller % NAMES.length]);
            body.put("visitorType", "OWNER");
            body.put("purpose", matter);
            body.put("settledOnVisit", settled);
        } else {
            body.put("callerName", NAMES[caller % NAMES.length]);
            body.put("callerType", "OWNER");
            body.put("matter", matter);
            body.put("settledOnCall", settled);
            body.put("greetingGiven", true);
            body.put("ringCount", 1 + (int) (number % 4));
        }
        body.put("phone", phone);
        String project = PROJECTS.get(caller % PROJECTS.size());
        body.put("projectCode", project);
        body.put("unit", unit);
        body.put("category", category);
        return new Ledger.Request(number, phase, agent, "fault-suite-" + number, visit, settled, project,
                category, body.toString());
    }

    private void send(Ledger.Request request) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = 200;
        boolean uncertain = false;
        while (true) {
            try {
                String path = request.visit ? "/api/v1/visits" : "/api/v1/calls";
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(
                                cluster.serviceUrl("intake-service") + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + tokens.get(request.agent))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", request.key)
                        .POST(HttpRequest.BodyPublishers.ofString(request.body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                request.lastStatus = reply.statusCode();
                if (reply.statusCode() == 201 || reply.statusCode() == 200) {
                    request.contactId = JSON.readTree(reply.body()).path("id").asString();
                    request.acceptedAtMillis = System.currentTimeMillis();
                    request.outcome = Ledger.Outcome.ACCEPTED;
                    return;
                }
                if (reply.statusCode() != 429 && reply.statusCode() < 500) {
                    log.warn("intake refused contact {} of the load: {} {}", request.number, reply.statusCode(),
                            reply.body());
                    request.outcome = Ledger.Outcome.REJECTED;
                    return;
                }
                uncertain |= reply.statusCode() >= 500;
            } catch (IOException | RuntimeException e) {
                // no answer, or one that is not a contact: whether intake stored it is unknown until a retry says
                request.lastStatus = -1;
                uncertain = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                request.outcome = Ledger.Outcome.UNKNOWN;
                return;
            }
            if (System.nanoTime() > deadline) {
                request.outcome = uncertain ? Ledger.Outcome.UNKNOWN : Ledger.Outcome.REJECTED;
                return;
            }
            Node.sleep(Duration.ofMillis(pause));
            pause = Math.min(pause * 2, 2_000);
        }
    }

    /** Sends the requests whose outcome is unknown once more with their key: intake answers with what it stored. */
    void settleUnknown() {
        List<Ledger.Request> unknown = ledger.with(Ledger.Outcome.UNKNOWN);
        unknown.forEach(this::send);
    }

    private void workQueue() {
        if (!running) {
            return;
        }
        String token = tokens.get("D-CS-01");
        String routing = cluster.serviceUrl("routing-service");
        try {
            JsonNode page = JSON.readTree(get(routing + "/api/v1/departments/CUSTOMER_SERVICE/cases?size=10", token));
            int worked = 0;
            for (JsonNode item : page.path("content")) {
                if (worked++ >= 4) {
                    break;
                }
                String id = item.path("id").asString();
                if ("OPEN".equals(item.path("status").asString())) {
                    post(routing + "/api/v1/cases/" + id + "/accept", token, "");
                } else {
                    post(routing + "/api/v1/cases/" + id + "/resolve", token,
                            "{\"resolution\":\"已电话答复客户，问题已处理\"}");
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("customer service could not work its queue just now: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Customer service works its callback queue: one callback in three is not reached at its first attempt; a reached
     * customer is satisfied (4–5) or not (1–2: the matter is not resolved in their view, and routing reopens the case),
     * by the callback's id, so that a retried attempt (same Idempotency-Key) says the same.
     */
    private void callBack() {
        if (!running) {
            return;
        }
        String token = tokens.get("D-CS-01");
        String followup = cluster.serviceUrl("followup-service");
        try {
            JsonNode page = JSON.readTree(get(followup + "/api/v1/callbacks?status=QUEUED&size=5", token));
            for (JsonNode callback : page.path("content")) {
                String id = callback.path("id").asString();
                int attempt = callback.path("attempts").size() + 1;
                int draw = Math.floorMod((id + attempt).hashCode(), 6);
                String body;
                if (attempt == 1 && draw < 2) {
                    body = "{\"reached\":false,\"comment\":\"无人接听\"}";
                } else if (draw == 2) {
                    body = "{\"reached\":true,\"satisfaction\":2,\"resolved\":false,\"comment\":\"问题仍未解决\"}";
                } else {
                    body = "{\"reached\":true,\"satisfaction\":" + (4 + draw % 2)
                            + ",\"resolved\":true,\"comment\":\"满意\"}";
                }
                int status = http.send(HttpRequest.newBuilder(URI.create(followup + "/api/v1/callbacks/" + id
                                + "/attempts")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "fault-suite-callback-" + id + "-" + attempt)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 201) {
                    callbackAttempts.incrementAndGet();
                    if (body.contains("\"satisfaction\":2")) {
                        dissatisfied.incrementAndGet();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("customer service could not call back just now: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Callback attempts customer service recorded (answered 2xx), and of them those with a dissatisfied customer. */
    long callbackAttempts() {
        return callbackAttempts.get();
    }

    long dissatisfied() {
        return dissatisfied.get();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int post(String url, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Override
    public void close() {
        running = false;
        clock.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
