package com.caseflow.events.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one normal form of a customer's number: intake stores it, routing and others look customers up by it. */
class PhonesTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13812345678          | 13812345678
            +86 138 1234 5678    | 13812345678
            (021) 5888 1234      | 021-58881234
            +86 21 5888 1234     | 021-58881234
            0757-2288123         | 0757-2288123
            021-58881234转801    | 021-58881234-801
            4008208820           | 400-820-8820
            """)
    void whenANumberIsTypedInACommonFormThenItHasOneNormalForm(String typed, String normalised) {
        assertThat(Phones.normalised(typed)).contains(normalised);
        assertThat(Phones.normalised(normalised)).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12812345678", "021-1234567", "400-820-882", "电话号码", "+1 415 555 0100",
            "13812345678; drop", "99999999999999999999999999999999999"})
    void whenTextIsNotAChineseNumberThenItHasNoNormalForm(String typed) {
        assertThat(Phones.normalised(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678      | true  | false
            021-58881234-801 | false | false
            400-820-8820     | false | true
            """)
    void whenANormalisedNumberIsAskedItsKindThenItAnswers(String number, boolean mobile, boolean serviceLine) {
        assertThat(Phones.isMobile(number)).isEqualTo(mobile);
        assertThat(Phones.isServiceLine(number)).isEqualTo(serviceLine);
    }
}
