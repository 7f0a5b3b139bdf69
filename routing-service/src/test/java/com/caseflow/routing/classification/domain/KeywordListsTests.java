package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Priority;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordListsTests {

    private static final Lexicon FILE = new Lexicon(Set.of(), Map.of(),
            Map.of("法律", List.of("律师", "起诉"), "电梯", List.of("电梯")), List.of(new Lexicon.Benign(
                    List.of("电梯卡"), "卡")), List.of("没"), List.of("万一"),
            List.of(new Lexicon.Signal("legal", "律师", "legal", Priority.URGENT, null, List.of("法律"), List.of(),
                    Set.of(), Set.of(), null)));

    private static List<String> fields(KeywordLists lists) {
        return lists.violations(FILE.terms().keySet()).stream().map(KeywordLists.Violation::field).toList();
    }

    @Test
    void whenAWordIsEmptyRepeatedOrTooLongThenItsPlaceIsNamed() {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("法律", List.of("律师", " ", "Lawyer", "lawyer "));
        terms.put("电梯", List.of("电".repeat(31)));
        KeywordLists lists = new KeywordLists(terms, List.of("没", "没"), List.of(), List.of(
                new Lexicon.Benign(List.of("燃气费"), " "))).stripped();

        assertThat(fields(lists)).containsExactly("terms.法律[1]", "terms.法律[3]", "terms.电梯[0]", "negators[1]",
                "benign[0].why");
        assertThat(lists.violations(FILE.terms().keySet()).get(1).message()).isEqualTo(
                "duplicate of terms.法律[2] 'lawyer'");
    }

    @Test
    void whenATermIsMissingOrUnknownOrEmptyThenItIsNamed() {
        KeywordLists lists = new KeywordLists(Map.of("法律", List.of(), "鬼", List.of("闹鬼")), List.of(), List.of(),
                List.of());

        assertThat(fields(lists)).containsExactlyInAnyOrder("terms.电梯", "terms.法律", "terms.鬼");
    }

    @Test
    void whenListsAreLaidOverTheFileThenTheFileKeepsItsSignalsAndGivesWordsToTermsTheListsLack() {
        KeywordLists lists = new KeywordLists(Map.of("法律", List.of("律师", "律所")), List.of("没有"), List.of(),
                List.of());

        Lexicon lexicon = lists.over(FILE);

        assertThat(lexicon.terms()).containsEntry("法律", List.of("律师", "律所")).containsEntry("电梯", List.of("电梯"));
        assertThat(lexicon.negators()).containsExactly("没有");
        assertThat(lexicon.signals()).isEqualTo(FILE.signals());
        assertThat(lexicon.problems()).isEmpty();
        assertThat(KeywordLists.of(FILE).size()).isEqualTo(6);
    }
}
