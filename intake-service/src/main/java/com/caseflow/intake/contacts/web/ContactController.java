package com.caseflow.intake.contacts.web;

import com.caseflow.intake.calls.application.CallLog;
import com.caseflow.intake.contacts.application.ContactRecorder;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.application.CustomerHistory;
import com.caseflow.intake.contacts.application.FigureContacts;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.application.RecordCall;
import com.caseflow.intake.contacts.application.RecordVisit;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Function;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contacts", description = "Calls and visits recorded by agents, and a customer's history")
class ContactController {

    private final ContactRecorder recorder;
    private final CustomerHistory history;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;
    private final CallLog calls;
    private final FigureContacts figures;

    ContactController(ContactRecorder recorder, CustomerHistory history, StaffRateLimiter rateLimit, Clock clock,
                      CallLog calls, FigureContacts figures) {
        this.figures = figures;
        this.recorder = recorder;
        this.history = history;
        this.rateLimit = rateLimit;
        this.clock = clock;
        this.calls = calls;
    }

    @Operation(summary = "Record a phone call (接电记录)",
            description = "Stores the call and publishes ContactReceived. A retry with the same Idempotency-Key "
                    + "returns the contact stored the first time and publishes nothing more.")
    @PostMapping(path = "/calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactView> recordCall(@RequestBody RecordCall call,
                                           @RequestHeader(name = ContactRecorder.IDEMPOTENCY_KEY, required = false)
                                           String idempotencyKey, Authentication login) {
        return created(login, agentId -> recorder.recordCall(call, agentId, idempotencyKey));
    }

    @Operation(summary = "Record a walk-in visit (接访记录)",
            description = "Stores the visit and publishes ContactReceived; Idempotency-Key as for calls.")
    @PostMapping(path = "/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactView> recordVisit(@RequestBody RecordVisit visit,
                                            @RequestHeader(name = ContactRecorder.IDEMPOTENCY_KEY, required = false)
                                            String idempotencyKey, Authentication login) {
        return created(login, agentId -> recorder.recordVisit(visit, agentId, idempotencyKey));
    }

