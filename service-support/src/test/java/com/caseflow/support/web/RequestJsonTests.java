package com.caseflow.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestJsonTests {

    private static final JsonMapper BOOTS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonMapper STRICT = RequestJson.strict(BOOTS);

    enum Kind { A, B }

    record Inner(String name, int hours) {
    }

    record Body(String text, Integer count, int primitive, Long big, BigDecimal amount, Double ratio, Boolean flag,
                Kind kind, LocalDate day, Instant at, LocalTime time, List<String> names, Set<Kind> kinds,
                Map<String, String> labels, Map<Kind, Inner> byKind, Inner inner, List<Inner> inners,
                String[] array) {
    }

    @Test
    void whenEveryFieldHasItsDocumentedTypeThenTheBodyIsRead() {
        Body body = STRICT.readValue("""
                {"text":"<b>王</b>\\t第一行\\r\\n第二行 😀","count":5,"primitive":0,"big":12345678901,"amount":1,
                 "ratio":2,"flag":false,"kind":"B","day":"2026-11-01","at":"2026-11-01T01:00:00Z","time":"09:00",
                 "names":["甲",""],"kinds":["A"],"labels":{"键":"值"},"byKind":{"A":{"name":"x","hours":1}},
                 "inner":{"name":"y","hours":2},"inners":[],"array":["z"]}""", Body.class);

        assertThat(body.text()).isEqualTo("<b>王</b>\t第一行\r\n第二行 😀");
        assertThat(body.amount()).isEqualByComparingTo("1");
        assertThat(body.ratio()).isEqualTo(2.0);
        assertThat(body.day()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(body.time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(body.byKind().get(Kind.A).hours()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"text":13812345678}                 | text
            {"text":1.5}                         | text
            {"text":true}                        | text
            {"text":{}}                          | text
            {"text":["a"]}                       | text
            {"count":"5"}                        | count
            {"count":1.5}                        | count
            {"count":1.0}                        | count
            {"count":true}                       | count
            {"count":""}                         | count
            {"count":[1]}                        | count
            {"count":{}}                         | count
            {"primitive":null}                   | primitive
            {"big":"12"}                         | big
            {"amount":"1.5"}                     | amount
            {"amount":true}                      | amount
            {"ratio":"2"}                        | ratio
            {"flag":1}                           | flag
            {"flag":0}                           | flag
            {"flag":"true"}                      | flag
            {"flag":""}                          | flag
            {"kind":0}                           | kind
            {"kind":""}                          | kind
            {"kind":"C"}                         | kind
            {"kind":["A"]}                       | kind
            {"day":20261101}                     | day
            {"day":""}                           | day
            {"day":[2026,11,1]}                  | day
            {"at":1700000000}                    | at
            {"at":1700000000.5}                  | at
            {"time":32400}                       | time
            {"names":"甲"}                        | names
            {"names":[1]}                        | names[0]
            {"names":[{}]}                       | names[0]
            {"kinds":"A"}                        | kinds
            {"kinds":[0]}                        | kinds[0]
            {"labels":[]}                        | labels
            {"labels":{"k":1}}                   | labels.k
            {"byKind":{"0":{"name":"x","hours":1}}} | byKind
            {"byKind":{"A":""}}                  | byKind.A
            {"inner":""}                         | inner
            {"inner":"y"}                        | inner
            {"inner":[]}                         | inner
            {"inner":{"name":"y","hours":"2"}}   | inner.hours
            {"inners":{}}                        | inners
            {"inners":[{"name":"y","hours":2.5}]} | inners[0].hours
            {"array":"z"}                        | array
            """)
    void whenAFieldHasAnotherJsonTypeThenItIsRefusedByName(String json, String field) {
        assertThat(refusedField(json)).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"text":"王\\u0000小明"}               | text
            {"text":"\\u001b[31m"}                | text
            {"text":"a\\u007f"}                   | text
            {"text":"a\\u0085"}                   | text
            {"text":"\\u009f"}                    | text
            {"text":"\\ud800"}                    | text
            {"text":"\\udc00x"}                   | text
            {"text":"x\\ud83d"}                   | text
            {"names":["ok","\\u0000"]}            | names[1]
            {"labels":{"k":"\\u001b"}}            | labels.k
            {"labels":{"\\u0000":"v"}}            | labels
            {"inners":[{"name":"\\u0007","hours":1}]} | inners[0].name
            {"array":["\\u0085"]}                 | array[0]
            {"inner":{"name":"\\u0000","hours":1}} | inner.name
            """)
    void whenTextHoldsAControlCharacterThenItIsRefusedByName(String json, String field) {
        JacksonException refused = refusal(json.getBytes(StandardCharsets.UTF_8));
        assertThat(ProblemHandler.path(refused)).isEqualTo(field);
        assertThat(refused).isInstanceOf(RequestJson.ControlCharacterException.class);
    }

    @Test
    void whenControlCharactersArriveUnescapedThenTheyAreRefusedToo() {
        assertThat(ProblemHandler.path(refusal("{\"text\":\"a\u0085b\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("text");
        assertThat(ProblemHandler.path(refusal("{\"text\":\"a\u007fb\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("text");
        // a half surrogate pair encoded on its own (CESU-8), which strict UTF-8 does not allow
        byte[] cesu = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThat(refusal(cesu)).isNotNull();
        assertThat(refusal("{\"text\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void whenSomethingFollowsTheDocumentThenItIsRefused() {
        assertThat(refusal("{} {}".getBytes(StandardCharsets.UTF_8))).isNotNull();
        assertThat(refusal("{}]".getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void whenBootsMapperReadsThenItIsUnchanged() {
        // events and stored data keep being read as before: only requests are strict
        assertThat(BOOTS.readValue("{\"name\":138,\"hours\":\"5\"}", Inner.class)).isEqualTo(new Inner("138", 5));
        assertThat(BOOTS.readValue("{\"name\":\"a\\u0000\",\"hours\":1}", Inner.class).name()).isEqualTo("a\u0000");
        assertThat(STRICT.writeValueAsString(new Inner("<b>王</b>", 1)))
                .isEqualTo(BOOTS.writeValueAsString(new Inner("<b>王</b>", 1)))
                .contains("<b>王</b>");
    }

    private static String refusedField(String json) {
        return ProblemHandler.path(refusal(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JacksonException refusal(byte[] json) {
        JacksonException refused = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, Body.class));
        assertThat(refused).as(new String(json, StandardCharsets.UTF_8)).isNotNull();
        return refused;
    }
}
