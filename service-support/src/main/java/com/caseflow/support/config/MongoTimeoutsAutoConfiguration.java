package com.caseflow.support.config;

import com.mongodb.MongoClientSettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;

import java.util.concurrent.TimeUnit;

/**
 * Every service's MongoDB client gets the short timeouts of {@link MongoTimeouts}, and every timeout they end in is
 * translated to a {@code DataAccessResourceFailureException} ({@link StoreExceptionTranslator}).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
@EnableConfigurationProperties(MongoTimeouts.class)
public class MongoTimeoutsAutoConfiguration {

    @Bean
    static BeanPostProcessor caseflowStoreExceptionTranslation() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
                    factory.setExceptionTranslator(new StoreExceptionTranslator());
                }
                return bean;
            }
        };
    }

    @Bean
    MongoClientSettingsBuilderCustomizer caseflowMongoTimeouts(MongoTimeouts timeouts) {
        return new ShortTimeouts(timeouts);
    }

    /** Runs after Boot's customizer that applies the connection string, so these settings win over it. */
    record ShortTimeouts(MongoTimeouts timeouts) implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket
                            .connectTimeout((int) timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout((int) timeouts.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(timeouts.poolMaxWait().toMillis(),
                            TimeUnit.MILLISECONDS))
                    // an alpha API of driver 5 (client-side operation timeout), the only bound on the whole operation
                    .timeout(timeouts.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
