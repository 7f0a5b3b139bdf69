package com.caseflow.faults;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reminders and escalations the notification gateway received (infra's notification receiver), read every second
 * while the run lasts: the receiver lists only its newest {@value #LISTED}, so the suite keeps its own tally, and says
 * so when a listing was full of notifications it had not seen — some may have scrolled past unseen.
 */
final class NotificationWatch implements AutoCloseable {

    /** How many notifications the receiver lists (its {@code KEPT}). */
    static final int LISTED = 200;
    private static final Set<String> TIMERS = Set.of("REMINDER", "ESCALATION");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fault-suite-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean gap;

    NotificationWatch(String url) {
        this.url = url;
        poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    void poll() {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                return;
            }
            JsonNode list = Reconciliation.JSON.readTree(reply.body());
            int unseen = 0;
            for (JsonNode entry : list) {
                String id = entry.path("idempotencyKey").asString();
                if (seen.add(id)) {
                    unseen++;
                }
                if (TIMERS.contains(entry.path("notification").path("kind").asString())) {
                    delivered.put(id, entry.path("deliveries").asInt(1));
                }
            }
            if (seen.size() > unseen && unseen >= LISTED) {
                gap = true;
            }
        } catch (Exception e) {
            // the receiver is busy or the suite is stopping: the next poll reads the list again
        }
    }

    /** Reminder and escalation notifications received so far, by id (the event's id), with their deliveries. */
    Map<String, Integer> delivered() {
        return Map.copyOf(delivered);
    }

    /** Whether notifications may have scrolled out of the receiver's list between two polls. */
    boolean gap() {
        return gap;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
