package com.caseflow.followup.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WeCom and DingTalk group robots as the tests see them: one real HTTP endpoint per robot that records what it was
 * sent (path with query, body) and answers as the platforms do — HTTP 200 with {@code errcode} in a JSON body — with
 * the errcode a test chooses. Each robot belongs to a department of its own, used by no other test.
 */
public final class TestRobots {

    /** A department whose one robot is a WeCom robot, for the format and failure tests. */
    public static final String WECOM_DEPARTMENT = "ROBOT_WECOM";
    /** A department with a WeCom robot of its own, for the 20-a-minute test. */
    public static final String LIMIT_DEPARTMENT = "ROBOT_LIMIT";
    /** A department with a signed DingTalk robot. */
    public static final String DINGTALK_DEPARTMENT = "ROBOT_DINGTALK";
    public static final String DINGTALK_SECRET = "SEC0f3c1d2e4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff";
    public static final String DINGTALK_TOKEN = "dt-token-1";

    /** One message a robot accepted: the request's path and query, and its body. */
    public record Received(String path, String query, String body) {
    }

    private static final TestRobots INSTANCE = new TestRobots();

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Integer> answer = new ConcurrentHashMap<>();

    private TestRobots() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/cgi-bin/webhook/send", exchange -> handle(exchange, "wecom:" + param(exchange, "key")));
        server.createContext("/robot/send", exchange -> handle(exchange, "dingtalk:" + param(exchange,
                "access_token")));
        server.start();
    }

    public static TestRobots get() {
        return INSTANCE;
    }

    private void handle(HttpExchange exchange, String robot) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int errcode = answer.getOrDefault(robot, 0);
            if (errcode == 0) {
                received.computeIfAbsent(robot, r -> new CopyOnWriteArrayList<>())
                        .add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                                body));
            }
            byte[] response = ("{\"errcode\":" + errcode + ",\"errmsg\":\"" + (errcode == 0 ? "ok" : "refused")
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            out.write(response);
        } finally {
            exchange.close();
        }
    }

    private static String param(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    /** What a robot accepted, e.g. {@code wecom:wecom-1} or {@code dingtalk:dt-token-1}. */
    public List<Received> received(String robot) {
        return List.copyOf(received.getOrDefault(robot, List.of()));
    }

    /** From now on the robot answers with this errcode (and keeps nothing); 0 accepts again. */
    public void answer(String robot, int errcode) {
        answer.put(robot, errcode);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Gives the service under test the robots above. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String robots = "caseflow.followup.notifications.robots.";
            String base = get().base();
            TestPropertyValues.of(
                    robots + WECOM_DEPARTMENT + "[0].type=WECOM",
                    robots + WECOM_DEPARTMENT + "[0].url=" + base + "/cgi-bin/webhook/send?key=wecom-1",
                    robots + LIMIT_DEPARTMENT + "[0].type=WECOM",
                    robots + LIMIT_DEPARTMENT + "[0].url=" + base + "/cgi-bin/webhook/send?key=wecom-limit",
                    robots + DINGTALK_DEPARTMENT + "[0].type=DINGTALK",
                    robots + DINGTALK_DEPARTMENT + "[0].url=" + base + "/robot/send?access_token=" + DINGTALK_TOKEN,
                    robots + DINGTALK_DEPARTMENT + "[0].secret=" + DINGTALK_SECRET,
                    robots + DINGTALK_DEPARTMENT + "[0].name=cs-ding",
                    // administrators may point a department's robots here
                    "caseflow.followup.channels.stand-ins[0]=" + base).applyTo(context);
        }
    }
}
