package com.caseflow.intake.contacts.web;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A contact as agents read it; times in business time (Asia/Shanghai), labels in Chinese for the console. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(
        String id,
        Channel channel,
        String channelLabel,
        String agentId,
        OffsetDateTime receivedAt,
        Call call,
        Visit visit,
        String customerName,
        CallerType callerType,
        String phone,
        String projectCode,
        String unit,
        String matter,
        ContactCategory category,
        String categoryLabel,
        boolean settledAtFirstContact,
        boolean recordComplete) {

    /**
     * @param timing       MEASURED by the phone platform or SELF_REPORTED (typed)
     * @param recordingUrl for supervisors, managers and administrators only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Call(OffsetDateTime ringStartedAt, OffsetDateTime answeredAt, int ringCount,
                       boolean answeredWithinThreeRings, Boolean greetingGiven, String callId, TimingSource timing,
                       String recordingUrl) {
    }

    public record Visit(OffsetDateTime arrivedAt, OffsetDateTime greetedAt, String hostedBy, String organisation) {
    }

    /** A contact without its recording. */
    static ContactView of(Contact contact, ZoneId zone, boolean fullPhone) {
        return of(contact, zone, fullPhone, null);
    }

    /**
     * @param fullPhone    false: the number is shown masked (138****5678) to a reader who does not call back
     * @param recordingUrl the call's recording, for a reader who may follow it; null otherwise
     */
    static ContactView of(Contact contact, ZoneId zone, boolean fullPhone, String recordingUrl) {
        Contact.CallDetails call = contact.call();
        Contact.VisitDetails visit = contact.visit();
        return new ContactView(
                contact.id(),
                contact.channel(),
                contact.channel() == Channel.PHONE ? "接电" : "接访",
                contact.agentId(),
                at(contact.receivedAt(), zone),
                call == null ? null : new Call(at(call.ringStartedAt(), zone), at(call.answeredAt(), zone),
                        call.ringCount(), call.answeredWithinThreeRings(), call.greetingGiven(), call.callId(),
                        call.timing() == null ? TimingSource.SELF_REPORTED : call.timing(), recordingUrl),
                visit == null ? null : new Visit(at(visit.arrivedAt(), zone), at(visit.greetedAt(), zone),
                        visit.hostedBy(), visit.organisation()),
                contact.customerName(),
                contact.callerType(),
                fullPhone ? contact.phone() : PhoneNumber.parse(contact.phone()).map(PhoneNumber::masked).orElse("****"),
                contact.projectCode(),
                contact.unit(),
                contact.matter(),
                contact.category(),
                contact.category().labelZh(),
                contact.settledAtFirstContact(),
                contact.recordComplete());
    }

    /** Names and numbers stay out of logs. */
    @Override
    public String toString() {
        return "ContactView[id=" + id + ", channel=" + channel + ", projectCode=" + projectCode + "]";
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
