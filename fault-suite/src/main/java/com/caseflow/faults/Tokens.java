package com.caseflow.faults;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs demo staff in at the stack's identity server the way {@code infra/bin/token} does — authorization code with
 * PKCE as the public command-line client, through the login form — so that the load comes from authenticated agents
 * with real tokens.
 */
final class Tokens {

    private static final String CLIENT = "caseflow-cli";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final Path demoUsers;

    /**
     * @param demoUsers the identity server's {@code <data-dir>/identity/demo-users.txt}: each demo user's own
     *                  password, generated on its first start, {@code STAFF_ID PASSWORD} a line
     */
    Tokens(String identityUrl, Path demoUsers) {
        this.base = identityUrl;
        this.demoUsers = demoUsers;
    }

    private String password(String staffId) throws IOException {
        for (String line : Files.readAllLines(demoUsers, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(staffId)) {
                return parts[1];
            }
        }
        throw new IllegalStateException("no demo user " + staffId + " in " + demoUsers);
    }

    String signIn(String staffId) {
        try {
            return codeFlow(staffId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot sign " + staffId + " in at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String codeFlow(String staffId) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String redirectUri = base + "/cli/callback";
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String url = base + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", redirectUri, "scope", "openid profile", "state", "fault-suite",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        for (int hop = 0; hop < 8; hop++) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = reply.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("the identity server answered " + reply.statusCode() + " without a "
                            + "redirect"));
            if (location.startsWith(redirectUri)) {
                return exchange(http, parameter(location, "code"), redirectUri, verifier);
            }
            if (location.endsWith("/login")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(location)).timeout(TIMEOUT)
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher csrf = CSRF.matcher(page.body());
                if (!csrf.find()) {
                    throw new IllegalStateException("no CSRF token in the login page");
                }
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(location)).timeout(TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", staffId,
                                        "password", password(staffId), "_csrf", csrf.group(1))))).build(),
                        HttpResponse.BodyHandlers.ofString());
                location = login.headers().firstValue("Location").orElse("");
                if (location.contains("/login?error") || location.isEmpty()) {
                    throw new IllegalStateException("the identity server refused " + staffId);
                }
            }
            url = location;
        }
        throw new IllegalStateException("no authorization code for " + staffId + " after eight redirects");
    }

    private String exchange(HttpClient http, String code, String redirectUri, String verifier)
            throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT, "code", code, "redirect_uri", redirectUri,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(reply.body());
        if (reply.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the token request answered " + reply.statusCode());
        }
        return token.group(1);
    }

    private static String parameter(String url, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(url);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in the redirect");
        }
        return URLDecoder.decode(value.group(1), StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
