package com.caseflow.evaluation.spotchecks.application;

import com.caseflow.evaluation.spotchecks.domain.SamplingPolicy;
import com.caseflow.evaluation.spotchecks.domain.Scorecard;
import com.caseflow.evaluation.spotchecks.domain.Stratum;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.List;

/**
 * {@code caseflow.evaluation.spot-checks}: the scorecard, how samples are stratified and when regular checks are
 * drawn. The scorecard's items are in application.yml; an invalid scorecard or policy stops the service at start-up.
 */
@ConfigurationProperties("caseflow.evaluation.spot-checks")
public record SpotCheckProperties(@DefaultValue ScorecardProperties scorecard, @DefaultValue Sampling sampling,
                                  @DefaultValue Schedule schedule) {

    /** @param version recorded with every check: change it whenever items or weights change */
    public record ScorecardProperties(String version, @DefaultValue("5") int maxRating, List<Item> items) {
    }

    /**
     * @param code     the item's key in a check's ratings (upper case)
     * @param label    as reviewers read it (Chinese)
     * @param critical rated 0, it zeroes the whole score
     */
    public record Item(String code, String label, double weight, boolean critical) {
    }

    /**
     * @param flaggedShare          share of each agent's K drawn from flagged contacts
     * @param strata                flagged strata, most important first (a contact's stratum is the first that applies)
     * @param lowSatisfactionAtMost callback satisfaction (1–5) at or below which a case counts as low satisfaction
     */
    public record Sampling(@DefaultValue("0.5") double flaggedShare,
                           @DefaultValue({"COMPLAINT", "LOW_SATISFACTION", "ESCALATED", "LONG_RUNNING", "SETTLED"})
                           List<Stratum> strata,
                           @DefaultValue("2") int lowSatisfactionAtMost) {
    }

    /**
     * @param enabled  draw regular samples on schedule (tests switch it off)
     * @param cron     Spring cron (second minute hour day month weekday), in {@code zone}; each run draws the last
     *                 full Monday–Sunday week before it
     * @param perAgent K of regular samples
     */
    public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 6 * * MON") String cron,
                           @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("3") int perAgent) {
    }

    public Scorecard toScorecard() {
        if (scorecard.items() == null) {
            throw new IllegalStateException("caseflow.evaluation.spot-checks.scorecard.items is not configured");
        }
        return new Scorecard(scorecard.version(), scorecard.maxRating(), scorecard.items().stream()
                .map(i -> new Scorecard.Item(i.code(), i.label(), i.weight(), i.critical())).toList());
    }

    public SamplingPolicy toPolicy() {
        return new SamplingPolicy(sampling.flaggedShare(), sampling.strata(), sampling.lowSatisfactionAtMost());
    }
}
