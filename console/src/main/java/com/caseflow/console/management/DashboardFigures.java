package com.caseflow.console.management;

import com.caseflow.console.services.EvaluationViews;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dashboard's figures, from what evaluation and routing report, filtered by the chosen project or department,
 * and each chart's data as JSON for static/js/dashboard.js: categories, series (each value with the link to the list
 * behind it) or heat-map cells. Rates stay fractions here and become percentages only in the chart.
 */
public record DashboardFigures(ReportPeriod period, long phoneContacts, long visitContacts,
                        Map<String, Long> contactsByCategory, List<EvaluationViews.AgentRow> agents,
                        List<EvaluationViews.DepartmentRow> departments, List<EvaluationViews.Hotline> hotlines,
                        List<EvaluationViews.Issue> issues, List<CaseCount> caseCounts, String project) {

    /** Evaluation's cap on the recurring issues of a period; the heat map shows at most these. */
    static final int MAX_ISSUES = 50;

    public record CaseCount(String departmentCode, long open, long overdue) {

        public long onTime() {
            return Math.max(0, open - overdue);
        }
    }

    static DashboardFigures of(ReportPeriod period, String project, String department,
                               EvaluationViews.Board<EvaluationViews.AgentRow> agentBoard,
                               EvaluationViews.Board<EvaluationViews.DepartmentRow> departmentBoard,
                               EvaluationViews.Hotlines hotlines, EvaluationViews.RecurringIssues recurring,
                               List<CaseCount> caseCounts) {
        List<EvaluationViews.AgentRow> agents = agentBoard == null ? List.of() : agentBoard.rows().stream()
                .filter(r -> r.kpis() != null).sorted(Comparator.comparing(EvaluationViews.AgentRow::agentId))
                .toList();
        long phone = agents.stream().mapToLong(r -> r.kpis().phoneCalls()).sum();
        long visits = agents.stream().mapToLong(r -> r.kpis().visits()).sum();
        List<EvaluationViews.DepartmentRow> departments = departmentBoard == null ? List.of()
                : departmentBoard.rows().stream()
                .filter(r -> r.kpis() != null && (department == null || department.equals(r.departmentCode())))
                .sorted(Comparator.comparing(EvaluationViews.DepartmentRow::departmentCode)).toList();
        List<EvaluationViews.Issue> issues = recurring == null ? List.of() : recurring.topIssues().stream()
                .filter(i -> project == null || project.equals(i.projectCode())).toList();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        issues.stream().sorted(Comparator.comparingLong(EvaluationViews.Issue::contacts).reversed())
                .forEach(i -> byCategory.merge(i.category(), i.contacts(), Long::sum));
        return new DashboardFigures(period, phone, visits, byCategory, agents, departments,
                hotlines == null ? List.of() : hotlines.hotlines(), issues, caseCounts, project);
    }

    /** Each chart's data as JSON, by the chart's id in the page. */
    Map<String, String> charts(JsonMapper json, MessageSource messages, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("channels", json.writeValueAsString(bar(
                List.of(text(messages, locale, "channel.PHONE"), text(messages, locale, "channel.VISIT")), false,
                series(text(messages, locale, "dashboard.contacts"), List.of(phoneContacts, visitContacts),
                        List.of(contactsLink(project, null, "PHONE"), contactsLink(project, null, "VISIT"))))));
        List<String> categories = new ArrayList<>(contactsByCategory.keySet());
        charts.put("categories", json.writeValueAsString(bar(
                categories.stream().map(c -> text(messages, locale, "category." + c)).toList(), false,
                series(text(messages, locale, "dashboard.contacts"),
                        categories.stream().map(contactsByCategory::get).toList(),
                        categories.stream().map(c -> contactsLink(project, c, null)).toList()))));
        charts.put("serviceLevel", json.writeValueAsString(serviceLevel()));
        charts.put("agents", json.writeValueAsString(bar(agents.stream().map(EvaluationViews.AgentRow::agentId)
                        .toList(), true,
                series(text(messages, locale, "dashboard.threeRings"),
                        agents.stream().map(a -> a.kpis().answerWithinThreeRingsRate()).toList(),
                        agents.stream().map(a -> agentLink(a.agentId())).toList()),
                series(text(messages, locale, "dashboard.fcr"),
                        agents.stream().map(a -> a.kpis().firstContactResolutionRate()).toList(),
                        agents.stream().map(a -> agentLink(a.agentId())).toList()))));
        List<String> departmentLabels = departments.stream()
                .map(d -> text(messages, locale, "department." + d.departmentCode())).toList();
        List<String> overdueLinks = departments.stream().map(d -> casesLink(d.departmentCode(), true)).toList();
        charts.put("sla", json.writeValueAsString(bar(departmentLabels, true,
                series(text(messages, locale, "dashboard.firstResponseCompliance"),
                        departments.stream().map(d -> d.kpis().firstResponseCompliance()).toList(), overdueLinks),
                series(text(messages, locale, "dashboard.resolutionCompliance"),
                        departments.stream().map(d -> d.kpis().resolutionCompliance()).toList(), overdueLinks))));
        charts.put("csat", json.writeValueAsString(bar(departmentLabels, true,
                series(text(messages, locale, "dashboard.csat"),
                        departments.stream().map(d -> d.kpis().csat()).toList(),
                        departments.stream().map(d -> casesLink(d.departmentCode(), false)).toList()))));
        Map<String, Object> open = series(text(messages, locale, "dashboard.openOnTime"),
                caseCounts.stream().map(CaseCount::onTime).toList(),
                caseCounts.stream().map(c -> casesLink(c.departmentCode(), false)).toList());
        open.put("stack", "cases");
        Map<String, Object> overdue = series(text(messages, locale, "dashboard.overdue"),
                caseCounts.stream().map(CaseCount::overdue).toList(),
                caseCounts.stream().map(c -> casesLink(c.departmentCode(), true)).toList());
        overdue.put("stack", "cases");
        charts.put("cases", json.writeValueAsString(bar(caseCounts.stream()
                .map(c -> text(messages, locale, "department." + c.departmentCode())).toList(), false, open, overdue)));
        charts.put("heatmap", json.writeValueAsString(heatMap(messages, locale)));
        return charts;
    }

    private Map<String, Object> serviceLevel() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (EvaluationViews.Hotline hotline : hotlines) {
            Map<Integer, Double> byHour = new LinkedHashMap<>();
            hotline.hours().forEach(h -> byHour.put(h.hour(), h.measures() == null ? null
                    : h.measures().serviceLevel()));
            series.add(series(hotline.hotline(), hours.stream().map(byHour::get).toList(), null));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "line");
        chart.put("percent", true);
        chart.put("categories", hours.stream().map(h -> "%02d:00".formatted(h)).toList());
        chart.put("series", series);
        return chart;
    }

    private Map<String, Object> heatMap(MessageSource messages, Locale locale) {
        List<String> categories = new ArrayList<>(new TreeSet<>(issues.stream()
                .map(EvaluationViews.Issue::category).toList()));
        List<String> projects = new ArrayList<>(new TreeSet<>(issues.stream()
                .map(EvaluationViews.Issue::projectCode).toList()));
        List<List<Object>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> proposals = new ArrayList<>();
        for (EvaluationViews.Issue issue : issues) {
            List<Object> cell = new ArrayList<>();
            cell.add(categories.indexOf(issue.category()));
            cell.add(projects.indexOf(issue.projectCode()));
            cell.add(issue.contacts());
            cell.add(issue.change());
            cells.add(cell);
            links.add(contactsLink(issue.projectCode(), issue.category(), null));
            proposals.add(proposalLink(issue.projectCode(), issue.category()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "heatmap");
        chart.put("categories", categories.stream().map(c -> text(messages, locale, "category." + c)).toList());
        chart.put("rows", projects);
        chart.put("cells", cells);
        chart.put("links", links);
        // a click on a cell opens its contacts; its proposal stays one click away in the cell's tooltip
        chart.put("proposalLinks", proposals);
        chart.put("proposalLabel", text(messages, locale, "dashboard.issueProposals"));
        chart.put("changeLabel", text(messages, locale, "dashboard.change"));
        return chart;
    }

    private static Map<String, Object> bar(List<String> categories, boolean percent,
                                           Map<String, Object>... series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("percent", percent);
        chart.put("categories", categories);
        chart.put("series", List.of(series));
        return chart;
    }

    private static Map<String, Object> series(String name, List<?> data, List<String> links) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", data);
        if (links != null) {
            series.put("links", links);
        }
        return series;
    }

    public String casesLink(String department, boolean overdue) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dashboard/cases")
                .queryParam("department", department);
        if (overdue) {
            uri.queryParam("overdue", true);
        }
        return uri.encode().build().toUriString();
    }

    public String agentLink(String agentId) {
        return UriComponentsBuilder.fromPath("/evaluations").queryParam("from", period.from())
                .queryParam("to", period.to()).fragment("agent-" + agentId).encode().build().toUriString();
    }

    /** The contacts behind a figure of the period: intake's list, masked, at /dashboard/contacts. */
    public String contactsLink(String project, String category, String channel) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dashboard/contacts")
                .queryParam("from", period.from()).queryParam("to", period.to());
        if (project != null) {
            uri.queryParam("project", project);
        }
        if (category != null) {
            uri.queryParam("category", category);
        }
        if (channel != null) {
            uri.queryParam("channel", channel);
        }
        return uri.encode().build().toUriString();
    }

    public String proposalLink(String project, String category) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/proposals");
        if (project != null) {
            uri.queryParam("projectCode", project);
        }
        return uri.queryParam("category", category).encode().build().toUriString() + "#new-proposal";
    }

    private static String text(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
