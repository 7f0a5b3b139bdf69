package com.caseflow.routing.calendars.web;

import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.routing.calendars.application.CalendarBook;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.CalendarRules;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The business calendars: everyone signed in reads them (with how far ahead their holidays are known), administrators
 * change them. Each change is a new version; every version stays readable.
 */
@RestController
@RequestMapping("/api/v1/calendars")
class CalendarController {

    private final CalendarBook book;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;

    CalendarController(CalendarBook book, StaffRateLimiter rateLimit, Clock clock) {
        this.book = book;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /**
     * A whole calendar. {@code weekdays} maps MONDAY…SUNDAY to {@code {opens, closes, breakStarts?, breakEnds?}} as
     * HH:mm; a day not listed is a day off.
     */
    record CalendarRequest(String name, String zone, Map<DayOfWeek, CalendarRules.Hours> weekdays,
                           CalendarRules.Hours makeUpDayHours, Boolean observesPublicHolidays, List<Integer> years,
                           List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String source,
                           Long expectedVersion) {
    }

    /** One year's official arrangement: its holidays and make-up working days (调休上班). */
    record YearRequest(List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String source,
                       Long expectedVersion) {
    }

    /**
     * @param coveredUntil the last day whose holidays are known (null: the calendar has none and never runs out)
     * @param coveredDays  days from today to then, today included
     */
    record CalendarView(String id, long version, String name, String zone,
                        Map<DayOfWeek, CalendarPublished.WorkingHours> weekdays,
                        CalendarPublished.WorkingHours makeUpDayHours, boolean observesPublicHolidays,
                        List<Integer> years, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays,
                        String source, List<String> departments, boolean builtIn, LocalDate coveredUntil,
                        Long coveredDays, String changedBy, java.time.Instant changedAt) {
    }

    record VersionView(long version, String changedBy, java.time.Instant changedAt, String source) {
    }

    @GetMapping
    List<CalendarView> all() {
        return book.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    CalendarView one(@PathVariable String id) {
        return book.entry(id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/versions")
    List<VersionView> versions(@PathVariable String id) {
        return book.versions(id).stream()
                .map(c -> new VersionView(c.version(), c.changedBy(), c.changedAt(), c.source())).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    CalendarPublished version(@PathVariable String id, @PathVariable long version) {
        return book.version(id, version).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "no version " + version + " of calendar " + id));
    }

    @PutMapping("/{id}")
    CalendarView save(@PathVariable String id, @RequestBody CalendarRequest body, Authentication authentication) {
        String staffId = writer(authentication);
        return view(book.save(new CalendarRules.Draft(id, body.name(), body.zone(), body.weekdays(),
                body.makeUpDayHours(), body.observesPublicHolidays(), body.years(), body.holidays(),
                body.makeUpWorkingDays()), body.source(), body.expectedVersion(), staffId));
    }

    @PutMapping("/{id}/years/{year}")
    CalendarView enterYear(@PathVariable String id, @PathVariable int year, @RequestBody YearRequest body,
                           Authentication authentication) {
        if (year < CalendarRules.FIRST_YEAR || year > CalendarRules.LAST_YEAR) {
            throw new InvalidRequestException(List.of(new FieldProblem("year",
                    "a year from " + CalendarRules.FIRST_YEAR + " to " + CalendarRules.LAST_YEAR)));
        }
        String staffId = writer(authentication);
        return view(book.enterYear(id, year, body.holidays(), body.makeUpWorkingDays(), body.source(),
                body.expectedVersion(), staffId));
    }

    private String writer(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return staff.staffId();
    }

    private CalendarView view(CalendarBook.Entry entry) {
        CalendarPublished c = entry.published();
        BusinessCalendar calendar = entry.calendar();
        LocalDate today = LocalDate.now(clock);
        LocalDate until = calendar.coveredUntil(today).orElse(null);
        return new CalendarView(c.calendarId(), c.version(), c.name(), c.zone(), c.weekdays(), c.makeUpDayHours(),
                c.observesPublicHolidays(), c.years(), c.holidays(), c.makeUpWorkingDays(), c.source(),
                c.departments(), entry.builtIn(), until,
                until == null ? null : Math.max(0, ChronoUnit.DAYS.between(today, until) + 1), c.changedBy(),
                c.changedAt());
    }

    private static RequestRefusedException notFound(String id) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no calendar " + id);
    }
}
