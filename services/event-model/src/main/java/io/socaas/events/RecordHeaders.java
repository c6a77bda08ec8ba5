package io.socaas.events;

/**
 * Kafka record headers every SOCaaS record carries: CloudEvents binary mode plus the tenant.
 * See docs/contracts.md.
 */
public final class RecordHeaders {

    /** CloudEvents spec version header; always {@value #SPEC_VERSION_VALUE}. */
    public static final String SPEC_VERSION = "ce_specversion";

    public static final String SPEC_VERSION_VALUE = "1.0";
    /** Unique id of the record (the ingest_id, alert_id, ...). */
    public static final String ID = "ce_id";
    /** Type of the record, e.g. {@value #TYPE_EVENT_INGESTED}. */
    public static final String TYPE = "ce_type";
    /** Producer of the record, e.g. {@code /socaas/ingestion}. */
    public static final String SOURCE = "ce_source";
    /** Time the record was produced, RFC 3339. */
    public static final String TIME = "ce_time";
    /** Tenant id the record belongs to; must agree with the payload. */
    public static final String TENANT = "tenant";
    /** On dead-letter records: why the record was rejected. */
    public static final String DLQ_REASON = "dlq_reason";
    /** On dead-letter records: the topic the rejected record was read from. */
    public static final String DLQ_TOPIC = "dlq_topic";
    /** On dead-letter records: the partition the rejected record was read from. */
    public static final String DLQ_PARTITION = "dlq_partition";
    /** On dead-letter records: the offset of the rejected record. */
    public static final String DLQ_OFFSET = "dlq_offset";

    public static final String TYPE_EVENT_INGESTED = "socaas.event.ingested.v1";
    public static final String TYPE_ALERT_RAISED = "socaas.alert.raised.v1";
    public static final String TYPE_CASE_OPENED = "socaas.case.opened.v1";
    /** A case changed (opened, status, assignee, severity, merge, escalation, breach); value: CaseEvent. */
    public static final String TYPE_CASE_CHANGED = "socaas.case.changed.v1";
    /** A tenant's configuration changed (or was published at start); value: TenantConfig. */
    public static final String TYPE_TENANT_CHANGED = "socaas.tenant.changed.v1";
    /** A tenant was purged; the value is a tombstone. */
    public static final String TYPE_TENANT_PURGED = "socaas.tenant.purged.v1";
    /** A usage record: one tenant's intake in one minute, as counted by one ingestion instance. */
    public static final String TYPE_USAGE_RECORDED = "socaas.usage.recorded.v1";

    /** {@value #SOURCE} of records produced by the ingestion service. */
    public static final String SOURCE_INGESTION = "/socaas/ingestion";

    public static final String TOPIC_EVENTS = "soc.events.v1";
    public static final String TOPIC_EVENTS_DLQ = "soc.events.dlq.v1";
    public static final String TOPIC_ALERTS = "soc.alerts.v1";
    public static final String TOPIC_ALERTS_DLQ = "soc.alerts.dlq.v1";
    public static final String TOPIC_CASES = "soc.cases.v1";
    public static final String TOPIC_CASES_DLQ = "soc.cases.dlq.v1";
    public static final String TOPIC_USAGE = "soc.usage.v1";
    public static final String TOPIC_USAGE_DLQ = "soc.usage.dlq.v1";
    public static final String TOPIC_TENANTS = "soc.tenants.v1";
    public static final String TOPIC_AUDIT = "soc.audit.v1";
    public static final String TOPIC_AUDIT_DLQ = "soc.audit.dlq.v1";

    private RecordHeaders() {}

    /**
     * The CloudEvents headers of a record (binary mode) plus its tenant, in a stable order: each
     * producer turns them into Kafka headers, so that every topic carries the same set.
     */
    public static java.util.Map<String, String> cloudEvent(
            String id, String type, String source, java.time.Instant time, String tenant) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(ID, java.util.Objects.requireNonNull(id, "id"));
        headers.put(TYPE, java.util.Objects.requireNonNull(type, "type"));
        headers.put(SOURCE, java.util.Objects.requireNonNull(source, "source"));
        headers.put(TIME, time.toString());
        headers.put(TENANT, java.util.Objects.requireNonNull(tenant, "tenant"));
        return headers;
    }
}
