package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.caseflow.events.Topics.ALL;
import static com.caseflow.events.Topics.FOLLOWUPS;
import static com.caseflow.events.Topics.deadLetter;

/**
 * The fault-injection suite: starts the stack with every service as its own process, drives calls and visits through
 * intake as authenticated agents, injects each fault of the plan while the load runs, and reconciles every accepted
 * contact at the end. Prints the table, writes it to a file, and exits 1 on any violation.
 *
 * <pre>./run --fault-suite [--quick] [--faults=STORE_STOPPED,ZOMBIE] [--report=FILE]</pre>
 */
public final class FaultSuite {

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> STAFF = List.of("A001", "A002", "R002", "D-CS-01", "M001");

    /** Everything a fault can reach while it is injected, and what it found. */
    record Run(Plan plan, Cluster cluster, Ledger ledger, Map<String, String> tokens, BrokerView broker,
               NotificationWatch notifications, List<Poison.Sent> poison, List<Hostile.Result> hostile,
               Map<String, Long> figures, List<String> violations) {
    }

    /** What one fault did to the pipeline while it lasted. */
    record Phase(Fault fault, long sent, long accepted, long rejected, long unknown, long deadLettered,
                 long worstLag, Duration recovery, Duration limit) {
    }

    /** A finished run: its phases, the reconciliation and everything that was wrong. */
    record Outcome(Plan plan, List<Phase> phases, Reconciliation.Findings findings, List<String> violations,
                   Duration took) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.full();
        Path report = Path.of(".local/fault-suite/report.md");
        List<Fault> only = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                plan = Plan.quick();
            } else if (arg.startsWith("--faults=")) {
                try {
                    only = Arrays.stream(arg.substring("--faults=".length()).split(","))
                            .map(f -> Fault.valueOf(f.trim().toUpperCase(Locale.ROOT))).toList();
                } catch (IllegalArgumentException unknown) {
                    System.err.println("Faults are " + Arrays.toString(Fault.values()));
                    System.exit(2);
                }
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                System.err.println("Usage: ./run --fault-suite [--quick] [--faults=F1,F2] [--report=FILE]");
                System.exit(2);
            }
        }
        if (only != null) {
            plan = plan.only(only);
        }
        Outcome outcome = run(plan, Path.of("."), Path.of(".local/fault-suite/stack"));
        String table = Report.markdown(outcome);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + report);
        System.exit(outcome.passed() ? 0 : 1);
    }

    static Outcome run(Plan plan, Path root, Path work) throws Exception {
        long started = System.nanoTime();
        // The agents' report is asked from the business day of the first contact (visits arrive a minute early).
        LocalDate firstDay = ZonedDateTime.now(SHANGHAI).minusMinutes(10).toLocalDate();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        List<Phase> phases = new ArrayList<>();
        Ledger ledger = new Ledger();
        log.info("Starting the broker, the store and {} in {}", Cluster.SERVICES, work);
        try (Cluster cluster = new Cluster(root, work)) {
            // Ctrl-C must not leave a broker or a service behind.
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "fault-suite-stop"));
            cluster.start();
            Tokens signIn = new Tokens(cluster.identityUrl(), cluster.demoUsers());
            Map<String, String> tokens = new LinkedHashMap<>();
            STAFF.forEach(staff -> tokens.put(staff, signIn.signIn(staff)));
            try (BrokerView broker = new BrokerView(cluster.kafkaBootstrap());
                 NotificationWatch notifications = new NotificationWatch(cluster.notificationsUrl());
                 Stores stores = new Stores(cluster.mongoUri());
                 Load load = new Load(cluster, tokens, ledger, plan.perSecond())) {
                Run run = new Run(plan, cluster, ledger, tokens, broker, notifications, Collections.synchronizedList(
                        new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()), new ConcurrentHashMap<>(),
                        violations);
                log.info("Stack ready in {} s; load of {} contacts/s", (System.nanoTime() - started) / 1_000_000_000,
                        plan.perSecond());
                load.start();
                for (Fault fault : plan.faults()) {
                    phases.add(phase(run, fault, load, stores));
                }
                load.pause();
                load.drain();
                load.settleUnknown();
                if (!settled(run, stores, Duration.ofMinutes(3))) {
                    violations.add("the pipeline did not settle within 3 min after the last fault");
                }
                // Timers keep firing while the suite counts (reminders come due for hours): the count judges the
                // state at this moment. Barriers: every event stored by then is published (a timer's event is
                // stored with it), the suite's own view has read the topics to their end offsets after that, and the
                // gateway has had the time to receive the notification of every timer record on followups.
                Instant end = Instant.now();
                if (!Node.await(Duration.ofSeconds(60), () -> stores.unpublished() == 0)) {
                    violations.add("events stored before the count were not published within 60 s");
                }
                if (!broker.caughtUp(Duration.ofSeconds(60))) {
                    violations.add("the suite's view of the topics did not catch up with the broker within 60 s");
                }
                awaitNotifications(broker, notifications);
                run.figures().put("callback attempts recorded by the load", load.callbackAttempts());
                run.figures().put("of them dissatisfied (case reopened)", load.dissatisfied());
                Reconciliation.Findings findings = new Reconciliation().reconcile(run, stores, firstDay, end);
                violations.addAll(findings.violations());
                return new Outcome(plan, phases, findings, List.copyOf(violations),
                        Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /**
     * One fault under load: warm-up, the fault (returns healed), load on for a while, then paused until settled.
     * Recovery is the time from healing until the lag of every group is 0, every contact accepted 2 s earlier is on
     * the topic and no service has an event waiting in its outbox.
     */
    private static Phase phase(Run run, Fault fault, Load load, Stores stores) throws InterruptedException {
        log.info("--- {}: {}", fault, fault.description(run.plan()));
        Ledger ledger = run.ledger();
        long deadLettersBefore = deadLetters(run.broker());
        load.phase(fault.name());
        load.resume();
        AtomicLong worstLag = new AtomicLong();
        AtomicLong healedAt = new AtomicLong();
        AtomicLong recoveredAt = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<String, Long> lastBehind = new ConcurrentHashMap<>();
        sampler.scheduleWithFixedDelay(() -> {
            Map<String, Long> byGroup = run.broker().lag();
            long lag = BrokerView.total(byGroup);
            byGroup.forEach((group, behind) -> {
                if (behind > 0) {
                    lastBehind.put(group, System.nanoTime());
                }
            });
            worstLag.accumulateAndGet(lag, Math::max);
            if (healedAt.get() > 0 && recoveredAt.get() == 0 && lag == 0 && run.ledger().answered(2_000)
                    && published(run, 2_000) && stores.unpublished() == 0) {
                recoveredAt.set(System.nanoTime());
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        try {
            Node.sleep(run.plan().warmUp());
            fault.inject(run);
            healedAt.set(System.nanoTime());
            log.info("{} healed; waiting for lag 0", fault);
            Node.sleep(run.plan().afterHeal());
            load.pause();
            load.drain();
            Node.await(run.plan().wait(fault, worstLag.get()), () -> recoveredAt.get() > 0);
        } catch (Exception | AssertionError e) {
            log.error("{} could not be carried out", fault, e);
            run.violations().add(fault + " could not be carried out: " + e);
            healedAt.compareAndSet(0, System.nanoTime());
            load.pause();
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration recovery = recoveredAt.get() == 0 ? null : Duration.ofNanos(recoveredAt.get() - healedAt.get());
        Duration limit = run.plan().limit(fault, worstLag.get());
        if (recovery == null) {
            run.violations().add(fault + ": lag not back to 0 within " + run.plan().wait(fault, worstLag.get())
                    .toSeconds() + " s of the fault's end");
        } else if (recovery.compareTo(limit) > 0 && run.plan().limitsBinding()) {
            run.violations().add(fault + ": lag not back to 0 within " + limit.toSeconds() + " s of the fault's end");
        }
        if (!settled(run, stores, Duration.ofMinutes(2))) {
            run.violations().add(fault + ": the pipeline did not settle within 2 min");
        }
        if (fault == Fault.POISON) {
            DeadLetters.check(run);
        }
        String name = fault.name();
        Phase phase = new Phase(fault, ledger.sent(name), ledger.count(name, Ledger.Outcome.ACCEPTED),
                ledger.count(name, Ledger.Outcome.REJECTED), ledger.count(name, Ledger.Outcome.UNKNOWN),
                deadLetters(run.broker()) - deadLettersBefore, Math.max(worstLag.get(), 0), recovery, limit);
        log.info("{}: {} sent, {} accepted, worst lag {}, back to 0 after {}; each group last behind at {}", fault,
                phase.sent(), phase.accepted(), phase.worstLag(),
                recovery == null ? "—" : recovery.toMillis() / 1000.0 + " s",
                lastBehind.entrySet().stream().map(e -> e.getKey() + " +" + Math.max(0,
                        (e.getValue() - healedAt.get()) / 1_000_000_000) + " s").toList());
        return phase;
    }

    /** Until every reminder and escalation on followups has reached the gateway, at most 90 s (retries pause). */
    private static void awaitNotifications(BrokerView broker, NotificationWatch notifications) {
        Set<String> fired = new HashSet<>();
        for (BrokerView.Seen record : broker.of(FOLLOWUPS)) {
            if (record.key() == null || record.key().startsWith(Poison.PREFIX)) {
                continue;
            }
            JsonNode event = Reconciliation.JSON.readTree(record.value());
            String type = event.path("type").asString();
            if (type.equals(EventTypes.FOLLOW_UP_REMINDER_ISSUED)
                    || type.equals(EventTypes.CASE_ESCALATED)) {
                fired.add(event.path("eventId").asString());
            }
        }
        Node.await(Duration.ofSeconds(90), () -> notifications.delivered().keySet().containsAll(fired));
    }

    private static long deadLetters(BrokerView broker) {
        return ALL.stream().mapToLong(topic -> broker.of(deadLetter(topic)).size()).sum();
    }

    /** Every contact answered, lag 0 in every group, every accepted one published and every outbox empty. */
    private static boolean settled(Run run, Stores stores, Duration wait) {
        return Node.await(wait, () -> run.ledger().answered(0) && run.broker().totalLag() == 0 && published(run, 0)
                && stores.unpublished() == 0);
    }

    /** Every contact accepted at least {@code olderThanMillis} ago is on the contacts topic. */
    private static boolean published(Run run, long olderThanMillis) {
        long before = System.currentTimeMillis() - olderThanMillis;
        return run.ledger().with(Ledger.Outcome.ACCEPTED).stream()
                .filter(r -> r.acceptedAtMillis <= before)
                .allMatch(r -> run.broker().published(r.contactId));
    }

    private FaultSuite() {
    }
}
