package io.socaas.ingestion.syslog.net;

import io.socaas.events.StampedEvent;
import io.socaas.ingestion.intake.domain.DeadLetter;
import io.socaas.ingestion.intake.kafka.KafkaDeadLetterPublisher;
import io.socaas.ingestion.intake.kafka.KafkaEventPublisher;
import io.socaas.ingestion.syslog.domain.SyslogIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Publishes what the syslog listeners accept: records on {@code soc.events.v1} (through the same
 * publisher as HTTP), dead letters on {@code soc.events.dlq.v1} with the tenant header, the reason
 * and the raw bytes (through the same dead-letter publisher as HTTP). Both complete when Kafka
 * acknowledged (acks=all, idempotent producer).
 */
@ApplicationScoped
public class SyslogPublisher {

    private final KafkaEventPublisher events;
    private final KafkaDeadLetterPublisher deadLetters;

    public SyslogPublisher(KafkaEventPublisher events, KafkaDeadLetterPublisher deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    CompletionStage<Void> publish(List<StampedEvent> records) {
        return events.sendAsync(records);
    }

    CompletionStage<Void> deadLetter(SyslogIntake.DeadLetter rejected) {
        return deadLetters.sendAsync(new DeadLetter(rejected.tenant(), rejected.reason(), rejected.raw()));
    }
}
