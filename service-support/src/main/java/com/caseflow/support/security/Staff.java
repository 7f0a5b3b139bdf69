package com.caseflow.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The member of staff behind a request, as the identity provider vouches for them: staff id, roles and department
 * come from the token, never from the request body.
 */
public record Staff(String staffId, Set<String> roles, String department) {

    public static Staff of(Authentication authentication) {
        JwtAuthenticationToken token = (JwtAuthenticationToken) authentication;
        String staffId = token.getToken().getClaimAsString("staff_id"); // required by the token validator
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Staff(staffId, roles,
                token.getToken().getClaimAsString("department"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Agents call customers back; supervisors and managers review records and see numbers masked. */
    public boolean seesFullPhoneNumbers() {
        return is(Roles.AGENT);
    }
}
