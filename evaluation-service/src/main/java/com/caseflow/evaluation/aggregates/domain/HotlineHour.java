package com.caseflow.evaluation.aggregates.domain;

/**
 * What the phone platform reported for one hotline in one hour (Asia/Shanghai) of the calls offered in it: counters
 * that only add up, like {@link AgentDay}. A call counts in the hour it was offered, whenever it was answered or
 * abandoned.
 *
 * @param offered        calls queued on the hotline (呼入)
 * @param answered       of those, answered by an agent
 * @param answeredInTime answered within 15 s (three rings) of being offered: the service level's numerator
 * @param answerMillis   total speed of answer (offered to answered) over the answered calls
 * @param abandoned      calls that ended without an answer (放弃)
 */
public record HotlineHour(long offered, long answered, long answeredInTime, long answerMillis, long abandoned) {

    public static final HotlineHour NONE = new HotlineHour(0, 0, 0, 0, 0);

    public HotlineHour plus(HotlineHour o) {
        return new HotlineHour(offered + o.offered, answered + o.answered, answeredInTime + o.answeredInTime,
                answerMillis + o.answerMillis, abandoned + o.abandoned);
    }
}
