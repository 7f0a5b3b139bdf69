package com.caseflow.infra.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity server's settings, from {@code identity.yml} (only this application reads that file) and the
 * environment: {@code CASEFLOW_ISSUER}, {@code CASEFLOW_SERVICES_SECRET}, {@code CASEFLOW_CONSOLE_SECRET}.
 *
 * @param issuer                   the {@code iss} of every token and the base of every endpoint URL it publishes
 * @param dataDir                  the signing keys live in {@code <dataDir>/identity/jwk.json}, the demo users'
 *                                 generated passwords in {@code <dataDir>/identity/demo-users.txt}
 * @param servicesSecret           the client secret of {@code caseflow-services}
 * @param console                  the web console's client: its secret and where it may come back to
 * @param accessTokenTimeToLive    how long an access token of the command-line client is valid
 * @param servicesTokenTimeToLive  how long a service's (client credentials) access token is valid
 * @param audiences                the {@code aud} of the access tokens of each client (client id → the services
 *                                 it calls, by their application name)
 * @param signingKeyRotation       how long a signing key signs before the next one takes over; the previous key stays
 *                                 published for as long again, far longer than any token it signed lives
 * @param login                    when logins are refused after failures
 * @param users                    the demo users
 */
@ConfigurationProperties("caseflow.identity")
public record IdentityProperties(String issuer, Path dataDir, String servicesSecret, Console console,
        Duration accessTokenTimeToLive, Duration servicesTokenTimeToLive, Map<String, List<String>> audiences,
        Duration signingKeyRotation, Login login, List<User> users) {

    /** The roles a user may have; tokens carry them without a {@code ROLE_} prefix. */
    public static final Set<String> ROLES = Set.of("AGENT", "DEPARTMENT_STAFF", "SUPERVISOR", "MANAGER", "ADMIN");

    public IdentityProperties {
        require(issuer, "caseflow.identity.issuer");
        require(dataDir, "caseflow.identity.data-dir");
        require(servicesSecret, "caseflow.identity.services-secret (CASEFLOW_SERVICES_SECRET)");
        if (console == null || console.secret() == null || console.secret().isBlank()) {
            throw new IllegalArgumentException("caseflow.identity.console.secret (CASEFLOW_CONSOLE_SECRET) is not set");
        }
        issuer = issuer.strip().replaceAll("/+$", "");
        dataDir = dataDir.toAbsolutePath().normalize();
        accessTokenTimeToLive = accessTokenTimeToLive == null ? Duration.ofMinutes(15) : accessTokenTimeToLive;
        servicesTokenTimeToLive = servicesTokenTimeToLive == null ? Duration.ofHours(1) : servicesTokenTimeToLive;
        audiences = audiences == null ? Map.of() : Map.copyOf(audiences);
        signingKeyRotation = signingKeyRotation == null ? Duration.ofDays(30) : signingKeyRotation;
        Duration longest = Collections.max(List.of(accessTokenTimeToLive, servicesTokenTimeToLive,
                console.accessTokenTimeToLive()));
        if (signingKeyRotation.compareTo(longest) <= 0) {
            throw new IllegalArgumentException("caseflow.identity.signing-key-rotation (" + signingKeyRotation
                    + ") must be longer than the longest access token (" + longest + "): the previous key is "
                    + "published for one period after the rotation");
        }
        login = login == null ? new Login(0, 0, null) : login;
        users = users == null ? List.of() : List.copyOf(users);
        Set<String> ids = new HashSet<>();
        for (User user : users) {
            if (!ids.add(user.staffId())) {
                throw new IllegalArgumentException("caseflow.identity.users: staff id " + user.staffId()
                        + " appears twice");
            }
        }
    }

    /**
     * The web console (a backend-for-frontend): a confidential client that signs staff in with authorization code and
     * PKCE, keeps their tokens on its server and renews them with refresh tokens.
     *
     * @param secret               its client secret
     * @param redirectUris         where the identity server may send the browser back after login
     * @param postLogoutRedirectUris where it may send the browser after logout
     * @param accessTokenTimeToLive  how long one of its access tokens is valid; it renews them with the refresh token
     * @param refreshTokenTimeToLive how long a sign-in lasts without a new login
     */
    public record Console(String secret, List<String> redirectUris, List<String> postLogoutRedirectUris,
                          Duration accessTokenTimeToLive, Duration refreshTokenTimeToLive) {

        public Console {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            accessTokenTimeToLive = accessTokenTimeToLive == null ? Duration.ofMinutes(15) : accessTokenTimeToLive;
            refreshTokenTimeToLive = refreshTokenTimeToLive == null ? Duration.ofHours(12) : refreshTokenTimeToLive;
        }

        @Override
        public String toString() {
            return "Console[" + redirectUris + "]";
        }
    }

    /**
     * Login throttling: after {@code maxFailures} failed logins for one user name, or {@code maxFailuresPerAddress}
     * from one client address, further logins are refused for {@code lockout}, with the same answer as a wrong
     * password.
     */
    public record Login(int maxFailures, int maxFailuresPerAddress, Duration lockout) {

        public Login {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 20 : maxFailuresPerAddress;
            lockout = lockout == null || lockout.isZero() || lockout.isNegative() ? Duration.ofMinutes(15) : lockout;
        }
    }

    /**
     * A demo user. The staff id is the user name and the token's subject.
     *
     * @param password   its own password, or none for one generated on first start and kept in
     *                   {@code <dataDir>/identity/demo-users.txt}
     * @param department the department a {@code DEPARTMENT_STAFF} user works for, e.g. {@code ENGINEERING}
     */
    public record User(String staffId, String name, List<String> roles, String department, String password) {

        public User {
            require(staffId, "caseflow.identity.users[].staff-id");
            require(name, "caseflow.identity.users[" + staffId + "].name");
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("caseflow.identity.users[" + staffId + "].roles is empty");
            }
            roles = List.copyOf(roles);
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("caseflow.identity.users[" + staffId + "]: unknown role "
                            + role + "; one of " + ROLES);
                }
            }
            department = department == null || department.isBlank() ? null : department;
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "User[" + staffId + ", " + roles + (department == null ? "" : ", " + department) + "]";
        }
    }

    /** Never shows the services secret. */
    @Override
    public String toString() {
        return "IdentityProperties[issuer=" + issuer + ", dataDir=" + dataDir + ", users=" + users + "]";
    }

    private static void require(Object value, String name) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}
