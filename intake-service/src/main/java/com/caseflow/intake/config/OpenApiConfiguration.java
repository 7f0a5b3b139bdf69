package com.caseflow.intake.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI intakeApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("CaseFlow intake API")
                        .version("v1")
                        .description("The agents' gateway: record calls (接电) and visits (接访), read a customer's "
                                + "history, and the project catalogue. Every call needs a bearer token from the "
                                + "identity provider (locally: infra/bin/token A001). Errors are RFC 9457 problem "
                                + "documents naming every bad field."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
