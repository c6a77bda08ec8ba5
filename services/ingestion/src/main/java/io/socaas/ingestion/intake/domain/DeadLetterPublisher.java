package io.socaas.ingestion.intake.domain;

import java.util.List;

/** Port: keeps what a tenant sent that cannot become an event on the dead-letter topic. */
public interface DeadLetterPublisher {

    /**
     * Returns once the bus has durably acknowledged every dead letter.
     *
     * @throws EventPublicationException when any was not acknowledged in time
     */
    void publish(List<DeadLetter> deadLetters);
}
