package com.caseflow.evaluation.spotchecks.domain;

import java.time.LocalDate;

/**
 * What sampling knows of one contact: who recorded it, on which business day (Asia/Shanghai), how and about what, and
 * the case it opened or joined once that is known. Never the customer's name or number.
 *
 * @param agentId null while only the case's events have named the contact (its {@code ContactReceived} not yet read)
 * @param caseId  null for a contact settled on the spot, or while its case is not yet known
 * @param settled the agent recorded it as settled on the spot
 * @param callId  the phone platform's call the contact was recorded from, if any
 * @param recordingUrl the call's recording as the contact carried it, if it had one by then
 */
public record ContactFacts(String contactId, String agentId, LocalDate day, String channel, String projectCode,
                           String category, String caseId, boolean settled, String callId, String recordingUrl) {

    public ContactFacts(String contactId, String agentId, LocalDate day, String channel, String projectCode,
                        String category, String caseId) {
        this(contactId, agentId, day, channel, projectCode, category, caseId, false, null, null);
    }

    /** Known well enough to be drawn: its own event was read. */
    public boolean drawable() {
        return agentId != null && day != null;
    }
}
