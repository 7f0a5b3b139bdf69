package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Department;
import com.caseflow.console.services.ConfigurationViews.DryRun;
import com.caseflow.console.services.ConfigurationViews.Rule;
import com.caseflow.console.services.ConfigurationViews.RuleSet;
import com.caseflow.console.services.ConfigurationViews.RuleVersions;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing rules (routing's {@code /api/v1/routing-rules}): the rule set in force, a rule edited in a form and
 * dry-run against a typed contact with the candidate rules before it is published, every version with who published
 * it and when, and the difference between two versions. Routing validates and versions; the console only composes
 * the candidate rule set from the version the manager edited, so a publication over someone else's is routing's 409.
 */
@Controller
@RequestMapping("/admin/rules")
@PreAuthorize("principal.staff().configuration().readsRules()")
class RuleController {

    /** Versions listed, newest first: one {@code GET …/versions?size=} */
    static final int VERSIONS_SHOWN = 30;
    private static final ParameterizedTypeReference<List<Department>> DEPARTMENTS =
            new ParameterizedTypeReference<>() {
            };
    private static final Pattern RULE_FIELD = Pattern.compile("^(?:candidateRules|rules)\\[(\\d+)]\\.?(.*)$");

    private final Services services;
    private final ConfigurationProblems problems;

    RuleController(Services services, ConfigurationProblems problems) {
        this.services = services;
        this.problems = problems;
    }

    @ModelAttribute("choices")
    Map<String, List<String>> choices() {
        return RuleChoices.ALL;
    }

    @ModelAttribute("labels")
    Map<String, String> labels() {
        return RuleChoices.LABELS;
    }

    @ModelAttribute("conditionSets")
    List<String> conditionSets() {
        return List.copyOf(RuleChoices.LABELS.keySet());
    }

    @GetMapping
    String current(Model model) {
        model.addAttribute("ruleSet", current());
        return "admin/rules";
    }

    @GetMapping("/edit")
    @PreAuthorize("principal.staff().configuration().editsRules()")
    String edit(@RequestParam(required = false) String id, Model model) {
        RuleSet ruleSet = current();
        int index = id == null ? -1 : ruleSet.indexOf(id);
        if (id != null && index < 0) {
            throw new ServiceProblem("routing", 404, "not-found", "no rule " + id, List.of());
        }
        model.addAttribute("form", RuleForm.of(index < 0 ? null : ruleSet.rules().get(index), ruleSet.version(),
                index < 0 ? ruleSet.rules().size() + 1 : index + 1));
        return editPage(ruleSet, model);
    }

    @PostMapping("/edit")
    @PreAuthorize("principal.staff().configuration().editsRules()")
    String dryRunOrPublish(@ModelAttribute("form") RuleForm form, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        long basedOn = form.basedOnVersion() == null ? 0 : form.basedOnVersion();
        RuleSet edited = version(basedOn);
        int editedIndex = editedIndex(edited, form);
        boolean removing = form.removing() && editedIndex >= 0;
        List<Rule> candidate = removing ? without(edited, editedIndex) : candidate(edited, form, editedIndex);
        int at = removing ? -1 : candidate.indexOf(form.rule());
        try {
            if (form.publishing() || removing) {
                RuleSet published = services.routing().call(client -> client.put().uri("/api/v1/routing-rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(publication(basedOn, edited.defaultDepartment(), candidate))
                        .retrieve().body(RuleSet.class));
                redirect.addFlashAttribute("published", published.version());
                return "redirect:/admin/rules";
            }
            Map<String, Object> body = new LinkedHashMap<>(form.contact());
            body.put("candidateRules", candidate);
            body.put("defaultDepartment", edited.defaultDepartment());
            model.addAttribute("dryRun", services.routing().call(client -> client.post()
                    .uri("/api/v1/routing-rules/dry-run").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(DryRun.class)));
            model.addAttribute("candidateRuleIndex", at);
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "rules", field -> onForm(field, at)));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        return editPage(edited, model);
    }

    @GetMapping("/versions")
    String versions(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                    Model model) {
        RuleVersions listed = services.routing().call(client -> client.get()
                .uri("/api/v1/routing-rules/versions?page=0&size={size}", VERSIONS_SHOWN).retrieve()
                .body(RuleVersions.class));
        model.addAttribute("current", listed.versions().isEmpty() ? null : listed.versions().get(0));
        model.addAttribute("versions", listed.versions());
        model.addAttribute("more", listed.total() > listed.versions().size());
        if (from != null && to != null) {
            RuleSet older = version(Math.min(from, to));
            RuleSet newer = version(Math.max(from, to));
            model.addAttribute("older", older);
            model.addAttribute("newer", newer);
            model.addAttribute("changes", RuleDiff.between(older, newer));
        }
        return "admin/rule-versions";
    }

    private static Map<String, Object> publication(long basedOn, String defaultDepartment, List<Rule> rules) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basedOnVersion", basedOn);
        body.put("defaultDepartment", defaultDepartment);
        body.put("rules", rules);
        return body;
    }

    private String editPage(RuleSet ruleSet, Model model) {
        model.addAttribute("ruleSet", ruleSet);
        model.addAttribute("departments", services.routing().call(client -> client.get()
                .uri("/api/v1/departments").retrieve().body(DEPARTMENTS)));
        return "admin/rule-edit";
    }

    private RuleSet current() {
        return services.routing().call(client -> client.get().uri("/api/v1/routing-rules").retrieve()
                .body(RuleSet.class));
    }

    private RuleSet version(long version) {
        return services.routing().call(client -> client.get().uri("/api/v1/routing-rules/versions/{v}", version)
                .retrieve().body(RuleSet.class));
    }

    private static int editedIndex(RuleSet edited, RuleForm form) {
        return form.editing() == null ? -1 : edited.indexOf(form.editing());
    }

    private static List<Rule> without(RuleSet edited, int index) {
        List<Rule> rules = new ArrayList<>(edited.rules());
        rules.remove(index);
        return rules;
    }

    /** The version edited with this rule in its place (or added), at the position asked for. */
    private static List<Rule> candidate(RuleSet edited, RuleForm form, int editedIndex) {
        List<Rule> rules = new ArrayList<>(edited.rules());
        if (editedIndex >= 0) {
            rules.remove(editedIndex);
        }
        int position = form.position() == null ? rules.size() + 1 : form.position();
        rules.add(Math.max(0, Math.min(position - 1, rules.size())), form.rule());
        return rules;
    }

    /** {@code rules[3].keywords[0]} of the edited rule (at 3) → {@code keywords}; another rule's → the form. */
    private static String onForm(String field, int editedAt) {
        Matcher rule = RULE_FIELD.matcher(field);
        if (rule.matches()) {
            return Integer.parseInt(rule.group(1)) == editedAt
                    ? (rule.group(2).isEmpty() ? "rule" : ConfigurationProblems.unindexed(rule.group(2))) : null;
        }
        return switch (field) {
            case "category", "matter", "projectCode", "channel", "callerType" ->
                    "try" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            default -> null;
        };
    }
}
