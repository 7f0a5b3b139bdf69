package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.cases.persistence.ContactOutcome;
import com.caseflow.routing.cases.persistence.ContactOutcome.Kind;
import com.caseflow.routing.cases.persistence.ContactOutcomeStore;
import com.caseflow.routing.cases.persistence.IncidentTracker;
import com.caseflow.routing.cases.persistence.RepeatIndex;
import com.caseflow.routing.cases.persistence.VersionedCase;
import com.caseflow.routing.classification.domain.Classification;
import com.caseflow.routing.classification.application.LexiconBook;
import com.caseflow.routing.classification.domain.Classifier;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.onduty.application.OnDutyRosters;
import com.caseflow.routing.rules.application.RuleBook;
import com.caseflow.routing.rules.domain.RouteDecision;
import com.caseflow.routing.rules.domain.RoutingInput;
import com.caseflow.routing.rules.domain.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each {@code ContactReceived} into exactly one effect: no case (settled at first contact), a new case in one
 * department's queue, or one more contact on an open case (a repeat, or a caller of a mass incident). The decision
 * is stored first and then carried out by steps that are each harmless to repeat, so a redelivered or replayed
 * contact — or one whose first delivery crashed halfway — ends with the same single effect.
 */
@Service
public class ContactRouter {

    /** A member case taking contacts faster than they can be handed on is left open after this many rounds. */
    private static final int MERGE_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(ContactRouter.class);

    private final LexiconBook lexicon;
    private final RuleBook rules;
    private final DepartmentRegistry departments;
    private final DeadlinePolicy deadlines;
    private final CaseStore cases;
    private final CaseSteps steps;
    private final CaseEvents events;
    private final ContactOutcomeStore outcomes;
    private final RepeatIndex repeats;
    private final IncidentTracker incidents;
    private final OnDutyRosters onDuty;
    private final CaseProperties properties;
    private final CustomerKeys keys;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer routingDelay;

    public ContactRouter(LexiconBook lexicon, RuleBook rules, DepartmentRegistry departments,
                         DeadlinePolicy deadlines, CaseStore cases, CaseSteps steps, CaseEvents events,
                         ContactOutcomeStore outcomes, RepeatIndex repeats, IncidentTracker incidents,
                         OnDutyRosters onDuty, CaseProperties properties, CustomerKeys keys, Clock clock,
                         MeterRegistry meters) {
        this.lexicon = lexicon;
        this.rules = rules;
        this.departments = departments;
        this.deadlines = deadlines;
        this.cases = cases;
        this.steps = steps;
        this.events = events;
        this.outcomes = outcomes;
        this.repeats = repeats;
        this.incidents = incidents;
        this.onDuty = onDuty;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
        this.meters = meters;
        this.routingDelay = Timer.builder("caseflow.routing.delay")
                .description("time from a contact received at intake to its case routed or joined")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Where a contact would go, and why, without any effect: the dry run of the rules. */
    public record Verdict(Classification classification, RouteDecision decision) {

        /** The department's rule first, then the words behind the priority and what did not count. */
        public List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            reasons.add(decision.reason());
            reasons.addAll(classification.reasons());
            return reasons;
        }
    }

    public Verdict dryRun(RoutingRequest request) {
        return verdict(lexicon.classifier(), rules.current(), request);
    }

    /** The dry run against rules that are not in force, such as a draft a manager is about to publish. */
    public Verdict dryRun(RoutingRequest request, RuleSet candidate) {
        return verdict(lexicon.classifier(), candidate, request);
    }

    /** The decision routing takes for a contact under these rules: the one code path of routing and dry runs. */
    public static Verdict verdict(Classifier classifier, RuleSet rules, RoutingRequest request) {
        Classification classification = classifier.classify(request.category(), request.callerType(),
                request.matter());
        RouteDecision decision = rules.route(new RoutingInput(request.category(), classification.complexity(),
                classification.priority(), request.projectCode(), request.channel(), request.matter(),
                request.callerType(), classification.topics()));
        return new Verdict(classification, decision);
    }

