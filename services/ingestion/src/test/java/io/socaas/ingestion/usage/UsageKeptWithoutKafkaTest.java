package io.socaas.ingestion.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.FakeTenantDirectory;
import io.socaas.ingestion.intake.TenantDirectoryOnTestPort;
import io.socaas.ingestion.usage.domain.UsageCounts;
import io.socaas.ingestion.usage.domain.UsageMeter;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.testclock.MovableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events reach the real Kafka, but soc.usage.v1 does not answer (its producer points at a closed
 * port): the usage of their minute is not acknowledged, and the meter keeps it, whole, to send it
 * again at the next flush.
 */
@QuarkusTest
@TestProfile(UsageKeptWithoutKafkaTest.UsageBusDown.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class UsageKeptWithoutKafkaTest {

    public static class UsageBusDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.usage-out.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "mp.messaging.outgoing.usage-out.max.block.ms", "1000",
                    "mp.messaging.outgoing.usage-out.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.usage-out.delivery.timeout.ms", "2000",
                    "socaas.ingestion.usage.publish-timeout", "5S");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort(); // closed again when this returns: nobody listens there
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    UsageMeter meter;

    @Inject
    MovableClock meterClock;

    @Inject
    MeterRegistry meters;

    @Test
    void usageKafkaDidNotAcknowledgeIsKeptForTheNextFlush() {
        String batch = "[{\"EventID\": 4625}, {\"EventID\": 4624}]";
        given().header("Authorization", "Bearer " + FakeTenantDirectory.USAGE_KEY)
                .contentType("application/json")
                .body(batch.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then()
                .statusCode(202);

        // the minute must end before it is flushed; then the send fails within the publish timeout
        MeterClock.endTheMinute(meterClock);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> kept() > 0);

        assertThat(meter.pending())
                .containsEntry(
                        TenantId.of("umbrella"), new UsageCounts(2, batch.getBytes(StandardCharsets.UTF_8).length, 0));
        assertThat(meters.counter("socaas.ingestion.usage.records", "outcome", "published")
                        .count())
                .isZero();
    }

    private double kept() {
        return meters.counter("socaas.ingestion.usage.records", "outcome", "kept")
                .count();
    }
}
