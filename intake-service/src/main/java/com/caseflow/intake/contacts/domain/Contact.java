package com.caseflow.intake.contacts.domain;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.TimingSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One call or visit as the agent recorded it. Call fields are null for visits and visit fields null for calls.
 */
public record Contact(
        String id,
        Channel channel,
        String agentId,
        Instant receivedAt,
        CallDetails call,
        VisitDetails visit,
        String customerName,
        CallerType callerType,
        String phone,
        String projectCode,
        String unit,
        String matter,
        ContactCategory category,
        boolean settledAtFirstContact) {

    /** Matters about a home that nobody can act on without its building, unit and room. */
    private static final Set<ContactCategory> NEED_UNIT = EnumSet.of(
            ContactCategory.REPAIR, ContactCategory.PROPERTY_MANAGEMENT, ContactCategory.HANDOVER, ContactCategory.TITLE);

    /**
     * @param callId       the phone platform's call, when the agent recorded the contact from a screen pop
     * @param timing       whether ring and answer times were measured by the platform or typed; null in contacts
     *                     stored before the platform was linked (typed, then)
     * @param recordingUrl the recording, when the platform had sent it by the time the contact was stored
     */
    public record CallDetails(Instant ringStartedAt, Instant answeredAt, int ringCount,
                              boolean answeredWithinThreeRings, Boolean greetingGiven, String callId,
                              TimingSource timing, String recordingUrl) {
    }

    public record VisitDetails(Instant arrivedAt, Instant greetedAt, String hostedBy, String organisation) {
    }

    /**
     * Whether the agent recorded everything the regime asks for: who the customer is, and for a matter about a home,
     * which unit; for a call whether the greeting was given, for a visit when the visitor was greeted.
     */
    public boolean recordComplete() {
        boolean unitKnown = !NEED_UNIT.contains(category) || (unit != null && !unit.isBlank());
        boolean channelComplete = call != null
                ? call.greetingGiven() != null
                : visit != null && visit.greetedAt() != null && visit.hostedBy() != null;
        return callerType != null && unitKnown && channelComplete;
    }

    /** Names and numbers stay out of logs: only what identifies the record. */
    @Override
    public String toString() {
        return "Contact[id=" + id + ", channel=" + channel + ", agentId=" + agentId + ", projectCode=" + projectCode
                + ", category=" + category + "]";
    }
}
