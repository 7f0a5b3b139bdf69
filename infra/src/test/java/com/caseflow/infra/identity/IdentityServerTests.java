package com.caseflow.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.caseflow.infra.TestPorts;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity server on a random port with its data in a temporary directory: the authorization code + PKCE flow from
 * Java and through {@code infra/bin/token}, the claims in the tokens, the service client, and a restart that keeps the
 * signing key. One server for the class; the last test restarts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityServerTests {

    private static final List<String> SERVICES =
            List.of("intake-service", "routing-service", "followup-service", "evaluation-service");
    private static final String SERVICES_SECRET =
            System.getenv().getOrDefault("CASEFLOW_SERVICES_SECRET", "caseflow-services-local");

    @TempDir
    static Path dataDir;

    static int port;
    static String issuer;
    static IdentityServer.Running server;

    @BeforeAll
    static void start() throws IOException {
        port = TestPorts.free();
        issuer = "http://127.0.0.1:" + port;
        server = IdentityServer.start(dataDir, port, issuer);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void anAgentLogsInWithPkceAndGetsAnRs256TokenWithStaffIdRolesAndName() throws Exception {
        String token = new PkceLogin().token("A001", password("A001"));

        Map<String, Object> header = decodePart(token, 0);
        assertThat(header).containsEntry("alg", "RS256").containsEntry("kid", server.keyId());
        Map<String, Object> claims = decodePart(token, 1);
        assertThat(claims)
                .containsEntry("iss", issuer)
                .containsEntry("sub", "A001")
                .containsEntry("staff_id", "A001")
                .containsEntry("roles", List.of("AGENT"))
                .containsEntry("name", "张丽")
                .containsEntry("aud", SERVICES)
                .doesNotContainKey("department");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(server.issuer()).isEqualTo(issuer);
        assertThat(server.port()).isEqualTo(port);
    }

    @Test
    @Order(2)
    void theTokenScriptPrintsOnlyTheTokenAndDepartmentStaffHaveTheirDepartment() throws Exception {
        ScriptRun run = tokenScript("D-ENG-01");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\n");
        Map<String, Object> claims = decodePart(run.stdout().strip(), 1);
        assertThat(claims)
                .containsEntry("iss", issuer)
                .containsEntry("staff_id", "D-ENG-01")
                .containsEntry("roles", List.of("DEPARTMENT_STAFF"))
                .containsEntry("department", "ENGINEERING");
    }

    @Test
    @Order(3)
    void aWrongPasswordGetsNoToken() throws Exception {
        assertThat(new PkceLogin().loginRedirect("A001", password("A001") + "-wrong")).endsWith("/login?error");

        ScriptRun run = tokenScript("A001", password("A001") + "-wrong");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEqualTo("token: wrong staff id or password for A001\n");
    }

    @Test
    @Order(4)
    void thePublicClientMustSendAPkceChallenge() throws Exception {
        HttpResponse<String> response = new PkceLogin().get(issuer + "/oauth2/authorize?response_type=code"
                + "&client_id=caseflow-cli&scope=openid&redirect_uri=" + encode(issuer + "/cli/callback"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(issuer + "/cli/callback?error=invalid_request")
                .contains("code_challenge"));
    }

    @Test
    @Order(5)
    void servicesGetATokenWithTheirSecretOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> granted = http.send(clientCredentials(SERVICES_SECRET),
                HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        Map<String, Object> claims = decodePart((String) JSONObjectUtils.parse(granted.body()).get("access_token"), 1);
        assertThat(claims).containsEntry("sub", "caseflow-services").containsEntry("iss", issuer)
                .containsEntry("aud", SERVICES)
                .doesNotContainKeys("roles", "staff_id");

        HttpResponse<String> refused = http.send(clientCredentials("not-the-secret"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("access_token");
    }

    @Test
    @Order(6)
    void healthDiscoveryAndTheCallbackPageAreOpenAndEverythingElseAsksForALogin() throws Exception {
        PkceLogin anonymous = new PkceLogin();
        HttpResponse<String> health = anonymous.get(issuer + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        Map<String, Object> discovery = JSONObjectUtils.parse(
                anonymous.get(issuer + "/.well-known/openid-configuration").body());
        assertThat(discovery).containsEntry("issuer", issuer).containsEntry("jwks_uri", issuer + "/oauth2/jwks");

        assertThat(anonymous.get(issuer + "/cli/callback?code=abc").body()).contains("Authorization code: abc",
                "A token lasts 15 minutes");
        HttpResponse<String> env = anonymous.get(issuer + "/actuator/env");
        assertThat(env.statusCode()).isEqualTo(302);
        assertThat(env.headers().firstValue("Location")).hasValue(issuer + "/login");
    }

    @Test
    @Order(7)
    void aServerWhoseIssuerIsAContainerNameGivesTokensThroughTheLoopbackAddress(@TempDir Path otherDataDir)
            throws Exception {
        int otherPort = TestPorts.free();
        String containerIssuer = "http://identity:" + otherPort;
        try (IdentityServer.Running compose = IdentityServer.start(otherDataDir, otherPort, containerIssuer)) {
            ScriptRun run = tokenScript(Map.of("CASEFLOW_IDENTITY_URL", "http://127.0.0.1:" + otherPort,
                    "CASEFLOW_DATA_DIR", otherDataDir.toString()), "A002");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(decodePart(run.stdout().strip(), 1))
                    .containsEntry("iss", containerIssuer)
                    .containsEntry("name", "李强");
            assertThat(compose.keyId()).isNotEqualTo(server.keyId());
        }
    }

    @Test
    @Order(8)
    void aRestartOnTheSameDataDirectoryKeepsTheSigningKeySoTokensStayValid() throws Exception {
        String token = new PkceLogin().token("S001", password("S001"));
        RSAKey before = publishedKey();
        Path keyFile = dataDir.resolve("identity").resolve("jwk.json");
        assertThat(keyFile).isRegularFile();
        assertThat(Files.readString(keyFile)).contains("\"d\"");

        server.close();
        server = IdentityServer.start(dataDir, port, issuer);

        RSAKey after = publishedKey();
        assertThat(after.getKeyID()).isEqualTo(before.getKeyID()).isEqualTo(server.keyId());
        assertThat(after.getModulus()).isEqualTo(before.getModulus());
        assertThat(after.isPrivate()).as("only the public key is published").isFalse();
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(after))).isTrue();
        assertThat(decodePart(new PkceLogin().token("M001", password("M001")), 1))
                .containsEntry("roles", List.of("MANAGER"));
    }

    @Test
    @Order(9)
    void aRotationSignsWithANewKeyAndKeepsThePreviousOnePublishedAcrossARestart() throws Exception {
        String before = new PkceLogin().token("A001", password("A001"));
        String oldKid = server.keyId();

        server.rotateSigningKey();

        String after = new PkceLogin().token("A001", password("A001"));
        String newKid = server.keyId();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(decodePart(after, 0)).containsEntry("kid", newKid);
        JWKSet published = publishedKeys();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(newKid, oldKid);
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(SignedJWT.parse(before).verify(new RSASSAVerifier(published.getKeyByKeyId(oldKid).toRSAKey())))
                .isTrue();
        assertThat(SignedJWT.parse(after).verify(new RSASSAVerifier(published.getKeyByKeyId(newKid).toRSAKey())))
                .isTrue();

        server.close();
        server = IdentityServer.start(dataDir, port, issuer);
        assertThat(server.publishedKeyIds()).containsExactly(newKid, oldKid);

        // the command, with the server stopped: the key before the previous one is no longer published
        server.close();
        IdentityServer.main(new String[] {"--rotate-signing-key", "--data-dir=" + dataDir});
        server = IdentityServer.start(dataDir, port, issuer);
        assertThat(server.publishedKeyIds()).hasSize(2).doesNotContain(oldKid).element(1).isEqualTo(newKid);
        assertThat(decodePart(new PkceLogin().token("A001", password("A001")), 0))
                .containsEntry("kid", server.keyId());
    }

    @Test
    @Order(10)
    void eachDemoUserHasAPasswordOfItsOwnInAFileOnlyItsOwnerReads() throws Exception {
        Path file = server.demoUsers();
        assertThat(file).isEqualTo(dataDir.resolve("identity").resolve("demo-users.txt"));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        List<String> passwords = List.of("A001", "A002", "S001", "M001", "ADMIN01").stream()
                .map(IdentityServerTests::password).toList();
        assertThat(passwords).doesNotHaveDuplicates().allMatch(password -> password.length() >= 12);

        assertThat(new PkceLogin().loginRedirect("A001", password("A002"))).endsWith("/login?error");
        assertThat(new PkceLogin().token("A002", password("A002"))).isNotBlank();
    }

    @Test
    @Order(11)
    void afterFiveFailuresAUserIsLockedOutWithTheAnswerOfAWrongPasswordAndOthersAreNot() throws Exception {
        MeterRegistry meters = server.context().getBean(MeterRegistry.class);
        double lockedBefore = meters.counter("caseflow.identity.login.failures", "reason", "locked").count();
        for (int i = 0; i < 5; i++) {
            assertThat(new PkceLogin().loginRedirect("D-PM-02", "wrong-" + i)).endsWith("/login?error");
        }

        assertThat(new PkceLogin().loginRedirect("D-PM-02", password("D-PM-02")))
                .as("the right password during the lockout").endsWith("/login?error");
        assertThat(new PkceLogin().loginRedirect("NOBODY", "wrong")).as("an unknown user gets the same answer")
                .endsWith("/login?error");
        assertThat(new PkceLogin().token("D-PM-01", password("D-PM-01"))).as("another user from the same address")
                .isNotBlank();
        assertThat(meters.counter("caseflow.identity.login.failures", "reason", "locked").count())
                .isEqualTo(lockedBefore + 1);
        assertThat(meters.counter("caseflow.identity.login.lockouts", "by", "user").count()).isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** Authorization code + PKCE as the caseflow-cli client, the way infra/bin/token does it, with a cookie jar. */
    static final class PkceLogin {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String verifier = randomUrlSafe(48);
        private final String state = randomUrlSafe(16);
        private final String redirectUri = issuer + "/cli/callback";

        String token(String user, String password) throws Exception {
            String location = loginRedirect(user, password);
            assertThat(location).as("after the login").startsWith(issuer + "/oauth2/authorize");
            location = redirect(get(location));
            assertThat(location).startsWith(redirectUri + "?");
            Map<String, String> query = query(URI.create(location));
            assertThat(query).containsEntry("state", state).containsKey("code");

            HttpResponse<String> response = post(issuer + "/oauth2/token", Map.of(
                    "grant_type", "authorization_code", "client_id", "caseflow-cli", "code", query.get("code"),
                    "redirect_uri", redirectUri, "code_verifier", verifier));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return (String) JSONObjectUtils.parse(response.body()).get("access_token");
        }

        /** Starts the authorization, logs in on the form; returns where the login redirects to. */
        String loginRedirect(String user, String password) throws Exception {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String location = redirect(get(issuer + "/oauth2/authorize?response_type=code&client_id=caseflow-cli"
                    + "&scope=" + encode("openid profile") + "&redirect_uri=" + encode(redirectUri) + "&state="
                    + state + "&code_challenge=" + challenge + "&code_challenge_method=S256"));
            assertThat(location).isEqualTo(issuer + "/login");
            HttpResponse<String> form = get(location);
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
            return redirect(post(location, Map.of("username", user, "password", password, "_csrf", csrf.group(1))));
        }

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String redirect(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
        }
    }

    record ScriptRun(int exitCode, String stdout, String stderr) {
    }

    private static ScriptRun tokenScript(String... args) throws Exception {
        return tokenScript(Map.of("CASEFLOW_ISSUER", issuer, "CASEFLOW_DATA_DIR", dataDir.toString()), args);
    }

    private static ScriptRun tokenScript(Map<String, String> environment, String... args) throws Exception {
        Path script = Path.of("bin", "token").toAbsolutePath();
        assumeThat(script).as("run from the infra module").isExecutable();
        assumeThat(onPath("curl") && onPath("python3")).as("curl and python3 installed").isTrue();
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(script.toString());
        builder.command().addAll(List.of(args));
        builder.environment().remove("CASEFLOW_ISSUER");
        builder.environment().remove("CASEFLOW_IDENTITY_URL");
        builder.environment().remove("CASEFLOW_PASSWORD");
        builder.environment().putAll(environment);
        Path stdout = Files.createTempFile(dataDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dataDir, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("infra/bin/token did not finish within 30 s");
        }
        return new ScriptRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static HttpRequest clientCredentials(String secret) {
        String basic = Base64.getEncoder().encodeToString(("caseflow-services:" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=caseflow.services"))
                .build();
    }

    /** The signing key as the JWK set endpoint publishes it, before any rotation. */
    private static RSAKey publishedKey() throws Exception {
        List<JWK> keys = publishedKeys().getKeys();
        assertThat(keys).hasSize(1);
        return keys.get(0).toRSAKey();
    }

    private static JWKSet publishedKeys() throws Exception {
        return JWKSet.parse(new PkceLogin().get(issuer + "/oauth2/jwks").body());
    }

    /** A demo user's password, generated by the server in the data directory. */
    private static String password(String staffId) {
        return DemoUsers.password(dataDir, staffId);
    }

    /** Part 0 (header) or 1 (claims) of a JWT, base64url-decoded and parsed. */
    private static Map<String, Object> decodePart(String jwt, int part) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[part]), StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
