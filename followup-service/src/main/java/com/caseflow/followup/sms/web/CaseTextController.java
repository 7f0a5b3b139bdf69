package com.caseflow.followup.sms.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.followup.sms.application.CustomerMessages;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The texts sent (or waiting) about a case, for supervisors, managers and admins; the number masked. */
@RestController
class CaseTextController {

    /** One text as staff see it: the number masked, the error only as its kind. */
    record TextView(String id, SmsTemplate template, String to, String text, SmsStatus status, int attempts,
                    String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    /** The access audit's name of this read. */
    static final String READ = "case-texts";

    private final CustomerMessages messages;
    private final CustomerReads reads;

    CaseTextController(CustomerMessages messages, CustomerReads reads) {
        this.messages = messages;
        this.reads = reads;
    }

    @GetMapping("/api/v1/cases/{caseId}/texts")
    List<TextView> texts(@PathVariable String caseId, Authentication authentication) {
        Staff reader = reads.reader(authentication);
        List<TextMessage> texts = messages.ofCase(caseId);
        reads.shown(reader, READ, false, texts, TextMessage::caseId, m -> Stream.ofNullable(m.to()));
        return texts.stream()
                .map(m -> new TextView(m.id(), m.template(), Phones.masked(m.to()), m.text(), m.status(),
                        m.attempts(), m.lastError(), m.createdAt(), m.open() ? m.nextAttemptAt() : null, m.sentAt()))
                .toList();
    }
}
