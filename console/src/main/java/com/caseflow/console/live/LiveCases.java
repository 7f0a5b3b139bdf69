package com.caseflow.console.live;

import com.caseflow.events.EventTypes;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads every department's case topic ({@code cases.dept.*}) exactly as a department's own system does, and pushes
 * what happens to the pages that show it: a department's open queue pages hear of each change to one of its cases,
 * an agent's page hears which case its contact went to. Every console instance reads every record (an anonymous
 * consumer group from the newest offset): the pages connected to this instance are the ones to tell.
 */
@Configuration(proxyBeanMethods = false)
public class LiveCases {

    private static final Logger log = LoggerFactory.getLogger(LiveCases.class);
    private static final String TOPIC_PREFIX = "cases.dept.";
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int REMEMBERED_CONTACTS = 20_000;

    private final Map<String, Set<SseEmitter>> queues = new ConcurrentHashMap<>();
    private final Map<String, Set<CaseWatcher>> cases = new ConcurrentHashMap<>();
    private final Map<String, Set<Watcher>> contactWatchers = new ConcurrentHashMap<>();
    private final Map<String, ContactOutcome> outcomes = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ContactOutcome> eldest) {
            return size() > REMEMBERED_CONTACTS;
        }
    };
    private final Map<String, CaseEvent> lastEvents = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseEvent> eldest) {
            return size() > REMEMBERED_CONTACTS;
        }
    };
    private final JsonMapper json;

    public LiveCases(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        meters.gauge("caseflow.console.live.streams", queues, q -> q.values().stream().mapToInt(Set::size).sum());
    }

    /** Where a contact went: the case that opened for it or that it joined, and the case's department. */
    public record ContactOutcome(String contactId, String caseId, String departmentCode, boolean attached) {
    }

    @Bean
    Consumer<Message<byte[]>> departmentCases() {
        return message -> {
            String topic = (String) message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
            if (topic == null || !topic.startsWith(TOPIC_PREFIX)) {
                return;
            }
            String department = topic.substring(TOPIC_PREFIX.length()).replace('-', '_').toUpperCase(Locale.ROOT);
            JsonNode envelope;
            try {
                envelope = json.readTree(message.getPayload());
            } catch (RuntimeException e) {
                // not ours to dead-letter: the department's systems and routing's tests watch the topic's contents
                log.warn("Unreadable record on {} skipped: {}", topic, e.getClass().getSimpleName());
                return;
            }
            // the envelope names the type as the CloudEvents header does; headers may be mapped differently per binder
            String type = envelope.path("type").asString(null);
            JsonNode data = envelope.path("data");
            String caseId = data.path("caseId").asString(null);
            if (caseId == null) {
                return;
            }
            if (EventTypes.CASE_ROUTED.equals(type) || EventTypes.CONTACT_ATTACHED.equals(type)) {
                String contactId = data.path("contactId").asString(null);
                if (contactId != null) {
                    contactSettled(new ContactOutcome(contactId, caseId, department,
                            EventTypes.CONTACT_ATTACHED.equals(type)));
                }
            }
            sendAll(queues.get(department), () -> SseEmitter.event().name("case-changed").data(caseId));
            if (type != null) {
                CaseEvent event = new CaseEvent(type, caseId, department);
                synchronized (lastEvents) {
                    lastEvents.put(caseId, event);
                }
                Set<CaseWatcher> watchers = cases.get(caseId);
                if (watchers != null) {
                    watchers.forEach(watcher -> watcher.tell(event));
                }
            }
        };
    }

    /** A stream of the changes to a department's cases. */
    public SseEmitter queue(String departmentCode) {
        return register(queues, departmentCode);
    }

    /** One event of a case, as its department's topic carried it. */
    public record CaseEvent(String type, String caseId, String departmentCode) {
    }

    /**
     * A stream of what happens to one case, each event rendered for the page as {@code case-event}; the case's latest
     * event first when this console has seen one, since a page opens a moment after what it wants to show (a callback
     * recorded, the redirect, and the reopening already happened).
     */
    public SseEmitter caseChanges(String caseId, Function<CaseEvent, String> render) {
        CaseWatcher watcher = new CaseWatcher(newEmitter(), render);
        join(cases, caseId, watcher);
        forget(watcher.emitter(), () -> leave(cases, caseId, watcher));
        CaseEvent last;
        synchronized (lastEvents) {
            last = lastEvents.get(caseId);
        }
        if (last != null) {
            watcher.tell(last);
        }
        return watcher.emitter();
    }

    private record CaseWatcher(SseEmitter emitter, Function<CaseEvent, String> render) {

        void tell(CaseEvent event) {
            send(emitter, () -> SseEmitter.event().name("case-event").data(render.apply(event)));
        }
    }

    /** A stream that tells once where a contact went, rendered for the page; at once when it is known already. */
    public SseEmitter contact(String contactId, Function<ContactOutcome, String> render) {
        Watcher watcher = new Watcher(newEmitter(), render);
        join(contactWatchers, contactId, watcher);
        forget(watcher.emitter(), () -> leave(contactWatchers, contactId, watcher));
        outcome(contactId).ifPresent(watcher::tell);
        return watcher.emitter();
    }

    public Optional<ContactOutcome> outcome(String contactId) {
        synchronized (outcomes) {
            return Optional.ofNullable(outcomes.get(contactId));
        }
    }

    private void contactSettled(ContactOutcome outcome) {
        synchronized (outcomes) {
            if (outcomes.containsKey(outcome.contactId())) {
                return;
            }
            outcomes.put(outcome.contactId(), outcome);
        }
        Set<Watcher> watchers = contactWatchers.remove(outcome.contactId());
        if (watchers != null) {
            watchers.forEach(watcher -> watcher.tell(outcome));
        }
    }

    private record Watcher(SseEmitter emitter, Function<ContactOutcome, String> render) {

        void tell(ContactOutcome outcome) {
            send(emitter, () -> SseEmitter.event().name("outcome").data(render.apply(outcome)));
        }
    }

    /** Proxies close idle connections; a comment every so often keeps the stream open and finds dead ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        Supplier<SseEmitter.SseEventBuilder> keepAlive = () -> SseEmitter.event().comment("keep-alive");
        queues.values().forEach(emitters -> sendAll(emitters, keepAlive));
        cases.values().forEach(watchers -> watchers.forEach(w -> send(w.emitter(), keepAlive)));
        contactWatchers.values().forEach(watchers -> watchers.forEach(w -> send(w.emitter(), keepAlive)));
    }

    private static SseEmitter register(Map<String, Set<SseEmitter>> streams, String key) {
        SseEmitter emitter = newEmitter();
        join(streams, key, emitter);
        forget(emitter, () -> leave(streams, key, emitter));
        return emitter;
    }

    /** Joining and leaving each happen atomically per key, so a stream never lands in a set just taken out. */
    private static <T> void join(Map<String, Set<T>> streams, String key, T stream) {
        streams.compute(key, (k, set) -> {
            Set<T> joined = set == null ? new CopyOnWriteArraySet<>() : set;
            joined.add(stream);
            return joined;
        });
    }

    /** A closed stream leaves its set, and an empty set its map: one per case or contact ever watched would pile up. */
    private static <T> void leave(Map<String, Set<T>> streams, String key, T stream) {
        streams.computeIfPresent(key, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    private static SseEmitter newEmitter() {
        return new SseEmitter(STREAM_TIMEOUT.toMillis());
    }

    private static void forget(SseEmitter emitter, Runnable remove) {
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
    }

    /** An event builder is spent once built: each emitter gets its own. */
    private static void sendAll(Set<SseEmitter> emitters, Supplier<SseEmitter.SseEventBuilder> event) {
        if (emitters != null) {
            emitters.forEach(emitter -> send(emitter, event));
        }
    }

    private static void send(SseEmitter emitter, Supplier<SseEmitter.SseEventBuilder> event) {
        try {
            emitter.send(event.get());
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}
