package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.DeadlineKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each event adds to the day counters of an agent, a department or a project, and how it moves the case's facts.
 * Pure: the application applies the deltas once per event and stores the facts.
 */
public final class Folding {

    /** Counters to add to one agent's day. */
    public record AgentDelta(String agentId, LocalDate day, AgentDay add) {
    }

    /** Counters to add to one department's day. */
    public record DepartmentDelta(String departmentCode, LocalDate day, DepartmentDay add) {
    }

    /** Counters to add to one hotline's hour ({@code hour} 0–23 of {@code day}, Asia/Shanghai). */
    public record HotlineDelta(String hotline, LocalDate day, int hour, HotlineHour add) {
    }

    /** Counters to add to one project's day. */
    public record ProjectDelta(String projectCode, LocalDate day, ProjectDay add) {
    }

    /**
     * The deltas of one event and the case's facts after it (null when the event is not about a case). At most one
     * delta per document: a document counts an event once.
     */
    /**
     * A case's deadline, once per clock (routing, transfer or reopening; a re-timed deadline keeps its clock): whether
     * it was met or missed is decided by the first event that tells — an acceptance or resolution, in time or late,
     * or follow-up's first escalation step — and the others count nothing for it.
     */
    public record Deadline(String caseId, DeadlineKind kind, Instant clockStartedAt) {

        public String key() {
            return caseId + "|" + kind + "|" + clockStartedAt;
        }
    }

    /** @param decides the deadline this event decides as met or missed, if any */
    public record Folded(List<AgentDelta> agents, List<DepartmentDelta> departments, List<ProjectDelta> projects,
                         CaseFacts facts, Deadline decides, List<HotlineDelta> hotlines) {

        public Folded {
            projects = projects == null ? List.of() : List.copyOf(projects);
            hotlines = hotlines == null ? List.of() : List.copyOf(hotlines);
        }

        public Folded(List<AgentDelta> agents, List<DepartmentDelta> departments, List<ProjectDelta> projects,
                      CaseFacts facts, Deadline decides) {
            this(agents, departments, projects, facts, decides, List.of());
        }

        public Folded(List<AgentDelta> agents, List<DepartmentDelta> departments, List<ProjectDelta> projects,
                      CaseFacts facts) {
            this(agents, departments, projects, facts, null);
        }

        public Folded(List<AgentDelta> agents, List<DepartmentDelta> departments, CaseFacts facts) {
            this(agents, departments, List.of(), facts);
        }

        /** The same without its say on the deadline, which another event decided first. */
        public Folded withoutDeadline() {
            return decides == null ? this : new Folded(agents, departments.stream()
                    .map(d -> new DepartmentDelta(d.departmentCode(), d.day(), d.add().withoutDeadline(decides.kind())))
                    .toList(), projects, facts, null, hotlines);
        }
    }

    private static final AgentDay CASE_OPENED = new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    private static final AgentDay CASE_REOPENED = new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
    private static final DepartmentDay CASE_ROUTED = new DepartmentDay(1, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0,
            0, 0, 0);

    /** Working time between two instants in a business calendar (null: the calendar of cases before they were named). */
    @FunctionalInterface
    public interface BusinessTime {
        Duration between(String calendarId, Instant from, Instant to);
    }

    private final ZoneId zone;
    private final BusinessTime businessTime;

    /** @param businessTime working time in the calendar a case's deadlines are counted in */
    public Folding(ZoneId zone, BusinessTime businessTime) {
        this.zone = zone;
        this.businessTime = businessTime;
    }

    public Folded contact(ContactReceived c) {
        boolean phone = c.channel() == Channel.PHONE;
        boolean timedCall = phone && c.answeredWithinThreeRings() != null;
        boolean timedVisit = !phone && c.arrivedAt() != null && c.greetedAt() != null;
        long greet = timedVisit ? Math.max(0, Duration.between(c.arrivedAt(), c.greetedAt()).toSeconds()) : 0;
        AgentDay add = new AgentDay(phone ? 1 : 0, phone ? 0 : 1, timedCall ? 1 : 0,
                timedCall && c.answeredWithinThreeRings() ? 1 : 0, timedVisit ? 1 : 0, greet,
                c.recordComplete() ? 1 : 0, c.settledAtFirstContact() ? 1 : 0, 0, 0, 0, 0, 0, 0, 0, 0)
                .withCallsMeasured(phone && c.timing() == TimingSource.MEASURED ? 1 : 0);
        LocalDate day = day(c.receivedAt());
        List<ProjectDelta> projects = c.projectCode() == null || c.category() == null ? List.of()
                : List.of(new ProjectDelta(c.projectCode(), day, ProjectDay.contact(c.category().name(), c.channel().name(),
                        c.settledAtFirstContact())));
        return new Folded(List.of(new AgentDelta(c.agentId(), day, add)), List.of(), projects, null);
    }

