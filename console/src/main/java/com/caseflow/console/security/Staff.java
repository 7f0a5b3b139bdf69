package com.caseflow.console.security;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in member of staff, as the access token names them. The console uses it to choose what to show; the
 * services decide what is allowed, from the same token.
 */
public record Staff(String staffId, String name, Set<String> roles, String department) implements Serializable {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean agent() {
        return is("AGENT");
    }

    public boolean departmentStaff() {
        return is("DEPARTMENT_STAFF") && department != null;
    }

    /**
     * Customer service works the callbacks (回访); supervisors and managers may look. Administrators configure the
     * system and read no customer's case (the services refuse them), so the console offers them none.
     */
    public boolean callbacks() {
        return "CUSTOMER_SERVICE".equals(department) || reviewer();
    }

    /**
     * Missed calls are called back by the call agents and customer service; supervisors and managers may look
     * (follow-up's roles for {@code /api/v1/missed-calls}).
     */
    public boolean missedCalls() {
        return agent() || callbacks();
    }

    /** Reviewers may open any department's queue; department staff their own. */
    public boolean mayReadQueueOf(String departmentCode) {
        return departmentCode.equals(department) || reviewer();
    }

    public boolean reviewer() {
        return is("SUPERVISOR") || is("MANAGER");
    }

    /** What the configuration pages (issue 17) offer this person; routing and intake decide again on each call. */
    public ConfigurationAccess configuration() {
        return new ConfigurationAccess(this);
    }

    /** The principal the session holds: the OIDC user plus who the access token says they are. */
    public interface StaffUser extends OidcUser {
        Staff staff();
    }
}
