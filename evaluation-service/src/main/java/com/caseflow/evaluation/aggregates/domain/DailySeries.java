package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The company's figures per business day (Asia/Shanghai) and for the whole period, read from the day counters
 * evaluation already folds: contacts by channel and category, first-contact resolution, the three-ring rate, the
 * hotlines' service level and the departments' cases. Pure: the application reads the documents, this adds them up.
 */
public final class DailySeries {

    /** Where the three-ring rate of a day or a period came from. */
    public enum ThreeRingsSource {
        /** every agent counted had calls the phone platform rang at them */
        MEASURED,
        /** no agent counted had any: the rate is what the contacts reported */
        SELF_REPORTED,
        /** some agents measured, the others as their contacts reported */
        MIXED
    }

    /**
     * @param total            contacts recorded at intake
     * @param byChannel        every {@link Channel}, 0 when none
     * @param byCategory       every {@link ContactCategory}, 0 when none; counted by project, so null for a team
     *                         (contacts carry no team) and, company-wide, only contacts recorded with a project
     * @param repeatContacts   contacts that joined an open case of the same customer (重复来电); null for a team
     * @param incidentContacts contacts counted in a mass incident (群体事件); null for a team
     */
    public record Contacts(long total, Map<String, Long> byChannel, Map<String, Long> byCategory,
                           Long repeatContacts, Long incidentContacts) {
    }

    /** @param rate settled ÷ contacts; null without contacts */
    public record FirstContactResolution(long settled, long contacts, Double rate) {
    }

    /**
     * The company's three-ring rate as the agents' reports count it: for each agent, measured over the calls the
     * phone platform rang at them when it rang any, otherwise over the calls their contacts reported timed.
     *
     * @param rate              answeredWithinThreeRings ÷ calls; null without any call
     * @param measuredCalls     of {@code calls}, those the phone platform measured
     * @param selfReportedCalls of {@code calls}, those whose times agents typed
     * @param measuredRate      every measured call of the agents counted, measured only
     * @param reportedRate      every timed contact, as reported
     */
    public record ThreeRings(Double rate, long answeredWithinThreeRings, long calls, long measuredCalls,
                             long selfReportedCalls, ThreeRingsSource source, Double measuredRate,
                             Double reportedRate) {
    }

    /** The departments' cases, company-wide. */
    public record Cases(long routed, long resolved, Double firstResponseCompliance, Double resolutionCompliance,
                        Double averageResolutionHours, long escalations, long reopened, Double averageSatisfaction,
                        Double csat) {
    }

    /**
     * One day's figures, or the period's when {@code day} is null.
     *
     * @param hotlines every hotline's calls offered that day: service level (answered within 15 s ÷ offered) and
     *                 the rest of the call centre's measures
     */
    public record Figures(LocalDate day, Contacts contacts, FirstContactResolution firstContactResolution,
                          ThreeRings threeRings, Kpis.CallMeasures hotlines, Cases cases) {
    }

    public record Series(List<Figures> days, Figures total) {
    }

    /**
     * What one day's documents hold, already narrowed to what the caller may read.
     *
     * @param agents   each agent's counters of the day (a supervisor's team only)
     * @param project  the day's contacts by category (and, since the series came, by channel) of one project, or of
     *                 every project summed ({@link ProjectDay#NONE} for a day without any); null on every day of a
     *                 team's series
     */
    public record DayCounters(Map<String, AgentDay> agents, ProjectDay project, DepartmentDay departments,
                              HotlineHour hotlines) {

        public DayCounters {
            agents = agents == null ? Map.of() : Map.copyOf(agents);
            departments = departments == null ? DepartmentDay.NONE : departments;
            hotlines = hotlines == null ? HotlineHour.NONE : hotlines;
        }
    }

    /**
     * @param days          every day of the period, in order, those without any document with empty counters
     * @param byProject     contacts and first-contact resolution from {@code project} (one project's figures), not
     *                      from the agents' days
     */
    public static Series of(List<Map.Entry<LocalDate, DayCounters>> days, boolean byProject) {
        List<Figures> figures = new ArrayList<>();
        Map<String, AgentDay> agentsOverPeriod = new LinkedHashMap<>();
        ProjectDay projectOverPeriod = null;
        DepartmentDay departments = DepartmentDay.NONE;
        HotlineHour hotlines = HotlineHour.NONE;
        for (Map.Entry<LocalDate, DayCounters> day : days) {
            DayCounters c = day.getValue();
            figures.add(figures(day.getKey(), c.agents(), c.project(), c.departments(), c.hotlines(), byProject));
            c.agents().forEach((agent, counters) -> agentsOverPeriod.merge(agent, counters, AgentDay::plus));
            if (c.project() != null) {
                projectOverPeriod = projectOverPeriod == null ? c.project() : projectOverPeriod.plus(c.project());
            }
            departments = departments.plus(c.departments());
            hotlines = hotlines.plus(c.hotlines());
        }
        return new Series(figures, figures(null, agentsOverPeriod, projectOverPeriod, departments, hotlines,
                byProject));
    }

