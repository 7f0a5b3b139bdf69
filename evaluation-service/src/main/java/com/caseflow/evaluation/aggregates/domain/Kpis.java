package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.contact.TimingSource;

import java.util.Map;
import java.util.TreeMap;

/**
 * The KPIs management reads, computed from summed day counters. A rate with nothing to count is null, not zero: "no
 * calls" is not "no call answered in time".
 */
public final class Kpis {

    /**
     * The call centre's service measures, from the phone platform's facts: for a hotline over the calls offered on
     * it, for an agent over the calls that rang at them ({@code offered} = rung at the agent).
     *
     * @param answeredInTime            answered within 15 s (three rings) of being offered
     * @param serviceLevel              answeredInTime ÷ offered
     * @param averageSpeedOfAnswerSeconds average of answered − offered over the answered calls
     * @param abandonmentRate           abandoned ÷ offered
     */
    public record CallMeasures(long offered, long answered, long abandoned, long answeredInTime, Double serviceLevel,
                               Double averageSpeedOfAnswerSeconds, Double abandonmentRate) {
    }

    /**
     * @param answerWithinThreeRingsRate the three-ring rate the evaluation weighs: measured when the phone platform
     *                                   rang calls at the agent in the period, otherwise as the agent's contacts
     *                                   reported it (see {@code threeRingsSource})
     * @param threeRingsSource           where that rate came from: MEASURED, SELF_REPORTED, or null when neither
     *                                   had a call to count
     * @param measuredThreeRingsRate     calls the agent answered within three rings of the ring starting ÷ calls
     *                                   that rang at the agent
     * @param reportedThreeRingsRate     share of the agent's timed phone contacts recorded as answered within three
     *                                   rings
     * @param measuredTimingShare        share of the agent's phone contacts whose times came from the phone platform
     * @param selfReportedTimingShare    share whose times were typed (self-reported)
     * @param calls                      the agent's calls as the phone platform measured them
     * @param averageGreetSeconds        average time from a visitor's arrival to the greeting
     * @param completeRecordRate         share of contacts recorded completely
     * @param firstContactResolutionRate share of contacts settled on the spot
     * @param averageSatisfaction        callback satisfaction, 1–5
     * @param csat                       share of reached customers who answered 4 or 5
     * @param reopenRate                 reopenings per case the agent's contacts opened
     * @param spotChecks                 every spot-check of the agent's contacts, regular and ad hoc
     * @param spotCheckAverage           the KPI: average score, 0–100, of the regular checks only — the week's sample
     *                                   is drawn the same way for every agent, while ad-hoc checks (临时抽查) are aimed
     *                                   by a reviewer and would weigh some agents more than others
     * @param criticalFailures           spot-checks with a critical item failed, regular and ad hoc: a serious
     *                                   violation counts however it was found
     * @param regularSpotChecks          of {@code spotChecks}, those of the regular sample
     * @param adHocSpotChecks            of {@code spotChecks}, the ad-hoc ones (a reviewer's own draw or one contact)
     * @param adHocSpotCheckAverage      their average score, shown beside the KPI, not weighed in it
     * @param adHocCriticalFailures      of {@code criticalFailures}, those found by an ad-hoc check
     */
    public record AgentKpis(long contacts, long phoneCalls, long visits, Double answerWithinThreeRingsRate,
                            Double averageGreetSeconds, Double completeRecordRate, Double firstContactResolutionRate,
                            Double averageSatisfaction, Double csat, Double reopenRate, long spotChecks,
                            Double spotCheckAverage, long criticalFailures, TimingSource threeRingsSource,
                            Double measuredThreeRingsRate, Double reportedThreeRingsRate,
                            Double measuredTimingShare, Double selfReportedTimingShare, CallMeasures calls,
                            long regularSpotChecks, long adHocSpotChecks, Double adHocSpotCheckAverage,
                            long adHocCriticalFailures) {

        /** KPIs whose spot-checks were all regular. */
        public AgentKpis(long contacts, long phoneCalls, long visits, Double answerWithinThreeRingsRate,
                         Double averageGreetSeconds, Double completeRecordRate, Double firstContactResolutionRate,
                         Double averageSatisfaction, Double csat, Double reopenRate, long spotChecks,
                         Double spotCheckAverage, long criticalFailures, TimingSource threeRingsSource,
                         Double measuredThreeRingsRate, Double reportedThreeRingsRate,
                         Double measuredTimingShare, Double selfReportedTimingShare, CallMeasures calls) {
            this(contacts, phoneCalls, visits, answerWithinThreeRingsRate, averageGreetSeconds, completeRecordRate,
                    firstContactResolutionRate, averageSatisfaction, csat, reopenRate, spotChecks, spotCheckAverage,
                    criticalFailures, threeRingsSource, measuredThreeRingsRate, reportedThreeRingsRate,
                    measuredTimingShare, selfReportedTimingShare, calls, spotChecks, 0, null, 0);
        }
    }

