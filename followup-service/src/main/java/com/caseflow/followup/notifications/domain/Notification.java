package com.caseflow.followup.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message for the company's gateway (WeCom, DingTalk, SMS) announcing a reminder or an escalation. It is kept until
 * the gateway accepts it: a failed delivery waits and is tried again, with growing pauses, never dropped.
 *
 * @param id         the id of the event it announces: the gateway can use it to drop a repeated delivery
 * @param recipients who should read it: staff ids, or {@code role:department} when the directory names nobody
 * @param text       the message in Chinese, without customers' names or numbers
 * @param lastError  the kind of the last failure (HTTP status or exception type), never a response body
 */
public record Notification(String id, String kind, String caseId, String departmentCode, String projectCode,
                           Integer level, String role, List<String> recipients, String text, Instant createdAt,
                           NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt,
                           Instant deliveredAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public static Notification pending(String id, String kind, String caseId, String departmentCode,
                                       String projectCode, Integer level, String role, List<String> recipients,
                                       String text, Instant at) {
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text, at,
                NotificationStatus.PENDING, 0, null, at, null);
    }

    public Notification delivered(Instant at) {
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, NotificationStatus.DELIVERED, attempts + 1, lastError, null, at);
    }

    /** A failed attempt: the next waits {@code firstPause} doubled per earlier failure, at most {@code maxPause}. */
    public Notification failed(Instant at, String error, Duration firstPause, Duration maxPause) {
        int failures = attempts + 1;
        Duration pause = firstPause.multipliedBy(1L << Math.min(failures - 1, 20));
        if (pause.compareTo(maxPause) > 0) {
            pause = maxPause;
        }
        return new Notification(id, kind, caseId, departmentCode, projectCode, level, role, recipients, text,
                createdAt, NotificationStatus.PENDING, failures, error, at.plus(pause), null);
    }
}
