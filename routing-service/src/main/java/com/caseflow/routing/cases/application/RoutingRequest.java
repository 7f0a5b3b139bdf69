package com.caseflow.routing.cases.application;

import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;

/**
 * What routing needs to know of a contact to decide where it goes — also the body of a dry run.
 *
 * @param callerType who the customer is to the project; may be null
 */
public record RoutingRequest(ContactCategory category, String matter, String projectCode, Channel channel,
                             CallerType callerType) {

    public RoutingRequest(ContactCategory category, String matter, String projectCode, Channel channel) {
        this(category, matter, projectCode, channel, null);
    }

    static RoutingRequest of(ContactReceived contact) {
        return new RoutingRequest(contact.category(), contact.matter(), contact.projectCode(), contact.channel(),
                contact.callerType());
    }
}
