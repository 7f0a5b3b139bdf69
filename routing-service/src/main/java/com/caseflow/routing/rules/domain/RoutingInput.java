package com.caseflow.routing.rules.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;

import java.util.Set;

/**
 * What a rule may look at: the contact as recorded and as classified.
 *
 * @param callerType who the customer is to the project; may be null
 * @param topics     the subjects the classifier found in the matter (lift, gas, title, …)
 */
public record RoutingInput(ContactCategory category, Complexity complexity, Priority priority, String projectCode,
                           Channel channel, String matter, CallerType callerType, Set<String> topics) {

    public RoutingInput {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }

    public RoutingInput(ContactCategory category, Complexity complexity, Priority priority, String projectCode,
                        Channel channel, String matter) {
        this(category, complexity, priority, projectCode, channel, matter, null, Set.of());
    }
}
