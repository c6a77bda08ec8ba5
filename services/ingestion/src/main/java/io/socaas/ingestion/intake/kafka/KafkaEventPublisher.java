package io.socaas.ingestion.intake.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.socaas.events.RecordHeaders;
import io.socaas.events.StampedEvent;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.ingestion.intake.domain.EventPublisher;
import io.socaas.ingestion.intake.domain.EventTooLargeException;
import io.socaas.kafkarecords.CloudEventBatchHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes stamped events to {@code soc.events.v1}: key {@code <tenant>:<ingest_id>}, CloudEvents
 * binary-mode headers plus {@code tenant} (and the sender's trace context as {@code traceparent}),
 * value the event JSON. A batch completes only when Kafka acknowledged every record (acks=all,
 * idempotent producer).
 *
 * <p>The records of a batch go straight to the channel {@code events-out}'s producer (one shared
 * {@code KafkaProducer}, configured under {@code mp.messaging.outgoing.events-out.*}, which batches,
 * compresses and keeps up to five requests in flight) with one completion for the whole batch; the
 * channel's emitter is not used for them. The channel still owns the producer's configuration,
 * life cycle and readiness check.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    public static final String CHANNEL = "events-out";

    private final KafkaClientService clients;
    private final IntakeConfig config;
    private final OpenTelemetry telemetry;
    private final String topic;
    private volatile Producer<String, byte[]> producer;

    public KafkaEventPublisher(
            // wires the channel (its producer, configuration and health); records bypass the emitter
            @Channel(CHANNEL) MutinyEmitter<byte[]> channel,
            KafkaClientService clients,
            IntakeConfig config,
            OpenTelemetry telemetry,
            @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic") String topic) {
        this.clients = clients;
        this.config = config;
        this.telemetry = telemetry;
        this.topic = topic;
    }

    @Override
    public void publish(List<StampedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long limit = config.batch().maxEventSize().asLongValue();
        List<byte[]> values = new ArrayList<>(events.size());
        for (StampedEvent event : events) {
            byte[] value = event.event().toJsonBytes();
            if (value.length > limit) {
                throw new EventTooLargeException(values.size() + 1, value.length, limit);
            }
            values.add(value);
        }
        CompletableFuture<Void> sent = send(events, values);
        try {
            sent.get(config.publish().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(events, e);
        } catch (ExecutionException e) {
            throw failed(events, e.getCause());
        } catch (TimeoutException e) {
            throw failed(events, e);
        }
    }

    /**
     * Sends the records without waiting for Kafka (it may block while the producer's buffer is
     * full: back-pressure): the stage completes when Kafka acknowledged all of them and fails as
     * soon as one was refused (some may have been written: resend the same records, whose ids are
     * fixed, so that later stages drop the copies).
     */
    public CompletionStage<Void> sendAsync(List<StampedEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<byte[]> values = new ArrayList<>(events.size());
        for (StampedEvent event : events) {
            values.add(event.event().toJsonBytes());
        }
        return send(events, values);
    }

    private CompletableFuture<Void> send(List<StampedEvent> events, List<byte[]> values) {
        BatchCompletion completion = new BatchCompletion(events.size());
        Header[] trace = traceContext();
        CloudEventBatchHeaders headers = null;
        try {
            Producer<String, byte[]> kafka = producer();
            for (int i = 0; i < events.size() && !completion.isDone(); i++) {
                StampedEvent event = events.get(i);
                // a batch is usually one tenant at one time: the shared headers are written once
                if (headers == null || !sameBatch(events.get(i - 1), event)) {
                    headers = new CloudEventBatchHeaders(
                            RecordHeaders.TYPE_EVENT_INGESTED,
                            RecordHeaders.SOURCE_INGESTION,
                            event.receivedTimeText(),
                            event.tenant().value(),
                            trace);
                }
                kafka.send(
                        new ProducerRecord<>(
                                topic, null, event.recordKey(), values.get(i), headers.forRecord(event.ingestId())),
                        completion);
            }
        } catch (RuntimeException e) {
            // the producer refused before sending (closed, buffer full for max.block.ms, no metadata)
            completion.completeExceptionally(e);
        }
        return completion;
    }

    private static boolean sameBatch(StampedEvent previous, StampedEvent event) {
        return previous.tenant().equals(event.tenant())
                && previous.receivedTime().equals(event.receivedTime());
    }

    /** The caller's trace (the HTTP request's span), the same for every record of the batch. */
    private Header[] traceContext() {
        List<Header> headers = new ArrayList<>(2);
        telemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(
                        Context.current(),
                        headers,
                        (carrier, name, value) ->
                                carrier.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers.toArray(Header[]::new);
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            p = clients.<String, byte[]>getProducer(CHANNEL).unwrap();
            producer = p;
        }
        return p;
    }

    private static EventPublicationException failed(List<StampedEvent> events, Throwable cause) {
        return new EventPublicationException(
                "Kafka did not acknowledge all " + events.size() + " events of tenant "
                        + events.getFirst().tenant(),
                cause);
    }

    /** One completion for a batch: done when every record is acknowledged, failed at the first refusal. */
    private static final class BatchCompletion extends CompletableFuture<Void> implements Callback {
        private final AtomicInteger waiting;

        BatchCompletion(int records) {
            this.waiting = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                completeExceptionally(exception);
            } else if (waiting.decrementAndGet() == 0) {
                complete(null);
            }
        }
    }
}
