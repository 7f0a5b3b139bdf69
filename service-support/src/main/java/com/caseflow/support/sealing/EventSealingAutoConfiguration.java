package com.caseflow.support.sealing;

import com.caseflow.events.sealing.Keyring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The keyring of the sealed event fields and the customer tokens. A key id, a key or a current id that does not fit
 * stops the service at start-up, naming the id and never the key.
 */
@AutoConfiguration
@EnableConfigurationProperties(SealingProperties.class)
public class EventSealingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Keyring eventKeyring(SealingProperties properties) {
        return Keyring.of(properties.keys(), properties.current());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "caseflow.events", name = "customer-token-secret")
    CustomerTokens customerTokens(@Value("${caseflow.events.customer-token-secret}") String secret) {
        return new CustomerTokens(secret);
    }
}
