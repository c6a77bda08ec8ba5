package io.socaas.ingestion.intake.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import io.socaas.events.StampedEvent;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.ingestion.intake.domain.EventPublisher;
import io.socaas.ingestion.intake.domain.EventTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes stamped events to {@code soc.events.v1} (channel {@code events-out}): key {@code
 * <tenant>:<ingest_id>}, CloudEvents binary-mode headers plus {@code tenant}, value the event JSON.
 * Returns only when Kafka acknowledged every record (acks=all, idempotent producer).
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    public static final String CHANNEL = "events-out";

    private final MutinyEmitter<byte[]> emitter;
    private final IntakeConfig config;

    public KafkaEventPublisher(
            // room for a few full requests waiting for the producer's in-flight window
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 50_000)
                    MutinyEmitter<byte[]> emitter,
            IntakeConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    @Override
    public void publish(List<StampedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long limit = config.batch().maxEventSize().asLongValue();
        List<Message<byte[]>> messages = new java.util.ArrayList<>(events.size());
        for (StampedEvent event : events) {
            Message<byte[]> message = toMessage(event);
            if (message.getPayload().length > limit) {
                throw new EventTooLargeException(messages.size() + 1, message.getPayload().length, limit);
            }
            messages.add(message);
        }
        try {
            send(messages).await().atMost(config.publish().timeout());
        } catch (RuntimeException e) {
            throw new EventPublicationException(
                    "Kafka did not acknowledge all " + events.size() + " events of tenant "
                            + events.getFirst().tenant(),
                    e);
        }
    }

    /**
     * Sends the records without waiting: the stage completes when Kafka acknowledged all of them
     * (acks=all) and fails when any was refused (some may have been written: resend the same
     * records, whose ids are fixed, so that later stages drop the copies).
     */
    public java.util.concurrent.CompletionStage<Void> sendAsync(List<StampedEvent> events) {
        if (events.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return send(events.stream().map(KafkaEventPublisher::toMessage).toList())
                .subscribeAsCompletionStage();
    }

    private Uni<Void> send(List<Message<byte[]>> messages) {
        List<Uni<Void>> sends = messages.stream().map(emitter::sendMessage).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    static Message<byte[]> toMessage(StampedEvent event) {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        header(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
        header(headers, RecordHeaders.ID, event.ingestId());
        header(headers, RecordHeaders.TYPE, RecordHeaders.TYPE_EVENT_INGESTED);
        header(headers, RecordHeaders.SOURCE, RecordHeaders.SOURCE_INGESTION);
        header(headers, RecordHeaders.TIME, event.receivedTimeText());
        header(headers, RecordHeaders.TENANT, event.tenant().value());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.recordKey())
                .withHeaders(headers)
                .build();
        return Message.of(event.event().toJsonBytes()).addMetadata(metadata);
    }

    private static void header(
            org.apache.kafka.common.header.internals.RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
