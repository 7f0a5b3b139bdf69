package com.caseflow.followup.notifications.web;

import com.caseflow.followup.notifications.application.Notifications;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The delivery status of reminders and escalations sent to the gateway, for supervisors, managers and admins. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;
    private final StaffRateLimiter rateLimit;

    NotificationController(Notifications notifications, StaffRateLimiter rateLimit) {
        this.notifications = notifications;
        this.rateLimit = rateLimit;
    }

    @GetMapping
    PageView<Notification> list(@RequestParam(required = false) NotificationStatus status,
                                @RequestParam(required = false) String caseId,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        List<FieldProblem> problems = PageView.pagingProblems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        rateLimit.acquireRead(Staff.of(authentication));
        return PageView.of(notifications.list(status, caseId, page, size), n -> n);
    }

    @GetMapping("/{id}")
    Notification read(@PathVariable String id, Authentication authentication) {
        rateLimit.acquireRead(Staff.of(authentication));
        return notifications.read(id);
    }
}
