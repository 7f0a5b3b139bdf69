package com.caseflow.console.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads who the user is from the access token the console just received from the token endpoint (over the back
 * channel, so its claims can be read without checking the signature again): staff id, roles and department travel in
 * the access token only, not in the ID token.
 */
class StaffUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(request.getAccessToken().getTokenValue()).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"), "Access token is not a JWT", e);
        }
        Object staffId = claims.getClaim("staff_id");
        Object roles = claims.getClaim("roles");
        if (!(staffId instanceof String id) || !(roles instanceof List<?> roleList)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"),
                    "The access token names no member of staff", null);
        }
        Set<String> roleNames = new HashSet<>();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        for (Object role : roleList) {
            roleNames.add(role.toString());
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        Object name = claims.getClaim("name");
        Object department = claims.getClaim("department");
        Staff staff = new Staff(id, name == null ? id : name.toString(), Set.copyOf(roleNames),
                department == null ? null : department.toString());
        return new SignedInStaff(authorities, user, staff);
    }
}
