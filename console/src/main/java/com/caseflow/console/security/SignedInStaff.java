package com.caseflow.console.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.io.Serial;
import java.util.Collection;

/** The session's principal: the OIDC user, named by staff id, with who the access token says they are. */
public final class SignedInStaff extends DefaultOidcUser implements Staff.StaffUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Staff staff;

    public SignedInStaff(Collection<? extends GrantedAuthority> authorities, OidcUser user, Staff staff) {
        super(authorities, user.getIdToken(), user.getUserInfo());
        this.staff = staff;
    }

    @Override
    public Staff staff() {
        return staff;
    }

    @Override
    public String getName() {
        return staff.staffId();
    }
}
