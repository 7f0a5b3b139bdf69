package com.caseflow.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttle on a clock of the test's own: when locks start, what they refuse, when they end. */
class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties.Login(5, 20, Duration.ofMinutes(15)),
            clock, meters);
    private final AuthenticationProvider guarded = throttle.guard(new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication login) {
            if (!"right".equals(login.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null, java.util.List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    });

    @Test
    void fiveFailuresLockTheUserNameForFifteenMinutesEvenWithTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            refused("A001", "wrong", "10.0.0.1");
        }
        assertThat(login("A001", "right", "10.0.0.2")).as("four failures lock nothing").isNotNull();
        for (String spelling : new String[] {"A001", "a001", "A001 ", "a001", "A001"}) {
            refused(spelling, "wrong", "10.0.0.3");
        }

        refused("A001", "right", "10.0.0.9");
        clock.advance(Duration.ofMinutes(14));
        refused("A001", "right", "10.0.0.9");
        assertThat(login("A002", "right", "10.0.0.9")).as("another user").isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(login("A001", "right", "10.0.0.9")).as("after 15 minutes").isNotNull();
        assertThat(meters.counter("caseflow.identity.login.failures", "reason", "locked").count()).isEqualTo(2);
        assertThat(meters.counter("caseflow.identity.login.failures", "reason", "bad-credentials").count())
                .isEqualTo(9);
        assertThat(meters.counter("caseflow.identity.login.lockouts", "by", "user").count()).isEqualTo(1);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryUserName() {
        for (int i = 0; i < 20; i++) {
            refused("guess-" + i, "wrong", "192.0.2.7");
        }

        refused("A001", "right", "192.0.2.7");
        assertThat(login("A001", "right", "192.0.2.8")).as("from another address").isNotNull();
        assertThat(meters.counter("caseflow.identity.login.lockouts", "by", "address").count()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("A001", "right", "192.0.2.7")).isNotNull();
    }

    @Test
    void failuresFurtherApartThanTheLockoutPeriodDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            refused("A001", "wrong", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        refused("A001", "wrong", "10.0.0.1");

        assertThat(login("A001", "right", "10.0.0.1")).isNotNull();
    }

    private Authentication login(String user, String password, String address) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        login.setDetails(new WebAuthenticationDetails(address, null));
        return guarded.authenticate(login);
    }

    private void refused(String user, String password, String address) {
        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login(user, password, address));
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-05T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
