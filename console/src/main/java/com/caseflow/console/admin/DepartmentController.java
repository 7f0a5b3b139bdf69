package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Calendar;
import com.caseflow.console.services.ConfigurationViews.Department;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The department registry (routing's {@code /api/v1/departments}): names, head, calendar, whether it keeps an
 * on-duty roster, and the SLA per priority in working minutes; an administrator (or a manager, as routing allows)
 * edits one with the version read, each refused field explained beside it.
 */
@Controller
@RequestMapping("/admin/departments")
@PreAuthorize("principal.staff().configuration().editsDepartments()")
class DepartmentController {

    static final List<String> PRIORITIES = List.of("URGENT", "HIGH", "NORMAL");
    private static final ParameterizedTypeReference<List<Department>> DEPARTMENTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Calendar>> CALENDARS = new ParameterizedTypeReference<>() {
    };

    private final Services services;
    private final ConfigurationProblems problems;

    DepartmentController(Services services, ConfigurationProblems problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("departments", services.routing().call(client -> client.get()
                .uri("/api/v1/departments").retrieve().body(DEPARTMENTS)));
        model.addAttribute("priorities", PRIORITIES);
        return "admin/departments";
    }

    @GetMapping("/{code}")
    String one(@PathVariable String code, Model model) {
        Department department = services.routing().call(client -> client.get()
                .uri("/api/v1/departments/{code}", code).retrieve().body(Department.class));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("nameZh", department.nameZh());
        typed.put("nameEn", department.nameEn());
        typed.put("head", department.head());
        typed.put("calendarId", department.calendarId());
        typed.put("onDutyRoster", String.valueOf(department.onDutyRoster()));
        typed.put("active", String.valueOf(department.active()));
        typed.put("expectedVersion", department.version() == null ? "" : department.version().toString());
        for (String priority : PRIORITIES) {
            var sla = department.sla() == null ? null : department.sla().get(priority);
            typed.put(priority + ".first", sla == null || sla.firstResponseMinutes() == null ? ""
                    : sla.firstResponseMinutes().toString());
            typed.put(priority + ".resolution", sla == null || sla.resolutionMinutes() == null ? ""
                    : sla.resolutionMinutes().toString());
            typed.put(priority + ".calendar", sla == null || sla.calendarId() == null ? "" : sla.calendarId());
        }
        model.addAttribute("typed", typed);
        model.addAttribute("department", department);
        return page(code, model);
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> sla = new LinkedHashMap<>();
        for (String priority : PRIORITIES) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("firstResponseMinutes", number(form.get(priority + ".first")));
            target.put("resolutionMinutes", number(form.get(priority + ".resolution")));
            String calendar = form.getOrDefault(priority + ".calendar", "").strip();
            if (!calendar.isEmpty()) {
                target.put("calendarId", calendar);
            }
            sla.put(priority, target);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", form.getOrDefault("nameZh", "").strip());
        body.put("nameEn", form.getOrDefault("nameEn", "").strip());
        body.put("head", form.getOrDefault("head", "").strip());
        body.put("calendarId", form.getOrDefault("calendarId", "").strip());
        body.put("onDutyRoster", form.containsKey("onDutyRoster"));
        body.put("active", form.containsKey("active"));
        body.put("sla", sla);
        String version = form.getOrDefault("expectedVersion", "");
        body.put("expectedVersion", version.matches("\\d{1,18}") ? Long.valueOf(version) : null);
        try {
            services.routing().call(client -> client.put().uri("/api/v1/departments/{code}", code)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", code);
            return "redirect:/admin/departments";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "department", field -> field));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("onDutyRoster", String.valueOf(form.containsKey("onDutyRoster")));
        typed.put("active", String.valueOf(form.containsKey("active")));
        model.addAttribute("typed", typed);
        return page(code, model);
    }

    private String page(String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("calendars", services.routing().call(client -> client.get().uri("/api/v1/calendars")
                .retrieve().body(CALENDARS)));
        return "admin/department";
    }

    /** A typed number as routing takes it; anything else is sent as typed, for routing to name. */
    private static Object number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.strip().matches("\\d{1,9}") ? Integer.valueOf(typed.strip()) : typed.strip();
    }
}
