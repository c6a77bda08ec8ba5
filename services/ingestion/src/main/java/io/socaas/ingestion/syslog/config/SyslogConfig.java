package io.socaas.ingestion.syslog.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
     * Most messages one TCP connection may have being normalized or waiting for Kafka's
     * acknowledgement; beyond it the connection stops reading (the sender's TCP window fills) until
     * Kafka catches up. Bounds memory.
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
     * How often the tenants' own listener ports (from the tenant facts) are checked against what is
     * open, besides at every change of the facts: a port that could not be bound is tried again.
     */
    @WithDefault("5S")
    Duration tenantPortsCheckInterval();

    /** Syslog over TLS (RFC 5425: octet counting over TLS). */
    Tls tls();

    /** Messages Cisco ISE and ACS split into segments, joined before they are normalized. */
    Segments segments();

    /** RELP, rsyslog's acknowledged protocol (omrelp). */
    Relp relp();

    /** RELP. */
    interface Relp {
        /** Whether the RELP listener runs. */
        @WithDefault("true")
        boolean enabled();

        /** The RELP port (2514, as rsyslog's examples use). 0 picks a free port (tests). */
        @WithDefault("2514")
        int port();

        /**
         * RELP over TLS (omrelp {@code tls="on"}), with the TLS listener's configuration and the same
         * binding by client certificate; served when the TLS listener is. 0 picks a free port (tests).
         */
        @WithDefault("2515")
        int tlsPort();
    }

    /**
     * Cisco ISE and ACS send a message longer than the remote logging target's maximum length as
     * segments (category, message id, count, number): the segments of one connection (over UDP, of
     * one sender) are joined in order into one message before it is normalized.
     */
    interface Segments {
        /** Whether segments are joined; off, each is normalized on its own. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long the segments of a message may take to come, from its first; after it the message
         * is normalized with what came, its missing segments named under {@code unmapped}.
         */
        @WithDefault("3S")
        Duration maxWait();

        /**
         * Most bytes held for messages still missing segments per TCP, TLS or RELP connection and
         * per UDP sender; beyond it the oldest is normalized with what came.
         */
        @WithDefault("1M")
        MemorySize maxHeldPerConnection();

        /** Most bytes held for messages still missing segments per UDP port, all senders together. */
        @WithDefault("16M")
        MemorySize maxHeldUdp();
    }

    /** Syslog over TLS. */
    interface Tls {
        /** Whether the TLS listener runs (when the TLS configuration it names exists). */
        @WithDefault("true")
        boolean enabled();

        /** The TLS port (RFC 5425's 6514). 0 picks a free port (tests). */
        @WithDefault("6514")
        int port();

        /**
         * The name of the Quarkus TLS registry configuration ({@code quarkus.tls.<name>.*}) that holds
         * the server's key and certificate and the CAs whose client certificates are trusted.
         */
        @WithDefault("syslog")
        String tlsConfigurationName();

        /**
         * {@code request}: a client may connect without a certificate (its messages then need an
         * ingest key); {@code required}: a connection without a trusted client certificate is refused.
         */
        @WithDefault("request")
        ClientAuth clientAuth();

        /** Longest a TLS handshake may take before the connection is dropped. */
        @WithDefault("10S")
        Duration handshakeTimeout();
    }

    /** Client certificate policy of the TLS listener. */
    enum ClientAuth {
        REQUEST,
        REQUIRED
    }
}
