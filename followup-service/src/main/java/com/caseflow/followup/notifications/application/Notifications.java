package com.caseflow.followup.notifications.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.FollowUpReminderIssued;
import com.caseflow.events.followup.OnDutyAlerted;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.problem.RequestRefusedException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Turns the service's own reminders and escalations, read back from {@code followups}, into notifications for the
 * gateway — so a notification exists exactly when its event was published, once per event id.
 */
@Service
public class Notifications {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final Map<String, String> ROLE_LABELS = Map.of(
            "DEPARTMENT_HEAD", "部门负责人",
            "PROJECT_MANAGER", "项目经理",
            "EXECUTIVE", "公司领导");

    private final NotificationStore store;
    private final NotificationProperties properties;
    private final Clock clock;
    private final NotificationDispatcher dispatcher;

    public Notifications(NotificationStore store, NotificationProperties properties, Clock clock,
                         NotificationDispatcher dispatcher) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    public void reminder(EventEnvelope<FollowUpReminderIssued> envelope) {
        PoisonRecordException.requireReadable(envelope, FollowUpReminderIssued.SCHEMA_VERSION);
        FollowUpReminderIssued reminder = envelope.data();
        if (reminder == null || reminder.caseId() == null || reminder.dueAt() == null || reminder.deadline() == null) {
            throw new PoisonRecordException("reminder without case, deadline kind or due time");
        }
        List<String> recipients = reminder.ownerId() != null ? List.of(reminder.ownerId())
                : List.of("DEPARTMENT:" + reminder.departmentCode());
        String text = "【跟进提醒】案件 %s（项目 %s，%s）的%s期限为 %s，还剩 %s 工作时间，请及时处理。".formatted(
                shortId(reminder.caseId()), reminder.projectCode(), priority(reminder.priority()),
                reminder.deadline().label(), local(reminder.dueAt()), minutes(reminder.businessMinutesLeft()));
        issue(Notification.pending(envelope.eventId(), "REMINDER", reminder.caseId(),
                reminder.departmentCode(), reminder.projectCode(), null, null, recipients, text,
                envelope.occurredAt()));
    }

    public void escalation(EventEnvelope<CaseEscalated> envelope) {
        PoisonRecordException.requireReadable(envelope, CaseEscalated.SCHEMA_VERSION);
        CaseEscalated escalated = envelope.data();
        if (escalated == null || escalated.caseId() == null || escalated.dueAt() == null
                || escalated.deadline() == null || escalated.role() == null) {
            throw new PoisonRecordException("escalation without case, deadline kind, due time or role");
        }
        String role = escalated.role();
        String text = "【超期升级·第%d级】案件 %s（项目 %s，%s，%s）的%s期限 %s 已过，超期 %s 工作时间，请%s督办。".formatted(
                escalated.level(), shortId(escalated.caseId()), escalated.projectCode(),
                escalated.departmentCode(), priority(escalated.priority()), escalated.deadline().label(),
                local(escalated.dueAt()), minutes(escalated.businessMinutesOverdue()),
                ROLE_LABELS.getOrDefault(role, role));
        issue(Notification.pending(envelope.eventId(), "ESCALATION", escalated.caseId(),
                escalated.departmentCode(), escalated.projectCode(), escalated.level(), role,
                "DEPARTMENT_HEAD".equals(role) && escalated.departmentHead() != null
                        ? List.of(escalated.departmentHead())
                        : recipients(role, escalated.departmentCode(), escalated.projectCode()), text,
                envelope.occurredAt()));
    }

    /** An URGENT case for the on-duty person (or the head): sent at once, whatever the hour. */
    public void onDuty(EventEnvelope<OnDutyAlerted> envelope) {
        PoisonRecordException.requireReadable(envelope, OnDutyAlerted.SCHEMA_VERSION);
        OnDutyAlerted alert = envelope.data();
        if (alert == null || alert.caseId() == null || alert.staffId() == null || alert.departmentCode() == null) {
            throw new PoisonRecordException("on-duty alert without case, department or staff");
        }
        String text = "【紧急·请立即处理】%s 有紧急案件 %s（项目 %s，%s），请在 %s 前接单响应。%s".formatted(
                alert.departmentCode(), shortId(alert.caseId()), alert.projectCode(), reason(alert.reason()),
                alert.firstResponseDue() == null ? "尽快" : local(alert.firstResponseDue()),
                alert.fromRoster() ? "您是当前值班人员。" : "值班表当前无人值班，请部门负责人安排。");
        issue(Notification.pending(envelope.eventId(), "ON_DUTY", alert.caseId(), alert.departmentCode(),
                alert.projectCode(), null, alert.fromRoster() ? "ON_DUTY" : "DEPARTMENT_HEAD",
                List.of(alert.staffId()), text, envelope.occurredAt()));
    }

    /**
     * A call-back task of a missed call passed its due time with nobody having called back: its department's
     * supervisor is told, once per task. The text names the hotline and the task, never the caller's number.
     */
    public void missedCallOverdue(String taskId, String hotline, int calls, Instant firstMissedAt, Instant dueAt,
                                  String departmentCode, Instant at) {
        String text = "【未接来电超时】热线 %s 有一位来电者未接通（共 %d 次，首次 %s），应于 %s 前回拨，至今未回拨，请督促处理（任务 %s）。"
                .formatted(hotline == null ? "未知" : hotline, calls, local(firstMissedAt), local(dueAt), taskId);
        issue(Notification.pending("missed-call-overdue:" + taskId, "MISSED_CALL_OVERDUE", null, departmentCode,
                null, null, "SUPERVISOR", recipients("SUPERVISOR", departmentCode, null), text, at));
    }

    private static String reason(String reason) {
        return switch (reason == null ? "" : reason) {
            case "RAISED" -> "来电后升为紧急";
            case "TRANSFERRED" -> "转交至本部门";
            case "REOPENED" -> "回访不满意重新打开";
            default -> "新派单";
        };
    }

    /** Stored once per event id; a redelivered event finds it stored and sends nothing more. */
    private void issue(Notification notification) {
        if (store.insert(notification)) {
            dispatcher.deliverSoon(notification.id());
        }
    }

    public Notification read(String id) {
        return store.find(id).map(NotificationStore.VersionedNotification::state)
                .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "no notification " + id));
    }

    public Page<Notification> list(NotificationStatus status, String caseId, int page, int size) {
        return store.list(status, caseId, page, size);
    }

    /**
     * The staff the directory names for a role — by department, then project, then company-wide — or the role and
     * department for the gateway to resolve. A department head comes with the case events from routing's registry.
     */
    List<String> recipients(String role, String departmentCode, String projectCode) {
        Map<String, List<String>> byScope = properties.directory().getOrDefault(role, Map.of());
        for (String scope : new String[] {departmentCode, projectCode, "*"}) {
            List<String> staff = scope == null ? null : byScope.get(scope);
            if (staff != null && !staff.isEmpty()) {
                return List.copyOf(staff);
            }
        }
        return List.of(role + ":" + (departmentCode == null ? "*" : departmentCode));
    }

    private String local(Instant at) {
        return LOCAL_TIME.format(at.atZone(clock.getZone()));
    }

    private static String shortId(String caseId) {
        return caseId.length() > 8 ? caseId.substring(0, 8) : caseId;
    }

    private static String priority(com.caseflow.events.cases.Priority priority) {
        return priority == null ? "优先级未知" : priority.labelZh();
    }

    private static String minutes(long minutes) {
        return minutes >= 60 ? (minutes / 60) + " 小时 " + (minutes % 60) + " 分钟" : minutes + " 分钟";
    }
}
