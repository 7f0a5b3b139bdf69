package com.caseflow.followup.callbacks.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.callbacks.domain.CallbackAttempt;
import com.caseflow.followup.callbacks.domain.CallbackOutcome;
import com.caseflow.followup.callbacks.domain.CallbackStatus;
import com.caseflow.followup.callbacks.persistence.VersionedCallback;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.IfMatch;
import com.caseflow.support.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Customer service's callback queue (回访). Recording an attempt may carry {@code If-Match: "<version>"} (the
 * {@code ETag} of the last read): when somebody recorded one since, the answer is 409 and nothing changes. It may carry
 * an {@code Idempotency-Key}: the same request sent again (a retry after a timeout) records nothing more.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    private static final int MAX_COMMENT = 500;

    private final Callbacks callbacks;
    private final StaffRateLimiter rateLimit;
    private final CustomerReads reads;
    private final Clock clock;

    CallbackController(Callbacks callbacks, StaffRateLimiter rateLimit, CustomerReads reads, Clock clock) {
        this.callbacks = callbacks;
        this.rateLimit = rateLimit;
        this.reads = reads;
        this.clock = clock;
    }

    /** The access audit's names of the reads of this controller. */
    static final String QUEUE_READ = "callback-queue";
    static final String CALLBACK_READ = "callback-read";

    /**
     * One call: {@code reached} false, or true with {@code satisfaction} 1–5 and {@code resolved} (does the customer
     * consider the matter resolved?).
     */
    record AttemptRequest(Boolean reached, Integer satisfaction, Boolean resolved, String comment) {
    }

    record Customer(String name, String phone) {
    }

    record CallbackView(String id, String caseId, String status, Customer customer, String contactId,
                        String agentId, String departmentCode, String projectCode, String matter, String resolution,
                        Instant resolvedAt, Instant dueAt, Instant nextAttemptAt, boolean overdue,
                        List<CallbackAttempt> attempts, Instant closedAt) {
    }

    @GetMapping
    PageView<CallbackView> queue(@RequestParam(defaultValue = "QUEUED") CallbackStatus status,
                                 @RequestParam(defaultValue = "false") boolean due,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        CustomerReads.checkPaging(page, size);
        Staff staff = reads.reader(authentication);
        Instant now = clock.instant();
        boolean fullNumbers = callbacks.works(staff);
        var found = callbacks.queue(staff, status, due, page, size);
        reads.shown(staff, QUEUE_READ, fullNumbers, found.getContent(), Callback::id, CallbackController::phones);
        return PageView.of(found, c -> view(c, fullNumbers, now));
    }

    @GetMapping("/{id}")
    ResponseEntity<CallbackView> read(@PathVariable String id, Authentication authentication) {
        Staff staff = reads.reader(authentication);
        VersionedCallback found = callbacks.read(staff, id);
        reads.shown(staff, CALLBACK_READ, callbacks.works(staff), found.state(), Callback::id,
                CallbackController::phones);
        return view(found, staff);
    }

    private static Stream<String> phones(Callback c) {
        return c.customer() == null ? Stream.empty() : Stream.ofNullable(c.customer().phone());
    }

    @PostMapping("/{id}/attempts")
    ResponseEntity<CallbackView> attempt(@PathVariable String id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestBody AttemptRequest body, Authentication authentication) {
        CallbackOutcome outcome = outcome(body);
        Long version = IfMatch.version(ifMatch, "callback");
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidRequestException(List.of(new FieldProblem("Idempotency-Key", "1 to 100 characters")));
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return view(callbacks.record(staff, id, version, key, outcome), staff);
    }

    private static CallbackOutcome outcome(AttemptRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || body.reached() == null) {
            problems.add(new FieldProblem("reached", "required: true when the customer answered, false when not"));
            throw new InvalidRequestException(problems);
        }
        if (body.comment() != null && body.comment().strip().length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "at most " + MAX_COMMENT + " characters"));
        }
        if (body.reached()) {
            if (body.satisfaction() == null || body.satisfaction() < 1 || body.satisfaction() > 5) {
                problems.add(new FieldProblem("satisfaction", "required when reached: 1 (very dissatisfied) to 5 "
                        + "(very satisfied)"));
            }
            if (body.resolved() == null) {
                problems.add(new FieldProblem("resolved", "required when reached: does the customer consider the "
                        + "matter resolved?"));
            }
        } else {
            if (body.satisfaction() != null) {
                problems.add(new FieldProblem("satisfaction", "only when the customer was reached"));
            }
            if (body.resolved() != null) {
                problems.add(new FieldProblem("resolved", "only when the customer was reached"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        return body.reached() ? CallbackOutcome.reached(body.satisfaction(), body.resolved(), comment)
                : CallbackOutcome.notReached(comment);
    }

    private ResponseEntity<CallbackView> view(VersionedCallback found, Staff staff) {
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"")
                .body(view(found.state(), callbacks.works(staff), clock.instant()));
    }

    /** Customer service calls the customer and sees the number; reviewers see it masked. */
    private static CallbackView view(Callback c, boolean fullNumbers, Instant now) {
        Customer customer = c.customer() == null ? null : new Customer(c.customer().name(),
                fullNumbers || c.customer().phone() == null ? c.customer().phone() : Phones.masked(c.customer().phone()));
        boolean overdue = c.status() == CallbackStatus.QUEUED && now.isAfter(c.dueAt());
        return new CallbackView(c.id(), c.caseId(), c.status().name(), customer, c.contactId(), c.agentId(),
                c.departmentCode(), c.projectCode(), c.matter(), c.resolution(), c.resolvedAt(), c.dueAt(),
                c.nextAttemptAt(), overdue, c.attempts(), c.closedAt());
    }
}
