package com.caseflow.followup.sms.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void whenItIsDaytimeThenTextsMayGo() {
        assertThat(QUIET.endOf(at("2026-12-01T08:00"))).isEmpty();
        assertThat(QUIET.endOf(at("2026-12-01T20:59:59"))).isEmpty();
    }

    @Test
    void whenItIsEveningThenTheyWaitForTheNextMorning() {
        assertThat(QUIET.endOf(at("2026-12-01T21:00"))).contains(at("2026-12-02T08:00"));
        assertThat(QUIET.endOf(at("2026-12-01T23:59"))).contains(at("2026-12-02T08:00"));
    }

    @Test
    void whenItIsEarlyMorningThenTheyWaitUntilEightTheSameDay() {
        assertThat(QUIET.endOf(at("2026-12-02T00:00"))).contains(at("2026-12-02T08:00"));
        assertThat(QUIET.endOf(at("2026-12-02T07:59:59"))).contains(at("2026-12-02T08:00"));
    }

    @Test
    void whenTheQuietHoursDoNotSpanMidnightThenTheyEndTheSameDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), SHANGHAI);
        assertThat(lunch.endOf(at("2026-12-01T12:30"))).contains(at("2026-12-01T13:00"));
        assertThat(lunch.endOf(at("2026-12-01T13:00"))).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
