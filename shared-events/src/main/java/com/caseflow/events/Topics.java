package com.caseflow.events;

import java.util.List;

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

    /** Partitions per topic in the local stack; production sizes its own. */
    public static final int LOCAL_PARTITIONS = 3;

    private Topics() {
    }
}
