package com.caseflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One member of staff in the console over plain HTTP, as a browser talks to it: signed in at the identity server's
 * login form, the console's session cookie kept, htmx's requests marked as htmx marks them, the CSRF token of the
 * session sent with every form.
 */
final class ConsoleSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    final String staffId;
    private final String base;
    private final HttpClient http;
    private String csrf;

    private ConsoleSession(String base, String staffId) {
        this.base = base;
        this.staffId = staffId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The console's start page → the identity server's login form → POST /login → back with the console's cookie. */
    static ConsoleSession signIn(String base, String staffId) {
        ConsoleSession session = new ConsoleSession(base, staffId);
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(URI.create(base + "/")).GET());
        if (!form.body().contains("name=\"username\"")) {
            throw new IllegalStateException("no login form at " + form.uri() + " (" + form.statusCode() + ")");
        }
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(form.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", staffId, "password", DemoPasswords.of(staffId), "_csrf", csrfOf(form.body())))));
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(base)
                || !signedIn.body().contains("class=\"who\"")) {
            throw new IllegalStateException(staffId + " not signed in: " + signedIn.statusCode() + " at "
                    + signedIn.uri());
        }
        return session;
    }

    /** The session's CSRF token, from the hidden input of the call form, as the page has it. */
    ConsoleSession withCsrfFrom(String path) {
        csrf = csrfOf(get(path).body());
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET as htmx sends it when it swaps part of a page. */
    HttpResponse<String> htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** A form posted as htmx posts it ({@code hx-post}), with the session's CSRF token. */
    HttpResponse<String> htmxPost(String path, Map<String, String> fields) {
        if (csrf == null) {
            throw new IllegalStateException("no CSRF token yet: read a page with a form first");
        }
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(body)));
    }

    /**
     * Opens a server-sent event stream as the page's htmx SSE extension does and reads it until the named event's
     * data arrives; empty when the stream ends first. The stream is closed afterwards, as {@code sse-close} does.
     */
    Optional<String> awaitEvent(String path, String event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            boolean named = false;
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    named = line.substring("event:".length()).strip().equals(event);
                } else if (named && line.startsWith("data:")) {
                    return Optional.of(line.substring("data:".length()).strip());
                } else if (line.isEmpty()) {
                    named = false;
                }
            }
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrfOf(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (!input.find()) {
            throw new IllegalStateException("no _csrf input in the page");
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new IllegalStateException("a _csrf input without a value");
        }
        return value.group(1);
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
