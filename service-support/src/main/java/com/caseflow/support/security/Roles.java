package com.caseflow.support.security;

/** The roles of the identity provider's {@code roles} claim, as Spring Security authorities see them. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
