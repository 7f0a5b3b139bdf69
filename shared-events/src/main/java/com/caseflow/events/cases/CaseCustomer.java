package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

/**
 * Who to call about a case: the department that works it and the callback (回访) need name and number, sealed on the
 * topics ({@link Sealed}); no other personal data travels with case events. The token (a keyed hash of the normalised
 * number, from the contact's {@code customerToken}) lets consumers without the key tell customers apart; null in
 * records written before tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseCustomer(@Sealed @Size(max = 100) String name, @Sealed @Size(max = 32) String phone,
                           @Identifier String token) {

    /** The customer as case events carried it before tokens. */
    public CaseCustomer(String name, String phone) {
        this(name, phone, null);
    }

    /** Case events are logged by type and id only; this keeps the customer out of any accidental toString. */
    @Override
    public String toString() {
        return "CaseCustomer[masked]";
    }
}
