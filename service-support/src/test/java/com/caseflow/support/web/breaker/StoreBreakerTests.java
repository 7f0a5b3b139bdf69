package com.caseflow.support.web.breaker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.MutableClock;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.web.ProblemHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The store's circuit breaker in front of a service's API, as every service gets it from service-support: what a
 * request counts as, when the store's retry gives up, and what stays outside (health, work that is not a request).
 */
@SpringBootTest(classes = StoreBreakerTests.Shelf.class, properties = {
        "caseflow.security.audience=intake-service",
        // the services' values (application.yml); a long open state so that it stays open while the test looks
        "resilience4j.circuitbreaker.instances.mongo.sliding-window-size=10",
        "resilience4j.circuitbreaker.instances.mongo.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.mongo.failure-rate-threshold=50",
        "resilience4j.circuitbreaker.instances.mongo.wait-duration-in-open-state=1h",
        "resilience4j.circuitbreaker.instances.mongo.permitted-number-of-calls-in-half-open-state=2",
        "resilience4j.retry.instances.mongo.max-attempts=3",
        "resilience4j.retry.instances.mongo.wait-duration=10ms",
        "resilience4j.retry.instances.mongo.retry-exceptions=org.springframework.dao.DataAccessResourceFailureException"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
class StoreBreakerTests {

    private static final String ADMIN = TestIdentityProvider.get().token("ADMIN01", Roles.ADMIN);

    @Autowired
    MockMvc mvc;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    Shelf.Store store;
    @Autowired
    MutableClock clock;

    private final Logger problems = (Logger) LoggerFactory.getLogger(ProblemHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheProblemHandlersLog() {
        logged.start();
        problems.addAppender(logged);
    }

    @AfterEach
    void closeTheBreaker() {
        problems.detachAppender(logged);
        breakers.circuitBreaker("mongo").reset();
        Shelf.Store.OPERATIONS.set(0);
    }

    @Test
    void whenRequestsMeetTheStoreAwayThenTheBreakerOpensAndLaterRequestsAreRefusedWithoutReachingTheStore()
            throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        for (int i = 0; i < 3; i++) {
            storeUnavailable(read("away"));
        }
        assertThat(Shelf.Store.OPERATIONS).as("each tried as often as the retry allows").hasValue(9);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        storeUnavailable(read("away"));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(Shelf.Store.OPERATIONS).as("not tried again once its failure opened the breaker").hasValue(10);

        for (int i = 0; i < 5; i++) {
            storeUnavailable(read("there"));
        }
        assertThat(Shelf.Store.OPERATIONS).as("refused before the handler ran").hasValue(10);
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(5);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("one call per request").isEqualTo(4);

        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).as("health is not behind it").isEqualTo(5);
    }

    @Test
    void whenRequestsEndInAClientMistakeOrSucceedThenTheyCountAsAStoreThatAnswers() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        for (int i = 0; i < 5; i++) {
            read("mistake").andExpect(status().isBadRequest());
        }
        read("there").andExpect(status().isOk());
        storeUnavailable(read("away"));

        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(6);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void whenTheStoreIsUsedOutsideARequestThenTheBreakerNeitherCountsNorStopsItsRetries() {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        breaker.transitionToOpenState();

        // as a consumer or the relay use the store: they wait out an outage their own way
        assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> store.read(true));

        assertThat(Shelf.Store.OPERATIONS).hasValue(3);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    @Test
    void whenManyRequestsMeetTheStoreAwayThenTheLogHasOneWarningASummaryAMinuteAndOneLineWhenItAnswersAgain()
            throws Exception {
        // whatever an earlier test left: the store answers
        read("there").andExpect(status().isOk());
        logged.list.clear();

        for (int i = 0; i < 4; i++) {
            storeUnavailable(read("away"));
        }
        for (int i = 0; i < 20; i++) {
            // refused by the open breaker, the same answer
            storeUnavailable(read("there"));
        }
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(line.getFormattedMessage()).startsWith("API requests: store unavailable "
                    + "(org.springframework.dao.DataAccessResourceFailureException: the store does not answer)");
        });

        clock.advance(Duration.ofSeconds(61));
        storeUnavailable(read("there"));
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(1).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(1).getFormattedMessage()).isEqualTo("API requests: store still unavailable "
                + "after 61 s, 23 more failure(s) not logged (io.github.resilience4j.circuitbreaker."
                + "CallNotPermittedException: CircuitBreaker 'mongo' is OPEN and does not permit further calls)");

        breakers.circuitBreaker("mongo").transitionToHalfOpenState();
        clock.advance(Duration.ofSeconds(30));
        read("there").andExpect(status().isOk());
        read("there").andExpect(status().isOk());
        assertThat(logged.list).hasSize(3);
        assertThat(logged.list.get(2).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.list.get(2).getFormattedMessage())
                .isEqualTo("API requests: store reachable again after 25 failure(s) / 91 s");
    }

    @Test
    void whenAHandlerFailsWithABugThenItIsAnErrorWithItsStackTraceEveryTime() throws Exception {
        read("there").andExpect(status().isOk());
        logged.list.clear();
        for (int i = 0; i < 2; i++) {
            read("bug").andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.title").value("Internal error"));
        }
        assertThat(logged.list).hasSize(2).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
            assertThat(line.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    private ResultActions read(String outcome) throws Exception {
        return mvc.perform(get("/api/v1/shelf/" + outcome).header("Authorization", "Bearer " + ADMIN));
    }

    private static void storeUnavailable(ResultActions answer) throws Exception {
        answer.andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:caseflow:problem:store-unavailable"))
                .andExpect(jsonPath("$.title").value("Service unavailable"));
    }

    /** A service with one store and one API: a shelf that is there, or away with its store. */
    @SpringBootApplication
    static class Shelf {

        @Bean
        SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
            return service.apply(http)
                    .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/shelf/*").hasRole(Roles.ADMIN)
                            .anyRequest().denyAll())
                    .build();
        }

        /** The outage log's time, moved by the tests. */
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        Store store() {
            return new Store();
        }

        static class Store {

            // static: the bean is a proxy (the retry), whose own fields are not the store's
            static final AtomicInteger OPERATIONS = new AtomicInteger();

            @Retry(name = "mongo")
            public String read(boolean away) {
                OPERATIONS.incrementAndGet();
                if (away) {
                    throw new DataAccessResourceFailureException("the store does not answer");
                }
                return "on the shelf";
            }
        }

        @RestController
        static class ShelfApi {

            private final Store store;

            ShelfApi(Store store) {
                this.store = store;
            }

            @GetMapping("/api/v1/shelf/{outcome}")
            String read(@PathVariable String outcome) {
                if (outcome.equals("bug")) {
                    throw new NullPointerException("a bug in the handler");
                }
                if (outcome.equals("mistake")) {
                    throw new InvalidRequestException(List.of(new FieldProblem("outcome", "is not a shelf")));
                }
                return store.read(outcome.equals("away"));
            }
        }
    }
}
