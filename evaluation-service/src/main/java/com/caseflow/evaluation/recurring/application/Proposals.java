package com.caseflow.evaluation.recurring.application;

import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.recurring.domain.IssueTrend;
import com.caseflow.evaluation.recurring.domain.Proposal;
import com.caseflow.evaluation.recurring.domain.ProposalStatus;
import com.caseflow.evaluation.recurring.persistence.ProposalStore;
import com.caseflow.evaluation.recurring.persistence.VersionedProposal;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Improvement proposals against recurring issues, each shown with its issue's weekly volume before and since it was
 * recorded. Who may write is decided by the security configuration (supervisors and managers).
 */
@Service
public class Proposals {

    private static final int ATTEMPTS = 5;

    /** A proposal at a version, with its issue's volume as of today. */
    public record Tracked(Proposal proposal, long version, IssueTrend volume, boolean overdue) {
    }

    private final ProposalStore store;
    private final AggregateStore aggregates;
    private final RecurringProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    public Proposals(ProposalStore store, AggregateStore aggregates, RecurringProperties properties, Clock clock) {
        this.store = store;
        this.aggregates = aggregates;
        this.properties = properties;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public Tracked record(Staff staff, Proposal.Draft draft) {
        Proposal proposal = Proposal.record(UUID.randomUUID().toString(), draft, staff.staffId(), clock.instant());
        return tracked(store.insert(proposal));
    }

    public Tracked read(String id) {
        return tracked(store.find(id).orElseThrow(() -> notFound(id)));
    }

    /** One page of proposals, the latest first; the volumes of a page are read once per project. */
    public Page<Tracked> list(ProposalStatus status, int page, int size) {
        Page<VersionedProposal> found = store.page(status, page, size);
        LocalDate today = today();
        Map<String, Range> ranges = new HashMap<>();
        for (VersionedProposal v : found.getContent()) {
            ranges.merge(v.state().projectCode(), range(v.state(), today), Range::span);
        }
        Map<String, Map<LocalDate, ProjectDay>> days = new HashMap<>();
        ranges.forEach((project, range) -> days.put(project, aggregates.projectDays(project, range.from(),
                range.to())));
        List<Tracked> content = found.getContent().stream()
                .map(v -> tracked(v, days.get(v.state().projectCode()), today)).toList();
        return new PageImpl<>(content, found.getPageable(), found.getTotalElements());
    }

    /**
     * @param expectedVersion the version the caller read (If-Match); null to change whatever is current
     * @throws ConflictException when the proposal is not at {@code expectedVersion}, or changed under the write
     */
    public Tracked change(Staff staff, String id, Long expectedVersion, Proposal.Change change) {
        for (int attempt = 1; ; attempt++) {
            VersionedProposal found = store.find(id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null && expectedVersion != found.version()) {
                throw new ConflictException("proposal " + id + " is at version " + found.version() + ", not "
                        + expectedVersion + ": read it again");
            }
            Proposal changed = found.state().changed(change, staff.staffId(), clock.instant());
            try {
                return tracked(store.update(changed, found.version()));
            } catch (OptimisticLockingFailureException lost) {
                if (expectedVersion != null || attempt >= ATTEMPTS) {
                    throw new ConflictException("proposal " + id + " was changed by someone else meanwhile: read it "
                            + "again");
                }
            }
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Tracked tracked(VersionedProposal v) {
        LocalDate today = today();
        Range range = range(v.state(), today);
        return tracked(v, aggregates.projectDays(v.state().projectCode(), range.from(), range.to()), today);
    }

    private Tracked tracked(VersionedProposal v, Map<LocalDate, ProjectDay> days, LocalDate today) {
        Proposal p = v.state();
        String category = p.category().name();
        IssueTrend volume = IssueTrend.of(recordedOn(p), today, properties.weeksBefore(), properties.weeksSince(),
                day -> days.getOrDefault(day, ProjectDay.NONE).contactsIn(category));
        return new Tracked(p, v.version(), volume, p.overdue(today));
    }

    /** The days whose counters a proposal's volume is read from. */
    private record Range(LocalDate from, LocalDate to) {

        Range span(Range o) {
            return new Range(from.isBefore(o.from) ? from : o.from, to.isAfter(o.to) ? to : o.to);
        }
    }

    private Range range(Proposal p, LocalDate today) {
        LocalDate recordedOn = recordedOn(p);
        return new Range(IssueTrend.firstDay(recordedOn, properties.weeksBefore()),
                IssueTrend.lastDay(recordedOn, today, properties.weeksSince()));
    }

    private LocalDate recordedOn(Proposal p) {
        return LocalDate.ofInstant(p.recordedAt(), zone);
    }

    private static RequestRefusedException notFound(String id) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no proposal " + id);
    }
}
