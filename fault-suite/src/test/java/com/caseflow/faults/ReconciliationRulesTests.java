package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules the reconciliation applies to a case's events, on events written by hand. */
class ReconciliationRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aContactOfACaseMergedIntoAnIncidentHasItsOneHomeInTheIncidentsCase() {
        Map<String, List<JsonNode>> cases = Map.of(
                "A", List.of(event(EventTypes.CASE_ROUTED, 1, "c1", null),
                        event(EventTypes.CASE_MERGED, 2, null, null)),
                "B", List.of(event(EventTypes.CASE_ROUTED, 1, "c2", null),
                        event(EventTypes.CONTACT_ATTACHED, 2, "c1", null)));

        Map<String, List<String>> homes = new Reconciliation().homes(cases);

        assertThat(homes.get("c1")).containsExactly("B");
        assertThat(homes.get("c2")).containsExactly("B");
    }

    @Test
    void aContactAttachedTwiceOrLeftBehindInAMergedCaseIsFound() {
        Map<String, List<JsonNode>> cases = Map.of(
                "A", List.of(event(EventTypes.CASE_ROUTED, 1, "c1", null),
                        event(EventTypes.CASE_MERGED, 2, null, null)),
                "B", List.of(event(EventTypes.CASE_ROUTED, 1, "c2", null),
                        event(EventTypes.CONTACT_ATTACHED, 2, "c3", null),
                        event(EventTypes.CONTACT_ATTACHED, 3, "c3", null)));

        Map<String, List<String>> homes = new Reconciliation().homes(cases);

        assertThat(homes.get("c1")).as("lost with its merged case").isEmpty();
        assertThat(homes.get("c3")).as("attached twice").hasSize(2);
    }

    @Test
    void aCaseHasOneSetOfDeadlinesPerClockAndPerShorteningWhileItRuns() {
        List<JsonNode> events = List.of(
                event(EventTypes.CASE_ROUTED, 1, "c1", "T10"),
                event(EventTypes.CONTACT_ATTACHED, 2, "c2", "T10"),
                event(EventTypes.CONTACT_ATTACHED, 3, "c3", "T08"),
                event(EventTypes.CASE_RESOLVED, 4, null, null),
                event(EventTypes.CONTACT_ATTACHED, 5, "c4", "T06"),
                event(EventTypes.CASE_REOPENED, 6, null, "T20"));

        assertThat(Reconciliation.deadlineSets(events)).isEqualTo(3);
    }

    private static JsonNode event(String type, long sequence, String contactId, String due) {
        var data = JSON.createObjectNode().put("sequence", sequence);
        if (contactId != null) {
            data.put("contactId", contactId);
        }
        if (due != null) {
            data.putObject("deadlines").put("firstResponseDue", due + ":00Z").put("resolutionDue", due + ":30Z");
        }
        var event = JSON.createObjectNode().put("type", type);
        event.set("data", data);
        return event;
    }
}
