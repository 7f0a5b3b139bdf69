package com.caseflow.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.caseflow.events.Topics.CONTACTS;

/**
 * The fault-injection suite: starts the stack with every service as its own process, drives calls and visits through
 * intake as authenticated agents, injects each fault of the plan while the load runs, and reconciles every accepted
 * contact at the end. Prints the table, writes it to a file, and exits 1 on any violation.
 *
 * <pre>./run --fault-suite [--quick] [--report=FILE]</pre>
 */
public final class FaultSuite {

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);
    static final List<String> STAFF = List.of("A001", "A002", "R002", "D-CS-01", "M001");

    /** Everything a fault can reach while it is injected. */
    record Run(Plan plan, Cluster cluster, Ledger ledger, Map<String, String> tokens, List<Poison.Sent> poison,
               List<Hostile.Result> hostile) {
    }

    /** What one fault did to the pipeline. */
    record Phase(Fault fault, long sent, long accepted, long rejected, long unknown, long worstLag,
                 Duration recovery) {
    }

    /** A finished run: its phases, the reconciliation and whether anything was wrong. */
    record Outcome(Plan plan, List<Phase> phases, Reconciliation.Findings findings, List<String> violations,
                   Duration took) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.full();
        Path report = Path.of(".local/fault-suite/report.md");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                plan = Plan.quick();
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                System.err.println("Usage: ./run --fault-suite [--quick] [--report=FILE]");
                System.exit(2);
            }
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
        LocalDate firstDay = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> violations = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        Ledger ledger = new Ledger();
        log.info("Starting the broker, the store and {} in {}", Cluster.SERVICES, work);
        try (Cluster cluster = new Cluster(root, work)) {
            // Ctrl-C must not leave a broker or a service behind.
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "fault-suite-stop"));
            cluster.start();
            Tokens signIn = new Tokens(cluster.identityUrl(), "caseflow-demo");
            Map<String, String> tokens = new LinkedHashMap<>();
            STAFF.forEach(staff -> tokens.put(staff, signIn.signIn(staff)));
            Run run = new Run(plan, cluster, ledger, tokens, new ArrayList<>(), new ArrayList<>());
            try (Topics topics = new Topics(cluster.kafkaBootstrap());
                 Load load = new Load(cluster, tokens, ledger, plan.perSecond())) {
                log.info("Stack ready in {} s; load of {} contacts/s", (System.nanoTime() - started) / 1_000_000_000,
                        plan.perSecond());
                load.start();
                for (Fault fault : plan.faults()) {
                    phases.add(phase(run, fault, load, topics, violations));
                }
                load.pause();
                load.drain();
                load.settleUnknown();
                if (!settled(ledger, topics, Duration.ofMinutes(3))) {
                    violations.add("the pipeline did not settle within 3 min after the last fault");
                }
                // Evaluation folds after routing: give its consumer the time the lag check cannot see (outboxes).
                Node.sleep(Duration.ofSeconds(5));
                settled(ledger, topics, Duration.ofMinutes(2));
                Reconciliation.Findings findings = new Reconciliation().reconcile(ledger, topics, cluster,
                        tokens.get("M001"), firstDay, run.poison(), run.hostile());
                violations.addAll(findings.violations());
                return new Outcome(plan, phases, findings, violations, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /**
     * One fault under load: warm-up, the fault (returns healed), load on for a while, then until settled. Recovery is
     * the time from healing until the lag of every group is 0 and every contact accepted 2 s earlier is on the topic.
     */
    private static Phase phase(Run run, Fault fault, Load load, Topics topics, List<String> violations)
            throws Exception {
        log.info("--- {}: {}", fault, fault.description());
        Ledger ledger = run.ledger();
        load.phase(fault.name());
        load.resume();
        AtomicLong worstLag = new AtomicLong();
        AtomicLong healedAt = new AtomicLong();
        AtomicLong recoveredAt = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            long lag = Topics.total(topics.lag());
            worstLag.accumulateAndGet(lag, Math::max);
            if (healedAt.get() > 0 && recoveredAt.get() == 0 && lag == 0 && published(ledger, topics, 2_000)) {
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
            Node.await(run.plan().recoveryLimit(), () -> recoveredAt.get() > 0);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration recovery = recoveredAt.get() == 0 ? null : Duration.ofNanos(recoveredAt.get() - healedAt.get());
        if (recovery == null) {
            violations.add(fault + ": lag not back to 0 within " + run.plan().recoveryLimit().toSeconds() + " s");
        }
        settled(ledger, topics, Duration.ofMinutes(2));
        String name = fault.name();
        Phase phase = new Phase(fault, ledger.sent(name), ledger.count(name, Ledger.Outcome.ACCEPTED),
                ledger.count(name, Ledger.Outcome.REJECTED), ledger.count(name, Ledger.Outcome.UNKNOWN),
                Math.max(worstLag.get(), 0), recovery);
        log.info("{}: {} sent, {} accepted, worst lag {}, recovered in {}", fault, phase.sent(), phase.accepted(),
                phase.worstLag(), recovery == null ? "—" : recovery.toMillis() / 1000.0 + " s");
        return phase;
    }

    /** Lag 0 in every group and every accepted contact published, within the wait. */
    private static boolean settled(Ledger ledger, Topics topics, Duration wait) {
        return Node.await(wait, () -> Topics.total(topics.lag()) == 0 && published(ledger, topics, 0));
    }

    /** Every contact accepted at least {@code olderThanMillis} ago is on the contacts topic. */
    private static boolean published(Ledger ledger, Topics topics, long olderThanMillis) {
        long before = System.currentTimeMillis() - olderThanMillis;
        Set<String> onTopic = new HashSet<>();
        topics.of(CONTACTS).forEach(r -> onTopic.add(r.key()));
        return ledger.with(Ledger.Outcome.ACCEPTED).stream()
                .filter(r -> r.acceptedAtMillis <= before)
                .allMatch(r -> onTopic.contains(r.contactId));
    }

    private FaultSuite() {
    }
}
