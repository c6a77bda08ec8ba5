package io.socaas.cases.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.websecurity.SecurityHeaders;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analyst console's web walls, against the real PostgreSQL and Keycloak: security headers on
 * every answer, CSRF tokens on every form post, and text from outside (comments, alert fields) shown
 * as text. (In tests the console takes bearer tokens, see application.properties.)
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class ConsoleTest {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final String ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";
    private static final Pattern CSRF_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"csrf-token\" value=\"([^\"]+)\">");

    @Inject
    PanacheCaseFileRepository repository;

    private String ana;
    private String caseId;

    @BeforeEach
    void openACase() throws Throwable {
        ana = Tokens.of("ana");
        caseId = TestCases.open(repository, "acme", "console-" + UUID.randomUUID());
    }

    private static String ownOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private RequestSpecification asAna() {
        return given().auth().oauth2(ana).redirects().follow(false);
    }

    private Response casePage() {
        return asAna().accept("text/html").when().get("/console/cases/" + caseId);
    }

    private static String formToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF token in %s", html).isTrue();
        return matcher.group(1);
    }

    private static void assertSecurityHeaders(Response response) {
        SecurityHeaders.HEADERS.forEach(
                (name, value) -> assertThat(response.header(name)).as(name).isEqualTo(value));
    }

    @Test
    void everyPageStaticFileAndApiAnswerCarriesTheSecurityHeaders() {
        Response queue = asAna().accept("text/html").when().get("/console/queue");
        queue.then().statusCode(200).contentType(containsString("text/html"));
        assertSecurityHeaders(queue);
        assertThat(queue.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self'")
                .contains("base-uri 'none'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe-inline");
        assertSecurityHeaders(casePage().then().statusCode(200).extract().response());
        assertSecurityHeaders(given().when()
                .get("/console/console.js")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertSecurityHeaders(given().when()
                .get("/webjars/htmx.org/dist/htmx.min.js")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertSecurityHeaders(asAna().when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        // a browser without a session is sent to Keycloak: that answer carries them too
        assertSecurityHeaders(given().redirects()
                .follow(false)
                .accept("text/html")
                .when()
                .get("/console/queue")
                .then()
                .statusCode(302)
                .extract()
                .response());
        Response unknown = given().when().get("/api/v1/nope");
        assertThat(unknown.statusCode()).isIn(401, 404);
        assertSecurityHeaders(unknown);
    }

    @Test
    void theCasePageLinksThePdfSummaryTheSignedInAnalystCanDownload() {
        String page = casePage().then().statusCode(200).extract().asString();
        String link = "/console/cases/" + caseId + "/summary.pdf";
        assertThat(page).contains("href=\"" + link + "\"");

        byte[] pdf = asAna().when()
                .get(link)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        // a customer has no console, and no PDF through it
        given().auth()
                .oauth2(Tokens.of("alice@acme.example"))
                .redirects()
                .follow(false)
                .when()
                .get(link)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(401, 403));
    }

    @Test
    void pagesUseNoInlineScriptStyleOrEventHandler() {
        for (String html : new String[] {
            asAna().accept("text/html").when().get("/console/queue").asString(),
            casePage().asString()
        }) {
            assertThat(html)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("<style")
                    .doesNotContainPattern("<[^>]*\\sstyle=")
                    .doesNotContainPattern("<[^>]*\\son[a-z]+=");
        }
    }

    @Test
    void everyFormOfTheCasePageCarriesTheCsrfTokenOfTheCookie() {
        Response page = casePage();
        page.then().statusCode(200);
        String html = page.asString();
        String cookie = page.getCookie("csrf-token");
        assertThat(cookie).isNotBlank();
        int forms = html.split("<form ", -1).length - 1;
        int tokens = html.split("name=\"csrf-token\" value=\"" + cookie + "\"", -1).length - 1;
        assertThat(forms).isGreaterThan(3);
        assertThat(tokens).isEqualTo(forms);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedWithAnHtmlPageAndChangesNothing() {
        Response page = casePage();
        String cookie = page.getCookie("csrf-token");

        Response noCookieNoToken = asAna().header("Origin", ownOrigin())
                .contentType(ContentType.URLENC)
                .formParam("text", "forged")
                .formParam("visibility", "customer")
                .when()
                .post("/console/cases/" + caseId + "/comment");
        noCookieNoToken.then().statusCode(400).contentType(containsString("text/html"));
        assertThat(noCookieNoToken.asString()).contains("id=\"refused\"").contains("form token");
        assertSecurityHeaders(noCookieNoToken);

        // the cookie alone (what a forged cross-site post would carry) is not enough
        asAna().header("Origin", ownOrigin())
                .cookie("csrf-token", cookie)
                .contentType(ContentType.URLENC)
                .formParam("text", "forged")
                .when()
                .post("/console/cases/" + caseId + "/comment")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
        // nor a token that is not the cookie's
        asAna().header("Origin", ownOrigin())
                .cookie("csrf-token", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .formParam("text", "forged")
                .when()
                .post("/console/cases/" + caseId + "/comment")
                .then()
                .statusCode(400);

        assertThat(casePage().asString()).doesNotContain("forged");
    }

    @Test
    void aFormPostWithTheTokenOfThePageSucceeds() {
        Response page = casePage();
        String token = formToken(page.asString());

        String html = asAna().header("Origin", ownOrigin())
                .header("HX-Request", "true")
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("text", "checked with the customer")
                .formParam("visibility", "customer")
                .when()
                .post("/console/cases/" + caseId + "/comment")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(html).contains("checked with the customer").doesNotContain("id=\"action-error\"");
        // the swapped-in panel's forms carry the token again
        assertThat(formToken(html)).isEqualTo(token);
    }

    @Test
    void anAnalystsAssignmentPostIsRefusedAndTheCaseKeepsItsAssignee() {
        Response page = casePage();
        String html = asAna().header("Origin", ownOrigin())
                .header("HX-Request", "true")
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", formToken(page.asString()))
                .formParam("assignee", "tom")
                .when()
                .post("/console/cases/" + caseId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("id=\"action-error\"").contains("only SOC managers give cases to analysts");
        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("assignee", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aSocManagerCannotMergeCasesOfTwoTenants() throws Throwable {
        String globexCase = TestCases.open(repository, "globex", "console-" + UUID.randomUUID());
        String mia = Tokens.of("mia");
        Response page = given().auth().oauth2(mia).accept("text/html").when().get("/console/cases/" + caseId);
        String html = given().auth()
                .oauth2(mia)
                .header("Origin", ownOrigin())
                .header("HX-Request", "true")
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", formToken(page.asString()))
                .formParam("into", globexCase)
                .formParam("reason", "looks alike")
                .when()
                .post("/console/cases/" + caseId + "/merge")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("cases of different tenants are not merged");
        // the merge form offers only the case's own tenant's cases
        assertThat(page.asString()).doesNotContain("value=\"" + globexCase + "\"");
        given().auth()
                .oauth2(mia)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("open"));
    }

    @Test
    void aFormPostFromAnotherOriginIsRefusedEvenWithAToken() {
        Response page = casePage();
        String html = asAna().header("Origin", "https://evil.example")
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", formToken(page.asString()))
                .formParam("text", "cross-site")
                .when()
                .post("/console/cases/" + caseId + "/comment")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(html).contains("id=\"refused\"");
        assertThat(casePage().asString()).doesNotContain("cross-site");
    }

    @Test
    void theJsonApiNeedsNoCsrfTokenButAFormPostToItIsRefusedWithProblemJson() {
        asAna().contentType(ContentType.JSON)
                .body(Map.of("text", "json comment", "visibility", "internal"))
                .when()
                .post("/api/v1/cases/" + caseId + "/comments")
                .then()
                .statusCode(200);
        // a form where JSON is expected is no command at all
        asAna().contentType(ContentType.URLENC)
                .formParam("text", "form comment")
                .when()
                .post("/api/v1/cases/" + caseId + "/comments")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        // a command without a body, sent as a form (what another site's page could send): refused
        Response claim = asAna().contentType(ContentType.URLENC)
                .formParam("anything", "x")
                .when()
                .post("/api/v1/cases/" + caseId + ":claim");
        assertThat(claim.statusCode()).isBetween(400, 499);
        claim.then()
                .contentType("application/problem+json")
                .body("status", equalTo(claim.statusCode()))
                .body("type", startsWith("https://socaas.io/problems/"));
        asAna().when().get("/api/v1/cases/" + caseId).then().statusCode(200).body("status", equalTo("open"));
    }

    @Test
    void aCommentWithMarkupPostedThroughTheApiIsShownAsText() {
        asAna().contentType(ContentType.JSON)
                .body(Map.of("text", "look at " + MARKUP, "visibility", "customer"))
                .when()
                .post("/api/v1/cases/" + caseId + "/comments")
                .then()
                .statusCode(200);

        String html = casePage().then().statusCode(200).extract().asString();
        assertThat(html).contains("look at " + ESCAPED).doesNotContain(MARKUP);
    }

    @Test
    void alertFieldsWithMarkupAreShownAsTextInTheQueueAndOnTheCasePage() throws Throwable {
        String id = TestCases.open(
                repository,
                io.socaas.cases.casefile.domain.CaseTestData.anAlert()
                        .withId("alert-" + UUID.randomUUID())
                        .withTenant("acme")
                        .withDedupKey("console-markup-" + UUID.randomUUID())
                        .withSummary("whoami /all " + MARKUP)
                        .build());

        String detail = asAna().accept("text/html")
                .when()
                .get("/console/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(detail).contains("whoami /all " + ESCAPED).doesNotContain(MARKUP);
        String queue = asAna().accept("text/html")
                .when()
                .get("/console/queue")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(queue).contains("whoami /all " + ESCAPED).doesNotContain(MARKUP);
    }
}
