package com.caseflow.support.deadletter;

import com.caseflow.support.audit.AdminActionAudit;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The service's dead letters, for administrators: listed with their errors, replayed by choice, each replay audited. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    static final int MAX_LIMIT = 500;
    static final int MAX_REPLAY = 100;

    record Wanted(String topic, Integer partition, Long offset) {
    }

    record ReplayRequest(List<Wanted> records) {
    }

    record Replayed(List<String> records) {
    }

    private final DeadLetters deadLetters;
    private final AdminActionAudit audit;

    DeadLetterController(DeadLetters deadLetters, AdminActionAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /** Without {@code topic}: every dead-letter topic of the service. */
    @GetMapping
    List<DeadLetters.Listed> list(@RequestParam(required = false) String topic,
                                  @RequestParam(defaultValue = "100") int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        List<String> topics = deadLetters.topics();
        if (topic != null) {
            Optional<String> known = deadLetters.deadLetterTopic(topic);
            if (known.isEmpty()) {
                problems.add(new FieldProblem("topic", "not a dead-letter topic of this service; one of " + topics));
            }
            topics = known.map(List::of).orElse(List.of());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<DeadLetters.Listed> listed = new ArrayList<>();
        for (String deadLetterTopic : topics) {
            listed.addAll(deadLetters.list(deadLetterTopic, limit));
        }
        return listed;
    }

    @PostMapping("/replay")
    Replayed replay(@RequestBody ReplayRequest request, Authentication authentication) {
        List<DeadLetters.Coordinates> wanted = validated(request);
        Map<DeadLetters.Coordinates, Optional<ConsumerRecord<String, byte[]>>> found = deadLetters.find(wanted);
        List<String> missing = found.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(e -> e.getKey().toString()).toList();
        if (!missing.isEmpty()) {
            throw new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no dead letter at " + String.join(", ", missing));
        }
        Staff staff = Staff.of(authentication);
        List<String> replayed = new ArrayList<>();
        for (Map.Entry<DeadLetters.Coordinates, Optional<ConsumerRecord<String, byte[]>>> record : found.entrySet()) {
            audit.acted(staff, "dead-letter.replay", record.getKey().toString());
            try {
                deadLetters.replay(record.getKey(), record.getValue().orElseThrow());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(replayed, e);
            } catch (ExecutionException | TimeoutException e) {
                throw unavailable(replayed, e);
            }
            replayed.add(record.getKey().toString());
        }
        return new Replayed(replayed);
    }

    private List<DeadLetters.Coordinates> validated(ReplayRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Wanted> records = request == null ? null : request.records();
        if (records == null || records.isEmpty() || records.size() > MAX_REPLAY) {
            throw new InvalidRequestException(List.of(new FieldProblem("records",
                    "must name between 1 and " + MAX_REPLAY + " records")));
        }
        List<DeadLetters.Coordinates> wanted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Wanted record = records.get(i);
            String at = "records[" + i + "].";
            Optional<String> topic = record == null || record.topic() == null ? Optional.empty()
                    : deadLetters.deadLetterTopic(record.topic()).filter(t -> t.equals(record.topic()));
            if (topic.isEmpty()) {
                problems.add(new FieldProblem(at + "topic", "must be one of " + deadLetters.topics()));
            }
            if (record == null || record.partition() == null || record.partition() < 0) {
                problems.add(new FieldProblem(at + "partition", "must be a partition number, 0 or more"));
            }
            if (record == null || record.offset() == null || record.offset() < 0) {
                problems.add(new FieldProblem(at + "offset", "must be an offset, 0 or more"));
            }
            if (problems.isEmpty()) {
                wanted.add(new DeadLetters.Coordinates(topic.get(), record.partition(), record.offset()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return wanted.stream().distinct().toList();
    }

    private static RequestRefusedException unavailable(List<String> replayed, Exception cause) {
        return new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Kafka unavailable",
                "the broker did not acknowledge the replay (" + cause.getClass().getSimpleName() + "); replayed before: "
                        + replayed);
    }
}
