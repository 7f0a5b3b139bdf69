package com.caseflow.support.audit;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import org.springframework.security.core.Authentication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The three rules of every endpoint that shows customers' names or numbers, in one place: the reader is counted
 * against their read limit ({@link StaffRateLimiter}, 429 when spent), a listing reaches no deeper than
 * {@link #MAX_DEPTH} records (400 naming {@code page}, as intake's customer history), and every customer shown is
 * written to the {@link AccessAudit} before the answer leaves, masked numbers too: a masked number with a name and a
 * case still says who contacted the company about what.
 */
public class CustomerReads {

    /** The deepest a paged listing of customers' records reaches: nobody reads past the 10,000th. */
    public static final int MAX_DEPTH = 10_000;

    private final AccessAudit audit;
    private final StaffRateLimiter rateLimit;

    public CustomerReads(AccessAudit audit, StaffRateLimiter rateLimit) {
        this.audit = audit;
        this.rateLimit = rateLimit;
    }

    /** The signed-in reader, within their read limit. */
    public Staff reader(Authentication login) {
        Staff staff = Staff.of(login);
        rateLimit.acquireRead(staff);
        return staff;
    }

    /**
     * What is wrong with a page of a listing, each field named: {@link PageView#pagingProblems} and a depth of at most
     * {@link #MAX_DEPTH} records. Refused rather than clamped, so a client never takes a shortened list for the whole.
     */
    public static List<FieldProblem> pagingProblems(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>(PageView.pagingProblems(page, size));
        if (problems.isEmpty() && (long) page * size > MAX_DEPTH) {
            problems.add(new FieldProblem("page", "reaches too deep: at most the first " + MAX_DEPTH
                    + " records are listed; narrow the query instead"));
        }
        return problems;
    }

    /** @throws InvalidRequestException naming {@code page} or {@code size} when the page is out of bounds */
    public static void checkPaging(int page, int size) {
        List<FieldProblem> problems = pagingProblems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * Audits the customers these records show the reader, before they are returned.
     *
     * @param recordId  the id of a record
     * @param phones    the numbers of the customers one record shows (a case: its customer and every caller attached)
     * @param unmasked  whether the reader sees the numbers whole
     */
    public <T> void shown(Staff reader, String action, boolean unmasked, Collection<? extends T> records,
                          Function<T, String> recordId, Function<T, Stream<String>> phones) {
        List<AccessAudit.Shown> shown = new ArrayList<>();
        for (T record : records) {
            String id = recordId.apply(record);
            phones.apply(record).forEach(phone -> shown.add(new AccessAudit.Shown(id, phone)));
        }
        audit.customersShown(reader, action, unmasked, shown);
    }

    /** {@link #shown} for one record. */
    public <T> void shown(Staff reader, String action, boolean unmasked, T record, Function<T, String> recordId,
                          Function<T, Stream<String>> phones) {
        shown(reader, action, unmasked, List.of(record), recordId, phones);
    }
}