    /** A case that stands for a mass incident from the start counts its first contact in the incident. */
    public Folded routed(CaseRouted r) {
        LocalDate day = day(r.routedAt());
        Instant openedAt = r.receivedAt() == null ? r.routedAt() : r.receivedAt();
        CaseFacts facts = new CaseFacts(r.caseId(), r.departmentCode(), List.of(r.agentId()), r.routedAt(),
                r.deadlines() == null ? null : r.deadlines().firstResponseDue(),
                r.deadlines() == null ? null : r.deadlines().resolutionDue(), r.sequence(), r.projectCode(),
                r.category(), openedAt, r.incidentId(), r.deadlines() == null ? null : r.deadlines().calendarId());
        List<ProjectDelta> projects = r.incidentId() != null && facts.aboutProject()
                ? List.of(new ProjectDelta(r.projectCode(), day(openedAt),
                        ProjectDay.incident(r.incidentId(), r.category().name(), 1)))
                : List.of();
        return new Folded(List.of(new AgentDelta(r.agentId(), day, CASE_OPENED)),
                List.of(new DepartmentDelta(r.departmentCode(), day, CASE_ROUTED)), projects, facts);
    }

    /**
     * A repeat contact (重复来电) or one more caller of a mass incident (群体事件), counted for the case's project and
     * category on the day intake received it. When a case is first seen in an incident, the contact that opened it
     * counts in the incident too (routing attaches later callers to the first caller's case).
     */
    public Folded attached(ContactAttached a, CaseFacts facts) {
        List<String> agents = new ArrayList<>(facts.agentIds());
        if (a.agentId() != null && !agents.contains(a.agentId())) {
            agents.add(a.agentId());
        }
        CaseFacts after = facts.moved(facts.departmentCode(), agents, facts.clockStartedAt(),
                a.deadlines() == null ? facts.firstResponseDue() : a.deadlines().firstResponseDue(),
                a.deadlines() == null ? facts.resolutionDue() : a.deadlines().resolutionDue(), a.sequence())
                .countedIn(a.deadlines() == null ? null : a.deadlines().calendarId());
        Instant received = a.receivedAt() == null ? a.attachedAt() : a.receivedAt();
        if (!facts.aboutProject() || received == null || a.reason() == null) {
            return new Folded(List.of(), List.of(), after);
        }
        String category = facts.category().name();
        Map<LocalDate, ProjectDay> adds = new LinkedHashMap<>();
        if (a.reason() == AttachReason.REPEAT) {
            adds.merge(day(received), ProjectDay.repeat(category), ProjectDay::plus);
        } else if (a.reason() == AttachReason.INCIDENT) {
            String incident = a.incidentId() == null ? facts.incidentId() : a.incidentId();
            if (incident != null) {
                adds.merge(day(received), ProjectDay.incident(incident, category, 1), ProjectDay::plus);
                if (facts.incidentId() == null) {
                    if (facts.openedAt() != null) {
                        adds.merge(day(facts.openedAt()), ProjectDay.incident(incident, category, 1),
                                ProjectDay::plus);
                    }
                    after = after.inIncident(incident);
                }
            }
        }
        List<ProjectDelta> projects = adds.entrySet().stream()
                .map(e -> new ProjectDelta(facts.projectCode(), e.getKey(), e.getValue())).toList();
        return new Folded(List.of(), List.of(), projects, after);
    }

    public Folded accepted(CaseAccepted a, CaseFacts facts) {
        boolean due = facts.firstResponseDue() != null;
        boolean onTime = due && !a.acceptedAt().isAfter(facts.firstResponseDue());
        DepartmentDay add = new DepartmentDay(0, 0, 0, 1, onTime ? 1 : 0, 0, 0, 0, null, null, 0, 0, 0, 0,
                due && !onTime ? 1 : 0, 0);
        return new Folded(List.of(), List.of(new DepartmentDelta(facts.departmentCode(), day(a.acceptedAt()), add)),
                List.of(), advanced(facts, a.sequence()),
                due ? new Deadline(facts.caseId(), DeadlineKind.FIRST_RESPONSE, facts.clockStartedAt()) : null);
    }

