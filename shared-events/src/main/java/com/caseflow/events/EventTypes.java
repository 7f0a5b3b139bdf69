package com.caseflow.events;

import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.call.CallTransferred;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseNoteAdded;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.EvaluationDecided;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.evaluation.TrainingAssigned;
import com.caseflow.events.evaluation.TrainingCompleted;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.FollowUpReminderIssued;
import com.caseflow.events.followup.OnDutyAlerted;

import java.util.Map;
import java.util.Optional;

/**
 * The wire identity of each event: a stable type name, never a Java class name. A breaking change is a new name
 * ({@code …v2}); readers skip names they do not know.
 */
public final class EventTypes {

    public static final String CONTACT_RECEIVED = "caseflow.contact.received.v1";

    public static final String CALL_OFFERED = "caseflow.call.offered.v1";
    public static final String CALL_RINGING = "caseflow.call.ringing.v1";
    public static final String CALL_ANSWERED = "caseflow.call.answered.v1";
    public static final String CALL_ABANDONED = "caseflow.call.abandoned.v1";
    public static final String CALL_TRANSFERRED = "caseflow.call.transferred.v1";
    public static final String CALL_ENDED = "caseflow.call.ended.v1";

    public static final String CASE_ROUTED = "caseflow.case.routed.v1";
    public static final String CONTACT_ATTACHED = "caseflow.case.contact-attached.v1";
    public static final String CASE_ACCEPTED = "caseflow.case.accepted.v1";
    public static final String CASE_NOTE_ADDED = "caseflow.case.note-added.v1";
    public static final String CASE_TRANSFERRED = "caseflow.case.transferred.v1";
    public static final String CASE_RESOLVED = "caseflow.case.resolved.v1";
    public static final String CASE_REOPENED = "caseflow.case.reopened.v1";
    public static final String CASE_MERGED = "caseflow.case.merged.v1";

    public static final String CASE_REOPEN_REQUESTED = "caseflow.followup.reopen-requested.v1";
    public static final String FOLLOW_UP_REMINDER_ISSUED = "caseflow.followup.reminder-issued.v1";
    public static final String CASE_ESCALATED = "caseflow.followup.case-escalated.v1";
    public static final String CUSTOMER_FEEDBACK_RECORDED = "caseflow.followup.feedback-recorded.v1";
    public static final String ON_DUTY_ALERTED = "caseflow.followup.on-duty-alerted.v1";

    public static final String SPOT_CHECK_RECORDED = "caseflow.evaluation.spot-check-recorded.v1";
    public static final String EVALUATION_PUBLISHED = "caseflow.evaluation.published.v1";
    public static final String EVALUATION_DECIDED = "caseflow.evaluation.decided.v1";
    public static final String TRAINING_ASSIGNED = "caseflow.evaluation.training-assigned.v1";
    public static final String TRAINING_COMPLETED = "caseflow.evaluation.training-completed.v1";

    public static final String CALENDAR_PUBLISHED = "caseflow.calendar.published.v1";

    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(CONTACT_RECEIVED, ContactReceived.class),
            Map.entry(CALL_OFFERED, CallOffered.class),
            Map.entry(CALL_RINGING, CallRinging.class),
            Map.entry(CALL_ANSWERED, CallAnswered.class),
            Map.entry(CALL_ABANDONED, CallAbandoned.class),
            Map.entry(CALL_TRANSFERRED, CallTransferred.class),
            Map.entry(CALL_ENDED, CallEnded.class),
            Map.entry(CASE_ROUTED, CaseRouted.class),
            Map.entry(CONTACT_ATTACHED, ContactAttached.class),
            Map.entry(CASE_ACCEPTED, CaseAccepted.class),
            Map.entry(CASE_NOTE_ADDED, CaseNoteAdded.class),
            Map.entry(CASE_TRANSFERRED, CaseTransferred.class),
            Map.entry(CASE_RESOLVED, CaseResolved.class),
            Map.entry(CASE_REOPENED, CaseReopened.class),
            Map.entry(CASE_MERGED, CaseMerged.class),
            Map.entry(CASE_REOPEN_REQUESTED, CaseReopenRequested.class),
            Map.entry(FOLLOW_UP_REMINDER_ISSUED, FollowUpReminderIssued.class),
            Map.entry(CASE_ESCALATED, CaseEscalated.class),
            Map.entry(CUSTOMER_FEEDBACK_RECORDED, CustomerFeedbackRecorded.class),
            Map.entry(ON_DUTY_ALERTED, OnDutyAlerted.class),
            Map.entry(SPOT_CHECK_RECORDED, SpotCheckRecorded.class),
            Map.entry(EVALUATION_PUBLISHED, EvaluationPublished.class),
            Map.entry(EVALUATION_DECIDED, EvaluationDecided.class),
            Map.entry(TRAINING_ASSIGNED, TrainingAssigned.class),
            Map.entry(TRAINING_COMPLETED, TrainingCompleted.class),
            Map.entry(CALENDAR_PUBLISHED, CalendarPublished.class));

    private static final Map<Class<?>, String> NAMES = PAYLOADS.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** The payload class for a type name, empty for a type this version of the contracts does not know. */
    public static Optional<Class<?>> payloadOf(String type) {
        return Optional.ofNullable(PAYLOADS.get(type));
    }

    /** The type name an event is published under. */
    public static String nameOf(Object event) {
        String name = NAMES.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("not an event of the contracts: " + event.getClass().getName());
        }
        return name;
    }

    private EventTypes() {
    }
}
