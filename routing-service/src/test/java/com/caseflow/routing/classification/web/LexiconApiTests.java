package com.caseflow.routing.classification.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The keyword lists are versioned configuration like the rule set: read, tried against a typed contact, published
 * with the version edited, and the next contact is classified with them.
 */
@RoutingServiceTest
class LexiconApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String LAW_FIRM = "我已经委托律所处理这件事了";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    EventLog log;
    JsonNode before;

    private Api admin() {
        return new Api(port, IDP.token("ADM01", "ADMIN"));
    }

    @BeforeEach
    void readLists() {
        log = new EventLog(broker.getBrokersAsString());
        before = admin().get("/api/v1/routing-lexicon").json();
    }

    /** Other classes share the application: what they classify must not depend on the order tests run in. */
    @AfterEach
    void restoreLists() {
        log.close();
        JsonNode now = admin().get("/api/v1/routing-lexicon").json();
        if (!now.get("terms").equals(before.get("terms")) || !now.get("negators").equals(before.get("negators"))) {
            assertThat(admin().put("/api/v1/routing-lexicon", body(now.get("version").asLong(), before)).status())
                    .isEqualTo(200);
        }
    }

    private static String body(long basedOnVersion, JsonNode version) {
        return lists(version).put("basedOnVersion", basedOnVersion).toString();
    }

    /** The lists of a version as a candidate or a publication carries them (routing refuses unknown fields). */
    private static ObjectNode lists(JsonNode version) {
        ObjectNode lists = JSON.createObjectNode();
        lists.set("terms", version.get("terms"));
        lists.set("negators", version.get("negators"));
        lists.set("hedges", version.get("hedges"));
        lists.set("benign", version.get("benign"));
        return lists;
    }

    private ObjectNode withWord(String term, String word) {
        ObjectNode lists = (ObjectNode) before.deepCopy();
        ((ArrayNode) lists.get("terms").get(term)).add(word);
        return lists;
    }

    private static String phone() {
        return "138" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
    }

    private CaseDocument caseOf(EventEnvelope<ContactReceived> contact) {
        Query byContact = Query.query(Criteria.where("state.contacts.contactId").is(contact.key()));
        await().atMost(WAIT).until(() -> mongo.findOne(byContact, CaseDocument.class) != null);
        return mongo.findOne(byContact, CaseDocument.class);
    }

    @Test
    void whenTheFileSeededTheListsThenVersionOneHasItsWordsAndSaysWhereTheyCameFrom() {
        JsonNode first = admin().get("/api/v1/routing-lexicon/versions/1").json();

        assertThat(first.get("changedBy").asString()).isEqualTo("lexicon-file");
        assertThat(first.get("terms").get("法律").valueStream().map(JsonNode::asString)).contains("律师", "起诉");
        assertThat(first.get("negators").valueStream().map(JsonNode::asString)).contains("没有");
        assertThat(first.get("signals").get("法律").valueStream().map(JsonNode::asString))
                .containsExactly("律师、起诉、仲裁");
        assertThat(admin().get("/api/v1/routing-lexicon/versions/99999").status()).isEqualTo(404);
    }

    @Test
    void whenAnAdministratorAddsARiskWordThenTheDryRunShowsItAndTheNextContactIsRoutedByIt() {
        long version = before.get("version").asLong();
        String contact = "{\"category\":\"COMPLAINT\",\"matter\":\"" + LAW_FIRM + "\",\"projectCode\":\"SH-LJY\"";
        JsonNode inForce = admin().post("/api/v1/routing-lexicon/dry-run", contact + "}").json();
        JsonNode tried = admin().post("/api/v1/routing-lexicon/dry-run",
                contact + ",\"candidate\":" + lists(withWord("法律", "律所")) + "}").json();

        Api.Response published = admin().put("/api/v1/routing-lexicon", body(version, withWord("法律", "律所")));
        Api.Response stale = new Api(port, IDP.token("M001", "MANAGER"))
                .put("/api/v1/routing-lexicon", body(version, before));
        EventEnvelope<ContactReceived> call = Contacts.call(phone(), "SH-LJY", "5栋1单元302",
                ContactCategory.COMPLAINT, LAW_FIRM);
        log.publish(Topics.CONTACTS, call);
        CaseDocument routed = caseOf(call);

        assertThat(inForce.get("departmentCode").asString()).isNotEqualTo("LEGAL");
        assertThat(inForce.get("lexiconVersion").asLong()).isEqualTo(version);
        assertThat(tried.get("departmentCode").asString()).isEqualTo("LEGAL");
        assertThat(tried.get("priority").asString()).isEqualTo("URGENT");
        assertThat(tried.get("matchedKeywords").valueStream().map(JsonNode::asString)).contains("律所");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(published.json().get("changedBy").asString()).isEqualTo("ADM01");
        assertThat(published.json().get("changedAt").asString()).isNotBlank();
        assertThat(published.json().get("terms").get("法律").valueStream().map(JsonNode::asString)).contains("律所");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(routed.state().departmentCode()).isEqualTo("LEGAL");
        assertThat(routed.state().priority().name()).isEqualTo("URGENT");
        JsonNode listed = admin().get("/api/v1/routing-lexicon/versions?size=2").json();
        assertThat(listed.get("versions").get(0).get("version").asLong()).isEqualTo(version + 1);
        assertThat(listed.get("versions").get(0).get("changedBy").asString()).isEqualTo("ADM01");
        assertThat(listed.get("versions").get(0).get("words").asInt())
                .isEqualTo(listed.get("versions").get(1).get("words").asInt() + 1);
        assertThat(listed.get("total").asLong()).isGreaterThanOrEqualTo(version + 1);
    }

    @Test
    void whenListsHaveAnEmptyWordADuplicateOrAnOverlongOneThenEachIsNamedAndNothingIsPublished() {
        long version = before.get("version").asLong();
        ObjectNode lists = withWord("法律", " ");
        ((ArrayNode) lists.get("terms").get("电梯")).add("轿厢");
        ((ArrayNode) lists.get("negators")).add("没".repeat(31));
        ((ObjectNode) lists.get("terms")).putArray("鬼").add("闹鬼");
        ((ObjectNode) lists.get("terms")).remove("井盖");
        int law = before.get("terms").get("法律").size();
        int lift = before.get("terms").get("电梯").size();
        int negators = before.get("negators").size();

        Api.Response bad = admin().put("/api/v1/routing-lexicon", body(version, lists));
        Api.Response badTry = admin().post("/api/v1/routing-lexicon/dry-run",
                "{\"category\":\"REPAIR\",\"matter\":\"\",\"candidate\":" + lists(withWord("电梯", "")) + "}");
        Api.Response noVersion = admin().put("/api/v1/routing-lexicon", "{\"terms\":null}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "terms.法律[" + law + "]", "terms.电梯[" + lift + "]", "negators[" + negators + "]", "terms.鬼",
                "terms.井盖");
        assertThat(bad.json().get("errors").findValuesAsString("message")).contains("empty word",
                "at most 30 characters", "duplicate of terms.电梯[2] '轿厢'");
        assertThat(badTry.status()).isEqualTo(400);
        assertThat(badTry.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "matter", "candidate.terms.电梯[" + lift + "]");
        assertThat(noVersion.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("basedOnVersion", "terms");
        assertThat(admin().get("/api/v1/routing-lexicon").json().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void whenSomeoneWhoDoesNotEditConfigurationChangesTheListsThenTheyAreRefused() {
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        Api engineer = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        String lists = body(before.get("version").asLong(), before);

        assertThat(supervisor.get("/api/v1/routing-lexicon").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/routing-lexicon/versions").status()).isEqualTo(200);
        assertThat(supervisor.put("/api/v1/routing-lexicon", lists).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/routing-lexicon").status()).isEqualTo(403);
        assertThat(agent.put("/api/v1/routing-lexicon", lists).status()).isEqualTo(403);
        assertThat(engineer.get("/api/v1/routing-lexicon/versions/1").status()).isEqualTo(403);
        assertThat(engineer.post("/api/v1/routing-lexicon/dry-run", "{\"category\":\"REPAIR\",\"matter\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/routing-lexicon").json().get("version").asLong())
                .isEqualTo(before.get("version").asLong());
    }
}
