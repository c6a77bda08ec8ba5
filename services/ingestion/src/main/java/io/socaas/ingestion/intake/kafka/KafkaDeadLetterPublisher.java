package io.socaas.ingestion.intake.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socaas.events.IngestIds;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.DeadLetter;
import io.socaas.ingestion.intake.domain.DeadLetterPublisher;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Keeps what a tenant sent that cannot become an event (syslog messages and HTTP events alike) on
 * {@code soc.events.dlq.v1}: value the raw bytes, key {@code <tenant>:<id>}, CloudEvents headers
 * ({@code ce_type=socaas.event.rejected.v1}) with {@code tenant}, and {@code dlq_reason}; completes
 * when Kafka acknowledged (acks=all, idempotent producer). Dead letters are counted per tenant in
 * {@code socaas.ingestion.events.dead.lettered{tenant}}.
 */
@ApplicationScoped
public class KafkaDeadLetterPublisher implements DeadLetterPublisher {

    public static final String CHANNEL = "events-dlq-out";

    /** {@code ce_type} of a message ingestion could not read, kept on the dead-letter topic. */
    public static final String TYPE_EVENT_REJECTED = "socaas.event.rejected.v1";

    private final MutinyEmitter<byte[]> deadLetters;
    private final IntakeConfig config;
    private final MeterRegistry registry;

    public KafkaDeadLetterPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                    MutinyEmitter<byte[]> deadLetters,
            IntakeConfig config,
            MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
    }

    /** Sends one dead letter without waiting: the stage completes when Kafka acknowledged it. */
    public CompletionStage<Void> sendAsync(DeadLetter rejected) {
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

    /** Counts one dead letter of {@code tenant}. */
    public void counted(TenantId tenant) {
        Counter.builder("socaas.ingestion.events.dead.lettered")
                .description("Messages kept on soc.events.dlq.v1, per tenant")
                .tag("tenant", tenant.value())
                .register(registry)
                .increment();
    }

    @Override
    public void publish(List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sent =
                rejected.stream().map(r -> sendAsync(r).toCompletableFuture()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(config.publish().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(rejected, e);
        } catch (ExecutionException e) {
            throw failed(rejected, e.getCause());
        } catch (TimeoutException e) {
            throw failed(rejected, e);
        }
        rejected.forEach(r -> counted(r.tenant()));
    }

    private static EventPublicationException failed(List<DeadLetter> rejected, Throwable cause) {
        return new EventPublicationException(
                "Kafka did not acknowledge all " + rejected.size() + " dead letters of tenant "
                        + rejected.getFirst().tenant(),
                cause);
    }
}