    public Folded transferred(CaseTransferred t, CaseFacts facts) {
        LocalDate day = day(t.transferredAt());
        CaseFacts after = facts.moved(t.toDepartment(), facts.agentIds(), t.transferredAt(),
                t.deadlines() == null ? null : t.deadlines().firstResponseDue(),
                t.deadlines() == null ? null : t.deadlines().resolutionDue(), t.sequence())
                .countedIn(t.deadlines() == null ? null : t.deadlines().calendarId());
        return new Folded(List.of(), List.of(
                new DepartmentDelta(t.fromDepartment(), day,
                        new DepartmentDay(0, 0, 1, 0, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0)),
                new DepartmentDelta(t.toDepartment(), day,
                        new DepartmentDay(0, 1, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0))), after);
    }

    public Folded resolved(CaseResolved r, CaseFacts facts) {
        long minutes = businessTime.between(facts.calendarId(), facts.clockStartedAt(), r.resolvedAt()).toMinutes();
        boolean due = facts.resolutionDue() != null;
        boolean onTime = due && !r.resolvedAt().isAfter(facts.resolutionDue());
        long hours = (minutes + 59) / 60;
        DepartmentDay add = new DepartmentDay(0, 0, 0, 0, 0, 1, onTime ? 1 : 0, minutes,
                Map.of(String.valueOf(hours), 1L), null, 0, 0, 0, 0, 0, due && !onTime ? 1 : 0);
        return new Folded(List.of(), List.of(new DepartmentDelta(facts.departmentCode(), day(r.resolvedAt()), add)),
                List.of(), advanced(facts, r.sequence()),
                due ? new Deadline(facts.caseId(), DeadlineKind.RESOLUTION, facts.clockStartedAt()) : null);
    }

    /** A reopening counts against the agent whose contact opened the case, the one its reopen rate is counted over. */
    public Folded reopened(CaseReopened r, CaseFacts facts) {
        LocalDate day = day(r.reopenedAt());
        CaseFacts after = facts.moved(facts.departmentCode(), facts.agentIds(), r.reopenedAt(),
                r.deadlines() == null ? null : r.deadlines().firstResponseDue(),
                r.deadlines() == null ? null : r.deadlines().resolutionDue(), r.sequence())
                .countedIn(r.deadlines() == null ? null : r.deadlines().calendarId());
        return new Folded(facts.agentIds().stream().limit(1).map(a -> new AgentDelta(a, day, CASE_REOPENED)).toList(),
                List.of(new DepartmentDelta(facts.departmentCode(), day,
                        new DepartmentDay(0, 0, 0, 0, 0, 0, 0, 0, null, null, 1, 0, 0, 0, 0, 0))), after);
    }

    /**
     * Every step counts by level; the first step of a deadline also counts the deadline as missed, so a case nobody
     * accepts or resolves weighs on the department's compliance instead of escaping it.
     *
     * @param clockStartedAt the case's current clock as evaluation knows it; null when the case is not known yet
     */
    public Folded escalated(CaseEscalated e, Instant clockStartedAt) {
        boolean first = e.level() == 1 && e.deadline() != null;
        DepartmentDay add = new DepartmentDay(0, 0, 0, 0, 0, 0, 0, 0, null,
                Map.of(String.valueOf(e.level()), 1L), 0, 0, 0, 0,
                first && e.deadline() == DeadlineKind.FIRST_RESPONSE ? 1 : 0,
                first && e.deadline() == DeadlineKind.RESOLUTION ? 1 : 0);
        Deadline decides = first ? new Deadline(e.caseId(), e.deadline(),
                clockStartedAt != null ? clockStartedAt : e.dueAt()) : null;
        return new Folded(List.of(), List.of(new DepartmentDelta(e.departmentCode(), day(e.escalatedAt()), add)),
                List.of(), null, decides);
    }