    /**
     * A contact that opens a case needs no decision record: its case id derives from the contact id, so the case
     * itself says the contact was routed. Joining an existing case depends on what else is open at the time, so
     * that decision is recorded before it is carried out.
     */
    public void route(EventEnvelope<ContactReceived> envelope) {
        ContactReceived contact = ContactChecks.routable(envelope);
        Optional<ContactOutcome> recorded = outcomes.find(contact.contactId());
        if (recorded.isPresent()) {
            carryOut(recorded.get(), contact);
            return;
        }
        ContactOutcome decided = decide(contact);
        if (decided.kind() != Kind.OPENED) {
            // a replayed contact that opened its own case before must not join another one now
            if (cases.find(CaseKeys.caseIdFor(contact.contactId())).isPresent()) {
                return;
            }
            decided = outcomes.decide(decided);
        }
        carryOut(decided, contact);
    }

    private ContactOutcome decide(ContactReceived contact) {
        Instant now = clock.instant();
        if (contact.settledAtFirstContact()) {
            return new ContactOutcome(contact.contactId(), Kind.SETTLED, null, null, null, now);
        }
        Optional<String> repeatOf = openRepeatCase(contact);
        if (repeatOf.isPresent()) {
            return new ContactOutcome(contact.contactId(), Kind.REPEAT, repeatOf.get(), null, null, now);
        }
        if (properties.incidentCategories().contains(contact.category())) {
            Optional<ContactOutcome> incident = incidentFor(contact, now);
            if (incident.isPresent()) {
                return incident.get();
            }
        }
        return ownCase(contact, now);
    }

    private ContactOutcome ownCase(ContactReceived contact, Instant now) {
        Verdict verdict = dryRun(RoutingRequest.of(contact));
        Classification c = verdict.classification();
        RouteDecision d = verdict.decision();
        return new ContactOutcome(contact.contactId(), Kind.OPENED, CaseKeys.caseIdFor(contact.contactId()), null,
                new ContactOutcome.Route(d.departmentCode(), d.ruleId(), d.ruleVersion(), c.complexity(),
                        c.priority(), c.matchedKeywords(), verdict.reasons()), now);
    }

    private Optional<String> openRepeatCase(ContactReceived contact) {
        String key = keys.repeatKey(contact.phone(), contact.projectCode(), contact.category().name());
        return repeats.find(key)
                .filter(e -> e.lastContactAt().plus(properties.repeatWindow()).isAfter(contact.receivedAt()))
                .flatMap(e -> cases.find(e.caseId()))
                .filter(found -> takesContacts(found.state()))
                .map(found -> found.state().id());
    }

    /** Joins the group's incident in force, or forms one when this contact makes the group many customers. */
    private Optional<ContactOutcome> incidentFor(ContactReceived contact, Instant now) {
        String group = CaseKeys.incidentGroup(contact.projectCode(), contact.category().name(), contact.unit());
        Optional<IncidentTracker.Group> found = incidents.find(group);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IncidentTracker.Group g = found.get();
        if (g.incidentId() != null) {
            boolean live = g.lastReportAt() != null
                    && g.lastReportAt().plus(properties.incidentWindow()).isAfter(contact.receivedAt())
                    && cases.find(g.leadCaseId()).map(v -> takesContacts(v.state())).orElse(false);
            if (live) {
                return Optional.of(new ContactOutcome(contact.contactId(), Kind.INCIDENT, g.leadCaseId(),
                        g.incidentId(), null, now));
            }
            incidents.end(group, g.incidentId());
            return Optional.empty();
        }
        Instant since = contact.receivedAt().minus(properties.incidentWindow());
        String me = keys.customerKey(contact.phone());
        List<IncidentTracker.Member> recent = g.members().stream()
                .filter(m -> m.at().isAfter(since) && !m.customerKey().equals(me))
                .filter(m -> cases.find(m.caseId()).map(v -> v.state().status().isOpen()).orElse(false))
                .sorted(Comparator.comparing(IncidentTracker.Member::at))
                .toList();
        Set<String> customers = new HashSet<>();
        recent.forEach(m -> customers.add(m.customerKey()));
        if (customers.size() + 1 < properties.incidentThreshold()) {
            return Optional.empty();
        }
        String incidentId = CaseKeys.incidentIdFor(contact.contactId());
        IncidentTracker.Group formed = incidents.form(group, incidentId, recent.get(0).caseId(), now);
        return Optional.of(new ContactOutcome(contact.contactId(), Kind.INCIDENT, formed.leadCaseId(),
                formed.incidentId(), null, now));
    }

