package com.caseflow.infra.compose;

import com.caseflow.infra.TestPorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production broker's configuration run for real: deploy/make-secrets.sh makes the CA, the broker's PEM key store
 * and the passwords; deploy/kafka/server.properties, as start.sh completes it (the broker's own SCRAM login, storage
 * formatted with kafka-admin bootstrapped), starts a KRaft broker here — only addresses, ports and paths changed. Then
 * a service connects exactly as its container profile says: with its own SCRAM principal over TLS it writes the topic
 * its ACL allows and nothing else; a wrong password or no ACL is refused.
 */
class ProductionBrokerTests {

    @TempDir
    static Path work;
    private static Path secrets;
    private static KafkaRaftServer broker;
    private static String bootstrap;

    @BeforeAll
    static void startTheProductionBroker() throws Exception {
        Path root = root();
        secrets = work.resolve("secrets");
        Process make = new ProcessBuilder("bash", root.resolve("deploy/make-secrets.sh").toString(), secrets.toString())
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(output).isZero();

        int port = TestPorts.free();
        int controllerPort = TestPorts.free();
        bootstrap = "localhost:" + port;
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(ComposeLint.KAFKA_SERVER))) {
            config.load(reader);
        }
        // only where it listens and keeps its files differs from the compose stack
        config.setProperty("listeners", "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "SASL_SSL://localhost:" + port);
        config.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.setProperty("ssl.keystore.location", secrets.resolve("kafka.pem").toString());
        config.setProperty("ssl.truststore.location", secrets.resolve("caseflow-ca.crt").toString());
        config.setProperty("log.dirs", work.resolve("kafka-data").toString());
        config.setProperty("offsets.topic.num.partitions", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // what start.sh appends from the compose secret
        String adminPassword = read("kafka-admin.password");
        config.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scram("kafka-admin",
                adminPassword));
        Path file = work.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, null);
        }
        format(file, read("kafka-cluster-id"), adminPassword);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        broker.startup();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void whenAServiceConnectsAsItsContainerProfileSaysThenItWritesOnlyWhatItsAclAllows() throws Exception {
        // what kafka-init does for intake-service: its SCRAM user, Write and Describe on contacts
        try (Admin admin = Admin.create(client("kafka-admin", read("kafka-admin.password")))) {
            admin.createTopics(List.of(new NewTopic("contacts", 1, (short) 1), new NewTopic("cases", 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("intake-service",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                    read("kafka-intake-service.password")))).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(List.of(AclOperation.WRITE, AclOperation.DESCRIBE).stream().map(op -> new AclBinding(
                    new ResourcePattern(ResourceType.TOPIC, "contacts", PatternType.LITERAL),
                    new AccessControlEntry("User:intake-service", "*", op, AclPermissionType.ALLOW))).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }

        Map<String, Object> intake = containerProfileClient("intake-service");
        try (KafkaProducer<String, String> producer = producer(intake)) {
            assertThat(producer.send(new ProducerRecord<>("contacts", "c-1", "{}")).get(60, TimeUnit.SECONDS)
                    .topic()).isEqualTo("contacts");
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("cases", "c-1", "{}"))
                    .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void whenThePasswordIsWrongThenTheBrokerRefusesTheLogin() throws Exception {
        Map<String, Object> stranger = client("intake-service", "not-the-password");
        stranger.put("max.block.ms", "20000");
        try (KafkaProducer<String, String> producer = producer(stranger)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("contacts", "c-2", "{}"))
                    .get(60, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** spring.kafka.properties of the service's container profile, its secrets from files, the CA from the test's. */
    private static Map<String, Object> containerProfileClient(String module) throws IOException {
        Path tree = work.resolve("tree-" + module);
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("KAFKA_PASSWORD"), read("kafka-" + module + ".password") + "\n");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.config.location", "file:" + root().resolve(ComposeLint.applicationYml(module)),
                "CASEFLOW_SECRETS_PATH", tree.toAbsolutePath() + "/",
                "MONGODB_PASSWORD", "unused",
                "CASEFLOW_CA_FILE", secrets.resolve("caseflow-ca.crt").toString())));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), "container");
        Map<String, Object> client = new HashMap<>();
        String prefix = "spring.kafka.properties.";
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(prefix)) {
                        client.putIfAbsent(name.substring(prefix.length()), environment.getProperty(name));
                    }
                }
            }
        });
        assertThat(client).containsKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.type", "ssl.truststore.location");
        client.put("bootstrap.servers", bootstrap);
        return client;
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", bootstrap);
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", "SCRAM-SHA-512");
        client.put("sasl.jaas.config", scram(user, password));
        client.put("ssl.truststore.type", "PEM");
        client.put("ssl.truststore.location", secrets.resolve("caseflow-ca.crt").toString());
        return client;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> producer = new HashMap<>(config);
        producer.putIfAbsent("max.block.ms", "60000");
        producer.put("delivery.timeout.ms", "60000");
        producer.put("request.timeout.ms", "30000");
        return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
    }

    private static String scram(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** start.sh's kafka-storage format, with kafka-admin's SCRAM credential bootstrapped. */
    private static void format(Path config, String clusterId, String adminPassword) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("kafka-storage asked to exit with " + status + ": " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
        try {
            int status = StorageTool.execute(new String[] {"format", "--ignore-formatted", "--cluster-id", clusterId,
                    "--config", config.toString(), "--add-scram",
                    "SCRAM-SHA-512=[name=kafka-admin,password=" + adminPassword + "]"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    private static String read(String secret) throws IOException {
        return Files.readString(secrets.resolve(secret), StandardCharsets.UTF_8).strip();
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(ComposeLint.COMPOSE))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
