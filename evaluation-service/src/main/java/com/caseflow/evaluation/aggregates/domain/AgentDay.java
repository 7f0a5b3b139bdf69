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
 */
public record AgentDay(long phoneCalls, long visits, long callsTimed, long callsWithinThreeRings, long visitsTimed,
                       long greetSeconds, long completeRecords, long settledAtFirstContact, long casesOpened,
                       long casesReopened, long feedbackReached, long satisfactionSum, long satisfied,
                       long spotChecks, double spotCheckScoreSum, long criticalFailures) {

    public static final AgentDay NONE = new AgentDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public AgentDay plus(AgentDay o) {
        return new AgentDay(phoneCalls + o.phoneCalls, visits + o.visits, callsTimed + o.callsTimed,
                callsWithinThreeRings + o.callsWithinThreeRings, visitsTimed + o.visitsTimed,
                greetSeconds + o.greetSeconds, completeRecords + o.completeRecords,
                settledAtFirstContact + o.settledAtFirstContact, casesOpened + o.casesOpened,
                casesReopened + o.casesReopened, feedbackReached + o.feedbackReached,
                satisfactionSum + o.satisfactionSum, satisfied + o.satisfied, spotChecks + o.spotChecks,
                spotCheckScoreSum + o.spotCheckScoreSum, criticalFailures + o.criticalFailures);
    }

    public long contacts() {
        return phoneCalls + visits;
    }
}
