package com.caseflow.evaluation.messaging;

import com.caseflow.evaluation.aggregates.application.EventFolder;
import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The service's consumers, bound in application.yml: every contact, every case event and every follow-up event is
 * folded into the day counters. Types a consumer does not count are skipped; what cannot be processed goes to the
 * topic's dead-letter topic with the error in its headers.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationFunctions {

    @Bean
    Consumer<Message<byte[]>> foldContact(EventFolder folder, EnvelopeReader reader) {
        return message -> {
            String type = reader.type(message);
            if (!EventTypes.CONTACT_RECEIVED.equals(type)) {
                throw new PoisonRecordException("not a contact: type " + type);
            }
            folder.contact(reader.read(message, ContactReceived.class));
        };
    }

    @Bean
    Consumer<Message<byte[]>> foldCase(EventFolder folder, EnvelopeReader reader) {
        return message -> {
            switch (reader.type(message)) {
                case EventTypes.CASE_ROUTED -> folder.routed(reader.read(message, CaseRouted.class));
                case EventTypes.CONTACT_ATTACHED -> folder.attached(reader.read(message, ContactAttached.class));
                case EventTypes.CASE_ACCEPTED -> folder.accepted(reader.read(message, CaseAccepted.class));
                case EventTypes.CASE_TRANSFERRED -> folder.transferred(reader.read(message, CaseTransferred.class));
                case EventTypes.CASE_RESOLVED -> folder.resolved(reader.read(message, CaseResolved.class));
                case EventTypes.CASE_REOPENED -> folder.reopened(reader.read(message, CaseReopened.class));
                default -> {
                    // notes and merges count nowhere yet; newer types are skipped
                }
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> foldFollowUp(EventFolder folder, EnvelopeReader reader) {
        return message -> {
            switch (reader.type(message)) {
                case EventTypes.CASE_ESCALATED -> folder.escalated(reader.read(message, CaseEscalated.class));
                case EventTypes.CUSTOMER_FEEDBACK_RECORDED ->
                        folder.feedback(reader.read(message, CustomerFeedbackRecorded.class));
                default -> {
                    // reminders and reopen requests: the reopening itself is counted from the case event
                }
            }
        };
    }

    /** The service's own spot-checks come back through {@code evaluations} like everything else it counts. */
    @Bean
    Consumer<Message<byte[]>> foldEvaluation(EventFolder folder, EnvelopeReader reader) {
        return message -> {
            if (EventTypes.SPOT_CHECK_RECORDED.equals(reader.type(message))) {
                folder.spotCheck(reader.read(message, SpotCheckRecorded.class));
            }
        };
    }
}
