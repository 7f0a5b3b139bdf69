package com.caseflow.console.management;

import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The managers' dashboard (管理看板): for a period and optionally a project or a department, the figures evaluation and
 * routing already report, each as an ECharts chart (static/js/dashboard.js reads the chart's data from its
 * {@code data-chart} attribute) with a table equivalent, a link to the list behind it and the services' Excel
 * exports passed through. Supervisors see it too; evaluation shows them their team's agents only.
 */
@Controller
@RequestMapping("/dashboard")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class DashboardController {

    static final String CODE = "[A-Z][A-Z0-9_-]{1,39}";
    private static final int PAGE_SIZE = 20;
    private static final Set<String> STATUSES = Set.of("OPEN", "IN_PROGRESS", "RESOLVED", "MERGED");
    private static final Set<String> CHANNELS = Set.of("PHONE", "VISIT");
    private static final ParameterizedTypeReference<Page<IntakeViews.FigureContact>> CONTACTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<RoutingViews.Case>> CASES =
            new ParameterizedTypeReference<>() {
            };

    /** The services' Excel exports a dashboard view downloads, by the view's name. */
    enum Export {
        agents("/api/v1/reports/agents", "坐席考核"),
        departments("/api/v1/reports/departments", "部门考核"),
        hotlines("/api/v1/reports/hotlines", "热线服务水平"),
        daily("/api/v1/reports/daily", "每日运营"),
        /** The heat map's top project × category issues, as many as the dashboard shows. */
        recurring("/api/v1/issues/recurring", "重复问题"),
        /** Every proposal (of a status); proposals have no period. */
        proposals("/api/v1/issues/proposals", "改进建议");

        final String path;
        final String fileName;

        Export(String path, String fileName) {
            this.path = path;
            this.fileName = fileName;
        }
    }

    private final Services services;
    private final DashboardSources sources;
    private final Clock clock;
    private final JsonMapper json;
    private final MessageSource messages;

    DashboardController(Services services, DashboardSources sources, Clock clock, JsonMapper json,
                        MessageSource messages) {
        this.services = services;
        this.sources = sources;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String project,
                     @RequestParam(required = false) String department, Model model,
                     HttpServletResponse response) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        String projectFilter = code(project);
        String departmentFilter = code(department);
        Map<String, String> errors = period.problems(messages, LocaleContextHolder.getLocale());
        if (!errors.isEmpty()) {
            // the services would refuse it too; said beside the dates, nothing asked of them
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            DashboardFigures none = DashboardFigures.of(period, null, null, null, null, null, null, List.of());
            model.addAttribute("errors", errors);
            model.addAttribute("period", period);
            model.addAttribute("project", projectFilter);
            model.addAttribute("department", departmentFilter);
            model.addAttribute("departments", List.of());
            model.addAttribute("figures", none);
            model.addAttribute("charts", none.charts(json, messages, LocaleContextHolder.getLocale()));
            model.addAttribute("dailyCharts", Map.of());
            return "dashboard/dashboard";
        }
        DashboardSources.Sources fetched = sources.fetch(period, projectFilter, departmentFilter);

        DashboardFigures figures = DashboardFigures.of(period, projectFilter, departmentFilter, fetched.agents(),
                fetched.departments(), fetched.hotlines(), fetched.recurring(), fetched.caseCounts());
        model.addAttribute("period", period);
        model.addAttribute("project", projectFilter);
        model.addAttribute("department", departmentFilter);
        model.addAttribute("departments", fetched.known());
        model.addAttribute("figures", figures);
        model.addAttribute("charts",
                figures.charts(json, messages, LocaleContextHolder.getLocale()));
        DailyTrend trend = fetched.daily() == null ? null
                : new DailyTrend(fetched.daily(), projectFilter, departmentFilter);
        model.addAttribute("trend", trend);
        model.addAttribute("dailyCharts", trend == null ? Map.of()
                : trend.charts(json, messages, LocaleContextHolder.getLocale()));
        return "dashboard/dashboard";
    }

    /** The cases behind a department's figures: open ones, or the overdue ones (routing's queue filter). */
    @GetMapping("/cases")
    String cases(@RequestParam String department, @RequestParam(defaultValue = "false") boolean overdue,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        String code = code(department);
        if (code == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "department");
        }
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("cases", services.routing().call(client -> client.get()
                .uri(uri -> {
                    uri.path("/api/v1/departments/{code}/cases").queryParam("sort", "urgent")
                            .queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
                    if (overdue) {
                        uri.queryParam("overdue", true);
                    }
                    if (statusFilter != null) {
                        uri.queryParam("status", statusFilter);
                    }
                    return uri.build(code);
                })
                .retrieve().body(CASES)));
        model.addAttribute("department", code);
        model.addAttribute("overdue", overdue);
        model.addAttribute("status", statusFilter);
        model.addAttribute("page", pageNumber);
        return "dashboard/cases";
    }

    /**
     * The contacts behind a figure (intake's list, numbers masked): a day's bar, a channel's or category's bar, a
     * project × category cell. Filters that are no code are dropped, as on the dashboard; a bad period is said
     * beside the dates and nothing is asked of intake.
     */
    @GetMapping("/contacts")
    String contacts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) String project, @RequestParam(required = false) String category,
                    @RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") int page,
                    Model model, HttpServletResponse response) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        String projectFilter = code(project);
        String categoryFilter = code(category);
        String channelFilter = channel != null && CHANNELS.contains(channel) ? channel : null;
        int pageNumber = Math.max(0, Math.min(page, 499));
        Map<String, String> errors = period.problems(messages, LocaleContextHolder.getLocale());
        model.addAttribute("period", period);
        model.addAttribute("project", projectFilter);
        model.addAttribute("category", categoryFilter);
        model.addAttribute("channel", channelFilter);
        model.addAttribute("page", pageNumber);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errors);
            model.addAttribute("contacts", new Page<IntakeViews.FigureContact>(List.of(), 0, PAGE_SIZE, 0, 0));
            return "dashboard/contacts";
        }
        model.addAttribute("contacts", services.intake().call(client -> client.get()
                .uri(uri -> {
                    uri.path("/api/v1/contacts/behind-figure").queryParam("from", period.from())
                            .queryParam("to", period.to()).queryParam("page", pageNumber)
                            .queryParam("size", PAGE_SIZE);
                    if (projectFilter != null) {
                        uri.queryParam("projectCode", projectFilter);
                    }
                    if (categoryFilter != null) {
                        uri.queryParam("category", categoryFilter);
                    }
                    if (channelFilter != null) {
                        uri.queryParam("channel", channelFilter);
                    }
                    return uri.build();
                })
                .retrieve().body(CONTACTS)));
        return "dashboard/contacts";
    }

    /**
     * The drill-down's cases as routing's Excel sheet: every case of the filter, not only the page shown, the
     * callers' numbers masked by routing as for this reader.
     */
    @GetMapping("/export/cases")
    ResponseEntity<byte[]> exportCases(@RequestParam String department,
                                       @RequestParam(defaultValue = "false") boolean overdue,
                                       @RequestParam(required = false) String status) {
        String code = code(department);
        if (code == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "department");
        }
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        return Downloads.xlsx(services.routing(), uri -> {
            uri.path("/api/v1/departments/{code}/cases").queryParam("sort", "urgent").queryParam("format", "xlsx");
            if (overdue) {
                uri.queryParam("overdue", true);
            }
            if (statusFilter != null) {
                uri.queryParam("status", statusFilter);
            }
            return uri.build(code);
        }, code + (overdue ? "-超时案件-" : "-案件-") + LocalDate.now(clock));
    }

    /** A view's figures as the service's Excel sheet (headed in Chinese), for the same period. */
    @GetMapping("/export/{view}")
    ResponseEntity<byte[]> export(@PathVariable String view,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to, @RequestParam(required = false) String project,
                                  @RequestParam(required = false) String status) {
        Export export = Arrays.stream(Export.values()).filter(e -> e.name().equals(view)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        // only the daily series has a project filter; the other sheets are the company's
        String projectFilter = export == Export.daily ? code(project) : null;
        if (export == Export.proposals) {
            String statusFilter = status != null && ProposalsController.STATUSES.contains(status) ? status : null;
            return Downloads.xlsx(services.evaluation(), uri -> {
                uri.path(export.path).queryParam("format", "xlsx");
                if (statusFilter != null) {
                    uri.queryParam("status", statusFilter);
                }
                return uri.build();
            }, export.fileName + "-" + LocalDate.now(clock));
        }
        return Downloads.xlsx(services.evaluation(), uri -> {
                    uri.path(export.path).queryParam("from", period.from()).queryParam("to", period.to())
                            .queryParam("format", "xlsx");
                    if (projectFilter != null) {
                        uri.queryParam("projectCode", projectFilter);
                    }
                    if (export == Export.recurring) {
                        uri.queryParam("limit", DashboardFigures.MAX_ISSUES);
                    }
                    return uri.build();
                },
                export.fileName + "-" + (projectFilter == null ? "" : projectFilter + "-") + period.from() + "-"
                        + period.to());
    }

    /** A project or department code as the services spell them, or null for none (or one that cannot be a code). */
    static String code(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        return code.matches(CODE) ? code : null;
    }
}
