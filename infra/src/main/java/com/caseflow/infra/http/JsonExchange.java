package com.caseflow.infra.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the stand-ins of the local stack (phone simulator, SMS gateway) share to read and answer JSON over HTTP. */
public final class JsonExchange {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonExchange() {
    }

    /** The body, or null after answering 413 when it is larger than {@code maxBytes}. */
    public static byte[] readBody(HttpExchange exchange, int maxBytes) throws IOException {
        // Read, not judged by Content-Length: a chunked body has none. The server drains what is left on close.
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            problem(exchange, 413, "Too large", "At most " + maxBytes + " bytes.");
            return null;
        }
        return body;
    }

    /**
     * The body as a JSON object, or null after answering 415 or 400. An empty body is an empty object when
     * {@code emptyIsObject} (a control request without options).
     */
    public static ObjectNode readObject(HttpExchange exchange, int maxBytes, boolean emptyIsObject)
            throws IOException {
        byte[] body = readBody(exchange, maxBytes);
        if (body == null) {
            return null;
        }
        if (body.length == 0 && emptyIsObject) {
            return JSON.createObjectNode();
        }
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            problem(exchange, 415, "Unsupported media type", "Send Content-Type: application/json.");
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            problem(exchange, 400, "Not JSON", "The body is not a JSON document: " + e.getOriginalMessage());
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            problem(exchange, 400, "Not a JSON object", "The body must be one JSON object.");
            return null;
        }
        return object;
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A string field, stripped; null when missing, null or blank. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** An RFC 9457 problem, as the services answer. */
    public static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        write(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problemDocument(status, title,
                detail)));
    }

    /** An RFC 9457 problem naming each bad field ({@code errors}: field → what is wrong), like the services' 400s. */
    public static void badFields(HttpExchange exchange, Map<String, String> errors) throws IOException {
        ObjectNode problem = problemDocument(400, "Bad request", "Invalid field(s): "
                + String.join(", ", errors.keySet()) + ".");
        ObjectNode fields = problem.putObject("errors");
        errors.forEach(fields::put);
        write(exchange, 400, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static ObjectNode problemDocument(int status, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    public static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        write(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    public static void write(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    public static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, 405, "Method not allowed", "Allowed: " + allowed + ".");
    }

    /** Values from the network go into the log: no line breaks or other control characters, and not too long. */
    public static String oneLine(String value, int maxChars) {
        if (value == null) {
            return "-";
        }
        StringBuilder line = new StringBuilder(Math.min(value.length(), maxChars + 1));
        value.codePoints().limit(maxChars).forEach(c -> line.appendCodePoint(
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
        if (value.codePointCount(0, value.length()) > maxChars) {
            line.append('…');
        }
        return line.toString();
    }
}
