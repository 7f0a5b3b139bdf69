package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.util.HashMap;
import java.util.Map;

/**
 * What happened to one department's cases on one business day, as counters that only add up.
 *
 * @param resolutionHours how many cases were resolved after 0, 1, 2 … business hours (whole hours, rounded up): the
 *                        distribution a period's p90 is read from
 * @param escalations     escalation steps taken, by level
 * @param firstResponseMissed first-response deadlines missed: accepted late, or escalated by follow-up at the deadline
 *                        (its first step) with nobody accepting — whichever told first, see {@code Folding.Deadline}
 * @param resolutionMissed resolution deadlines missed, likewise
 */
public record DepartmentDay(long casesRouted, long transfersIn, long transfersOut, long accepted,
                            long acceptedOnTime, long resolved, long resolvedOnTime, long resolutionMinutes,
                            Map<String, Long> resolutionHours, Map<String, Long> escalations, long reopened,
                            long feedbackReached, long satisfactionSum, long satisfied, long firstResponseMissed,
                            long resolutionMissed) {

    public static final DepartmentDay NONE = new DepartmentDay(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), 0, 0, 0,
            0, 0, 0);

    public DepartmentDay {
        resolutionHours = resolutionHours == null ? Map.of() : Map.copyOf(resolutionHours);
        escalations = escalations == null ? Map.of() : Map.copyOf(escalations);
    }

    public DepartmentDay plus(DepartmentDay o) {
        return new DepartmentDay(casesRouted + o.casesRouted, transfersIn + o.transfersIn,
                transfersOut + o.transfersOut, accepted + o.accepted, acceptedOnTime + o.acceptedOnTime,
                resolved + o.resolved, resolvedOnTime + o.resolvedOnTime, resolutionMinutes + o.resolutionMinutes,
                merge(resolutionHours, o.resolutionHours), merge(escalations, o.escalations), reopened + o.reopened,
                feedbackReached + o.feedbackReached, satisfactionSum + o.satisfactionSum, satisfied + o.satisfied,
                firstResponseMissed + o.firstResponseMissed, resolutionMissed + o.resolutionMissed);
    }

    /** These counters without what they say about one kind of deadline (met or missed). */
    public DepartmentDay withoutDeadline(DeadlineKind kind) {
        boolean firstResponse = kind == DeadlineKind.FIRST_RESPONSE;
        return new DepartmentDay(casesRouted, transfersIn, transfersOut, accepted,
                firstResponse ? 0 : acceptedOnTime, resolved, firstResponse ? resolvedOnTime : 0, resolutionMinutes,
                resolutionHours, escalations, reopened, feedbackReached, satisfactionSum, satisfied,
                firstResponse ? 0 : firstResponseMissed, firstResponse ? resolutionMissed : 0);
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new HashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }
}
