package com.caseflow.intake.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Requests as agents send them, with Chinese names, projects and matters. Their times are on yesterday's date in
 * Shanghai: intake refuses times more than 30 days old, so fixed dates would fail the tests a month later.
 */
public final class Fixtures {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.now(SHANGHAI).minusDays(1);

    /** Yesterday at this Shanghai time, as an agent's console sends it: {@code 2026-11-27T09:15:02+08:00}. */
    public static String at(String localTime) {
        return DAY + "T" + localTime + "+08:00";
    }

    /** Yesterday at this Shanghai time, as events carry it (UTC): {@code 2026-11-27T01:15:02Z}. */
    public static String utc(String localTime) {
        return OffsetDateTime.parse(at(localTime)).toInstant().toString();
    }

    public static final String LEAK_CALL = """
            {"ringStartedAt":"%s","answeredAt":"%s",
             "callerName":"王小明","phone":"13812345678","callerType":"OWNER","projectCode":"SH-LJY",
             "unit":"3栋2单元1201","matter":"卫生间天花板漏水","category":"REPAIR","settledOnCall":false,
             "greetingGiven":true}""".formatted(at("09:15:02"), at("09:15:09"));

    public static final String HANDOVER_VISIT = """
            {"arrivedAt":"%s","greetedAt":"%s",
             "visitorName":"李娜","organisation":"业主委员会","phone":"021-58881234","projectCode":"SH-LJY",
             "purpose":"咨询交房时间","hostedBy":"交付部 陈经理","category":"HANDOVER"}"""
            .formatted(at("10:30:00"), at("10:30:20"));

    /** A call with a different caller, so tests can tell contacts apart. */
    public static String call(String callerName, String phone, String matter) {
        return LEAK_CALL.replace("王小明", callerName).replace("13812345678", phone).replace("卫生间天花板漏水", matter);
    }

    private Fixtures() {
    }
}
