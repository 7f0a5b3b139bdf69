package com.caseflow.followup.missedcalls.web;

import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.missedcalls.persistence.MissedCallStore;
import com.caseflow.followup.support.CallLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.HostileInput;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.caseflow.support.testing.HostileInput.bodyCases;
import static com.caseflow.support.testing.HostileInput.encoded;
import static com.caseflow.support.testing.HostileInput.fieldCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared hostile set against the call-back queue's attempt and the text its queries take: each a 400 naming the
 * bad field (413 for a body too large), never a 5xx, and the task unchanged; markup is kept as the text it is.
 */
@FollowUpServiceTest
class MissedCallHostileInputTests {

    private static final int MAX_BODY = 16 * 1024;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MissedCallStore store;
    @LocalServerPort
    int port;

    @Test
    void whenTheAttemptApiIsFedTheHostileSetThenEachIsRefusedByNameAndTheTaskIsUnchanged() {
        Api agent = new Api(port, TestIdentityProvider.get().token("A004", "AGENT"));
        HostileInput.signedIn(agent, "/api/v1/missed-calls");
        String callId = CallLog.newCallId();
        try (CallLog calls = new CallLog(broker.getBrokersAsString())) {
            calls.abandoned(callId, CallLog.newCaller(), TestClock.CLOCK.instant());
        }
        String taskId = MissedCallTask.idFor(callId);
        String task = "/api/v1/missed-calls/" + taskId;
        await().atMost(Duration.ofSeconds(90)).until(() -> agent.get(task).status() == 200);
        MissedCallStore.VersionedTask before = store.find(taskId).orElseThrow();

        List<String> wrong = new ArrayList<>(HostileInput.refusals(agent, "POST", task + "/attempts", Stream.concat(
                fieldCases("{\"outcome\":\"NO_ANSWER\",\"note\":\"无人接听\",\"contactId\":\"CT-1\"}").stream(),
                bodyCases("{\"outcome\":\"NO_ANSWER\",\"note\":\"无人接听\"}", MAX_BODY).stream()).toList()));
        for (String control : HostileInput.CONTROL_TEXTS_IN_ADDRESSES) {
            String text = encoded(control).replace("+", "%20");
            check(wrong, agent, "GET", "/api/v1/missed-calls?status=" + text, "status");
            check(wrong, agent, "GET", "/api/v1/missed-calls/" + text, "id");
            check(wrong, agent, "POST", "/api/v1/missed-calls/" + text + "/attempts", "id");
        }

        assertThat(wrong).isEmpty();
        assertThat(store.find(taskId).orElseThrow()).isEqualTo(before);

        String note = HostileInput.MARKUP + " 客户说 & \"明天再打\"";
        Api.Response attempt = agent.post(task + "/attempts",
                "{\"outcome\":\"NO_ANSWER\",\"note\":\"" + note.replace("\"", "\\\"") + "\"}");
        assertThat(attempt.status()).isEqualTo(200);
        assertThat(attempt.json().get("attempts").get(0).get("note").asString()).isEqualTo(note);
        assertThat(store.find(taskId).orElseThrow().state().attempts().get(0).note()).isEqualTo(note);
    }

    private static void check(List<String> wrong, Api api, String method, String path, String parameter) {
        String answer = HostileInput.wrongParameterAnswer(api, method, path, parameter);
        if (answer != null) {
            wrong.add(answer);
        }
    }
}
