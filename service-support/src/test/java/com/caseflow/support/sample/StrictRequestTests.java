package com.caseflow.support.sample;

import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every service reads requests the same strict way: wrong JSON types and control characters are named in a 400. */
@SpringBootTest(classes = SampleService.class, properties = {"caseflow.http.max-body-size=1KB",
        // the audience the test provider's tokens name; a real service defaults to its application name
        "caseflow.security.audience=intake-service"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
class StrictRequestTests {

    private static final String ADMIN = TestIdentityProvider.get().token("ADMIN01", Roles.ADMIN);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":13812345678}             | name     | must be text (a JSON string)
            {"count":"5"}                    | count    | must be a whole number (a JSON number without a fraction)
            {"count":1.5}                    | count    | must be a whole number (a JSON number without a fraction)
            {"urgent":1}                     | urgent   | must be true or false
            {"size":0}                       | size     | must be one of SMALL, LARGE
            {"size":"HUGE"}                  | size     | must be one of SMALL, LARGE
            {"due":20261127}                 | due      | must be a date or time as ISO-8601 text, e.g. 2026-11-27 or 2026-11-27T09:15:02+08:00
            {"tags":"a"}                     | tags     | must be a list (a JSON array)
            {"tags":[1]}                     | tags[0]  | must be text (a JSON string)
            {"labels":"a"}                   | labels   | must be an object (a JSON object with the documented fields)
            {"name":"王\\u0000小明"}           | name     | contains a control character or a broken character: only text, tabs and line breaks are accepted
            {"name":"\\u001b[2J"}             | name     | contains a control character or a broken character: only text, tabs and line breaks are accepted
            {"tags":["a","\\u0085"]}          | tags[1]  | contains a control character or a broken character: only text, tabs and line breaks are accepted
            {"labels":{"k":"\\ud800"}}        | labels.k | contains a control character or a broken character: only text, tabs and line breaks are accepted
            {"nickname":"a"}                 | nickname | is not accepted: the field is unknown or set by the server (ids, times of receipt, the member of staff, who is taken from the login)
            """)
    void whenABodyFieldIsOfAnotherTypeOrHoldsAControlCharacterThen400NamesIt(String body, String field,
                                                                                 String message) throws Exception {
        mvc.perform(admin(post("/api/v1/groups/north/things")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:invalid-request"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    @Test
    void whenAControlCharacterIsSentUnescapedThen400NamesTheField() throws Exception {
        byte[] raw = "{\"name\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(admin(post("/api/v1/groups/north/things")).contentType(MediaType.APPLICATION_JSON).content(raw))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void whenTheBodyIsNotJsonThen400MalformedBody() throws Exception {
        for (String body : new String[]{"", "{", "[]", "\"王\"", "{} {}", "{\"tags\":" + "[".repeat(400) + "]".repeat(400) + "}"}) {
            mvc.perform(admin(post("/api/v1/groups/north/things")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(startsWith("urn:caseflow:problem:")));
        }
    }

    @Test
    void whenMarkupIsSentThenItIsReadAndAnsweredAsTheTextItIs() throws Exception {
        mvc.perform(admin(post("/api/v1/groups/north/things")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"<b>王</b><script>alert(1)</script>\",\"tags\":[\"a\\tb\\r\\nc 😀\"]}"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<b>王</b><script>alert(1)</script>")))
                .andExpect(jsonPath("$.thing.name").value("<b>王</b><script>alert(1)</script>"))
                .andExpect(jsonPath("$.thing.tags[0]").value("a\tb\r\nc 😀"));
    }

    @Test
    void whenAQueryParameterOrPathVariableHoldsAControlCharacterThen400NamesEach() throws Exception {
        mvc.perform(admin(get("/api/v1/groups/{group}/things", "no\u001brth").queryParam("name", "王\u001b")
                        .queryParam("page", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:invalid-request"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'group')].message")
                        .value("contains a control character or a broken character: only text, tabs and line breaks are accepted"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
        mvc.perform(admin(get("/api/v1/groups/{group}/things", "北区").queryParam("name", "<王>\t小明")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group").value("北区"))
                .andExpect(jsonPath("$.name").value("<王>\t小明"));
    }

    @Test
    void whenTheServiceReadsEventsOrStoredJsonThenBootsMapperIsAsLenientAsBefore() {
        // only the server's JSON converter reads strictly: events already published keep being read
        SampleService.Thing thing = json.readValue("{\"name\":138,\"count\":\"5\",\"urgent\":1}",
                SampleService.Thing.class);
        assertThat(thing.name()).isEqualTo("138");
        assertThat(thing.count()).isEqualTo(5);
        assertThat(thing.urgent()).isTrue();
    }

    @Test
    void whenTheFirewallRefusesAnAddressThenTheAnswerIsAProblemDocumentToo() throws Exception {
        mvc.perform(admin(get("/api/v1/groups/{group}/things", "no\u0000rth")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:rejected-request"));
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN);
    }
}
