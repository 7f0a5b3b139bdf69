package com.caseflow.routing.onduty.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A department's on-duty roster (值班表): who answers for it when. Department heads plan it a window at a time — a
 * week, a month — and the window's shifts replace what was planned there before; a shift reaching across the
 * window's edge keeps its part outside. One person at a time: shifts do not overlap.
 */
public final class DutyRoster {

    /** How far a single change may reach: a quarter is planned at most at once. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(93);

    private final List<Shift> shifts;

    public DutyRoster(List<Shift> shifts) {
        this.shifts = shifts.stream().sorted(Comparator.comparing(Shift::start)).toList();
    }

    public List<Shift> shifts() {
        return shifts;
    }

    public Optional<Shift> onDutyAt(Instant at) {
        return shifts.stream().filter(s -> s.covers(at)).findFirst();
    }

    public List<Shift> within(Instant from, Instant to) {
        return shifts.stream().filter(s -> s.overlaps(from, to)).toList();
    }

    /** The stretches of {@code [from, to)} nobody is on duty, in order. */
    public List<Instant[]> gaps(Instant from, Instant to) {
        List<Instant[]> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Shift shift : within(from, to)) {
            if (shift.start().isAfter(cursor)) {
                gaps.add(new Instant[] {cursor, shift.start()});
            }
            if (shift.end().isAfter(cursor)) {
                cursor = shift.end();
            }
        }
        if (cursor.isBefore(to)) {
            gaps.add(new Instant[] {cursor, to});
        }
        return gaps;
    }

    /** What is wrong with planning {@code planned} for the window {@code [from, to)}; empty when nothing is. */
    public static List<RosterViolation> violations(Instant from, Instant to, List<Shift> planned) {
        List<RosterViolation> violations = new ArrayList<>();
        if (!from.isBefore(to)) {
            violations.add(new RosterViolation("to", "after from"));
            return violations;
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            violations.add(new RosterViolation("to", "at most " + LONGEST_WINDOW.toDays() + " days after from"));
        }
        for (int i = 0; i < planned.size(); i++) {
            Shift shift = planned.get(i);
            String at = "shifts[" + i + "]";
            if (shift.staffId() == null || !shift.staffId().matches("[A-Za-z0-9_-]{1,40}")) {
                violations.add(new RosterViolation(at + ".staffId", "a staff id, e.g. D-ENG-01"));
            }
            if (!shift.start().isBefore(shift.end())) {
                violations.add(new RosterViolation(at + ".end", "after start"));
            } else if (Duration.between(shift.start(), shift.end()).compareTo(Shift.LONGEST) > 0) {
                violations.add(new RosterViolation(at + ".end", "a shift lasts at most 24 hours"));
            }
            if (shift.start().isBefore(from) || shift.end().isAfter(to)) {
                violations.add(new RosterViolation(at, "lies outside the window from–to"));
            }
            for (int j = 0; j < i; j++) {
                if (planned.get(j).overlaps(shift.start(), shift.end())) {
                    violations.add(new RosterViolation(at, "overlaps shifts[" + j + "]: one person on duty at a time"));
                }
            }
        }
        return violations;
    }

    /** The roster with {@code [from, to)} planned anew; call {@link #violations} first. */
    public DutyRoster replace(Instant from, Instant to, List<Shift> planned) {
        List<Shift> next = new ArrayList<>();
        for (Shift shift : shifts) {
            if (!shift.overlaps(from, to)) {
                next.add(shift);
                continue;
            }
            if (shift.start().isBefore(from)) {
                next.add(new Shift(shift.staffId(), shift.start(), from));
            }
            if (shift.end().isAfter(to)) {
                next.add(new Shift(shift.staffId(), to, shift.end()));
            }
        }
        next.addAll(planned);
        return new DutyRoster(next);
    }

    /** Without the shifts that ended before {@code cutoff}: a roster does not grow for ever. */
    public DutyRoster endedBefore(Instant cutoff) {
        return new DutyRoster(shifts.stream().filter(s -> s.end().isAfter(cutoff)).toList());
    }
}
