package com.caseflow.routing.cases.domain;

import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.contact.Channel;

import java.time.Instant;

/**
 * A contact the case answers: the one that opened it ({@code reason} null) and every one attached since.
 */
public record CaseContact(String contactId, String agentId, Channel channel, Instant receivedAt,
                          CaseCustomer customer, AttachReason reason) {
}
