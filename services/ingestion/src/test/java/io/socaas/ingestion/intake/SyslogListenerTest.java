package io.socaas.ingestion.intake;

import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The shared syslog listeners against the real Kafka of the local stack: framings, tenant binding
 * by ingest key (never by the payload). The tenants' own ports: TenantSyslogPortsTest; TLS:
 * SyslogTlsTest.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class SyslogListenerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    SyslogServer server;

    private static String withKey(String key, String message) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + key + "\"] " + message;
    }

    @Test
    void octetCountedAndLfFramedMessagesWithAKeyBecomeOcsfRecordsOfTheKeysTenant() throws IOException {
        String marker = aMarker();
        String failed = withKey(ACME_KEY, "Failed password for root from 198.51.100.4 port 52211 ssh2 " + marker);
        String accepted = withKey(ACME_KEY, "Accepted publickey for bob from 198.51.100.5 port 40000 ssh2 " + marker);
        byte[] octet = failed.getBytes(StandardCharsets.UTF_8);
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTcp(
                    server.tcpPort(SyslogServer.SHARED),
                    (octet.length + " " + failed + accepted + "\n").getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode event = JSON.readTree(record.value());
                assertThat(record.key()).startsWith("acme:");
                assertThat(header(record, "tenant")).isEqualTo("acme");
                assertThat(event.get("tenant").asText()).isEqualTo("acme");
                assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
                assertThat(event.at("/metadata/log_source").asText()).isEqualTo("test source");
                assertThat(event.at("/unmapped/app_name").asText()).isEqualTo("sshd");
                assertThat(event.get("time").asLong()).isEqualTo(1772356502000L);
                // the key never reaches a record
                assertThat(value(record)).doesNotContain(ACME_KEY);
            }
        }
    }

    @Test
    void aKeyOfOneTenantNeverWritesAnotherTenantsRecords() throws IOException {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTcp(
                    server.tcpPort(SyslogServer.SHARED),
                    (withKey(ACME_KEY, "{\"tenant\":\"globex\",\"marker\":\"" + marker + "\"}") + "\n"
                                    + withKey(GLOBEX_KEY, "hello from globex " + marker) + "\n")
                            .getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            assertThat(records)
                    .filteredOn(r -> value(r).contains("hello from globex"))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("globex"));
            ConsumerRecord<String, byte[]> acme = records.stream()
                    .filter(r -> !value(r).contains("hello from globex"))
                    .findFirst()
                    .orElseThrow();
            assertThat(acme.key()).startsWith("acme:");
            assertThat(header(acme, "tenant")).isEqualTo("acme");
            assertThat(JSON.readTree(acme.value()).at("/unmapped/tenant").asText())
                    .isEqualTo("globex");
        }
    }

    @Test
    void aMessageWithoutKeyOnTheSharedPortIsNotPublished() throws IOException {
        String marker = aMarker();
        String keyed = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTcp(
                    server.tcpPort(SyslogServer.SHARED),
                    ("<13>Mar  1 09:15:02 h app: no key " + marker + "\n" + withKey(ACME_KEY, "keyed " + keyed) + "\n")
                            .getBytes(StandardCharsets.UTF_8));

            // the keyed message after it arrives, so the one before it was judged
            awaitRecords(topic, keyed, 1);
            assertThat(topic.matching(r -> value(r).contains(marker))).isEmpty();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(EventsTopic topic, String marker, int count) {
        await().atMost(DEADLINE).until(() -> {
            topic.drainToEnd();
            return topic.matching(r -> value(r).contains(marker)).size() >= count;
        });
        return topic.matching(r -> value(r).contains(marker));
    }

    private static void sendTcp(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream()) {
            out.write(bytes);
            out.flush();
        }
    }
}
