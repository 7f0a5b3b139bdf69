package com.caseflow.support.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Problem documents for every error, a cap on request bodies ({@code caseflow.http.max-body-size}), and the same
 * strict reading of every request: bodies in their documented JSON types ({@link RequestJson}), no control
 * characters in any text, query parameter or path variable ({@link ControlCharacters}).
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public class ServiceWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemHandler problemHandler(ObjectProvider<Clock> clock) {
        return new ProblemHandler(clock.getIfAvailable(Clock::systemUTC));
    }

    /** Replaces the server's JSON converter once all customizers ran, whatever order they ran in. */
    @Bean
    ServerHttpMessageConvertersCustomizer strictRequestBodies() {
        return converters -> converters.configureMessageConvertersList(list -> list.replaceAll(RequestJson::strict));
    }

    @Bean
    WebMvcConfigurer requestParameterCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestParameterCheck());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ErrorReportValve.class)
    static class TomcatProblems {

        @Bean
        TomcatContextCustomizer problemErrorReports() {
            return context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            };
        }
    }

    @Bean
    @ConditionalOnMissingBean
    BodySizeLimitFilter bodySizeLimitFilter(HttpProperties properties, JsonMapper json) {
        return new BodySizeLimitFilter(properties.maxBodySize(), json);
    }
}
