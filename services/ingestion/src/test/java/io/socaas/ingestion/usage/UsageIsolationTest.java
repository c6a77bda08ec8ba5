package io.socaas.ingestion.usage;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ISOLATION_A_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ISOLATION_B_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.TenantDirectoryOnTestPort;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.ingestion.usage.domain.UsageMeter;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.SyslogSource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.testclock.MovableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage is metered for the tenant of the credential, never for a tenant the payload names: events of
 * tenant A (wonka) sent with A's key over HTTP and syslog, and on a port the tenant facts give A,
 * appear only in A's {@link UsageRecord}s; tenant B (cogswell), named by those events and whose key
 * they carry, is counted only for what it sent itself. Read from the real Kafka, on the usage topic
 * of the test profile.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class UsageIsolationTest {

    /** A minute must end before it is published (plus the %test grace and flush interval). */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final String A = "wonka";
    private static final String B = "cogswell";

    @Inject
    UsageMeter meter;

    @Inject
    MovableClock meterClock;

    @Inject
    SyslogServer server;

    @ConfigProperty(name = "mp.messaging.outgoing.usage-out.topic")
    String usageTopic;

    private TenantFactsTestTopic tenants;
    private int aPort;

    @BeforeEach
    void tenantAHasAPortOfItsOwn() {
        tenants = new TenantFactsTestTopic();
        aPort = freePort();
        publish(A, aPort);
        publish(B, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> accepts(aPort));
    }

    @AfterEach
    void closeThePort() {
        // later runs start with the topic's last state: leave no port of this run behind
        publish(A, 0);
        tenants.close();
    }

    @Test
    void aKeyOrPortOfTenantANeverWritesTenantBsUsage() throws IOException {
        String bBatch = "[{\"EventID\": 4624, \"who\": \"b\"}, {\"EventID\": 4625, \"who\": \"b\"}]";
        String prefix = meter.instance() + ":";

        try (KafkaConsumer<String, byte[]> consumer = usageTopicFromNow()) {
            // A's key over HTTP, its events naming B
            given().header("Authorization", "Bearer " + ISOLATION_A_KEY)
                    .contentType("application/json")
                    .body("[{\"tenant\": \"cogswell\", \"n\": 1}, {\"tenant\": \"cogswell\", \"n\": 2},"
                            + " {\"metadata\": {\"tenant\": \"cogswell\"}, \"n\": 3}]")
                    .post("/api/v1/events")
                    .then()
                    .statusCode(202);
            // A's key on the shared syslog port, messages naming B
            sendTcp(
                    server.tcpPort(SyslogServer.SHARED),
                    withKey(ISOLATION_A_KEY, "{\"tenant\":\"cogswell\",\"n\":4}") + "\n"
                            + withKey(ISOLATION_A_KEY, "tenant=cogswell n=5") + "\n");
            // A's own port: whatever key a message carries (B's here), it is A's
            sendTcp(
                    aPort,
                    withKey(ISOLATION_B_KEY, "{\"tenant\":\"cogswell\",\"n\":6}") + "\n"
                            + "<13>Mar  1 09:15:02 fw01 kernel: tenant=cogswell n=7\n");
            // B's own events, over HTTP with its key
            given().header("Authorization", "Bearer " + ISOLATION_B_KEY)
                    .contentType("application/json")
                    .body(bBatch)
                    .post("/api/v1/events")
                    .then()
                    .statusCode(202);

            List<UsageRecord> usage = new ArrayList<>();
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                // every minute the meter has counted in (the syslog messages are counted as they
                // are read) ends and is published
                MeterClock.endTheMinute(meterClock);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (header(record, RecordHeaders.ID).startsWith(prefix)) {
                        UsageRecord body = parse(record);
                        // key, header and payload agree on every record
                        assertThat(record.key()).isEqualTo(body.getTenantId());
                        assertThat(header(record, RecordHeaders.TENANT)).isEqualTo(body.getTenantId());
                        usage.add(body);
                    }
                });
                return accepted(usage, A) >= 7
                        && accepted(usage, B) >= 2
                        && !meter.pending().containsKey(TenantId.of(A))
                        && !meter.pending().containsKey(TenantId.of(B));
            });
            // whatever else came since is read too
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (header(record, RecordHeaders.ID).startsWith(prefix)) {
                    usage.add(parse(record));
                }
            });

            assertThat(accepted(usage, A)).as("tenant A's events").isEqualTo(7);
            assertThat(accepted(usage, B)).as("tenant B's events: only its own").isEqualTo(2);
            assertThat(usage.stream()
                            .filter(u -> u.getTenantId().equals(B))
                            .mapToLong(UsageRecord::getRawBytes)
                            .sum())
                    .as("tenant B's bytes: only its own batch")
                    .isEqualTo(bBatch.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static long accepted(List<UsageRecord> usage, String tenant) {
        return usage.stream()
                .filter(u -> u.getTenantId().equals(tenant))
                .mapToLong(UsageRecord::getEventsAccepted)
                .sum();
    }

    private void publish(String tenant, int port) {
        TenantConfig.Builder config = TenantConfig.newBuilder()
                .setTenantId(tenant)
                .setDisplayName(tenant)
                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                .setTimeZone("UTC")
                .setRevision(TenantFactsTestTopic.newRevision());
        if (port > 0) {
            config.addSyslogSources(
                    SyslogSource.newBuilder().setName(tenant + " firewall").setPort(port));
        }
        tenants.publish(tenant, config.build().toByteArray());
    }

    private KafkaConsumer<String, byte[]> usageTopicFromNow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(usageTopic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static String withKey(String key, String message) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + key + "\"] " + message;
    }

    private static void sendTcp(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for TCP and UDP now (the test gives it to tenant A). */
    private static int freePort() {
        while (true) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP port of that number is in use: another
            }
        }
    }

    private static UsageRecord parse(ConsumerRecord<String, byte[]> record) {
        try {
            return UsageRecord.parseFrom(record.value());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
