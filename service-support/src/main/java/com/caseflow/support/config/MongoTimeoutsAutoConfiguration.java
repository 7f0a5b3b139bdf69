package com.caseflow.support.config;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.concurrent.TimeUnit;

/** Every service's MongoDB client gets the short timeouts of {@link MongoTimeouts}. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
@EnableConfigurationProperties(MongoTimeouts.class)
public class MongoTimeoutsAutoConfiguration {

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
                            TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
