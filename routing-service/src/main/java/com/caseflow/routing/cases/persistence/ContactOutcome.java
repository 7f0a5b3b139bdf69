package com.caseflow.routing.cases.persistence;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * What routing decided for a contact that opened no case of its own (settled, or joined an open case), written
 * before the decision is carried out. A redelivered contact finds it and carries out the same decision again, which
 * changes nothing the second time: one contact, one effect, even across a crash between the decision and its last
 * write. A contact that opened a case needs no record: the case's id derives from the contact's.
 */
@Document("contact_outcomes")
public record ContactOutcome(@Id String contactId, Kind kind, String caseId, String incidentId, Route route,
                             Instant decidedAt) {

    public enum Kind {
        /** Settled at first contact by the agent: no case. */
        SETTLED,
        /** Opened case {@code caseId}. */
        OPENED,
        /** Joined the customer's open case about the same matter. */
        REPEAT,
        /** Joined the case of mass incident {@code incidentId}. */
        INCIDENT
    }

    /**
     * The classification and rule that routed an opened case, kept so a replay opens it the same way;
     * {@code reasons} (added later, absent from older records) says why in words.
     */
    public record Route(String departmentCode, String ruleId, long ruleVersion, Complexity complexity,
                        Priority priority, List<String> matchedKeywords, List<String> reasons) {
    }
}
