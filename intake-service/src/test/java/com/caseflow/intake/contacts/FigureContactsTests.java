package com.caseflow.intake.contacts;

import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contacts behind a dashboard figure: exact rows, newest first, masked, audited, refused to others. */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class FigureContactsTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A project and numbers of their own: other tests' contacts never enter these figures, nor these theirs. */
    private static final String PROJECT = "T-FIG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    static boolean stored;

    @BeforeEach
    void contactsOfTwoShanghaiDays() {
        if (stored) {
            return;
        }
        // 00:10 Shanghai on the 3rd is the 2nd in UTC: the day must be Shanghai's
        store("fig-1", "2026-12-03T00:10", Channel.PHONE, "A001", PROJECT, ContactCategory.REPAIR, "15800010001");
        store("fig-2", "2026-12-03T09:30", Channel.VISIT, "A002", PROJECT, ContactCategory.REPAIR, "15800010002");
        store("fig-3", "2026-12-03T15:00", Channel.PHONE, "A001", PROJECT, ContactCategory.COMPLAINT, "15800010003");
        store("fig-4", "2026-12-04T08:00", Channel.PHONE, "A002", PROJECT, ContactCategory.REPAIR, "15800010004");
        store("fig-5", "2026-12-02T23:59", Channel.PHONE, "A001", PROJECT, ContactCategory.REPAIR, "15800010005");
        store("fig-6", "2026-12-03T10:00", Channel.PHONE, "A001", "T-FIG-OTHER", ContactCategory.REPAIR,
                "15800010006");
        stored = true;
    }

    @Test
    void whenAManagerOpensAProjectCategoryCellThenTheDaysContactsOfItAreListedNewestFirstAndMasked() {
        JsonNode page = as("M001", Roles.MANAGER).get("/api/v1/contacts/behind-figure?from=2026-12-03&to=2026-12-03"
                + "&projectCode=" + PROJECT + "&category=REPAIR").json();

        assertThat(ids(page)).containsExactly("fig-2", "fig-1");
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        JsonNode visit = page.get("content").get(0);
        assertThat(visit.get("receivedAt").asString()).isEqualTo("2026-12-03T09:30:00+08:00");
        assertThat(visit.get("channel").asString()).isEqualTo("VISIT");
        assertThat(visit.get("channelLabel").asString()).isEqualTo("接访");
        assertThat(visit.get("agentId").asString()).isEqualTo("A002");
        assertThat(visit.get("projectCode").asString()).isEqualTo(PROJECT);
        assertThat(visit.get("unit").asString()).isEqualTo("3-1-502");
        assertThat(visit.get("categoryLabel").asString()).isEqualTo(ContactCategory.REPAIR.labelZh());
        assertThat(visit.get("settledAtFirstContact").asBoolean()).isTrue();
        assertThat(visit.get("phone").asString()).isEqualTo("158****0002");
        assertThat(page.toString()).doesNotContain("15800010002").doesNotContain("客户");
    }

    @Test
    void whenFilteredByChannelAgentOrAPeriodThenOnlyThoseContactsAreListed() {
        Api supervisor = as("S001", Roles.SUPERVISOR);
        String base = "/api/v1/contacts/behind-figure?projectCode=" + PROJECT;

        assertThat(ids(supervisor.get(base + "&from=2026-12-03&to=2026-12-04&channel=PHONE").json()))
                .containsExactly("fig-4", "fig-3", "fig-1");
        assertThat(ids(supervisor.get(base + "&from=2026-12-02&to=2026-12-04&agentId=A001").json()))
                .containsExactly("fig-3", "fig-1", "fig-5");
        JsonNode second = supervisor.get(base + "&from=2026-12-02&to=2026-12-04&page=1&size=2").json();
        assertThat(ids(second)).containsExactly("fig-2", "fig-1");
        assertThat(second.get("totalPages").asInt()).isEqualTo(3);
        assertThat(second.get("content").get(1).get("phone").asString()).isEqualTo("158****0001");
        assertThat(ids(supervisor.get(base + "&from=2026-12-02&to=2026-12-04&page=2&size=2").json()))
                .containsExactly("fig-5");
    }

    @Test
    void whenContactsAreListedThenEachCustomerShownIsAuditedAndNoNumberIsLogged(CapturedOutput output) {
        as("M-AUDIT", Roles.MANAGER).get("/api/v1/contacts/behind-figure?from=2026-12-04&to=2026-12-04&projectCode="
                + PROJECT);

        List<Document> reads = mongo.find(Query.query(Criteria.where("staffId").is("M-AUDIT")), Document.class,
                AccessAudit.COLLECTION);
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.getString("action")).isEqualTo("figure-contacts");
            assertThat(read.getString("contactId")).isEqualTo("fig-4-" + PROJECT);
            assertThat(read.getString("customerMasked")).isEqualTo("158****0004");
        });
        assertThat(output.getAll()).doesNotContain("15800010004").doesNotContain("客户甲");
    }

    @Test
    void whenParametersAreBadThen400NamesEachField() {
        Api.Response bad = as("M001", Roles.MANAGER).get("/api/v1/contacts/behind-figure?from=12/03&category=LEAK"
                + "&channel=FAX&page=x&size=500");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("from", "to", "category", "channel", "page", "size");
        Api.Response backwards = as("M001", Roles.MANAGER)
                .get("/api/v1/contacts/behind-figure?from=2026-12-04&to=2026-12-03&size=500");
        assertThat(fields(backwards)).containsExactlyInAnyOrder("to", "size");
        Api.Response tooLong = as("M001", Roles.MANAGER)
                .get("/api/v1/contacts/behind-figure?from=2025-01-01&to=2026-12-03");
        assertThat(fields(tooLong)).containsExactly("to");
        Api.Response tooDeep = as("M001", Roles.MANAGER)
                .get("/api/v1/contacts/behind-figure?from=2026-12-01&to=2026-12-03&page=9000&size=100");
        assertThat(fields(tooDeep)).containsExactly("page");
    }

    @Test
    void whenAnAgentOrAnAdministratorAsksThen403() {
        String path = "/api/v1/contacts/behind-figure?from=2026-12-03&to=2026-12-03";
        assertThat(as("A001", Roles.AGENT).get(path).status()).isEqualTo(403);
        assertThat(as("ADMIN01", Roles.ADMIN).get(path).status()).isEqualTo(403);
        assertThat(new Api(port, null).get(path).status()).isEqualTo(401);
    }

    private void store(String id, String shanghaiTime, Channel channel, String agentId, String project,
                       ContactCategory category, String phone) {
        var at = LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
        Contact.CallDetails call = channel == Channel.PHONE
                ? new Contact.CallDetails(at.minusSeconds(6), at, 2, true, true, null, null, null) : null;
        Contact.VisitDetails visit = channel == Channel.VISIT
                ? new Contact.VisitDetails(at, at.plusSeconds(30), agentId, null) : null;
        Contact contact = new Contact(id + "-" + PROJECT, channel, agentId, at, call, visit, "客户甲",
                CallerType.OWNER, phone, project, "3-1-502", "厨房漏水", category, true);
        mongo.insert(new ContactDocument(contact.id(), contact, "fingerprint", List.of(), null));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(c -> c.get("id").asString().replace("-" + PROJECT, ""))
                .toList();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private Api as(String staffId, String role) {
        return new Api(port, IDP.token(staffId, role));
    }
}
