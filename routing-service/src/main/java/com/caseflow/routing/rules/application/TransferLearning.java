package com.caseflow.routing.rules.application;

import com.caseflow.events.EventTypes;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.rules.domain.RoutingRule;
import com.caseflow.routing.rules.domain.RuleSet;
import com.caseflow.routing.rules.persistence.TransferRecord;
import com.caseflow.routing.rules.persistence.TransferRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A transfer is a department correcting routing: each is counted against the rule (and version) that routed the
 * case and against the words behind it, with the department it went to. Managers read which rules are corrected
 * most, as suggestions with a draft rule to dry-run and publish — nothing here changes a rule.
 */
@Service
public class TransferLearning {

    private static final Logger log = LoggerFactory.getLogger(TransferLearning.class);
    private static final double KEYWORD_SHARE = 0.5;

    private final TransferRecords records;
    private final CaseStore cases;
    private final RuleBook rules;
    private final Clock clock;
    private final MeterRegistry meters;

    public TransferLearning(TransferRecords records, CaseStore cases, RuleBook rules, Clock clock,
                            MeterRegistry meters) {
        this.records = records;
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Counts the transfer the case has just taken (its latest step). A failure to count is logged and measured,
     * never the transfer's failure: the case has moved.
     */
    public void transferred(Case moved) {
        List<HistoryEntry> history = moved.history();
        if (history.size() < 2 || !EventTypes.CASE_TRANSFERRED.equals(history.get(history.size() - 1).type())) {
            return;
        }
        HistoryEntry transfer = history.get(history.size() - 1);
        TransferRecord record = new TransferRecord(TransferRecord.idOf(moved.id(), transfer.sequence()), moved.id(),
                transfer.sequence(), moved.ruleId(), moved.ruleVersion(), history.get(0).departmentCode(),
                history.get(history.size() - 2).departmentCode(), transfer.departmentCode(), moved.matchedKeywords(),
                moved.openedAt(), transfer.at());
        try {
            if (records.record(record)) {
                meters.counter("caseflow.routing.transfers", "rule", String.valueOf(moved.ruleId()),
                        "to", transfer.departmentCode()).increment();
            }
        } catch (DataAccessException e) {
            meters.counter("caseflow.routing.transfers.uncounted").increment();
            log.warn("Transfer {} of case {} not counted against rule {} v{}: {}", transfer.sequence(), moved.id(),
                    moved.ruleId(), moved.ruleVersion(), e.getMessage());
        }
    }

    /** Where cases went, and how many. */
    public record Destination(String departmentCode, long cases) {
    }

    /** A keyword behind a rule's cases: of its cases, how many were transferred, and where. */
    public record KeywordCorrection(String keyword, long routedCases, long transferredCases, double share,
                                    List<Destination> wentTo) {
    }

    /**
     * One rule's corrections.
     *
     * @param share        transferred cases / routed cases, of the cases routed in the window
     * @param transfers    transfers counted (a case moved twice counts twice here, once in transferredCases)
     * @param wentTo       where its transferred cases are now, most first
     * @param suggestion   what a manager may consider, in words; null while too few cases were transferred
     * @param draftRule    a rule to dry-run and, if it helps, publish before {@code insertBefore}; null if none
     */
    public record RuleCorrection(String ruleId, long ruleVersion, String description, String departmentCode,
                                 long routedCases, long transferredCases, double share, long transfers,
                                 List<Destination> wentTo, List<KeywordCorrection> keywords, String suggestion,
                                 RoutingRule draftRule, String insertBefore) {
    }

    public record Report(Instant since, Instant asOf, long currentVersion, List<RuleCorrection> rules) {
    }

    /** The rules whose cases were transferred, most corrected first, over the cases routed in the last days. */
    public Report report(int days, int minCases) {
        Instant asOf = clock.instant();
        Instant since = asOf.minus(Duration.ofDays(days));
        Map<String, List<TransferRecord>> byCase = records.ofCasesRoutedSince(since).stream()
                .collect(Collectors.groupingBy(TransferRecord::caseId, TreeMap::new, Collectors.toList()));
        Map<String, List<List<TransferRecord>>> byRule = new LinkedHashMap<>();
        byCase.values().forEach(transfers -> {
            TransferRecord first = transfers.get(0);
            byRule.computeIfAbsent(first.ruleId() + "\u0000" + first.ruleVersion(), k -> new ArrayList<>())
                    .add(transfers.stream().sorted(Comparator.comparingLong(TransferRecord::sequence)).toList());
        });
        Map<String, Long> routed = new HashMap<>();
        cases.routedByRule(since).forEach(c -> routed.put(c.ruleId() + "\u0000" + c.ruleVersion(), c.cases()));

        List<RuleCorrection> corrections = new ArrayList<>();
        byRule.forEach((key, transferredCases) -> corrections.add(correction(key, transferredCases,
                routed.getOrDefault(key, 0L), since, minCases)));
        corrections.sort(Comparator.comparingLong(RuleCorrection::transferredCases).reversed()
                .thenComparing(Comparator.comparingDouble(RuleCorrection::share).reversed()));
        return new Report(since, asOf, rules.current().version(), corrections);
    }

    private RuleCorrection correction(String key, List<List<TransferRecord>> transferredCases, long routedCount,
                                      Instant since, int minCases) {
        TransferRecord any = transferredCases.get(0).get(0);
        Optional<RoutingRule> rule = rules.version(any.ruleVersion()).flatMap(set -> set.rules().stream()
                .filter(r -> r.id().equals(any.ruleId())).findFirst());
        long transferred = transferredCases.size();
        long routedCases = Math.max(routedCount, transferred);
        List<Destination> wentTo = destinations(transferredCases);

        Map<String, Long> routedByKeyword = cases.routedByKeyword(any.ruleId(), any.ruleVersion(), since);
        Map<String, List<List<TransferRecord>>> byKeyword = new TreeMap<>();
        for (List<TransferRecord> c : transferredCases) {
            new LinkedHashSet<>(c.get(0).keywords() == null ? List.<String>of() : c.get(0).keywords())
                    .forEach(k -> byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
        }
        List<KeywordCorrection> keywords = new ArrayList<>();
        byKeyword.forEach((keyword, list) -> {
            long routedWith = Math.max(routedByKeyword.getOrDefault(keyword, 0L), list.size());
            keywords.add(new KeywordCorrection(keyword, routedWith, list.size(), share(list.size(), routedWith),
                    destinations(list)));
        });
        keywords.sort(Comparator.comparingLong(KeywordCorrection::transferredCases).reversed()
                .thenComparing(Comparator.comparingDouble(KeywordCorrection::share).reversed()));

        String suggestion = null;
        RoutingRule draft = null;
        String insertBefore = null;
        Destination top = wentTo.get(0);
        String ruleId = any.ruleId();
        String label = "规则 " + ruleId + " v" + any.ruleVersion();
        if (transferred >= minCases) {
            // a keyword worth a rule of its own is transferred clearly more often than the rule's cases overall
            double bar = Math.max(KEYWORD_SHARE, (1 + share(transferred, routedCases)) / 2);
            List<String> words = keywords.stream()
                    .filter(k -> k.share() >= bar && !k.wentTo().isEmpty()
                            && k.wentTo().get(0).departmentCode().equals(top.departmentCode()))
                    .map(KeywordCorrection::keyword).limit(5).toList();
            String pct = Math.round(share(transferred, routedCases) * 100) + "%";
            if (!words.isEmpty()) {
                draft = new RoutingRule(draftId(ruleId, top.departmentCode()),
                        "建议：" + String.join("、", words) + " → " + top.departmentCode() + "（由转交统计得出）",
                        rule.map(RoutingRule::categories).orElse(Set.of()),
                        rule.map(RoutingRule::complexities).orElse(Set.of()), Set.of(), Set.of(), words, null,
                        top.departmentCode(), rule.map(RoutingRule::callerTypes).orElse(Set.of()),
                        rule.map(RoutingRule::topics).orElse(Set.of()));
                insertBefore = RuleSet.DEFAULT_RULE.equals(ruleId) ? null : ruleId;
                suggestion = label + " 送出的 " + routedCases + " 件中有 " + transferred + " 件被转交（" + pct + "），"
                        + top.cases() + " 件转到 " + top.departmentCode() + "，多带有 " + String.join("、", words)
                        + "。可在" + (insertBefore == null ? "规则末尾" : "它之前") + "加入草拟的规则 " + draft.id()
                        + "，先试运行（dry run）再发布。";
            } else if (top.cases() * 2 > transferred && rule.isPresent()) {
                suggestion = label + " 送出的 " + routedCases + " 件中有 " + transferred + " 件被转交（" + pct + "），"
                        + top.cases() + " 件转到 " + top.departmentCode() + "，但没有共同的关键词：请复核该规则的条件或部门。";
            } else {
                suggestion = label + " 送出的 " + routedCases + " 件中有 " + transferred + " 件被转交（" + pct
                        + "），去向分散：请抽查这些案件。";
            }
        }
        return new RuleCorrection(ruleId, any.ruleVersion(), rule.map(RoutingRule::description).orElse(null),
                rule.map(RoutingRule::departmentCode).orElse(any.routedTo()), routedCases, transferred,
                share(transferred, routedCases), transferredCases.stream().mapToLong(List::size).sum(), wentTo,
                keywords, suggestion, draft, insertBefore);
    }

    /** Where each case is now: the department of its latest transfer. */
    private static List<Destination> destinations(List<List<TransferRecord>> transferredCases) {
        Map<String, Long> counts = transferredCases.stream()
                .map(c -> c.get(c.size() - 1).toDepartment())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> new Destination(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Destination::cases).reversed()).toList();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    private static String draftId(String ruleId, String department) {
        String id = (ruleId + "-to-" + department.toLowerCase(Locale.ROOT).replace('_', '-'));
        return id.length() <= 40 ? id : id.substring(0, 40);
    }
}
