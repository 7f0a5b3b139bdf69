package com.caseflow.support.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the identity provider: publishes a JWK set over HTTP, as the real one does, and signs tokens with
 * the roles, department and staff id the services read. Can also forge the tokens an attacker would try.
 */
public final class TestIdentityProvider {

    public static final String ISSUER = "http://identity.test";
    /** The services, by their application names: the audience of the real provider's tokens. */
    public static final List<String> AUDIENCE =
            List.of("intake-service", "routing-service", "followup-service", "evaluation-service");
    private static final TestIdentityProvider INSTANCE = new TestIdentityProvider();

    private final RSAKey key;
    private final RSAKey previousKey;
    private final RSAKey strangerKey;
    private final HttpServer server;

    private TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            // after a rotation the real provider publishes the previous key beside the current one
            previousKey = new RSAKeyGenerator(2048).keyID("test-key-previous").generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(List.of(key.toPublicJWK(), previousKey.toPublicJWK())).toString()
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestIdentityProvider get() {
        return INSTANCE;
    }

    /** Points the service under test at this provider. */
    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The service's settings that trust this provider. */
    public static java.util.Map<String, String> properties() {
        return java.util.Map.of("caseflow.security.issuer", ISSUER, "caseflow.security.jwk-set-uri",
                "http://127.0.0.1:" + INSTANCE.server.getAddress().getPort() + "/oauth2/jwks");
    }

    public String token(String staffId, String... roles) {
        return sign(key, claims(staffId, null, ISSUER, Duration.ofHours(8), roles));
    }

    public String departmentToken(String staffId, String department) {
        return sign(key, claims(staffId, department, ISSUER, Duration.ofHours(8), "DEPARTMENT_STAFF"));
    }

    public String expiredToken(String staffId, String... roles) {
        return sign(key, claims(staffId, null, ISSUER, Duration.ofHours(-1), roles));
    }

    public String tokenFromOtherIssuer(String staffId, String... roles) {
        return sign(key, claims(staffId, null, "http://evil.example", Duration.ofHours(8), roles));
    }

    public String tokenSignedByAStranger(String staffId, String... roles) {
        return sign(strangerKey, claims(staffId, null, ISSUER, Duration.ofHours(8), roles));
    }

    /** A valid token whose payload was edited afterwards to claim more roles. */
    public String tamperedToken(String staffId) {
        String[] parts = token(staffId, "AGENT").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"AGENT\"]", "[\"AGENT\",\"ADMIN\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Signed by the provider, but says nothing about which member of staff it is for, like an ID token. */
    public String tokenWithoutStaffId(String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("nobody", null, ISSUER, Duration.ofHours(8), roles))
                .claim("staff_id", null).build();
        return sign(key, claims);
    }

    public String unsignedToken(String staffId, String... roles) {
        return new PlainJWT(claims(staffId, null, ISSUER, Duration.ofHours(8), roles)).serialize();
    }

    public String hmacToken(String staffId, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    claims(staffId, null, ISSUER, Duration.ofHours(8), roles));
            jwt.sign(new MACSigner(("a shared secret that is long enough for HS256 " + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issued by the provider to another application (another audience). */
    public String tokenForAnotherApplication(String staffId, String... roles) {
        return tokenFor(List.of("billing-portal"), staffId, roles);
    }

    /** Issued by the provider for the given audience only, e.g. one service. */
    public String tokenFor(List<String> audience, String staffId, String... roles) {
        return sign(key, new JWTClaimsSet.Builder(claims(staffId, null, ISSUER, Duration.ofHours(8), roles))
                .audience(audience).build());
    }

    /** Signed by the key the provider signed with before its last rotation, which it still publishes. */
    public String tokenSignedByThePreviousKey(String staffId, String... roles) {
        return sign(previousKey, claims(staffId, null, ISSUER, Duration.ofHours(8), roles));
    }

    private static JWTClaimsSet claims(String staffId, String department, String issuer, Duration validFor,
                                       String... roles) {
        Instant now = Instant.now();
        Instant expiry = now.plus(validFor);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(staffId)
                .claim("staff_id", staffId)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(validFor.isNegative() ? expiry.minus(Duration.ofHours(8)) : now))
                .expirationTime(Date.from(expiry));
        if (department != null) {
            claims.claim("department", department);
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
