package com.caseflow.routing.classification.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.classification.domain.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A supervisor's lexicon file: read as written, and refused at start-up with the place of any mistake. */
class LexiconFileTests {

    private static ByteArrayResource yaml(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test lexicon");
    }

    @Test
    void whenTheShippedLexiconIsReadThenEverySignalNamesKnownTermsAndRulesHaveTopicsToName() {
        Lexicon shipped = LexiconFile.read(new DefaultResourceLoader()
                .getResource(ClassifierConfiguration.SHIPPED_LEXICON));

        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.topics()).contains("lift", "fire", "gas", "electric", "falling-object", "structure",
                "flooding", "injury", "exposure", "legal", "handover", "title", "sales", "defect", "property",
                "finance");
    }

    @Test
    void whenASupervisorPointsRoutingAtTheirOwnFileThenItsWordsDecide(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("lexicon.yml");
        Files.writeString(own, """
                base-priority: {COMPLAINT: HIGH}
                terms:
                  水表: [水表, 水錶]
                  倒转: [倒转, 倒着走]
                signals:
                  - {id: meter-backwards, label: 水表倒转, topic: property, priority: URGENT, all: [水表, 倒转]}
                """);

        Classifier classifier = ClassifierConfiguration.classifierFrom(
                new DefaultResourceLoader().getResource("file:" + own));

        assertThat(classifier.classify(ContactCategory.REPAIR, CallerType.OWNER, "家里水錶倒着走").priority())
                .isEqualTo(Priority.URGENT);
    }

    @Test
    void whenAKeyIsMisspeltOrASignalNamesAMissingTermThenTheFileIsRefusedNamingThePlace() {
        assertThatThrownBy(() -> LexiconFile.read(yaml("""
                terms:
                  燃气: [燃气]
                signals:
                  - {id: gas, label: 燃气, topic: gas, priority: URGENT, all: [燃气], unles: [燃气费]}
                """))).hasMessageContaining("test lexicon").hasMessageContaining("unles");
        assertThatThrownBy(() -> LexiconFile.read(yaml("""
                terms:
                  燃气: [燃气]
                signals:
                  - {id: gas, label: 燃气, topic: gas, priority: URGENT, all: [燃气, 泄露]}
                """))).hasMessageContaining("signals[0].all: no term '泄露'");
        assertThatThrownBy(() -> LexiconFile.read(yaml("""
                signals:
                  - {id: gas, label: 燃气, topic: gas, priority: VERY_URGENT, all: []}
                """))).hasMessageContaining("VERY_URGENT");
    }
}
