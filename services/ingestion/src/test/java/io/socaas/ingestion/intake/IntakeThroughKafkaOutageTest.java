package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.localstack.LocalStack;
import io.socaas.localstack.testing.StoppableKafka;
import io.socaas.tenantfacts.testing.TestTopics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Kafka stopped in the middle of a stream of HTTP batches and a syslog TCP connection, and started
 * again. While it is down HTTP answers 503 with Retry-After and accepts nothing, and the syslog
 * connection stops reading: the sender blocks, nothing is dropped. Afterwards every acknowledged
 * HTTP event and every syslog line sent is on {@code soc.events.v1} under exactly one ingest id.
 *
 * <p>The broker stopped is a real Kafka of the test's own ({@link StoppableKafka}, free ports), not
 * the stack's shared one that other tests use at the same time; the application's every Kafka
 * client points at it. Keycloak (the tenant directory client's token) is the stack's.
 */
@QuarkusTest
@TestProfile(IntakeThroughKafkaOutageTest.OwnKafka.class)
class IntakeThroughKafkaOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int BATCH = 20;
    private static final Pattern SEQUENCE = Pattern.compile("seq=(\\d+) ");

    public static class OwnKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // a send Kafka cannot take fails within seconds: HTTP answers 503, syslog sends again
                    "mp.messaging.outgoing.events-out.delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.events-out.request.timeout.ms", "1000",
                    "socaas.ingestion.publish.timeout", "6S",
                    // back-pressure reaches the sender after a few hundred lines, not thousands
                    "socaas.ingestion.syslog.max-outstanding", "200",
                    // this test is about intake; the indexer would only wait for Kafka too
                    "socaas.ingestion.indexing.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(OwnKafkaResource.class),
                    new TestResourceEntry(TenantDirectoryOnTestPort.class));
        }
    }

    /** Starts the test's own broker before the application, points it there, deletes it after the class. */
    public static class OwnKafkaResource implements QuarkusTestResourceLifecycleManager {
        static final AtomicReference<StoppableKafka> BROKER = new AtomicReference<>();

        @Override
        public Map<String, String> start() {
            LocalStack.fromEnvironment().ensureInfrastructure();
            StoppableKafka broker = new StoppableKafka();
            BROKER.set(broker);
            broker.start();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }

        @Override
        public void stop() {
            StoppableKafka broker = BROKER.getAndSet(null);
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    @Inject
    SyslogServer server;

    @Test
    void aKafkaOutageRefusesHttpPausesSyslogAndAfterwardsEveryAcceptedEventIsThereOnce() throws Exception {
        StoppableKafka broker = OwnKafkaResource.BROKER.get();
        String marker = aMarker();
        List<String> acknowledged = new ArrayList<>();
        try (EventsTopic topic = EventsTopic.fromNow(
                        broker.bootstrapServers(), TestTopics.configured("mp.messaging.outgoing.events-out.topic"));
                SyslogSender syslog = new SyslogSender(server.tcpPort(SyslogServer.SHARED), marker)) {
            // Kafka up: both streams flow
            for (int b = 0; b < 3; b++) {
                acknowledged.addAll(postAccepted(marker, "before-" + b));
            }
            syslog.allow(300);
            await().atMost(DEADLINE).until(() -> syslog.sent() == 300);
            topic.awaitUntil(
                    seen -> syslogSequences(seen, marker).size() == 300
                            && httpIds(seen, marker).containsAll(acknowledged),
                    DEADLINE);

            assertThat(broker.stop()).isTrue();

            // HTTP: nothing can be acknowledged, so nothing is accepted
            String outageBatch = "outage-" + marker;
            given().header("Authorization", "Bearer " + ACME_KEY)
                    .header("Idempotency-Key", outageBatch)
                    .contentType("application/x-ndjson")
                    .body(batch(marker, outageBatch))
                    .post("/api/v1/events")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://socaas.io/problems/event-bus-unavailable"));

            // syslog: the connection stops reading, so the sender's writes block
            syslog.allowAll();
            int[] last = {-1};
            await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                int now = syslog.sent();
                boolean stalled = now == last[0];
                last[0] = now;
                return stalled;
            });
            int stalledAt = syslog.sent();
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> syslog.sent() == stalledAt && syslog.isBlocked());
            assertThat(stalledAt).isGreaterThan(300);

            broker.start();

            // the client sends the refused batch again under its Idempotency-Key until it is accepted
            await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Response r = post(marker, outageBatch);
                if (r.statusCode() == 202) {
                    acknowledged.addAll(r.jsonPath().getList("ingest_ids", String.class));
                    return true;
                }
                assertThat(r.statusCode()).isEqualTo(503);
                return false;
            });
            acknowledged.addAll(postAccepted(marker, "after"));
            // the syslog connection reads again; the sender then ends its stream
            await().atMost(DEADLINE).until(() -> syslog.sent() > stalledAt + 500);
            int sent = syslog.finish();

            List<ConsumerRecord<String, byte[]>> records = topic.awaitUntil(
                    seen -> syslogSequences(seen, marker).size() == sent
                            && httpIds(seen, marker).containsAll(acknowledged),
                    DEADLINE);
            records = topic.drainToEnd();

            // every line sent, under one ingest id each (a line resent after the outage keeps its id)
            Map<Integer, Set<String>> idsPerLine = syslogSequences(records, marker);
            assertThat(idsPerLine.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, sent).boxed().toList());
            assertThat(idsPerLine.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            // every acknowledged HTTP event, and nothing that was not acknowledged
            assertThat(httpIds(records, marker)).containsExactlyInAnyOrderElementsOf(new HashSet<>(acknowledged));
            assertThat(acknowledged).hasSize(5 * BATCH).doesNotHaveDuplicates();
        }
    }

    private static byte[] batch(String marker, String batchKey) {
        List<String> lines = IntStream.range(0, BATCH)
                .mapToObj(i -> anEvent(marker)
                        .with("batch", batchKey)
                        .with("position", i)
                        .json())
                .toList();
        return IntakeTestData.ndjson(lines, "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(String marker, String batchKey) {
        return given().header("Authorization", "Bearer " + ACME_KEY)
                .header("Idempotency-Key", batchKey)
                .contentType("application/x-ndjson")
                .body(batch(marker, batchKey))
                .post("/api/v1/events");
    }

    private static List<String> postAccepted(String marker, String batchKey) {
        return post(marker, batchKey)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getList("ingest_ids", String.class);
    }

    /** The ingest ids of the HTTP events of this test found so far. */
    private static Set<String> httpIds(List<ConsumerRecord<String, byte[]>> records, String marker) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = tree(record);
            if (marker.equals(event.at("/unmapped/test_marker").asText())) {
                ids.add(event.get("ingest_id").asText());
            }
        }
        return ids;
    }

    /** The ingest ids of this test's syslog lines found so far, per line number. */
    private static Map<Integer, Set<String>> syslogSequences(
            List<ConsumerRecord<String, byte[]>> records, String marker) {
        Map<Integer, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = tree(record);
            String raw = event.path("raw_data").asText("");
            Matcher m = SEQUENCE.matcher(raw);
            if (raw.contains(marker) && m.find()) {
                ids.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new HashSet<>())
                        .add(event.get("ingest_id").asText());
            }
        }
        return ids;
    }

    private static JsonNode tree(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A log source on one TCP connection (LF framing, the key in structured data) that writes numbered
     * lines as long as it is allowed to, and counts a line as sent once its write returned.
     */
    private static final class SyslogSender implements AutoCloseable {
        private final Socket socket = new Socket();
        private final Semaphore allowed = new Semaphore(0);
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final Thread writer;
        private final String marker;
        private volatile IOException failure;

        SyslogSender(int port, String marker) throws IOException {
            this.marker = marker;
            socket.setSendBufferSize(16 * 1024); // a small window: the sender feels back-pressure soon
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            writer = Thread.ofPlatform().name("syslog-sender").start(this::write);
        }

        private void write() {
            try {
                OutputStream out = socket.getOutputStream();
                for (int seq = 0; ; seq++) {
                    allowed.acquire();
                    if (stopping.get()) {
                        break;
                    }
                    String line = "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + ACME_KEY
                            + "\"] Failed password for root from 198.51.100.4 port 52211 ssh2 seq=" + seq + " "
                            + marker + "\n";
                    writing.set(true);
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    writing.set(false);
                    sent.incrementAndGet();
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void allow(int lines) {
            allowed.release(lines);
        }

        void allowAll() {
            allowed.release(Integer.MAX_VALUE / 2);
        }

        int sent() {
            assertThat(failure).as("syslog sender failed").isNull();
            return sent.get();
        }

        /** In a write that does not return: the receiver does not read. */
        boolean isBlocked() {
            return writing.get() && writer.isAlive();
        }

        /** Ends the stream after the line being written; returns how many lines were sent. */
        int finish() throws InterruptedException {
            stopping.set(true);
            allowed.release();
            writer.join(DEADLINE.toMillis());
            assertThat(writer.isAlive()).as("syslog sender still blocked").isFalse();
            return sent();
        }

        @Override
        public void close() throws IOException {
            stopping.set(true);
            allowed.release();
            socket.close();
        }
    }
}
