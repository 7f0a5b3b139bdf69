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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
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
                        .requestMatchers("/api/v1/groups/*/things").hasRole(Roles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }

    enum Size { SMALL, LARGE }

    record Thing(String name, Integer count, Boolean urgent, Size size, LocalDate due, List<String> tags,
                 Map<String, String> labels) {
    }

    @RestController
    static class Things {

        /** Echoes what it read: the text a client sent comes back as it was sent. */
        @PostMapping("/api/v1/groups/{group}/things")
        Map<String, Object> addToGroup(@PathVariable String group, @RequestBody Thing thing) {
            return Map.of("group", group, "thing", thing);
        }

        @GetMapping("/api/v1/groups/{group}/things")
        Map<String, Object> findInGroup(@PathVariable String group, @RequestParam(required = false) String name,
                                        @RequestParam(defaultValue = "0") int page) {
            return Map.of("group", group, "name", name == null ? "" : name, "page", page);
        }

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
