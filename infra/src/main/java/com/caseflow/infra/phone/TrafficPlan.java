package com.caseflow.infra.phone;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.caseflow.events.contact.Phones;

/**
 * What a traffic run is asked for.
 *
 * @param callsPerMinute the mean arrival rate (arrivals are a Poisson process)
 * @param abandonedShare the share of callers who hang up before an answer, 0 to 1
 * @param agents         the agents the calls ring at, each taking one call at a time
 * @param duration       how long calls keep arriving; null: until stopped
 * @param hotline        the hotline called, normalised
 * @param seed           the same seed gives the same calls (times, numbers, agents, outcomes); null: a random one
 */
public record TrafficPlan(double callsPerMinute, double abandonedShare, List<String> agents, Duration duration,
        String hotline, Long seed) {

    public static final double MAX_CALLS_PER_MINUTE = 600;
    /** How busy the agents may be at most: beyond it the queue grows without bound and no ring time means anything. */
    static final double MAX_OCCUPANCY = 0.8;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public TrafficPlan {
        agents = List.copyOf(agents);
    }

    /** Each bad field and what is wrong with it; empty for a plan that can run. */
    public static Map<String, String> problems(Double callsPerMinute, Double abandonedShare, List<String> agents,
            Double minutes, String hotline) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (callsPerMinute == null || !(callsPerMinute > 0) || callsPerMinute > MAX_CALLS_PER_MINUTE) {
            problems.put("callsPerMinute", "a number above 0 and at most " + (int) MAX_CALLS_PER_MINUTE);
        }
        if (abandonedShare == null || !(abandonedShare >= 0 && abandonedShare <= 1)) {
            problems.put("abandonedShare", "a number from 0 to 1, e.g. 0.1 for one call in ten");
        }
        if (agents == null || agents.isEmpty() || !agents.stream().allMatch(a -> a != null
                && AGENT_ID.matcher(a).matches()) || agents.stream().distinct().count() != agents.size()) {
            problems.put("agents", "one or more different agent ids, e.g. [\"A001\",\"A002\"]");
        } else if (callsPerMinute != null && !problems.containsKey("callsPerMinute")) {
            int needed = agentsNeeded(callsPerMinute);
            if (agents.size() < needed) {
                problems.put("agents", String.format("%s calls a minute need at least %d agents (each call rings "
                        + "and is talked for %.0f s at the least); give more agents or fewer calls",
                        java.math.BigDecimal.valueOf(callsPerMinute).stripTrailingZeros().toPlainString(),
                        needed, TrafficSchedule.SHORTEST_MEAN_HANDLING.toMillis() / 1000.0));
            }
        }
        if (minutes != null && !(minutes > 0 && minutes <= 24 * 60)) {
            problems.put("minutes", "a number above 0 and at most 1440, or none to run until stopped");
        }
        if (hotline != null && !Phones.normalised(hotline).isPresent()) {
            problems.put("hotline", "a phone number, e.g. 400-820-8820");
        }
        return problems;
    }

    static boolean isAgentId(String id) {
        return id != null && AGENT_ID.matcher(id).matches();
    }

    static int agentsNeeded(double callsPerMinute) {
        double seconds = TrafficSchedule.SHORTEST_MEAN_HANDLING.toMillis() / 1000.0;
        return (int) Math.ceil(callsPerMinute * seconds / 60 / MAX_OCCUPANCY);
    }
}
