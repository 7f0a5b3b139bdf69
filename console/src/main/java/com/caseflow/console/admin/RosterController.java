package com.caseflow.console.admin;

import com.caseflow.console.security.Staff;
import com.caseflow.console.services.ConfigurationViews.Department;
import com.caseflow.console.services.ConfigurationViews.Roster;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A department's on-duty roster (值班表, routing's {@code /api/v1/departments/{code}/on-duty}) for the coming weeks:
 * its shifts and gaps, who changed it last and when, and — for the department's head or an administrator — the
 * window's shifts edited as rows, each refused field explained beside its row. Times are Shanghai time, sent without
 * an offset as routing reads them.
 */
@Controller
@RequestMapping("/admin/departments/{code}/on-duty")
@PreAuthorize("principal.staff().configuration().mayOpenRosterOf(#code)")
class RosterController {

    static final int DAYS = 14;
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    /** Empty rows offered under the planned shifts, for new ones. */
    static final int BLANK_ROWS = 3;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern SHIFT_FIELD = Pattern.compile("^shifts\\[(\\d+)](.*)$");

    private final Services services;
    private final ConfigurationProblems problems;
    private final Clock clock;

    RosterController(Services services, ConfigurationProblems problems, Clock clock) {
        this.services = services;
        this.problems = problems;
        this.clock = clock;
    }

    /** One row of the form, as typed: a staff id and the shift's start and end, {@code yyyy-MM-ddTHH:mm}. */
    public record ShiftRow(String staffId, String start, String end) {

        boolean blank() {
            return staffId.isBlank() && start.isBlank() && end.isBlank();
        }
    }

    @ModelAttribute("code")
    String code(@PathVariable String code) {
        return code;
    }

    @GetMapping
    String roster(@PathVariable String code, @RequestParam(required = false) String from, Model model,
                  @AuthenticationPrincipal Staff.StaffUser user) {
        LocalDate day = day(from);
        Roster roster = read(code, day);
        Department department = department(code);
        List<ShiftRow> rows = new ArrayList<>(roster.shifts().stream()
                .map(s -> new ShiftRow(s.staffId(), local(s.start()), local(s.end()))).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new ShiftRow("", "", ""));
        }
        model.addAttribute("typed", Map.of("from", local(roster.from()), "to", local(roster.to()),
                "expectedVersion", String.valueOf(roster.version())));
        model.addAttribute("rows", rows);
        return page(department, roster, user.staff(), model);
    }

    @PostMapping
    String plan(@PathVariable String code, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(required = false) Long expectedVersion,
                HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect,
                @AuthenticationPrincipal Staff.StaffUser user) {
        Department department = department(code);
        if (!user.staff().configuration().mayPlanRoster(code, department.head())) {
            throw new AccessDeniedException("only the head of " + code + " or an administrator plans its roster");
        }
        List<ShiftRow> rows = rows(request);
        List<Map<String, String>> shifts = new ArrayList<>();
        List<Integer> rowOfShift = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                ShiftRow row = rows.get(i);
                shifts.add(Map.of("staffId", row.staffId().strip(), "start", row.start().strip(),
                        "end", row.end().strip()));
                rowOfShift.add(i);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.strip());
        body.put("to", to.strip());
        body.put("shifts", shifts);
        body.put("expectedVersion", expectedVersion);
        try {
            services.routing().call(client -> client.put().uri("/api/v1/departments/{code}/on-duty", code)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", true);
            redirect.addAttribute("from", from.length() >= 10 ? from.substring(0, 10) : "");
            return "redirect:/admin/departments/{code}/on-duty";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", problems.of(problem, "roster", field -> onPage(field, rowOfShift)));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("typed", Map.of("from", from, "to", to,
                "expectedVersion", expectedVersion == null ? "" : expectedVersion.toString()));
        model.addAttribute("rows", rows);
        return page(department, read(code, day(from.length() >= 10 ? from.substring(0, 10) : null)), user.staff(), model);
    }

    private String page(Department department, Roster roster, Staff staff, Model model) {
        model.addAttribute("department", department);
        model.addAttribute("roster", roster);
        model.addAttribute("mayPlan", staff.configuration().mayPlanRoster(department.code(), department.head()));
        model.addAttribute("days", DAYS);
        return "admin/roster";
    }

    private Roster read(String code, LocalDate day) {
        return services.routing().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/departments/{code}/on-duty")
                        .queryParam("from", day.atStartOfDay().format(LOCAL)).queryParam("days", DAYS).build(code))
                .retrieve().body(Roster.class));
    }

    private Department department(String code) {
        return services.routing().call(client -> client.get().uri("/api/v1/departments/{code}", code).retrieve()
                .body(Department.class));
    }

    private LocalDate day(String from) {
        if (from != null && !from.isBlank()) {
            try {
                return LocalDate.parse(from);
            } catch (DateTimeParseException ignored) {
                // an address typed by hand: the roster from today
            }
        }
        return LocalDate.now(clock.withZone(BUSINESS_ZONE));
    }

    private static String local(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(BUSINESS_ZONE).toLocalDateTime()
                .format(LOCAL);
    }

    private static List<ShiftRow> rows(HttpServletRequest request) {
        String[] staffIds = values(request, "staffId");
        String[] starts = values(request, "start");
        String[] ends = values(request, "end");
        int count = Math.min(200, Math.max(staffIds.length, Math.max(starts.length, ends.length)));
        List<ShiftRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ShiftRow(at(staffIds, i), at(starts, i), at(ends, i)));
        }
        return rows;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length && values[i] != null ? values[i] : "";
    }

    /** {@code shifts[2].end} of the third shift sent → {@code shifts[5].end} when it was typed in the sixth row. */
    private static String onPage(String field, List<Integer> rowOfShift) {
        Matcher shift = SHIFT_FIELD.matcher(field);
        if (shift.matches()) {
            int sent = Integer.parseInt(shift.group(1));
            return sent < rowOfShift.size() ? "shifts[" + rowOfShift.get(sent) + "]" + shift.group(2) : null;
        }
        return switch (field) {
            case "from", "to" -> field;
            default -> null;
        };
    }
}
