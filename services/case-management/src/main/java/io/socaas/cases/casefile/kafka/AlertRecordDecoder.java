package io.socaas.cases.casefile.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.RuleAttribution;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.TenantWall;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Turns one {@code soc.alerts.v1} record (key, {@code tenant} header, {@code Alert} protobuf
 * value) into an {@link IncomingAlert}, or says why the record must be rejected: first the
 * platform's tenant wall ({@link TenantWall#ALERTS}: header, key and {@code tenant_id} name one
 * tenant), then the alert's own fields. Never throws.
 */
public final class AlertRecordDecoder {

    private AlertRecordDecoder() {}

    /** Outcome of decoding one record. */
    public sealed interface Decoded {}

    /** A well-formed alert whose tenant agrees with the record's header and key. */
    public record Accepted(IncomingAlert alert) implements Decoded {}

    /**
     * A record that must not be processed.
     *
     * @param reason stable slug, e.g. {@code tenant-mismatch}
     * @param detail human explanation, free of payload content (beyond the tenants it names)
     * @param breach what the tenant wall found, when that is the reason; {@code null} otherwise
     */
    public record Rejected(String reason, String detail, TenantWall.Breach breach) implements Decoded {
        Rejected(String reason, String detail) {
            this(reason, detail, null);
        }

        static Rejected by(TenantWall.Breach breach) {
            return new Rejected(breach.reason(), breach.detail(), breach);
        }
    }

    /**
     * @param key record key, expected {@code <tenant>:<dedup_key>} (its tenant prefix is checked); not checked when absent
     * @param tenantHeader value of the {@code tenant} header, or {@code null} when missing
     * @param value record value, an {@code Alert} protobuf
     * @param recordTime the record's timestamp, used when the alert has no detection time
     */
    public static Decoded decode(String key, String tenantHeader, byte[] value, Instant recordTime) {
        Alert alert = null;
        if (value != null && value.length > 0) {
            try {
                alert = Alert.parseFrom(value);
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                alert = null;
            }
        }
        if (alert == null) {
            // a record without tenant is stopped by the wall whatever its value
            return TenantWall.ALERTS
                    .check(tenantHeader, key, null)
                    .filter(breach -> breach.reason().equals(TenantWall.MISSING_TENANT))
                    .<Decoded>map(Rejected::by)
                    .orElseGet(() -> new Rejected("invalid-payload", "the value is not a socaas.alerts.v1.Alert"));
        }
        var breach = TenantWall.ALERTS.check(tenantHeader, key, alert.getTenantId());
        if (breach.isPresent()) {
            return Rejected.by(breach.get());
        }
        if (!TenantId.isValid(alert.getTenantId())) {
            return new Rejected("invalid-alert", "tenant_id is not a valid tenant id");
        }
        if (alert.getAlertId().isBlank()) {
            return new Rejected("invalid-alert", "alert_id is empty");
        }
        if (!alert.hasRule() || alert.getRule().getId().isBlank()) {
            return new Rejected("invalid-alert", "the alert names no rule");
        }
        Optional<Severity> severity = severity(alert.getLevel());
        if (severity.isEmpty()) {
            return new Rejected("invalid-alert", "the alert has no level");
        }
        Instant detectedAt;
        try {
            detectedAt = alert.getDetectedTime().isBlank()
                    ? (recordTime != null ? recordTime : Instant.now())
                    : Instant.parse(alert.getDetectedTime());
        } catch (DateTimeParseException e) {
            return new Rejected("invalid-alert", "detected_time is not an RFC 3339 timestamp");
        }
        var rule = alert.getRule();
        return new Accepted(new IncomingAlert(
                alert.getAlertId(),
                TenantId.of(alert.getTenantId()),
                new RuleAttribution(
                        rule.getId(),
                        rule.getTitle(),
                        rule.getAuthor(),
                        rule.getReferenceUrl(),
                        rule.getLicense(),
                        java.util.stream.Stream.of(
                                        rule.getTagsList(),
                                        rule.getAttackTacticsList(),
                                        rule.getAttackTechniquesList(),
                                        logsourceLabels(rule.getLogsource()))
                                .flatMap(List::stream)
                                .toList()),
                severity.get(),
                alert.getEventIngestIdsList(),
                detectedAt,
                alert.getSummary(),
                alert.getDedupKey(),
                alert.getObservablesList().stream()
                        .flatMap(o ->
                                io.socaas.cases.casefile.domain.Observable.of(o.getType(), o.getValue(), o.getField())
                                        .stream())
                        .toList()));
    }

    /**
     * The rule's logsource as labels kept with its tags: product, category and service as the rule
     * states them ({@code linux}, {@code process_creation}, {@code sshd}), so that auto-assignment
     * matches them against analysts' skills as it matches the tags.
     */
    static List<String> logsourceLabels(io.socaas.proto.alerts.v1.RuleLogsource logsource) {
        return java.util.stream.Stream.of(logsource.getProduct(), logsource.getCategory(), logsource.getService())
                .filter(part -> !part.isBlank())
                .toList();
    }

    static Optional<Severity> severity(Level level) {
        return switch (level) {
            case LEVEL_INFORMATIONAL -> Optional.of(Severity.INFORMATIONAL);
            case LEVEL_LOW -> Optional.of(Severity.LOW);
            case LEVEL_MEDIUM -> Optional.of(Severity.MEDIUM);
            case LEVEL_HIGH -> Optional.of(Severity.HIGH);
            case LEVEL_CRITICAL -> Optional.of(Severity.CRITICAL);
            case LEVEL_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
