package com.caseflow.support.outbox;

import com.caseflow.support.audit.AdminActionAudit;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Parked outbox entries, for administrators: listed without their payload, and retried one document at a time. */
@RestController
@RequestMapping("/api/v1/admin/outbox/parked")
class OutboxAdminController {

    record Retried(List<String> entryIds) {
    }

    private final OutboxRelay relay;
    private final AdminActionAudit audit;

    OutboxAdminController(OutboxRelay relay, AdminActionAudit audit) {
        this.relay = relay;
        this.audit = audit;
    }

    @GetMapping
    List<OutboxRelay.Parked> parked() {
        return relay.parked();
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Retried retry(@PathVariable String id, Authentication authentication) {
        if (relay.parked().stream().noneMatch(p -> p.entryId().equals(id))) {
            throw new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no parked outbox entry " + id);
        }
        audit.acted(Staff.of(authentication), "outbox.retry", id);
        return new Retried(relay.retry(id));
    }
}
