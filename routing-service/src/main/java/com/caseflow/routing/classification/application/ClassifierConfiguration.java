package com.caseflow.routing.classification.application;

import com.caseflow.routing.classification.domain.Classifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

    @Bean
    Classifier classifier(ClassificationProperties properties) {
        return new Classifier(properties.policy());
    }
}
