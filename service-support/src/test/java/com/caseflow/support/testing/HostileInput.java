package com.caseflow.support.testing;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One hostile set for every service's write APIs, derived from a valid request body: each field in turn replaced by
 * each JSON type it is not (text for a number, a number for text, an object or a list for a scalar, 0 and 1 for a
 * flag, a fraction for a whole number, an empty string for an object…), each text with a control character, a lone
 * surrogate or an escape sequence in it; then whole bodies that are not the document (not JSON, the wrong shape, very
 * deep nesting, an unknown or injected field, trailing content, broken UTF-8, too large, another media type). Every case must be refused with a 4xx problem document, and a field case must name its field.
 * <p>
 * The valid body tells the kind of each field: write a decimal field with a fraction ({@code 128.50}) and a whole
 * number without one ({@code 2}); a field that is null in it is not varied. Lists are varied through their first
 * element.
 */
public final class HostileInput {

    /** Markup a name or matter may hold: accepted, stored and published as this very text. */
    public static final String MARKUP = "<b>王</b><script>alert(1)</script>";

    /** Control characters in text, as a query parameter or path variable can carry them (UTF-8 has no lone surrogates). */
    public static final List<String> CONTROL_TEXTS_IN_ADDRESSES = List.of("王\u0000小明", "\u001b[31m红", "删\u007f除",
            "换\u0085行", "\u009b2J", "铃\u0007");

    /** Text no person types: a request body holding one of these anywhere is refused. */
    public static final List<String> CONTROL_TEXTS = java.util.stream.Stream.concat(
            CONTROL_TEXTS_IN_ADDRESSES.stream(), java.util.stream.Stream.of("半\ud800", "\udc00半", "尾\ud83d")).toList();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes every non-ASCII character escaped, so that lone surrogates reach the server as sent. */
    private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> BAD_REQUEST = Set.of(400);

    /**
     * One hostile request.
     *
     * @param field    the field the refusal must name; null when the whole body is at fault
     * @param statuses the answers that are right for it
     */
    public record Case(String description, String contentType, byte[] body, String field, Set<Integer> statuses) {

        @Override
        public String toString() {
            return description;
        }
    }

    /** Every field of the valid body varied by type and by control characters: each must be a 400 naming it. */
    public static List<Case> fieldCases(String validBody) {
        JsonNode valid = JSON.readTree(validBody);
        List<Case> cases = new ArrayList<>();
        vary(valid, "", valid, cases);
        return cases;
    }

