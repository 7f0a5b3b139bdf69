package com.caseflow.support.outbox;

import com.caseflow.support.audit.AdminActionAudit;
import com.caseflow.support.audit.AdminActionAuditConfiguration;
import com.caseflow.support.sealing.EventSealingAutoConfiguration;
import com.caseflow.events.sealing.Keyring;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.security.ServiceSecurityAutoConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;

/**
 * The transactional outbox of a service whose documents carry events ({@code caseflow.outbox.collections}). The
 * relay has a producer of its own: Spring Cloud Stream rewrites the shared producer settings for its bindings.
 * Parked entries show in the health ({@code outbox}), in {@code caseflow.outbox.parked} and in the ADMIN API
 * {@code /api/v1/admin/outbox/parked}.
 */
@AutoConfiguration(after = {ServiceSecurityAutoConfiguration.class, EventSealingAutoConfiguration.class})
@ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
@ConditionalOnProperty(prefix = "caseflow.outbox", name = "collections")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    Outbox outbox(JsonMapper json, Keyring keyring, OutboxProperties properties, Clock clock) {
        return new Outbox(json, keyring, properties, clock);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, CircuitBreakerRegistry breakers,
                            OutboxProperties properties, Outbox outbox, Clock clock, MeterRegistry meters,
                            @Value("${spring.application.name}") String applicationName) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        // a send to a topic without metadata (deleted, broker away) holds the relay's one thread this long at most
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.sendTimeout().toMillis());
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        Map<String, Object> adminProperties = kafka.buildAdminProperties();
        adminProperties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-admin");
        OutboxTopics topics = new OutboxTopics(Admin.create(adminProperties), properties, meters);
        return new OutboxRelay(mongo, template, breakers, breakers.circuitBreaker("kafka").getCircuitBreakerConfig(),
                topics, properties, outbox, clock, meters, applicationName);
    }

    @Bean
    HealthIndicator outboxHealthIndicator(OutboxRelay relay) {
        return new OutboxHealth(relay);
    }

    /** The ADMIN API over parked entries, in every service with an outbox and a web API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(HttpSecurity.class)
    @ConditionalOnBean(ServiceSecurity.class)
    @Import(AdminActionAuditConfiguration.class)
    static class AdminApi {

        @Bean
        OutboxAdminController outboxAdminController(OutboxRelay relay, AdminActionAudit audit) {
            return new OutboxAdminController(relay, audit);
        }

        /** Before the service's own chain, which denies whatever its matrix does not name. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 20)
        SecurityFilterChain outboxAdminApi(HttpSecurity http, ServiceSecurity service) throws Exception {
            return service.adminApi(http, "/api/v1/admin/outbox/**");
        }
    }
}
