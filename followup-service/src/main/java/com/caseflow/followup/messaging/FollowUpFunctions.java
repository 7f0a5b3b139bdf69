package com.caseflow.followup.messaging;

import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.FollowUpReminderIssued;
import com.caseflow.events.followup.OnDutyAlerted;
import com.caseflow.followup.notifications.application.Notifications;
import com.caseflow.followup.sms.application.CustomerMessages;
import com.caseflow.followup.timers.application.CaseFollowUps;
import com.caseflow.support.consumer.EnvelopeReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The service's consumers, bound in application.yml: {@code followCase-in-0} reads {@code cases} and keeps each
 * case's deadlines and timers, and texts the customer when the case opens and when it is resolved (after the case
 * is recorded, so a text never goes out for an event that could not be applied); {@code notify-in-0} reads the
 * service's own reminders and escalations back from {@code followups} (with the on-duty alerts of urgent cases)
 * and queues their notifications. Other types are skipped; what cannot be processed goes to the topic's dead-letter
 * topic with the error in its headers.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpFunctions {

    @Bean
    Consumer<Message<byte[]>> followCase(CaseFollowUps followUps, CustomerMessages texts, EnvelopeReader reader) {
        return message -> {
            switch (reader.type(message)) {
                case EventTypes.CASE_ROUTED -> {
                    var routed = reader.read(message, CaseRouted.class);
                    followUps.routed(routed);
                    texts.opened(routed);
                }
                case EventTypes.CONTACT_ATTACHED -> followUps.attached(reader.read(message, ContactAttached.class));
                case EventTypes.CASE_ACCEPTED -> followUps.accepted(reader.read(message, CaseAccepted.class));
                case EventTypes.CASE_TRANSFERRED -> followUps.transferred(reader.read(message, CaseTransferred.class));
                case EventTypes.CASE_RESOLVED -> {
                    var resolved = reader.read(message, CaseResolved.class);
                    followUps.resolved(resolved);
                    texts.resolved(resolved);
                }
                case EventTypes.CASE_REOPENED -> followUps.reopened(reader.read(message, CaseReopened.class));
                case EventTypes.CASE_MERGED -> followUps.merged(reader.read(message, CaseMerged.class));
                default -> {
                    // notes, and types newer than this service: nothing to follow up
                }
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> notify(Notifications notifications, EnvelopeReader reader) {
        return message -> {
            switch (reader.type(message)) {
                case EventTypes.FOLLOW_UP_REMINDER_ISSUED ->
                        notifications.reminder(reader.read(message, FollowUpReminderIssued.class));
                case EventTypes.CASE_ESCALATED -> notifications.escalation(reader.read(message, CaseEscalated.class));
                case EventTypes.ON_DUTY_ALERTED -> notifications.onDuty(reader.read(message, OnDutyAlerted.class));
                default -> {
                    // feedback and reopen requests are for routing and evaluation
                }
            }
        };
    }
}
