package com.caseflow.console.team;

import com.caseflow.console.services.SpotCheckViews;
import com.caseflow.console.services.Services;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervisor's team (我的团队): each agent's figures for the week just ended and their score over the last weeks,
 * from evaluation's agent board (which shows a supervisor their team's rows, ranked company-wide).
 */
@Controller
@RequestMapping("/team")
@PreAuthorize("hasRole('SUPERVISOR')")
class TeamController {

    static final int WEEKS = 4;

    private final Services services;
    private final Clock clock;

    TeamController(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** One agent: the latest week's row and the score of each week shown, oldest first (null: nothing counted). */
    record AgentTrend(String agentId, SpotCheckViews.AgentRow latest, List<Double> scores) {

        /** The score's change from the first week with a score to the latest, null without two of them. */
        public Double change() {
            int first = 0;
            while (first < scores.size() && scores.get(first) == null) {
                first++;
            }
            int last = scores.size() - 1;
            // one week with a score is no change: "—", not 0.0
            return first >= last || scores.get(last) == null ? null
                    : Math.round((scores.get(last) - scores.get(first)) * 10) / 10.0;
        }
    }

    /**
     * The four weeks ending with the given one (any day of it); by default the week just ended. This week may be
     * chosen too, so a supervisor sees today's checks count before the week is over.
     */
    @GetMapping
    String team(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                Model model) {
        LocalDate thisMonday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate chosen = week == null ? thisMonday.minusWeeks(1)
                : week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = chosen.isAfter(thisMonday) ? thisMonday : chosen;
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            mondays.add(lastMonday.minusWeeks(i));
        }
        List<SpotCheckViews.AgentBoard> boards = mondays.stream().map(this::board).toList();
        SpotCheckViews.AgentBoard latest = boards.get(boards.size() - 1);
        Map<String, AgentTrend> agents = new LinkedHashMap<>();
        for (SpotCheckViews.AgentRow row : latest.rows()) {
            agents.put(row.agentId(), null);
        }
        // an agent without contacts in the latest week still shows, with the weeks they had
        boards.forEach(b -> b.rows().forEach(r -> agents.putIfAbsent(r.agentId(), null)));
        List<AgentTrend> trends = new ArrayList<>();
        for (String agentId : agents.keySet()) {
            List<Double> scores = new ArrayList<>();
            SpotCheckViews.AgentRow latestRow = null;
            for (SpotCheckViews.AgentBoard board : boards) {
                SpotCheckViews.AgentRow row = board.rows().stream().filter(r -> r.agentId().equals(agentId))
                        .findFirst().orElse(null);
                scores.add(row == null ? null : row.score());
                latestRow = board == latest ? row : latestRow;
            }
            trends.add(new AgentTrend(agentId, latestRow, scores));
        }
        model.addAttribute("mondays", mondays);
        model.addAttribute("previousWeek", lastMonday.minusWeeks(1));
        model.addAttribute("nextWeek", lastMonday.isBefore(thisMonday) ? lastMonday.plusWeeks(1) : null);
        model.addAttribute("from", lastMonday);
        model.addAttribute("to", lastMonday.plusDays(6));
        model.addAttribute("trends", trends);
        model.addAttribute("contacts", latest.rows().stream().mapToLong(r -> r.kpis() == null ? 0
                : r.kpis().contacts()).sum());
        model.addAttribute("spotChecks", latest.rows().stream().mapToLong(r -> r.kpis() == null ? 0
                : r.kpis().spotChecks()).sum());
        model.addAttribute("averageScore", latest.rows().stream().map(SpotCheckViews.AgentRow::score)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average().stream()
                .map(a -> Math.round(a * 10) / 10.0).boxed().findFirst().orElse(null));
        return "team/team";
    }

    private SpotCheckViews.AgentBoard board(LocalDate monday) {
        return services.evaluation().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/reports/agents").queryParam("from", monday)
                        .queryParam("to", monday.plusDays(6)).build())
                .retrieve().body(SpotCheckViews.AgentBoard.class));
    }
}
