package com.caseflow.console;

import com.caseflow.console.security.SignedInStaff;
import com.caseflow.console.security.Staff;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Set;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * Members of staff signed in through the console's login, with an access token for the services. A test class
 * imports it ({@code @Import(Logins.class)}) and has it injected.
 */
final class Logins {

    private final ClientRegistration registration;

    Logins(ClientRegistrationRepository registrations) {
        this.registration = registrations.findByRegistrationId("caseflow");
    }

    RequestPostProcessor agent() {
        return as(new Staff("A001", "张丽", Set.of("AGENT"), null));
    }

    RequestPostProcessor agent(String staffId) {
        return as(new Staff(staffId, "坐席 " + staffId, Set.of("AGENT"), null));
    }

    RequestPostProcessor supervisor() {
        return as(new Staff("S001", "陈主管", Set.of("SUPERVISOR"), null));
    }

    RequestPostProcessor manager() {
        return as(new Staff("M001", "周经理", Set.of("MANAGER"), null));
    }

    RequestPostProcessor admin() {
        return as(new Staff("ADM-01", "系统管理员", Set.of("ADMIN"), null));
    }

    RequestPostProcessor engineer() {
        return as(new Staff("D-ENG-01", "王建国", Set.of("DEPARTMENT_STAFF"), "ENGINEERING"));
    }

    RequestPostProcessor customerService() {
        return as(new Staff("D-CS-01", "刘芳", Set.of("DEPARTMENT_STAFF"), "CUSTOMER_SERVICE"));
    }

    RequestPostProcessor as(Staff staff) {
        List<SimpleGrantedAuthority> authorities = staff.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(staff.staffId())
                .claim("name", staff.name()).build();
        return oidcLogin().clientRegistration(registration)
                .oidcUser(new SignedInStaff(authorities, new DefaultOidcUser(authorities, idToken), staff));
    }
}
