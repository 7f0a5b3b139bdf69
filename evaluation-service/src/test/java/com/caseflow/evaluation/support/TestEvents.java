package com.caseflow.evaluation.support;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.testing.EventLog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** The events evaluation's tests publish, and the times and ids they are made of. */
public final class TestEvents {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A local time in Shanghai ({@code 2026-10-12T09:00}) as an instant. */
    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** An id no other test uses: the prefix, a dash and eight random characters. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The event under a new event id, sent now, keyed (and correlated) by {@code key}. */
    public static <T> EventEnvelope<T> envelope(String key, T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1, Instant.now(), key, key,
                event);
    }

    public static void publish(EventLog log, String topic, String key, Object event) {
        log.publish(topic, envelope(key, event));
    }

    /** An owner's question on the phone to {@code agent} at 10:00 on {@code day}, in two or five rings. */
    public static ContactReceived call(String agent, String day, boolean withinThreeRings, boolean complete) {
        return new ContactReceived(UUID.randomUUID().toString(), Channel.PHONE, agent, at(day + "T10:00"), null, null,
                withinThreeRings ? 2 : 5, withinThreeRings, true, null, null, null, "王小明", CallerType.OWNER,
                "13812345678", null, "SH-LJY", null, "咨询交房时间", ContactCategory.INQUIRY, true, complete);
    }

    /** The callback of a case {@code agent} took, at 15:00 on {@code day}: satisfied above 2. */
    public static CustomerFeedbackRecorded feedback(String agent, String day, int satisfaction) {
        String caseId = UUID.randomUUID().toString();
        return new CustomerFeedbackRecorded(caseId, caseId + ".1.1", UUID.randomUUID().toString(), agent, "CS",
                "SH-LJY", 1, true, satisfaction, satisfaction > 2, null, true, "D-CS-01", at(day + "T15:00"));
    }

    private TestEvents() {
    }
}
