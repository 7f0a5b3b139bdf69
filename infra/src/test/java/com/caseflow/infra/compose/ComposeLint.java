package com.caseflow.infra.compose;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose linter that CI runs (no Docker needed): the production compose file against the Compose
 * Specification's JSON schema, then CaseFlow's own rules over the compose file, the files it mounts from
 * {@code deploy/} and each service's {@code container} profile. {@link #check} lists every violation, empty when
 * there is none.
 */
final class ComposeLint {

    static final String COMPOSE = "docker-compose.yml";
    static final String KAFKA_SERVER = "deploy/kafka/server.properties";
    static final String KAFKA_INIT = "deploy/kafka/init.sh";
    static final String MONGO_START = "deploy/mongo/start.sh";
    static final String MONGO_USERS = "deploy/mongo/init-users.js";
    static final String CA = "caseflow-ca.crt";

    /** The key that seals customers' fields on the topics, a config-tree file named for its key id. */
    static final String SEALING_KEYS = "caseflow.events.sealing.keys.";
    static final String SEALING_KEY = SEALING_KEYS + "k1";
    /**
     * Who may open customers' names and numbers on the topics: evaluation, for one, needs none; the console opens the
     * caller's number on calls for the screen pop.
     */
    static final Set<String> SEALING_KEY_HOLDERS = Set.of("intake-service", "routing-service", "followup-service",
            "console");

    /** What each service cannot start without, as compose secrets (their targets, i.e. file names in /run/secrets). */
    static final Map<String, Set<String>> REQUIRED_SECRETS = Map.of(
            "intake-service", Set.of(CA, "KAFKA_PASSWORD", "MONGODB_PASSWORD", "CASEFLOW_AUDIT_CUSTOMER_KEY",
                    "CASEFLOW_PHONE_SECRET", "CASEFLOW_EVENTS_SEALING_CURRENT", SEALING_KEY,
                    "CASEFLOW_CUSTOMER_TOKEN_SECRET"),
            "routing-service", Set.of(CA, "KAFKA_PASSWORD", "MONGODB_PASSWORD", "CASEFLOW_AUDIT_CUSTOMER_KEY",
                    "CASEFLOW_CUSTOMER_KEY_SECRET", "CASEFLOW_EVENTS_SEALING_CURRENT", SEALING_KEY),
            "followup-service", Set.of(CA, "KAFKA_PASSWORD", "MONGODB_PASSWORD", "CASEFLOW_WEBHOOK_SECRET",
                    "CASEFLOW_SMS_SECRET", "CASEFLOW_AUDIT_CUSTOMER_KEY", "CASEFLOW_EVENTS_SEALING_CURRENT",
                    SEALING_KEY),
            "evaluation-service", Set.of(CA, "KAFKA_PASSWORD", "MONGODB_PASSWORD"),
            "console", Set.of(CA, "KAFKA_PASSWORD", "CASEFLOW_CONSOLE_SECRET", SEALING_KEY),
            "identity", Set.of("CASEFLOW_SERVICES_SECRET", "CASEFLOW_CONSOLE_SECRET"),
            "kafka", Set.of(CA, "kafka.pem", "kafka-admin.password", "kafka-cluster-id"),
            "mongo", Set.of(CA, "mongo.pem", "mongo-keyfile", "mongo-root.password"));

    /** A variable named for what it holds: …_PASSWORD, …_SECRET, …_TOKEN, …_API_KEY (…_FILE too), not …_TOKEN_URI. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(.*_)?(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CUSTOMER_KEY|CREDENTIALS?)(_FILE)?");
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("://[^/\\s:@]+:[^@\\s/]+@");
    private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The files the linter reads, by path from the repository's root; a test swaps one for a broken copy. */
    record Files_(Map<String, String> texts) {

