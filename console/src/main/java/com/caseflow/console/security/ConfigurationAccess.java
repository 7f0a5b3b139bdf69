package com.caseflow.console.security;

/**
 * Who may use which configuration page, as the services' access matrix has it today
 * (routing's and intake's {@code SecurityConfiguration}): the console offers a page only to those the service will
 * answer, so nobody fills in a form the service then refuses.
 */
public record ConfigurationAccess(Staff staff) {

    /**
     * Routing answers {@code GET /api/v1/routing-rules}, its versions and the keyword lists
     * ({@code /api/v1/routing-lexicon}) to administrators, managers and supervisors.
     */
    public boolean readsRules() {
        return staff.is("ADMIN") || staff.is("MANAGER") || staff.is("SUPERVISOR");
    }

    /**
     * Routing takes {@code PUT /api/v1/routing-rules} and {@code PUT /api/v1/routing-lexicon}, and their dry runs,
     * from administrators and managers.
     */
    public boolean editsRules() {
        return staff.is("ADMIN") || staff.is("MANAGER");
    }

    /** Departments, calendars and projects are written by administrators (departments also by managers). */
    public boolean administers() {
        return staff.is("ADMIN");
    }

    public boolean editsDepartments() {
        return administers() || staff.is("MANAGER");
    }

    /**
     * A department's on-duty roster: an administrator, or that department's own staff, among whom routing takes the
     * plan from the head alone (checked against the registry's {@code head} when the page is opened).
     */
    public boolean mayOpenRosterOf(String departmentCode) {
        return administers() || (staff.departmentStaff() && departmentCode.equals(staff.department()));
    }

    public boolean mayPlanRoster(String departmentCode, String head) {
        return administers() || (mayOpenRosterOf(departmentCode) && staff.staffId().equals(head));
    }

    /** Any configuration page at all: the menu entry. */
    public boolean any() {
        return readsRules() || editsDepartments() || staff.departmentStaff();
    }
}
