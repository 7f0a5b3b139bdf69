package com.caseflow.events;

import com.caseflow.events.evaluation.EvaluationDecided;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.evaluation.TrainingAssigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationEventContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spot-check-recorded.json, agentId", "evaluation-published.json, subjectId",
            "training-assigned.json, agentId", "training-completed.json, agentId", "evaluation-decided.json, subjectId"})
    void whenASampleIsReadAsItsTypeThenEveryFieldSurvivesARoundTripAndItIsKeyedByItsSubject(String sample,
                                                                                           String keyField)
            throws IOException {
        String json = sample(sample);
        String type = mapper.readTree(json).get("type").asString();
        JavaType envelopeType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class,
                EventTypes.payloadOf(type).orElseThrow());

        EventEnvelope<?> envelope = mapper.readValue(json, envelopeType);

        assertThat(EventTypes.nameOf(envelope.data())).isEqualTo(type);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(envelope));
        assertThat(written).isEqualTo(mapper.readTree(json));
        assertThat(written.get("key").asString()).isEqualTo(written.get("data").get(keyField).asString());
    }

    @Test
    void whenAnEvaluationIsReadThenItsChineseReasonsAndWeakKpisArriveIntact() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class,
                EvaluationPublished.class);
        EventEnvelope<EvaluationPublished> envelope = mapper.readValue(sample("evaluation-published.json"), type);

        assertThat(envelope.data().outcome()).isEqualTo("TRAINING");
        assertThat(envelope.data().weakKpis()).containsExactly("firstContactResolution", "satisfaction");
        assertThat(envelope.data().reasons()).contains("首次解决率 40.0 低于目标 60");
    }

    @Test
    void whenASpotCheckIsReadThenItsRatingsAndDayArriveIntact() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, SpotCheckRecorded.class);
        SpotCheckRecorded check = mapper.<EventEnvelope<SpotCheckRecorded>>readValue(
                sample("spot-check-recorded.json"), type).data();

        assertThat(check.ratings()).containsEntry("CLASSIFICATION", 3);
        assertThat(check.contactDay()).hasToString("2026-11-27");
        assertThat(check.comment()).as("never published").isNull();
    }

    @Test
    void whenATrainingAssignmentIsReadThenItsChineseTopicAndTheScoresToImproveOnArriveIntact() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, TrainingAssigned.class);
        TrainingAssigned assigned = mapper.<EventEnvelope<TrainingAssigned>>readValue(
                sample("training-assigned.json"), type).data();

        assertThat(assigned.topic()).isEqualTo("专项培训：首次解决率、客户满意度");
        assertThat(assigned.kpiScoresBefore()).containsOnlyKeys(assigned.weakKpis());
        assertThat(assigned.dueDate()).hasToString("2026-12-15");
    }

    @Test
    void whenADecisionIsReadThenTheRecommendationAndTheDecidedOutcomeAreBothThere() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, EvaluationDecided.class);
        EvaluationDecided decided = mapper.<EventEnvelope<EvaluationDecided>>readValue(
                sample("evaluation-decided.json"), type).data();

        assertThat(decided.recommendedOutcome()).isEqualTo("WARNING");
        assertThat(decided.outcome()).isEqualTo("TRAINING");
        assertThat(decided.reason()).startsWith("隐私违规");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = EvaluationEventContractTests.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
