package io.socaas.ingestion.usage.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.events.EventTimes;
import io.socaas.events.RecordHeaders;
import io.socaas.ingestion.usage.config.UsageConfig;
import io.socaas.ingestion.usage.domain.MinuteUsage;
import io.socaas.ingestion.usage.domain.UsagePublisher;
import io.socaas.proto.usage.v1.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes usage on {@code soc.usage.v1} (channel {@code usage-out}): key {@code <tenant>},
 * CloudEvents binary-mode headers ({@code ce_id} = usage id, {@code ce_type =
 * socaas.usage.recorded.v1}) plus {@code tenant}, value a protobuf {@code UsageRecord}.
 */
@ApplicationScoped
public class KafkaUsagePublisher implements UsagePublisher {

    public static final String CHANNEL = "usage-out";

    private static final Logger LOG = Logger.getLogger(KafkaUsagePublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final UsageConfig config;

    public KafkaUsagePublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, UsageConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    @Override
    public List<MinuteUsage> publish(List<MinuteUsage> usage) {
        String sentTime = EventTimes.format(Instant.now());
        List<Uni<MinuteUsage>> sends = usage.stream()
                .map(record -> emitter.sendMessage(toMessage(record, sentTime))
                        .replaceWith((MinuteUsage) null)
                        .onFailure()
                        .recoverWithItem(failure -> {
                            LOG.warnf(
                                    "usage record %s not acknowledged, sent again at the next flush: %s",
                                    record.usageId(), failure.getMessage());
                            return record;
                        }))
                .toList();
        try {
            List<MinuteUsage> failed = new ArrayList<>();
            for (MinuteUsage notAcknowledged :
                    Uni.join().all(sends).andCollectFailures().await().atMost(config.publishTimeout())) {
                if (notAcknowledged != null) {
                    failed.add(notAcknowledged);
                }
            }
            return failed;
        } catch (RuntimeException timeout) {
            LOG.warnf(
                    "Kafka did not acknowledge %d usage records within %s; all are sent again at the next flush",
                    usage.size(), config.publishTimeout());
            return usage;
        }
    }

    static Message<byte[]> toMessage(MinuteUsage usage, String sentTime) {
        UsageRecord record = UsageRecord.newBuilder()
                .setUsageId(usage.usageId())
                .setTenantId(usage.tenant().value())
                .setInstance(usage.instance())
                .setMinuteStartMs(usage.minuteStart().toEpochMilli())
                .setEventsAccepted(usage.counts().eventsAccepted())
                .setRawBytes(usage.counts().rawBytes())
                .setEventsRefusedQuota(usage.counts().eventsRefusedQuota())
                .build();
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        header(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
        header(headers, RecordHeaders.ID, usage.usageId());
        header(headers, RecordHeaders.TYPE, RecordHeaders.TYPE_USAGE_RECORDED);
        header(headers, RecordHeaders.SOURCE, RecordHeaders.SOURCE_INGESTION);
        header(headers, RecordHeaders.TIME, sentTime);
        header(headers, RecordHeaders.TENANT, usage.tenant().value());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(usage.tenant().value())
                .withHeaders(headers)
                .build();
        return Message.of(record.toByteArray()).addMetadata(metadata);
    }

    private static void header(
            org.apache.kafka.common.header.internals.RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
