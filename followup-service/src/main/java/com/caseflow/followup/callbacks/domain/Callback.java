package com.caseflow.followup.callbacks.domain;

import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.FeedbackChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The call back (回访) to one customer after their case was resolved: queued for customer service, due within the
 * configured business hours, tried again when the customer cannot be reached, closed once they answer. Every
 * attempt is announced as {@code CustomerFeedbackRecorded}; an unsatisfied customer, or one who says the matter is
 * not resolved, also asks routing to reopen the case.
 */
public final class Callback {

    private final String id;
    private final String caseId;
    /** The sequence of the {@code CaseResolved} this callback follows: each resolution gets its own callbacks. */
    private final long resolvedSequence;
    private final String contactId;
    private final String agentId;
    private final CaseCustomer customer;
    private final String departmentCode;
    private final String projectCode;
    private final String matter;
    private final String resolution;
    private final Instant resolvedAt;
    private final Instant dueAt;
    private Instant nextAttemptAt;
    private CallbackStatus status;
    private final List<CallbackAttempt> attempts;
    private Instant closedAt;

    public Callback(String id, String caseId, long resolvedSequence, String contactId, String agentId,
                    CaseCustomer customer, String departmentCode, String projectCode, String matter,
                    String resolution, Instant resolvedAt, Instant dueAt, Instant nextAttemptAt,
                    CallbackStatus status, List<CallbackAttempt> attempts, Instant closedAt) {
        this.id = Objects.requireNonNull(id);
        this.caseId = caseId;
        this.resolvedSequence = resolvedSequence;
        this.contactId = contactId;
        this.agentId = agentId;
        this.customer = customer;
        this.departmentCode = departmentCode;
        this.projectCode = projectCode;
        this.matter = matter;
        this.resolution = resolution;
        this.resolvedAt = resolvedAt;
        this.dueAt = dueAt;
        this.nextAttemptAt = nextAttemptAt;
        this.status = status;
        this.attempts = new ArrayList<>(attempts == null ? List.of() : attempts);
        this.closedAt = closedAt;
    }

    /** The id of the callback to the {@code index}-th customer (from 1) of a case's resolution. */
    public static String idFor(String caseId, long resolvedSequence, int index) {
        return caseId + "." + resolvedSequence + "." + index;
    }

    /**
     * Records one call and returns what announces it: the feedback, and a reopen request when the customer is
     * unsatisfied or says the matter is not resolved.
     *
     * @param retryAt when to call again if the customer was not reached and attempts are left
     */
    public List<Object> record(CallbackOutcome outcome, String by, String requestKey, Instant at, Instant retryAt,
                               CallbackPolicy policy) {
        return record(outcome, FeedbackChannel.PHONE, by, requestKey, at, retryAt, policy);
    }

    /**
     * Records one answer that came by {@code channel}: a call, or the customer's reply to the resolution's text
     * message, which counts as the callback when it comes first.
     */
    public List<Object> record(CallbackOutcome outcome, FeedbackChannel channel, String by, String requestKey,
                               Instant at, Instant retryAt, CallbackPolicy policy) {
        if (status != CallbackStatus.QUEUED) {
            throw new CallbackClosedException("callback " + id + " is " + status + ": nothing more to record");
        }
        int number = attempts.size() + 1;
        attempts.add(new CallbackAttempt(number, at, by, outcome.reached(), outcome.satisfaction(),
                outcome.resolvedInCustomerView(), outcome.comment(), requestKey));
        if (outcome.reached()) {
            close(CallbackStatus.COMPLETED, at);
        } else if (number >= policy.maxAttempts()) {
            close(CallbackStatus.UNREACHED, at);
        } else {
            nextAttemptAt = retryAt;
        }
        List<Object> events = new ArrayList<>();
        events.add(new CustomerFeedbackRecorded(caseId, id, contactId, agentId, departmentCode, projectCode, number,
                outcome.reached(), outcome.satisfaction(), outcome.resolvedInCustomerView(), outcome.comment(),
                status != CallbackStatus.QUEUED, by, at, channel));
        if (outcome.reached() && (outcome.satisfaction() <= policy.reopenAtOrBelow()
                || Boolean.FALSE.equals(outcome.resolvedInCustomerView()))) {
            // a text reply gives a score only: not having said "not resolved" is not a complaint about the resolution
            events.add(new CaseReopenRequested(caseId, id, outcome.satisfaction(),
                    !Boolean.FALSE.equals(outcome.resolvedInCustomerView()), outcome.comment(), by, at,
                    resolvedSequence));
        }
        return events;
    }

    /** True when an attempt was recorded with this idempotency key. */
    public boolean hasRecorded(String requestKey) {
        return attempts.stream().anyMatch(a -> requestKey.equals(a.requestKey()));
    }

    /** The case was reopened: a callback not yet made is no longer due. */
    public boolean supersede(Instant at) {
        if (status != CallbackStatus.QUEUED) {
            return false;
        }
        close(CallbackStatus.SUPERSEDED, at);
        return true;
    }

    private void close(CallbackStatus closing, Instant at) {
        status = closing;
        closedAt = at;
        nextAttemptAt = null;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public long resolvedSequence() {
        return resolvedSequence;
    }

    public String contactId() {
        return contactId;
    }

    public String agentId() {
        return agentId;
    }

    public CaseCustomer customer() {
        return customer;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String projectCode() {
        return projectCode;
    }

    public String matter() {
        return matter;
    }

    public String resolution() {
        return resolution;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public CallbackStatus status() {
        return status;
    }

    public List<CallbackAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public Instant closedAt() {
        return closedAt;
    }
}
