package com.caseflow.events;

import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.FeedbackChannel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The constraints declared on the records: every sample keeps them, and what breaks them is named by its field. */
class EventConstraintsTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void everySampleEventKeepsTheConstraintsOfItsRecord() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(25);
        for (Path sample : samples) {
            JsonNode tree = mapper.readTree(sample.toFile());
            Class<?> payload = EventTypes.payloadOf(tree.get("type").asString()).orElseThrow();
            JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
            try (InputStream in = Files.newInputStream(sample)) {
                EventEnvelope<?> envelope = mapper.readValue(in, type);
                assertThat(validator.validate(envelope)).as(sample.getFileName().toString()).isEmpty();
            }
        }
    }

    @Test
    void whenAnEventHasAMalformedIdAnOverlongTextOrANumberOutOfRangeThenEachFieldIsNamed() {
        CustomerFeedbackRecorded feedback = new CustomerFeedbackRecorded("case 1", "cb-1", "c-1", "A001",
                "ENGINEERING", "SH-LJY", 1, true, 9, true, "很满意".repeat(700), true, "CS01",
                Instant.parse("2026-11-27T01:00:00Z"), FeedbackChannel.PHONE);
        EventEnvelope<CustomerFeedbackRecorded> envelope = new EventEnvelope<>("e\n1",
                EventTypes.CUSTOMER_FEEDBACK_RECORDED, 0, Instant.parse("2026-11-27T01:00:00Z"), "case 1", "c-1",
                feedback);

        Set<ConstraintViolation<EventEnvelope<CustomerFeedbackRecorded>>> violations = validator.validate(envelope);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder(
                "eventId", "schemaVersion", "key", "data.caseId", "data.satisfaction", "data.comment");
    }
}
