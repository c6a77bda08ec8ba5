package io.socaas.cases.analysts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.cases.analysts.assignment.AutoAssigner;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The analyst pool against the real PostgreSQL and Keycloak: SOC managers keep profiles, an
 * analyst sees exactly the tenants its profile entitles it to, and new cases are given to an
 * eligible analyst. The pool starts from tenant-config/analysts.yaml: ana (L1, all tenants), lee
 * (L2, acme only), tom (L3, all tenants, on call).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class AnalystPoolTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    AutoAssigner assigner;

    @Test
    void theRosterFileSeedsTheDemoAnalysts() {
        given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/analysts")
                .then()
                .statusCode(200)
                .body("username", hasItems("ana", "lee", "tom"))
                .body("find { it.username == 'lee' }.tier", equalTo("l2"))
                .body("find { it.username == 'lee' }.tenants", equalTo(List.of("acme")))
                .body("find { it.username == 'tom' }.tenants", equalTo("all"));
    }

    @Test
    void aSocManagerKeepsProfilesAndNamesTheBadField() {
        String mia = Tokens.of("mia");
        Map<String, Object> profile = Map.of(
                "display_name",
                "Night shift",
                "email",
                "night@mssp.example",
                "tier",
                "l2",
                "tenants",
                List.of("globex"),
                "skills",
                List.of("Linux"),
                "max_concurrent_cases",
                4,
                "rota",
                Map.of(
                        "zone",
                        "Asia/Singapore",
                        "shifts",
                        List.of(Map.of("days", List.of("mon", "tue"), "from", "22:00", "to", "06:00"))));
        String name = "night-" + UUID.randomUUID().toString().substring(0, 8);

        put(mia, name, profile).statusCode(201).body("tier", equalTo("l2")).body("skills", equalTo(List.of("linux")));
        put(mia, name, Map.of("tier", "l3", "tenants", "all")).statusCode(200);
        given().auth()
                .oauth2(mia)
                .get("/api/v1/analysts/" + name)
                .then()
                .statusCode(200)
                .body("tier", equalTo("l3"))
                .body("tenants", equalTo("all"))
                .body("open_cases", equalTo(0));

        put(mia, name, Map.of("tier", "l9", "tenants", "all"))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("field", equalTo("tier"));
        put(mia, name, Map.of("tier", "l1", "tenants", List.of("no-such-tenant")))
                .statusCode(400)
                .body("field", equalTo("tenants"));
        put(mia, name, Map.of("tier", "l1", "tenants", "all", "rota", Map.of("zone", "Mars/Olympus")))
                .statusCode(400)
                .body("field", equalTo("rota.zone"));
        put(Tokens.of("ana"), name, Map.of("tier", "l1", "tenants", "all"))
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(Tokens.of("ana"))
                .get("/api/v1/analysts/ana")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("ana"))
                .get("/api/v1/analysts/lee")
                .then()
                .statusCode(403);

        given().auth().oauth2(mia).delete("/api/v1/analysts/" + name).then().statusCode(204);
        given().auth().oauth2(mia).get("/api/v1/analysts/" + name).then().statusCode(404);
    }

    @Test
    void anAnalystEntitledToOneTenantSeesNothingOfAnother() throws Throwable {
        String acmeCase = TestCases.open(repository, "acme", "ent-" + UUID.randomUUID());
        String globexCase = TestCases.open(repository, "globex", "ent-" + UUID.randomUUID());
        String lee = Tokens.of("lee");

        List<String> listed = given().auth()
                .oauth2(lee)
                .queryParam("limit", 500)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("tenant_id");
        assertThat(listed).contains("acme").doesNotContain("globex");
        List<String> queued = given().auth()
                .oauth2(lee)
                .queryParam("limit", 500)
                .get("/api/v1/queue")
                .then()
                .statusCode(200)
                .extract()
                .path("case.tenant_id");
        assertThat(queued).contains("acme").doesNotContain("globex");
        given().auth().oauth2(lee).get("/api/v1/cases/" + acmeCase).then().statusCode(200);
        given().auth().oauth2(lee).get("/api/v1/cases/" + globexCase).then().statusCode(404);
        given().auth()
                .oauth2(lee)
                .get("/api/v1/cases/" + globexCase + "/timeline")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(lee)
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + globexCase + ":claim")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(lee)
                .queryParam("tenant", "globex")
                .get("/api/v1/cases")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        // an analyst entitled to all sees both
        given().auth()
                .oauth2(Tokens.of("ana"))
                .get("/api/v1/cases/" + globexCase)
                .then()
                .statusCode(200);
    }

    @Test
    void anAnalystWithoutAProfileSeesNoCase() {
        String mia = Tokens.of("mia");
        Map<String, Object> tom = given().auth()
                .oauth2(mia)
                .get("/api/v1/analysts/tom")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        given().auth().oauth2(mia).delete("/api/v1/analysts/tom").then().statusCode(204);
        try {
            given().auth()
                    .oauth2(Tokens.of("tom"))
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("detail", org.hamcrest.Matchers.containsString("no analyst profile"));
            given().auth().oauth2(Tokens.of("tom")).get("/api/v1/queue").then().statusCode(403);
        } finally {
            tom.remove("open_cases");
            tom.remove("username");
            put(mia, "tom", tom).statusCode(201);
        }
    }

    @Test
    void aNewCaseGoesToAnEligibleAnalystAndAClaimedOneIsLeftAlone() throws Throwable {
        String criticalGlobex = TestCases.open(repository, "globex", "as-" + UUID.randomUUID(), Severity.CRITICAL);
        String criticalAcme = TestCases.open(repository, "acme", "as-" + UUID.randomUUID(), Severity.CRITICAL);
        String claimed = TestCases.open(repository, "acme", "as-" + UUID.randomUUID(), Severity.LOW);
        String ana = Tokens.of("ana");
        given().auth()
                .oauth2(ana)
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + claimed + ":claim")
                .then()
                .statusCode(200);

        VertxContextSupport.subscribeAndAwait(() -> assigner.assignWaiting());

        String mia = Tokens.of("mia");
        // critical: L2 or above; lee (L2) is entitled to acme only, so globex's goes to tom (L3)
        given().auth()
                .oauth2(mia)
                .get("/api/v1/cases/" + criticalGlobex)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("tom"))
                .body("status", equalTo("open"));
        String acmeAssignee = given().auth()
                .oauth2(mia)
                .get("/api/v1/cases/" + criticalAcme)
                .then()
                .statusCode(200)
                .extract()
                .path("assignee");
        assertThat(acmeAssignee).isIn("lee", "tom");
        given().auth()
                .oauth2(mia)
                .get("/api/v1/cases/" + criticalGlobex + "/timeline")
                .then()
                .statusCode(200)
                .body("find { it.action == 'assign' }.actor", equalTo(AutoAssigner.ACTOR))
                .body("find { it.action == 'assign' }.after", equalTo("tom"));
        given().auth().oauth2(mia).get("/api/v1/cases/" + claimed).then().body("assignee", equalTo("ana"));
    }

    @Test
    void aBacklogNobodyCanTakeDoesNotHoldBackANewerCase() throws Throwable {
        String mia = Tokens.of("mia");
        Map<String, Object> tom = given().auth()
                .oauth2(mia)
                .get("/api/v1/analysts/tom")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        tom.remove("open_cases");
        tom.remove("username");
        Map<String, Object> tomForAcmeOnly = new java.util.HashMap<>(tom);
        tomForAcmeOnly.put("tenants", List.of("acme"));
        put(mia, "tom", tomForAcmeOnly).statusCode(200);
        List<String> backlog = new java.util.ArrayList<>();
        try {
            // critical cases of globex need L2 or above; with tom on acme only, nobody can take them
            for (int i = 0; i < 2 * 50 + 1; i++) {
                backlog.add(TestCases.open(repository, "globex", "backlog-" + UUID.randomUUID(), Severity.CRITICAL));
            }
            String newer = TestCases.open(repository, "acme", "after-backlog-" + UUID.randomUUID(), Severity.LOW);

            VertxContextSupport.subscribeAndAwait(() -> assigner.assignWaiting());

            given().auth()
                    .oauth2(mia)
                    .get("/api/v1/cases/" + newer)
                    .then()
                    .statusCode(200)
                    .body("assignee", org.hamcrest.Matchers.notNullValue());
            given().auth()
                    .oauth2(mia)
                    .get("/api/v1/cases/" + backlog.getFirst())
                    .then()
                    .statusCode(200)
                    .body("assignee", org.hamcrest.Matchers.nullValue());
        } finally {
            put(mia, "tom", tom).statusCode(200);
            for (String id : backlog) {
                given().auth()
                        .oauth2(mia)
                        .contentType(ContentType.JSON)
                        .body(Map.of("verdict", "benign", "note", "test backlog"))
                        .urlEncodingEnabled(false)
                        .post("/api/v1/cases/" + id + ":resolve")
                        .then()
                        .statusCode(200);
            }
        }
    }

    /** PUT /api/v1/analysts/{name} with the body as JSON. */
    static io.restassured.response.ValidatableResponse put(String token, String name, Map<?, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/analysts/" + name)
                .then();
    }
}
