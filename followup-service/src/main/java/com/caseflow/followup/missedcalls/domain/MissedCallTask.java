package com.caseflow.followup.missedcalls.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A call-back task (未接来电回拨): every unanswered call from one number while the task is open, and the calls
 * made back. One open task per number; it closes when the caller is reached, the number turns out wrong, the attempts run
 * out, or the caller rings again and is answered.
 *
 * @param dueAt      when customer service should have called back: the first missed call plus the agreed working time
 * @param callIds    the calls this task stands for, the first first
 * @param remindedAt when the supervisor was told it is overdue; null until then
 */
public record MissedCallTask(String id, String hotline, String caller, int calls, Instant firstMissedAt,
                             Instant lastMissedAt, Instant dueAt, TaskStatus status, List<CallBackAttempt> attempts,
                             TaskOutcome outcome, String note, String closedBy, Instant closedAt, List<String> callIds,
                             Instant remindedAt) {

    public MissedCallTask {
        Objects.requireNonNull(id, "id");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        callIds = callIds == null ? List.of() : List.copyOf(callIds);
    }

    /** The task of a number's first missed call; its id derives from that call, so the call again finds it. */
    public static MissedCallTask open(String callId, String hotline, String caller, Instant abandonedAt,
                                      Instant dueAt) {
        return new MissedCallTask(idFor(callId), hotline, caller, 1, abandonedAt, abandonedAt, dueAt, TaskStatus.OPEN,
                List.of(), null, null, null, null, List.of(callId), null);
    }

    public static String idFor(String firstCallId) {
        return "mc-" + firstCallId;
    }

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    public boolean covers(String callId) {
        return callIds.contains(callId);
    }

    /** Another missed call from the same number; null when this call is already part of the task or it is closed. */
    public MissedCallTask join(String callId, Instant abandonedAt) {
        if (!isOpen() || covers(callId)) {
            return null;
        }
        List<String> ids = new ArrayList<>(callIds);
        ids.add(callId);
        Instant last = abandonedAt != null && abandonedAt.isAfter(lastMissedAt) ? abandonedAt : lastMissedAt;
        Instant first = abandonedAt != null && abandonedAt.isBefore(firstMissedAt) ? abandonedAt : firstMissedAt;
        return new MissedCallTask(id, hotline, caller, calls + 1, first, last, dueAt, status, attempts, outcome, note,
                closedBy, closedAt, ids, remindedAt);
    }

    /**
     * The caller rang again and an agent answered; null when that answer came before the last missed call (the caller
     * missed us again after it, so the task stays) or the task is closed.
     */
    public MissedCallTask calledAgain(String agentId, Instant answeredAt) {
        if (!isOpen() || answeredAt == null || !answeredAt.isAfter(lastMissedAt)) {
            return null;
        }
        return close(TaskOutcome.CALLED_AGAIN, null, agentId, answeredAt, attempts);
    }

    /** One call back; REACHED and WRONG_NUMBER close the task, NO_ANSWER closes it once the attempts run out. */
    public MissedCallTask attempt(AttemptOutcome result, String note, String contactId, String staffId, Instant at,
                                  int maxAttempts) {
        if (!isOpen()) {
            throw new TaskClosedException(id);
        }
        List<CallBackAttempt> made = new ArrayList<>(attempts);
        made.add(new CallBackAttempt(result, note, contactId, staffId, at));
        return switch (result) {
            case REACHED -> close(TaskOutcome.REACHED, note, staffId, at, made);
            case WRONG_NUMBER -> close(TaskOutcome.WRONG_NUMBER, note, staffId, at, made);
            case NO_ANSWER -> made.size() >= maxAttempts ? close(TaskOutcome.UNREACHABLE, note, staffId, at, made)
                    : new MissedCallTask(id, hotline, caller, calls, firstMissedAt, lastMissedAt, dueAt, status, made,
                    outcome, note, closedBy, closedAt, callIds, remindedAt);
        };
    }

    public boolean overdue(Instant now) {
        return isOpen() && now.isAfter(dueAt);
    }

    public MissedCallTask reminded(Instant at) {
        return new MissedCallTask(id, hotline, caller, calls, firstMissedAt, lastMissedAt, dueAt, status, attempts,
                outcome, note, closedBy, closedAt, callIds, at);
    }

    private MissedCallTask close(TaskOutcome how, String closingNote, String by, Instant at,
                                 List<CallBackAttempt> made) {
        return new MissedCallTask(id, hotline, caller, calls, firstMissedAt, lastMissedAt, dueAt, TaskStatus.CLOSED,
                made, how, closingNote, by, at, callIds, remindedAt);
    }
}
