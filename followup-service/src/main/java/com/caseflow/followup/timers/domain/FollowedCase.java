package com.caseflow.followup.timers.domain;

import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.DeadlineKind;
import com.caseflow.events.followup.FollowUpReminderIssued;
import com.caseflow.events.followup.OnDutyAlerted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A routed case as the follow-up service keeps it: its deadlines, the timers around them and its timeline. Case
 * events are applied in their sequence, each once; a timer fires once, when it is due, and never after the deadline
 * it serves was met or replaced.
 */
public final class FollowedCase {

    private final String id;
    private CaseStatus status;
    private String departmentCode;
    /** The head of the department as routing's registry names it; null for events from before it was sent. */
    private String departmentHead;
    private String ownerId;
    private final String projectCode;
    private final String matter;
    private Priority priority;
    /** Counts the sets of deadlines: routed is 1, each transfer or reopening starts the next. */
    private int generation;
    private final List<CaseDeadline> deadlines;
    private final List<Stage> stages;
    private final List<CaseCaller> callers;
    /**
     * The timeline entries kept with the case: its first entry and its newest ones. Every entry ever added is numbered
     * 1..{@link #timelineCount}; those no longer kept here were handed to the timeline store first
     * ({@link #spillable}), so the case's document stays bounded however many events it takes.
     */
    private final List<TimelineEntry> timeline;
    private long timelineCount;
    private long sequence;
    private Instant resolvedAt;
    /** The calendar the current deadlines are counted in; null for cases kept before calendars were named. */
    private String calendarId;

    public FollowedCase(String id, CaseStatus status, String departmentCode, String departmentHead, String ownerId,
                        String projectCode,
                        String matter, Priority priority, int generation, List<CaseDeadline> deadlines,
                        List<Stage> stages, List<CaseCaller> callers, List<TimelineEntry> timeline, long sequence,
                        Instant resolvedAt, String calendarId, long timelineCount) {
        this.id = Objects.requireNonNull(id);
        this.status = status;
        this.departmentCode = departmentCode;
        this.departmentHead = departmentHead;
        this.ownerId = ownerId;
        this.projectCode = projectCode;
        this.matter = matter;
        this.priority = priority;
        this.generation = generation;
        this.deadlines = new ArrayList<>(deadlines == null ? List.of() : deadlines);
        this.stages = new ArrayList<>(stages == null ? List.of() : stages);
        this.callers = new ArrayList<>(callers == null ? List.of() : callers);
        this.timeline = new ArrayList<>(timeline == null ? List.of() : timeline);
        this.sequence = sequence;
        this.resolvedAt = resolvedAt;
        this.calendarId = calendarId;
        // a case stored before entries were counted keeps its whole timeline: entries 1..size
        this.timelineCount = Math.max(timelineCount, this.timeline.size());
    }

    /** A timer that fired, with the event announcing it; {@code stageId} is stable, so is the event's identity. */
    public record Fired(String stageId, Object event) {
    }

    public static FollowedCase routed(CaseRouted routed, FollowUpPlan plan, WorkingTime time) {
        FollowedCase followed = new FollowedCase(routed.caseId(), CaseStatus.ACTIVE, routed.departmentCode(),
                routed.departmentHead(), null, routed.projectCode(), routed.matter(), routed.priority(), 0, List.of(), List.of(),
                List.of(new CaseCaller(routed.contactId(), routed.agentId(), routed.customer())), List.of(),
                routed.sequence(), null, null, 0);
        followed.note(TimelineEntry.of(routed.routedAt(), "ROUTED", routed.departmentCode(), null,
                "rule " + routed.ruleId() + " v" + routed.ruleVersion()));
        followed.startClocks(routed.deadlines(), routed.routedAt(), plan, time);
        return followed;
    }

    /** True when the event with this sequence was applied already (a redelivery or a replay). */
    public boolean hasApplied(long eventSequence) {
        return eventSequence <= sequence;
    }

    /**
     * A contact joined the case. When it raised the priority routing shortened the deadlines, counted from when the
     * current clock started: the timers are planned again for them (as a new set, so no earlier timer's id repeats).
     * A new customer is kept for a callback while the case holds fewer than {@code maxCallers}: routing lets a case
     * answer far fewer contacts (200), so one more is a broken promise upstream, not a customer to keep without bound.
     *
     * @return false when the contact's customer was new but one too many to keep
     */
    public boolean attached(ContactAttached attached, FollowUpPlan plan, WorkingTime time, int maxCallers) {
        advance(attached.sequence());
        priority = attached.priority() != null ? attached.priority() : priority;
        if (attached.deadlines() != null && status == CaseStatus.ACTIVE && !deadlines.isEmpty()
                && !sameDueTimes(attached.deadlines())) {
            retime(attached.deadlines(), plan, time);
        }
        boolean known = callers.stream().anyMatch(c -> sameCustomer(c, attached));
        boolean kept = known || callers.size() < maxCallers;
        if (!known && kept) {
            callers.add(new CaseCaller(attached.contactId(), attached.agentId(), attached.customer()));
        }
        note(TimelineEntry.of(attached.attachedAt(), "CONTACT_ATTACHED", departmentCode, attached.agentId(),
                attached.reason() == null ? null : attached.reason().name()));
        return kept;
    }

