package com.caseflow.system;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * A demo user's access token from the local identity server, as {@code infra/bin/token} gets one: authorization code
 * with PKCE (S256) as the public client {@code caseflow-cli}, signed in at the login form in a cookie jar of its own,
 * the redirects followed by hand until the one to the callback, whose code is exchanged with the verifier.
 */
final class StaffToken {

    private static final String CLIENT = "caseflow-cli";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StaffToken() {
    }

    static String of(String identity, String staffId, String password) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String redirect = identity + "/cli/callback";
        String authorize = identity + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", CLIENT, "redirect_uri", redirect, "scope", "openid profile", "state", "system-tests",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        String url = authorize;
        boolean signedIn = false;
        for (int hop = 0; hop < 8; hop++) {
            URI at = URI.create(url);
            HttpResponse<String> reply = send(http, HttpRequest.newBuilder(at).GET());
            String location = reply.headers().firstValue("Location").map(l -> at.resolve(l).toString())
                    .orElse(null);
            if (location != null && location.startsWith(redirect)) {
                Matcher code = CODE.matcher(location);
                if (!code.find()) {
                    throw new IllegalStateException("no code in the redirect " + location);
                }
                return exchange(http, identity, code.group(1), redirect, verifier);
            }
            if (location != null) {
                url = location;
                continue;
            }
            Matcher csrf = CSRF.matcher(reply.body());
            if (signedIn || reply.statusCode() != 200 || !csrf.find()) {
                throw new IllegalStateException(staffId + " not signed in at " + url + " (" + reply.statusCode() + ")");
            }
            HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(identity + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", staffId,
                            "password", password, "_csrf", csrf.group(1))))));
            signedIn = true;
            url = login.headers().firstValue("Location").map(l -> URI.create(identity).resolve(l).toString())
                    .orElseThrow(() -> new IllegalStateException(staffId + ": the login answered "
                            + login.statusCode()));
        }
        throw new IllegalStateException("too many redirects from " + authorize);
    }

    private static String exchange(HttpClient http, String identity, String code, String redirect, String verifier) {
        HttpResponse<String> token = send(http, HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", redirect, "client_id", CLIENT,
                        "code_verifier", verifier)))));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("the token request answered " + token.statusCode() + ": " + token.body());
        }
        return JSON.readTree(token.body()).get("access_token").asString();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
