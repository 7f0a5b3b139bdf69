package com.caseflow.routing.classification;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.cases.application.RoutingRequest;
import com.caseflow.routing.classification.application.ClassifierConfiguration;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.rules.application.DemoRules;
import com.caseflow.routing.rules.domain.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing table a hotline supervisor reviews ({@code routing-table/contacts.csv}): realistic contacts as callers
 * say them, each with the department and the priority the supervisor expects. The shipped defaults — the demo rules
 * and the shipped lexicon — route each through the same code as a real contact ({@link ContactRouter#verdict}) and
 * must get at least 95 % right; every miss is printed with its reasons.
 * {@code -Drouting.table=other.csv} runs another table of the same columns instead (rows kept aside against
 * over-fitting are run that way, once, then join this table);
 * {@code -Drouting.table.verbose=true} prints every row with its reasons.
 */
class RoutingTableTests {

    private static final double REQUIRED = 0.95;
    private static Classifier classifier;
    private static RuleSet rules;

    record Row(long line, ContactCategory category, CallerType caller, String matter, String department, Priority min,
               Priority max, String why) {
    }

    @BeforeAll
    static void shippedDefaults() {
        classifier = ClassifierConfiguration.shipped();
        rules = DemoRules.firstVersion(Instant.EPOCH);
    }

    @Test
    void whenTheSupervisorsTableIsRoutedWithTheShippedDefaultsThenAtLeast95PercentLandRight() throws IOException {
        String table = System.getProperty("routing.table", "contacts.csv");
        List<Row> rows = rows("/routing-table/" + table);
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            ContactRouter.Verdict verdict = ContactRouter.verdict(classifier, rules,
                    new RoutingRequest(row.category(), row.matter(), "SH-LJY", Channel.PHONE, row.caller()));
            String department = verdict.decision().departmentCode();
            Priority priority = verdict.classification().priority();
            boolean right = department.equals(row.department()) && priority.compareTo(row.min()) >= 0
                    && (row.max() == null || priority.compareTo(row.max()) <= 0);
            if (Boolean.getBoolean("routing.table.verbose")) {
                System.out.println((right ? "ok   " : "MISS ") + row.line() + " 「" + row.matter() + "」 → " + department
                        + " " + priority + "\n    " + String.join("\n    ", verdict.reasons()));
            }
            if (!right) {
                misses.add("line " + row.line() + " " + row.category() + "/" + row.caller() + " 「" + row.matter()
                        + "」 (" + row.why() + ")\n    expected " + row.department() + " " + row.min()
                        + (row.max() == null ? "+" : row.max() == row.min() ? "" : "–" + row.max())
                        + ", got " + department + " " + priority + "\n    " + String.join("\n    ", verdict.reasons()));
            }
        }
        double score = 1.0 - (double) misses.size() / rows.size();
        System.out.printf("%nRouting table %s: %d of %d right (%.1f %%)%n", table, rows.size() - misses.size(),
                rows.size(), score * 100);
        misses.forEach(m -> System.out.println("MISS " + m));

        assertThat(rows).hasSizeGreaterThanOrEqualTo(table.equals("contacts.csv") ? 60 : 10);
        assertThat(score).as("share routed right; misses:%n%s", String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    static List<Row> rows(String resource) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader in = new InputStreamReader(RoutingTableTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                assertThat(r.size()).as("columns of line %d", r.getRecordNumber()).isEqualTo(7);
                rows.add(new Row(r.getRecordNumber(), ContactCategory.valueOf(r.get("category")),
                        CallerType.valueOf(r.get("caller")), r.get("matter"), r.get("department"),
                        Priority.valueOf(r.get("min")), r.get("max").isEmpty() ? null : Priority.valueOf(r.get("max")),
                        r.get("why")));
            }
        }
        return rows;
    }
}
