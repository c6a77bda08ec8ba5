package io.socaas.ingestion.intake.domain;

/**
 * One event of a batch is larger than the event bus takes in one record. The whole batch is
 * refused before anything is published, so that the sender can split or trim it and retry.
 */
public final class EventTooLargeException extends RuntimeException {

    private final int position;

    public EventTooLargeException(int position, long size, long limit) {
        super("event " + position + " of the batch is " + size + " bytes once stamped; the limit is " + limit
                + " bytes per event. Nothing was accepted: split or trim that event and send the batch again.");
        this.position = position;
    }

    /** 1-based position of the event in the batch. */
    public int position() {
        return position;
    }
}
