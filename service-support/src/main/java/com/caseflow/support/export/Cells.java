package com.caseflow.support.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Cells as the exported tables show them to Chinese users; null stays null, an empty cell. */
public final class Cells {

    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** An instant as a TEXT cell in Shanghai time, to the minute: 2026-12-05 17:30. */
    public static String time(Instant at) {
        return at == null ? null : SHANGHAI.format(at);
    }

    /** 是 or 否, as a TEXT cell. */
    public static String yesNo(Boolean value) {
        return value == null ? null : value ? "是" : "否";
    }

    private Cells() {
    }
}
