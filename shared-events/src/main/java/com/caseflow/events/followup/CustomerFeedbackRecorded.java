package com.caseflow.events.followup;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Customer service recorded one attempt of a callback (回访) after a case was resolved: the customer was not reached,
 * or was reached and said how satisfied they are. On {@code followups}, key = case id. The customer's name and number
 * are not part of it: evaluation counts feedback per agent and department, it does not call anyone.
 *
 * @param contactId              the customer's contact that the resolved case answered
 * @param agentId                the agent who recorded that contact: the feedback counts towards them
 * @param attempt                1 for the first call, then 2, 3, …
 * @param satisfaction           1–5 when reached, otherwise null
 * @param resolvedInCustomerView whether the customer considers the matter resolved; null when not reached
 * @param finalAttempt           true when this attempt closed the callback (reached, or the last allowed attempt)
 * @param channel                how the answer came: a callback, or a reply to the resolution's text message; null
 *                               in records written before texts existed, which were all callbacks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerFeedbackRecorded(@Identifier String caseId, @Identifier String callbackId,
                                       @Identifier String contactId, @Identifier String agentId,
                                       @Identifier String departmentCode, @Identifier String projectCode,
                                       @Min(0) @Max(100) int attempt, boolean reached,
                                       @Min(1) @Max(5) Integer satisfaction, Boolean resolvedInCustomerView,
                                       @Sealed @Size(max = 2000) String comment, boolean finalAttempt,
                                       @Identifier String recordedBy, Instant recordedAt, FeedbackChannel channel) {
    public static final int SCHEMA_VERSION = 1;

    /** Feedback from a callback (回访电话). */
    public CustomerFeedbackRecorded(String caseId, String callbackId, String contactId, String agentId,
                                    String departmentCode, String projectCode, int attempt, boolean reached,
                                    Integer satisfaction, Boolean resolvedInCustomerView, String comment,
                                    boolean finalAttempt, String recordedBy, Instant recordedAt) {
        this(caseId, callbackId, contactId, agentId, departmentCode, projectCode, attempt, reached, satisfaction,
                resolvedInCustomerView, comment, finalAttempt, recordedBy, recordedAt, FeedbackChannel.PHONE);
    }
}
