package com.caseflow.followup.timers.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a deadline's timers fire: a reminder once {@code reminderShare} of its business time is used, then the
 * escalation ladder after it, each step a stated amount of business time past the deadline.
 *
 * @param reminderShare between 0 and 1 (0.75: three quarters of the window); 0 turns reminders off
 */
public record FollowUpPlan(double reminderShare, List<EscalationStep> ladder) {

    public FollowUpPlan {
        if (reminderShare < 0 || reminderShare >= 1) {
            throw new IllegalArgumentException("the reminder share must be at least 0 and below 1");
        }
        ladder = List.copyOf(ladder);
        for (int i = 1; i < ladder.size(); i++) {
            if (ladder.get(i).after().compareTo(ladder.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("escalation steps must come in the order of their delays");
            }
        }
    }

    /** The timers of one deadline, named by the generation of deadlines they belong to. */
    List<Stage> stages(int generation, DeadlineKind kind, Instant startedAt, Instant dueAt, WorkingTime time) {
        List<Stage> stages = new ArrayList<>();
        String prefix = "g" + generation + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-";
        if (reminderShare > 0) {
            Duration window = time.between(startedAt, dueAt);
            Instant remindAt = time.plus(startedAt, Duration.ofSeconds((long) (window.toSeconds() * reminderShare)));
            if (remindAt.isBefore(dueAt)) {
                stages.add(new Stage(prefix + "reminder", StageKind.REMINDER, kind, 0, null, remindAt, dueAt,
                        StageState.PENDING, null));
            }
        }
        for (int i = 0; i < ladder.size(); i++) {
            EscalationStep step = ladder.get(i);
            stages.add(new Stage(prefix + "escalation-" + (i + 1), StageKind.ESCALATION, kind, i + 1, step.role(),
                    time.plus(dueAt, step.after()), dueAt, StageState.PENDING, null));
        }
        return stages;
    }
}