    public void accepted(CaseAccepted accepted) {
        advance(accepted.sequence());
        ownerId = accepted.acceptedBy();
        meet(DeadlineKind.FIRST_RESPONSE, accepted.acceptedAt());
        note(TimelineEntry.of(accepted.acceptedAt(), "ACCEPTED", departmentCode, accepted.acceptedBy(), null));
    }

    public void transferred(CaseTransferred transferred, FollowUpPlan plan, WorkingTime time) {
        advance(transferred.sequence());
        note(TimelineEntry.of(transferred.transferredAt(), "TRANSFERRED", transferred.toDepartment(),
                transferred.transferredBy(), transferred.fromDepartment() + " → " + transferred.toDepartment()
                        + (transferred.reason() == null ? "" : "：" + transferred.reason())));
        departmentCode = transferred.toDepartment();
        departmentHead = transferred.toDepartmentHead();
        ownerId = null;
        priority = transferred.priority() != null ? transferred.priority() : priority;
        startClocks(transferred.deadlines(), transferred.transferredAt(), plan, time);
    }

    public void resolved(CaseResolved resolved) {
        advance(resolved.sequence());
        status = CaseStatus.RESOLVED;
        resolvedAt = resolved.resolvedAt();
        meet(DeadlineKind.FIRST_RESPONSE, resolved.resolvedAt());
        meet(DeadlineKind.RESOLUTION, resolved.resolvedAt());
        cancelPending(resolved.resolvedAt());
        note(TimelineEntry.of(resolved.resolvedAt(), "RESOLVED", departmentCode, resolved.resolvedBy(),
                resolved.resolution()));
    }

    public void reopened(CaseReopened reopened, FollowUpPlan plan, WorkingTime time) {
        advance(reopened.sequence());
        status = CaseStatus.ACTIVE;
        ownerId = null;
        resolvedAt = null;
        priority = reopened.priority() != null ? reopened.priority() : priority;
        note(TimelineEntry.of(reopened.reopenedAt(), "REOPENED", departmentCode, null, reopened.reason()));
        startClocks(reopened.deadlines(), reopened.reopenedAt(), plan, time);
    }

    public void merged(CaseMerged merged) {
        advance(merged.sequence());
        status = CaseStatus.MERGED;
        cancelPending(merged.mergedAt());
        note(TimelineEntry.of(merged.mergedAt(), "MERGED", departmentCode, null,
                "→ " + merged.intoCaseId()));
    }

    /**
     * An URGENT case is put before the department's on-duty person at once, day or night — or before its head when
     * the roster names nobody. Empty for a case that is not urgent or no longer running.
     *
     * @param reason why now: {@code ROUTED}, {@code RAISED}, {@code TRANSFERRED}, {@code REOPENED}
     */
    public Optional<OnDutyAlerted> urgentAlert(String reason, String onDutyStaffId, Instant at) {
        if (priority != Priority.URGENT || status != CaseStatus.ACTIVE) {
            return Optional.empty();
        }
        String staffId = onDutyStaffId != null ? onDutyStaffId
                : departmentHead != null ? departmentHead : "DEPARTMENT_HEAD:" + departmentCode;
        Instant firstResponseDue = deadlines.stream()
                .filter(d -> d.kind() == DeadlineKind.FIRST_RESPONSE && d.open()).map(CaseDeadline::dueAt)
                .findFirst().orElse(null);
        note(new TimelineEntry(at, "ON_DUTY_ALERTED", DeadlineKind.FIRST_RESPONSE, null, null,
                firstResponseDue, departmentCode, staffId, reason));
        return Optional.of(new OnDutyAlerted(id, departmentCode, staffId, onDutyStaffId != null, reason,
                projectCode, priority, firstResponseDue, at));
    }

    /** Any other case event: only its place in the sequence matters here. */
    public void skipped(long eventSequence) {
        advance(eventSequence);
    }

