package com.caseflow.support.sample;

import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A service's chain built with ServiceSecurity, and the problem documents every service answers with. */
@SpringBootTest(classes = SampleService.class, properties = {"caseflow.http.max-body-size=1KB",
        // the audience the test provider's tokens name; a real service defaults to its application name
        "caseflow.security.audience=intake-service"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
class SampleServiceTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Autowired
    MockMvc mvc;

    @Test
    void whenNoTokenIsSentThen401ProblemAsksForABearerToken() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:unauthenticated"));
    }

    @Test
    void whenTheRoleMayCallThenTheStaffComesFromTheToken() throws Exception {
        mvc.perform(as(get("/api/v1/me"), IDP.departmentToken("D-ENG-01", "ENGINEERING")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:forbidden"));
        mvc.perform(as(get("/api/v1/me"), IDP.token("A001", Roles.AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staffId").value("A001"))
                .andExpect(jsonPath("$.roles[0]").value(Roles.AGENT));
    }

    @Test
    void whenAPathIsNotInTheMatrixThenItIsDeniedToEveryRole() throws Exception {
        mvc.perform(as(get("/api/v1/elsewhere"), IDP.token("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isForbidden());
    }

    @Test
    void whenATokenIsForgedThen401() throws Exception {
        mvc.perform(as(get("/api/v1/me"), IDP.tamperedToken("A001")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void whenHealthIsAskedWithoutATokenThenMongoIsPingedAndUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void whenTheServiceRefusesARequestThenTheProblemCarriesItsStatusAndType() throws Exception {
        mvc.perform(as(post("/api/v1/things"), IDP.token("ADMIN01", Roles.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"lift\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:conflict"))
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.detail").value("thing lift exists already"))
                .andExpect(jsonPath("$.instance").value("/api/v1/things"));
    }

    @Test
    void whenAFieldIsInvalidThen400NamesIt() throws Exception {
        mvc.perform(as(post("/api/v1/things"), IDP.token("ADMIN01", Roles.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void whenTheBodyIsLargerThanTheLimitThen413BeforeItIsRead() throws Exception {
        mvc.perform(as(post("/api/v1/things"), IDP.token("ADMIN01", Roles.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "x".repeat(2048) + "\"}"))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:body-too-large"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
