package com.caseflow.console.management;

import com.caseflow.console.services.EvaluationViews;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's day-by-day figures from evaluation's daily series ({@code GET /api/v1/reports/daily}): contacts per
 * day by channel and by category (stacked bars), the three-ring rate, the hotlines' service level and first-contact
 * resolution per day (lines), and the company's figures for the period. A click on a contacts bar opens that day's
 * contacts of the bar's channel or category (intake's list); a click on a rate opens the dashboard for that day alone,
 * with the same filters: its hours, agents and departments are the list behind the rate.
 *
 * @param department kept in the day's link, so the drill keeps the dashboard's filter
 */
public record DailyTrend(Daily daily, String project, String department) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Daily(LocalDate from, LocalDate to, String projectCode, boolean team, List<String> projectScoped,
                        List<Figures> days, Figures total) {

        public Daily {
            projectScoped = projectScoped == null ? List.of() : projectScoped;
            days = days == null ? List.of() : days;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(LocalDate day, Contacts contacts, Resolution firstContactResolution, ThreeRings threeRings,
                          EvaluationViews.CallMeasures hotlines, Cases cases) {
    }

    /** @param byCategory null for a supervisor's team (contacts are counted by project, not by team) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contacts(long total, Map<String, Long> byChannel, Map<String, Long> byCategory,
                           Long repeatContacts, Long incidentContacts) {

        public Contacts {
            byChannel = byChannel == null ? Map.of() : byChannel;
        }

        public long channel(String channel) {
            return byChannel.getOrDefault(channel, 0L);
        }

        public long category(String category) {
            return byCategory == null ? 0 : byCategory.getOrDefault(category, 0L);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolution(long settled, long contacts, Double rate) {
    }

    /** @param source MEASURED, SELF_REPORTED or MIXED (some agents measured, others as reported) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThreeRings(Double rate, long calls, long measuredCalls, long selfReportedCalls, String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cases(long routed, long resolved, Double firstResponseCompliance, Double resolutionCompliance) {
    }

    private static final List<String> CHANNELS = List.of("PHONE", "VISIT");

    /** The categories with any contact in the period, in evaluation's order: the stacked bars' series. */
    public List<String> categories() {
        Map<String, Long> total = daily.total() == null || daily.total().contacts() == null ? null
                : daily.total().contacts().byCategory();
        return total == null ? List.of() : total.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
    }

    public boolean byCategory() {
        return daily.total() != null && daily.total().contacts() != null
                && daily.total().contacts().byCategory() != null;
    }

    /** The dashboard for one day with the same filters. */
    public String dayLink(LocalDate day) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dashboard").queryParam("from", day)
                .queryParam("to", day);
        if (project != null) {
            uri.queryParam("project", project);
        }
        if (department != null) {
            uri.queryParam("department", department);
        }
        return uri.encode().build().toUriString();
    }

    /** The day's contacts with the same project filter, of one category or channel when given. */
    public String contactsLink(LocalDate day, String category, String channel) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dashboard/contacts").queryParam("from", day)
                .queryParam("to", day);
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

    /** Each chart's data as JSON for static/js/dashboard.js, by the chart's id in the page. */
    Map<String, String> charts(JsonMapper json, MessageSource messages, Locale locale) {
        List<String> days = daily.days().stream().map(f -> f.day().toString()).toList();
        List<String> links = daily.days().stream().map(f -> dayLink(f.day())).toList();
        Map<String, String> charts = new LinkedHashMap<>();
        List<Map<String, Object>> channels = new ArrayList<>();
        for (String channel : CHANNELS) {
            channels.add(stacked(text(messages, locale, "channel." + channel), "channels",
                    perDay(f -> f.contacts().channel(channel)),
                    daily.days().stream().map(f -> contactsLink(f.day(), null, channel)).toList()));
        }
        charts.put("dailyChannels", json.writeValueAsString(chart("bar", false, days, channels)));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String category : categories()) {
            categories.add(stacked(text(messages, locale, "category." + category), "categories",
                    perDay(f -> f.contacts().category(category)),
                    daily.days().stream().map(f -> contactsLink(f.day(), category, null)).toList()));
        }
        charts.put("dailyCategories", json.writeValueAsString(chart("bar", false,
                categories.isEmpty() ? List.of() : days, categories)));
        charts.put("dailyRates", json.writeValueAsString(chart("line", true, days, List.of(
                series(text(messages, locale, "dashboard.threeRings"), perDay(f -> f.threeRings().rate()), links),
                series(text(messages, locale, "dashboard.serviceLevel"), perDay(f -> f.hotlines().serviceLevel()),
                        links),
                series(text(messages, locale, "dashboard.fcr"), perDay(f -> f.firstContactResolution().rate()),
                        links)))));
        return charts;
    }

    private List<Object> perDay(Function<Figures, Object> value) {
        return daily.days().stream().map(value).toList();
    }

    private static Map<String, Object> chart(String kind, boolean percent, List<String> categories,
                                             List<Map<String, Object>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("percent", percent);
        chart.put("categories", categories);
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> stacked(String name, String stack, List<?> data, List<String> links) {
        Map<String, Object> series = series(name, data, links);
        series.put("stack", stack);
        return series;
    }

    private static Map<String, Object> series(String name, List<?> data, List<String> links) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", data);
        series.put("links", links);
        return series;
    }

    private static String text(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
