package com.caseflow.support.deadletter;

import com.caseflow.support.audit.AdminActionAudit;
import com.caseflow.support.audit.AdminActionAuditConfiguration;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.security.ServiceSecurityAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ADMIN API over the dead letters of every consuming service ({@code /api/v1/admin/dead-letters}). Its topics
 * are those of the service's Spring Cloud Stream input bindings that dead-letter ({@code enable-dlq}), or
 * {@code caseflow.dead-letters.topics} where set.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, HttpSecurity.class, MongoTemplate.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ServiceSecurity.class)
@ConditionalOnExpression("'${spring.cloud.function.definition:}' != '' or '${caseflow.dead-letters.topics:}' != ''")
@Import(AdminActionAuditConfiguration.class)
public class DeadLetterAutoConfiguration {

    /** An input binding's destination(s), comma-separated. */
    record Binding(String destination) {
    }

    record KafkaConsumer(boolean enableDlq) {
    }

    record KafkaBinding(KafkaConsumer consumer) {
    }

    @Bean(destroyMethod = "close")
    DeadLetters deadLetterRecords(Environment environment, KafkaProperties kafka, JsonMapper json, Clock clock,
                            @Value("${spring.application.name}") String applicationName) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letter-replay");
        return new DeadLetters(() -> consumedTopics(environment), new DefaultKafkaConsumerFactory<>(consumer),
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)), json, clock);
    }

    /** The topics whose records this service dead-letters. */
    static List<String> consumedTopics(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> configured = binder.bind("caseflow.dead-letters.topics", Bindable.listOf(String.class))
                .orElse(List.of());
        if (!configured.isEmpty()) {
            return configured;
        }
        Map<String, Binding> bindings = binder.bind("spring.cloud.stream.bindings",
                Bindable.mapOf(String.class, Binding.class)).orElse(Map.of());
        Map<String, KafkaBinding> kafkaBindings = binder.bind("spring.cloud.stream.kafka.bindings",
                Bindable.mapOf(String.class, KafkaBinding.class)).orElse(Map.of());
        return bindings.entrySet().stream()
                .filter(b -> b.getKey().contains("-in-") && b.getValue().destination() != null)
                .filter(b -> {
                    KafkaBinding kafkaBinding = kafkaBindings.get(b.getKey());
                    return kafkaBinding != null && kafkaBinding.consumer() != null
                            && kafkaBinding.consumer().enableDlq();
                })
                .flatMap(b -> Arrays.stream(b.getValue().destination().split(",")).map(String::trim))
                .distinct().sorted().toList();
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters, AdminActionAudit audit) {
        return new DeadLetterController(deadLetters, audit);
    }

    /** Before the service's own chain, which denies whatever its matrix does not name. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 21)
    SecurityFilterChain deadLetterAdminApi(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.adminApi(http, "/api/v1/admin/dead-letters/**");
    }
}
