package com.caseflow.routing.messaging;

import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.ReopenRequests;
import com.caseflow.support.consumer.EnvelopeReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The service's consumers, bound in application.yml: {@code routeContact-in-0} routes every contact,
 * {@code reopenCase-in-0} reads the follow-up topic for reopen requests and skips its other events. What cannot be
 * processed after the bounded retries goes to the topic's dead-letter topic with the error in its headers
 * (service-support's consumer configuration).
 */
@Configuration(proxyBeanMethods = false)
class RoutingFunctions {

    @Bean
    Consumer<Message<byte[]>> routeContact(ContactRouter router, EnvelopeReader reader) {
        return message -> router.route(reader.read(message, ContactReceived.class));
    }

    @Bean
    Consumer<Message<byte[]>> reopenCase(ReopenRequests requests, EnvelopeReader reader) {
        return message -> {
            if (EventTypes.CASE_REOPEN_REQUESTED.equals(reader.type(message))) {
                requests.apply(reader.read(message, CaseReopenRequested.class));
            }
        };
    }
}
