package com.caseflow.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description every service serves at {@code /v3/api-docs}: its title and description from
 * {@code caseflow.api.*}, and the bearer-token scheme all its endpoints require.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(ApiDocsAutoConfiguration.ApiProperties.class)
public class ApiDocsAutoConfiguration {

    private static final String BEARER = "bearer-jwt";

    /** @param title e.g. "CaseFlow intake API"; @param description what the API is for and how to log in */
    @ConfigurationProperties("caseflow.api")
    public record ApiProperties(String title, String description) {
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(ApiProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).version("v1").description(properties.description()))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
