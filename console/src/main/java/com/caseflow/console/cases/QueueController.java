package com.caseflow.console.cases;

import com.caseflow.console.live.LiveCases;
import com.caseflow.console.security.Staff;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Set;

/**
 * A department's live queue: its open cases, most urgent first, with the time left before each deadline; a change to
 * any of its cases (on its {@code cases.dept.*} topic) refreshes every open queue page of the department.
 */
@Controller
@RequestMapping("/queue")
@PreAuthorize("hasAnyRole('DEPARTMENT_STAFF', 'SUPERVISOR', 'MANAGER')")
class QueueController {

    static final int PAGE_SIZE = 20;
    private static final Set<String> STATUSES = Set.of("OPEN", "IN_PROGRESS", "RESOLVED", "MERGED");
    private static final Set<String> PRIORITIES = Set.of("URGENT", "HIGH", "NORMAL");
    private static final ParameterizedTypeReference<Page<RoutingViews.Case>> CASES =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final LiveCases live;

    QueueController(Services services, LiveCases live) {
        this.services = services;
        this.live = live;
    }

    @GetMapping
    String queue(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) String department,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        String code = department(staff, department);
        if (!staff.departmentStaff() || !code.equals(staff.department())) {
            model.addAttribute("departments", services.routing().call(client -> client.get()
                    .uri("/api/v1/departments").retrieve().body(RoutingViews.Department[].class)));
        }
        model.addAttribute("department", code);
        return table(staff, code, status, priority, page, model, "queue/page");
    }

    @GetMapping("/table")
    String table(@ModelAttribute("staff") Staff staff, @RequestParam String department,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        return table(staff, department(staff, department), status, priority, page, model, "queue/page :: table");
    }

    @GetMapping(path = "/{department}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@ModelAttribute("staff") Staff staff, @PathVariable String department) {
        return live.queue(department(staff, department));
    }

    private String table(Staff staff, String code, String status, String priority, int page, Model model,
                         String view) {
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        String priorityFilter = priority != null && PRIORITIES.contains(priority) ? priority : null;
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        Page<RoutingViews.Case> cases = services.routing().call(client -> client.get()
                .uri(uri -> {
                    uri.path("/api/v1/departments/{code}/cases").queryParam("sort", "urgent")
                            .queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
                    if (statusFilter != null) {
                        uri.queryParam("status", statusFilter);
                    }
                    if (priorityFilter != null) {
                        uri.queryParam("priority", priorityFilter);
                    }
                    return uri.build(code);
                })
                .retrieve().body(CASES));
        model.addAttribute("department", code);
        model.addAttribute("cases", cases);
        model.addAttribute("status", statusFilter);
        model.addAttribute("priority", priorityFilter);
        model.addAttribute("page", pageNumber);
        return view;
    }

    /** Department staff work their own department's queue; reviewers choose one. */
    private static String department(Staff staff, String requested) {
        String code = requested == null || requested.isBlank()
                ? (staff.department() != null ? staff.department() : "CUSTOMER_SERVICE") : requested;
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}") || !staff.mayReadQueueOf(code)) {
            throw new AccessDeniedException("Not this department's queue");
        }
        return code;
    }
}
