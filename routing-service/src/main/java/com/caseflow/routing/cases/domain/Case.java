package com.caseflow.routing.cases.domain;

import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseNoteAdded;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The matter a contact raised, in exactly one department's queue at a time. Every step returns the event that
 * announces it and appends to the history; a step the state does not allow throws {@link CaseTransitionException}.
 */
public final class Case {

    private final String id;
    private CaseStatus status;
    private String departmentCode;
    private String ownerId;
    private Priority priority;
    private final Complexity complexity;
    private final ContactCategory category;
    private final String projectCode;
    private final String unit;
    private final String matter;
    private final CaseCustomer customer;
    private final List<CaseContact> contacts;
    private final String ruleId;
    private final long ruleVersion;
    private final List<String> matchedKeywords;
    private Deadlines deadlines;
    /** When the current deadlines started to run: routed, transferred or reopened. */
    private Instant clockStartedAt;
    private String incidentId;
    private String mergedInto;
    private final Instant openedAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private String resolution;
    private int reopenCount;
    private final List<String> reopenRequests;
    /**
     * The steps kept with the case: the opening step, the latest step of each type and the newest ones. Every step
     * ever taken is numbered 1..{@link #sequence}; those no longer kept here were handed to the history store by
     * {@link #spillHistory} first, so the case document stays bounded however many steps it takes.
     */
    private final List<HistoryEntry> history;
    private long sequence;
    private Instant updatedAt;
    /** Why routing sent the case where it did, at what priority: rule and words, in words (may be empty). */
    private final List<String> reasons;
    /** How many times the case moved to another department (counted since transfers were counted). */
    private int transferCount;

    public Case(String id, CaseStatus status, String departmentCode, String ownerId, Priority priority,
                Complexity complexity, ContactCategory category, String projectCode, String unit, String matter,
                CaseCustomer customer, List<CaseContact> contacts, String ruleId, long ruleVersion,
                List<String> matchedKeywords, Deadlines deadlines, Instant clockStartedAt, String incidentId,
                String mergedInto, Instant openedAt, Instant acceptedAt, Instant resolvedAt, String resolution,
                int reopenCount, List<String> reopenRequests, List<HistoryEntry> history, long sequence,
                Instant updatedAt, List<String> reasons, int transferCount) {
        this.id = Objects.requireNonNull(id);
        this.status = status;
        this.departmentCode = departmentCode;
        this.ownerId = ownerId;
        this.priority = priority;
        this.complexity = complexity;
        this.category = category;
        this.projectCode = projectCode;
        this.unit = unit;
        this.matter = matter;
        this.customer = customer;
        this.contacts = new ArrayList<>(contacts == null ? List.of() : contacts);
        this.ruleId = ruleId;
        this.ruleVersion = ruleVersion;
        this.matchedKeywords = matchedKeywords == null ? List.of() : List.copyOf(matchedKeywords);
        this.deadlines = deadlines;
        this.clockStartedAt = clockStartedAt;
        this.incidentId = incidentId;
        this.mergedInto = mergedInto;
        this.openedAt = openedAt;
        this.acceptedAt = acceptedAt;
        this.resolvedAt = resolvedAt;
        this.resolution = resolution;
        this.reopenCount = reopenCount;
        this.reopenRequests = new ArrayList<>(reopenRequests == null ? List.of() : reopenRequests);
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.sequence = sequence;
        this.updatedAt = updatedAt;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.transferCount = transferCount;
    }

    /** What routing knows about the contact that opens a case. */
    public record Opening(String contactId, String agentId, Channel channel, Instant receivedAt, String projectCode,
                          String unit, ContactCategory category, String matter, CaseCustomer customer) {
    }

    /** How the case was routed; {@code reasons} says why, in words. */
    public record Routing(String departmentCode, Complexity complexity, Priority priority,
                          List<String> matchedKeywords, String ruleId, long ruleVersion, Deadlines deadlines,
                          String incidentId, List<String> reasons) {

        public Routing(String departmentCode, Complexity complexity, Priority priority, List<String> matchedKeywords,
                       String ruleId, long ruleVersion, Deadlines deadlines, String incidentId) {
            this(departmentCode, complexity, priority, matchedKeywords, ruleId, ruleVersion, deadlines, incidentId,
                    List.of());
        }
    }

    public record Opened(Case routed, CaseRouted event) {
    }

    public static Opened open(String id, Opening contact, Routing routing, Instant at) {
        Case opened = new Case(id, CaseStatus.OPEN, routing.departmentCode(), null, routing.priority(),
                routing.complexity(), contact.category(), contact.projectCode(), contact.unit(), contact.matter(),
                contact.customer(),
                List.of(new CaseContact(contact.contactId(), contact.agentId(), contact.channel(),
                        contact.receivedAt(), contact.customer(), null)),
                routing.ruleId(), routing.ruleVersion(), routing.matchedKeywords(), routing.deadlines(), at,
                routing.incidentId(), null, at, null, null, null, 0, List.of(), List.of(), 0, at, routing.reasons(), 0);
        opened.record(EventTypes.CASE_ROUTED, at, "routing-service", routing.departmentCode(),
                "rule " + routing.ruleId() + " v" + routing.ruleVersion());
        CaseRouted event = new CaseRouted(id, opened.sequence, contact.contactId(), contact.agentId(),
                contact.channel(), contact.receivedAt(), contact.projectCode(), contact.unit(), contact.category(),
                contact.matter(), contact.customer(), routing.complexity(), routing.priority(),
                routing.matchedKeywords(), routing.departmentCode(), routing.ruleId(), routing.ruleVersion(),
                routing.deadlines(), routing.incidentId(), at, null, opened.reasons, null);
        return new Opened(opened, event);
    }

