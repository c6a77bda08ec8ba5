package io.socaas.ingestion.intake.domain;

import io.socaas.events.EventBatchParser;
import io.socaas.events.EventStamper;
import io.socaas.events.InvalidEventBatchException;
import io.socaas.events.JsonEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * Intake of event batches: decides the tenant from the credential (never from the payload),
 * parses the batch, stamps each event and publishes them all. An event is accepted only when its
 * tenant is known and the bus acknowledged it.
 */
public final class EventIntake {

    private final IngestKeyResolver keys;
    private final EventBatchParser parser;
    private final EventStamper stamper;
    private final EventPublisher publisher;
    private final TenantStanding standing;

    public EventIntake(
            IngestKeyResolver keys, EventBatchParser parser, EventStamper stamper, EventPublisher publisher) {
        this(keys, TenantStanding.directoryDecides(), parser, stamper, publisher);
    }

    public EventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            EventBatchParser parser,
            EventStamper stamper,
            EventPublisher publisher) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.standing = Objects.requireNonNull(standing, "standing");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.stamper = Objects.requireNonNull(stamper, "stamper");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * The tenant the key belongs to.
     *
     * @throws UnknownIngestKeyException when it belongs to no active tenant (the same answer whether
     *     the key is unknown, revoked or its tenant suspended: senders must not learn which)
     * @throws TenantDirectoryUnavailableException when that cannot be decided now
     */
    public TenantId authenticate(IngestKey key) {
        TenantId tenant = keys.tenantOf(Objects.requireNonNull(key, "key"));
        if (!standing.mayIngest(tenant)) {
            throw new UnknownIngestKeyException("ingest key " + key.prefix() + " belongs to no active tenant");
        }
        return tenant;
    }

    /**
     * Parses, stamps and publishes one request body of {@code tenant}.
     *
     * @throws InvalidEventBatchException when the body is not an acceptable batch (nothing is
     *     published)
     * @throws EventPublicationException when the bus did not acknowledge every event
     */
    public IntakeReceipt ingest(TenantId tenant, byte[] body, EventBatchParser.Format format) {
        Objects.requireNonNull(tenant, "tenant");
        List<JsonEvent> events = parser.parse(body, format);
        List<StampedEvent> stamped = stamper.stampAll(events, tenant);
        publisher.publish(stamped);
        return new IntakeReceipt(
                tenant, stamped.stream().map(StampedEvent::ingestId).toList());
    }
}
