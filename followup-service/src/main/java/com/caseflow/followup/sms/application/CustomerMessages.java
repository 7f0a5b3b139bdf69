package com.caseflow.followup.sms.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Phones;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.SmsTexts;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.followup.sms.persistence.TextMessageStore;
import com.caseflow.followup.timers.domain.CaseCaller;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The texts customers get about their case: when it opens (its number and who handles it) and when it is resolved
 * (saying so, with the satisfaction question). One message per event, template and customer: its id derives from
 * them, so a redelivered event stores nothing new and sends nothing twice. Only mobile numbers get texts.
 */
@Service
public class CustomerMessages {

    private final TextMessageStore store;
    private final SmsDispatcher dispatcher;
    private final FollowUpStore cases;
    private final SmsProperties properties;
    private final SmsTexts texts;
    private final Clock clock;
    private final MeterRegistry meters;

    public CustomerMessages(TextMessageStore store, SmsDispatcher dispatcher, FollowUpStore cases,
                            SmsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.cases = cases;
        this.properties = properties;
        this.texts = properties.texts();
        this.clock = clock;
        this.meters = meters;
    }

    /** The case opened: its customer is told the case number and the department handling it. */
    public void opened(EventEnvelope<CaseRouted> envelope) {
        CaseRouted routed = envelope.data();
        issue(envelope.eventId(), SmsTemplate.CASE_OPENED, 1, routed.caseId(), routed.customer(), null,
                routed.priority() == Priority.URGENT, properties.department(routed.departmentCode()));
    }

    /**
     * The case was resolved: every customer on it — as for the callbacks (回访), one per customer, in the same order —
     * is told so and asked for a score; a reply of 1–5 answers the callback of the same customer.
     */
    public void resolved(EventEnvelope<CaseResolved> envelope) {
        CaseResolved resolved = envelope.data();
        Optional<FollowedCase> known = cases.find(resolved.caseId()).map(v -> v.state());
        if (known.isEmpty()) {
            return;
        }
        FollowedCase followed = known.get();
        List<CaseCaller> callers = followed.callers();
        Set<String> told = new HashSet<>();
        for (int i = 0; i < callers.size(); i++) {
            CaseCustomer customer = callers.get(i).customer();
            String number = mobile(customer).orElse(null);
            if (number != null && told.add(number)) {
                issue(envelope.eventId(), SmsTemplate.CASE_RESOLVED, i + 1, resolved.caseId(), customer,
                        Callback.idFor(resolved.caseId(), resolved.sequence(), i + 1),
                        followed.priority() == Priority.URGENT, properties.department(resolved.departmentCode()));
            }
        }
    }

    private void issue(String eventId, SmsTemplate template, int recipient, String caseId, CaseCustomer customer,
                       String callbackId, boolean urgent, String department) {
        Optional<String> number = mobile(customer);
        if (number.isEmpty()) {
            meters.counter("caseflow.sms.no.mobile", "template", template.name()).increment();
            return;
        }
        TextMessage message = TextMessage.pending(idFor(eventId, template, recipient), template, caseId, number.get(),
                texts.render(template, caseId, department), callbackId,
                urgent && properties.urgentInQuietHours().contains(template), clock.instant());
        if (store.insert(message)) {
            dispatcher.count(message);
            dispatcher.sendSoon(message.id());
        }
    }

    /** The same event, template and customer always give the same message id. */
    static String idFor(String eventId, SmsTemplate template, int recipient) {
        return UUID.nameUUIDFromBytes(("sms/" + eventId + "/" + template.name() + "/" + recipient)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Optional<String> mobile(CaseCustomer customer) {
        return Optional.ofNullable(customer).map(CaseCustomer::phone).flatMap(Phones::normalised)
                .filter(Phones::isMobile);
    }

    public List<TextMessage> ofCase(String caseId) {
        return store.ofCase(caseId);
    }
}
