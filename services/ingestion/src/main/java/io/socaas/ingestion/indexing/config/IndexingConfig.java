package io.socaas.ingestion.indexing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Indexing of soc.events.v1 into OpenSearch and retention ({@code socaas.ingestion.indexing.*}). */
@ConfigMapping(prefix = "socaas.ingestion.indexing")
public interface IndexingConfig {

    /** Whether this instance runs the indexer (a consumer of soc.events.v1). */
    @WithDefault("true")
    boolean enabled();

    /** The OpenSearch cluster (HTTP). */
    @WithDefault("http://127.0.0.1:9200")
    URI opensearchUrl();

    /** The topic that is indexed (application.properties: the live one, and the tests' own). */
    String topic();

    /** Where records that cannot be indexed go, with the reason in the dlq_reason header. */
    String deadLetterTopic();

    /** Consumer group of the indexers: the instances share the topic's partitions. */
    @WithDefault("ingestion-indexer")
    String groupId();

    /**
     * At most this many records are read, held and indexed at once (one bulk, or a few). The indexer
     * takes what has arrived while its last bulk was written, so under load a batch grows towards
     * this and costs one bulk, one translog sync and one commit; 5000 events are a few MB.
     */
    @WithDefault("5000")
    int maxRecords();

    /** At most this many bytes of event JSON go into one bulk request. */
    @WithDefault("5000000")
    int maxBulkBytes();

    /**
     * A batch is written as (at least) this many bulk requests at once, when it is large enough:
     * OpenSearch indexes one bulk for a shard on one write thread, so a single bulk at a time leaves
     * the other cores of its node idle. The batch is committed once every bulk of it is stored.
     */
    @WithDefault("2")
    int bulkConcurrency();

    /** A failed bulk (OpenSearch down, or items it asked to retry) is retried after this... */
    @WithDefault("500MS")
    Duration retryInitialBackoff();

    /** ...doubling up to this. */
    @WithDefault("30S")
    Duration retryMaxBackoff();

    /**
     * An event's {@code time} earlier than this before its {@code received_time} is not trusted to
     * choose its daily index (the day of {@code received_time} is taken).
     */
    @WithDefault("30D")
    Duration eventTimeMaxPast();

    /** An event's {@code time} later than this after its {@code received_time} is not trusted either. */
    @WithDefault("1H")
    Duration eventTimeMaxFuture();

    /** Retention of the tenants' daily indices. */
    Retention retention();

    interface Retention {

        /** Whether this instance takes part in retention runs. */
        @WithDefault("true")
        boolean enabled();

        /** How often a run is attempted; the first instance to take the day's lease does the work. */
        @WithDefault("1H")
        Duration every();

        /** Index of the daily lease documents (one per UTC day). */
        @WithDefault("socaas-retention-leases")
        String leaseIndex();

        /** A lease not marked done after this is considered abandoned and may be taken over. */
        @WithDefault("15M")
        Duration leaseTtl();

        /** Name of this instance in the lease documents; default the host name and a random suffix. */
        Optional<String> instance();
    }
}