    /**
     * @param firstResponseCompliance first-response deadlines met (accepted in time) among those met or missed
     *                                (accepted late, or escalated by follow-up at the deadline), so a case nobody
     *                                ever accepts counts against the department
     * @param resolutionCompliance    resolution deadlines met among those met or missed, likewise
     * @param averageResolutionHours  business hours from routing (or transfer) to resolution, on average
     * @param p90ResolutionHours      90 % of cases were resolved within this many business hours (whole hours)
     * @param reopenRate              reopenings per resolved case
     */
    public record DepartmentKpis(long casesRouted, long resolved, Double firstResponseCompliance,
                                 Double resolutionCompliance, Double averageResolutionHours, Long p90ResolutionHours,
                                 Map<String, Long> escalationsByLevel, long transfersIn, long transfersOut,
                                 Double reopenRate, Double averageSatisfaction, Double csat) {
    }

    /**
     * An agent's KPIs. The three-ring rate is the measured one wherever the phone platform rang a call at the agent in
     * the period; a period without any falls back to what the agent's contacts reported, and says so.
     */
    public static AgentKpis of(AgentDay d) {
        Double measured = rate(d.callsAnsweredInThreeRings(), d.callsRung());
        Double reported = rate(d.callsWithinThreeRings(), d.callsTimed());
        TimingSource source = measured != null ? TimingSource.MEASURED
                : reported != null ? TimingSource.SELF_REPORTED : null;
        return new AgentKpis(d.contacts(), d.phoneCalls(), d.visits(), measured != null ? measured : reported,
                rate(d.greetSeconds(), d.visitsTimed()), rate(d.completeRecords(), d.contacts()),
                rate(d.settledAtFirstContact(), d.contacts()), rate(d.satisfactionSum(), d.feedbackReached()),
                rate(d.satisfied(), d.feedbackReached()), rate(d.casesReopened(), d.casesOpened()), d.spotChecks(),
                average(d.regularSpotCheckScoreSum(), d.regularSpotChecks()), d.criticalFailures(), source,
                measured, reported, rate(d.callsMeasured(), d.phoneCalls()),
                rate(d.phoneCalls() - d.callsMeasured(), d.phoneCalls()),
                calls(d.callsRung(), d.callsAnswered(), d.callsAbandoned(), d.callsAnsweredInTime(),
                        d.answerMillis()), d.regularSpotChecks(), d.adHocSpotChecks(),
                average(d.adHocSpotCheckScoreSum(), d.adHocSpotChecks()), d.adHocCriticalFailures());
    }

    public static CallMeasures of(HotlineHour h) {
        return calls(h.offered(), h.answered(), h.abandoned(), h.answeredInTime(), h.answerMillis());
    }

    private static CallMeasures calls(long offered, long answered, long abandoned, long answeredInTime,
                                      long answerMillis) {
        return new CallMeasures(offered, answered, abandoned, answeredInTime, rate(answeredInTime, offered),
                answered == 0 ? null : answerMillis / 1000.0 / answered, rate(abandoned, offered));
    }

    public static DepartmentKpis of(DepartmentDay d) {
        return new DepartmentKpis(d.casesRouted(), d.resolved(), rate(d.acceptedOnTime(), d.acceptedOnTime() + d.firstResponseMissed()),
                rate(d.resolvedOnTime(), d.resolvedOnTime() + d.resolutionMissed()),
                d.resolved() == 0 ? null : d.resolutionMinutes() / 60.0 / d.resolved(),
                percentile(d.resolutionHours(), 0.9), new TreeMap<>(d.escalations()), d.transfersIn(),
                d.transfersOut(), rate(d.reopened(), d.resolved()), rate(d.satisfactionSum(), d.feedbackReached()),
                rate(d.satisfied(), d.feedbackReached()));
    }

    /** The smallest whole number of hours within which at least {@code share} of the cases were resolved. */
    static Long percentile(Map<String, Long> hoursHistogram, double share) {
        long total = hoursHistogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        TreeMap<Long, Long> byHours = new TreeMap<>();
        hoursHistogram.forEach((h, n) -> byHours.merge(Long.parseLong(h), n, Long::sum));
        long needed = (long) Math.ceil(total * share);
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : byHours.entrySet()) {
            seen += bucket.getValue();
            if (seen >= needed) {
                return bucket.getKey();
            }
        }
        return byHours.lastKey();
    }

    private static Double average(double sum, long count) {
        return count == 0 ? null : sum / count;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private Kpis() {
    }
}
