package com.caseflow.console.admin;

import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supervisors' teams (班组, evaluation's {@code /api/v1/teams}): whose figures and contacts a supervisor reads and
 * checks, and who trains an agent. An administrator edits a team's members one per row with the version read; an
 * agent already in another team is named beside their row with that team's supervisor.
 */
@Controller
@RequestMapping("/admin/teams")
@PreAuthorize("principal.staff().configuration().administers()")
class TeamAdminController {

    static final int BLANK_ROWS = 3;
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ROW = Pattern.compile("members\\[(\\d+)]");

    /** A team as evaluation answers it. */
    record Team(String supervisorId, List<String> members, long version, String changedBy, Instant changedAt) {
    }

    record Teams(List<Team> teams) {
    }

    private final Services services;
    private final MessageSource messages;

    TeamAdminController(Services services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("teams", teams());
        return "admin/teams";
    }

    /** The list page's "open a supervisor's team" form, for a supervisor who has none yet as well. */
    @GetMapping("/open")
    String open(@RequestParam(defaultValue = "") String supervisor, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        String id = supervisor.strip();
        if (!STAFF_ID.matcher(id).matches()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("teams", teams());
            model.addAttribute("typedSupervisor", supervisor);
            model.addAttribute("errors", Map.of("supervisor", message("admin.teams.error.supervisor")));
            return "admin/teams";
        }
        redirect.addAttribute("id", id);
        return "redirect:/admin/teams/{id}";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        Team team = team(id);
        List<String> rows = new ArrayList<>(team.members());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add("");
        }
        return page(team, rows, String.valueOf(team.version()), model);
    }

    @PostMapping("/{id}")
    String save(@PathVariable String id, @RequestParam(name = "member", required = false) List<String> typed,
                @RequestParam(defaultValue = "") String expectedVersion, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        List<String> rows = typed == null ? List.of() : typed;
        List<String> members = new ArrayList<>();
        List<Integer> rowOfMember = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                members.add(rows.get(i).strip());
                rowOfMember.add(i);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", members);
        body.put("expectedVersion", expectedVersion.matches("\\d{1,18}") ? Long.valueOf(expectedVersion) : null);
        try {
            services.evaluation().call(client -> client.put().uri("/api/v1/teams/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", id);
            return "redirect:/admin/teams";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", errors(problem, members, rowOfMember));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        Team shown;
        try {
            shown = team(id);
        } catch (ServiceUnavailable e) {
            shown = new Team(id, List.of(), 0, null, null);
        }
        return page(shown, rows, expectedVersion, model);
    }

    private String page(Team team, List<String> rows, String expectedVersion, Model model) {
        model.addAttribute("team", team);
        model.addAttribute("rows", rows);
        model.addAttribute("expectedVersion", expectedVersion);
        return "admin/team";
    }

    private List<Team> teams() {
        Teams all = services.evaluation().call(client -> client.get().uri("/api/v1/teams").retrieve()
                .body(Teams.class));
        return all == null || all.teams() == null ? List.of() : all.teams();
    }

    /** A supervisor without a team yet: an empty one at version 0, which evaluation creates on saving. */
    private Team team(String id) {
        try {
            return services.evaluation().call(client -> client.get().uri("/api/v1/teams/{id}", id).retrieve()
                    .body(Team.class));
        } catch (ServiceProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND.value()) {
                return new Team(id, List.of(), 0, null, null);
            }
            throw problem;
        }
    }

    /**
     * Evaluation's refusal beside the rows typed: {@code members[i]} is the i-th member sent (blank rows are not),
     * shown beside its row; a member already in another team is named with that team's supervisor, looked up here
     * rather than read out of evaluation's English sentence.
     */
    private Map<String, String> errors(ServiceProblem problem, List<String> members, List<Integer> rowOfMember) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Team> others = null;
        for (ServiceProblem.FieldError error : problem.errors()) {
            Matcher row = ROW.matcher(error.field() == null ? "" : error.field());
            String said = error.message() == null ? "" : error.message();
            if (!row.matches()) {
                errors.merge("_form", message("admin.teams.error.members"), (a, b) -> a);
                continue;
            }
            int sent = Integer.parseInt(row.group(1));
            if (sent >= members.size()) {
                continue;
            }
            String member = members.get(sent);
            String sentence;
            if (said.contains("in the team of")) {
                if (others == null) {
                    others = teams();
                }
                String supervisor = others.stream().filter(t -> t.members().contains(member))
                        .map(Team::supervisorId).findFirst().orElse("?");
                sentence = message("admin.teams.error.elsewhere", member, supervisor);
            } else if (said.contains("named twice")) {
                sentence = message("admin.teams.error.twice", member);
            } else if (said.contains("supervisor")) {
                sentence = message("admin.teams.error.self");
            } else {
                sentence = message("admin.teams.error.staffId");
            }
            errors.putIfAbsent("members[" + rowOfMember.get(sent) + "]", sentence);
        }
        if (errors.isEmpty() && !problem.conflict()) {
            errors.put("_form", message("admin.teams.error.members"));
        }
        return errors;
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
