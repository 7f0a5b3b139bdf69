package com.caseflow.intake.contacts.web;

import com.caseflow.intake.contacts.application.ContactRecorder;
import com.caseflow.intake.contacts.application.CustomerHistory;
import com.caseflow.intake.security.SecurityConfiguration;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.security.StaffRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP edge of intake: what a client gets for bodies that never reach the recorder. */
// service-support lists its problem handler, body limit, token support and clock for @WebMvcTest slices
@WebMvcTest(ContactController.class)
@Import(SecurityConfiguration.class)
@TestPropertySource(properties = "caseflow.security.issuer=http://identity.test")
class ContactControllerTests {

    private static final RequestPostProcessor AGENT = jwt().jwt(j -> j.claim("staff_id", "A001"))
            .authorities(new SimpleGrantedAuthority("ROLE_AGENT"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ContactRecorder recorder;
    @MockitoBean
    CustomerHistory history;
    @MockitoBean
    StaffRateLimiter rateLimit;
    @MockitoBean
    com.caseflow.intake.contacts.application.FigureContacts figures;
    @MockitoBean
    com.caseflow.intake.calls.application.CallLog calls;

    @Test
    void whenTheBodyIsNotJsonThen400MalformedBodyProblem() throws Exception {
        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON).content("{\"matter\": \"漏水\","))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:malformed-body"))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(recorder);
    }

    @Test
    void whenTheStoreIsDownThen503TellsTheAgentToRetryWithTheSameKey() throws Exception {
        when(recorder.recordCall(any(), any(), any())).thenThrow(new DataAccessResourceFailureException("down"));

        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content(Fixtures.LEAK_CALL))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:store-unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("same Idempotency-Key")));
    }

    @Test
    void whenAFieldHasTheWrongTypeThen400NamesTheField() throws Exception {
        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"matter\":\"漏水\",\"settledOnCall\":\"也许\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settledOnCall"));
        verifyNoInteractions(recorder);
    }

    @Test
    void whenANumberDoesNotFitItsFieldThen400NamesTheField() throws Exception {
        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ringCount\":99999999999}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ringCount"));
        verifyNoInteractions(recorder);
    }

    @Test
    void whenTheBodySetsAServerOwnedFieldThen400NamesIt() throws Exception {
        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentId\":\"A999\",\"matter\":\"漏水\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agentId"));
        verifyNoInteractions(recorder);
    }

    @Test
    void whenTheMediaTypeIsNotJsonThen415Problem() throws Exception {
        mvc.perform(post("/api/v1/visits").with(AGENT).contentType(MediaType.TEXT_PLAIN).content("李娜 来访"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(recorder);
    }

    @Test
    void whenTheBodyIsLargerThanTheLimitThen413Problem() throws Exception {
        String huge = "{\"matter\":\"" + "漏".repeat(40_000) + "\"}";

        mvc.perform(post("/api/v1/calls").with(AGENT).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:body-too-large"));
        verify(recorder, never()).recordCall(any(), any(), any());
    }

    @Test
    void whenHistoryIsPagedTooDeepThen400NamesThePage() throws Exception {
        mvc.perform(get("/api/v1/contacts").with(AGENT).param("phone", "13812345678")
                        .param("page", "30000000").param("size", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(history);
    }

    @Test
    void whenHistoryIsAskedWithoutPhoneAndWithAHugePageThen400NamesBoth() throws Exception {
        mvc.perform(get("/api/v1/contacts").with(AGENT).param("size", "5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("phone", "size")));
        verifyNoInteractions(history);
    }
}
