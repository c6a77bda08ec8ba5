package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no broker at the configured address, nothing can be acknowledged: the request must fail
 * with 503 and report no event as accepted.
 */
@QuarkusTest
@TestProfile(EventIntakeWithoutKafkaTest.UnreachableKafka.class)
class EventIntakeWithoutKafkaTest {

    public static class UnreachableKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.events-out.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "mp.messaging.outgoing.events-out.max.block.ms", "1000",
                    "mp.messaging.outgoing.events-out.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.events-out.delivery.timeout.ms", "2000",
                    "socaas.ingestion.publish.timeout", "5S");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort(); // closed again when this returns: nobody listens there
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void answers503AndAcceptsNothingWhenKafkaDoesNotAcknowledge() {
        given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType("application/json")
                .body(anEvent(aMarker()).json().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("https://socaas.io/problems/event-bus-unavailable"))
                .body(not(containsString("ingest_ids")))
                .body(not(containsString("accepted\"")));
    }
}