        static Files_ of(Path root) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String path : List.of(COMPOSE, KAFKA_SERVER, KAFKA_INIT, MONGO_START, MONGO_USERS)) {
                texts.put(path, read(root.resolve(path)));
            }
            for (String module : List.of("intake-service", "routing-service", "followup-service",
                    "evaluation-service", "console")) {
                String path = applicationYml(module);
                texts.put(path, read(root.resolve(path)));
            }
            return new Files_(Map.copyOf(texts));
        }

        String get(String path) {
            String text = texts.get(path);
            if (text == null) {
                throw new IllegalArgumentException("not read: " + path);
            }
            return text;
        }

        /** A copy with {@code from} replaced by {@code to} in one file; the text must be there. */
        Files_ with(String path, String from, String to) {
            String text = get(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(path + " does not contain " + from);
            }
            Map<String, String> copy = new HashMap<>(texts);
            copy.put(path, text.replace(from, to));
            return new Files_(Map.copyOf(copy));
        }

        private static String read(Path path) {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String applicationYml(String module) {
        return module + "/src/main/resources/application.yml";
    }

    private final Schema schema;
    private final List<String> violations = new ArrayList<>();

    ComposeLint() {
        try (InputStream in = ComposeLint.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            // This revision names draft 2019-09 by its old http address and keeps draft-04's "id" (a text) in its
            // definitions, which the validator refuses: the draft is set here and those ids, mere labels, dropped.
            ObjectNode spec = (ObjectNode) JSON.readTree(in);
            spec.remove("$schema");
            dropTextIds(spec);
            // and it predates the top-level "name" (the project's name, which fixes the volumes' names)
            ((ObjectNode) spec.get("properties")).putObject("name").put("type", "string");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropTextIds(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isString()) {
            object.remove("id");
        }
        for (JsonNode child : node) {
            dropTextIds(child);
        }
    }

    List<String> check(Files_ files) {
        violations.clear();
        Map<String, Object> compose = yaml(files.get(COMPOSE));
        JsonNode tree = JSON.valueToTree(compose);
        for (Error error : schema.validate(tree)) {
            violations.add("schema: " + error);
        }
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> declaredSecrets = map(compose.get("secrets"));
        Map<String, String> kafkaPasswords = new HashMap<>();
        Map<String, String> mongoPasswords = new HashMap<>();

        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = map(entry.getValue());
            Map<String, String> secrets = secretTargets(name, service, declaredSecrets);
            Map<String, String> environment = environment(service);
            noPlainSecrets(name, environment);
            for (String required : REQUIRED_SECRETS.getOrDefault(name, Set.of())) {
                if (!secrets.containsKey(required)) {
                    violations.add(name + ": lacks the secret " + required);
                }
            }
            if (!SEALING_KEY_HOLDERS.contains(name)) {
                secrets.keySet().stream().filter(target -> target.startsWith(SEALING_KEYS))
                        .forEach(target -> violations.add(name + ": holds " + target
                                + ": only intake, routing, follow-up and the console may open customers' sealed fields"));
            }
            Object published = service.get("ports");
            String module = module(service);
            if (module != null && !module.equals("infra")) {
                springService(files, name, module, service, secrets, environment, kafkaPasswords, mongoPasswords);
            } else if ("infra".equals(module)) {
                String port = environment.get("MANAGEMENT_SERVER_PORT");
                if (port == null) {
                    violations.add(name + ": no MANAGEMENT_SERVER_PORT: actuator would share the published port");
                } else {
                    notPublished(name, published, port);
                }
                configTree(name, environment.getOrDefault("SPRING_CONFIG_IMPORT", ""), secrets);
            }
            for (String port : containerPorts(published)) {
                if (!port.startsWith("127.0.0.1:")) {
                    violations.add(name + ": publishes " + port + " beyond the loopback");
                }
            }
        }
        if (services.containsKey("kafka")) {
            kafka(files, map(services.get("kafka")), files.get(COMPOSE));
        } else {
            violations.add("no kafka service");
        }
        if (services.containsKey("mongo")) {
            mongo(files, map(services.get("mongo")));
        } else {
            violations.add("no mongo service");
        }
        return List.copyOf(violations);
    }

    private void springService(Files_ files, String name, String module, Map<String, Object> service,
                               Map<String, String> secrets, Map<String, String> environment,
                               Map<String, String> kafkaPasswords, Map<String, String> mongoPasswords) {
        String yml = files.get(applicationYml(module));
        Map<String, Object> container = containerProfile(yml);
        if (container == null) {
            violations.add(name + ": " + applicationYml(module) + " has no container profile");
            return;
        }
        if (!"container".equals(environment.get("SPRING_PROFILES_ACTIVE"))) {
            violations.add(name + ": does not run the container profile");
        }
        // every variable the container profile needs without a default comes from compose
        Matcher placeholders = REQUIRED_PLACEHOLDER.matcher(containerText(yml));
        while (placeholders.find()) {
            String variable = placeholders.group(1);
            if (!secrets.containsKey(variable) && !environment.containsKey(variable)) {
                violations.add(name + ": nothing sets " + variable + ", which its container profile requires");
            }
        }
        if (!secrets.isEmpty()) {
            configTree(name, string(path(container, "spring", "config", "import")), secrets);
        }
        // the management port: set, not the API's, not published
        Object managementPort = path(container, "management", "server", "port");
        if (managementPort == null) {
            violations.add(name + ": no management.server.port in its container profile: actuator would share the "
                    + "published port");
        } else {
            String port = portValue(string(managementPort));
            Object serverPort = path(yaml(yml), "server", "port");
            if (serverPort != null && port.equals(string(serverPort))) {
                violations.add(name + ": management.server.port is the API's port " + port);
            }
            notPublished(name, service.get("ports"), port);
        }
        // Kafka: SASL_SSL with SCRAM as the service's own principal
        Map<String, Object> kafka = map(path(container, "spring", "kafka", "properties"));
        if (!"SASL_SSL".equals(kafka.get("security.protocol"))) {
            violations.add(name + ": Kafka security.protocol is " + kafka.get("security.protocol")
                    + ", not SASL_SSL");
        }
        if (!"SCRAM-SHA-512".equals(kafka.get("sasl.mechanism"))) {
            violations.add(name + ": Kafka sasl.mechanism is " + kafka.get("sasl.mechanism") + ", not SCRAM-SHA-512");
        }
        String jaas = string(kafka.get("sasl.jaas.config"));
        if (!jaas.contains("ScramLoginModule") || !jaas.contains("password=\"${KAFKA_PASSWORD}\"")) {
            violations.add(name + ": Kafka's sasl.jaas.config must log in with ScramLoginModule and the password of "
                    + "the KAFKA_PASSWORD secret");
        }
        if (!jaas.contains("username=\"${KAFKA_USERNAME:" + name + "}\"")) {
            violations.add(name + ": Kafka principal is not " + name);
        }
        String kafkaPassword = secrets.get("KAFKA_PASSWORD");
        if (kafkaPassword != null) {
            String other = kafkaPasswords.putIfAbsent(kafkaPassword, name);
            if (other != null) {
                violations.add(name + " and " + other + " share the Kafka password " + kafkaPassword
                        + ": a principal per service");
            }
        }
        if (!files.get(KAFKA_INIT).contains("--allow-principal User:" + name + " ")) {
            violations.add(name + ": no ACL for User:" + name + " in " + KAFKA_INIT);
        }
        // MongoDB: its own user and database, TLS
        Object mongoUri = path(container, "spring", "mongodb", "uri");
        if (mongoUri != null) {
            String uri = string(mongoUri);
            Matcher database = Pattern.compile("@[^/]+/([a-z]+)\\?").matcher(uri);
            String db = database.find() ? database.group(1) : null;
            if (!uri.contains(":${MONGODB_PASSWORD}@")) {
                violations.add(name + ": its MongoDB URI does not log in with the MONGODB_PASSWORD secret");
            }
            if (!uri.contains("tls=true")) {
                violations.add(name + ": its MongoDB URI does not require TLS (tls=true)");
            }
            if (db == null || !uri.contains("authSource=" + db)) {
                violations.add(name + ": its MongoDB user is not defined on its own database (authSource=" + db + ")");
            }
            if (!Boolean.TRUE.equals(path(container, "spring", "mongodb", "ssl", "enabled"))) {
                violations.add(name + ": spring.mongodb.ssl.enabled is not true: the CA bundle is not used");
            }
            String users = files.get(MONGO_USERS);
            if (db != null && !users.contains("'" + name + "': '" + db + "'")) {
                violations.add(name + ": " + MONGO_USERS + " makes no user " + name + " on " + db);
            }
            String mongoPassword = secrets.get("MONGODB_PASSWORD");
            if (mongoPassword != null) {
                String other = mongoPasswords.putIfAbsent(mongoPassword, name);
                if (other != null) {
                    violations.add(name + " and " + other + " share the MongoDB password " + mongoPassword
                            + ": a user per service");
                }
            }
        }
    }

    private void kafka(Files_ files, Map<String, Object> service, String composeText) {
        if (composeText.contains("PLAINTEXT")) {
            violations.add("docker-compose.yml mentions PLAINTEXT: every Kafka listener is SASL_SSL");
        }
        Map<String, String> environment = environment(service);
        for (String key : environment.keySet()) {
            if (key.startsWith("KAFKA_") && key.contains("LISTENER")) {
                violations.add("kafka: " + key + " overrides the listeners of " + KAFKA_SERVER);
            }
        }
        if (!String.valueOf(service.get("entrypoint")).contains("/deploy/kafka/start.sh")
                || !String.valueOf(service.get("volumes")).contains("./deploy/kafka:/deploy/kafka")) {
            violations.add("kafka: does not start from deploy/kafka (start.sh and server.properties)");
        }
        Properties server = new Properties();
        try {
            server.load(new StringReader(files.get(KAFKA_SERVER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> protocols = new HashMap<>();
        for (String pair : server.getProperty("listener.security.protocol.map", "").split(",")) {
            String[] parts = pair.strip().split(":");
            if (parts.length == 2) {
                protocols.put(parts[0], parts[1]);
            }
        }
        String controller = server.getProperty("controller.listener.names", "");
        for (String property : List.of("listeners", "advertised.listeners")) {
            for (String listener : server.getProperty(property, "").split(",")) {
                String listenerName = listener.strip().split(":", 2)[0];
                String protocol = protocols.getOrDefault(listenerName, listenerName);
                if (listenerName.equals(controller)) {
                    if (!"SSL".equals(protocol) || !"required".equals(server.getProperty(
                            "listener.name." + listenerName.toLowerCase(Locale.ROOT) + ".ssl.client.auth"))) {
                        violations.add("kafka: the controller listener " + listenerName + " must be SSL with client "
                                + "certificates required");
                    }
                } else if (!"SASL_SSL".equals(protocol)) {
                    violations.add("kafka: " + property + " " + listener.strip() + " is " + protocol
                            + ", not SASL_SSL");
                }
            }
        }
        if (!"SCRAM-SHA-512".equals(server.getProperty("sasl.enabled.mechanisms"))) {
            violations.add("kafka: sasl.enabled.mechanisms must be SCRAM-SHA-512 only, is "
                    + server.getProperty("sasl.enabled.mechanisms"));
        }
        if (server.getProperty("authorizer.class.name", "").isBlank()
                || !"false".equals(server.getProperty("allow.everyone.if.no.acl.found"))) {
            violations.add("kafka: an authorizer with allow.everyone.if.no.acl.found=false is required");
        }
        String init = files.get(KAFKA_INIT);
        if (!init.contains("--entity-type users") || !init.contains("SCRAM-SHA-512=[")) {
            violations.add("kafka: " + KAFKA_INIT + " makes no SCRAM users");
        }
    }

    private void mongo(Files_ files, Map<String, Object> service) {
        String start = files.get(MONGO_START);
        for (String option : List.of("--auth", "--keyFile", "--tlsMode requireTLS", "--tlsCertificateKeyFile",
                "--replSet")) {
            if (!start.contains(option)) {
                violations.add("mongo: " + MONGO_START + " starts mongod without " + option);
            }
        }
        if (start.contains("--tlsAllowInvalidCertificates") || start.contains("--tlsAllowInvalidHostnames")) {
            violations.add("mongo: certificates must be checked");
        }
        if (!String.valueOf(service.get("entrypoint")).contains("/deploy/mongo/start.sh")) {
            violations.add("mongo: does not start from " + MONGO_START);
        }
        Map<String, String> environment = environment(service);
        if (!environment.containsKey("MONGO_INITDB_ROOT_PASSWORD_FILE")) {
            violations.add("mongo: the root password must come from a secret (MONGO_INITDB_ROOT_PASSWORD_FILE)");
        }
        if (!String.valueOf(service.get("volumes")).contains("init-users.js:/docker-entrypoint-initdb.d/")) {
            violations.add("mongo: " + MONGO_USERS + " is not run on the first start");
        }
        String users = files.get(MONGO_USERS);
        Matcher roles = Pattern.compile("role:\\s*'([A-Za-z]+)'").matcher(users);
        Set<String> granted = new TreeSet<>();
        while (roles.find()) {
            granted.add(roles.group(1));
        }
        if (!granted.equals(Set.of("readWrite")) || !users.contains("db: database")) {
            violations.add("mongo: services' users must have readWrite on their own database only, have " + granted);
        }
    }

    private Map<String, String> secretTargets(String name, Map<String, Object> service,
                                              Map<String, Object> declared) {
        Map<String, String> targets = new HashMap<>();
        Object secrets = service.get("secrets");
        if (secrets == null) {
            return targets;
        }
        for (Object secret : (List<?>) secrets) {
            String source;
            String target;
            if (secret instanceof Map<?, ?> long_) {
                source = string(long_.get("source"));
                target = long_.get("target") == null ? source : string(long_.get("target"));
            } else {
                source = string(secret);
                target = source;
            }
            Object declaration = declared.get(source);
            if (declaration == null) {
                violations.add(name + ": secret " + source + " is not declared under secrets:");
            } else if (!(declaration instanceof Map<?, ?> d) || !string(d.get("file"))
                    .startsWith("${CASEFLOW_SECRETS_DIR:-./deploy/secrets}/")) {
                violations.add("secret " + source + " is not a file of deploy/secrets (CASEFLOW_SECRETS_DIR)");
            }
            targets.put(target, source);
        }
        return targets;
    }

    private void noPlainSecrets(String name, Map<String, String> environment) {
        environment.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()
                    && !(key.endsWith("_FILE") && value.startsWith("/run/secrets/"))) {
                violations.add(name + ": " + key + " in the environment: a secret belongs in secrets:");
            }
            if (CREDENTIALS_IN_URL.matcher(value).find() || value.toLowerCase(Locale.ROOT).contains("password=")) {
                violations.add(name + ": " + key + " carries credentials in the environment");
            }
        });
    }

    private void configTree(String name, String imports, Map<String, String> secrets) {
        if (!secrets.isEmpty() && !(imports.contains("configtree:") && imports.contains("/run/secrets/"))) {
            violations.add(name + ": its secrets are not read (spring.config.import configtree:/run/secrets/)");
        }
    }

    private void notPublished(String name, Object ports, String port) {
        for (String published : containerPorts(ports)) {
            String target = published.substring(published.lastIndexOf(':') + 1).replace("/tcp", "");
            if (target.equals(port)) {
                violations.add(name + ": publishes its management port " + port);
            }
        }
    }

    private static List<String> containerPorts(Object ports) {
        List<String> all = new ArrayList<>();
        if (ports instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> long_) {
                    Object hostIp = long_.get("host_ip");
                    all.add((hostIp == null ? "0.0.0.0" : string(hostIp)) + ":"
                            + string(long_.get("published")) + ":" + string(long_.get("target")));
                } else {
                    all.add(string(port));
                }
            }
        }
        return all;
    }

    private static String module(Map<String, Object> service) {
        Object build = service.get("build");
        return build instanceof Map<?, ?> b && b.get("args") instanceof Map<?, ?> args
                ? string(args.get("SERVICE")) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new HashMap<>();
        Object env = service.get("environment");
        if (env instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> environment.put(k, v == null ? "" : string(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] pair = string(item).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    /** "${MANAGEMENT_PORT:8090}" → "8090". */
    private static String portValue(String value) {
        Matcher placeholder = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}").matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }

    private static Map<String, Object> containerProfile(String yml) {
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yml)) {
            if (document instanceof Map<?, ?> doc) {
                Map<String, Object> profile = cast(doc);
                if ("container".equals(path(profile, "spring", "config", "activate", "on-profile"))) {
                    return profile;
                }
            }
        }
        return null;
    }

    private static String containerText(String yml) {
        int start = yml.indexOf("on-profile: container");
        return start < 0 ? "" : yml.substring(start);
    }

    private static Map<String, Object> yaml(String text) {
        return map(new Yaml(new LoaderOptions()).loadAll(text).iterator().next());
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
