package com.caseflow.support.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at its own fresh database on the embedded MongoDB-wire server and at the
 * test identity provider: {@code @ContextConfiguration(initializers = TestInfrastructure.class)}.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mongodb.uri=" + EmbeddedMongo.freshDatabaseUri())
                .and(TestIdentityProvider.properties())
                .applyTo(context);
    }
}
