package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.classification.application.HanlpTextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the classifier reads words in context, on a small lexicon written here so that each test shows one mechanism
 * (the shipped lexicon is judged by the routing table). The segmenter is the real one.
 */
class ClassifierTests {

    static final Lexicon LEXICON = new Lexicon(
            Set.of(ContactCategory.INQUIRY, ContactCategory.SUGGESTION),
            Map.of(ContactCategory.COMPLAINT, Priority.HIGH),
            Map.of("电梯", List.of("电梯", "轿厢"),
                    "被困", List.of("困", "困人", "关在", "卡在", "出不来"),
                    "燃气", List.of("燃气", "煤气"),
                    "泄漏", List.of("漏气", "味", "气味", "闻到"),
                    "受伤", List.of("受伤", "伤", "流血"),
                    "媒体", List.of("记者", "曝光", "12345"),
                    "交付", List.of("交房", "钥匙")),
            List.of(new Lexicon.Benign(List.of("燃气费", "电梯卡", "困难"), "缴费和卡")),
            List.of("没", "没有", "没人"),
            List.of("万一", "之前"),
            List.of(new Lexicon.Signal("lift-trapped", "有人被困电梯", "lift", Priority.URGENT, null,
                            List.of("电梯", "被困"), List.of(), Set.of(), Set.of(), null),
                    new Lexicon.Signal("gas-leak", "燃气泄漏", "gas", Priority.URGENT, null,
                            List.of("燃气", "泄漏"), List.of(), Set.of(), Set.of(), 8),
                    new Lexicon.Signal("injury", "有人受伤", "injury", Priority.URGENT, null,
                            List.of("受伤"), List.of(), Set.of(), Set.of(), null),
                    new Lexicon.Signal("media", "媒体曝光", "exposure", Priority.URGENT, null,
                            List.of("媒体"), List.of(), Set.of(), Set.of(), null),
                    new Lexicon.Signal("handover", "交房", "handover", null, null,
                            List.of("交付"), List.of(), Set.of(), Set.of(CallerType.OWNER), null),
                    new Lexicon.Signal("buyer-asks-delivery", "意向客户问交房", "sales", null, true,
                            List.of("交付"), List.of(), Set.of(ContactCategory.INQUIRY),
                            Set.of(CallerType.PROSPECTIVE_BUYER), null)));

    private static final Classifier CLASSIFIER = new Classifier(LEXICON,
            new HanlpTextAnalyzer(LEXICON.vocabulary()));

    private static Classification classify(ContactCategory category, String matter) {
        return CLASSIFIER.classify(category, CallerType.OWNER, matter);
    }

    @ParameterizedTest(name = "「{1}」 → {2}")
    @CsvSource({
            "REPAIR,  电梯卡在两层中间 我妈关在里面出不来,  URGENT",
            "REPAIR,  电梯坏了,                              NORMAL",
            "INQUIRY, 厨房有股煤气味,                        URGENT",
            "INQUIRY, 燃气费在哪交,                          NORMAL",
            "INQUIRY, 燃气灶是哪个牌子的,                    NORMAL",
            "INQUIRY, 再不处理我就找记者曝光,                URGENT",
            "INQUIRY, 我的电话是13812345678,                 NORMAL",
            "INQUIRY, 我已经打了12345,                       URGENT",
            "COMPLAINT, 物业态度很差,                        HIGH"})
    void whenWordsOccurTogetherThenTheirSignalDecidesThePriority(ContactCategory category, String matter,
                                                                   Priority priority) {
        assertThat(classify(category, matter).priority()).isEqualTo(priority);
    }

    @Test
    void whenABenignPhraseContainsARiskWordThenTheWordIsCancelledAndTheReasonSaysSo() {
        Classification bill = classify(ContactCategory.INQUIRY, "这个月燃气费怎么这么贵，闻到什么味都没有");
        Classification card = classify(ContactCategory.INQUIRY, "电梯卡丢了，困难户能免费补吗");

        assertThat(bill.priority()).isEqualTo(Priority.NORMAL);
        assertThat(bill.reasons()).contains("benign: 燃气费 cancels 燃气 (缴费和卡)");
        assertThat(card.priority()).isEqualTo(Priority.NORMAL);
        assertThat(card.findings()).isEmpty();
    }

    @Test
    void whenARiskWordReadsAcrossABenignPhraseThenTheDangerousReadingWins() {
        Classification stuck = classify(ContactCategory.REPAIR, "电梯卡在十二楼了");

        assertThat(stuck.priority()).isEqualTo(Priority.URGENT);
        assertThat(stuck.reasons()).contains("not benign: 卡在 reads across 电梯卡");
    }

