package com.caseflow.followup.timers.domain;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.followup.DeadlineKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a deadline's timers fire: a reminder once {@code reminderShare} of its working time is used, then the
 * escalation ladder after it, each step a stated amount of working time past the deadline. A priority may climb a
 * ladder of its own: an URGENT case timed in minutes reaches the project manager and the executive within the hour.
 *
 * @param reminderShare between 0 and 1 (0.75: three quarters of the window); 0 turns reminders off
 * @param ladder        the ladder of every priority without one of its own
 * @param ladders       ladders by priority
 */
public record FollowUpPlan(double reminderShare, List<EscalationStep> ladder, Map<Priority, List<EscalationStep>> ladders) {

    public FollowUpPlan {
        if (reminderShare < 0 || reminderShare >= 1) {
            throw new IllegalArgumentException("the reminder share must be at least 0 and below 1");
        }
        ladder = List.copyOf(ladder);
        checkOrder(ladder);
        Map<Priority, List<EscalationStep>> copy = new EnumMap<>(Priority.class);
        (ladders == null ? Map.<Priority, List<EscalationStep>>of() : ladders).forEach((priority, steps) -> {
            checkOrder(steps);
            copy.put(priority, List.copyOf(steps));
        });
        ladders = copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }

    public FollowUpPlan(double reminderShare, List<EscalationStep> ladder) {
        this(reminderShare, ladder, Map.of());
    }

    private static void checkOrder(List<EscalationStep> ladder) {
        for (int i = 1; i < ladder.size(); i++) {
            if (ladder.get(i).after().compareTo(ladder.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("escalation steps must come in the order of their delays");
            }
        }
    }

    public List<EscalationStep> ladderFor(Priority priority) {
        return priority == null ? ladder : ladders.getOrDefault(priority, ladder);
    }

    /** The timers of one deadline, named by the generation of deadlines they belong to. */
    List<Stage> stages(int generation, DeadlineKind kind, Instant startedAt, Instant dueAt, Priority priority,
                       WorkingTime time) {
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
        List<EscalationStep> steps = ladderFor(priority);
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            stages.add(new Stage(prefix + "escalation-" + (i + 1), StageKind.ESCALATION, kind, i + 1, step.role(),
                    time.plus(dueAt, step.after()), dueAt, StageState.PENDING, null));
        }
        return stages;
    }
}
