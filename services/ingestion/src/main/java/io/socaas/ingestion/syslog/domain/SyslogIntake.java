package io.socaas.ingestion.syslog.domain;

import io.socaas.events.IngestIds;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.LogLine;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SegmentJoiner;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns one received syslog message into an accepted OCSF record, a dead letter of its tenant, or
 * a message no credential binds (which is counted and dropped: without a tenant it has no place).
 * The tenant comes from the listener (a tenant's own port) or from the ingest key in the message's
 * RFC 5424 structured data ({@code [socaas@32473 key="..."]}), never from anything else in it.
 * Thread-safe; may block (a key's first resolution asks the tenant directory).
 */
public final class SyslogIntake {

    /** What became of one message. */
    public sealed interface Outcome permits Accepted, DeadLetter, Unbound {}

    /** Normalized; to be published on the events topic. */
    public record Accepted(StampedEvent record, int rawBytes) implements Outcome {}

    /** Its tenant is known but it cannot be read: to be kept on the dead-letter topic. */
    public record DeadLetter(TenantId tenant, String reason, byte[] raw) implements Outcome {}

    /** No credential binds it to a tenant. */
    public record Unbound(String reason) implements Outcome {}

    /** How a listener binds what it receives: to one tenant (its own port), or by ingest key. */
    public record Binding(IngestCredential credential) {
        public static final Binding BY_INGEST_KEY = new Binding(null);

        public static Binding tenantPort(TenantId tenant, String sourceName) {
            return new Binding(new IngestCredential(tenant, "port", sourceName));
        }

        /** Everything is the credential's tenant (a listener port or a client certificate bound to it). */
        public static Binding of(IngestCredential credential) {
            return new Binding(java.util.Objects.requireNonNull(credential, "credential"));
        }
    }

    private final EventIntake intake;
    private final Normalization normalizer;
    private final SyslogParser parser;

    public SyslogIntake(EventIntake intake, OcsfNormalizer normalizer, SyslogParser parser) {
        this(intake, normalizer::normalizeHandedOver, parser);
    }

    SyslogIntake(EventIntake intake, Normalization normalizer, SyslogParser parser) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * How a decoded message becomes an OCSF record ({@link OcsfNormalizer#normalizeHandedOver(LogLine,
     * OcsfNormalizer.Context)}: the line is not used afterwards).
     */
    @FunctionalInterface
    interface Normalization {
        StampedEvent normalize(LogLine line, OcsfNormalizer.Context context);
    }

    /**
     * @param oversized the framing cut the message at its bound
     * @throws io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException when a key
     *     cannot be resolved now (the caller retries: the message is not lost)
     */
    public Outcome receive(byte[] frame, boolean oversized, Binding binding, Instant received) {
        return receive(
                frame,
                oversized ? "message longer than the listener's limit of " + frame.length + " bytes (cut)" : null,
                binding,
                received);
    }

    /**
     * @param unreadable why the framing could not give a whole message (cut at its bound, a GELF
     *     datagram that does not inflate or whose chunks did not all come), null when it did:
     *     an unreadable message is dead-lettered with that reason
     * @throws io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException when a key
     *     cannot be resolved now (the caller retries: the message is not lost)
     */
    public Outcome receive(byte[] frame, String unreadable, Binding binding, Instant received) {
        return receive(frame, unreadable, binding, received, null);
    }

    /** The field of a record, under {@code unmapped}, that lists the segments a message was given out without. */
    public static final String SEGMENTS_MISSING = "segments_missing";

    /** The field of a record, under {@code unmapped}, that says why its message was given out incomplete. */
    public static final String SEGMENTS_INCOMPLETE = "segments_incomplete";

    /**
     * A message put together from segments ({@link SegmentJoiner}).
     *
     * @param gap the segments that did not come and why, null when all came: the record carries
     *     them under {@code unmapped} ({@value #SEGMENTS_MISSING}, {@value #SEGMENTS_INCOMPLETE}),
     *     a dead letter in its reason
     */
    public Outcome receive(SegmentJoiner.Message<?> message, Binding binding, Instant received) {
        return receive(message.bytes(), null, binding, received, message.gap());
    }

    private Outcome receive(byte[] frame, String unreadable, Binding binding, Instant received, SegmentJoiner.Gap gap) {
        // the JDK's decoding replaces what is not UTF-8 with U+FFFD: only a text that holds one
        // (sent as such, or replaced) is decoded again strictly to tell which
        String text = new String(frame, StandardCharsets.UTF_8);
        String undecodable = null;
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(frame));
            } catch (CharacterCodingException e) {
                undecodable = "not UTF-8 text";
            }
        }
        LogLine line = null;
        String malformed = unreadable != null ? unreadable : undecodable;
        if (malformed == null) {
            try {
                line = LogLine.decode(
                        text,
                        received,
                        binding.credential() == null
                                ? parser
                                : SyslogParser.in(binding.credential().clock()));
            } catch (MalformedLogException e) {
                malformed = e.getMessage();
            }
        }
        IngestCredential credential = binding.credential();
        if (credential == null) {
            if (line == null || line.ingestKey().isEmpty()) {
                return new Unbound(
                        line == null ? "unreadable message without a tenant: " + malformed : "no ingest key");
            }
            try {
                credential = intake.authenticate(new IngestKey(line.ingestKey().get()));
            } catch (UnknownIngestKeyException e) {
                return new Unbound("unknown ingest key");
            }
        } else if (!intake.mayIngest(credential.tenant())) {
            return new Unbound("tenant " + credential.tenant() + " is not active");
        }
        if (line == null) {
            return new DeadLetter(credential.tenant(), gap == null ? malformed : malformed + " (" + gap + ")", frame);
        }
        if (gap != null) {
            line.withField(SEGMENTS_MISSING, gap.missingList()).withField(SEGMENTS_INCOMPLETE, gap.reason());
        }
        StampedEvent record;
        try {
            record = normalizer
                    .normalize(
                            line,
                            new OcsfNormalizer.Context(
                                    credential.tenant(),
                                    IngestIds.next(),
                                    received,
                                    credential.sourceName(),
                                    credential.clock()))
                    .compact(); // written out now: it waits for the bus as bytes, not as a tree
        } catch (RuntimeException | StackOverflowError e) {
            // a message normalization cannot handle is kept with the reason; it never costs the
            // connection the messages read with it
            return new DeadLetter(
                    credential.tenant(), io.socaas.ingestion.intake.domain.DeadLetter.normalizationFailed(e), frame);
        }
        return new Accepted(record, frame.length);
    }
}