    @Test
    void whenADangerIsNegatedOrItsWordsAreFarApartThenItDoesNotCount() {
        Classification nobodyHurt = classify(ContactCategory.INQUIRY, "还好没人受伤");
        Classification hurt = classify(ContactCategory.INQUIRY, "小孩摔倒流血了");
        Classification noSmell = classify(ContactCategory.INQUIRY, "燃气灶不好用，没闻到煤气味");
        Classification farApart = classify(ContactCategory.INQUIRY, "燃气灶是新换的。今天楼道里有股怪味");

        assertThat(nobodyHurt.priority()).isEqualTo(Priority.NORMAL);
        assertThat(nobodyHurt.reasons()).contains("negated: 没人 … 受伤");
        assertThat(hurt.priority()).isEqualTo(Priority.URGENT);
        assertThat(noSmell.priority()).isEqualTo(Priority.NORMAL);
        assertThat(farApart.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void whenADangerIsAWorryOrInThePastThenItIsOneStepLower() {
        Classification worry = classify(ContactCategory.SUGGESTION, "楼道堆满杂物，万一电梯困人怎么办");
        Classification past = classify(ContactCategory.INQUIRY, "之前电梯困人的事处理完了吗");
        Classification now = classify(ContactCategory.INQUIRY, "之前报过修，现在电梯又困人了");

        assertThat(worry.priority()).isEqualTo(Priority.HIGH);
        assertThat(worry.findings()).singleElement().satisfies(f -> assertThat(f.hedged()).isTrue());
        assertThat(past.priority()).isEqualTo(Priority.HIGH);
        assertThat(now.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void whenAOneCharacterWordIsPartOfAnotherWordThenItDoesNotCount() {
        assertThat(classify(ContactCategory.INQUIRY, "电梯里贴的通知看不懂，有困难").priority())
                .isEqualTo(Priority.NORMAL);
        assertThat(classify(ContactCategory.INQUIRY, "他很伤心，电梯的事一直没解决").findings()).isEmpty();
        assertThat(classify(ContactCategory.INQUIRY, "人困在电梯里").priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void whenARiskWordIsTypedWithASameSoundingCharacterThenItCountsUnlessTheTextIsOrdinary() {
        Classification typo = classify(ContactCategory.INQUIRY, "家里一股然气味");
        Classification ordinary = classify(ContactCategory.INQUIRY, "天然气的管子走哪里");

        assertThat(typo.priority()).isEqualTo(Priority.URGENT);
        assertThat(typo.reasons()).contains("typo: 然气 ≈ 燃气");
        assertThat(ordinary.priority()).isEqualTo(Priority.NORMAL);
        assertThat(ordinary.reasons()).noneMatch(r -> r.startsWith("typo"));
    }

    @Test
    void whenTheCallerTypeDiffersThenTheSameWordsNameADifferentTopic() {
        Classification owner = CLASSIFIER.classify(ContactCategory.INQUIRY, CallerType.OWNER, "什么时候交房");
        Classification buyer = CLASSIFIER.classify(ContactCategory.INQUIRY, CallerType.PROSPECTIVE_BUYER,
                "什么时候交房");
        Classification unknown = CLASSIFIER.classify(ContactCategory.INQUIRY, null, "什么时候交房");

        assertThat(owner.topics()).containsExactly("handover");
        assertThat(owner.complexity()).isEqualTo(Complexity.GENERAL);
        assertThat(buyer.topics()).containsExactly("sales");
        assertThat(buyer.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(unknown.topics()).containsExactly("handover", "sales");
    }

    @Test
    void whenTheCategoryIsGeneralThenOnlyASignalMakesItComplex() {
        assertThat(classify(ContactCategory.INQUIRY, "售楼处几点开门").complexity()).isEqualTo(Complexity.GENERAL);
        assertThat(classify(ContactCategory.INQUIRY, "我要找记者").complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(classify(ContactCategory.REPAIR, "门把手松了").complexity()).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void whenSignalsFireThenTheReasonsNameEachWithItsWordsAndTheKeywordsAreCollected() {
        Classification result = classify(ContactCategory.COMPLAINT, "轿厢里关着人出不来，再不来我找记者");

        assertThat(result.priority()).isEqualTo(Priority.URGENT);
        assertThat(result.matchedKeywords()).containsExactly("轿厢", "出不来", "记者");
        assertThat(result.reasons()).containsExactly(
                "HIGH 类别 投诉 (COMPLAINT) 的起点",
                "URGENT 有人被困电梯 [lift-trapped]: 轿厢 + 出不来",
                "URGENT 媒体曝光 [media]: 记者");
    }

    @Test
    void whenTheMatterIsMissingOrTraditionalOrFullWidthThenItIsReadTheSame() {
        assertThat(classify(ContactCategory.REPAIR, null))
                .isEqualTo(new Classification(Complexity.COMPLEX, Priority.NORMAL, List.of(), List.of(), List.of()));
        assertThat(classify(ContactCategory.INQUIRY, "電梯裡有人出不來").priority()).isEqualTo(Priority.URGENT);
        assertThat(classify(ContactCategory.INQUIRY, "已经打了１２３４５").priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void whenALexiconNamesATermThatDoesNotExistThenItIsRefusedNamingThePlace() {
        Lexicon broken = new Lexicon(Set.of(), Map.of(), Map.of("燃气", List.of("燃气")), List.of(), List.of(),
                List.of(), List.of(new Lexicon.Signal("gas", "燃气", "gas", Priority.URGENT, null,
                List.of("燃气", "泄露"), List.of(), Set.of(), Set.of(), null)));

        assertThat(broken.problems()).containsExactly("signals[0].all: no term '泄露'");
        assertThatThrownBy(() -> new Classifier(broken, new HanlpTextAnalyzer(Set.of())))
                .hasMessageContaining("signals[0].all: no term '泄露'");
    }
}
