package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/**
 * One hotline's counters for one hour of one day ({@code day} 2026-12-05) or, summed, of every day of a month
 * ({@code day} 2026-12, in {@code hotline_months}); {@code hour} 0–23 in Asia/Shanghai. {@code marks} as
 * for the agents' days.
 */
@Document(HotlineHourDocument.COLLECTION)
public record HotlineHourDocument(@Id String id, long version, String hotline, String day, int hour,
                                  HotlineHour counters, Map<String, Long> marks) {

    public static final String COLLECTION = "hotline_hours";

    static String idOf(String hotline, String day, int hour) {
        return hotline + "|" + day + "|" + "%02d".formatted(hour);
    }
}
