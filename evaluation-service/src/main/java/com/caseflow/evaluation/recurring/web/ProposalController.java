package com.caseflow.evaluation.recurring.web;

import com.caseflow.evaluation.recurring.application.Proposals;
import com.caseflow.evaluation.recurring.domain.Categories;
import com.caseflow.evaluation.recurring.domain.IssueTrend;
import com.caseflow.evaluation.recurring.domain.Proposal;
import com.caseflow.evaluation.recurring.domain.ProposalStatus;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.evaluation.privacy.FreeText;
import com.caseflow.support.export.ExportFormat;
import com.caseflow.support.export.TableExport;
import com.caseflow.evaluation.web.ReportPeriod;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.IfMatch;
import com.caseflow.support.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Improvement proposals (改进建议) against recurring issues. Supervisors and managers record and change them; every
 * role reads them. Each answer shows the issue's weekly volume before and since the proposal was recorded. A change
 * may carry {@code If-Match: "<version>"} (the {@code ETag} of the last read): when somebody changed the proposal
 * since, the answer is 409 and nothing changes.
 */
@RestController
@RequestMapping("/api/v1/issues/proposals")
class ProposalController {

    private static final Pattern PROJECT_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final int MAX_PROJECT_CODE = 32;
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CATEGORIES = Arrays.stream(ContactCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final String STATUSES = Arrays.stream(ProposalStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private static final int EXPORT_PAGE = 100;
    static final int MAX_EXPORT = 5000;

    private final Proposals proposals;
    private final StaffRateLimiter rateLimit;

    ProposalController(Proposals proposals, StaffRateLimiter rateLimit) {
        this.proposals = proposals;
        this.rateLimit = rateLimit;
    }

    /** A new proposal; {@code description} is optional. */
    record ProposalRequest(String projectCode, String category, String title, String description, String owner,
                           String dueDate) {
    }

    /** A change: each field left out (or null) stays as it is. */
    record ProposalChangeRequest(String status, String owner, String dueDate) {
    }

    /**
     * @param volume contacts of the project × category per ISO week before and since {@code recordedAt}
     */
    record ProposalView(String id, String projectCode, String category, String categoryLabel, String title,
                        String description, String owner, LocalDate dueDate, boolean overdue, String status,
                        String statusLabel, String recordedBy, Instant recordedAt, String updatedBy,
                        Instant updatedAt, long version, IssueTrend volume) {
    }

    @PostMapping
    ResponseEntity<ProposalView> record(@RequestBody ProposalRequest body, Authentication authentication) {
        Proposal.Draft draft = draft(body, proposals.today());
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        Proposals.Tracked recorded = proposals.record(staff, draft);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(recorded.proposal().id()).toUri())
                .eTag(etag(recorded)).body(view(recorded));
    }

    /**
     * One page of proposals; {@code format=csv|xlsx} downloads every proposal of the status instead (page and size
     * then do not apply), at most {@value #MAX_EXPORT} of them.
     */
    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size,
                           @RequestParam(required = false) String format, Authentication authentication) {
        List<FieldProblem> problems = PageView.pagingProblems(page, size);
        ProposalStatus wanted = status == null ? null : status(status, problems);
        ExportFormat exportFormat = null;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        rateLimit.acquireRead(Staff.of(authentication));
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(PageView.of(proposals.list(wanted, page, size), ProposalController::view));
        }
        List<ProposalView> all = new ArrayList<>();
        for (int p = 0; all.size() < MAX_EXPORT; p++) {
            Page<Proposals.Tracked> found = proposals.list(wanted, p, EXPORT_PAGE);
            found.getContent().stream().map(ProposalController::view).forEach(all::add);
            if (!found.hasNext()) {
                break;
            }
        }
        String label = wanted == null ? null : wanted.labelZh();
        return TableExport.download(IssueTables.proposals(label, all.subList(0, Math.min(all.size(), MAX_EXPORT))),
                exportFormat, "改进建议" + (label == null ? "" : "-" + label) + "-" + proposals.today());
    }

    @GetMapping("/{id}")
    ResponseEntity<ProposalView> read(@PathVariable String id, Authentication authentication) {
        rateLimit.acquireRead(Staff.of(authentication));
        Proposals.Tracked found = proposals.read(id);
        return ResponseEntity.ok().eTag(etag(found)).body(view(found));
    }

    @PatchMapping("/{id}")
    ResponseEntity<ProposalView> change(@PathVariable String id,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @RequestBody ProposalChangeRequest body, Authentication authentication) {
        Proposal.Change change = change(body, proposals.today());
        Long version = IfMatch.version(ifMatch, "proposal");
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        Proposals.Tracked changed = proposals.change(staff, id, version, change);
        return ResponseEntity.ok().eTag(etag(changed)).body(view(changed));
    }

    private static Proposal.Draft draft(ProposalRequest body, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String projectCode = body.projectCode() == null ? null : body.projectCode().strip();
        if (projectCode == null || projectCode.isEmpty()) {
            problems.add(new FieldProblem("projectCode", "required: the project's code, e.g. SH-LJY"));
        } else if (projectCode.length() > MAX_PROJECT_CODE || !PROJECT_CODE.matcher(projectCode).matches()) {
            problems.add(new FieldProblem("projectCode", "upper-case letters and digits in groups joined by '-', "
                    + "at most " + MAX_PROJECT_CODE + " characters, e.g. SH-LJY"));
        }
        ContactCategory category = null;
        if (body.category() == null || body.category().isBlank()) {
            problems.add(new FieldProblem("category", "required: one of " + CATEGORIES));
        } else {
            category = category(body.category().strip(), problems);
        }
        String title = body.title() == null ? "" : body.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "required: what is to be improved, at most " + Proposal.MAX_TITLE
                    + " characters"));
        } else if (length(title) > Proposal.MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("title", "one line of at most " + Proposal.MAX_TITLE + " characters"));
        }
        String description = body.description() == null || body.description().isBlank() ? null
                : body.description().strip();
        if (description != null && length(description) > Proposal.MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "at most " + Proposal.MAX_DESCRIPTION + " characters"));
        }
        FreeText.requireNoPhoneNumber("title", title, problems);
        FreeText.requireNoPhoneNumber("description", description, problems);
        String owner = body.owner() == null ? null : body.owner().strip();
        if (owner == null || owner.isEmpty()) {
            problems.add(new FieldProblem("owner", "required: the staff id of who carries it out, e.g. S001"));
        } else {
            staffId("owner", owner, problems);
        }
        LocalDate dueDate = null;
        if (body.dueDate() == null || body.dueDate().isBlank()) {
            problems.add(new FieldProblem("dueDate", "required: a date such as 2026-12-31"));
        } else {
            dueDate = dueDate(body.dueDate(), today, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Proposal.Draft(projectCode, category, title, description, owner, dueDate);
    }

    private static Proposal.Change change(ProposalChangeRequest body, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.status() == null && body.owner() == null && body.dueDate() == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("body",
                    "name at least one of status, owner, dueDate")));
        }
        ProposalStatus status = body.status() == null ? null : status(body.status(), problems);
        String owner = body.owner() == null ? null : body.owner().strip();
        if (owner != null) {
            staffId("owner", owner, problems);
        }
        LocalDate dueDate = body.dueDate() == null ? null : dueDate(body.dueDate(), today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Proposal.Change(status, owner, dueDate);
    }

    private static ContactCategory category(String value, List<FieldProblem> problems) {
        try {
            return ContactCategory.valueOf(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", "one of " + CATEGORIES));
            return null;
        }
    }

    private static ProposalStatus status(String value, List<FieldProblem> problems) {
        try {
            return ProposalStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("status", "one of " + STATUSES));
            return null;
        }
    }

    private static void staffId(String field, String value, List<FieldProblem> problems) {
        if (!STAFF_ID.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "a staff id: letters, digits, '.', '_' or '-', at most 64, e.g. "
                    + "S001"));
        }
    }

    private static LocalDate dueDate(String value, LocalDate today, List<FieldProblem> problems) {
        LocalDate date = ReportPeriod.date("dueDate", value, problems);
        if (date != null && date.isBefore(today)) {
            problems.add(new FieldProblem("dueDate", "must not be in the past"));
            return null;
        }
        return date;
    }

    /** Characters as users count them: a Chinese character is one, whatever its encoding. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String etag(Proposals.Tracked t) {
        return "\"" + t.version() + "\"";
    }

    private static ProposalView view(Proposals.Tracked t) {
        Proposal p = t.proposal();
        return new ProposalView(p.id(), p.projectCode(), p.category().name(), Categories.labelZh(p.category().name()),
                p.title(), p.description(), p.owner(), p.dueDate(), t.overdue(), p.status().name(),
                p.status().labelZh(), p.recordedBy(), p.recordedAt(), p.updatedBy(), p.updatedAt(), t.version(),
                t.volume());
    }
}
