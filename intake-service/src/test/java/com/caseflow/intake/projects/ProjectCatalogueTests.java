package com.caseflow.intake.projects;

import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Bursts;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The project catalogue through its API, on a store that starts empty and receives the demo projects. */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "caseflow.intake.demo-projects=true")
class ProjectCatalogueTests {

    private static final String NEW_PROJECT = """
            {"code":"CD-TFY","name":"天府悦府","city":"成都","district":"高新区","address":"高新区天府大道北段1700号",
             "salesStatus":"ON_SALE","serviceHotline":"028-86661234",
             "unitTypes":[{"name":"G户型","layout":"三室两厅两卫","areaSqm":120.0,"priceFromCny":2800000,"priceToCny":3300000}],
             "faqs":[{"question":"有没有地铁？","answer":"距地铁1号线天府三街站约600米。"}]}""";


    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, TestIdentityProvider.get().token("ADMIN01", "ADMIN"));
    }

    @Test
    void whenTheCatalogueStartsEmptyThenDemoProjectsAreThereWithUnitTypesAndFaq() {
        Api.Response all = api.get("/api/v1/projects");
        Api.Response hangzhou = api.get("/api/v1/projects?city=" + URLEncoder.encode("杭州", StandardCharsets.UTF_8));
        Api.Response one = api.get("/api/v1/projects/SH-LJY");

        assertThat(all.json().valueStream().map(p -> p.get("code").asString()).toList())
                .contains("SH-LJY", "HZ-XXH", "SZ-QHW", "BJ-CYG");
        assertThat(hangzhou.json().valueStream().map(p -> p.get("code").asString()).toList())
                .containsExactly("HZ-XXH");
        assertThat(one.json().get("name").asString()).isEqualTo("陆家嘴滨江苑");
        assertThat(one.json().get("unitTypes").get(0).get("layout").asString()).isEqualTo("三室两厅两卫");
        assertThat(one.json().get("faqs").get(0).get("question").asString()).isEqualTo("物业服务中心在哪里？");
        assertThat(api.get("/api/v1/projects/NO-SUCH").status()).isEqualTo(404);
    }

    @Test
    void whenAProjectIsCreatedThenItCanBeReadAndNotCreatedTwice() {
        Api.Response created = api.post("/api/v1/projects", NEW_PROJECT);
        Api.Response again = api.post("/api/v1/projects", NEW_PROJECT);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/projects/CD-TFY");
        assertThat(api.get("/api/v1/projects/CD-TFY").json().get("city").asString()).isEqualTo("成都");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void whenAProjectIsInvalidThen400NamesEveryBadField() {
        String invalid = NEW_PROJECT.replace("CD-TFY", "cd tfy").replace("ON_SALE", "热销")
                .replace("\"areaSqm\":120.0", "\"areaSqm\":-5").replace("3300000", "100")
                .replace("028-86661234", "8666").replace("\"faqs\":[", "\"faqs\":[null,");

        Api.Response response = api.post("/api/v1/projects", invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("code", "salesStatus", "unitTypes[0].areaSqm", "unitTypes[0].priceToCny",
                        "serviceHotline", "faqs[0]");
        assertThat(api.get("/api/v1/projects/cd%20tfy").status()).isEqualTo(404);
    }

    @Test
    void whenTwoAdministratorsEditTheSameVersionThenTheSecondGets409() {
        api.post("/api/v1/projects", NEW_PROJECT.replace("CD-TFY", "CD-JJH"));
        long version = api.get("/api/v1/projects/CD-JJH").json().get("version").asLong();
        String edit = NEW_PROJECT.replace("CD-TFY", "CD-JJH").replace("}]}", "}],\"version\":" + version + "}");

        Api.Response first = api.put("/api/v1/projects/CD-JJH", edit.replace("ON_SALE", "SOLD_OUT"));
        Api.Response second = api.put("/api/v1/projects/CD-JJH", edit.replace("ON_SALE", "PRE_SALE"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(second.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/projects/CD-JJH").json().get("salesStatus").asString()).isEqualTo("SOLD_OUT");
    }

    @Test
    void whenAProjectIsAddedAndEditedThenEachAnswerNamesWhoDidItLast() {
        String add = NEW_PROJECT.replace("CD-TFY", "CD-WHO");

        Api.Response created = api.post("/api/v1/projects", add);

        assertThat(created.json().get("updatedBy").asString()).isEqualTo("ADMIN01");
        assertThat(api.get("/api/v1/projects/CD-WHO").json().get("updatedBy").asString()).isEqualTo("ADMIN01");
        long version = created.json().get("version").asLong();
        Api other = new Api(port, TestIdentityProvider.get().token("ADMIN02", "ADMIN"));
        Api.Response edited = other.put("/api/v1/projects/CD-WHO",
                add.replace("ON_SALE", "SOLD_OUT").replace("}]}", "}],\"version\":" + version + "}"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("updatedBy").asString()).isEqualTo("ADMIN02");
        assertThat(api.get("/api/v1/projects").json().valueStream()
                .filter(p -> p.get("code").asString().equals("CD-WHO")).findFirst().orElseThrow()
                .get("updatedBy").asString()).isEqualTo("ADMIN02");
        assertThat(api.get("/api/v1/projects/CD-WHO").json().get("updatedAt").asString()).isNotBlank();
    }

    /** Intake allows 50 writes a second (agents record contacts at speed): a burst of 80 goes past it. */
    @Test
    void whenOneAdministratorWritesProjectsFasterThanTheLimitThen429WithRetryAfterAndNothingIsSaved() {
        Api fast = new Api(port, TestIdentityProvider.get().token("ADMIN-FAST", "ADMIN"));
        String invalid = NEW_PROJECT.replace("CD-TFY", "CD-FST").replace("ON_SALE", "热销");

        List<Api.Response> answers = Bursts.untilRefused(80, i -> i % 2 == 0
                ? fast.post("/api/v1/projects", invalid)
                : fast.put("/api/v1/projects/CD-FST", invalid), Duration.ofSeconds(90));

        assertThat(answers).extracting(Api.Response::status).isSubsetOf(400, 429);
        Api.Response refused = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:rate-limited");
        assertThat(api.get("/api/v1/projects/CD-FST").status()).isEqualTo(404);
    }
}
