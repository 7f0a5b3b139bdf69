package com.caseflow.support.sample;

import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.security.Staff;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The smallest service built on service-support: one role matrix, one controller, nothing else of its own. */
@SpringBootApplication
class SampleService {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").hasRole(Roles.AGENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/things").hasRole(Roles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }

    @RestController
    static class Things {

        @GetMapping("/api/v1/me")
        Staff me(Authentication login) {
            return Staff.of(login);
        }

        @PostMapping("/api/v1/things")
        void add(@RequestBody Map<String, String> thing) {
            if (thing.get("name") == null) {
                throw new InvalidRequestException(List.of(new FieldProblem("name", "must not be null")));
            }
            throw new ConflictException("thing " + thing.get("name") + " exists already");
        }
    }
}
