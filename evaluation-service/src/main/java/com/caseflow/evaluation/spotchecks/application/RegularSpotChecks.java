package com.caseflow.evaluation.spotchecks.application;

import com.caseflow.support.logging.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Regular checks (定期检查): a REGULAR sample of the previous Monday–Sunday, K per agent. Its id is the ISO week, so
 * the draw is tried every day (default 06:00, Asia/Shanghai) and once after a start, and happens once: a Monday
 * missed while the store was away or the service down is drawn on the next try, two instances or a restart never
 * draw a week twice. Switched off by {@code caseflow.evaluation.spot-checks.schedule.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "caseflow.evaluation.spot-checks.schedule", name = "enabled", havingValue = "true",
        matchIfMissing = true)
class RegularSpotChecks {

    private static final Logger log = LoggerFactory.getLogger(RegularSpotChecks.class);

    private final Samples samples;
    private final SpotCheckProperties properties;
    private final Clock clock;
    /** A draw that meets the store away is one line naming the cause. */
    private final OutageLog storeOutage;

    RegularSpotChecks(Samples samples, SpotCheckProperties properties, Clock clock) {
        this.samples = samples;
        this.properties = properties;
        this.clock = clock;
        this.storeOutage = new OutageLog(log, "Regular spot-check sample", clock);
    }

    @Scheduled(cron = "${caseflow.evaluation.spot-checks.schedule.cron:0 0 6 * * *}",
            zone = "${caseflow.evaluation.spot-checks.schedule.zone:Asia/Shanghai}")
    @Scheduled(initialDelayString = "${caseflow.evaluation.schedule.catch-up-after:10m}", fixedDelay = Long.MAX_VALUE)
    void draw() {
        LocalDate today = clock.instant().atZone(properties.schedule().zone()).toLocalDate();
        try {
            samples.drawRegular(today, properties.schedule().perAgent()).ifPresentOrElse(
                    s -> log.info("Regular spot-check sample {} drawn: {} contacts of {}–{}", s.id(),
                            s.items().size(), s.from(), s.to()),
                    () -> log.debug("Regular spot-check sample of the week before {} was drawn already", today));
            storeOutage.succeeded();
        } catch (RuntimeException e) {
            // the store may be away: the next day's try draws the week, its id keeps it to one sample
            if (!storeOutage.storeFailed(e)) {
                log.error("Regular spot-check sample not drawn", e);
            }
        }
    }
}
