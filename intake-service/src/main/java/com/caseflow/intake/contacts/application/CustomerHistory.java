package com.caseflow.intake.contacts.application;

import com.caseflow.support.audit.AccessAudit;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** What an agent sees when a customer calls again: the contacts of this number, newest first. */
@Service
public class CustomerHistory {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_DEPTH = 10_000;

    private final ContactStore store;
    private final AccessAudit audit;

    public CustomerHistory(ContactStore store, AccessAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** One contact; the read is audited before it is returned. */
    public Optional<Contact> contact(String id, Staff reader) {
        Optional<Contact> contact = store.find(id).map(d -> d.contact());
        contact.ifPresent(c -> PhoneNumber.parse(c.phone())
                .ifPresent(phone -> audit.customerRead(reader, "contact-read", phone.value(), c.id())));
        return contact;
    }

    /** The most an agent's day lists: more than any shift records. */
    public static final int MAX_DAY = 300;

    /**
     * The contacts the agent recorded on a business day (Asia/Shanghai), newest first: their own work, so no
     * customer's read is audited.
     */
    public List<Contact> recordedBy(Staff agent, java.time.LocalDate day, java.time.ZoneId zone) {
        return store.recordedBy(agent.staffId(), day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), MAX_DAY);
    }

    /** A customer's contacts, newest first; the read is audited before it is returned. */
    public Page<Contact> of(String phone, String projectCode, int page, int size, Staff reader) {
        Optional<PhoneNumber> number = PhoneNumber.parse(phone);
        if (number.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("phone",
                    "must be a Chinese mobile, landline with area code or 400 number")));
        }
        String project = projectCode == null || projectCode.isBlank() ? null : projectCode.strip();
        audit.customerRead(reader, "customer-history", number.get().value(), null);
        return store.history(number.get().value(), project, page, size);
    }
}
