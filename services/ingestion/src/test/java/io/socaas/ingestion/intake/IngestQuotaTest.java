package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.quotaKey;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.events.RecordHeaders;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.ingestion.usage.MeterClock;
import io.socaas.ingestion.usage.domain.UsageMeter;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.IngestQuota;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.tenantfacts.testing.TestTopics;
import io.socaas.testclock.MovableClock;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's plan quota from the tenant facts (published on the test topic), against the real
 * Kafka of the local stack. Every test gives a tenant of its own a plan, then waits until
 * ingestion holds it: a batch one larger than the burst is refused 413 (which takes nothing).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class IngestQuotaTest {

    /** The promise: a tenant change reaches every service within 10 s. */
    private static final Duration TENANT_CHANGE_DEADLINE = Duration.ofSeconds(10);

    private static final long PLENTY = 1_000_000_000L;

    @Inject
    SyslogServer syslog;

    @Inject
    MeterRegistry registry;

    @Inject
    UsageMeter usage;

    @Inject
    MovableClock meterClock;

    private TenantFactsTestTopic tenants;

    @BeforeEach
    void open() {
        tenants = new TenantFactsTestTopic();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void aTenantOverItsEventsPerSecondGets429WithRetryAfterAndNothingOfTheBatchIsPublished() {
        givePlan("stark", 1, 5, PLENTY);
        post("stark", 5, aMarker()).then().statusCode(202);

        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response refused = post("stark", 5, marker);

            refused.then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("/quota-exceeded"))
                    .body("quota", org.hamcrest.Matchers.equalTo("events_per_second"))
                    .body("burst", org.hamcrest.Matchers.equalTo(5));
            // 5 events at 1/s: at most 5 s (the bucket may have refilled a little meanwhile)
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
            assertThat(topic.drainToEnd()).noneMatch(r -> value(r).contains(marker));
        }
    }

    @Test
    void aBatchLargerThanTheBurstIsRefused413NamingTheBurstAndItsPartsPass() {
        givePlan("massive", 1, 5, PLENTY);

        post("massive", 6, aMarker())
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/batch-exceeds-burst"))
                .body("burst", org.hamcrest.Matchers.equalTo(5))
                .body("detail", org.hamcrest.Matchers.containsString("at most 5 events"));
        post("massive", 5, aMarker()).then().statusCode(202);
    }

    @Test
    void aTenantWhoseEventsPerDayAreUsedUpGets429UntilItsMidnight() {
        givePlan("oscorp", 1_000, 1_000, 10);
        // the plan is held once a batch larger than the day is refused as such
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post("oscorp", 11, aMarker()).statusCode() == 413);
        post("oscorp", 10, aMarker()).then().statusCode(202);

        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response refused = post("oscorp", 1, marker);

            refused.then()
                    .statusCode(429)
                    .body("type", org.hamcrest.Matchers.endsWith("/quota-exceeded"))
                    .body("quota", org.hamcrest.Matchers.equalTo("events_per_day"))
                    .body("events_per_day", org.hamcrest.Matchers.equalTo(10));
            // until midnight in Europe/Berlin: within a day (25 h on the day the clocks go back)
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 25 * 3600L);
            assertThat(topic.drainToEnd()).noneMatch(r -> value(r).contains(marker));
        }
    }

    @Test
    void oneTenantAtItsLimitNeverSlowsAnother() throws Exception {
        givePlan("wayne", 1, 5, PLENTY);
        givePlan("lexcorp", 10_000, 10_000, PLENTY);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger wayneRefused = new AtomicInteger();
        CompletableFuture<Void> wayne = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                if (post("wayne", 5, aMarker()).statusCode() == 429) {
                    wayneRefused.incrementAndGet();
                }
            }
        });
        try {
            await().atMost(TENANT_CHANGE_DEADLINE).until(() -> wayneRefused.get() > 0);

            String marker = aMarker();
            try (EventsTopic topic = EventsTopic.fromNow()) {
                List<String> keys = new ArrayList<>();
                int refusedBefore = wayneRefused.get();
                for (int batch = 0; batch < 20; batch++) {
                    Response accepted = post("lexcorp", 10, marker);
                    accepted.then().statusCode(202);
                    accepted.jsonPath().getList("ingest_ids", String.class).forEach(id -> keys.add("lexcorp:" + id));
                }
                // wayne was being refused all along
                assertThat(wayneRefused.get()).isGreaterThan(refusedBefore);
                assertThat(topic.awaitKeys(keys)).hasSize(200);
            }
        } finally {
            running.set(false);
            wayne.get();
        }
    }

    @Test
    void aQuotaChangeInTheTenantFactsTakesEffectWithoutRestart() {
        givePlan("tyrell", 1, 5, PLENTY);
        post("tyrell", 5, aMarker()).then().statusCode(202);
        post("tyrell", 5, aMarker()).then().statusCode(429);

        // a bigger plan: the burst grows by 95 at once
        publishPlan("tyrell", 1, 100, PLENTY);
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post("tyrell", 50, aMarker()).statusCode() == 202);

        // and back to the small one: 6 at once are too many again
        publishPlan("tyrell", 1, 5, PLENTY);
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post("tyrell", 6, aMarker()).statusCode() == 413);
    }

    @Test
    void eventsRefusedByQuotaAreCountedInTheTenantsUsage() {
        String prefix = usage.instance() + ":soylent:";
        try (KafkaConsumer<String, byte[]> consumer = usageTopicFromNow()) {
            givePlan("soylent", 1, 5, PLENTY); // one 413 of 6 events
            post("soylent", 5, aMarker()).then().statusCode(202);
            post("soylent", 5, aMarker()).then().statusCode(429);

            List<UsageRecord> ours = new ArrayList<>();
            // the meter's minute must end first (then a flush publishes it)
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                MeterClock.endTheMinute(meterClock);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    UsageRecord body = UsageRecord.parseFrom(record.value());
                    if (body.getUsageId().startsWith(prefix)) {
                        ours.add(body);
                    }
                }
                return ours.stream()
                                .mapToLong(UsageRecord::getEventsRefusedQuota)
                                .sum()
                        >= 11;
            });
            assertThat(ours.stream()
                            .mapToLong(UsageRecord::getEventsRefusedQuota)
                            .sum())
                    .isEqualTo(11);
        }
    }

    @Test
    void aSyslogTcpConnectionOverItsTenantsQuotaIsThrottledAndLosesNothing() throws Exception {
        // 5 at once, 5 per second: 40 messages need at least 7 s
        givePlan("cyberdyne", 5, 5, PLENTY);
        String marker = aMarker();
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            messages.append("<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"")
                    .append(quotaKey("cyberdyne"))
                    .append("\"] Failed password for root n=")
                    .append(i)
                    .append(' ')
                    .append(marker)
                    .append('\n');
        }
        try (EventsTopic topic = EventsTopic.fromNow();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort(SyslogServer.SHARED))) {
            OutputStream out = socket.getOutputStream();
            out.write(messages.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        topic.drainToEnd();
                        return topic.matching(r -> value(r).contains(marker)).size() >= 40;
                    });
            List<ConsumerRecord<String, byte[]>> ours = topic.matching(r -> value(r).contains(marker));
            assertThat(ours).hasSize(40);
            assertThat(ours)
                    .extracting(r -> EventsTopic.header(r, RecordHeaders.TENANT))
                    .containsOnly("cyberdyne");
            assertThat(IntStream.range(0, 40))
                    .allSatisfy(i -> assertThat(ours).anyMatch(r -> value(r).contains("n=" + i + " ")));
        }
        assertThat(registry.find("socaas.ingestion.syslog.tcp.throttled.seconds")
                        .tag("tenant", "cyberdyne")
                        .counter()
                        .count())
                .isGreaterThan(0);
    }

    @Test
    void syslogUdpMessagesOverTheQuotaAreDroppedAndCountedPerTenant() throws Exception {
        givePlan("initrode", 1, 5, PLENTY);
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                DatagramSocket udp = new DatagramSocket()) {
            for (int i = 0; i < 20; i++) {
                byte[] message = ("<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\""
                                + quotaKey("initrode") + "\"] udp n=" + i + " " + marker)
                        .getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(
                        message,
                        message.length,
                        InetAddress.getLoopbackAddress(),
                        syslog.udpPort(SyslogServer.SHARED)));
            }
            // every datagram is either on the topic or counted as refused by the quota
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        topic.drainToEnd();
                        return topic.matching(r -> value(r).contains(marker)).size() + udpRefused("initrode") >= 20;
                    });
            // 5 at once, then 1 per second: most of 20 sent at once are refused
            assertThat(udpRefused("initrode")).isGreaterThanOrEqualTo(10);
            assertThat(topic.matching(r -> value(r).contains(marker))).hasSizeLessThanOrEqualTo(10);
        }
    }

    private double udpRefused(String tenant) {
        var counter = registry.find("socaas.ingestion.events.refused.by.quota")
                .tag("tenant", tenant)
                .tag("transport", "udp")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Publishes the plan and waits until ingestion holds it (a batch over the burst is refused). */
    private void givePlan(String tenant, long perSecond, long burst, long perDay) {
        publishPlan(tenant, perSecond, burst, perDay);
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post(tenant, (int) burst + 1, aMarker()).statusCode() == 413);
    }

    private void publishPlan(String tenant, long perSecond, long burst, long perDay) {
        TenantConfig config = TenantConfig.newBuilder()
                .setTenantId(tenant)
                .setDisplayName(tenant)
                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                .setTimeZone("Europe/Berlin")
                .setPlan(Plan.newBuilder()
                        .setId("test")
                        .setQuota(IngestQuota.newBuilder()
                                .setEventsPerSecond(perSecond)
                                .setBurstEvents(burst)
                                .setEventsPerDay(perDay)))
                .setRevision(TenantFactsTestTopic.newRevision())
                .build();
        tenants.publish(tenant, config.toByteArray());
    }

    private static Response post(String tenant, int events, String marker) {
        List<IntakeTestData> batch = IntStream.range(0, events)
                .mapToObj(i -> anEvent(marker).with("n", i))
                .toList();
        return given().header("Authorization", "Bearer " + quotaKey(tenant))
                .contentType("application/json")
                .body(IntakeTestData.array(batch).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events");
    }

    private static KafkaConsumer<String, byte[]> usageTopicFromNow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer
                .partitionsFor(TestTopics.configured("mp.messaging.outgoing.usage-out.topic"), Duration.ofSeconds(30))
                .stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
