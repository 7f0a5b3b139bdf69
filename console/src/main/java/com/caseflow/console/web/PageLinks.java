package com.caseflow.console.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written into pages as the templates give them. With a resource chain on (webjars-locator-lite switches it
 * on) Spring Boot adds {@link ResourceUrlEncodingFilter}, and every {@code @{…}} link of a page is then first looked up
 * as a static resource in the jar's class path — uncached when it is not one, as page links are not. The managers'
 * dashboard writes about a thousand links (500 agents), which cost the console over a second per page (profiled with
 * DashboardBenchmark, docs/benchmarks.md). The WebJars keep their version-less addresses
 * ({@code /webjars/htmx.org/dist/htmx.min.js}), which the resource chain resolves when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    /** Registered and switched off: Spring Boot then adds none of its own. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(
                new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
