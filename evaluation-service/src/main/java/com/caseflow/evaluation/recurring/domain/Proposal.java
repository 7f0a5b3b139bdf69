package com.caseflow.evaluation.recurring.domain;

import com.caseflow.events.contact.ContactCategory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement proposal (改进建议) a supervisor or manager recorded against a recurring issue, a project × category,
 * with the member of staff who owns it and the day it is due.
 *
 * @param owner      staff id of who carries it out
 * @param recordedBy staff id of who recorded it; {@code recordedAt} starts the before/after comparison of the issue
 * @param updatedBy  staff id of who changed it last; null until somebody does
 */
public record Proposal(String id, String projectCode, ContactCategory category, String title, String description,
                       String owner, LocalDate dueDate, ProposalStatus status, String recordedBy, Instant recordedAt,
                       String updatedBy, Instant updatedAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;

    /** What a new proposal says, checked. */
    public record Draft(String projectCode, ContactCategory category, String title, String description, String owner,
                        LocalDate dueDate) {
    }

    /** A change of status, owner or due date; null leaves it as it is. */
    public record Change(ProposalStatus status, String owner, LocalDate dueDate) {

        public boolean isEmpty() {
            return status == null && owner == null && dueDate == null;
        }
    }

    public static Proposal record(String id, Draft draft, String by, Instant at) {
        return new Proposal(id, draft.projectCode(), draft.category(), draft.title(), draft.description(),
                draft.owner(), draft.dueDate(), ProposalStatus.PROPOSED, by, at, null, null);
    }

    public Proposal changed(Change change, String by, Instant at) {
        return new Proposal(id, projectCode, category, title, description,
                change.owner() == null ? owner : change.owner(),
                change.dueDate() == null ? dueDate : change.dueDate(),
                change.status() == null ? status : change.status(), recordedBy, recordedAt, by, at);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }
}
