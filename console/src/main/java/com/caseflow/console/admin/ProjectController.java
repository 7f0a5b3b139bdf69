package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Faq;
import com.caseflow.console.services.ConfigurationViews.Project;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake's project catalogue ({@code /api/v1/projects}): the facts agents answer from — where a project is, its
 * sales status and hotline, its unit types and frequently asked questions — and, for an administrator, a project's
 * facts and questions edited with the version read (unit types are sent back as they are).
 */
@Controller
@RequestMapping("/admin/projects")
@PreAuthorize("principal.staff().configuration().administers()")
class ProjectController {

    static final List<String> SALES_STATUSES = List.of("PRE_SALE", "ON_SALE", "SOLD_OUT", "DELIVERED");
    static final int BLANK_FAQS = 2;
    private static final ParameterizedTypeReference<List<Project>> PROJECTS = new ParameterizedTypeReference<>() {
    };
    private static final Pattern FAQ_FIELD = Pattern.compile("^faqs\\[(\\d+)](.*)$");
    private static final List<String> FIELDS = List.of("name", "city", "district", "address", "salesStatus",
            "serviceHotline");

    private final Services services;
    private final ConfigurationProblems problems;

    ProjectController(Services services, ConfigurationProblems problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("projects", services.intake().call(client -> client.get().uri("/api/v1/projects")
                .retrieve().body(PROJECTS)));
        return "admin/projects";
    }

    @GetMapping("/{code}")
    String one(@PathVariable String code, Model model) {
        Project project = project(code);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", project.name());
        typed.put("city", project.city());
        typed.put("district", project.district());
        typed.put("address", project.address());
        typed.put("salesStatus", project.salesStatus());
        typed.put("serviceHotline", project.serviceHotline());
        List<Faq> faqs = new ArrayList<>(project.faqs());
        for (int i = 0; i < BLANK_FAQS; i++) {
            faqs.add(new Faq("", ""));
        }
        model.addAttribute("typed", typed);
        model.addAttribute("faqs", faqs);
        return page(project, model);
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Project stored = project(code);
        String[] questions = values(request, "question");
        String[] answers = values(request, "answer");
        List<Faq> rows = new ArrayList<>();
        List<Map<String, String>> faqs = new ArrayList<>();
        List<Integer> rowOfFaq = new ArrayList<>();
        for (int i = 0; i < Math.min(200, Math.max(questions.length, answers.length)); i++) {
            Faq row = new Faq(i < questions.length ? questions[i] : "", i < answers.length ? answers[i] : "");
            rows.add(row);
            if (!row.question().isBlank() || !row.answer().isBlank()) {
                faqs.add(Map.of("question", row.question().strip(), "answer", row.answer().strip()));
                rowOfFaq.add(i);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        for (String field : FIELDS) {
            String value = form.getOrDefault(field, "").strip();
            body.put(field, value.isEmpty() ? null : value);
        }
        body.put("unitTypes", stored.unitTypes());
        body.put("faqs", faqs);
        body.put("version", stored.version());
        try {
            services.intake().call(client -> client.put().uri("/api/v1/projects/{code}", code)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", code);
            return "redirect:/admin/projects";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "project", field -> {
                Matcher faq = FAQ_FIELD.matcher(field);
                if (faq.matches()) {
                    int sent = Integer.parseInt(faq.group(1));
                    return sent < rowOfFaq.size() ? "faqs[" + rowOfFaq.get(sent) + "]" + faq.group(2) : null;
                }
                return FIELDS.contains(field) ? field : null;
            }));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
        model.addAttribute("typed", typed);
        model.addAttribute("faqs", rows);
        return page(stored, model);
    }

    private String page(Project project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("salesStatuses", SALES_STATUSES);
        model.addAttribute("textFields", FIELDS.stream().filter(f -> !f.equals("salesStatus")).toList());
        return "admin/project";
    }

    private Project project(String code) {
        return services.intake().call(client -> client.get().uri("/api/v1/projects/{code}", code).retrieve()
                .body(Project.class));
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }
}
