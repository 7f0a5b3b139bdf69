package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Calendar;
import com.caseflow.console.services.ConfigurationViews.CalendarVersion;
import com.caseflow.console.services.ConfigurationViews.Hours;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business calendars (routing's {@code /api/v1/calendars}, issue 8): working hours, the years whose holidays and
 * make-up working days (调休) were entered and how far ahead they reach, every version with who and when; an
 * administrator enters a year's official arrangement ({@code PUT …/years/{year}}), each refused date named beside
 * its field.
 */
@Controller
@RequestMapping("/admin/calendars")
@PreAuthorize("principal.staff().configuration().administers()")
class CalendarController {

    private static final ParameterizedTypeReference<List<Calendar>> CALENDARS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<CalendarVersion>> VERSIONS =
            new ParameterizedTypeReference<>() {
            };
    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");
    private static final Pattern DATE_FIELD = Pattern.compile("^(holidays|makeUpWorkingDays)\\[(\\d+)]$");

    private final Services services;
    private final ConfigurationProblems problems;

    CalendarController(Services services, ConfigurationProblems problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("calendars", services.routing().call(client -> client.get().uri("/api/v1/calendars")
                .retrieve().body(CALENDARS)));
        return "admin/calendars";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        Calendar calendar = calendar(id);
        int next = calendar.years().stream().mapToInt(Integer::intValue).max()
                .orElse(java.time.Year.now().getValue()) + 1;
        model.addAttribute("typed", Map.of("year", String.valueOf(next), "holidays", "", "makeUpWorkingDays", "",
                "source", "", "expectedVersion", String.valueOf(calendar.version())));
        return page(calendar, model);
    }

    @PostMapping("/{id}/years")
    String enterYear(@PathVariable String id, @RequestParam(defaultValue = "") String year,
                     @RequestParam(defaultValue = "") String holidays,
                     @RequestParam(defaultValue = "") String makeUpWorkingDays,
                     @RequestParam(defaultValue = "") String source,
                     @RequestParam(required = false) Long expectedVersion, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        List<String> holidayDates = RuleForm.words(holidays.replaceAll("\\s+", "\n"));
        List<String> makeUpDates = RuleForm.words(makeUpWorkingDays.replaceAll("\\s+", "\n"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holidays", holidayDates);
        body.put("makeUpWorkingDays", makeUpDates);
        body.put("source", source.isBlank() ? null : source.strip());
        body.put("expectedVersion", expectedVersion);
        try {
            if (!year.strip().matches("\\d{4}")) {
                throw new ServiceProblem("routing", 400, "invalid-request", "year",
                        List.of(new ServiceProblem.FieldError("year", "a year")));
            }
            services.routing().call(client -> client.put()
                    .uri("/api/v1/calendars/{id}/years/{year}", id, year.strip())
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", year.strip());
            return "redirect:/admin/calendars/{id}";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "calendar",
                    field -> DATE_FIELD.matcher(field).matches() ? ConfigurationProblems.unindexed(field)
                            : field.equals("year") || field.equals("source") ? field : null));
            model.addAttribute("badDates", badDates(problem, holidayDates, makeUpDates));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("year", year);
        typed.put("holidays", holidays);
        typed.put("makeUpWorkingDays", makeUpWorkingDays);
        typed.put("source", source);
        typed.put("expectedVersion", expectedVersion == null ? "" : expectedVersion.toString());
        model.addAttribute("typed", typed);
        return page(calendar(id), model);
    }

    /** The working hours edited as the whole calendar's next version ({@code PUT /api/v1/calendars/{id}}). */
    @PostMapping("/{id}/hours")
    String saveHours(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        Calendar calendar = calendar(id);
        Map<String, Object> weekdays = new LinkedHashMap<>();
        for (String day : WEEKDAYS) {
            Map<String, String> hours = hours(form, day);
            if (hours != null) {
                weekdays.put(day, hours);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", calendar.name());
        body.put("zone", calendar.zone());
        body.put("weekdays", weekdays);
        body.put("makeUpDayHours", hours(form, "makeUp"));
        body.put("observesPublicHolidays", calendar.observesPublicHolidays());
        body.put("years", calendar.years());
        body.put("holidays", calendar.holidays().stream().map(Object::toString).toList());
        body.put("makeUpWorkingDays", calendar.makeUpWorkingDays().stream().map(Object::toString).toList());
        body.put("source", calendar.source());
        String version = form.getOrDefault("expectedVersion", "");
        body.put("expectedVersion", version.matches("\\d{1,18}") ? Long.valueOf(version) : null);
        try {
            services.routing().call(client -> client.put().uri("/api/v1/calendars/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("hoursSaved", true);
            return "redirect:/admin/calendars/{id}";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "calendar",
                    field -> field.startsWith("weekdays") || field.startsWith("makeUpDayHours") ? field : null));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("hoursTyped", new LinkedHashMap<>(form));
        model.addAttribute("typed", Map.of("year", "", "holidays", "", "makeUpWorkingDays", "", "source", "",
                "expectedVersion", String.valueOf(calendar.version())));
        return page(calendar, model);
    }

    /** A day's hours as typed ({@code MONDAY.opens} …); null for a day off (nothing typed). */
    private static Map<String, String> hours(Map<String, String> form, String day) {
        Map<String, String> hours = new LinkedHashMap<>();
        for (String part : List.of("opens", "closes", "breakStarts", "breakEnds")) {
            String value = form.getOrDefault(day + "." + part, "").strip();
            if (!value.isEmpty()) {
                hours.put(part, value);
            }
        }
        return hours.isEmpty() ? null : hours;
    }

    private String page(Calendar calendar, Model model) {
        model.addAttribute("calendar", calendar);
        if (!model.containsAttribute("hoursTyped")) {
            Map<String, String> typed = new LinkedHashMap<>();
            calendar.weekdays().forEach((day, hours) -> put(typed, day, hours));
            put(typed, "makeUp", calendar.makeUpDayHours());
            typed.put("expectedVersion", String.valueOf(calendar.version()));
            model.addAttribute("hoursTyped", typed);
        }
        List<CalendarVersion> versions = new ArrayList<>(services.routing().call(client -> client.get()
                .uri("/api/v1/calendars/{id}/versions", calendar.id()).retrieve().body(VERSIONS)));
        Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("weekdays", WEEKDAYS);
        List<String> hourRows = new ArrayList<>(WEEKDAYS);
        hourRows.add("makeUp");
        model.addAttribute("hourRows", hourRows);
        model.addAttribute("hourParts", List.of("opens", "closes", "breakStarts", "breakEnds"));
        return "admin/calendar";
    }

    private static void put(Map<String, String> typed, String day, Hours hours) {
        if (hours != null) {
            typed.put(day + ".opens", hours.opens());
            typed.put(day + ".closes", hours.closes());
            typed.put(day + ".breakStarts", hours.breakStarts() == null ? "" : hours.breakStarts());
            typed.put(day + ".breakEnds", hours.breakEnds() == null ? "" : hours.breakEnds());
        }
    }

    private Calendar calendar(String id) {
        return services.routing().call(client -> client.get().uri("/api/v1/calendars/{id}", id).retrieve()
                .body(Calendar.class));
    }

    /** The dates routing named, by field: "holidays" → the dates as typed, so the page can say which. */
    private static Map<String, List<String>> badDates(ServiceProblem problem, List<String> holidays,
                                                      List<String> makeUpDays) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            Matcher date = DATE_FIELD.matcher(error.field());
            if (date.matches()) {
                List<String> typed = date.group(1).equals("holidays") ? holidays : makeUpDays;
                int at = Integer.parseInt(date.group(2));
                if (at < typed.size()) {
                    bad.computeIfAbsent(date.group(1), k -> new ArrayList<>()).add(typed.get(at));
                }
            }
        }
        return bad;
    }
}
