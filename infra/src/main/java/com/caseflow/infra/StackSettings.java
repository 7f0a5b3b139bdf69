package com.caseflow.infra;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

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
 */
public record StackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort, int identityPort,
        int notificationsPort) {

    public static final String HOST = "127.0.0.1";

    /** The Kafka or MongoDB port that means: not this one. */
    public static final int NONE = 0;

    /** The identity port that means: no identity server (it needs the Spring libraries of infra's exec jar). */
    public static final int NO_IDENTITY = 0;

    /** The notifications port that means: no notification receiver. */
    public static final int NO_NOTIFICATIONS = 0;

    private static final String USAGE =
            "Options: --data-dir=DIR (default .local/data) --kafka-port=N (9092; 0 for no broker) "
                    + "--controller-port=N (9093) --mongo-port=N (27017; 0 for no MongoDB) --identity-port=N (9000; 0 for no identity server) "
                    + "--notifications-port=N (9010; 0 for no notification receiver)";

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
        return new StackSettings(Path.of(".local/data"), 9092, 9093, 27017, 9000, 9010);
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
                portOrNone(options, "notifications-port", defaults.notificationsPort()));
        options.keySet().removeAll(Set.of("data-dir", "kafka-port", "controller-port", "mongo-port",
                "identity-port", "notifications-port"));
        if (!options.isEmpty()) {
            throw new StartupException("Unknown option(s) " + options.keySet() + ". " + USAGE);
        }
        return settings;
    }

    /** A port, or 0 for "do not start this one". */
    private static int portOrNone(Properties options, String name, int defaultValue) {
        return "0".equals(options.getProperty(name, "").trim()) ? NONE : port(options, name, defaultValue);
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
}
