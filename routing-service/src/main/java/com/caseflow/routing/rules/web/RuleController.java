package com.caseflow.routing.rules.web;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.RoutingRequest;
import com.caseflow.routing.classification.domain.Classification;
import com.caseflow.routing.rules.application.RuleBook;
import com.caseflow.routing.rules.domain.RoutingRule;
import com.caseflow.routing.rules.domain.RuleSet;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The routing rules: managers read and replace them (each replacement is a new version), and anyone who routes
 * or reviews can ask where a contact would go.
 */
@RestController
@RequestMapping("/api/v1/routing-rules")
class RuleController {

    private final RuleBook rules;
    private final ContactRouter router;

    RuleController(RuleBook rules, ContactRouter router) {
        this.rules = rules;
        this.router = router;
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

    @GetMapping("/versions/{version}")
    RuleSet version(@PathVariable long version) {
        return rules.version(version).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no rule set version " + version));
    }

    @PutMapping
    RuleSet publish(@RequestBody RuleSetRequest body, Authentication authentication) {
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
        return rules.publish(body.rules(), body.defaultDepartment(), body.basedOnVersion(),
                Staff.of(authentication).staffId());
    }

    @PostMapping("/dry-run")
    DryRunAnswer dryRun(@RequestBody RoutingRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.category() == null) {
            problems.add(new FieldProblem("category", "required"));
        }
        if (body.matter() != null && body.matter().length() > 2000) {
            problems.add(new FieldProblem("matter", "at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ContactRouter.Verdict verdict = router.dryRun(body);
        return new DryRunAnswer(verdict.decision().departmentCode(), verdict.decision().ruleId(),
                verdict.decision().ruleVersion(), verdict.classification().complexity(),
                verdict.classification().priority(), verdict.classification().matchedKeywords(),
                verdict.classification().topics(), verdict.classification().findings(), verdict.reasons());
    }

}