    public boolean hasContact(String contactId) {
        return contacts.stream().anyMatch(c -> c.contactId().equals(contactId));
    }

    /**
     * Another contact about the same matter joins the case. A repeat raises the priority one step: the customer
     * had to call again. New deadlines, if the raised priority shortens them, come from the caller.
     */
    public ContactAttached attach(CaseContact contact, Priority newPriority, Deadlines newDeadlines, Instant at) {
        requireOpen("attach a contact to");
        if (hasContact(contact.contactId())) {
            throw new CaseTransitionException("contact already attached");
        }
        contacts.add(contact);
        if (newPriority.compareTo(priority) > 0) {
            priority = newPriority;
            deadlines = newDeadlines == null ? deadlines : newDeadlines;
        }
        record(EventTypes.CONTACT_ATTACHED, at, "routing-service", departmentCode, contact.reason().name());
        return new ContactAttached(id, sequence, contact.contactId(), contact.agentId(), contact.channel(),
                contact.receivedAt(), contact.customer(), contact.reason(), incidentId, departmentCode, priority,
                deadlines, at);
    }

    /** The case now stands for a mass incident; the priority is at least HIGH. */
    public void markIncident(String incident) {
        this.incidentId = incident;
    }

    public CaseAccepted accept(String staffId, Instant at) {
        if (status != CaseStatus.OPEN) {
            throw new CaseTransitionException("only an open case that nobody owns can be accepted; it is " + status);
        }
        status = CaseStatus.IN_PROGRESS;
        ownerId = staffId;
        if (acceptedAt == null) {
            acceptedAt = at;
        }
        record(EventTypes.CASE_ACCEPTED, at, staffId, departmentCode, null);
        return new CaseAccepted(id, sequence, departmentCode, staffId, at);
    }

    public CaseNoteAdded addNote(String staffId, String note, Instant at) {
        requireOpen("add a note to");
        record(EventTypes.CASE_NOTE_ADDED, at, staffId, departmentCode, note);
        return new CaseNoteAdded(id, sequence, departmentCode, staffId, note, at);
    }

    public CaseTransferred transfer(String toDepartment, String reason, String staffId, Deadlines newDeadlines,
                                    Instant at) {
        requireOpen("transfer");
        if (toDepartment.equals(departmentCode)) {
            throw new CaseTransitionException("the case is already in " + toDepartment);
        }
        String from = departmentCode;
        departmentCode = toDepartment;
        status = CaseStatus.OPEN;
        ownerId = null;
        deadlines = newDeadlines;
        clockStartedAt = at;
        transferCount++;
        record(EventTypes.CASE_TRANSFERRED, at, staffId, toDepartment, from + " → " + toDepartment + ": " + reason);
        return new CaseTransferred(id, sequence, from, toDepartment, reason, staffId, projectCode, unit, category,
                matter, customer, priority, newDeadlines, at, null);
    }

    public CaseResolved resolve(String staffId, String resolutionText, Instant at) {
        if (status != CaseStatus.IN_PROGRESS) {
            throw new CaseTransitionException("a case is resolved by its owner: accept it first; it is " + status);
        }
        if (!staffId.equals(ownerId)) {
            throw new CaseTransitionException("a case is resolved by its owner, " + ownerId
                    + ": they resolve it, or someone accepts it after a transfer");
        }
        status = CaseStatus.RESOLVED;
        resolvedAt = at;
        resolution = resolutionText;
        record(EventTypes.CASE_RESOLVED, at, staffId, departmentCode, resolutionText);
        return new CaseResolved(id, sequence, departmentCode, staffId, resolutionText,
                contacts.stream().map(CaseContact::contactId).toList(), at);
    }

    public boolean hasAppliedReopenRequest(String requestEventId) {
        return reopenRequests.contains(requestEventId);
    }

