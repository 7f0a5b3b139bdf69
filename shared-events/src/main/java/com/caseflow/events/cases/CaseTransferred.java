package com.caseflow.events.cases;

import com.caseflow.events.contact.ContactCategory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The case moved to another department (转交) with its history; the new department gets new deadlines and, on its own
 * topic, what it needs to work the case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseTransferred(
        String caseId,
        long sequence,
        String fromDepartment,
        String toDepartment,
        String reason,
        String transferredBy,
        String projectCode,
        String unit,
        ContactCategory category,
        String matter,
        CaseCustomer customer,
        Priority priority,
        Deadlines deadlines,
        Instant transferredAt) {

    public static final int SCHEMA_VERSION = 1;
}
