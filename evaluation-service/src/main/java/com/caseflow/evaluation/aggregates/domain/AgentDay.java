package com.caseflow.evaluation.aggregates.domain;

/**
 * What one agent did on one business day, as counters that only ever add up: a period's figures are the sum of its
 * days, so a report's cost grows with agents and days, not with contacts.
 *
 * @param callsTimed             calls whose ring count or times were known
 * @param callsWithinThreeRings  of those, answered within three rings
 * @param visitsTimed            visits whose arrival and greeting were both recorded
 * @param greetSeconds           total seconds from arrival to greeting over those visits
 * @param settledAtFirstContact  contacts the agent settled on the spot (first-contact resolution)
 * @param casesOpened            cases the agent's contacts opened
 * @param casesReopened          reopenings of cases the agent's contacts belong to
 * @param feedbackReached        callbacks that reached a customer of the agent's contacts
 * @param satisfactionSum        sum of their satisfaction (1–5)
 * @param satisfied              of those, satisfaction 4 or 5 (CSAT)
 * @param spotChecks             spot-checks of the agent's contacts of that day
 * @param spotCheckScoreSum      sum of their scores (0–100 each)
 * @param criticalFailures       spot-checks with a critical item failed
 * @param callsMeasured          phone contacts whose ring and answer times came from the phone platform (the rest of
 *                               {@code phoneCalls} were typed: self-reported)
 * @param callsRung              calls the phone platform rang at the agent (each call once per agent)
 * @param callsAnswered          of those, answered by the agent
 * @param callsAnsweredInThreeRings answered by the agent within three rings of the ring starting, as measured
 * @param callsAnsweredInTime    answered by the agent within 15 s of the call being offered
 * @param answerMillis           total speed of answer (offered to answered) over the calls the agent answered
 * @param callsAbandoned         calls whose caller hung up while the call rang at the agent (last)
 * @param adHocSpotChecks        of {@code spotChecks}, those outside the week's regular sample (临时抽查: a reviewer's
 *                               own draw, or a single contact); the rest are regular
 * @param adHocSpotCheckScoreSum sum of their scores
 * @param adHocCriticalFailures  of {@code criticalFailures}, those found by an ad-hoc check
 */
