package com.caseflow.evaluation.spotchecks.web;

import com.caseflow.evaluation.spotchecks.application.SpotChecks;
import com.caseflow.evaluation.spotchecks.domain.Scorecard;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.evaluation.web.ReportPeriod;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spot-checks (抽查): the scorecard, recording a check (supervisors and managers; answered with the
 * {@code SpotCheckRecorded} it publishes) and reading checks — agents their own, supervisors their team's, managers
 * everyone's.
 */
@RestController
@RequestMapping("/api/v1/spot-checks")
class SpotCheckController {

    private final SpotChecks spotChecks;
    private final StaffRateLimiter rateLimit;

    SpotCheckController(SpotChecks spotChecks, StaffRateLimiter rateLimit) {
        this.spotChecks = spotChecks;
        this.rateLimit = rateLimit;
    }

    /**
     * @param sampleId the sample the contact was drawn in; absent for a check outside any sample
     * @param ratings  item code → 0..maxRating, every item of the scorecard exactly once
     * @param comment  the reviewer's remarks, at most 1000 characters
     */
    record RecordRequest(String sampleId, String contactId,
                         @JsonDeserialize(using = RatingsReader.class) List<Scorecard.Rating> ratings,
                         String comment) {
    }

    /** The scorecard as reviewers fill it in. */
    @GetMapping("/scorecard")
    Scorecard scorecard(Authentication authentication) {
        reader(authentication);
        return spotChecks.scorecard();
    }

    @PostMapping
    ResponseEntity<SpotCheckRecorded> record(@RequestBody RecordRequest body, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        SpotCheckRecorded check = spotChecks.record(staff, new SpotChecks.RecordCommand(body.sampleId(),
                body.contactId(), body.ratings(), body.comment()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(check.spotCheckId()).toUri();
        return ResponseEntity.created(location).body(check);
    }

    @GetMapping("/{id}")
    SpotCheckRecorded read(@PathVariable String id, Authentication authentication) {
        return spotChecks.read(reader(authentication), id);
    }

    /** Checks of the contacts of a period (by the contact's day), newest review first. */
    @GetMapping
    PageView<SpotCheckRecorded> list(@RequestParam(required = false) String agentId,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        List<FieldProblem> problems = PageView.pagingProblems(page, size);
        ReportPeriod period = ReportPeriod.of(from, to, problems);
        if (agentId != null && agentId.isBlank()) {
            problems.add(new FieldProblem("agentId", "a staff id, or absent for every agent you may read"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return PageView.of(spotChecks.list(reader(authentication), agentId, period.from(), period.to(), page, size),
                c -> c);
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }

    /**
     * Reads {@code ratings} as sent, keeping a code sent twice (a JSON object would silently keep the last) and a
     * value that is not a whole number (as null), so that each is refused by name.
     */
    static final class RatingsReader extends ValueDeserializer<List<Scorecard.Rating>> {

        @Override
        @SuppressWarnings("unchecked")
        public List<Scorecard.Rating> deserialize(JsonParser p, DeserializationContext context) {
            if (!p.isExpectedStartObjectToken()) {
                return (List<Scorecard.Rating>) context.handleUnexpectedToken(
                        context.constructType(Map.class), p);
            }
            List<Scorecard.Rating> ratings = new ArrayList<>();
            for (JsonToken token = p.nextToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
                String code = p.currentName();
                JsonToken value = p.nextToken();
                Integer rating = value == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
                p.skipChildren();
                ratings.add(new Scorecard.Rating(code, rating));
            }
            return ratings;
        }
    }
}
