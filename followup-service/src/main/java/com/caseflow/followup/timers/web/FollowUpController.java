package com.caseflow.followup.timers.web;

import com.caseflow.events.followup.DeadlineKind;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.callbacks.domain.CallbackAttempt;
import com.caseflow.followup.timers.application.FollowUpQueries;
import com.caseflow.followup.timers.domain.CaseDeadline;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.NumberedEntry;
import com.caseflow.followup.timers.domain.Stage;
import com.caseflow.followup.timers.domain.TimelineEntry;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.support.calendar.UnknownCalendarException;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Departments' due and overdue cases, and a case's follow-up timeline. */
@RestController
@RequestMapping("/api/v1")
class FollowUpController {


    private final FollowUpQueries queries;
    private final WorkingTimes times;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;

    FollowUpController(FollowUpQueries queries, WorkingTimes times, StaffRateLimiter rateLimit, Clock clock) {
        this.queries = queries;
        this.times = times;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /**
     * A deadline as it stands now. {@code businessMinutesLeft} is negative once it passed (working time overdue in
     * the deadline's calendar); null while this service has no copy of that calendar yet.
     */
    record DeadlineView(DeadlineKind kind, String label, Instant startedAt, Instant dueAt, int businessHours,
                        Integer workingMinutes, String calendarId, Instant metAt, boolean overdue,
                        Long businessMinutesLeft) {
    }

    record DueCaseView(String caseId, String departmentCode, String ownerId, String projectCode, String priority,
                       int escalationLevel, List<DeadlineView> deadlines, Instant nextTimerAt) {
    }

    record TimerView(String kind, DeadlineKind deadline, int level, String role, Instant dueAt, String state,
                     Instant settledAt) {
    }

    record CallbackSummary(String id, String status, Instant dueAt, Instant nextAttemptAt, int attempts) {
    }

    /**
     * A case's follow-up. {@code timers}: those of its current deadlines and the set before; {@code timeline}: the
     * case's first entry and its newest ones, with its callbacks' entries; {@code timelineCount}: how many entries the
     * case's own timeline has in all, every one read from {@code /cases/{id}/follow-up/timeline}, page by page.
     */
    record CaseFollowUpView(String caseId, String status, String departmentCode, String ownerId, String projectCode,
                            String priority, int escalationLevel, List<DeadlineView> deadlines, List<TimerView> timers,
                            List<CallbackSummary> callbacks, List<TimelineEntry> timeline, long timelineCount) {
    }

    /** One entry of a case's timeline with its number (1 for the first, without gaps). */
    record TimelineEntryView(long number, Instant at, String what, DeadlineKind deadline, Integer level, String role,
                             Instant dueAt, String departmentCode, String actor, String note) {

        static TimelineEntryView of(NumberedEntry numbered) {
            TimelineEntry e = numbered.entry();
            return new TimelineEntryView(numbered.number(), e.at(), e.what(), e.deadline(), e.level(), e.role(),
                    e.dueAt(), e.departmentCode(), e.actor(), e.note());
        }
    }

    @GetMapping("/departments/{code}/follow-ups")
    PageView<DueCaseView> department(@PathVariable String code, @RequestParam(required = false) Boolean overdue,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        CustomerReads.checkPaging(page, size);
        Staff staff = reader(authentication);
        Instant now = clock.instant();
        return PageView.of(queries.department(staff, code, overdue, page, size), c -> due(c, now));
    }

    @GetMapping("/cases/{id}/follow-up")
    CaseFollowUpView ofCase(@PathVariable String id, Authentication authentication) {
        FollowUpQueries.CaseFollowUp found = queries.ofCase(reader(authentication), id);
        FollowedCase c = found.followed();
        Instant now = clock.instant();
        List<TimelineEntry> timeline = new ArrayList<>(c.timeline());
        // a long case keeps its first entry and its newest ones: its callbacks' entries join those newest ones only
        Instant since = c.timelineCount() > timeline.size() && timeline.size() > 1 ? timeline.get(1).at()
                : Instant.MIN;
        for (Callback callback : found.callbacks()) {
            if (callback.resolvedAt().isBefore(since)) {
                continue;
            }
            timeline.add(new TimelineEntry(callback.resolvedAt(), "CALLBACK_QUEUED", null, null, null,
                    callback.dueAt(), callback.departmentCode(), null, callback.id()));
            for (CallbackAttempt attempt : callback.attempts()) {
                String outcome = !attempt.reached() ? "未接通"
                        : "满意度 " + attempt.satisfaction()
                        + (Boolean.TRUE.equals(attempt.resolvedInCustomerView()) ? "，已解决" : "，未解决");
                timeline.add(new TimelineEntry(attempt.at(), attempt.reached() ? "CALLBACK_REACHED"
                        : "CALLBACK_NOT_REACHED", null, null, null, null, callback.departmentCode(), attempt.by(),
                        "第 " + attempt.number() + " 次回访：" + outcome));
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return new CaseFollowUpView(c.id(), c.status().name(), c.departmentCode(), c.ownerId(), c.projectCode(),
                c.priority() == null ? null : c.priority().name(), c.escalationLevel(), deadlines(c, now),
                c.stages().stream().map(FollowUpController::timer).toList(),
                found.callbacks().stream().map(b -> new CallbackSummary(b.id(), b.status().name(), b.dueAt(),
                        b.nextAttemptAt(), b.attempts().size())).toList(),
                timeline, c.timelineCount());
    }

    /**
     * A case's own timeline in order, one page ({@code size} at most {@value PageView#MAX_SIZE}): {@code X-Total-Count}
     * says how many entries it has, {@code Link} points at the next and the last page.
     */
    @GetMapping("/cases/{id}/follow-up/timeline")
    ResponseEntity<List<TimelineEntryView>> timeline(@PathVariable String id,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "" + PageView.MAX_SIZE) int size,
                                                     Authentication authentication) {
        var problems = PageView.pagingProblems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Page<NumberedEntry> entries = queries.timeline(reader(authentication), id, page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(entries.getTotalElements()));
        List<String> links = new java.util.ArrayList<>();
        if (entries.hasNext()) {
            links.add(link(page + 1, size, "next"));
        }
        if (entries.getTotalPages() > 0) {
            links.add(link(entries.getTotalPages() - 1, size, "last"));
        }
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(entries.getContent().stream().map(TimelineEntryView::of).toList());
    }

    private static String link(int page, int size, String rel) {
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).toUriString() + ">; rel=\"" + rel + "\"";
    }

    private DueCaseView due(FollowedCase c, Instant now) {
        return new DueCaseView(c.id(), c.departmentCode(), c.ownerId(), c.projectCode(),
                c.priority() == null ? null : c.priority().name(), c.escalationLevel(), deadlines(c, now),
                c.nextDueAt().orElse(null));
    }

    private List<DeadlineView> deadlines(FollowedCase c, Instant now) {
        return c.deadlines().stream().map(d -> deadline(d, now)).toList();
    }

    private DeadlineView deadline(CaseDeadline d, Instant now) {
        Long left = null;
        boolean overdue = false;
        if (d.open()) {
            overdue = now.isAfter(d.dueAt());
            try {
                WorkingTime time = times.of(d.calendarId());
                left = overdue ? -time.between(d.dueAt(), now).toMinutes() : time.between(now, d.dueAt()).toMinutes();
            } catch (UnknownCalendarException notYetHere) {
                left = null; // shown without the time left until the calendar's copy arrives
            }
        }
        return new DeadlineView(d.kind(), d.kind().label(), d.startedAt(), d.dueAt(), d.businessHours(),
                d.workingMinutes(), d.calendarId(), d.metAt(), overdue, left);
    }

    private static TimerView timer(Stage s) {
        return new TimerView(s.kind().name(), s.deadline(), s.level(), s.role(), s.dueAt(), s.state().name(),
                s.settledAt());
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
