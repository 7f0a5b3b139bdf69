package com.caseflow.intake.contacts.application;

import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.intake.validation.FieldProblem;
import com.caseflow.intake.validation.InvalidRequestException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** What an agent sees when a customer calls again: the contacts of this number, newest first. */
@Service
public class CustomerHistory {

    public static final int MAX_PAGE_SIZE = 100;

    private final ContactStore store;

    public CustomerHistory(ContactStore store) {
        this.store = store;
    }

    public Optional<Contact> contact(String id) {
        return store.find(id).map(d -> d.contact());
    }

    public Page<Contact> of(String phone, String projectCode, int page, int size) {
        Optional<PhoneNumber> number = PhoneNumber.parse(phone);
        if (number.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("phone",
                    "must be a Chinese mobile, landline with area code or 400 number")));
        }
        String project = projectCode == null || projectCode.isBlank() ? null : projectCode.strip();
        return store.history(number.get().value(), project, page, size);
    }
}
