package io.socaas.tenants.usage;

import io.socaas.events.RecordHeaders;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenantfacts.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends usage records to the usage topic of the test profile (the tests' own) as ingestion does. */
public final class UsageTopic {

    private UsageTopic() {}

    /** A usage record of {@code tenant}'s minute starting at {@code minute}, as one instance counted it. */
    public static UsageRecord usage(String instance, String tenant, Instant minute, long events, long bytes) {
        return UsageRecord.newBuilder()
                .setUsageId(instance + ":" + tenant + ":" + minute.toEpochMilli())
                .setTenantId(tenant)
                .setInstance(instance)
                .setMinuteStartMs(minute.toEpochMilli())
                .setEventsAccepted(events)
                .setRawBytes(bytes)
                .build();
    }

    /** Sends each record with key and {@code tenant} header = its tenant; waits for the acknowledgements. */
    public static void send(UsageRecord... records) {
        for (UsageRecord record : records) {
            send(record.getTenantId(), record);
        }
    }

    /** Sends the record with the given {@code tenant} header (key = payload tenant). */
    public static void send(String tenantHeader, UsageRecord record) {
        send(record.getTenantId(), tenantHeader, record);
    }

    /** Sends the record with the given key and {@code tenant} header (none when null). */
    public static void send(String key, String tenantHeader, UsageRecord record) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            header(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
            header(headers, RecordHeaders.ID, record.getUsageId());
            header(headers, RecordHeaders.TYPE, RecordHeaders.TYPE_USAGE_RECORDED);
            header(headers, RecordHeaders.SOURCE, RecordHeaders.SOURCE_INGESTION);
            header(headers, RecordHeaders.TIME, Instant.now().toString());
            if (tenantHeader != null) {
                header(headers, RecordHeaders.TENANT, tenantHeader);
            }
            producer.send(new ProducerRecord<>(
                            TestTopics.configured("mp.messaging.incoming.usage-in.topic"),
                            null,
                            key,
                            record.toByteArray(),
                            headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send usage " + record.getUsageId(), e);
        }
    }

    /** A consumer of the dead-letter topic positioned at its current end. */
    public static KafkaConsumer<String, byte[]> deadLettersFromNow() {
        return io.socaas.tenants.testing.TopicReaders.fromNow(
                TestTopics.configured("mp.messaging.outgoing.usage-dead-letter.topic"));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static void header(
            org.apache.kafka.common.header.internals.RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
