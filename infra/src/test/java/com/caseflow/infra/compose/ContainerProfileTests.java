package com.caseflow.infra.compose;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's container profile as Spring Boot reads it, with the compose secrets as files (a trailing newline, as
 * editors leave one): the config tree import works from the profile's document, the Kafka login, the MongoDB URI and
 * the management port come out as compose and the broker expect.
 */
class ContainerProfileTests {

    @TempDir
    Path secrets;

    @ParameterizedTest
    @CsvSource({"intake-service, intake", "routing-service, routing", "followup-service, followup",
            "evaluation-service, evaluation", "console, ''"})
    void whenTheSecretsAreFilesThenTheContainerProfileLogsInWithThem(String module, String database)
            throws IOException {
        Files.writeString(secrets.resolve("KAFKA_PASSWORD"), "kafka-" + module + "\n");
        Files.writeString(secrets.resolve("MONGODB_PASSWORD"), "mongo-" + module + "\n");
        Files.writeString(secrets.resolve("CASEFLOW_AUDIT_CUSTOMER_KEY"), "audit-key\n");

        StandardEnvironment environment = containerProfile(module);

        assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + module
                        + "\" password=\"kafka-" + module + "\";");
        assertThat(environment.getProperty("spring.kafka.properties.ssl.truststore.location"))
                .isEqualTo("/run/secrets/caseflow-ca.crt");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(environment.getProperty("management.server.port")).isEqualTo("8090");
        assertThat(environment.getProperty("spring.ssl.bundle.pem.caseflow-ca.truststore.certificate"))
                .isEqualTo("file:/run/secrets/caseflow-ca.crt");
        if (database.isEmpty()) {
            assertThat(environment.getProperty("spring.mongodb.uri")).isNull();
        } else {
            assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://" + module + ":mongo-"
                    + module + "@mongo:27017/" + database + "?replicaSet=rs0&authSource=" + database + "&tls=true");
            assertThat(environment.getProperty("spring.mongodb.ssl.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("spring.mongodb.ssl.bundle")).isEqualTo("caseflow-ca");
        }
    }

    @ParameterizedTest
    @CsvSource({"intake-service", "followup-service"})
    void whenAServiceTakesOrSendsWebhooksThenItsContainerProfileIsStrict(String module) throws IOException {
        Files.writeString(secrets.resolve("KAFKA_PASSWORD"), "k");
        Files.writeString(secrets.resolve("MONGODB_PASSWORD"), "m");

        StandardEnvironment environment = containerProfile(module);

        assertThat(environment.getProperty("caseflow.webhooks.require-https")).isEqualTo("true");
        assertThat(environment.getProperty("caseflow.webhooks.require-signature")).isEqualTo("true");
    }

    @ParameterizedTest
    @CsvSource({"intake-service", "routing-service", "followup-service", "evaluation-service"})
    void whenAServiceIsDownThenItsHealthAnswersAsBootMapsIt(String module) throws IOException {
        Files.writeString(secrets.resolve("KAFKA_PASSWORD"), "k");
        Files.writeString(secrets.resolve("MONGODB_PASSWORD"), "m");

        StandardEnvironment environment = containerProfile(module);

        // a mapping of our own replaces Boot's whole table: DOWN would answer 200 and no probe would see it
        String prefix = "management.endpoint.health.status.http-mapping.";
        List<String> mapped = environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> name.startsWith(prefix)).toList();
        if (!mapped.isEmpty()) {
            assertThat(environment.getProperty(prefix + "down")).isEqualTo("503");
            assertThat(environment.getProperty(prefix + "out-of-service")).isEqualTo("503");
        }
    }

    private StandardEnvironment containerProfile(String module) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.config.location", "file:" + root().resolve(ComposeLint.applicationYml(module)),
                "CASEFLOW_SECRETS_PATH", secrets.toAbsolutePath() + "/")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), "container");
        return environment;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(ComposeLint.COMPOSE))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
