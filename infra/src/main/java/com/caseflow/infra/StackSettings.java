package com.caseflow.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import com.caseflow.infra.phone.PhoneSimulator;
import com.caseflow.infra.sms.SmsGateway;

/**
 * Where the local stack keeps its data and which ports it listens on. Every value can be given as a system property
 * ({@code -Dcaseflow.kafka-port=19092}) or as an argument ({@code --kafka-port=19092}); arguments win.
 *
 * @param kafkaPort         the port of the Kafka broker; {@link #NONE} (0) starts no broker (the fault suite runs it as a
 *                          process of its own, to kill and stop it alone)
 * @param mongoPort         the port of the MongoDB-wire server; {@link #NONE} (0) starts none
 * @param identityPort      the port of the identity server (OAuth2/OIDC); {@link #NO_IDENTITY} (0) starts none
 * @param notificationsPort the port of the notification receiver that stands in for the notification gateway;
 *                          {@link #NO_NOTIFICATIONS} (0) starts none
 * @param smsPort           the port of the SMS gateway stand-in; {@link #NONE} (0, the default: the fault suite and the
 *                          system tests start the stack beside {@code ./run} and need none) starts none; {@code ./run}
 *                          gives {@value #RUN_SMS_PORT}. Needs {@code CASEFLOW_SMS_SECRET} in the environment.
 * @param phonePort         the port of the phone-platform simulator; {@link #NONE} (0, the default) starts none;
 *                          {@code ./run} gives {@value #RUN_PHONE_PORT}. Needs {@code CASEFLOW_PHONE_SECRET}.
 * @param phoneEventsUrl    where the phone simulator POSTs call events (intake)
 * @param smsRepliesUrl     where the SMS gateway POSTs customers' replies (follow-up)
 */
