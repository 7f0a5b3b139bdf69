package com.caseflow.followup.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message for staff — through the company's gateway and the department's WeCom and DingTalk group robots —
 * announcing a reminder, an escalation or an overdue call-back task. It is kept until every channel accepted it: a
 * failed delivery waits and is tried again, with growing pauses, never dropped.
 *
 * @param id         the id of the event it announces: the gateway can use it to drop a repeated delivery
 * @param recipients who should read it: staff ids, or {@code role:department} when the directory names nobody
 * @param text       the message in Chinese, without customers' names or numbers
 * @param lastError  the kind of the last failure (HTTP status or exception type), never a response body
 * @param deliveredTo the channels (the gateway, each robot of the department) that accepted it: a channel that fails
 *                   is tried again without sending it again through those that took it
 */
public record Notification(String id, String kind, String caseId, String departmentCode, String projectCode,
                           Integer level, String role, List<String> recipients, String text, Instant createdAt,
                           NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt,
                           Instant deliveredAt, List<String> deliveredTo) {

    public Notification {
        Objects.requireNonNull(id, "id");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        deliveredTo = deliveredTo == null ? List.of() : List.copyOf(deliveredTo);
    }

    public static Notification pending(String id, String kind, String caseId, String departmentCode,
                                       String projectCode, Integer level, String role, List<String> recipients,
                                       String text, Instant at) {
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text, at,
                NotificationStatus.PENDING, 0, null, at, null, List.of());
    }

    public Notification delivered(Instant at) {
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, NotificationStatus.DELIVERED, attempts + 1, lastError, null, at, deliveredTo);
    }

    public boolean deliveredVia(String channel) {
        return deliveredTo.contains(channel);
    }

    /** One channel took it; the others may still be waiting. */
    public Notification acceptedBy(String channel) {
        if (deliveredVia(channel)) {
            return this;
        }
        List<String> channels = new java.util.ArrayList<>(deliveredTo);
        channels.add(channel);
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, status, attempts, lastError, nextAttemptAt, deliveredAt, channels);
    }

    /**
     * A channel asked us to wait (a robot's messages per minute used up): tried again after {@code pause}, and not
     * counted as a failed attempt, so its pauses do not grow.
     */
    public Notification deferred(Instant at, String reason, Duration pause) {
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, NotificationStatus.PENDING, attempts, reason, at.plus(pause), null, deliveredTo);
    }

    /** A failed attempt: the next waits {@code firstPause} doubled per earlier failure, at most {@code maxPause}. */
    public Notification failed(Instant at, String error, Duration firstPause, Duration maxPause) {
        int failures = attempts + 1;
        Duration pause = firstPause.multipliedBy(1L << Math.min(failures - 1, 20));
        if (pause.compareTo(maxPause) > 0) {
            pause = maxPause;
        }
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, NotificationStatus.PENDING, failures, error, at.plus(pause), null, deliveredTo);
    }
}
