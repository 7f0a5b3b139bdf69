package com.caseflow.followup.sms.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTests {

    @ParameterizedTest
    @ValueSource(strings = {"2", " 2 ", "２", "　２　", "\t2\n"})
    void whenTheReplyIsADigitOneToFiveThenItIsThatScore(String text) {
        assertThat(Reply.of(text)).isEqualTo(new Reply(ReplyKind.SATISFACTION, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "5", "１", "５"})
    void whenTheReplyIsAnEndOfTheScaleThenItCounts(String text) {
        assertThat(Reply.of(text).kind()).isEqualTo(ReplyKind.SATISFACTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"退订", " 退订 ", "TD", "td", "Ｔ", "t", "ＴＤ"})
    void whenTheReplyIsAnOptOutThenItIsOne(String text) {
        assertThat(Reply.of(text).kind()).isEqualTo(ReplyKind.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "12", "2分", "满意", "退订吧", "", "   ", "TDD"})
    void whenTheReplyIsAnythingElseThenItIsOther(String text) {
        assertThat(Reply.of(text)).isEqualTo(new Reply(ReplyKind.OTHER, 0));
    }
}
