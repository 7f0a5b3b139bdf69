package com.caseflow.intake.contacts.web;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One row of the contacts behind a dashboard figure: what the figure counted, the number masked (138****5678) and
 * no customer's name — the readers are supervisors and managers, who review and do not call back.
 */
public record FigureContactView(
        String id,
        OffsetDateTime receivedAt,
        Channel channel,
        String channelLabel,
        String agentId,
        String projectCode,
        String unit,
        ContactCategory category,
        String categoryLabel,
        boolean settledAtFirstContact,
        String phone) {

    static FigureContactView of(Contact contact, ZoneId zone) {
        return new FigureContactView(contact.id(), contact.receivedAt().atZone(zone).toOffsetDateTime(),
                contact.channel(), contact.channel() == Channel.PHONE ? "接电" : "接访", contact.agentId(),
                contact.projectCode(), contact.unit(), contact.category(), contact.category().labelZh(),
                contact.settledAtFirstContact(),
                PhoneNumber.parse(contact.phone()).map(PhoneNumber::masked).orElse("****"));
    }

    /** Numbers stay out of logs. */
    @Override
    public String toString() {
        return "FigureContactView[id=" + id + ", projectCode=" + projectCode + ", category=" + category + "]";
    }
}
