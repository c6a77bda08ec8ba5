package io.socaas.ingestion.syslog.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Syslog listeners ({@code socaas.ingestion.syslog.*}). */
@ConfigMapping(prefix = "socaas.ingestion.syslog")
public interface SyslogConfig {

    /** Whether the syslog listeners run. */
    @WithDefault("true")
    boolean enabled();

    /** Address the listeners bind to. */
    @WithDefault("127.0.0.1")
    String host();

    /**
     * The shared TCP port (LF framing or RFC 6587 octet counting): each message binds to a tenant by
     * the ingest key in its RFC 5424 structured data. 0 picks a free port (tests).
     */
    @WithDefault("5140")
    int tcpPort();

    /** The shared UDP port, bound like the shared TCP port. 0 picks a free port (tests). */
    @WithDefault("5140")
    int udpPort();

    /** Longest message; a longer one is cut there and dead-lettered. */
    @WithDefault("64K")
    MemorySize maxMessageSize();

    /**
     * Most records one TCP connection may have waiting for Kafka's acknowledgement; beyond it the
     * connection stops reading (the sender's TCP window fills) until Kafka catches up. Bounds memory.
     */
    @WithDefault("2000")
    int maxOutstanding();

    /** Most UDP records waiting for Kafka; datagrams beyond it are dropped and counted per tenant. */
    @WithDefault("10000")
    int maxOutstandingUdp();

    /**
     * Wait before sending again what Kafka refused (TCP never drops); also the longest a TCP
     * connection held by its tenant's quota waits before checking again (a raised quota frees it).
     */
    @WithDefault("1S")
    Duration retryDelay();

    /**
     * Listener ports of their own, for devices that can send no ingest key: every message received on
     * a tenant's port (TCP and UDP) belongs to that tenant, whatever it says.
     */
    Map<String, TenantPort> tenantPorts();

    /** One tenant's own port. */
    interface TenantPort {
        /** The tenant id the port belongs to. */
        String tenant();

        /** TCP and UDP port number; 0 picks a free port (tests). */
        int port();

        /** The log source recorded on its events (metadata.log_source). */
        Optional<String> sourceName();
    }
}