    /**
     * The sequence of the {@code CaseResolved} that resolved the case as it stands, taken from the history (so
     * documents stored before it was asked for answer too); empty unless the case is resolved.
     */
    public OptionalLong currentResolution() {
        if (status != CaseStatus.RESOLVED) {
            return OptionalLong.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (EventTypes.CASE_RESOLVED.equals(history.get(i).type())) {
                return OptionalLong.of(history.get(i).sequence());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether a reopen request about the resolution at {@code resolvedSequence} answers the case as it stands: the
     * case is resolved and that resolution is its current one. A request that names no resolution (published before
     * requests named it) answers any resolved case: a customer's complaint is never dropped for want of it.
     */
    public boolean isReopenedBy(Long resolvedSequence) {
        if (status != CaseStatus.RESOLVED) {
            return false;
        }
        OptionalLong current = currentResolution();
        return resolvedSequence == null || current.isEmpty() || current.getAsLong() == resolvedSequence;
    }

    /** Back to the same department with raised priority; a request is applied once however often it arrives. */
    public CaseReopened reopen(String requestEventId, String reason, Deadlines newDeadlines, Instant at) {
        if (status != CaseStatus.RESOLVED) {
            throw new CaseTransitionException("only a resolved case can be reopened; it is " + status);
        }
        status = CaseStatus.OPEN;
        ownerId = null;
        priority = priority.raised();
        deadlines = newDeadlines;
        clockStartedAt = at;
        resolvedAt = null;
        resolution = null;
        reopenCount++;
        reopenRequests.add(requestEventId);
        record(EventTypes.CASE_REOPENED, at, "followup-service", departmentCode, reason);
        return new CaseReopened(id, sequence, departmentCode, reason, requestEventId, priority, newDeadlines, at);
    }

    public CaseMerged mergeInto(String leadCaseId, String incident, Instant at) {
        requireOpen("merge");
        status = CaseStatus.MERGED;
        mergedInto = leadCaseId;
        incidentId = incident;
        record(EventTypes.CASE_MERGED, at, "routing-service", departmentCode, "incident " + incident);
        return new CaseMerged(id, sequence, departmentCode, leadCaseId, incident, at);
    }

    private void requireOpen(String step) {
        if (!status.isOpen()) {
            throw new CaseTransitionException("cannot " + step + " a case that is " + status);
        }
    }

    private void record(String type, Instant at, String by, String department, String detail) {
        sequence++;
        updatedAt = at;
        history.add(new HistoryEntry(sequence, type, at, by, department, detail));
    }

    /**
     * Takes out of the case the steps it need not keep, and returns them for the history store, oldest first. Kept:
     * the opening step (where routing sent the case), the latest step of each type (the last note, the current
     * resolution), the newest {@code keep}, and every step after {@code storedSequence} — a step not yet stored with
     * the case is never handed on, so the history store only ever holds steps as the case holds them.
     */
    public List<HistoryEntry> spillHistory(int keep, long storedSequence) {
        if (history.size() <= keep + 1) {
            return List.of();
        }
        List<HistoryEntry> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparingLong(HistoryEntry::sequence));
        Set<Long> kept = new HashSet<>();
        kept.add(ordered.get(0).sequence());
        Set<String> types = new HashSet<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            HistoryEntry entry = ordered.get(i);
            if (types.add(entry.type()) || i >= ordered.size() - keep || entry.sequence() > storedSequence) {
                kept.add(entry.sequence());
            }
        }
        List<HistoryEntry> spilled = ordered.stream().filter(e -> !kept.contains(e.sequence())).toList();
        history.removeIf(e -> !kept.contains(e.sequence()));
        return spilled;
    }

    public boolean isOverdue(Instant now) {
        if (!status.isOpen() || deadlines == null) {
            return false;
        }
        Instant due = acceptedAt == null || status == CaseStatus.OPEN
                ? deadlines.firstResponseDue() : deadlines.resolutionDue();
        return now.isAfter(due);
    }

    public String id() { return id; }
    public CaseStatus status() { return status; }
    public String departmentCode() { return departmentCode; }
    public String ownerId() { return ownerId; }
    public Priority priority() { return priority; }
    public Complexity complexity() { return complexity; }
    public ContactCategory category() { return category; }
    public String projectCode() { return projectCode; }
    public String unit() { return unit; }
    public String matter() { return matter; }
    public CaseCustomer customer() { return customer; }
    public List<CaseContact> contacts() { return List.copyOf(contacts); }
    public String ruleId() { return ruleId; }
    public long ruleVersion() { return ruleVersion; }
    public List<String> matchedKeywords() { return matchedKeywords; }
    public Deadlines deadlines() { return deadlines; }
    public Instant clockStartedAt() { return clockStartedAt; }
    public String incidentId() { return incidentId; }
    public String mergedInto() { return mergedInto; }
    public Instant openedAt() { return openedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public String resolution() { return resolution; }
    public int reopenCount() { return reopenCount; }
    public List<String> reopenRequests() { return List.copyOf(reopenRequests); }
    /** The steps kept with the case (see {@link #spillHistory}); the whole history is in the history store. */
    public List<HistoryEntry> history() { return List.copyOf(history); }
    /** How many steps the case has taken: its history, numbered 1 to this. */
    public long historyCount() { return sequence; }
    public long sequence() { return sequence; }
    public Instant updatedAt() { return updatedAt; }
    public List<String> reasons() { return reasons; }
    public int transferCount() { return transferCount; }

    @Override
    public String toString() {
        return "Case[" + id + ", " + status + ", " + departmentCode + ", " + priority + "]";
    }
}
