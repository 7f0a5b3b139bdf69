package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A contact opened a case and routing put it in exactly one department's queue. The first event of every case, on
 * {@code cases} (key = case id) and on the department's own topic.
 *
 * @param sequence          position of this event in the case's history, from 1; consumers can check order with it
 * @param contactId         the contact that opened the case
 * @param agentId           the agent who recorded that contact
 * @param receivedAt        when intake received the contact
 * @param complexity        general (customer service) or complex (a department)
 * @param matchedKeywords   the safety and risk keywords found in the matter, if any
 * @param ruleId            the routing rule that chose the department
 * @param ruleVersion       the version of the rule set that rule belonged to
 * @param incidentId        set when the case stands for a mass incident
 * @param departmentHead    staff id of the department's head, the first step of its escalation ladder (added later in
 *                          schema version 1: absent from older records)
 * @param reasons           why routing chose the department and the priority, in words: the rule, then each signal
 *                          with its words, then words that did not count (benign, negated) (added later in schema
 *                          version 1: absent from older records)
 * @param onDutyStaffId     for an URGENT case: who is on duty for the department when it was routed (值班表), alerted at
 *                          once, day or night; null when the roster names nobody (the head is alerted instead) or the
 *                          case is not urgent (added later in schema version 1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseRouted(@Identifier String caseId, @PositiveOrZero long sequence, @Identifier String contactId,
                         @Identifier String agentId, Channel channel, Instant receivedAt,
                         @Identifier String projectCode, @Sealed @Size(max = 64) String unit, ContactCategory category,
                         @Sealed @Size(max = 2000) String matter, @Valid CaseCustomer customer, Complexity complexity,
                         Priority priority, @Size(max = 100) List<String> matchedKeywords,
                         @Identifier String departmentCode, @Identifier String ruleId,
                         @PositiveOrZero long ruleVersion, @Valid Deadlines deadlines, @Identifier String incidentId,
                         Instant routedAt, @Identifier String departmentHead, @Size(max = 100) List<String> reasons,
                         @Identifier String onDutyStaffId) {

    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before its reasons and the on-duty person were named. */
    public CaseRouted(String caseId, long sequence, String contactId, String agentId, Channel channel,
                      Instant receivedAt, String projectCode, String unit, ContactCategory category, String matter,
                      CaseCustomer customer, Complexity complexity, Priority priority, List<String> matchedKeywords,
                      String departmentCode, String ruleId, long ruleVersion, Deadlines deadlines, String incidentId,
                      Instant routedAt, String departmentHead) {
        this(caseId, sequence, contactId, agentId, channel, receivedAt, projectCode, unit, category, matter, customer,
                complexity, priority, matchedKeywords, departmentCode, ruleId, ruleVersion, deadlines, incidentId,
                routedAt, departmentHead, null, null);
    }

    /** The same event naming the head of the department it was routed to and who is on duty there. */
    public CaseRouted withDepartment(String head, String onDuty) {
        return new CaseRouted(caseId, sequence, contactId, agentId, channel, receivedAt, projectCode, unit, category,
                matter, customer, complexity, priority, matchedKeywords, departmentCode, ruleId, ruleVersion,
                deadlines, incidentId, routedAt, head, reasons, onDuty);
    }
}
