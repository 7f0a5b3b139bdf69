package com.caseflow.routing.cases.web;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.routing.cases.application.CaseWork;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.cases.persistence.VersionedCase;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.export.ExportFormat;
import com.caseflow.support.export.TableExport;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.calendar.Calendars;
import com.caseflow.support.web.IfMatch;
import com.caseflow.support.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Department work on cases. Every write may carry {@code If-Match: "<version>"} (the {@code ETag} of the last read):
 * when somebody changed the case since, the answer is 409 and nothing changes.
 */
@RestController
@RequestMapping("/api/v1")
class CaseController {

    private static final int MAX_TEXT = 2000;

    private final CaseWork work;
    private final StaffRateLimiter rateLimit;
    private final CustomerReads reads;
    private final Clock clock;
    private final Calendars calendars;

    CaseController(CaseWork work, StaffRateLimiter rateLimit, CustomerReads reads, Clock clock,
                   Calendars calendars) {
        this.work = work;
        this.rateLimit = rateLimit;
        this.reads = reads;
        this.clock = clock;
        this.calendars = calendars;
    }

    /** The access audit's names of the reads of this controller. */
    static final String QUEUE_READ = "department-queue";
    static final String DOWNLOAD = "case-download";
    static final String CASE_READ = "case-read";
    static final String HISTORY_READ = "case-history";

    record NoteRequest(String note) {
    }

    record TransferRequest(String toDepartment, String reason) {
    }

    record ResolveRequest(String resolution) {
    }

    /**
     * A department's queue, one page; {@code format=csv|xlsx} downloads every case of the query instead (page and
     * size then do not apply), at most {@value #MAX_EXPORT}, numbers masked as the reader sees them.
     */
    @GetMapping("/departments/{code}/cases")
    ResponseEntity<?> queue(@PathVariable String code,
                            @RequestParam(required = false) List<CaseStatus> status,
                            @RequestParam(required = false) Priority priority,
                            @RequestParam(required = false) Boolean overdue,
                            @RequestParam(defaultValue = "newest") String sort,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size,
                            @RequestParam(required = false) String format,
                            Authentication authentication) {
        List<FieldProblem> problems = CustomerReads.pagingProblems(page, size);
        if (!sort.equals("newest") && !sort.equals("urgent")) {
            problems.add(new FieldProblem("sort", "newest or urgent"));
        }
        ExportFormat exportFormat = null;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = reads.reader(authentication);
        List<CaseStatus> statuses = status == null || status.isEmpty()
                ? List.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS) : status;
        boolean full = fullNumbers(staff);
        if (exportFormat == ExportFormat.JSON) {
            var cases = work.queue(staff, new CaseStore.QueueQuery(code, statuses, priority, overdue,
                    sort.equals("urgent"), page, size));
            reads.shown(staff, QUEUE_READ, full, cases.getContent(), Case::id, CaseController::phones);
            return ResponseEntity.ok(PageView.of(cases,
                    c -> CaseView.of(c, 0, full, false, clock.instant(), calendars)));
        }
        List<CaseView> all = new ArrayList<>();
        List<Case> exported = new ArrayList<>();
        for (int p = 0; all.size() < MAX_EXPORT; p++) {
            var found = work.queue(staff, new CaseStore.QueueQuery(code, statuses, priority, overdue,
                    sort.equals("urgent"), p, PageView.MAX_SIZE));
            found.getContent().forEach(c -> all.add(CaseView.of(c, 0, full, false, clock.instant(), calendars)));
            exported.addAll(found.getContent());
            if (!found.hasNext()) {
                break;
            }
        }
        reads.shown(staff, DOWNLOAD, full, exported.subList(0, Math.min(exported.size(), MAX_EXPORT)), Case::id,
                CaseController::phones);
        boolean onlyOverdue = Boolean.TRUE.equals(overdue);
        return TableExport.download(CaseSheet.of(code, onlyOverdue, all.subList(0, Math.min(all.size(), MAX_EXPORT))),
                exportFormat, code + (onlyOverdue ? "-超时案件-" : "-案件-")
                        + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")));
    }

    static final int MAX_EXPORT = 5000;

