package com.caseflow.console.calls;

import com.caseflow.events.EventTypes;
import com.caseflow.events.sealing.Keyring;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The screen pop (来电弹屏): reads the phone platform's facts on {@code calls} and shows each agent's own call on every
 * console page that agent has open — ringing, answered, hung up, over. Like {@code LiveCases}, every console instance
 * reads every record (an anonymous consumer group from the newest offset) and tells the pages connected to it; a call
 * ringing at one agent is never sent to another agent's pages. The caller's number is sealed on the topic: the console
 * holds the event sealing key to open it.
 */
@Configuration(proxyBeanMethods = false)
public class LiveCalls {

    private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** A page opened while the call rings or is on (another page, a reload) still shows it; not an old one. */
    private static final Duration REPLAYED_FOR = Duration.ofMinutes(30);

    /** What the agent's pop shows of the call. */
    public enum State { RINGING, ANSWERED, ABANDONED, ENDED, TRANSFERRED }

    public record Pop(String callId, String hotline, String caller, State state, Instant ringStartedAt,
                      Instant answeredAt) {

        Pop in(State next, Instant answered) {
            return new Pop(callId, hotline, caller, next, ringStartedAt, answered == null ? answeredAt : answered);
        }
    }

    private record Current(Pop pop, Instant seenAt) {
    }

    private final Map<String, Set<Watcher>> agents = new ConcurrentHashMap<>();
    /** Each agent's call on their pop, until it is over: one entry per agent at most. */
    private final Map<String, Current> current = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Clock clock;
    private final Keyring keyring;

    public LiveCalls(JsonMapper json, Clock clock, MeterRegistry meters, CallerKeys keys) {
        this.json = json;
        this.clock = clock;
        this.keyring = Keyring.of(keys.keys(), null);
        if (!keyring.opens()) {
            throw new IllegalStateException("the screen pop needs caseflow.events.sealing.keys.<id> to open callers' "
                    + "numbers on calls");
        }
        meters.gauge("caseflow.console.pop.streams", agents, a -> a.values().stream().mapToInt(Set::size).sum());
    }

    @Bean
    Consumer<Message<byte[]>> agentCalls() {
        return message -> {
            JsonNode envelope;
            try {
                envelope = json.readTree(message.getPayload());
            } catch (RuntimeException e) {
                log.warn("Unreadable record on calls skipped: {}", e.getClass().getSimpleName());
                return;
            }
            String type = envelope.path("type").asString(null);
            JsonNode data = envelope.path("data");
            String callId = data.path("callId").asString(null);
            if (type == null || callId == null) {
                return;
            }
            switch (type) {
                case EventTypes.CALL_RINGING -> ringing(callId, data);
                case EventTypes.CALL_ANSWERED -> answered(callId, data);
                case EventTypes.CALL_ABANDONED -> over(data.path("lastAgentId").asString(null), callId, State.ABANDONED);
                case EventTypes.CALL_TRANSFERRED ->
                        over(data.path("fromAgentId").asString(null), callId, State.TRANSFERRED);
                case EventTypes.CALL_ENDED -> over(data.path("agentId").asString(null), callId, State.ENDED);
                default -> {
                    // offered: queued, at no agent yet
                }
            }
        };
    }

    private void ringing(String callId, JsonNode data) {
        String agent = data.path("agentId").asString(null);
        if (agent == null) {
            return;
        }
        show(agent, new Pop(callId, data.path("hotline").asString(null), caller(callId, data),
                State.RINGING, instant(data, "ringStartedAt"), null));
    }

    /**
     * The agent picked up. A call this console saw ringing at the agent is updated; one it did not see ring (started
     * mid-call) pops as answered; an answer of an older call while a newer one rings at the agent changes nothing.
     */
    private void answered(String callId, JsonNode data) {
        String agent = data.path("agentId").asString(null);
        if (agent == null) {
            return;
        }
        Current now = current.get(agent);
        if (now == null) {
            show(agent, new Pop(callId, data.path("hotline").asString(null), caller(callId, data),
                    State.ANSWERED, instant(data, "ringStartedAt"), instant(data, "answeredAt")));
        } else if (now.pop().callId().equals(callId)) {
            show(agent, now.pop().in(State.ANSWERED, instant(data, "answeredAt")));
        }
    }

    /**
     * The caller's number, opened; a plain one (written before sealing) as it is. One that does not open (a key this
     * console does not hold, altered) pops without a number: the agent still sees the call ring.
     */
    private String caller(String callId, JsonNode data) {
        String caller = data.path("caller").asString(null);
        if (caller == null) {
            return null;
        }
        try {
            return keyring.open("caller", caller).orElse(null);
        } catch (Keyring.Unopenable e) {
            log.warn("Caller of call {} does not open, popped without a number: {}", callId, e.getMessage());
            return null;
        }
    }

    /** Hung up, passed on or over: the agent's pop says so (or closes) if it still shows this call. */
    private void over(String agent, String callId, State state) {
        if (agent == null) {
            return;
        }
        Current now = current.get(agent);
        if (now == null || !now.pop().callId().equals(callId)) {
            return;
        }
        current.remove(agent, now);
        tell(agent, now.pop().in(state, null));
    }

    private void show(String agent, Pop pop) {
        current.put(agent, new Current(pop, clock.instant()));
        tell(agent, pop);
    }

    private void tell(String agent, Pop pop) {
        Set<Watcher> watchers = agents.get(agent);
        if (watchers != null) {
            watchers.forEach(watcher -> watcher.tell(pop));
        }
    }

    /**
     * A stream of the agent's own calls for one page, each rendered for it as {@code call-pop}; the call ringing or on
     * now first, when there is one. {@code except} is the call the page records already (the call form it opened).
     */
    public SseEmitter agent(String agentId, String except, Function<Pop, String> render) {
        Watcher watcher = new Watcher(new SseEmitter(STREAM_TIMEOUT.toMillis()), except, render);
        agents.compute(agentId, (k, set) -> {
            Set<Watcher> joined = set == null ? new CopyOnWriteArraySet<>() : set;
            joined.add(watcher);
            return joined;
        });
        Runnable leave = () -> agents.computeIfPresent(agentId, (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
        watcher.emitter().onCompletion(leave);
        watcher.emitter().onTimeout(leave);
        watcher.emitter().onError(e -> leave.run());
        onNow(agentId).ifPresent(watcher::tell);
        return watcher.emitter();
    }

    /** The agent's call ringing or on now, as far as this console knows. */
    public Optional<Pop> onNow(String agentId) {
        Current now = current.get(agentId);
        if (now == null || now.seenAt().plus(REPLAYED_FOR).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(now.pop());
    }

    private record Watcher(SseEmitter emitter, String except, Function<Pop, String> render) {

        void tell(Pop pop) {
            if (pop.callId().equals(except)) {
                return;
            }
            send(emitter, () -> SseEmitter.event().name("call-pop").data(render.apply(pop)));
        }
    }

    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        agents.values().forEach(watchers -> watchers.forEach(
                w -> send(w.emitter(), () -> SseEmitter.event().comment("keep-alive"))));
        Instant old = clock.instant().minus(REPLAYED_FOR);
        current.entrySet().removeIf(entry -> entry.getValue().seenAt().isBefore(old));
    }

    private static Instant instant(JsonNode data, String field) {
        String text = data.path(field).asString(null);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
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