    public Folded feedback(CustomerFeedbackRecorded f) {
        if (!f.reached() || f.satisfaction() == null) {
            return new Folded(List.of(), List.of(), null);
        }
        LocalDate day = day(f.recordedAt());
        int s = f.satisfaction();
        long satisfied = s >= 4 ? 1 : 0;
        List<AgentDelta> agents = f.agentId() == null ? List.of() : List.of(new AgentDelta(f.agentId(), day,
                new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, s, satisfied, 0, 0, 0)));
        List<DepartmentDelta> departments = f.departmentCode() == null ? List.of() : List.of(new DepartmentDelta(
                f.departmentCode(), day, new DepartmentDay(0, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 1, s, satisfied, 0, 0)));
        return new Folded(agents, departments, null);
    }

    /**
     * A spot-check counts for the day of the contact it reviewed, so a month's checks land in that month; an ad-hoc
     * one (临时抽查) also in the ad-hoc counters.
     */
    public Folded spotCheck(SpotCheckRecorded s) {
        AgentDay add = AgentDay.spotCheck(s.score(), !s.criticalFailures().isEmpty(), adHoc(s.sampleId()));
        return new Folded(List.of(new AgentDelta(s.agentId(), s.contactDay(), add)), List.of(), null);
    }

    /**
     * Whether a check was ad hoc: outside the week's regular sample, whose id the schedule makes
     * {@code regular-<year>-W<week>} (see {@code Sample.regularId}); a reviewer's own draw is {@code random-…} and a
     * single contact checked outside any sample has none.
     */
    public static boolean adHoc(String sampleId) {
        return sampleId == null || !sampleId.startsWith(REGULAR_SAMPLE);
    }

    private static final String REGULAR_SAMPLE = "regular-";

    /** A call offered on a hotline, in the hour it was offered. */
    public Folded offered(CallOffered c) {
        return hotline(c.hotline(), c.offeredAt(), new HotlineHour(1, 0, 0, 0, 0));
    }

    /**
     * The first answer of a call, for its hotline: answered, and within the service level when the speed of answer
     * (offered to answered) is at most three rings.
     */
    public Folded answeredOnHotline(CallAnswered a) {
        Duration speed = speedOfAnswer(a.offeredAt(), a.answeredAt());
        return hotline(a.hotline(), a.offeredAt(), new HotlineHour(0, 1, inTime(speed) ? 1 : 0, speed.toMillis(), 0));
    }

    /** A call that rang at an agent (counted once per call and agent, on the day the call was offered). */
    public Folded rang(String agentId, Instant offeredAt, Instant ringStartedAt) {
        return agent(agentId, offeredAt != null ? offeredAt : ringStartedAt, AgentDay.calls(1, 0, 0, 0, 0, 0));
    }

    /** The agent's answer: within three rings counts from the ring at this agent, the speed of answer from the offer. */
    public Folded answeredByAgent(CallAnswered a) {
        Duration speed = speedOfAnswer(a.offeredAt(), a.answeredAt());
        boolean threeRings = a.ringStartedAt() != null
                && Duration.between(a.ringStartedAt(), a.answeredAt()).compareTo(CallAnswered.THREE_RINGS) <= 0;
        return agent(a.agentId(), a.offeredAt(), AgentDay.calls(0, 1, threeRings ? 1 : 0, inTime(speed) ? 1 : 0,
                speed.toMillis(), 0));
    }

    /** A call nobody answered: abandoned on its hotline, and at the agent it last rang at, if any. */
    public Folded abandoned(CallAbandoned a) {
        Folded onHotline = hotline(a.hotline(), a.offeredAt(), new HotlineHour(0, 0, 0, 0, 1));
        List<AgentDelta> agents = a.lastAgentId() == null ? List.of()
                : List.of(new AgentDelta(a.lastAgentId(), day(a.offeredAt()), AgentDay.calls(0, 0, 0, 0, 0, 1)));
        return new Folded(agents, List.of(), List.of(), null, null, onHotline.hotlines());
    }

    private Folded hotline(String hotline, Instant offeredAt, HotlineHour add) {
        ZonedDateTime local = offeredAt.atZone(zone);
        return new Folded(List.of(), List.of(), List.of(), null, null,
                List.of(new HotlineDelta(hotline, local.toLocalDate(), local.getHour(), add)));
    }

    private Folded agent(String agentId, Instant at, AgentDay add) {
        return new Folded(List.of(new AgentDelta(agentId, day(at), add)), List.of(), null);
    }

    /** Offered to answered; never negative (clocks of a platform's nodes may disagree by a little). */
    private static Duration speedOfAnswer(Instant offeredAt, Instant answeredAt) {
        Duration speed = Duration.between(offeredAt, answeredAt);
        return speed.isNegative() ? Duration.ZERO : speed;
    }

    private static boolean inTime(Duration speed) {
        return speed.compareTo(CallAnswered.THREE_RINGS) <= 0;
    }

    private static CaseFacts advanced(CaseFacts facts, long sequence) {
        return facts.moved(facts.departmentCode(), facts.agentIds(), facts.clockStartedAt(),
                facts.firstResponseDue(), facts.resolutionDue(), sequence);
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
