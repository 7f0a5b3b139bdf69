package com.caseflow.infra.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses logins for a while after repeated failures, per user name and per client address, so that passwords cannot
 * be guessed at the speed of the login form. A refused login gets the very answer of a wrong password, and unknown
 * user names are counted like known ones: neither tells whether a user exists. The counts live in memory, so a
 * restart forgets them; one identity server instance serves the local stack.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Above this many tracked names or addresses, expired entries are dropped before a new one is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private final IdentityProperties.Login settings;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Counter wrongPasswords;
    private final Counter refusedWhileLocked;
    private final Counter userLockouts;
    private final Counter addressLockouts;

    LoginThrottle(IdentityProperties.Login settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.wrongPasswords = Counter.builder("caseflow.identity.login.failures").tag("reason", "bad-credentials")
                .description("Logins refused").register(meters);
        this.refusedWhileLocked = Counter.builder("caseflow.identity.login.failures").tag("reason", "locked")
                .description("Logins refused").register(meters);
        this.userLockouts = Counter.builder("caseflow.identity.login.lockouts").tag("by", "user")
                .description("Lockouts started").register(meters);
        this.addressLockouts = Counter.builder("caseflow.identity.login.lockouts").tag("by", "address")
                .description("Lockouts started").register(meters);
    }

    /** The form login's authentication, checked against the throttle first. */
    AuthenticationProvider guard(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication login) {
                // the user store ignores case: so does the count, or A001, a001... would each get five tries
                String user = login.getName() == null ? "" : login.getName().strip().toLowerCase(Locale.ROOT);
                String address = login.getDetails() instanceof WebAuthenticationDetails web
                        ? web.getRemoteAddress() : "unknown";
                if (locked(user, address)) {
                    refusedWhileLocked.increment();
                    throw new BadCredentialsException("Bad credentials");
                }
                try {
                    Authentication authenticated = passwords.authenticate(login);
                    if (authenticated != null) {
                        byUser.remove(user);
                    }
                    return authenticated;
                } catch (AuthenticationException e) {
                    failed(user, address);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }

    boolean locked(String user, String address) {
        Instant now = clock.instant();
        return lockedIn(byUser, user, now) || lockedIn(byAddress, address, now);
    }

    void failed(String user, String address) {
        wrongPasswords.increment();
        if (count(byUser, user, settings.maxFailures())) {
            userLockouts.increment();
            log.warn("Logins of one user name refused for {} after {} failures", settings.lockout(),
                    settings.maxFailures());
        }
        if (count(byAddress, address, settings.maxFailuresPerAddress())) {
            addressLockouts.increment();
            log.warn("Logins from {} refused for {} after {} failures", address, settings.lockout(),
                    settings.maxFailuresPerAddress());
        }
    }

    private static boolean lockedIn(Map<String, Failures> failures, String key, Instant now) {
        Failures entry = failures.get(key);
        return entry != null && entry.lockedUntil() != null && now.isBefore(entry.lockedUntil());
    }

    /** Counts one failure; true when it starts a lockout. */
    private boolean count(Map<String, Failures> failures, String key, int limit) {
        Instant now = clock.instant();
        Duration window = settings.lockout();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(entry -> entry.expired(now, window));
        }
        Failures updated = failures.compute(key, (k, entry) -> {
            Failures current = entry == null || entry.expired(now, window) ? new Failures(0, now, null) : entry;
            int count = current.count() + 1;
            return new Failures(count, current.since(), count >= limit ? now.plus(window) : null);
        });
        return updated.count() == limit;
    }

    /** Failures counted since {@code since}, within one lockout period; locked until the given time once too many. */
    private record Failures(int count, Instant since, Instant lockedUntil) {

        boolean expired(Instant now, Duration window) {
            return lockedUntil == null ? !now.isBefore(since.plus(window)) : !now.isBefore(lockedUntil);
        }
    }
}