public record AgentDay(long phoneCalls, long visits, long callsTimed, long callsWithinThreeRings, long visitsTimed,
                       long greetSeconds, long completeRecords, long settledAtFirstContact, long casesOpened,
                       long casesReopened, long feedbackReached, long satisfactionSum, long satisfied,
                       long spotChecks, double spotCheckScoreSum, long criticalFailures, long callsMeasured,
                       long callsRung, long callsAnswered, long callsAnsweredInThreeRings, long callsAnsweredInTime,
                       long answerMillis, long callsAbandoned, long adHocSpotChecks,
                       double adHocSpotCheckScoreSum, long adHocCriticalFailures) {

    public static final AgentDay NONE = new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counters of contacts, cases, feedback and spot-checks; nothing from the phone platform. */
    public AgentDay(long phoneCalls, long visits, long callsTimed, long callsWithinThreeRings, long visitsTimed,
                    long greetSeconds, long completeRecords, long settledAtFirstContact, long casesOpened,
                    long casesReopened, long feedbackReached, long satisfactionSum, long satisfied,
                    long spotChecks, double spotCheckScoreSum, long criticalFailures) {
        this(phoneCalls, visits, callsTimed, callsWithinThreeRings, visitsTimed, greetSeconds, completeRecords,
                settledAtFirstContact, casesOpened, casesReopened, feedbackReached, satisfactionSum, satisfied,
                spotChecks, spotCheckScoreSum, criticalFailures, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Without ad-hoc spot-checks. */
    public AgentDay(long phoneCalls, long visits, long callsTimed, long callsWithinThreeRings, long visitsTimed,
                    long greetSeconds, long completeRecords, long settledAtFirstContact, long casesOpened,
                    long casesReopened, long feedbackReached, long satisfactionSum, long satisfied,
                    long spotChecks, double spotCheckScoreSum, long criticalFailures, long callsMeasured,
                    long callsRung, long callsAnswered, long callsAnsweredInThreeRings, long callsAnsweredInTime,
                    long answerMillis, long callsAbandoned) {
        this(phoneCalls, visits, callsTimed, callsWithinThreeRings, visitsTimed, greetSeconds, completeRecords,
                settledAtFirstContact, casesOpened, casesReopened, feedbackReached, satisfactionSum, satisfied,
                spotChecks, spotCheckScoreSum, criticalFailures, callsMeasured, callsRung, callsAnswered,
                callsAnsweredInThreeRings, callsAnsweredInTime, answerMillis, callsAbandoned, 0, 0, 0);
    }

    /** One spot-check of a contact of the agent's: regular (in the week's sample) or ad-hoc. */
    public static AgentDay spotCheck(double score, boolean criticalFailure, boolean adHoc) {
        return new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, score, criticalFailure ? 1 : 0, 0, 0, 0, 0, 0,
                0, 0, adHoc ? 1 : 0, adHoc ? score : 0, adHoc && criticalFailure ? 1 : 0);
    }

    /** What the phone platform's facts add to an agent's day. */
    public static AgentDay calls(long rung, long answered, long answeredInThreeRings, long answeredInTime,
                                 long answerMillis, long abandoned) {
        return new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rung, answered,
                answeredInThreeRings, answeredInTime, answerMillis, abandoned);
    }

    public AgentDay withCallsMeasured(long measured) {
        return new AgentDay(phoneCalls, visits, callsTimed, callsWithinThreeRings, visitsTimed, greetSeconds,
                completeRecords, settledAtFirstContact, casesOpened, casesReopened, feedbackReached, satisfactionSum,
                satisfied, spotChecks, spotCheckScoreSum, criticalFailures, measured, callsRung, callsAnswered,
                callsAnsweredInThreeRings, callsAnsweredInTime, answerMillis, callsAbandoned, adHocSpotChecks,
                adHocSpotCheckScoreSum, adHocCriticalFailures);
    }

    public AgentDay plus(AgentDay o) {
        return new AgentDay(phoneCalls + o.phoneCalls, visits + o.visits, callsTimed + o.callsTimed,
                callsWithinThreeRings + o.callsWithinThreeRings, visitsTimed + o.visitsTimed,
                greetSeconds + o.greetSeconds, completeRecords + o.completeRecords,
                settledAtFirstContact + o.settledAtFirstContact, casesOpened + o.casesOpened,
                casesReopened + o.casesReopened, feedbackReached + o.feedbackReached,
                satisfactionSum + o.satisfactionSum, satisfied + o.satisfied, spotChecks + o.spotChecks,
                spotCheckScoreSum + o.spotCheckScoreSum, criticalFailures + o.criticalFailures,
                callsMeasured + o.callsMeasured, callsRung + o.callsRung, callsAnswered + o.callsAnswered,
                callsAnsweredInThreeRings + o.callsAnsweredInThreeRings, callsAnsweredInTime + o.callsAnsweredInTime,
                answerMillis + o.answerMillis, callsAbandoned + o.callsAbandoned,
                adHocSpotChecks + o.adHocSpotChecks, adHocSpotCheckScoreSum + o.adHocSpotCheckScoreSum,
                adHocCriticalFailures + o.adHocCriticalFailures);
    }

    public long contacts() {
        return phoneCalls + visits;
    }

    /** Spot-checks of the week's regular sample: the fair draw the KPI is scored on. */
    public long regularSpotChecks() {
        return spotChecks - adHocSpotChecks;
    }

    public double regularSpotCheckScoreSum() {
        return spotCheckScoreSum - adHocSpotCheckScoreSum;
    }
}
