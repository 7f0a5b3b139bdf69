package com.caseflow.routing.classification.bench;

import com.caseflow.events.contact.Channel;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.RoutingRequest;
import com.caseflow.routing.classification.application.ClassifierConfiguration;
import com.caseflow.routing.classification.application.HanlpTextAnalyzer;
import com.caseflow.routing.classification.application.LexiconFile;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.classification.domain.Lexicon;
import com.caseflow.routing.rules.application.DemoRules;
import com.caseflow.routing.rules.domain.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): what segmentation costs routing. In a fresh
 * JVM, the start-up of the shipped classifier (lexicon, HanLP's dictionaries) step by step with the heap it takes,
 * then the time to classify and route each contact of the routing table, many times over. Run:
 * <pre>./mvnw -q -pl routing-service -am test -Dtest=ClassificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results are printed and written to {@code routing-service/target/benchmark-classification.txt}.
 */
class ClassificationBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2_000);
    private final List<String> lines = new ArrayList<>();

    @Test
    void classificationStartUpAndTimePerContact() throws Exception {
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        Lexicon lexicon = LexiconFile.read(new ClassPathResource("classification/lexicon.yml"));
        long t1 = System.nanoTime();
        HanlpTextAnalyzer analyzer = new HanlpTextAnalyzer(lexicon.vocabulary());
        long t2 = System.nanoTime();
        Classifier classifier = new Classifier(lexicon, analyzer);
        long t3 = System.nanoTime();
        classifier.classify(com.caseflow.events.contact.ContactCategory.REPAIR, null, "電梯困人，家里燃气漏气");
        long t4 = System.nanoTime();
        long heapAfter = usedHeap();
        say("cold start in a fresh JVM: %.0f ms in all — lexicon read (YAML, Jackson) %.0f ms, segmenter with the "
                        + "lexicon's words (HanLP's core and custom dictionaries) %.0f ms, classifier (pinyin and "
                        + "traditional-to-simplified dictionaries) %.0f ms, first contact %.0f ms; heap after GC %+.0f MB",
                ms(t4 - t0), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), (heapAfter - heapBefore) / 1e6);
        long w0 = System.nanoTime();
        ClassifierConfiguration.shipped();
        say("a second classifier in the same JVM (dictionaries loaded): %.0f ms", ms(System.nanoTime() - w0));

        List<RoutingRequest> contacts = table();
        RuleSet rules = DemoRules.firstVersion(Instant.EPOCH);
        int chars = contacts.stream().mapToInt(c -> c.matter().length()).sum();
        say("%d contacts of the routing table, %.0f characters on average, %d rounds after 200 rounds of warm-up",
                contacts.size(), (double) chars / contacts.size(), ROUNDS);
        for (int i = 0; i < 200; i++) {
            contacts.forEach(c -> ContactRouter.verdict(classifier, rules, c));
        }
        long[] classify = new long[contacts.size() * ROUNDS];
        long[] route = new long[contacts.size() * ROUNDS];
        int n = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (RoutingRequest c : contacts) {
                long a = System.nanoTime();
                classifier.classify(c.category(), c.callerType(), c.matter());
                classify[n++] = System.nanoTime() - a;
            }
        }
        n = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (RoutingRequest c : contacts) {
                long a = System.nanoTime();
                ContactRouter.verdict(classifier, rules, c);
                route[n++] = System.nanoTime() - a;
            }
        }
        report("classify (segment, match, decide)", classify);
        report("classify + rules (ContactRouter.verdict, what routing runs)", route);
        Files.write(Path.of("target", "benchmark-classification.txt"), lines);
    }

    private void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        say("%s per contact: mean %.0f µs, p50 %.0f µs, p99 %.0f µs, max %.1f ms", what,
                Arrays.stream(sorted).average().orElse(0) / 1e3, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e6);
    }

    private static List<RoutingRequest> table() throws Exception {
        List<RoutingRequest> contacts = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .get();
        try (Reader in = new InputStreamReader(ClassificationBenchmark.class
                .getResourceAsStream("/routing-table/contacts.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                contacts.add(new RoutingRequest(com.caseflow.events.contact.ContactCategory.valueOf(r.get("category")),
                        r.get("matter"), "SH-LJY", Channel.PHONE,
                        com.caseflow.events.contact.CallerType.valueOf(r.get("caller"))));
            }
        }
        return contacts;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println(line);
    }
}
