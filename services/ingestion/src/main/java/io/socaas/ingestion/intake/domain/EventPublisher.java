package io.socaas.ingestion.intake.domain;

import io.socaas.events.StampedEvent;
import java.util.List;

/** Port: hands stamped events to the event bus. */
public interface EventPublisher {

    /**
     * Returns once the bus has durably acknowledged every event.
     *
     * @throws EventTooLargeException when an event is too large for the bus (nothing is sent)
     * @throws EventPublicationException when any event was not acknowledged in time
     */
    void publish(List<StampedEvent> events);
}
