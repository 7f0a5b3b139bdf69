package com.caseflow.intake.support;

/** Requests as agents send them, with Chinese names, projects and matters. */
public final class Fixtures {

    public static final String LEAK_CALL = """
            {"ringStartedAt":"2026-11-27T09:15:02+08:00","answeredAt":"2026-11-27T09:15:09+08:00",
             "callerName":"王小明","phone":"13812345678","callerType":"OWNER","projectCode":"SH-LJY",
             "unit":"3栋2单元1201","matter":"卫生间天花板漏水","category":"REPAIR","settledOnCall":false,
             "greetingGiven":true}""";

    public static final String HANDOVER_VISIT = """
            {"arrivedAt":"2026-11-27T10:30:00+08:00","greetedAt":"2026-11-27T10:30:20+08:00",
             "visitorName":"李娜","organisation":"业主委员会","phone":"021-58881234","projectCode":"SH-LJY",
             "purpose":"咨询交房时间","hostedBy":"交付部 陈经理","category":"HANDOVER"}""";

    /** A call with a different caller, so tests can tell contacts apart. */
    public static String call(String callerName, String phone, String matter) {
        return LEAK_CALL.replace("王小明", callerName).replace("13812345678", phone).replace("卫生间天花板漏水", matter);
    }

    private Fixtures() {
    }
}
