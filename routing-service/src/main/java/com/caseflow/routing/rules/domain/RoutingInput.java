package com.caseflow.routing.rules.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

/** What a rule may look at: the contact as recorded and as classified. */
public record RoutingInput(ContactCategory category, Complexity complexity, Priority priority, String projectCode,
                           Channel channel, String matter) {
}
