package io.socaas.cases.casefile.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.socaas.cases.casefile.domain.CaseTestData;
import io.socaas.cases.casefile.domain.Observable;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Merging cases, their tasks, and the hand-off exports (OCSF finding, PDF) against the real stack. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class CaseHandlingTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    PanacheCaseFileRepository repository;

    @Test
    void aMergedCaseGivesItsAlertsToTheOtherAndFreesItsDedupKey() throws Throwable {
        String ana = Tokens.of("ana");
        String small = TestCases.open(repository, "acme", "merge-" + UUID.randomUUID(), Severity.CRITICAL);
        String big = TestCases.open(repository, "acme", "merge-" + UUID.randomUUID(), Severity.MEDIUM);
        String globex = TestCases.open(repository, "globex", "merge-" + UUID.randomUUID(), Severity.LOW);
        List<String> smallEvents = get(ana, small).extract().path("event_ingest_ids");

        command(ana, small, "merge", Map.of("into", globex, "reason", "same host"))
                .statusCode(409);
        command(ana, small, "merge", Map.of("into", small)).statusCode(400).body("field", equalTo("into"));
        command(ana, small, "merge", Map.of("into", big, "reason", "same intrusion"))
                .statusCode(200)
                .body("status", equalTo("merged"));

        JsonPath into = get(ana, big).statusCode(200).extract().jsonPath();
        assertThat(into.getInt("alert_count")).isEqualTo(2);
        assertThat(into.getString("severity")).isEqualTo("critical");
        assertThat(into.getList("event_ingest_ids", String.class)).containsAll(smallEvents);
        timeline(ana, big).body("action", hasItem("merged-in"));
        timeline(ana, small).body("find { it.action == 'merge' }.after", equalTo(big));
        command(ana, small, "merge", Map.of("into", big)).statusCode(409);
        command(ana, small, "claim", null).statusCode(409);
        // a customer sees the merge of its own cases, never another tenant's
        given().auth()
                .oauth2(Tokens.of("bob@globex.example"))
                .get("/api/v1/cases/" + big)
                .then()
                .statusCode(404);
    }

    @Test
    void tasksTrackWhatIsLeftToDoAndLandInTheTimeline() throws Throwable {
        String ana = Tokens.of("ana");
        String id = TestCases.open(repository, "acme", "task-" + UUID.randomUUID());

        String task = given().auth()
                .oauth2(ana)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Collect memory of ws-01", "assignee", "tom"))
                .post("/api/v1/cases/" + id + "/tasks")
                .then()
                .statusCode(201)
                .body("status", equalTo("open"))
                .body("created_by", equalTo("ana"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(ana)
                .contentType(ContentType.JSON)
                .body(Map.of("title", " "))
                .post("/api/v1/cases/" + id + "/tasks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("field", equalTo("title"));
        given().auth()
                .oauth2(Tokens.of("tom"))
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + id + "/tasks/" + task + ":done")
                .then()
                .statusCode(200)
                .body("status", equalTo("done"))
                .body("done_by", equalTo("tom"));
        given().auth()
                .oauth2(ana)
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + id + "/tasks/" + task + ":done")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id + "/tasks")
                .then()
                .statusCode(200)
                .body("title", equalTo(List.of("Collect memory of ws-01")));
        timeline(ana, id).body("action", hasItem("task-added")).body("action", hasItem("task-done"));
        // customers see no tasks, and an analyst not entitled to the tenant none either
        given().auth()
                .oauth2(Tokens.of("alice@acme.example"))
                .get("/api/v1/cases/" + id + "/tasks")
                .then()
                .statusCode(403);
        String globex = TestCases.open(repository, "globex", "task-" + UUID.randomUUID());
        given().auth()
                .oauth2(Tokens.of("lee"))
                .get("/api/v1/cases/" + globex + "/tasks")
                .then()
                .statusCode(404);
    }

    @Test
    void theHandOffIsAnOcsfIncidentFindingAndAPdfWithoutInternalNotes() throws Throwable {
        String ana = Tokens.of("ana");
        String id = TestCases.open(
                repository,
                CaseTestData.anAlert()
                        .withId("alert-" + UUID.randomUUID())
                        .withTenant("acme")
                        .withDedupKey("export-" + UUID.randomUUID())
                        .withSeverity(Severity.HIGH)
                        .withSummary("<script>alert(1)</script> on ws-01")
                        .withObservables(
                                new Observable("ip", "203.0.113.7", "src_endpoint.ip"),
                                new Observable("user", "ACME\\jdoe", "user.name"),
                                new Observable("hash", "ABCDEF0123", "process.file.hashes"))
                        .build());
        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id + "/observables")
                .then()
                .statusCode(200)
                .body("type", equalTo(List.of("hash", "ip", "user")))
                .body("find { it.type == 'hash' }.value", equalTo("abcdef0123"))
                .body("find { it.type == 'ip' }.fields", equalTo(List.of("src_endpoint.ip")))
                .body("find { it.type == 'ip' }.alerts.size()", equalTo(1));
        command(ana, id, "claim", null).statusCode(200);
        command(ana, id, "comments", Map.of("text", "internal: the admin is on holiday", "visibility", "internal"))
                .statusCode(200);
        command(ana, id, "comments", Map.of("text", "we isolated ws-01", "visibility", "customer"))
                .statusCode(200);
        command(ana, id, "resolve", Map.of("verdict", "true_positive", "note", "contained"))
                .statusCode(200);

        JsonPath finding = given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id + "/export/ocsf")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        assertThat(finding.getInt("class_uid")).isEqualTo(2005);
        assertThat(finding.getInt("category_uid")).isEqualTo(2);
        assertThat(finding.getLong("type_uid")).isEqualTo(200502L);
        assertThat(finding.getInt("severity_id")).isEqualTo(4);
        assertThat(finding.getInt("status_id")).isEqualTo(4);
        assertThat(finding.getInt("verdict_id")).isEqualTo(2);
        assertThat(finding.getString("assignee.name")).isEqualTo("ana");
        assertThat(finding.getString("metadata.tenant_uid")).isEqualTo("acme");
        assertThat(finding.getList("finding_info_list")).hasSize(1);
        assertThat(finding.getList("observables.value", String.class)).contains("203.0.113.7", "abcdef0123");
        assertThat(finding.getInt("observables.find { it.type == 'ip' }.type_id"))
                .isEqualTo(2);
        assertThat(finding.getString("finding_info_list[0].analytic.uid")).isNotBlank();
        assertThat(finding.getList("unmapped.timeline.detail", String.class))
                .contains("we isolated ws-01")
                .doesNotContain("internal: the admin is on holiday");

        byte[] pdf = given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id + "/export/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        String text = textOf(pdf);
        assertThat(text)
                .contains("Acme")
                .contains("<script>alert(1)</script> on ws-01")
                .contains("we isolated ws-01")
                .doesNotContain("on holiday");
        given().auth()
                .oauth2(Tokens.of("lee"))
                .get("/api/v1/cases/" + id + "/export/pdf")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("alice@acme.example"))
                .get("/api/v1/cases/" + id + "/export/ocsf")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    private static String textOf(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/cases/" + id).then();
    }

    private static ValidatableResponse timeline(String token, String id) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse command(String token, String id, String verb, Map<String, ?> body) {
        var request = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        String path =
                verb.equals("comments") ? "/api/v1/cases/" + id + "/comments" : "/api/v1/cases/" + id + ":" + verb;
        return request.when().post(path).then();
    }
}
