package io.socaas.ingestion.intake.domain;

import io.socaas.events.ElasticsearchBulk;
import io.socaas.events.EventBatchParser;
import io.socaas.events.IngestIds;
import io.socaas.events.InvalidEventBatchException;
import io.socaas.events.JsonEvent;
import io.socaas.events.SplunkHec;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Intake of event batches: decides the tenant from the credential (never from the payload),
 * parses the batch, normalizes each event to OCSF and publishes them all. An event is accepted only
 * when its tenant is known and the bus acknowledged it. An event normalization fails on (a fault in
 * a mapping, not in the batch) is kept on the dead-letter topic with the reason and its JSON as sent;
 * the batch's other events are accepted.
 *
 * <p>Ingest ids: with an idempotency key (the sender's name for the batch) they are derived from
 * (ingest key id, batch key, position), so a retried batch yields the same ids and later stages
 * drop the copies; without one every attempt gets new ids (at least once). A dead-lettered event's
 * position is skipped: the others keep the ids of their positions.
 */
public final class EventIntake {

    /** Longest idempotency key accepted. */
    public static final int MAX_IDEMPOTENCY_KEY = 255;

    private final IngestKeyResolver keys;
    private final EventBatchParser parser;
    private final Normalization normalization;
    private final Clock clock;
    private final EventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final TenantStanding standing;
    private final IngestQuotas quotas;

    public EventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            EventBatchParser parser,
            OcsfNormalizer normalizer,
            Clock clock,
            EventPublisher publisher) {
        this(keys, standing, IngestQuotas.unlimited(), parser, normalizer, clock, publisher);
    }

    /** Without a dead-letter topic: a batch with an event normalization fails on is not accepted. */
    public EventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            IngestQuotas quotas,
            EventBatchParser parser,
            OcsfNormalizer normalizer,
            Clock clock,
            EventPublisher publisher) {
        this(keys, standing, quotas, parser, normalizer, clock, publisher, NO_DEAD_LETTERS);
    }

    public EventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            IngestQuotas quotas,
            EventBatchParser parser,
            OcsfNormalizer normalizer,
            Clock clock,
            EventPublisher publisher,
            DeadLetterPublisher deadLetters) {
        this(
                keys,
                standing,
                quotas,
                parser,
                Objects.requireNonNull(normalizer, "normalizer")::normalizeHandedOver,
                clock,
                publisher,
                deadLetters);
    }

    EventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            IngestQuotas quotas,
            EventBatchParser parser,
            Normalization normalization,
            Clock clock,
            EventPublisher publisher,
            DeadLetterPublisher deadLetters) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.standing = Objects.requireNonNull(standing, "standing");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /**
     * How a parsed event becomes an OCSF record ({@link OcsfNormalizer#normalizeHandedOver}): it may
     * take the event's tree over and change it.
     */
    @FunctionalInterface
    interface Normalization {
        StampedEvent normalize(JsonEvent event, OcsfNormalizer.Context context);
    }

    /** No dead-letter topic: a batch with an event normalization fails on is refused (and may be sent again). */
    private static final DeadLetterPublisher NO_DEAD_LETTERS = deadLetters -> {
        throw new EventPublicationException(
                "no dead-letter topic to keep " + deadLetters.size() + " events normalization failed on", null);
    };

    /** Every event a fresh ingest id. */
    private static final IntFunction<String> FRESH_IDS = position -> IngestIds.next();

    /**
     * What a bulk document's {@code _id} is derived under: a text no {@code Idempotency-Key} can be
     * (it starts with a control character), so neither names the other's events.
     */
    private static final String DOCUMENT_ID = "\u0000_id:";

    /**
     * The tenant and source the key belongs to.
     *
     * @throws UnknownIngestKeyException when it belongs to no active tenant (the same answer whether
     *     the key is unknown, revoked or its tenant suspended: senders must not learn which)
     * @throws TenantDirectoryUnavailableException when that cannot be decided now
     */
    public IngestCredential authenticate(IngestKey key) {
        IngestCredential credential = keys.credentialOf(Objects.requireNonNull(key, "key"));
        if (!standing.mayIngest(credential.tenant())) {
            throw new UnknownIngestKeyException("ingest key " + key.prefix() + " belongs to no active tenant");
        }
        return credential;
    }

    /** Whether a tenant may send now (for credentials that are not keys: a listener port). */
    public boolean mayIngest(TenantId tenant) {
        return standing.mayIngest(tenant);
    }

    /**
     * Parses, normalizes and publishes one request body sent with {@code credential}.
     *
     * @param idempotencyKey the sender's name for this batch, if it gave one
     * @throws InvalidEventBatchException when the body is not an acceptable batch (nothing is
     *     published)
     * @throws InvalidIdempotencyKeyException when the idempotency key is not acceptable
     * @throws QuotaExceededException when the batch does not fit into the tenant's quota (nothing
     *     is published)
     * @throws EventPublicationException when the bus did not acknowledge every event, or the
     *     dead-letter topic every dead letter (the batch's events are given back to the quota)
     */
    public IntakeReceipt ingest(
            IngestCredential credential, byte[] body, EventBatchParser.Format format, Optional<String> idempotencyKey) {
        Objects.requireNonNull(credential, "credential");
        idempotencyKey.ifPresent(EventIntake::checkIdempotencyKey);
        return ingestEvents(
                credential,
                parser.parse(body, format),
                idempotencyKey
                        .<IntFunction<String>>map(
                                batch -> position -> IngestIds.derived(credential.keyId(), batch, position))
                        .orElse(FRESH_IDS),
                () -> parser.parse(body, format));
    }

    /**
     * A Splunk HTTP Event Collector request of the event endpoint: whitespace-separated envelopes,
     * each giving one event ({@link SplunkHec#events}); otherwise as {@link #ingest}, without an
     * idempotency key (HEC has none: at least once).
     */
    public IntakeReceipt ingestSplunkHec(IngestCredential credential, byte[] body) {
        Objects.requireNonNull(credential, "credential");
        return ingestEvents(
                credential,
                SplunkHec.events(parser.parse(body, EventBatchParser.Format.JSON)),
                FRESH_IDS,
                () -> SplunkHec.events(parser.parse(body, EventBatchParser.Format.JSON)));
    }

    /**
     * A Splunk HTTP Event Collector request of the raw endpoint: each non-blank line a log line, with
     * the request's metadata (host, source, sourcetype, index); otherwise as {@link #ingest}.
     */
    public IntakeReceipt ingestSplunkHecRaw(IngestCredential credential, byte[] body, Map<String, String> metadata) {
        Objects.requireNonNull(credential, "credential");
        return ingestEvents(
                credential,
                SplunkHec.rawLines(body, metadata, parser),
                FRESH_IDS,
                () -> SplunkHec.rawLines(body, metadata, parser));
    }

    /**
     * An Elasticsearch bulk request ({@link ElasticsearchBulk}): each {@code create} or {@code index}
     * action's document an event; otherwise as {@link #ingest}. Bulk clients resend a failed request
     * whole: a document whose action names an {@code _id} gets the same ingest id each time (from the
     * key and the id), so later stages drop the copies; one without is at least once.
     *
     * @return the receipt and each document's action, in request order
     */
    public BulkReceipt ingestElasticsearchBulk(IngestCredential credential, byte[] body) {
        Objects.requireNonNull(credential, "credential");
        List<ElasticsearchBulk.Document> documents = bulkDocuments(body);
        List<String> actions =
                documents.stream().map(ElasticsearchBulk.Document::action).toList();
        List<JsonEvent> events = new ArrayList<>(documents.size());
        for (ElasticsearchBulk.Document document : documents) {
            events.add(document.event());
        }
        // a document the shipper named keeps its ingest id when it is sent again: later stages drop the copy
        IntFunction<String> ids = position -> {
            String id = documents.get(position).id();
            return id == null ? IngestIds.next() : IngestIds.derived(credential.keyId(), DOCUMENT_ID + id, 0);
        };
        return new BulkReceipt(
                ingestEvents(
                        credential,
                        events,
                        ids,
                        () -> bulkDocuments(body).stream()
                                .map(ElasticsearchBulk.Document::event)
                                .toList()),
                actions);
    }

    private List<ElasticsearchBulk.Document> bulkDocuments(byte[] body) {
        return ElasticsearchBulk.documents(parser.objects(body, EventBatchParser.Format.NDJSON));
    }

    /** An accepted bulk request: its receipt, and the action of each of its documents. */
    public record BulkReceipt(IntakeReceipt receipt, List<String> actions) {
        public BulkReceipt {
            Objects.requireNonNull(receipt, "receipt");
            actions = List.copyOf(actions);
        }
    }

    /**
     * @param asSent the batch's events parsed again from the request (for the JSON of an event
     *     normalization failed on: the handed-over tree may have been changed by then)
     */
    private IntakeReceipt ingestEvents(
            IngestCredential credential,
            List<JsonEvent> parsed,
            IntFunction<String> ids,
            Supplier<List<JsonEvent>> asSent) {
        // a list of its own: each parsed source is let go once it is normalized
        List<JsonEvent> events = new ArrayList<>(parsed);
        // all or nothing: the whole batch fits into the quota, or none of it is published
        quotas.take(credential.tenant(), events.size());
        Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<StampedEvent> records = new ArrayList<>(events.size());
        List<IntakeReceipt.DeadLettered> failed = new ArrayList<>(0);
        List<DeadLetter> kept = new ArrayList<>(0);
        List<JsonEvent> sent = null;
        for (int i = 0; i < events.size(); i++) {
            String ingestId = ids.apply(i);
            try {
                // written out at once: the batch then waits for the bus as bytes, not as trees; the
                // parsed source's tree becomes the record's without a copy
                records.add(normalization
                        .normalize(
                                events.get(i),
                                new OcsfNormalizer.Context(
                                        credential.tenant(),
                                        ingestId,
                                        received,
                                        credential.sourceName(),
                                        credential.clock()))
                        .compact());
            } catch (RuntimeException | StackOverflowError e) {
                // an event normalization cannot handle is kept with the reason; it never costs the
                // batch its other events, nor makes the sender send the batch again and again
                if (sent == null) {
                    sent = asSent.get();
                }
                String reason = DeadLetter.normalizationFailed(e);
                failed.add(new IntakeReceipt.DeadLettered(i, reason));
                kept.add(new DeadLetter(credential.tenant(), reason, sent.get(i).toJsonBytes()));
            }
            events.set(i, null); // the parsed source is in the record now
        }
        try {
            // the dead letters first: when they cannot be kept, nothing of the batch is accepted
            if (!kept.isEmpty()) {
                deadLetters.publish(kept);
            }
            publisher.publish(records);
        } catch (EventPublicationException | EventTooLargeException e) {
            quotas.giveBack(credential.tenant(), events.size());
            throw e;
        }
        if (!kept.isEmpty()) {
            // only accepted events count against the quota, as with syslog
            quotas.giveBack(credential.tenant(), kept.size());
        }
        return new IntakeReceipt(
                credential.tenant(),
                records.stream().map(StampedEvent::ingestId).toList(),
                failed);
    }

    private static void checkIdempotencyKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidIdempotencyKeyException(
                    "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters, it has " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidIdempotencyKeyException(
                        "Idempotency-Key must be printable ASCII without spaces; character " + (i + 1) + " is not");
            }
        }
    }
}
