package com.caseflow.routing.onduty.application;

import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.onduty.domain.DutyRoster;
import com.caseflow.routing.onduty.domain.Shift;
import com.caseflow.routing.onduty.persistence.RosterDocument;
import com.caseflow.routing.onduty.persistence.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With demo data on, every department that keeps a roster has one for the next two weeks at each start: a day
 * shift 08:00–20:00 and a night shift 20:00–08:00, filled only where nobody is planned. Production rosters are
 * planned by the department heads.
 */
@Component
@ConditionalOnProperty(name = "caseflow.routing.demo-data", havingValue = "true")
class DemoRosters implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoRosters.class);
    private static final Map<String, String[]> ON_DUTY = Map.of(
            "ENGINEERING", new String[] {"D-ENG-01", "D-ENG-02"},
            "PROPERTY_MANAGEMENT", new String[] {"D-PM-01", "D-PM-02"});

    private final RosterStore store;
    private final DepartmentRegistry departments;
    private final Clock clock;
    private final ZoneId zone;

    DemoRosters(RosterStore store, DepartmentRegistry departments, Clock clock,
                @Value("${caseflow.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.departments = departments;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void afterSingletonsInstantiated() {
        topUpAll();
    }

    /** Departments may be loaded after this bean started (demo departments of an empty store). */
    @EventListener
    void departmentsChanged(DepartmentRegistry.DepartmentsChanged changed) {
        topUpAll();
    }

    private void topUpAll() {
        for (Department department : departments.all()) {
            if (!department.onDutyRoster()) {
                continue;
            }
            String[] staff = ON_DUTY.getOrDefault(department.code(), new String[] {department.head(), department.head()});
            try {
                topUp(department.code(), staff[0], staff[1]);
            } catch (OptimisticLockingFailureException e) {
                log.debug("Roster of {} planned by another instance meanwhile", department.code());
            }
        }
    }

    private void topUp(String departmentCode, String day, String night) {
        var stored = store.find(departmentCode);
        DutyRoster roster = new DutyRoster(stored.map(RosterDocument::shifts).orElse(List.of()));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Shift> added = new ArrayList<>();
        for (LocalDate date = today.minusDays(1); date.isBefore(today.plusDays(15)); date = date.plusDays(1)) {
            Instant morning = date.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
            Instant evening = date.atTime(LocalTime.of(20, 0)).atZone(zone).toInstant();
            Instant nextMorning = date.plusDays(1).atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
            for (Shift shift : List.of(new Shift(day, morning, evening), new Shift(night, evening, nextMorning))) {
                if (roster.within(shift.start(), shift.end()).isEmpty()) {
                    added.add(shift);
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<Shift> shifts = new ArrayList<>(roster.shifts());
        shifts.addAll(added);
        store.save(departmentCode, new DutyRoster(shifts).shifts(), stored.map(RosterDocument::version).orElse(0L),
                "demo-data", clock.instant());
        log.info("Demo roster of {}: {} shifts added for the next two weeks", departmentCode, added.size());
    }
}
