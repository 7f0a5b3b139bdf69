package com.caseflow.followup.support;

import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.testing.TestCalendars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Case events as routing publishes them, with deadlines counted on the 2026 calendar of the departments. */
public final class Cases {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 09:00–18:00 Monday to Friday with 2026's holidays and make-up days (National Day: Oct 1–7 off; Sun Sep 20 and
     * Sat Oct 10 worked), as routing seeds it. */
    public static final BusinessCalendar CALENDAR = TestCalendars.office();

    public static final WorkingTime WORKING_TIME = new WorkingTime() {
        @Override
        public Instant plus(Instant start, Duration workingTime) {
            return CALENDAR.plus(start, workingTime);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return CALENDAR.between(from, to);
        }
    };

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    /** Deadlines in whole business hours of the office calendar. */
    public static Deadlines deadlines(Instant from, int firstResponseHours, int resolutionHours, WorkingTime time) {
        return Deadlines.of(CALENDAR.id(), time.plus(from, Duration.ofHours(firstResponseHours)),
                firstResponseHours * 60, time.plus(from, Duration.ofHours(resolutionHours)), resolutionHours * 60);
    }

    public static CaseRouted routed(String caseId, String department, Instant at, int firstResponseHours,
                                    int resolutionHours, WorkingTime time) {
        return new CaseRouted(caseId, 1, "contact-" + caseId, "A001", Channel.PHONE, at.minusSeconds(5), "SH-LJY",
                "3栋1单元502", ContactCategory.REPAIR, "卫生间天花板漏水", new CaseCustomer("李娜", "13812345678"),
                Complexity.COMPLEX, Priority.HIGH, List.of("漏水"), department, "repairs", 3,
                deadlines(at, firstResponseHours, resolutionHours, time), null, at, "ENG-HEAD");
    }

    /** The built-in 24×7 calendar URGENT cases are timed on. */
    public static final BusinessCalendar ALWAYS = TestCalendars.alwaysOpen();

    /**
     * An URGENT case as routing routes it: timed on 24×7, first response within {@code firstResponseMinutes}, and
     * naming who is on duty (null: the roster names nobody).
     */
    public static CaseRouted urgent(String caseId, String department, Instant at, int firstResponseMinutes,
                                    int resolutionMinutes, String onDuty) {
        Deadlines deadlines = Deadlines.of(ALWAYS.id(), ALWAYS.plus(at, Duration.ofMinutes(firstResponseMinutes)),
                firstResponseMinutes, ALWAYS.plus(at, Duration.ofMinutes(resolutionMinutes)), resolutionMinutes);
        return new CaseRouted(caseId, 1, "contact-" + caseId, "A001", Channel.PHONE, at.minusSeconds(5), "SH-LJY",
                "3栋1单元502", ContactCategory.REPAIR, "楼道有很浓的煤气味", new CaseCustomer("李娜", "13812345678"),
                Complexity.COMPLEX, Priority.URGENT, List.of("煤气"), department, "repairs", 3, deadlines, null, at,
                "ENG-HEAD", null, onDuty);
    }

    public static ContactAttached attached(String caseId, long sequence, String name, String phone, Instant at) {
        return attached(caseId, sequence, name, phone, at, null);
    }

    /** A contact that joined the case; {@code deadlines} as routing sends them after raising the priority. */
    public static ContactAttached attached(String caseId, long sequence, String name, String phone, Instant at,
                                           Deadlines deadlines) {
        return new ContactAttached(caseId, sequence, "contact-" + UUID.randomUUID(), "A002", Channel.PHONE, at,
                new CaseCustomer(name, phone), AttachReason.REPEAT, null, "ENGINEERING", Priority.URGENT, deadlines,
                at);
    }

    public static CaseAccepted accepted(String caseId, long sequence, String department, String by, Instant at) {
        return new CaseAccepted(caseId, sequence, department, by, at);
    }

    public static CaseTransferred transferred(String caseId, long sequence, String from, String to, Instant at,
                                              int firstResponseHours, int resolutionHours, WorkingTime time) {
        return new CaseTransferred(caseId, sequence, from, to, "属于物业范围", "D-ENG-01", "SH-LJY", "3栋1单元502",
                ContactCategory.REPAIR, "卫生间天花板漏水", new CaseCustomer("李娜", "13812345678"), Priority.HIGH,
                deadlines(at, firstResponseHours, resolutionHours, time), at, "PM-HEAD");
    }

    public static CaseResolved resolved(String caseId, long sequence, String department, Instant at) {
        return new CaseResolved(caseId, sequence, department, "D-ENG-01", "已更换防水层，天花板修复", List.of(), at);
    }

    private Cases() {
    }
}
