package com.caseflow.routing.rules.web;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.RoutingRequest;
import com.caseflow.routing.classification.domain.Classification;
import com.caseflow.routing.rules.application.RuleBook;
import com.caseflow.routing.rules.application.TransferLearning;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.rules.domain.RoutingRule;
import com.caseflow.routing.rules.domain.RuleSet;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The routing rules: administrators and managers read and replace them, supervisors read them (each replacement is a new version), and anyone who routes
 * or reviews can ask where a contact would go.
 */
@RestController
@RequestMapping("/api/v1/routing-rules")
class RuleController {

    private final RuleBook rules;
    private final ContactRouter router;
    private final TransferLearning corrections;
    private final StaffRateLimiter rateLimit;

    RuleController(RuleBook rules, ContactRouter router, TransferLearning corrections, StaffRateLimiter rateLimit) {
        this.rules = rules;
        this.router = router;
        this.corrections = corrections;
        this.rateLimit = rateLimit;
    }

    /** @param basedOnVersion the version the manager edited; publishing fails with 409 if it is no longer current */
    record RuleSetRequest(Long basedOnVersion, String defaultDepartment, List<RoutingRule> rules) {
    }

    /**
     * @param topics   the subjects the classifier found, which rules can name
     * @param findings the lexicon's signals that fired, with their words
     * @param reasons  the rule, then the words behind the priority, then what did not count — as the case records it
     */
    record DryRunAnswer(String departmentCode, String ruleId, long ruleVersion, Complexity complexity,
                        Priority priority, List<String> matchedKeywords, Set<String> topics,
                        List<Classification.Finding> findings, List<String> reasons) {
    }

    @GetMapping
    RuleSet current() {
        return rules.current();
    }

    /**
     * The rules whose cases departments transferred most, over the cases routed in the last {@code days}: share
     * transferred, where they went, the words behind them, and a draft rule to dry-run — never applied by itself.
     */
    @GetMapping("/transfer-suggestions")
    TransferLearning.Report transferSuggestions(@RequestParam(defaultValue = "90") int days,
                                                @RequestParam(defaultValue = "3") int minCases) {
        List<FieldProblem> problems = new ArrayList<>();
        if (days < 1 || days > 366) {
            problems.add(new FieldProblem("days", "1–366"));
        }
        if (minCases < 1 || minCases > 10_000) {
            problems.add(new FieldProblem("minCases", "1–10000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return corrections.report(days, minCases);
    }

    /** Every version newest first, {@code size} at a time: who published it, when, how many rules. */
    @GetMapping("/versions")
    RuleBook.VersionPage versions(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "30") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > 10_000) {
            problems.add(new FieldProblem("page", "0–10000"));
        }
        if (size < 1 || size > 100) {
            problems.add(new FieldProblem("size", "1–100"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return rules.versions(page, size);
    }

    @GetMapping("/versions/{version}")
    RuleSet version(@PathVariable long version) {
        return rules.version(version).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no rule set version " + version));
    }

    @PutMapping
    RuleSet publish(@RequestBody RuleSetRequest body, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.basedOnVersion() == null || body.basedOnVersion() < 0) {
            problems.add(new FieldProblem("basedOnVersion", "the version you edited, from GET /api/v1/routing-rules"));
        }
        if (body.rules() == null) {
            problems.add(new FieldProblem("rules", "required (may be empty)"));
        } else {
            for (int i = 0; i < body.rules().size(); i++) {
                if (body.rules().get(i) == null) {
                    problems.add(new FieldProblem("rules[" + i + "]", "must not be null"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return rules.publish(body.rules(), body.defaultDepartment(), body.basedOnVersion(), staff.staffId());
    }

    /**
     * A contact to route, and optionally rules to try instead of the ones in force (a draft not yet published, such
     * as a transfer suggestion's), with their default department.
     */
    record DryRunRequest(ContactCategory category, String matter, String projectCode, Channel channel,
                         CallerType callerType, List<RoutingRule> candidateRules, String defaultDepartment) {
    }

    @PostMapping("/dry-run")
    DryRunAnswer dryRun(@RequestBody DryRunRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.category() == null) {
            problems.add(new FieldProblem("category", "required"));
        }
        if (body.matter() != null && body.matter().length() > 2000) {
            problems.add(new FieldProblem("matter", "at most 2000 characters"));
        }
        if (body.candidateRules() != null && body.candidateRules().stream().anyMatch(r -> r == null)) {
            problems.add(new FieldProblem("candidateRules", "must not contain null"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        RoutingRequest request = new RoutingRequest(body.category(), body.matter(), body.projectCode(),
                body.channel(), body.callerType());
        ContactRouter.Verdict verdict = body.candidateRules() == null ? router.dryRun(request)
                : router.dryRun(request, rules.candidate(body.candidateRules(),
                        body.defaultDepartment() == null ? rules.current().defaultDepartment()
                                : body.defaultDepartment()));
        return new DryRunAnswer(verdict.decision().departmentCode(), verdict.decision().ruleId(),
                verdict.decision().ruleVersion(), verdict.classification().complexity(),
                verdict.classification().priority(), verdict.classification().matchedKeywords(),
                verdict.classification().topics(), verdict.classification().findings(), verdict.reasons());
    }

}
