package com.caseflow.routing.cases.application;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;

/** What routing needs to know of a contact to decide where it goes — also the body of a dry run. */
public record RoutingRequest(ContactCategory category, String matter, String projectCode, Channel channel) {

    static RoutingRequest of(ContactReceived contact) {
        return new RoutingRequest(contact.category(), contact.matter(), contact.projectCode(), contact.channel());
    }
}