    private void carryOut(ContactOutcome outcome, ContactReceived contact) {
        switch (outcome.kind()) {
            case SETTLED -> meters.counter("caseflow.contacts.settled").increment();
            case OPENED -> open(outcome, contact);
            case REPEAT, INCIDENT -> attach(outcome, contact);
        }
    }

    private void open(ContactOutcome outcome, ContactReceived contact) {
        ContactOutcome.Route route = outcome.route();
        Department department = departments.find(route.departmentCode())
                .orElseThrow(() -> new IllegalStateException("department " + route.departmentCode() + " unknown"));
        Instant now = clock.instant();
        Case.Opened opened = Case.open(outcome.caseId(), opening(contact),
                new Case.Routing(department.code(), route.complexity(), route.priority(), route.matchedKeywords(),
                        route.ruleId(), route.ruleVersion(),
                        deadlines.from(contact.receivedAt(), department, route.priority()), null,
                        route.reasons()),
                now);
        CaseRouted announced = opened.event().withDepartment(department.head(),
                onDuty.forCase(department.code(), route.priority(), now));
        if (!cases.insert(opened.routed(), events.entries(opened.routed(), List.of(announced), now))) {
            return; // opened before: a replay must not point the customer's later contacts back at this case
        }
        routingDelay.record(Duration.between(contact.receivedAt(), now));
        meters.counter("caseflow.cases.routed", "department", department.code(),
                "priority", route.priority().name()).increment();
        rememberOpened(contact, outcome.caseId());
    }

    /** Where later contacts look for the customer's open case and for a mass incident. */
    private void rememberOpened(ContactReceived contact, String caseId) {
        repeats.remember(keys.repeatKey(contact.phone(), contact.projectCode(), contact.category().name()),
                caseId, contact.receivedAt());
        if (properties.incidentCategories().contains(contact.category())) {
            incidents.addMember(CaseKeys.incidentGroup(contact.projectCode(), contact.category().name(),
                            contact.unit()),
                    new IncidentTracker.Member(caseId, contact.contactId(), keys.customerKey(contact.phone()),
                            contact.receivedAt()));
        }
    }

    /**
     * Adds the contact to the decided case. If that case closed since the decision, the decision is revised to a
     * case of its own: a contact never joins a closed case and is never dropped.
     */
    private void attach(ContactOutcome outcome, ContactReceived contact) {
        AttachReason reason = outcome.kind() == Kind.REPEAT ? AttachReason.REPEAT : AttachReason.INCIDENT;
        CaseContact joining = new CaseContact(contact.contactId(), contact.agentId(), contact.channel(),
                contact.receivedAt(), customer(contact), reason);
        boolean joined = steps.change(outcome.caseId(), (c, at) -> {
            if (c.hasContact(contact.contactId())) {
                return List.of();
            }
            if (!takesContacts(c)) {
                return null;
            }
            List<Object> changes = new ArrayList<>();
            if (reason == AttachReason.INCIDENT && c.incidentId() == null) {
                c.markIncident(outcome.incidentId());
            }
            Priority raised = reason == AttachReason.REPEAT ? c.priority().raised() : c.priority().atLeast(Priority.HIGH);
            changes.add(attached(c, joining, raised, at));
            return changes;
        });
        if (!joined) {
            log.info("Case {} closed or full before contact {} could join it; the contact opens a case of its own",
                    outcome.caseId(), contact.contactId());
            carryOut(outcomes.revise(outcome, ownCase(contact, clock.instant())), contact);
            return;
        }
        routingDelay.record(Duration.between(contact.receivedAt(), clock.instant()));
        meters.counter("caseflow.contacts.attached", "reason", reason.name()).increment();
        if (reason == AttachReason.REPEAT) {
            repeats.remember(keys.repeatKey(contact.phone(), contact.projectCode(), contact.category().name()),
                    outcome.caseId(), contact.receivedAt());
        } else {
            String group = CaseKeys.incidentGroup(contact.projectCode(), contact.category().name(), contact.unit());
            incidents.reported(group, contact.receivedAt());
            mergeMembers(group, outcome);
        }
    }

