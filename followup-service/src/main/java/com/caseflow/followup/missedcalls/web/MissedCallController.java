package com.caseflow.followup.missedcalls.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.followup.missedcalls.application.MissedCallProperties;
import com.caseflow.followup.missedcalls.application.MissedCalls;
import com.caseflow.followup.missedcalls.domain.AttemptOutcome;
import com.caseflow.followup.missedcalls.domain.CallBackAttempt;
import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.missedcalls.domain.TaskClosedException;
import com.caseflow.followup.missedcalls.domain.TaskNotFoundException;
import com.caseflow.followup.missedcalls.domain.TaskStatus;
import com.caseflow.followup.missedcalls.persistence.MissedCallStore.VersionedTask;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Customer service's call-back queue of missed calls (未接来电回拨). Agents and customer service staff call back and
 * see the numbers; supervisors and managers oversee with numbers masked.
 */
@RestController
@RequestMapping("/api/v1/missed-calls")
class MissedCallController {

    private static final int MAX_NOTE = 500;
    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MissedCalls missedCalls;
    private final MissedCallProperties properties;
    private final StaffRateLimiter rateLimit;
    private final CustomerReads reads;
    private final Clock clock;

    MissedCallController(MissedCalls missedCalls, MissedCallProperties properties, StaffRateLimiter rateLimit,
                         CustomerReads reads, Clock clock) {
        this.missedCalls = missedCalls;
        this.properties = properties;
        this.rateLimit = rateLimit;
        this.reads = reads;
        this.clock = clock;
    }

    /** The access audit's names of the reads of this controller. */
    static final String LIST_READ = "missed-call-list";
    static final String TASK_READ = "missed-call-read";

    /** One call back: {@code outcome} REACHED, NO_ANSWER or WRONG_NUMBER; a note; the contact recorded, if any. */
    record AttemptRequest(String outcome, String note, String contactId) {
    }

    record TaskView(String id, String hotline, String caller, int calls, Instant firstMissedAt, Instant lastMissedAt,
                    Instant dueAt, boolean overdue, String status, List<CallBackAttempt> attempts, String outcome,
                    String note, String closedBy, Instant closedAt, List<String> callIds) {
    }

    @GetMapping
    PageView<TaskView> list(@RequestParam(defaultValue = "OPEN") TaskStatus status,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        CustomerReads.checkPaging(page, size);
        Staff staff = allowed(authentication);
        rateLimit.acquireRead(staff);
        Instant now = clock.instant();
        boolean fullNumbers = callsBack(staff);
        var found = missedCalls.list(status, page, size);
        reads.shown(staff, LIST_READ, fullNumbers, found.getContent(), MissedCallTask::id,
                t -> Stream.ofNullable(t.caller()));
        return PageView.of(found, t -> view(t, fullNumbers, now));
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskView> read(@PathVariable String id, Authentication authentication) {
        Staff staff = allowed(authentication);
        rateLimit.acquireRead(staff);
        VersionedTask found = refused(() -> missedCalls.read(id));
        reads.shown(staff, TASK_READ, callsBack(staff), found.state(), MissedCallTask::id,
                t -> Stream.ofNullable(t.caller()));
        return view(found, staff);
    }

    @PostMapping("/{id}/attempts")
    ResponseEntity<TaskView> attempt(@PathVariable String id, @RequestBody(required = false) AttemptRequest body,
                                     Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        AttemptOutcome outcome = null;
        if (body == null || body.outcome() == null || body.outcome().isBlank()) {
            problems.add(new FieldProblem("outcome", "required: one of " + Arrays.toString(AttemptOutcome.values())));
        } else {
            try {
                outcome = AttemptOutcome.valueOf(body.outcome().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("outcome", "one of " + Arrays.toString(AttemptOutcome.values())));
            }
        }
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "at most " + MAX_NOTE + " characters"));
        }
        String contactId = body == null || body.contactId() == null ? null : body.contactId().strip();
        if (contactId != null && !CONTACT_ID.matcher(contactId).matches()) {
            problems.add(new FieldProblem("contactId", "a contact id: 1 to 64 letters, digits, '.', '_', ':' or '-'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = allowed(authentication);
        rateLimit.acquireWrite(staff);
        AttemptOutcome recorded = outcome;
        return view(refused(() -> missedCalls.attempt(id, recorded, note, contactId, staff.staffId())), staff);
    }

    /** Department staff of another department pass the role check but do not work this queue. */
    private Staff allowed(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        if (callsBack(staff) || staff.is(Roles.SUPERVISOR) || staff.is(Roles.MANAGER)) {
            return staff;
        }
        throw new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "missed calls are called back by agents and " + properties.department() + " staff");
    }

    private boolean callsBack(Staff staff) {
        return staff.is(Roles.AGENT)
                || staff.is(Roles.DEPARTMENT_STAFF) && properties.department().equals(staff.department());
    }

    private static VersionedTask refused(Supplier<VersionedTask> call) {
        try {
            return call.get();
        } catch (TaskNotFoundException e) {
            throw new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        } catch (TaskClosedException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    private ResponseEntity<TaskView> view(VersionedTask found, Staff staff) {
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"")
                .body(view(found.state(), callsBack(staff), clock.instant()));
    }

    private static TaskView view(MissedCallTask t, boolean fullNumbers, Instant now) {
        return new TaskView(t.id(), t.hotline(), fullNumbers ? t.caller() : Phones.masked(t.caller()), t.calls(),
                t.firstMissedAt(), t.lastMissedAt(), t.dueAt(), t.overdue(now), t.status().name(), t.attempts(),
                t.outcome() == null ? null : t.outcome().name(), t.note(), t.closedBy(), t.closedAt(), t.callIds());
    }
}