    private static Figures figures(LocalDate day, Map<String, AgentDay> agents, ProjectDay project,
                                   DepartmentDay departments, HotlineHour hotlines, boolean byProject) {
        AgentDay all = agents.values().stream().reduce(AgentDay.NONE, AgentDay::plus);
        Contacts contacts;
        FirstContactResolution fcr;
        if (byProject) {
            ProjectDay p = project == null ? ProjectDay.NONE : project;
            long total = sum(p.contacts().values());
            long withChannel = sum(p.channels().values());
            contacts = new Contacts(total, everyChannel(p.channels()), everyCategory(p.contacts()),
                    sum(p.repeatContacts().values()), sum(p.incidentContacts().values()));
            fcr = new FirstContactResolution(p.settledAtFirstContact(), withChannel,
                    rate(p.settledAtFirstContact(), withChannel));
        } else {
            contacts = new Contacts(all.contacts(), everyChannel(Map.of(Channel.PHONE.name(), all.phoneCalls(),
                    Channel.VISIT.name(), all.visits())),
                    project == null ? null : everyCategory(project.contacts()),
                    project == null ? null : sum(project.repeatContacts().values()),
                    project == null ? null : sum(project.incidentContacts().values()));
            fcr = new FirstContactResolution(all.settledAtFirstContact(), all.contacts(),
                    rate(all.settledAtFirstContact(), all.contacts()));
        }
        Kpis.DepartmentKpis d = Kpis.of(departments);
        Cases cases = new Cases(d.casesRouted(), d.resolved(), d.firstResponseCompliance(), d.resolutionCompliance(),
                d.averageResolutionHours(), d.escalationsByLevel().values().stream().mapToLong(Long::longValue).sum(),
                departments.reopened(), d.averageSatisfaction(), d.csat());
        return new Figures(day, contacts, fcr, threeRings(agents.values()), Kpis.of(hotlines), cases);
    }

    /** Per agent measured when the platform rang any call at them, otherwise as reported; then summed. */
    static ThreeRings threeRings(Collection<AgentDay> agents) {
        long within = 0;
        long calls = 0;
        long measured = 0;
        long reported = 0;
        long measuredWithin = 0;
        long rung = 0;
        long reportedWithin = 0;
        long timed = 0;
        for (AgentDay a : agents) {
            if (a.callsRung() > 0) {
                within += a.callsAnsweredInThreeRings();
                calls += a.callsRung();
                measured += a.callsRung();
            } else if (a.callsTimed() > 0) {
                within += a.callsWithinThreeRings();
                calls += a.callsTimed();
                reported += a.callsTimed();
            }
            measuredWithin += a.callsAnsweredInThreeRings();
            rung += a.callsRung();
            reportedWithin += a.callsWithinThreeRings();
            timed += a.callsTimed();
        }
        ThreeRingsSource source = calls == 0 ? null : reported == 0 ? ThreeRingsSource.MEASURED
                : measured == 0 ? ThreeRingsSource.SELF_REPORTED : ThreeRingsSource.MIXED;
        return new ThreeRings(rate(within, calls), within, calls, measured, reported, source,
                rate(measuredWithin, rung), rate(reportedWithin, timed));
    }

    private static Map<String, Long> everyChannel(Map<String, Long> counted) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            all.put(channel.name(), counted.getOrDefault(channel.name(), 0L));
        }
        counted.forEach(all::putIfAbsent);
        return all;
    }

    private static Map<String, Long> everyCategory(Map<String, Long> counted) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (ContactCategory category : ContactCategory.values()) {
            all.put(category.name(), counted.getOrDefault(category.name(), 0L));
        }
        counted.forEach(all::putIfAbsent);
        return all;
    }

    private static long sum(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private DailySeries() {
    }
}
