package com.caseflow.followup.sms.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.followup.sms.application.CustomerMessages;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The texts sent (or waiting) about a case, for supervisors, managers and admins; the number masked. */
@RestController
class CaseTextController {

    /** One text as staff see it: the number masked, the error only as its kind. */
    record TextView(String id, SmsTemplate template, String to, String text, SmsStatus status, int attempts,
                    String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    private final CustomerMessages messages;
    private final StaffRateLimiter rateLimit;

    CaseTextController(CustomerMessages messages, StaffRateLimiter rateLimit) {
        this.messages = messages;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/api/v1/cases/{caseId}/texts")
    List<TextView> texts(@PathVariable String caseId, Authentication authentication) {
        rateLimit.acquireRead(Staff.of(authentication));
        return messages.ofCase(caseId).stream()
                .map(m -> new TextView(m.id(), m.template(), Phones.masked(m.to()), m.text(), m.status(),
                        m.attempts(), m.lastError(), m.createdAt(), m.open() ? m.nextAttemptAt() : null, m.sentAt()))
                .toList();
    }
}