    @Operation(summary = "My contacts of a day (我的今日接待)",
            description = "The contacts the signed-in agent recorded on a business day (Asia/Shanghai; today when "
                    + "no day is given), newest first, at most " + CustomerHistory.MAX_DAY + ".")
    @GetMapping("/contacts/mine")
    List<ContactView> mine(@RequestParam(required = false) String day, Authentication login) {
        Staff agent = Staff.of(login);
        java.time.LocalDate date;
        try {
            date = day == null ? java.time.LocalDate.now(clock) : java.time.LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("day", "a date such as 2026-12-04")));
        }
        rateLimit.acquireRead(agent);
        return views(history.recordedBy(agent, date, clock.getZone()), agent, true);
    }

    @Operation(summary = "The contacts behind a dashboard figure (图表明细)",
            description = "Contacts received from one business day to another (Asia/Shanghai, both included, at most "
                    + FigureContacts.MAX_DAYS + " days), optionally of one project, category, channel or agent; "
                    + "newest first, paged. Numbers masked, no names; each customer shown is audited.")
    @GetMapping("/contacts/behind-figure")
    PageView<FigureContactView> behindFigure(@RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String projectCode,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(required = false) String channel,
                                             @RequestParam(required = false) String agentId,
                                             @RequestParam(defaultValue = "0") String page,
                                             @RequestParam(defaultValue = "20") String size, Authentication login) {
        List<FieldProblem> problems = new ArrayList<>();
        java.time.LocalDate fromDay = day("from", from, problems);
        java.time.LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null) {
            if (toDay.isBefore(fromDay)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (java.time.temporal.ChronoUnit.DAYS.between(fromDay, toDay) >= FigureContacts.MAX_DAYS) {
                problems.add(new FieldProblem("to", "at most " + FigureContacts.MAX_DAYS + " days after from"));
            }
        }
        ContactCategory theCategory = member("category", category, ContactCategory.class, problems);
        Channel theChannel = member("channel", channel, Channel.class, problems);
        Integer pageNo = number("page", page, problems);
        Integer pageSize = number("size", size, problems);
        // a field that is no number at all is named once, by number()
        problems.addAll(PageView.pagingProblems(pageNo == null ? 0 : pageNo, pageSize == null ? 1 : pageSize));
        if (pageNo != null && pageSize != null) {
            if (problems.isEmpty() && (long) pageNo * pageSize > FigureContacts.MAX_DEPTH) {
                problems.add(new FieldProblem("page", "reaches too deep: at most the newest "
                        + FigureContacts.MAX_DEPTH + " contacts are listed"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff reader = Staff.of(login);
        rateLimit.acquireRead(reader);
        FigureContacts.Figure figure = new FigureContacts.Figure(fromDay, toDay, blankToNull(projectCode),
                theCategory, theChannel, blankToNull(agentId));
        return PageView.of(figures.behind(figure, clock.getZone(), pageNo, pageSize, reader),
                c -> FigureContactView.of(c, clock.getZone()));
    }

    private static java.time.LocalDate day(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required: a date such as 2026-12-04"));
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new FieldProblem(field, "a date such as 2026-12-04"));
            return null;
        }
    }

    private static <E extends Enum<E>> E member(String field, String value, Class<E> type,
                                                List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Integer number(String field, String value, List<FieldProblem> problems) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "a whole number"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Operation(summary = "One contact")
    @GetMapping("/contacts/{id}")
    ContactView contact(@PathVariable String id, Authentication login) {
        Staff reader = Staff.of(login);
        rateLimit.acquireRead(reader);
        return history.contact(id, reader)
                .map(c -> views(List.of(c), reader, reader.seesFullPhoneNumbers()).get(0))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contact with this id."));
    }

    @Operation(summary = "A customer's history, newest first",
            description = "Every contact from this phone number, optionally about one project; paged.")
    @GetMapping("/contacts")
    PageView<ContactView> customerHistory(@RequestParam(required = false) String phone,
                                          @RequestParam(required = false) String project,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size, Authentication login) {
        List<FieldProblem> problems = new ArrayList<>();
        if (phone == null || phone.isBlank()) {
            problems.add(new FieldProblem("phone", "is required: the customer's number"));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > CustomerHistory.MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + CustomerHistory.MAX_PAGE_SIZE));
        } else if ((long) page * size > CustomerHistory.MAX_DEPTH) {
            problems.add(new FieldProblem("page", "reaches too deep: at most the newest " + CustomerHistory.MAX_DEPTH
                    + " contacts are listed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff reader = Staff.of(login);
        rateLimit.acquireRead(reader);
        Page<Contact> found = history.of(phone, project, page, size, reader);
        Map<String, String> recordings = recordings(found.getContent(), reader);
        return PageView.of(found, c -> ContactView.of(c, clock.getZone(), reader.seesFullPhoneNumbers(),
                recordingOf(c, reader, recordings)));
    }

    /**
     * The recording arrives with the end of the call, mostly after the contact was stored: it is looked up when the
     * contact is read, for the readers who may follow it, and only from a call that reached the contact's agent.
     */
    private List<ContactView> views(List<Contact> contacts, Staff reader, boolean fullPhone) {
        Map<String, String> recordings = recordings(contacts, reader);
        return contacts.stream()
                .map(c -> ContactView.of(c, clock.getZone(), fullPhone, recordingOf(c, reader, recordings)))
                .toList();
    }

    private Map<String, String> recordings(List<Contact> contacts, Staff reader) {
        if (!CallLog.seesEveryCall(reader)) {
            return Map.of();
        }
        Map<String, String> agentByCall = new HashMap<>();
        contacts.stream().filter(c -> c.call() != null && c.call().callId() != null)
                .forEach(c -> agentByCall.put(c.call().callId(), c.agentId()));
        return calls.recordings(agentByCall);
    }

    private static String recordingOf(Contact contact, Staff reader, Map<String, String> recordings) {
        if (!CallLog.seesEveryCall(reader) || contact.call() == null || contact.call().callId() == null) {
            return null;
        }
        return recordings.getOrDefault(contact.call().callId(), contact.call().recordingUrl());
    }

    /** Records as the logged-in agent, within their write limit. */
    private ResponseEntity<ContactView> created(Authentication login,
                                                Function<String, ContactRecorder.Recorded> record) {
        Staff agent = Staff.of(login);
        rateLimit.acquireWrite(agent);
        ContactRecorder.Recorded recorded = record.apply(agent.staffId());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/contacts/{id}").buildAndExpand(recorded.contact().id()).toUri();
        return ResponseEntity.created(location)
                .header("Idempotent-Replayed", String.valueOf(recorded.replayed()))
                .body(views(List.of(recorded.contact()), agent, true).get(0));
    }
}
