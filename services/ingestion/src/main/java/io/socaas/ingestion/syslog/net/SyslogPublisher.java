package io.socaas.ingestion.syslog.net;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socaas.events.IngestIds;
import io.socaas.events.RecordHeaders;
import io.socaas.events.StampedEvent;
import io.socaas.ingestion.intake.kafka.KafkaEventPublisher;
import io.socaas.ingestion.syslog.domain.SyslogIntake;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes what the syslog listeners accept: records on {@code soc.events.v1} (through the same
 * publisher as HTTP), dead letters on {@code soc.events.dlq.v1} with the tenant header, the reason
 * and the raw bytes. Both complete when Kafka acknowledged (acks=all, idempotent producer).
 */
@ApplicationScoped
public class SyslogPublisher {

    public static final String DLQ_CHANNEL = "events-dlq-out";

    private final KafkaEventPublisher events;
    private final MutinyEmitter<byte[]> deadLetters;

    public SyslogPublisher(
            KafkaEventPublisher events,
            @Channel(DLQ_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                    MutinyEmitter<byte[]> deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    CompletionStage<Void> publish(List<StampedEvent> records) {
        return events.sendAsync(records);
    }

    CompletionStage<Void> deadLetter(SyslogIntake.DeadLetter rejected) {
        String id = IngestIds.next();
        var headers = KafkaHeaders.cloudEvent(
                id,
                TYPE_EVENT_REJECTED,
                RecordHeaders.SOURCE_INGESTION,
                Instant.now(),
                rejected.tenant().value());
        return deadLetters
                .sendMessage(DeadLetters.rejected(
                        rejected.raw(), rejected.tenant().recordKey(id), headers, rejected.reason()))
                .subscribeAsCompletionStage();
    }

    /** {@code ce_type} of a message ingestion could not read, kept on the dead-letter topic. */
    public static final String TYPE_EVENT_REJECTED = "socaas.event.rejected.v1";
}
