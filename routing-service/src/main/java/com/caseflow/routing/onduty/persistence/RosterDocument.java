package com.caseflow.routing.onduty.persistence;

import com.caseflow.routing.onduty.domain.Shift;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A department's roster, who changed it last and when; {@code version} guards concurrent edits. */
@Document("duty_rosters")
public record RosterDocument(@Id String departmentCode, List<Shift> shifts, long version, String changedBy,
                             Instant changedAt) {
}
