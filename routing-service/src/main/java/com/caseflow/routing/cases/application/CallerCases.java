package com.caseflow.routing.cases.application;

import com.caseflow.events.contact.Phones;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * What an agent sees while a customer is on the line: the cases this number called about, newest first, resolved
 * ones too ("where is my repair?"). Every lookup is audited, with how many cases it found, before it is answered;
 * the number is read in intake's normal form ({@link Phones#normalised}), so it finds what intake stored.
 */
@Service
public class CallerCases {

    /** The access audit's name for this lookup. */
    public static final String ACTION = "caller-cases";

    private final CaseStore cases;
    private final AccessAudit audit;

    public CallerCases(CaseStore cases, AccessAudit audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** The cases found, and the number they were found by in its normal form. */
    public record Found(String phone, Page<Case> cases) {
    }

    public Found of(String phone, List<CaseStatus> statuses, int page, int size, Staff reader) {
        String number = Phones.normalised(phone).orElseThrow(() -> new InvalidRequestException(List.of(
                new FieldProblem("phone", "must be a Chinese mobile, landline with area code or 400 number"))));
        Page<Case> found = cases.ofCaller(number, statuses, page, size);
        audit.customerLookup(reader, ACTION, number, found.getNumberOfElements());
        return new Found(number, found);
    }
}
