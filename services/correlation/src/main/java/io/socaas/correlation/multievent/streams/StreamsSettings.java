package io.socaas.correlation.multievent.streams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The correlation stage: Sigma correlation rules on Kafka Streams. */
@ConfigMapping(prefix = "socaas.correlation.streams")
public interface StreamsSettings {

    /** Run the correlation stage in this instance. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Kafka Streams application id: the consumer group, the prefix of the changelog and repartition
     * topics and of the transactional ids. Every instance of the service shares it.
     */
    @WithDefault("socaas-correlation")
    String applicationId();

    /** The internal topic of rule matches (key = tenant); set in application.properties. */
    String matchesTopic();

    /** Where alerts go; set in application.properties. */
    String alertsTopic();

    /** How long after a window's end (event time) its late matches are still taken. */
    @WithDefault("PT5M")
    Duration grace();

    /** How often (in event time) closed windows are decided and old matches forgotten. */
    @WithDefault("PT10S")
    Duration punctuation();

    /** Stream threads of this instance (each runs some of the partitions' tasks). */
    @WithDefault("1")
    int threads();

    /**
     * Warm copies of each task's state kept by other instances, so a failover does not replay the
     * whole changelog (ignored while only one instance runs).
     */
    @WithDefault("1")
    int standbyReplicas();

    /** Commit (and transaction) interval: alerts become visible to read_committed consumers then. */
    @WithDefault("PT0.1S")
    Duration commitInterval();

    /** Replication factor of the changelog and repartition topics (-1: the broker's default). */
    @WithDefault("-1")
    int replicationFactor();

    /** Folder of the local state stores (RocksDB); default: under java.io.tmpdir. */
    Optional<String> stateDir();
}
