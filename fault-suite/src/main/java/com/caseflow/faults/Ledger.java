package com.caseflow.faults;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every contact the load sent, with what intake answered: the reconciliation's point of reference. */
final class Ledger {

    enum Outcome { PENDING, ACCEPTED, REJECTED, UNKNOWN }

    /** One contact as the agent sent it; its key is the request's Idempotency-Key, kept across retries. */
    static final class Request {
        final long number;
        final String phase;
        final String agent;
        final String key;
        final boolean visit;
        final boolean settled;
        /** The project and category the contact was recorded under (intake keeps them as sent). */
        final String project;
        final String category;
        final String body;
        volatile Outcome outcome = Outcome.PENDING;
        volatile String contactId;
        volatile int lastStatus;
        volatile long acceptedAtMillis;
        /** When the agent recorded it: from then on it waits for intake's answer, retried while none comes. */
        final long recordedAtMillis = System.currentTimeMillis();

        Request(long number, String phase, String agent, String key, boolean visit, boolean settled, String project,
                String category, String body) {
            this.number = number;
            this.phase = phase;
            this.agent = agent;
            this.key = key;
            this.visit = visit;
            this.settled = settled;
            this.project = project;
            this.category = category;
            this.body = body;
        }
    }

    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    void add(Request request) {
        requests.add(request);
    }

    List<Request> all() {
        return List.copyOf(requests);
    }

    List<Request> with(Outcome outcome) {
        return requests.stream().filter(r -> r.outcome == outcome).toList();
    }

    /**
     * Whether every contact recorded at least {@code olderThanMillis} ago has intake's answer (or was given up as
     * unknown). While the store is away the agents' contacts wait here, retried, and none is on Kafka yet: lag 0 then
     * says nothing about recovery.
     */
    boolean answered(long olderThanMillis) {
        long before = System.currentTimeMillis() - olderThanMillis;
        return requests.stream().noneMatch(r -> r.outcome == Outcome.PENDING && r.recordedAtMillis <= before);
    }

    long count(String phase, Outcome outcome) {
        return requests.stream().filter(r -> r.phase.equals(phase) && r.outcome == outcome).count();
    }

    long sent(String phase) {
        return requests.stream().filter(r -> r.phase.equals(phase)).count();
    }
}
