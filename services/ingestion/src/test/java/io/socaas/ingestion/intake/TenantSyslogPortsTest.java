package io.socaas.ingestion.intake;

import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.SyslogSource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.tenantfacts.testing.TestTopics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenants' own syslog ports come from the tenant facts ({@code syslog_sources[].port}) and are
 * opened and closed while ingestion runs: every message on a tenant's port is that tenant's, a
 * suspended or purged tenant's port closes, each within 10 s of the change.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class TenantSyslogPortsTest {

    /** The promise: a tenant change reaches every service within 10 s. */
    private static final Duration TENANT_CHANGE_DEADLINE = Duration.ofSeconds(10);

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TenantFactsTestTopic tenants;
    private int port;

    @BeforeEach
    void aPortForHarbor() {
        tenants = new TenantFactsTestTopic();
        port = freePort();
        publish("harbor", TenantStatus.TENANT_STATUS_ACTIVE, port);
        awaitOpen(port);
    }

    @AfterEach
    void closeThePort() {
        // later runs start with the topic's last state: leave no port of this run behind
        publish("harbor", TenantStatus.TENANT_STATUS_ACTIVE, 0);
        tenants.close();
    }

    @Test
    void everyMessageOnATenantsPortIsThatTenantsWhateverItSays() throws IOException {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            // a key of another tenant and a tenant claim in the payload change nothing
            sendTcp(port, withKey(GLOBEX_KEY, "{\"tenant\":\"globex\",\"marker\":\"" + marker + "\"}") + "\n");
            sendUdp(port, "<13>Mar  1 09:15:02 fw01 kernel: udp " + marker);

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            assertThat(records).allSatisfy(r -> {
                assertThat(r.key()).startsWith("harbor:");
                assertThat(header(r, "tenant")).isEqualTo("harbor");
                assertThat(JSON.readTree(r.value()).at("/metadata/log_source").asText())
                        .isEqualTo("harbor firewall");
                assertThat(value(r)).doesNotContain(GLOBEX_KEY);
            });
        }
    }

    @Test
    void aMessageThatCannotBeReadIsKeptOnTheDeadLetterTopicWithItsTenantReasonAndBytes() throws IOException {
        String marker = aMarker();
        String bad = "<999>not a priority " + marker;
        try (EventsTopic dlq =
                EventsTopic.fromNow(TestTopics.configured("mp.messaging.outgoing.events-dlq-out.topic"))) {
            sendTcp(port, bad + "\n");

            ConsumerRecord<String, byte[]> record = awaitRecords(dlq, marker, 1).getFirst();
            assertThat(record.key()).startsWith("harbor:");
            assertThat(header(record, "tenant")).isEqualTo("harbor");
            assertThat(header(record, "dlq_reason")).contains("syslog priority");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(bad);
        }
    }

    @Test
    void jsonObjectsSentBackToBackOrOverSeveralLinesAreEventsOfTheirOwn() throws IOException {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            // Logstash's tcp output with its default json codec: nothing between the objects
            sendTcp(
                    port,
                    "{\"message\":\"" + marker + " first {x}\",\"n\":1}{\"message\":\"" + marker
                            + " second\",\"n\":2}"
                            // an object written over several lines, then a syslog line
                            + "{\n  \"message\": \"" + marker + " third\",\n  \"n\": 3\n}\n"
                            + "<13>Mar  1 09:15:02 fw01 kernel: " + marker + " fourth\n");

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 4);
            assertThat(records)
                    .hasSize(4)
                    .allSatisfy(r -> assertThat(header(r, "tenant")).isEqualTo("harbor"));
            assertThat(records)
                    .extracting(r -> JSON.readTree(r.value()).at("/unmapped/n").asText())
                    .containsExactlyInAnyOrder("1", "2", "3", "");
            assertThat(records)
                    .extracting(r -> JSON.readTree(r.value()).get("message").asText())
                    .containsExactlyInAnyOrder(
                            marker + " first {x}", marker + " second", marker + " third", marker + " fourth");
        }
    }

    @Test
    void dockerGelfOnATenantsPortIsReadOverUdpCompressedOrChunkedAndOverTcp() throws IOException {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                EventsTopic dlq =
                        EventsTopic.fromNow(TestTopics.configured("mp.messaging.outgoing.events-dlq-out.topic"))) {
            sendUdp(port, gzip(gelf(marker, "udp-gzip")));
            // a message larger than one datagram: zlib, in three chunks that arrive out of order
            byte[] chunked = zlib(gelf(marker, "udp-chunked"));
            int size = chunked.length / 3 + 1;
            byte[][] chunks = new byte[3][];
            for (int i : new int[] {2, 0, 1}) {
                int from = i * size;
                int length = Math.min(size, chunked.length - from);
                chunks[i == 2 ? 0 : i + 1] = java.nio.ByteBuffer.allocate(12 + length)
                        .put((byte) 0x1e)
                        .put((byte) 0x0f)
                        .putLong(0x5eedL)
                        .put((byte) i)
                        .put((byte) 3)
                        .put(chunked, from, length)
                        .array();
            }
            sendUdp(port, chunks); // from one socket: chunks are put together per sender
            sendTcp(port, gelf(marker, "tcp-1") + "\0" + gelf(marker, "tcp-2") + "\0");
            byte[] broken = gzip(gelf(marker, "broken"));
            sendUdp(port, java.util.Arrays.copyOf(broken, broken.length - 12));

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 4);
            assertThat(records).hasSize(4).allSatisfy(r -> {
                assertThat(header(r, "tenant")).isEqualTo("harbor");
                JsonNode event = JSON.readTree(r.value());
                assertThat(event.get("class_uid").asInt())
                        .as("the container's access line")
                        .isEqualTo(4002);
                assertThat(event.at("/http_request/url/path").asText()).isEqualTo("/" + marker);
                assertThat(event.at("/unmapped/_container_name").asText()).isEqualTo("shop-web");
            });
            assertThat(records)
                    .extracting(r ->
                            JSON.readTree(r.value()).at("/unmapped/_transport").asText())
                    .containsExactlyInAnyOrder("udp-gzip", "udp-chunked", "tcp-1", "tcp-2");
            awaitOneDeadLetter(dlq, "GELF message: gzip data cannot be read");
        }
    }

    @Test
    void aGelfMessageWhoseChunksNeverAllComeIsDeadLetteredEvenWhenThePortFallsSilent() throws IOException {
        String marker = aMarker();
        byte[] message = zlib(gelf(marker, "udp-lost-chunk"));
        // the first of two chunks, then nothing more on this port
        byte[] first = java.nio.ByteBuffer.allocate(12 + message.length / 2)
                .put((byte) 0x1e)
                .put((byte) 0x0f)
                .putLong(0x1057L)
                .put((byte) 0)
                .put((byte) 2)
                .put(message, 0, message.length / 2)
                .array();
        try (EventsTopic dlq =
                EventsTopic.fromNow(TestTopics.configured("mp.messaging.outgoing.events-dlq-out.topic"))) {
            sendUdp(port, first);
            awaitOneDeadLetter(dlq, "GELF message incomplete: 1 of its 2 chunks");
        }
    }

    /** Waits until the dead-letter topic holds exactly one record of harbor's with this reason. */
    private static void awaitOneDeadLetter(EventsTopic dlq, String reason) {
        await().atMost(DEADLINE).until(() -> {
            dlq.drainToEnd();
            return dlq.matching(r -> "harbor".equals(header(r, "tenant"))
                                    && String.valueOf(header(r, "dlq_reason")).startsWith(reason))
                            .size()
                    == 1;
        });
    }

    private static String gelf(String marker, String transport) {
        return "{\"version\":\"1.1\",\"host\":\"docker-1\",\"short_message\":\"203.0.113.7 - - ["
                + DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                        .format(java.time.ZonedDateTime.now(ZoneId.of("UTC")))
                + "] \\\"GET /" + marker + " HTTP/1.1\\\" 200 612 \\\"-\\\" \\\"curl/8.5\\\"\","
                + "\"timestamp\":" + Instant.now().getEpochSecond() + ".5,\"level\":6,"
                + "\"_container_name\":\"shop-web\",\"_image_name\":\"nginx:1.27\",\"_transport\":\"" + transport
                + "\"}";
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] zlib(String text) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aSuspendedTenantsPortClosesWithinTenSecondsWithItsConnectionsAndOpensAgainWhenItResumes() throws IOException {
        try (Socket open = new Socket(InetAddress.getLoopbackAddress(), port)) {
            publish("harbor", TenantStatus.TENANT_STATUS_SUSPENDED, port);

            await().atMost(TENANT_CHANGE_DEADLINE).until(() -> !accepts(port));
            // the connection that was open is ended too
            open.setSoTimeout((int) DEADLINE.toMillis());
            assertThat(open.getInputStream().read()).isEqualTo(-1);
        }

        publish("harbor", TenantStatus.TENANT_STATUS_ACTIVE, port);
        awaitOpen(port);
    }

    @Test
    void aPortMovedInTheTenantFactsClosesTheOldOneAndOpensTheNew() throws IOException {
        int moved = freePort();
        publish("harbor", TenantStatus.TENANT_STATUS_ACTIVE, moved);

        awaitOpen(moved);
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> !accepts(port));
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTcp(moved, "<13>Mar  1 09:15:02 fw01 kernel: moved " + marker + "\n");
            assertThat(awaitRecords(topic, marker, 1))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("harbor"));
        }
        port = moved;
    }

    @Test
    void aSourcesClockZoneIsTheZoneOfTheLocalTimesItSends() throws IOException {
        // a device in Tokyo writes its local time in the RFC 3164 header, without a zone
        int tokyo = freePort();
        publish("harbor", TenantStatus.TENANT_STATUS_ACTIVE, tokyo, "Asia/Tokyo");
        awaitOpen(tokyo); // the facts that moved the port carry the zone
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String header = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH)
                .format(sent.atZone(ZoneId.of("Asia/Tokyo")));
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTcp(tokyo, "<13>" + header + " fw01 kernel: clock " + marker + "\n");

            JsonNode record =
                    JSON.readTree(awaitRecords(topic, marker, 1).getFirst().value());
            assertThat(record.get("time").asLong()).isEqualTo(sent.toEpochMilli());
            assertThat(record.at("/metadata/labels").isMissingNode()).isTrue();
        }
        port = tokyo;
    }

    @Test
    void aPurgedTenantsPortClosesWithinTenSeconds() {
        tenants.publish("harbor", null);

        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> !accepts(port));
    }

    private void publish(String tenant, TenantStatus status, int port) {
        publish(tenant, status, port, "");
    }

    private void publish(String tenant, TenantStatus status, int port, String clockZone) {
        TenantConfig.Builder config = TenantConfig.newBuilder()
                .setTenantId(tenant)
                .setDisplayName(tenant)
                .setStatus(status)
                .setTimeZone("UTC")
                .setRevision(TenantFactsTestTopic.newRevision());
        if (port > 0) {
            config.addSyslogSources(SyslogSource.newBuilder()
                    .setName(tenant + " firewall")
                    .setPort(port)
                    .setTimeZone(clockZone));
        }
        tenants.publish(tenant, config.build().toByteArray());
    }

    private static void awaitOpen(int port) {
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> accepts(port));
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

    private static String withKey(String key, String message) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + key + "\"] " + message;
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(EventsTopic topic, String marker, int count) {
        await().atMost(DEADLINE).until(() -> {
            topic.drainToEnd();
            return topic.matching(r -> value(r).contains(marker)).size() >= count;
        });
        return topic.matching(r -> value(r).contains(marker));
    }

    private static void sendTcp(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void sendUdp(int port, String message) throws IOException {
        sendUdp(port, message.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendUdp(int port, byte[]... datagrams) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (byte[] bytes : datagrams) {
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    /** A port free for TCP and UDP now (the test gives it to the tenant). */
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
}
