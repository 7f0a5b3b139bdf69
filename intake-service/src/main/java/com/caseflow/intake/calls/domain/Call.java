package com.caseflow.intake.calls.domain;

import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.call.CallTransferred;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A hotline call as the phone platform's events tell it, and the facts each event adds. The platform may deliver
 * events late, twice or out of order: a state never goes back (a late RINGING does not undo an answer), a call is
 * offered once, ends once, and is abandoned once at most — when it ends and nobody answered it.
 *
 * @param agentId          the agent who has the call now (rings at, answered, was passed it), or had it last
 * @param offeredAt        the time of the first event seen of the call, normally QUEUED
 * @param answeredAt       the first answer
 * @param rings            every time the call started ringing at an agent
 * @param answers          every agent who picked it up (a transferred call may be answered twice), and when
 * @param transferredTo    every colleague it was passed to
 * @param endedBy          the agent who had the call when it ended, as the platform said; null when nobody answered
 * @param abandonPublished whether {@code CallAbandoned} was announced
 * @param endPublished     whether {@code CallEnded} was announced
 */
public record Call(String callId, String hotline, String caller, CallState state, String agentId,
                   Instant offeredAt, Instant answeredAt, String answeredBy, Instant endedAt, Instant abandonedAt,
                   String recordingUrl, List<Moment> rings, List<Moment> answers, List<String> transferredTo,
                   String endedBy, boolean abandonPublished, boolean endPublished) {

    /** An agent and a time: when a call started ringing at them, or when they answered it. */
    public record Moment(String agentId, Instant at) {
    }

    /** The call's state after an event, and the facts the event adds (none for a repeat or a contradiction). */
    public record Applied(Call call, List<Object> facts) {
    }

    /** Ring and answer at one agent, both measured by the platform. */
    public record MeasuredTimes(Instant ringStartedAt, Instant answeredAt) {
    }

    public Call {
        rings = rings == null ? List.of() : List.copyOf(rings);
        answers = answers == null ? List.of() : List.copyOf(answers);
        transferredTo = transferredTo == null ? List.of() : List.copyOf(transferredTo);
    }

    /** The first event of a call, whatever its type: the call is offered, then the event applies. */
    public static Applied offered(PhoneEvent first) {
        Call fresh = new Call(first.callId(), first.hotline(), first.caller(), CallState.QUEUED, null,
                first.occurredAt(), null, null, null, null, null, List.of(), List.of(), List.of(), null, false, false);
        Applied applied = fresh.apply(first);
        List<Object> facts = new ArrayList<>();
        facts.add(new CallOffered(fresh.callId, fresh.hotline, fresh.caller, fresh.offeredAt));
        facts.addAll(applied.facts());
        return new Applied(applied.call(), List.copyOf(facts));
    }

    public Applied apply(PhoneEvent event) {
        Draft d = new Draft(this, event);
        switch (event.type()) {
            case QUEUED -> {
                // offered already: the call's first event did that
            }
            case RINGING -> d.ringing(event);
            case ANSWERED -> d.answered(event);
            case TRANSFERRED -> d.transferred(event);
            case ABANDONED -> d.abandoned(event);
            case ENDED -> d.ended(event);
        }
        return new Applied(d.call(), List.copyOf(d.facts));
    }

    /** Whether the call ever reached this agent: rang at them, was answered or ended by them, or passed to them. */
    public boolean reached(String agent) {
        return agent != null && (rings.stream().anyMatch(r -> agent.equals(r.agentId()))
                || answers.stream().anyMatch(a -> agent.equals(a.agentId()))
                || transferredTo.contains(agent) || agent.equals(endedBy));
    }

    /** The platform's ring start and answer at this agent: empty unless the call both rang at and was answered by them. */
    public Optional<MeasuredTimes> measuredFor(String agent) {
        return answers.stream().filter(a -> a.agentId() != null && a.agentId().equals(agent))
                .min(Comparator.comparing(Moment::at))
                .flatMap(answer -> ringAt(agent, answer.at()).map(ring -> new MeasuredTimes(ring, answer.at())));
    }

    /** When it started ringing at the agent who answered it; before an answer, at the agent it rang at last. */
    public Instant ringStartedAt() {
        if (answeredBy != null) {
            return ringAt(answeredBy, answeredAt).orElse(null);
        }
        return rings.stream().map(Moment::at).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The latest ring at this agent no later than {@code until}. */
    private Optional<Instant> ringAt(String agent, Instant until) {
        return rings.stream().filter(r -> r.agentId().equals(agent) && !r.at().isAfter(until))
                .map(Moment::at).max(Comparator.naturalOrder());
    }

    @Override
    public String toString() {
        return "Call[callId=" + callId + ", state=" + state + ", agentId=" + agentId + "]";
    }

    /** The call being changed by one event. */
    private static final class Draft {

        private final Call before;
        private final List<Object> facts = new ArrayList<>();
        private final String hotline;
        private final String caller;
        private CallState state;
        private String agentId;
        private Instant answeredAt;
        private String answeredBy;
        private Instant endedAt;
        private Instant abandonedAt;
        private String recordingUrl;
        private final List<Moment> rings;
        private final List<Moment> answers;
        private final List<String> transferredTo;
        private String endedBy;
        private boolean abandonPublished;
        private boolean endPublished;

        Draft(Call c, PhoneEvent event) {
            before = c;
            hotline = c.hotline != null ? c.hotline : event.hotline();
            caller = c.caller != null ? c.caller : event.caller();
            state = c.state;
            agentId = c.agentId;
            answeredAt = c.answeredAt;
            answeredBy = c.answeredBy;
            endedAt = c.endedAt;
            abandonedAt = c.abandonedAt;
            recordingUrl = c.recordingUrl;
            rings = new ArrayList<>(c.rings);
            answers = new ArrayList<>(c.answers);
            transferredTo = new ArrayList<>(c.transferredTo);
            endedBy = c.endedBy;
            abandonPublished = c.abandonPublished;
            endPublished = c.endPublished;
        }

        void ringing(PhoneEvent event) {
            rings.add(new Moment(event.agentId(), event.occurredAt()));
            if (state.before(CallState.ANSWERED)) {
                state = CallState.RINGING;
                agentId = event.agentId();
            } else if (agentId == null) {
                agentId = event.agentId();
            }
            facts.add(new CallRinging(before.callId, hotline, caller, event.agentId(), before.offeredAt,
                    event.occurredAt()));
        }

        void answered(PhoneEvent event) {
            if (abandonPublished) {
                return; // announced as missed already: a late answer cannot take that back
            }
            String agent = event.agentId() != null ? event.agentId() : agentId;
            answers.add(new Moment(agent, event.occurredAt()));
            if (answeredAt == null || event.occurredAt().isBefore(answeredAt)) {
                answeredAt = event.occurredAt();
                answeredBy = agent;
            }
            if (state.before(CallState.ANSWERED)) {
                state = CallState.ANSWERED;
                agentId = agent;
            } else if (agentId == null) {
                agentId = agent;
            }
            facts.add(new CallAnswered(before.callId, hotline, caller, agent, before.offeredAt,
                    ring(agent, event.occurredAt()), event.occurredAt()));
        }

        void transferred(PhoneEvent event) {
            String from = event.agentId() != null ? event.agentId() : agentId;
            transferredTo.add(event.toAgentId());
            if (!state.over()) {
                agentId = event.toAgentId();
            }
            facts.add(new CallTransferred(before.callId, hotline, from, event.toAgentId(), event.occurredAt()));
        }

        void abandoned(PhoneEvent event) {
            if (!answers.isEmpty() || endedBy != null) {
                return; // somebody had the call: the platform contradicts itself, the answer stands
            }
            abandon(event.occurredAt());
        }

        void ended(PhoneEvent event) {
            if (event.recordingUrl() != null) {
                recordingUrl = event.recordingUrl();
            }
            if (event.agentId() != null && endedBy == null) {
                endedBy = event.agentId();
                agentId = event.agentId();
            }
            if (endedAt == null) {
                endedAt = event.occurredAt();
            }
            if (answers.isEmpty() && endedBy == null) {
                abandon(event.occurredAt());
            } else if (state != CallState.ABANDONED) {
                state = CallState.ENDED;
            }
            if (!endPublished) {
                endPublished = true;
                String last = endedBy != null ? endedBy : answeredBy;
                facts.add(new CallEnded(before.callId, hotline, last, before.offeredAt, answeredAt, endedAt,
                        recordingUrl));
            }
        }

        private void abandon(Instant at) {
            state = CallState.ABANDONED;
            if (abandonedAt == null) {
                abandonedAt = at;
            }
            if (!abandonPublished) {
                abandonPublished = true;
                Moment lastRing = rings.stream().max(Comparator.comparing(Moment::at)).orElse(null);
                facts.add(new CallAbandoned(before.callId, hotline, caller, before.offeredAt, abandonedAt,
                        lastRing == null ? null : lastRing.agentId(), lastRing == null ? null : lastRing.at()));
            }
        }

        private Instant ring(String agent, Instant until) {
            return rings.stream().filter(r -> r.agentId().equals(agent) && !r.at().isAfter(until))
                    .map(Moment::at).max(Comparator.naturalOrder()).orElse(null);
        }

        Call call() {
            return new Call(before.callId, hotline, caller, state, agentId, before.offeredAt, answeredAt, answeredBy,
                    endedAt, abandonedAt, recordingUrl, rings, answers, transferredTo, endedBy, abandonPublished,
                    endPublished);
        }
    }
}
