package com.caseflow.routing.classification.web;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.RoutingRequest;
import com.caseflow.routing.classification.application.LexiconBook;
import com.caseflow.routing.classification.domain.Classification;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.classification.domain.KeywordLists;
import com.caseflow.routing.classification.domain.Lexicon;
import com.caseflow.routing.classification.domain.LexiconVersion;
import com.caseflow.routing.rules.application.RuleBook;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword lists routing listens for (风险词 and the words around them), versioned like the rule set:
 * administrators and managers publish, supervisors read, and a typed contact can be tried against a draft.
 */
@RestController
@RequestMapping("/api/v1/routing-lexicon")
class LexiconController {

    private final LexiconBook lexicon;
    private final RuleBook rules;
    private final StaffRateLimiter rateLimit;

    LexiconController(LexiconBook lexicon, RuleBook rules, StaffRateLimiter rateLimit) {
        this.lexicon = lexicon;
        this.rules = rules;
        this.rateLimit = rateLimit;
    }

    /**
     * A version of the lists, with what they feed: {@code signals} names, for each term, the labels of the signals
     * that use it ({@code ≠} before those it keeps from firing).
     */
    record LexiconView(long version, String changedBy, Instant changedAt, Map<String, List<String>> terms,
                       List<String> negators, List<String> hedges, List<Lexicon.Benign> benign,
                       Map<String, List<String>> signals) {
    }

    /** @param basedOnVersion the version edited; publishing fails with 409 if it is no longer current */
    record LexiconRequest(Long basedOnVersion, Map<String, List<String>> terms, List<String> negators,
                          List<String> hedges, List<Lexicon.Benign> benign) {
    }

    /** A contact to classify and route, and optionally lists to classify it with instead of those in force. */
    record DryRunRequest(ContactCategory category, String matter, String projectCode, Channel channel,
                         CallerType callerType, KeywordLists candidate) {
    }

    record DryRunAnswer(long lexiconVersion, String departmentCode, String ruleId, long ruleVersion,
                        Complexity complexity, Priority priority, List<String> matchedKeywords, Set<String> topics,
                        List<Classification.Finding> findings, List<String> reasons) {
    }

    @GetMapping
    LexiconView current() {
        return view(lexicon.currentVersion());
    }

    /** Every version newest first, {@code size} at a time: who published it, when, how many words. */
    @GetMapping("/versions")
    LexiconBook.VersionPage versions(@RequestParam(defaultValue = "0") int page,
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
        return lexicon.versions(page, size);
    }

    @GetMapping("/versions/{version}")
    LexiconView version(@PathVariable long version) {
        return lexicon.version(version).map(this::view).orElseThrow(() -> new RequestRefusedException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "no keyword lists version " + version));
    }

    @PutMapping
    LexiconView publish(@RequestBody LexiconRequest body, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.basedOnVersion() == null || body.basedOnVersion() < 0) {
            problems.add(new FieldProblem("basedOnVersion", "the version you edited, from GET /api/v1/routing-lexicon"));
        }
        if (body.terms() == null) {
            problems.add(new FieldProblem("terms", "required: every term with its words"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        LexiconVersion base = lexicon.currentVersion();
        KeywordLists lists = new KeywordLists(body.terms(), orElse(body.negators(), base.lists().negators()),
                orElse(body.hedges(), base.lists().hedges()), orElse(body.benign(), base.lists().benign()));
        return view(lexicon.publish(lists, body.basedOnVersion(), staff.staffId()));
    }

    @PostMapping("/dry-run")
    DryRunAnswer dryRun(@RequestBody DryRunRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.category() == null) {
            problems.add(new FieldProblem("category", "required"));
        }
        if (body.matter() == null || body.matter().isBlank()) {
            problems.add(new FieldProblem("matter", "required: the customer's words to classify"));
        } else if (body.matter().length() > 2000) {
            problems.add(new FieldProblem("matter", "at most 2000 characters"));
        }
        Classifier classifier = lexicon.classifier();
        if (body.candidate() != null) {
            try {
                classifier = lexicon.candidate(body.candidate(), "candidate");
            } catch (InvalidRequestException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        LexiconVersion inForce = lexicon.currentVersion();
        ContactRouter.Verdict verdict = ContactRouter.verdict(classifier, rules.current(), new RoutingRequest(
                body.category(), body.matter(), body.projectCode(), body.channel(), body.callerType()));
        Classification c = verdict.classification();
        return new DryRunAnswer(body.candidate() == null ? inForce.version() : inForce.version() + 1,
                verdict.decision().departmentCode(), verdict.decision().ruleId(), verdict.decision().ruleVersion(),
                c.complexity(), c.priority(), c.matchedKeywords(), c.topics(), c.findings(), verdict.reasons());
    }

    private LexiconView view(LexiconVersion v) {
        return new LexiconView(v.version(), v.changedBy(), v.changedAt(), v.lists().terms(), v.lists().negators(),
                v.lists().hedges(), v.lists().benign(), lexicon.signalsByTerm());
    }

    private static <T> List<T> orElse(List<T> given, List<T> base) {
        return given != null ? given : base;
    }
}