    /**
     * Fires every timer due at {@code now}, each once. A reminder whose deadline passed already (the service was
     * down) is skipped: the escalation that follows says more.
     */
    public List<Fired> fireDue(Instant now, WorkingTime time) {
        List<Fired> fired = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (!stage.pending() || stage.dueAt().isAfter(now)) {
                continue;
            }
            if (stage.kind() == StageKind.REMINDER && !now.isBefore(stage.deadlineDueAt())) {
                stages.set(i, stage.settled(StageState.SKIPPED, now));
                note(new TimelineEntry(now, "REMINDER_SKIPPED", stage.deadline(), null, null,
                        stage.deadlineDueAt(), departmentCode, null, "deadline passed before the reminder was sent"));
                continue;
            }
            stages.set(i, stage.settled(StageState.FIRED, now));
            fired.add(new Fired(stage.id(), announce(stage, now, time)));
            note(new TimelineEntry(now, stage.kind() == StageKind.REMINDER ? "REMINDER" : "ESCALATION",
                    stage.deadline(), stage.kind() == StageKind.ESCALATION ? stage.level() : null, stage.role(),
                    stage.deadlineDueAt(), departmentCode, null, null));
        }
        return fired;
    }

    /** The next moment a timer of this case is due, empty when none is pending. */
    public Optional<Instant> nextDueAt() {
        return stages.stream().filter(Stage::pending).map(Stage::dueAt).min(Comparator.naturalOrder());
    }

    /** The earliest deadline not yet met, empty when all are. */
    public Optional<Instant> earliestOpenDeadline() {
        return deadlines.stream().filter(CaseDeadline::open).map(CaseDeadline::dueAt).min(Comparator.naturalOrder());
    }

    /** The highest escalation step reached by the current deadlines, 0 for none. */
    public int escalationLevel() {
        String current = "g" + generation + "-";
        return stages.stream()
                .filter(s -> s.kind() == StageKind.ESCALATION && s.state() == StageState.FIRED)
                .filter(s -> s.id().startsWith(current))
                .mapToInt(Stage::level).max().orElse(0);
    }

    private Object announce(Stage stage, Instant now, WorkingTime time) {
        if (stage.kind() == StageKind.REMINDER) {
            return new FollowUpReminderIssued(id, stage.deadline(), departmentCode, ownerId, projectCode, priority,
                    stage.deadlineDueAt(), time.between(now, stage.deadlineDueAt()).toMinutes(), now);
        }
        return new CaseEscalated(id, stage.deadline(), stage.level(), stage.role(), departmentCode, ownerId,
                projectCode, priority, stage.deadlineDueAt(), time.between(stage.deadlineDueAt(), now).toMinutes(),
                now, departmentHead);
    }

    private boolean sameDueTimes(Deadlines set) {
        return deadlines.stream().allMatch(d -> d.dueAt().equals(d.kind() == DeadlineKind.FIRST_RESPONSE
                ? set.firstResponseDue() : set.resolutionDue()));
    }

    private void retime(Deadlines set, FollowUpPlan plan, WorkingTime time) {
        Instant startedAt = deadlines.get(0).startedAt();
        List<CaseDeadline> before = List.copyOf(deadlines);
        startClocks(set, startedAt, plan, time);
        for (CaseDeadline old : before) {
            if (!old.open()) {
                meet(old.kind(), old.metAt());
            }
        }
    }

    private void startClocks(Deadlines set, Instant startedAt, FollowUpPlan plan, WorkingTime time) {
        cancelPending(startedAt);
        generation++;
        deadlines.clear();
        if (set == null) {
            return;
        }
        calendarId = set.calendarId();
        addClock(DeadlineKind.FIRST_RESPONSE, set.firstResponseDue(), set.firstResponseHours(),
                set.firstResponseWorkingMinutes(), startedAt, plan, time);
        addClock(DeadlineKind.RESOLUTION, set.resolutionDue(), set.resolutionHours(), set.resolutionWorkingMinutes(),
                startedAt, plan, time);
    }

    private void addClock(DeadlineKind kind, Instant dueAt, int hours, int minutes, Instant startedAt,
                          FollowUpPlan plan, WorkingTime time) {
        if (dueAt == null) {
            return;
        }
        deadlines.add(new CaseDeadline(kind, startedAt, dueAt, hours, null, minutes, calendarId));
        stages.addAll(plan.stages(generation, kind, startedAt, dueAt, priority, time));
        note(new TimelineEntry(startedAt, "DEADLINE_SET", kind, null, null, dueAt, departmentCode, null,
                (minutes % 60 == 0 ? minutes / 60 + " business hours" : minutes + " working minutes")
                        + (calendarId == null ? "" : " (" + calendarId + ")")));
    }

    private void meet(DeadlineKind kind, Instant at) {
        for (int i = 0; i < deadlines.size(); i++) {
            CaseDeadline deadline = deadlines.get(i);
            if (deadline.kind() == kind && deadline.open()) {
                deadlines.set(i, deadline.met(at));
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.deadline() == kind && stage.pending()) {
                stages.set(i, stage.settled(StageState.CANCELLED, at));
            }
        }
    }

    private void cancelPending(Instant at) {
        stages.replaceAll(s -> s.pending() ? s.settled(StageState.CANCELLED, at) : s);
    }

    /** What a case held when it was read: the spill hands on only what is stored already. */
    public record Stored(long timelineCount, int generation) {
    }

    public Stored stored() {
        return new Stored(timelineCount, generation);
    }

    /** What the case no longer keeps in its own document, for the stores of timeline entries and retired timers. */
    public record Spilled(List<NumberedEntry> timeline, List<Stage> timers) {

        public boolean isEmpty() {
            return timeline.isEmpty() && timers.isEmpty();
        }
    }

    /**
     * What the case need not keep, oldest first; {@link #drop} takes it out once it is stored elsewhere. Kept: the
     * first timeline entry (where the case was routed), the newest {@code timelineKept} entries and every entry added
     * since {@code stored}; the timers of the current generation of deadlines and of the one before. A timer leaves
     * only once settled in what was stored (any generation older than the stored one: starting a generation cancels
     * every pending timer, and a settled timer never changes), and an entry only once stored — so the other stores
     * only ever hold what the case held, whether the write that follows wins or loses a race.
     */
    public Spilled spillable(int timelineKept, Stored stored) {
        List<NumberedEntry> entries = new ArrayList<>();
        long firstKept = timelineCount - timeline.size() + 2; // the number of timeline.get(1)
        long lastOut = Math.min(timelineCount - timelineKept, stored.timelineCount());
        int out = (int) Math.max(0, lastOut - firstKept + 1);
        for (int i = 1; i <= out; i++) {
            entries.add(new NumberedEntry(firstKept + i - 1, timeline.get(i)));
        }
        List<Stage> retired = stages.stream()
                .filter(s -> !s.pending() && generationOf(s) < stored.generation() && generationOf(s) < generation - 1)
                .toList();
        return new Spilled(List.copyOf(entries), retired);
    }

    /** Takes out of the case what {@link #spillable} found, now that it is stored elsewhere. */
    public void drop(Spilled spilled) {
        if (!spilled.timeline().isEmpty()) {
            long firstKept = timelineCount - timeline.size() + 2;
            if (spilled.timeline().get(0).number() != firstKept) {
                throw new IllegalStateException("timeline entries of case " + id + " dropped out of order");
            }
            timeline.subList(1, 1 + spilled.timeline().size()).clear();
        }
        stages.removeAll(spilled.timers());
    }

    /** The timeline entries kept with the case, with their numbers (see {@link #spillable}). */
    public List<NumberedEntry> numberedTimeline() {
        List<NumberedEntry> numbered = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            numbered.add(new NumberedEntry(i == 0 ? 1 : timelineCount - timeline.size() + 1 + i, timeline.get(i)));
        }
        return numbered;
    }

    private static int generationOf(Stage stage) {
        int dash = stage.id().indexOf('-');
        try {
            return stage.id().startsWith("g") && dash > 1 ? Integer.parseInt(stage.id().substring(1, dash))
                    : Integer.MAX_VALUE;
        } catch (NumberFormatException notPlanned) {
            return Integer.MAX_VALUE; // not a timer this service named: kept
        }
    }

    private void note(TimelineEntry entry) {
        timeline.add(entry);
        timelineCount++;
    }

    private void advance(long eventSequence) {
        sequence = Math.max(sequence, eventSequence);
    }

    private static boolean sameCustomer(CaseCaller caller, ContactAttached attached) {
        if (caller.contactId().equals(attached.contactId())) {
            return true;
        }
        return caller.customer() != null && attached.customer() != null && caller.customer().phone() != null
                && caller.customer().phone().equals(attached.customer().phone());
    }

    public String id() {
        return id;
    }

    public CaseStatus status() {
        return status;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String departmentHead() {
        return departmentHead;
    }

    public String ownerId() {
        return ownerId;
    }

    public String projectCode() {
        return projectCode;
    }

    public String matter() {
        return matter;
    }

    public Priority priority() {
        return priority;
    }

    public int generation() {
        return generation;
    }

    public List<CaseDeadline> deadlines() {
        return List.copyOf(deadlines);
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public List<CaseCaller> callers() {
        return List.copyOf(callers);
    }

    /** The timeline entries kept with the case (see {@link #spillable}); the whole timeline is with the store. */
    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    /** How many entries the case's timeline has: numbered 1 to this. */
    public long timelineCount() {
        return timelineCount;
    }

    public long sequence() {
        return sequence;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String calendarId() {
        return calendarId;
    }
}
