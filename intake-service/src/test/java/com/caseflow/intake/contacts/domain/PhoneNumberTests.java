package com.caseflow.intake.contacts.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

    @ParameterizedTest(name = "{0} is a {2}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13812345678          | 13812345678      | MOBILE
            138 1234 5678        | 13812345678      | MOBILE
            138-1234-5678        | 13812345678      | MOBILE
            +86 138 1234 5678    | 13812345678      | MOBILE
            008619912345678      | 19912345678      | MOBILE
            021-58881234         | 021-58881234     | LANDLINE
            (021) 5888 1234      | 021-58881234     | LANDLINE
            02158881234          | 021-58881234     | LANDLINE
            010-65001234         | 010-65001234     | LANDLINE
            0571-88886666        | 0571-88886666    | LANDLINE
            0757-2288123         | 0757-2288123     | LANDLINE
            +86 21 5888 1234     | 021-58881234     | LANDLINE
            021-58881234转801    | 021-58881234-801 | LANDLINE
            021-58881234-801     | 021-58881234-801 | LANDLINE
            400-820-8820         | 400-820-8820     | SERVICE_LINE
            4008208820           | 400-820-8820     | SERVICE_LINE
            400 820 8820         | 400-820-8820     | SERVICE_LINE
            800-810-8888         | 800-810-8888     | SERVICE_LINE
            """)
    void whenAChineseNumberIsTypedInAnyCommonFormThenItIsNormalised(String typed, String normalised,
                                                                    PhoneNumber.Kind kind) {
        assertThat(PhoneNumber.parse(typed)).contains(new PhoneNumber(normalised, kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12812345678", "1381234567", "138123456789", "021-1234567",
            "021-0888123", "0571-123456", "400-820-882", "abc", "电话号码", "1381234567８",
            "+1 415 555 0100", "99999999999999999999999999999999999"})
    void whenANumberIsNotAChineseMobileLandlineOrServiceLineThenItIsRejected(String typed) {
        assertThat(PhoneNumber.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678      | 138****5678
            021-58881234     | 021-****1234
            021-58881234-801 | 021-****1234
            400-820-8820     | 400-****8820
            """)
    void whenANumberIsShownOrLoggedThenItIsMasked(String number, String masked) {
        PhoneNumber phone = PhoneNumber.parse(number).orElseThrow();

        assertThat(phone.masked()).isEqualTo(masked);
        assertThat(phone.toString()).isEqualTo(masked);
    }
}
