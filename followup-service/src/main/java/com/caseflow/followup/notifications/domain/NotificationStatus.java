package com.caseflow.followup.notifications.domain;

public enum NotificationStatus {
    /** Not yet accepted by the gateway: waiting for its first or next attempt. */
    PENDING,
    DELIVERED
}
