package com.caseflow.evaluation.bench;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import com.caseflow.evaluation.aggregates.persistence.AgentDayDocument;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.aggregates.persistence.DepartmentDayDocument;
import com.caseflow.evaluation.aggregates.persistence.HotlineHourDocument;
import com.caseflow.evaluation.aggregates.persistence.ProjectDayDocument;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The evaluation benchmark's data set: a month of contacts by agents {@code BM-A0000…}, drawn from a seed (the same
 * seed, the same month), with five spot-checks per agent. {@link MonthlyReportBenchmark} sends some of the contacts
 * through the broker and adds the rest with {@link #add}; the dashboard benchmark (system-tests) loads whole months
 * with {@link #load}, into a running evaluation-service ({@link SeededEvaluationService}). Only the main class path:
 * it runs inside the service's jar.
 */
public final class MonthOfContacts {

    /** The month both benchmarks report on; the month before it is loaded too, for the change. */
    public static final LocalDate MONTH = LocalDate.parse("2024-11-01");
    public static final List<String> HOTLINES = List.of("400-820-1000", "400-820-2000", "400-820-3000",
            "400-820-4000");
    public static final List<String> DEPARTMENTS = List.of("CUSTOMER_SERVICE", "ENGINEERING",
            "PROPERTY_MANAGEMENT", "SALES", "HANDOVER", "TITLE", "FINANCE", "LEGAL");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final LocalDate month;
    private final long seed;
    private final int contacts;
    private final int agents;

    public MonthOfContacts(LocalDate month, long seed, int contacts, int agents) {
        this.month = month;
        this.seed = seed;
        this.contacts = contacts;
        this.agents = agents;
    }

    /** The counters a month adds up to, keyed by document, before they are written. */
    public static final class Sums {
        final Map<String, AgentDay> agents = new HashMap<>();
        final Map<String, ProjectDay> projects = new HashMap<>();
        final Map<String, HotlineHour> hotlines = new HashMap<>();
        final Map<String, DepartmentDay> departments = new HashMap<>();

        public void agent(Folding.AgentDelta delta) {
            agents.merge(delta.agentId() + "|" + delta.day(), delta.add(), AgentDay::plus);
        }
    }

    /**
     * Draws the month: each contact in turn ({@code index, contact}) to {@code each}, then five spot-checks per agent
     * added to {@code sums}. The draws are those of the evaluation benchmark since it was written.
     */
    public void draw(Folding folding, Sums sums, BiConsumer<Integer, ContactReceived> each) {
        SplittableRandom random = new SplittableRandom(seed);
        int days = month.lengthOfMonth();
        for (int i = 0; i < contacts; i++) {
            String agent = agentId(random.nextInt(agents));
            LocalDate day = month.plusDays(random.nextInt(days));
            each.accept(i, contact(random, agent, day));
        }
        for (int a = 0; a < agents; a++) {
            String agent = agentId(a);
            for (int check = 0; check < 5; check++) {
                LocalDate day = month.plusDays(random.nextInt(days));
                boolean critical = random.nextInt(100) == 0;
                sums.agent(folding.spotCheck(new SpotCheckRecorded("bench." + agent + "." + check,
                        null, null, UUID.randomUUID().toString(), null, agent, day, "bench", Map.of(), 5,
                        critical ? List.of("PRIVACY") : List.of(), critical ? 0 : 60 + random.nextInt(41), null,
                        "S001", Instant.now())).agents().get(0));
            }
        }
    }

    /**
     * The whole month for every report the managers' dashboard reads: each contact folded for its agent and its
     * project (recurring issues); a phone contact also offered and answered on one of four hotlines (speed of answer
     * drawn); a contact not settled on the call opens a case in one of the eight departments, accepted, resolved and
     * most called back with a satisfaction score (drawn with a random of its own, so the agents' figures stay those of
     * the evaluation benchmark). Written as the service's consumer leaves its counter documents once every event is
     * settled — a document per day and one per month (hotlines: per hour of each) — but in bulk: event by event, through
     * the store's versioned writes, a month takes hours on a loaded 2-core machine.
     *
     * @return the contacts loaded
     */
    public long load(Folding folding, MongoTemplate mongo) {
        Sums sums = new Sums();
        SplittableRandom more = new SplittableRandom(seed * 31 + 1);
        draw(folding, sums, (i, contact) -> {
            Folding.Folded folded = folding.contact(contact);
            sums.agent(folded.agents().get(0));
            folded.projects().forEach(p -> sums.projects.merge(p.projectCode() + "|" + p.day(), p.add(),
                    ProjectDay::plus));
            if (contact.channel() == Channel.PHONE) {
                String hotline = HOTLINES.get(more.nextInt(HOTLINES.size()));
                Instant answered = contact.receivedAt();
                Instant offered = answered.minusSeconds(more.nextInt(100) < 85 ? more.nextInt(15) : 15
                        + more.nextInt(60));
                String callId = contact.contactId();
                hotline(sums, folding.offered(new CallOffered(callId, hotline, null, offered)));
                hotline(sums, folding.answeredOnHotline(new CallAnswered(callId, hotline, null,
                        contact.agentId(), offered, offered, answered)));
            }
            if (!contact.settledAtFirstContact()) {
                LocalDate day = contact.receivedAt().atZone(SHANGHAI).toLocalDate();
                String department = DEPARTMENTS.get(more.nextInt(DEPARTMENTS.size()));
                sums.departments.merge(department + "|" + day, aCase(more), DepartmentDay::plus);
            }
        });
        write(mongo, sums);
        return contacts;
    }

    private static void write(MongoTemplate mongo, Sums sums) {
        Map<String, AgentDayDocument> agentMonths = new HashMap<>();
        List<AgentDayDocument> agentDays = new ArrayList<>();
        sums.agents.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            agentDays.add(new AgentDayDocument(key, 0, parts[0], parts[1], sum, Map.of()));
            String month = month(parts[1]);
            agentMonths.merge(parts[0] + "|" + month, new AgentDayDocument(parts[0] + "|" + month, 0, parts[0], month,
                    sum, Map.of()), (a, b) -> new AgentDayDocument(a.id(), 0, a.agentId(), month,
                    a.counters().plus(b.counters()), Map.of()));
        });
        Map<String, DepartmentDayDocument> departmentMonths = new HashMap<>();
        List<DepartmentDayDocument> departmentDays = new ArrayList<>();
        sums.departments.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            departmentDays.add(new DepartmentDayDocument(key, 0, parts[0], parts[1], sum, Map.of()));
            String month = month(parts[1]);
            departmentMonths.merge(parts[0] + "|" + month, new DepartmentDayDocument(parts[0] + "|" + month, 0,
                    parts[0], month, sum, Map.of()), (a, b) -> new DepartmentDayDocument(a.id(), 0,
                    a.departmentCode(), month, a.counters().plus(b.counters()), Map.of()));
        });
        Map<String, HotlineHourDocument> hotlineMonths = new HashMap<>();
        List<HotlineHourDocument> hotlineHours = new ArrayList<>();
        sums.hotlines.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            int hour = Integer.parseInt(parts[2]);
            String hh = "%02d".formatted(hour);
            hotlineHours.add(new HotlineHourDocument(parts[0] + "|" + parts[1] + "|" + hh, 0, parts[0], parts[1],
                    hour, sum, Map.of()));
            String month = month(parts[1]);
            String id = parts[0] + "|" + month + "|" + hh;
            hotlineMonths.merge(id, new HotlineHourDocument(id, 0, parts[0], month, hour, sum, Map.of()),
                    (a, b) -> new HotlineHourDocument(id, 0, a.hotline(), month, hour,
                            a.counters().plus(b.counters()), Map.of()));
        });
        List<ProjectDayDocument> projectDays = new ArrayList<>();
        sums.projects.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            projectDays.add(new ProjectDayDocument(key, 0, parts[0], parts[1], sum, Map.of()));
        });
        insert(mongo, agentDays, AgentDayDocument.COLLECTION);
        insert(mongo, agentMonths.values(), "agent_months");
        insert(mongo, departmentDays, DepartmentDayDocument.COLLECTION);
        insert(mongo, departmentMonths.values(), "department_months");
        insert(mongo, hotlineHours, HotlineHourDocument.COLLECTION);
        insert(mongo, hotlineMonths.values(), "hotline_months");
        insert(mongo, projectDays, ProjectDayDocument.COLLECTION);
    }

    private static void insert(MongoTemplate mongo, Collection<?> documents, String collection) {
        List<?> all = new ArrayList<>(documents);
        for (int from = 0; from < all.size(); from += 1_000) {
            mongo.insert(all.subList(from, Math.min(all.size(), from + 1_000)), collection);
        }
    }

    private static String month(String day) {
        return YearMonth.from(LocalDate.parse(day)).toString();
    }

    /** Adds counters summed elsewhere (the agents' of {@link #draw}), marked folded as the consumer marks them. */
    public static void add(AggregateStore aggregates, Sums sums) {
        AtomicLong offsets = new AtomicLong();
        sums.agents.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            aggregates.addAgent(parts[0], LocalDate.parse(parts[1]),
                    SourcePosition.of("bench", 0, offsets.incrementAndGet()), sum);
            aggregates.markFolded("bench-" + key, Instant.now());
        });
    }

    private static void hotline(Sums sums, Folding.Folded folded) {
        folded.hotlines().forEach(h -> sums.hotlines.merge(h.hotline() + "|" + h.day() + "|" + h.hour(), h.add(),
                HotlineHour::plus));
    }

    /** A case's life in its department: routed, accepted (mostly in time), resolved, often called back. */
    private static DepartmentDay aCase(SplittableRandom random) {
        boolean acceptedOnTime = random.nextInt(100) < 90;
        boolean resolvedOnTime = random.nextInt(100) < 80;
        long minutes = 30 + random.nextInt(60 * 48);
        boolean reached = random.nextInt(100) < 70;
        int satisfaction = 1 + random.nextInt(5);
        return new DepartmentDay(1, 0, 0, 1, acceptedOnTime ? 1 : 0, 1, resolvedOnTime ? 1 : 0, minutes,
                Map.of(String.valueOf((minutes + 59) / 60), 1L), null, random.nextInt(100) < 3 ? 1 : 0,
                reached ? 1 : 0, reached ? satisfaction : 0, reached && satisfaction >= 4 ? 1 : 0,
                acceptedOnTime ? 0 : 1, resolvedOnTime ? 0 : 1);
    }

    public static String agentId(int agent) {
        return String.format(Locale.ROOT, "BM-A%04d", agent);
    }

    static ContactReceived contact(SplittableRandom random, String agent, LocalDate day) {
        Instant at = day.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(540))).atZone(SHANGHAI).toInstant();
        boolean phone = random.nextInt(100) < 80;
        return new ContactReceived(UUID.randomUUID().toString(), phone ? Channel.PHONE : Channel.VISIT, agent, at,
                null, null, phone ? 1 + random.nextInt(5) : null, phone ? random.nextInt(100) < 90 : null, true,
                phone ? null : at.minusSeconds(random.nextInt(120)), phone ? null : at, null, null, CallerType.OWNER,
                null, null, "P-" + random.nextInt(40), null, null, ContactCategory.values()[random.nextInt(10)],
                random.nextInt(100) < 60, random.nextInt(100) < 95);
    }
}
