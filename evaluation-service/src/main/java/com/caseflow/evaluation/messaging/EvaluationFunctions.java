package com.caseflow.evaluation.messaging;

import com.caseflow.evaluation.aggregates.application.EventFolder;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import com.caseflow.evaluation.spotchecks.application.SamplingFacts;
import com.caseflow.evaluation.spotchecks.application.SpotChecks;
import com.caseflow.evaluation.training.application.Trainings;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.util.function.Consumer;

/**
 * The service's consumers, bound in application.yml: every contact, every call fact, every case event and every
 * follow-up event is
 * folded into the day counters, and what spot-check sampling needs of it is kept (after the counters: an event they
 * refuse as poison goes to the dead-letter topic before sampling sees it). Types a consumer does not count are
 * skipped; what cannot be processed goes to the topic's dead-letter topic with the error in its headers.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationFunctions {

    @Bean
    Consumer<Message<byte[]>> foldContact(EventFolder folder, SamplingFacts sampling, EnvelopeReader reader) {
        return message -> {
            SourcePosition at = positionOf(message);
            String type = reader.type(message);
            if (!EventTypes.CONTACT_RECEIVED.equals(type)) {
                throw new PoisonRecordException("not a contact: type " + type);
            }
            EventEnvelope<ContactReceived> contact = reader.read(message, ContactReceived.class);
            folder.contact(contact, at);
            sampling.contact(contact);
        };
    }

    @Bean
    Consumer<Message<byte[]>> foldCase(EventFolder folder, SamplingFacts sampling, EnvelopeReader reader) {
        return message -> {
            SourcePosition at = positionOf(message);
            switch (reader.type(message)) {
                case EventTypes.CASE_ROUTED -> {
                    EventEnvelope<CaseRouted> routed = reader.read(message, CaseRouted.class);
                    folder.routed(routed, at);
                    sampling.routed(routed);
                }
                case EventTypes.CONTACT_ATTACHED -> {
                    EventEnvelope<ContactAttached> attached = reader.read(message, ContactAttached.class);
                    folder.attached(attached, at);
                    sampling.attached(attached);
                }
                case EventTypes.CASE_ACCEPTED -> folder.accepted(reader.read(message, CaseAccepted.class), at);
                case EventTypes.CASE_TRANSFERRED -> {
                    EventEnvelope<CaseTransferred> transferred = reader.read(message, CaseTransferred.class);
                    folder.transferred(transferred, at);
                    sampling.transferred(transferred);
                }
                case EventTypes.CASE_RESOLVED -> {
                    EventEnvelope<CaseResolved> resolved = reader.read(message, CaseResolved.class);
                    folder.resolved(resolved, at);
                    sampling.resolved(resolved);
                }
                case EventTypes.CASE_REOPENED -> {
                    EventEnvelope<CaseReopened> reopened = reader.read(message, CaseReopened.class);
                    folder.reopened(reopened, at);
                    sampling.reopened(reopened);
                }
                case EventTypes.CASE_MERGED -> sampling.merged(reader.read(message, CaseMerged.class));
                default -> {
                    // notes count nowhere yet (merges only close the case for sampling); newer types are skipped
                }
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> foldFollowUp(EventFolder folder, SamplingFacts sampling, EnvelopeReader reader) {
        return message -> {
            SourcePosition at = positionOf(message);
            switch (reader.type(message)) {
                case EventTypes.CASE_ESCALATED -> {
                    EventEnvelope<CaseEscalated> escalated = reader.read(message, CaseEscalated.class);
                    folder.escalated(escalated, at);
                    sampling.escalated(escalated);
                }
                case EventTypes.CUSTOMER_FEEDBACK_RECORDED -> {
                    EventEnvelope<CustomerFeedbackRecorded> feedback =
                            reader.read(message, CustomerFeedbackRecorded.class);
                    folder.feedback(feedback, at);
                    sampling.feedback(feedback);
                }
                default -> {
                    // reminders and reopen requests: the reopening itself is counted from the case event
                }
            }
        };
    }

    /**
     * The phone platform's facts of each call: the call centre's service measures per hotline and hour and per agent;
     * the recording of an ended call for the spot-checks of the contact recorded from it. Transfers count nowhere.
     */
    @Bean
    Consumer<Message<byte[]>> foldCall(EventFolder folder, SamplingFacts sampling, EnvelopeReader reader) {
        return message -> {
            SourcePosition at = positionOf(message);
            switch (reader.type(message)) {
                case EventTypes.CALL_OFFERED -> folder.offered(reader.read(message, CallOffered.class), at);
                case EventTypes.CALL_RINGING -> folder.ringing(reader.read(message, CallRinging.class), at);
                case EventTypes.CALL_ANSWERED -> folder.answered(reader.read(message, CallAnswered.class), at);
                case EventTypes.CALL_ABANDONED -> folder.abandoned(reader.read(message, CallAbandoned.class), at);
                case EventTypes.CALL_ENDED -> sampling.callEnded(reader.read(message, CallEnded.class));
                default -> {
                    // transfers, and types newer than this service
                }
            }
        };
    }

    /**
     * The service's own spot-checks come back through {@code evaluations} like everything else it counts — only those
     * its store holds, counted as stored (anyone who can write to the topic could forge one); its evaluations come
     * back to assign the training they recommend.
     */
    @Bean
    Consumer<Message<byte[]>> foldEvaluation(EventFolder folder, SpotChecks spotChecks, Trainings trainings,
                                             EnvelopeReader reader) {
        return message -> {
            SourcePosition at = positionOf(message);
            switch (reader.type(message)) {
                case EventTypes.SPOT_CHECK_RECORDED ->
                        folder.spotCheck(spotChecks.held(reader.read(message, SpotCheckRecorded.class)), at);
                case EventTypes.EVALUATION_PUBLISHED ->
                        trainings.evaluated(reader.read(message, EvaluationPublished.class).data());
                default -> {
                    // decisions and training events are this service's own announcements to others
                }
            }
        };
    }

    /** The record's place in its partition, which the counter documents are guarded by. */
    private static SourcePosition positionOf(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
        if (topic == null || partition == null || offset == null) {
            throw new IllegalStateException("a record without its topic, partition or offset");
        }
        return SourcePosition.of(topic, partition, offset);
    }
}
