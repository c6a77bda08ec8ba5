package io.socaas.ingestion.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.events.RecordHeaders;
import io.socaas.ingestion.intake.FakeTenantDirectory;
import io.socaas.ingestion.intake.TenantDirectoryOnTestPort;
import io.socaas.ingestion.usage.domain.UsageMeter;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenantfacts.testing.TestTopics;
import io.socaas.testclock.MovableClock;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;

/** Events accepted over HTTP show up as usage on the real broker (the tests' soc.usage.test.v1) once their minute is over. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class UsagePublicationTest {

    /** A minute must end before it is published: the tests end it (MeterClock), then a flush publishes it. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    UsageMeter meter;

    @Inject
    MovableClock meterClock;

    @Test
    void acceptedEventsArePublishedAsUsageOfTheirTenantAndMinute() throws Exception {
        String batch1 = "[{\"EventID\": 4625, \"n\": 1}, {\"EventID\": 4625, \"n\": 2}, {\"EventID\": 4624}]";
        String batch2 = "{\"EventID\": 4688}\n{\"EventID\": 4689}\n";
        String refused = "{\"EventID\": "; // malformed: nothing accepted, nothing counted
        long bytes = batch1.getBytes(StandardCharsets.UTF_8).length + batch2.getBytes(StandardCharsets.UTF_8).length;
        String prefix = meter.instance() + ":umbrella:";

        try (KafkaConsumer<String, byte[]> consumer = usageTopicFromNow()) {
            post("application/json", batch1).then().statusCode(202);
            post("application/x-ndjson", batch2).then().statusCode(202);
            post("application/x-ndjson", refused).then().statusCode(400);

            List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
            // the meter's minutes end as fast as the test polls: the events may be spread over
            // several minutes, each of which is a record
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                MeterClock.endTheMinute(meterClock);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (header(record, RecordHeaders.ID).startsWith(prefix)) {
                        ours.add(record);
                    }
                });
                return ours.stream()
                                .mapToLong(r -> parse(r).getEventsAccepted())
                                .sum()
                        >= 5;
            });

            List<UsageRecord> usage =
                    ours.stream().map(UsagePublicationTest::parse).toList();
            assertThat(usage.stream().mapToLong(UsageRecord::getEventsAccepted).sum())
                    .isEqualTo(5);
            assertThat(usage.stream().mapToLong(UsageRecord::getRawBytes).sum()).isEqualTo(bytes);
            for (ConsumerRecord<String, byte[]> record : ours) {
                UsageRecord body = parse(record);
                assertThat(body.getTenantId()).isEqualTo("umbrella");
                assertThat(body.getInstance()).isEqualTo(meter.instance());
                assertThat(body.getMinuteStartMs() % 60_000).isZero();
                assertThat(body.getUsageId()).isEqualTo(prefix + body.getMinuteStartMs());
                assertThat(body.getEventsRefusedQuota()).isZero();
                assertThat(record.key()).isEqualTo("umbrella");
                assertThat(header(record, RecordHeaders.TENANT)).isEqualTo("umbrella");
                assertThat(header(record, RecordHeaders.ID)).isEqualTo(body.getUsageId());
                assertThat(header(record, RecordHeaders.TYPE)).isEqualTo("socaas.usage.recorded.v1");
                assertThat(header(record, RecordHeaders.SOURCE)).isEqualTo("/socaas/ingestion");
                assertThat(header(record, RecordHeaders.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(header(record, RecordHeaders.TIME)).isNotBlank();
            }
            assertThat(meter.pending()).doesNotContainKey(io.socaas.events.TenantId.of("umbrella"));
        }
    }

    private static io.restassured.response.Response post(String contentType, String body) {
        return given().header("Authorization", "Bearer " + FakeTenantDirectory.USAGE_KEY)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
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