    /**
     * Every other open case of the incident's group joins the incident's case. Its contacts are attached to the
     * incident's case first and the member is closed as merged only then, and only if no contact joined it meanwhile
     * (another partition's repeat contact can): otherwise the new contacts are handed on and the merge is tried again.
     * A contact is never left on a closed case.
     */
    private void mergeMembers(String group, ContactOutcome outcome) {
        IncidentTracker.Group g = incidents.find(group).orElse(null);
        if (g == null || !outcome.incidentId().equals(g.incidentId())) {
            return;
        }
        List<String> members = g.members().stream().map(IncidentTracker.Member::caseId).distinct()
                .filter(id -> !id.equals(outcome.caseId())).toList();
        for (String memberId : members) {
            for (int attempt = 0; attempt < MERGE_ATTEMPTS && !mergeMember(memberId, outcome); attempt++) {
                log.debug("Case {} took a contact while it was merged into {}; handing that on too", memberId,
                        outcome.caseId());
            }
        }
    }

    /** True when the member is merged or stays out of the incident; false when it must be tried again. */
    private boolean mergeMember(String memberId, ContactOutcome outcome) {
        Optional<Case> member = cases.find(memberId).map(VersionedCase::state).filter(c -> c.status().isOpen());
        Optional<Case> lead = cases.find(outcome.caseId()).map(VersionedCase::state);
        if (member.isEmpty() || lead.isEmpty()
                || lead.get().contacts().size() + member.get().contacts().size() > properties.maxContactsPerCase()) {
            return true;
        }
        Set<String> handedOn = new HashSet<>();
        for (CaseContact contact : member.get().contacts()) {
            CaseContact joining = new CaseContact(contact.contactId(), contact.agentId(), contact.channel(),
                    contact.receivedAt(), contact.customer(), AttachReason.INCIDENT);
            boolean joined = steps.change(outcome.caseId(), (c, at) -> {
                if (c.hasContact(contact.contactId())) {
                    return List.of();
                }
                Priority raised = c.priority().atLeast(Priority.HIGH);
                return c.status().isOpen() ? List.of(attached(c, joining, raised, at)) : null;
            });
            if (!joined) {
                return true;
            }
            handedOn.add(contact.contactId());
        }
        boolean[] complete = {true};
        steps.change(memberId, (c, at) -> {
            complete[0] = c.contacts().stream().allMatch(contact -> handedOn.contains(contact.contactId()));
            return c.status().isOpen() && complete[0]
                    ? List.of(c.mergeInto(outcome.caseId(), outcome.incidentId(), at)) : List.of();
        });
        return complete[0];
    }

    /** The contact joins the case; an URGENT case names who is on duty, should this contact have made it urgent. */
    private ContactAttached attached(Case c, CaseContact joining, Priority raised, Instant at) {
        return c.attach(joining, raised, deadlinesFor(c, raised), at)
                .withOnDuty(onDuty.forCase(c.departmentCode(), c.priority(), at));
    }

    private boolean takesContacts(Case c) {
        return c.status().isOpen() && c.contacts().size() < properties.maxContactsPerCase();
    }

    private Deadlines deadlinesFor(Case c, Priority priority) {
        return departments.find(c.departmentCode())
                .map(d -> deadlines.from(c.clockStartedAt(), d, priority))
                .orElse(c.deadlines());
    }

    private static Case.Opening opening(ContactReceived contact) {
        return new Case.Opening(contact.contactId(), contact.agentId(), contact.channel(), contact.receivedAt(),
                contact.projectCode(), contact.unit(), contact.category(), contact.matter(), customer(contact));
    }

    private static CaseCustomer customer(ContactReceived contact) {
        return new CaseCustomer(contact.customerName(), contact.phone(), contact.customerToken());
    }
}
