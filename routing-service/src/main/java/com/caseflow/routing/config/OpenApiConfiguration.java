package com.caseflow.routing.config;

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
    OpenAPI routingApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("CaseFlow routing API")
                        .version("v1")
                        .description("Departments' queues and case work (accept, note, transfer, resolve, history), "
                                + "the department registry, and the managers' routing rules with a dry run. Every "
                                + "call needs a bearer token (locally: infra/bin/token D-ENG-01). Writes take "
                                + "If-Match with the case's ETag; a stale one is a 409."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
