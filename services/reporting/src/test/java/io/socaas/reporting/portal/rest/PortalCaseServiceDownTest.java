package io.socaas.reporting.portal.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.reporting.portal.testing.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PortalCaseServiceDownTest.CaseServiceDown.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PortalCaseServiceDownTest {

    /** Points the case client at a local port nobody listens on. */
    public static class CaseServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String port = String.valueOf(closedPort());
            return Map.of(
                    "quarkus.grpc.clients.cases.host",
                    "127.0.0.1",
                    "quarkus.grpc.clients.cases.port",
                    port,
                    // in test mode the client would otherwise call the application's own test port
                    "quarkus.grpc.clients.cases.test-port",
                    port,
                    "socaas.portal.case-service-timeout",
                    "2s");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void pageStillRendersWithUnavailableMessageAnd503() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .accept("text/html")
                .when()
                .get("/portal")
                .then()
                .statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("Cases are temporarily unavailable"))
                .body(not(containsString("data-case-id=\"")));
    }

    @Test
    void jsonAnswers503ProblemJson() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/portal/cases.json")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/cases-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void slaJsonAnswers503ProblemJsonAndThePageSaysTheFiguresAreMissing() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/portal/sla.json")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/cases-unavailable"));
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .accept("text/html")
                .when()
                .get("/portal")
                .then()
                .statusCode(503)
                .body(containsString("SLA figures are temporarily unavailable"))
                .body(not(containsString("sla-mtta")));
    }
}
