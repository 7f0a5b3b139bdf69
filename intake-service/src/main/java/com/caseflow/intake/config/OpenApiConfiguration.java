package com.caseflow.intake.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI intakeApi() {
        return new OpenAPI().info(new Info()
                .title("CaseFlow intake API")
                .version("v1")
                .description("The agents' gateway: record calls (接电) and visits (接访), read a customer's history, "
                        + "and the project catalogue. Errors are RFC 9457 problem documents naming every bad field."));
    }
}
