package com.caseflow.events.cases;

import jakarta.validation.constraints.Size;
/**
 * Who to call about a case: the department that works it and the callback (回访) need name and number; no other
 * personal data travels with case events.
 */
public record CaseCustomer(@Size(max = 100) String name, @Size(max = 32) String phone) {

    /** Case events are logged by type and id only; this keeps the customer out of any accidental toString. */
    @Override
    public String toString() {
        return "CaseCustomer[masked]";
    }
}
