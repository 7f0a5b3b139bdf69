package com.caseflow.intake.contacts.application;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.security.Staff;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The contacts behind a dashboard figure (a day's bar, a project × category cell): supervisors and managers check
 * what a number is made of. Each customer shown is audited like any other read of their contact.
 */
@Service
public class FigureContacts {

    /** A drill-down covers at most a year: the dashboard's longest period. */
    public static final int MAX_DAYS = 366;
    public static final int MAX_DEPTH = 10_000;

    private final ContactStore store;
    private final AccessAudit audit;

    public FigureContacts(ContactStore store, AccessAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The filter of a figure; {@code from} and {@code to} are business days (both included). */
    public record Figure(LocalDate from, LocalDate to, String projectCode, ContactCategory category, Channel channel,
                         String agentId) {
    }

    public Page<Contact> behind(Figure figure, ZoneId zone, int page, int size, Staff reader) {
        Page<Contact> found = store.behindFigure(new ContactStore.FigureFilter(
                figure.from().atStartOfDay(zone).toInstant(), figure.to().plusDays(1).atStartOfDay(zone).toInstant(),
                figure.projectCode(), figure.category(), figure.channel(), figure.agentId()), page, size);
        found.getContent().forEach(c -> PhoneNumber.parse(c.phone())
                .ifPresent(phone -> audit.customerRead(reader, "figure-contacts", phone.value(), c.id())));
        return found;
    }
}
