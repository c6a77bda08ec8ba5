package io.socaas.kafkarecords;

import io.socaas.events.RecordHeaders;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The tenant wall of the platform's topics: a consumer takes a record only when its {@code tenant}
 * header, the tenant its payload names and, where the topic's key names the tenant, its key all
 * agree. Every consumer asks the wall of its topic ({@link #EVENTS}, {@link #ALERTS}, {@link
 * #CASES}, {@link #USAGE}, {@link #TENANTS}) and handles a {@link Breach} the same way: not
 * processed, logged with both tenants, kept on its dead-letter topic ({@link DeadLetters#keep(
 * io.smallrye.reactive.messaging.MutinyEmitter, String, org.eclipse.microprofile.reactive.messaging.Message,
 * io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata, Breach,
 * io.micrometer.core.instrument.MeterRegistry)}).
 *
 * <p>A record without key is not checked by its key (header and payload must still agree); a key
 * that is present must name the payload's tenant.
 */
public final class TenantWall {

    /** Reason of a record without (or with an empty) {@code tenant} header. */
    public static final String MISSING_TENANT = "missing-tenant";
    /** Reason of a record whose header, key and payload name different tenants. */
    public static final String TENANT_MISMATCH = "tenant-mismatch";

    private static final Logger LOG = Logger.getLogger(TenantWall.class);
    private static final String MDC_TENANT = "tenant";

    /** How a topic's record key names the tenant. */
    public enum KeyForm {
        /** The key is the tenant id: {@code <tenant>}. */
        TENANT,
        /** The key starts with the tenant id: {@code <tenant>:<id>}. */
        TENANT_PREFIX
    }

    /** {@code soc.events.v1}: key {@code <tenant>:<ingest_id>}, payload field {@code tenant}. */
    public static final TenantWall EVENTS = new TenantWall(RecordHeaders.TOPIC_EVENTS, KeyForm.TENANT_PREFIX);
    /** {@code soc.alerts.v1}: key {@code <tenant>:<dedup_key>}, payload {@code Alert.tenant_id}. */
    public static final TenantWall ALERTS = new TenantWall(RecordHeaders.TOPIC_ALERTS, KeyForm.TENANT_PREFIX);
    /** {@code soc.cases.v1}: key {@code <tenant>:<case_id>}, payload {@code CaseEvent.tenant_id}. */
    public static final TenantWall CASES = new TenantWall(RecordHeaders.TOPIC_CASES, KeyForm.TENANT_PREFIX);
    /** {@code soc.usage.v1}: key {@code <tenant>}, payload {@code UsageRecord.tenant_id}. */
    public static final TenantWall USAGE = new TenantWall(RecordHeaders.TOPIC_USAGE, KeyForm.TENANT);
    /** {@code soc.tenants.v1}: key {@code <tenant>}, payload {@code TenantConfig.id}; tombstones: key only. */
    public static final TenantWall TENANTS = new TenantWall(RecordHeaders.TOPIC_TENANTS, KeyForm.TENANT);
    /** {@code soc.audit.v1}: key and header {@code <tenant>}, or {@code platform} for an entry about none. */
    public static final TenantWall AUDIT = new TenantWall("soc.audit.v1", KeyForm.TENANT);

    private final String topic;
    private final KeyForm keyForm;

    private TenantWall(String topic, KeyForm keyForm) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyForm = Objects.requireNonNull(keyForm, "keyForm");
    }

    /** The same wall for another topic of the same shape (e.g. the tests' {@code soc.tenants.test.v1}). */
    public TenantWall on(String otherTopic) {
        return new TenantWall(otherTopic, keyForm);
    }

    public String topic() {
        return topic;
    }

    /**
     * Why a record must not be processed, or empty when it may.
     *
     * @param headers the record's headers (its {@code tenant} header is read)
     * @param key the record's key, {@code null} when it has none
     * @param payloadTenant the tenant the payload names ({@code null} or empty when it names none)
     */
    public Optional<Breach> check(Headers headers, String key, String payloadTenant) {
        return check(KafkaHeaders.text(headers, RecordHeaders.TENANT), key, payloadTenant);
    }

    /** {@link #check(Headers, String, String)} with the {@code tenant} header's value already read. */
    public Optional<Breach> check(String headerTenant, String key, String payloadTenant) {
        if (headerTenant == null || headerTenant.isBlank()) {
            return Optional.of(new Breach(topic, MISSING_TENANT, headerTenant, key, payloadTenant));
        }
        if (!headerTenant.equals(payloadTenant)) {
            return Optional.of(new Breach(topic, TENANT_MISMATCH, headerTenant, key, payloadTenant));
        }
        if (key != null && !keyNames(key, payloadTenant)) {
            return Optional.of(new Breach(topic, TENANT_MISMATCH, headerTenant, key, payloadTenant));
        }
        return Optional.empty();
    }

    /**
     * A record without payload (a tombstone of a compacted topic): its header and its key must name
     * the same tenant, and it must have a key.
     */
    public Optional<Breach> checkTombstone(Headers headers, String key) {
        String headerTenant = KafkaHeaders.text(headers, RecordHeaders.TENANT);
        if (headerTenant == null || headerTenant.isBlank()) {
            return Optional.of(new Breach(topic, MISSING_TENANT, headerTenant, key, null));
        }
        if (key == null || !keyNames(key, headerTenant)) {
            return Optional.of(new Breach(topic, TENANT_MISMATCH, headerTenant, key, null));
        }
        return Optional.empty();
    }

    private boolean keyNames(String key, String tenant) {
        if (tenant == null || tenant.isEmpty()) {
            return false;
        }
        return switch (keyForm) {
            case TENANT -> key.equals(tenant);
            case TENANT_PREFIX -> key.startsWith(tenant + ":");
        };
    }

    /**
     * One record that the wall stops.
     *
     * @param topic the topic the record came from
     * @param reason {@link #MISSING_TENANT} or {@link #TENANT_MISMATCH}
     * @param headerTenant the {@code tenant} header, null when absent
     * @param key the record's key, null when absent
     * @param payloadTenant the tenant the payload names, null for a tombstone or when it names none
     */
    public record Breach(String topic, String reason, String headerTenant, String key, String payloadTenant) {

        /** What disagrees, naming both tenants (no other payload content). */
        public String detail() {
            String header = headerTenant == null ? "no tenant header" : "tenant header '" + headerTenant + "'";
            String payload = payloadTenant == null ? "no payload tenant" : "payload tenant '" + payloadTenant + "'";
            return header + ", " + payload + ", key " + (key == null ? "none" : "'" + key + "'");
        }

        /**
         * Logs the stopped record at WARN, one line with both tenants and where the record was,
         * under the tenant it claims (MDC {@code tenant}).
         *
         * @param consequence what becomes of it, e.g. {@code kept on soc.alerts.dlq.v1}
         */
        public void log(int partition, long offset, String consequence) {
            boolean claimed = headerTenant != null && !headerTenant.isBlank();
            if (claimed) {
                MDC.put(MDC_TENANT, headerTenant);
            }
            try {
                LOG.warnf(
                        "tenant wall: record %s-%d@%d not processed, %s: header_tenant=%s payload_tenant=%s key=%s; %s",
                        topic, partition, offset, reason, headerTenant, payloadTenant, key, consequence);
            } finally {
                if (claimed) {
                    MDC.remove(MDC_TENANT);
                }
            }
        }
    }
}
