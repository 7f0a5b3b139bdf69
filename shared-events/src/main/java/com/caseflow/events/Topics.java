package com.caseflow.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the system, in one place. Producers key each record as documented here so that the events of
 * one contact or case stay in order on one partition.
 */
public final class Topics {

    /** {@code ContactReceived}; key = contact id. */
    public static final String CONTACTS = "contacts";
    /** Every case lifecycle event; key = case id. */
    public static final String CASES = "cases";
    /** Reminders, escalations, customer feedback, reopen requests; key = case id. */
    public static final String FOLLOWUPS = "followups";
    /**
     * What the phone platform says happened to each hotline call ({@code CallOffered}, {@code CallRinging},
     * {@code CallAnswered}, {@code CallAbandoned}, {@code CallTransferred}, {@code CallEnded}); key = call id.
     */
    public static final String CALLS = "calls";
    /**
     * Spot-checks, evaluation results, managers' decisions on them and training assignments; key = agent or department
     * id.
     */
    public static final String EVALUATIONS = "evaluations";
    /**
     * The current version of each business calendar; key = calendar id. Compacted: the newest record per key is kept
     * for good, so a service starting from the beginning reads every calendar.
     */
    public static final String CALENDARS = "calendars";

    /**
     * A department's own copy of the events of the cases it owns, for its own systems: Kafka ACLs can grant a
     * department's principal this topic alone. Key = case id.
     */
    public static String departmentCases(String departmentCode) {
        return CASES + ".dept." + departmentCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Records a consumer could not process, with the error in the headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    public static final List<String> ALL = List.of(CONTACTS, CALLS, CASES, FOLLOWUPS, EVALUATIONS, CALENDARS);

    /** The topics that keep the newest record per key instead of a time window ({@code cleanup.policy=compact}). */
    public static final List<String> COMPACTED = List.of(CALENDARS);

    public static final Duration EVENT_RETENTION = Duration.ofDays(14);
    public static final Duration DEPARTMENT_RETENTION = Duration.ofDays(7);
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofHours(72);

    /**
     * How long a topic keeps its records, written out for every topic rather than left to the broker's default. The
     * services' stores are the record; a topic holds events for consumers that fell behind, and every day it keeps
     * them is a day more of customers' names and numbers on the brokers.
     * <ul>
     *   <li>the event topics: 14 days — a consumer down over the longest public holiday (国庆, 8 days) catches up;</li>
     *   <li>a department's copy: 7 days — its own systems read it as it comes;</li>
     *   <li>dead letters: 72 hours — an alert on {@code caseflow.dead.letters} fires at the first one, and what is
     *       replayed must be looked at by then;</li>
     *   <li>the compacted calendars: the newest record per key, for good.</li>
     * </ul>
     */
    public static Map<String, String> configs(String topic) {
        if (COMPACTED.contains(topic)) {
            return Map.of("cleanup.policy", "compact");
        }
        Duration retention = topic.endsWith(".dlq") ? DEAD_LETTER_RETENTION
                : topic.startsWith(CASES + ".dept.") ? DEPARTMENT_RETENTION : EVENT_RETENTION;
        return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }

    /** Partitions per topic in the local stack; production sizes its own. */
    public static final int LOCAL_PARTITIONS = 3;

    private Topics() {
    }
}