    @GetMapping("/cases/{id}")
    ResponseEntity<CaseView> read(@PathVariable String id, Authentication authentication) {
        Staff staff = reads.reader(authentication);
        VersionedCase found = work.read(staff, id);
        reads.shown(staff, CASE_READ, fullNumbers(staff), found.state(), Case::id, CaseController::phones);
        return view(found, staff);
    }

    /**
     * A case's steps in order, one page ({@code size} at most {@value PageView#MAX_SIZE}): the body is the steps as
     * before, {@code X-Total-Count} says how many the case took, {@code Link} points at the next page.
     */
    @GetMapping("/cases/{id}/history")
    ResponseEntity<List<HistoryEntry>> history(@PathVariable String id,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "" + PageView.MAX_SIZE) int size,
                                               Authentication authentication) {
        CustomerReads.checkPaging(page, size);
        Staff staff = reads.reader(authentication);
        Case found = work.read(staff, id).state();
        reads.shown(staff, HISTORY_READ, false, found, Case::id, CaseController::phones);
        Page<HistoryEntry> steps = work.history(found, page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(steps.getTotalElements()));
        if (steps.hasNext()) {
            answer.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("page", page + 1).replaceQueryParam("size", size).toUriString()
                    + ">; rel=\"next\"");
        }
        return answer.body(steps.getContent());
    }

    /** The customers a case shows: its own and every caller attached to it. */
    static Stream<String> phones(Case c) {
        return Stream.concat(Stream.of(c.customer()), c.contacts().stream().map(CaseContact::customer))
                .filter(Objects::nonNull).map(CaseCustomer::phone).filter(Objects::nonNull);
    }

    @PostMapping("/cases/{id}/accept")
    ResponseEntity<CaseView> accept(@PathVariable String id, @RequestHeader(name = "If-Match", required = false)
                                    String ifMatch, Authentication authentication) {
        Staff staff = writer(authentication);
        return view(work.accept(staff, id, IfMatch.version(ifMatch, "case")), staff);
    }

    @PostMapping("/cases/{id}/notes")
    ResponseEntity<CaseView> note(@PathVariable String id, @RequestHeader(name = "If-Match", required = false)
                                  String ifMatch, @RequestBody NoteRequest body, Authentication authentication) {
        text("note", body.note());
        Staff staff = writer(authentication);
        return view(work.addNote(staff, id, IfMatch.version(ifMatch, "case"), body.note().strip()), staff);
    }

    @PostMapping("/cases/{id}/transfer")
    ResponseEntity<CaseView> transfer(@PathVariable String id, @RequestHeader(name = "If-Match", required = false)
                                      String ifMatch, @RequestBody TransferRequest body,
                                      Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.toDepartment() == null || body.toDepartment().isBlank()) {
            problems.add(new FieldProblem("toDepartment", "required"));
        }
        textProblem("reason", body.reason()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = writer(authentication);
        Long expected = IfMatch.version(ifMatch, "case");
        return view(work.transfer(staff, id, expected, body.toDepartment(), body.reason().strip()), staff);
    }

    @PostMapping("/cases/{id}/resolve")
    ResponseEntity<CaseView> resolve(@PathVariable String id, @RequestHeader(name = "If-Match", required = false)
                                     String ifMatch, @RequestBody ResolveRequest body,
                                     Authentication authentication) {
        text("resolution", body.resolution());
        Staff staff = writer(authentication);
        return view(work.resolve(staff, id, IfMatch.version(ifMatch, "case"), body.resolution().strip()), staff);
    }

    private Staff writer(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return staff;
    }

    private ResponseEntity<CaseView> view(VersionedCase found, Staff staff) {
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"")
                .body(CaseView.of(found.state(), found.version(), fullNumbers(staff), true, clock.instant(),
                        calendars));
    }

    /** Department staff call the customer back and see the number; reviewers and agents see it masked. */
    static boolean fullNumbers(Staff staff) {
        return staff.is(Roles.DEPARTMENT_STAFF);
    }


    private static void text(String field, String value) {
        textProblem(field, value).ifPresent(p -> {
            throw new InvalidRequestException(List.of(p));
        });
    }

    private static java.util.Optional<FieldProblem> textProblem(String field, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.of(new FieldProblem(field, "required"));
        }
        if (value.length() > MAX_TEXT) {
            return java.util.Optional.of(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
        }
        return java.util.Optional.empty();
    }
}