public record StackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort, int identityPort,
        int notificationsPort, int smsPort, int phonePort, String phoneEventsUrl, String smsRepliesUrl) {

    public static final String HOST = "127.0.0.1";

    /** The Kafka or MongoDB port that means: not this one. */
    public static final int NONE = 0;

    /** The identity port that means: no identity server (it needs the Spring libraries of infra's exec jar). */
    public static final int NO_IDENTITY = 0;

    /** The notifications port that means: no notification receiver. */
    public static final int NO_NOTIFICATIONS = 0;

    /** The SMS gateway's port in {@code ./run}'s stack (follow-up's CASEFLOW_SMS_GATEWAY_URL points there). */
    public static final int RUN_SMS_PORT = 9011;

    /** The phone simulator's port in {@code ./run}'s stack ({@code infra/bin/phone} calls it there). */
    public static final int RUN_PHONE_PORT = 9012;

    private static final String USAGE =
            "Options: --data-dir=DIR (default .local/data) --kafka-port=N (9092; 0 for no broker) "
                    + "--controller-port=N (9093) --mongo-port=N (27017; 0 for no MongoDB) --identity-port=N (9000; 0 for no identity server) "
                    + "--notifications-port=N (9010; 0 for no notification receiver) "
                    + "--sms-port=N (none unless given; ./run: 9011) --phone-port=N (none unless given; ./run: 9012) "
                    + "--phone-events-url=URL (" + PhoneSimulator.DEFAULT_EVENTS_URL + ") "
                    + "--sms-replies-url=URL (" + SmsGateway.DEFAULT_REPLIES_URL + ")";

    public StackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        if (kafkaPort < 0 || kafkaPort > 65535 || mongoPort < 0 || mongoPort > 65535) {
            throw new IllegalArgumentException("kafkaPort " + kafkaPort + ", mongoPort " + mongoPort);
        }
        if (identityPort < 0 || identityPort > 65535) {
            throw new IllegalArgumentException("identityPort " + identityPort);
        }
        if (notificationsPort < 0 || notificationsPort > 65535) {
            throw new IllegalArgumentException("notificationsPort " + notificationsPort);
        }
        if (smsPort < 0 || smsPort > 65535 || phonePort < 0 || phonePort > 65535) {
            throw new IllegalArgumentException("smsPort " + smsPort + ", phonePort " + phonePort);
        }
        if (phoneEventsUrl == null || smsRepliesUrl == null) {
            throw new IllegalArgumentException("phoneEventsUrl " + phoneEventsUrl + ", smsRepliesUrl "
                    + smsRepliesUrl);
        }
    }

    /** Without the SMS gateway and the phone simulator: what the fault suite and the system tests start. */
    public StackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort, int identityPort,
            int notificationsPort) {
        this(dataDir, kafkaPort, controllerPort, mongoPort, identityPort, notificationsPort, NONE, NONE,
                PhoneSimulator.DEFAULT_EVENTS_URL, SmsGateway.DEFAULT_REPLIES_URL);
    }

    /** Without the notification receiver. */
    public StackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort, int identityPort) {
        this(dataDir, kafkaPort, controllerPort, mongoPort, identityPort, NO_NOTIFICATIONS);
    }

    /**
     * Kafka and MongoDB only, without the identity server and the notification receiver: what the services' tests
     * start.
     */
    public StackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort) {
        this(dataDir, kafkaPort, controllerPort, mongoPort, NO_IDENTITY);
    }

    public static StackSettings defaults() {
        return new StackSettings(Path.of(".local/data"), 9092, 9093, 27017, 9000, 9010, NONE, NONE,
                PhoneSimulator.DEFAULT_EVENTS_URL, SmsGateway.DEFAULT_REPLIES_URL);
    }

    public static StackSettings parse(String[] args, Properties systemProperties) {
        Properties options = new Properties();
        systemProperties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("caseflow."))
                .forEach(name -> options.setProperty(name.substring("caseflow.".length()),
                        systemProperties.getProperty(name)));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new StartupException("Unknown argument '" + arg + "'. " + USAGE);
            }
            options.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
        }

        StackSettings defaults = defaults();
        StackSettings settings = new StackSettings(
                Path.of(options.getProperty("data-dir", defaults.dataDir().toString())),
                portOrNone(options, "kafka-port", defaults.kafkaPort()),
                port(options, "controller-port", defaults.controllerPort()),
                portOrNone(options, "mongo-port", defaults.mongoPort()),
                portOrNone(options, "identity-port", defaults.identityPort()),
                portOrNone(options, "notifications-port", defaults.notificationsPort()),
                portOrNone(options, "sms-port", defaults.smsPort()),
                portOrNone(options, "phone-port", defaults.phonePort()),
                httpUrl(options, "phone-events-url", defaults.phoneEventsUrl()),
                httpUrl(options, "sms-replies-url", defaults.smsRepliesUrl()));
        options.keySet().removeAll(Set.of("data-dir", "kafka-port", "controller-port", "mongo-port",
                "identity-port", "notifications-port", "sms-port", "phone-port", "phone-events-url",
                "sms-replies-url"));
        if (!options.isEmpty()) {
            throw new StartupException("Unknown option(s) " + options.keySet() + ". " + USAGE);
        }
        return settings;
    }

    /** A port, or 0 for "do not start this one". */
    private static int portOrNone(Properties options, String name, int defaultValue) {
        return "0".equals(options.getProperty(name, "").trim()) ? NONE : port(options, name, defaultValue);
    }

    private static String httpUrl(Properties options, String name, String defaultValue) {
        String value = options.getProperty(name, defaultValue).trim();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new StartupException("--" + name + " must be an http(s) URL, not '" + value + "'.");
    }

    private static int port(Properties options, String name, int defaultValue) {
        String value = options.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StartupException("--" + name + " must be a port number between 1 and 65535, not '" + value + "'.");
    }

    public String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://" + HOST + ":" + mongoPort;
    }

    public boolean kafkaEnabled() {
        return kafkaPort != NONE;
    }

    public boolean mongoEnabled() {
        return mongoPort != NONE;
    }

    public boolean identityEnabled() {
        return identityPort != NO_IDENTITY;
    }

    /** Where the identity server listens, e.g. {@code http://127.0.0.1:9000}; null without one. */
    public String identityUrl() {
        return identityEnabled() ? "http://" + HOST + ":" + identityPort : null;
    }

    public boolean notificationsEnabled() {
        return notificationsPort != NO_NOTIFICATIONS;
    }

    /** Where notifications are POSTed, e.g. {@code http://127.0.0.1:9010/notifications}; null without a receiver. */
    public String notificationsUrl() {
        return notificationsEnabled() ? "http://" + HOST + ":" + notificationsPort + NotificationReceiver.PATH : null;
    }

    public boolean smsEnabled() {
        return smsPort != NONE;
    }

    /** Where follow-up sends text messages, e.g. {@code http://127.0.0.1:9011/sms/messages}; null without a gateway. */
    public String smsUrl() {
        return smsEnabled() ? "http://" + HOST + ":" + smsPort + SmsGateway.MESSAGES_PATH : null;
    }

    public boolean phoneEnabled() {
        return phonePort != NONE;
    }

    /** The phone simulator's control API, e.g. {@code http://127.0.0.1:9012/phone}; null without a simulator. */
    public String phoneUrl() {
        return phoneEnabled() ? "http://" + HOST + ":" + phonePort + PhoneSimulator.PATH : null;
    }
}