    /** Bodies that are not the document; the valid body shows where a field is. */
    public static List<Case> bodyCases(String validBody, int maxBodyBytes) {
        ObjectNode valid = (ObjectNode) JSON.readTree(validBody);
        String first = valid.propertyNames().iterator().next();
        String firstText = valid.properties().stream().filter(e -> e.getValue().isString()).map(Map.Entry::getKey)
                .findFirst().orElse(first);
        // as deep as fits in the largest body accepted: past any parser's nesting limit, short of 413
        int depth = Math.min(20_000, maxBodyBytes / 2 - 100);
        List<Case> cases = new ArrayList<>();
        for (String notTheDocument : List.of("", " ", "null", "[]", "[" + validBody + "]", "\"王小明\"", "13812345678",
                "true", "{", "{\"" + first + "\":", "{\"" + first + "\" " + validBody.substring(1),
                "{'" + first + "':1}", validBody + " {}", validBody + "]", validBody + "garbage",
                "[".repeat(depth) + "]".repeat(depth))) {
            cases.add(json("not the document: " + abbreviate(notTheDocument), notTheDocument, null, BAD_REQUEST));
        }
        cases.add(json("deeply nested " + firstText, "{\"" + firstText + "\":" + "[".repeat(depth) + "1"
                + "]".repeat(depth) + "}", firstText, BAD_REQUEST));
        cases.add(json("deeply nested objects", "{\"a\":".repeat(depth / 3) + "1" + "}".repeat(depth / 3), null,
                BAD_REQUEST));
        for (String injected : List.of("__proto__", "$where", "_class", "constructor")) {
            ObjectNode body = valid.deepCopy();
            body.set(injected, NODES.objectNode().put("$ne", (String) null));
            cases.add(json("injected field " + injected, body.toString(), injected, BAD_REQUEST));
        }
        ObjectNode large = valid.deepCopy();
        large.put(firstText, "长".repeat(maxBodyBytes / 3 + 1));
        cases.add(json("larger than " + maxBodyBytes + " bytes", large.toString(), null, Set.of(413)));
        byte[] broken = validBody.replaceFirst("\"" + firstText + "\"\\s*:\\s*\"", "\"" + firstText + "\":\"\u0001")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] == 1) {
                broken[i] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
            }
        }
        if (new String(broken, StandardCharsets.ISO_8859_1).indexOf('\u00C3') >= 0) {
            cases.add(new Case("broken UTF-8 in " + firstText, "application/json", broken, null, BAD_REQUEST));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            // 400 when the firewall refuses the form fields a JSON body makes (its line breaks, its quotes)
            cases.add(new Case("sent as " + type, type, validBody.getBytes(StandardCharsets.UTF_8), null,
                    Set.of(400, 415)));
        }
        cases.add(new Case("no media type", null, validBody.getBytes(StandardCharsets.UTF_8), null,
                Set.of(400, 415)));
        return cases;
    }

    /** The valid body with one text field set to {@code text}. */
    public static String withText(String validBody, String field, String text) {
        ObjectNode body = (ObjectNode) JSON.readTree(validBody);
        body.put(field, text);
        return body.toString();
    }

    /** A query string value, encoded for a URL. */
    public static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Sends each case and returns what was answered wrongly (empty when every case was refused as it should be). A
     * 429 is waited out and the request sent again: the per-user limit is not what these cases test.
     */
    public static List<String> refusals(Api api, String method, String path, List<Case> cases) {
        List<String> wrong = new ArrayList<>();
        for (Case hostile : cases) {
            Api.Response response = patiently(() -> api.send(method, path, hostile.contentType(), hostile.body()));
            String problem = wrongAnswer(hostile, response);
            if (problem != null) {
                wrong.add(method + " " + path + " " + hostile + ": " + problem);
            }
        }
        return wrong;
    }

    /**
     * Waits until the client is signed in: the first request makes the service fetch the identity provider's keys,
     * which a loaded machine may answer late.
     */
    public static void signedIn(Api api, String readablePath) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(readablePath).status() == 200);
    }

    /** Sends again while the answer is 429, for at most a minute. */
    public static Api.Response patiently(Supplier<Api.Response> request) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(request::get, response -> response.status() != 429);
    }

    /**
     * Sends a request whose query parameter or path variable {@code parameter} holds a control character; returns
     * null when it is refused with a 400 naming the parameter (or, for what the firewall or Tomcat refuse before any
     * handler, a 400 {@code rejected-request} problem), else what is wrong with the answer.
     */
    public static String wrongParameterAnswer(Api api, String method, String path, String parameter) {
        Api.Response response = patiently(() -> api.send(method, path, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));
        String type = response.header("Content-Type");
        if (response.status() == 400 && type != null && type.startsWith("application/problem+json")) {
            JsonNode problem = response.json();
            if ("urn:caseflow:problem:rejected-request".equals(problem.path("type").asString())) {
                return null;
            }
            for (JsonNode error : problem.path("errors")) {
                if (parameter.equals(error.path("field").asString())) {
                    return null;
                }
            }
        }
        return method + " " + path + ": " + response.status() + " " + abbreviate(response.raw().body());
    }

    /** Null when the answer is a right refusal of the case, else what is wrong with it. */
    public static String wrongAnswer(Case hostile, Api.Response response) {
        int status = response.status();
        if (!hostile.statuses().contains(status)) {
            return "answered " + status + " " + abbreviate(response.raw().body());
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "answered " + status + " without a problem document";
        }
        if (hostile.field() != null) {
            JsonNode errors = response.json().path("errors");
            for (JsonNode error : errors) {
                if (hostile.field().equals(error.path("field").asString())) {
                    return null;
                }
            }
            return "did not name " + hostile.field() + ": " + abbreviate(response.raw().body());
        }
        return null;
    }

    private static void vary(JsonNode root, String path, JsonNode node, List<Case> cases) {
        if (node.isObject()) {
            if (!path.isEmpty()) {
                for (JsonNode other : List.of(NODES.stringNode(""), NODES.stringNode("对象"), NODES.numberNode(1),
                        NODES.booleanNode(true), NODES.arrayNode())) {
                    cases.add(replaced(root, path, other, "an object"));
                }
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                vary(root, path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(),
                        cases);
            }
        } else if (node.isArray()) {
            for (JsonNode other : List.of(NODES.stringNode("列表"), NODES.numberNode(1), NODES.booleanNode(true),
                    NODES.objectNode())) {
                cases.add(replaced(root, path, other, "a list"));
            }
            if (!node.isEmpty()) {
                vary(root, path + "[0]", node.get(0), cases);
            }
        } else if (node.isString()) {
            String text = node.asString();
            for (JsonNode other : List.of(NODES.numberNode(13812345678L), NODES.numberNode(1.5),
                    NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add(text))) {
                cases.add(replaced(root, path, other, "text"));
            }
            for (String control : CONTROL_TEXTS) {
                cases.add(replaced(root, path, NODES.stringNode(text + control), "text with a control character"));
            }
        } else if (node.isIntegralNumber()) {
            for (JsonNode other : List.of(NODES.stringNode(node.asString()), NODES.numberNode(node.asLong() + 0.5),
                    NODES.booleanNode(true), NODES.stringNode(""), NODES.objectNode(), NODES.arrayNode().add(node))) {
                cases.add(replaced(root, path, other, "a whole number"));
            }
        } else if (node.isNumber()) {
            for (JsonNode other : List.of(NODES.stringNode(node.asString()), NODES.booleanNode(false),
                    NODES.stringNode(""), NODES.objectNode(), NODES.arrayNode().add(node))) {
                cases.add(replaced(root, path, other, "a number"));
            }
        } else if (node.isBoolean()) {
            for (JsonNode other : List.of(NODES.numberNode(1), NODES.numberNode(0), NODES.stringNode("true"),
                    NODES.stringNode(""), NODES.objectNode(), NODES.arrayNode().add(node))) {
                cases.add(replaced(root, path, other, "true or false"));
            }
        }
    }

    private static Case replaced(JsonNode root, String path, JsonNode replacement, String kind) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        List<String> steps = steps(path);
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = step(parent, steps.get(i));
        }
        String last = steps.get(steps.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set(index(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        String description = path + " (" + kind + ") as " + abbreviate(ESCAPING.writeValueAsString(replacement));
        return new Case(description, "application/json", ESCAPING.writeValueAsBytes(copy), path, BAD_REQUEST);
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
                steps.add(part.substring(i, part.indexOf(']', i) + 1));
            }
        }
        return steps;
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(index(step)) : node.get(step);
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }

    private static Case json(String description, String body, String field, Set<Integer> statuses) {
        return new Case(description, "application/json", body.getBytes(StandardCharsets.UTF_8), field, statuses);
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }

    private HostileInput() {
    }
}
