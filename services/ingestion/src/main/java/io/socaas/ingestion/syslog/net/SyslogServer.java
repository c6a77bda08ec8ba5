package io.socaas.ingestion.syslog.net;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.GelfDatagrams;
import io.socaas.events.syslog.SegmentJoiner;
import io.socaas.events.syslog.SyslogFrameDecoder;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestQuotas;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException;
import io.socaas.ingestion.syslog.config.SyslogConfig;
import io.socaas.ingestion.syslog.domain.RelpFrameDecoder;
import io.socaas.ingestion.syslog.domain.SourceBindings;
import io.socaas.ingestion.syslog.domain.SyslogIntake;
import io.socaas.ingestion.syslog.domain.SyslogIntake.Binding;
import io.socaas.ingestion.syslog.tenantfacts.TenantFactsSyslogSources;
import io.socaas.ingestion.usage.domain.UsageMeter;
import io.socaas.syslogports.TenantPorts;
import io.socaas.syslogports.TenantPortsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.jboss.logging.Logger;

/**
 * The syslog listeners: the shared TCP and UDP port (messages bound by their ingest key), the TLS
 * port (RFC 5425; a connection bound by its client certificate, or its messages by their ingest
 * key) and each tenant's own ports from the tenant facts (every message is that tenant's), opened
 * and closed as the facts change. One virtual thread per TCP connection and per UDP socket,
 * blocking I/O; the messages of each TCP read are bound, normalized and sent as one batch on a
 * virtual thread of their own, so that one busy connection uses every core.
 *
 * <p>TCP never drops: a connection stops reading while more than {@code max-outstanding} of its
 * messages are being handled or wait for Kafka, and what Kafka refuses is sent again (same ingest ids) until it is
 * acknowledged; memory per connection is bounded by that and by {@code max-message-size}. UDP
 * cannot push back: a datagram that arrives while {@code max-outstanding-udp} records wait is
 * dropped and counted per tenant. GELF datagrams (gzip, zlib, chunked) are read back into their
 * messages first ({@link GelfDatagrams}); TCP messages may also end with NUL (GELF over TCP).
 * Messages Cisco ISE and ACS split into segments are joined per connection (over UDP per sender)
 * before they are normalized ({@link SegmentJoiner}): at most {@code segments.max-wait} for the
 * rest, within {@code segments.max-held-per-connection} (UDP: {@code segments.max-held-udp} per
 * port); what is held goes out with what came when the connection ends.
 *
 * <p>Quotas (the tenant's plan: events/s with a burst, events/day): a TCP connection whose tenant
 * is over its quota stops reading until the records it holds fit (never drops); a UDP message over
 * its tenant's quota is dropped, counted per tenant and in the tenant's usage.
 */
@ApplicationScoped
public class SyslogServer {

    private static final Logger LOG = Logger.getLogger(SyslogServer.class);
    private static final int READ_BUFFER = 64 * 1024;
    /** GELF: how long the chunks of a message may take to come (the format's 5 s). */
    private static final java.time.Duration GELF_CHUNK_TIMEOUT = java.time.Duration.ofSeconds(5);
    /** GELF: chunks held per UDP socket, in messages of the largest size. */
    private static final int GELF_PENDING_MESSAGES = 16;
    /**
     * How long a UDP socket's receive waits before messages whose chunks did not all come are given
     * up, also on a port where nothing more arrives.
     */
    private static final int UDP_IDLE_CHECK_MILLIS = 1000;

    /** The name of the shared listener in {@link #tcpPort} and {@link #udpPort}. */
    public static final String SHARED = "shared";

    /** The name of the TLS listener in {@link #tcpPort}. */
    public static final String TLS = "tls";

    /** The name of the RELP listener in {@link #tcpPort}. */
    public static final String RELP = "relp";

    /** The name of the RELP-over-TLS listener in {@link #tcpPort}. */
    public static final String RELP_TLS = "relp-tls";

    private static final String RELP_OFFERS = "relp_version=0\nrelp_software=socaas-ingestion\ncommands=syslog";

    private final SyslogConfig config;
    private final SyslogIntake intake;
    private final SyslogPublisher publisher;
    private final SyslogMetrics metrics;
    private final UsageMeter usage;
    private final IngestQuotas quotas;
    private final TenantFactsSyslogSources sources;
    private final TlsConfigurationRegistry tlsRegistry;
    /** The ports tenants may be given (socaas.syslog.tenant-ports.*, as tenant-billing reads them). */
    private final TenantPorts tenantPorts;
    /** The shared and TLS listeners, by name. */
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    /** The tenants' own listeners, by port; changed only in {@link #applyTenantPorts()}. */
    private final Map<Integer, Listener> tenantListeners = new ConcurrentHashMap<>();
    /** Why a tenant port could not be opened, by port: logged once per reason. */
    private final Map<Integer, String> failedTenantPorts = new ConcurrentHashMap<>();

    private final AtomicInteger udpOutstanding = new AtomicInteger();
    /** Binds, normalizes and sends the frames of each TCP read: one virtual thread per read. */
    private final java.util.concurrent.ExecutorService workers =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("syslog-worker-", 0).factory());

    private volatile SSLContext tlsContext;
    private volatile boolean running;

    public SyslogServer(
            SyslogConfig config,
            SyslogIntake intake,
            SyslogPublisher publisher,
            SyslogMetrics metrics,
            UsageMeter usage,
            IngestQuotas quotas,
            TenantFactsSyslogSources sources,
            TlsConfigurationRegistry tlsRegistry,
            TenantPortsConfig tenantPorts) {
        this.tenantPorts = tenantPorts.ports();
        this.quotas = quotas;
        this.config = config;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.usage = usage;
        this.sources = sources;
        this.tlsRegistry = tlsRegistry;
    }

    void start(@Observes StartupEvent start) throws Exception {
        if (!config.enabled()) {
            return;
        }
        running = true;
        warnOfUnreservedListeners();
        Listener shared = openTcp(SHARED, config.tcpPort(), null);
        openUdp(shared, config.udpPort(), Binding.BY_INGEST_KEY);
        Thread.ofVirtual()
                .name("syslog-tcp-accept-shared")
                .start(() -> accept(shared, socket -> connection(socket, () -> Binding.BY_INGEST_KEY, "tcp")));
        startTls();
        if (config.relp().enabled()) {
            Listener relp = openTcp(RELP, config.relp().port(), null);
            Thread.ofVirtual()
                    .name("syslog-relp-accept")
                    .start(() -> accept(relp, socket -> relpConnection(socket, () -> Binding.BY_INGEST_KEY)));
        }
        sources.subscribe(this::applyTenantPorts);
        applyTenantPorts();
        // a port that could not be bound (in use) is tried again; also a safety net for the facts
        Thread.ofVirtual().name("syslog-tenant-ports").start(() -> {
            while (running) {
                LockSupport.parkNanos(config.tenantPortsCheckInterval().toNanos());
                if (running) {
                    applyTenantPorts();
                }
            }
        });
        LOG.infof(
                "syslog listening on %s: shared TCP %d, UDP %d; TLS %s; RELP %s (over TLS %s); tenant ports %s",
                config.host(),
                tcpPort(SHARED),
                udpPort(SHARED),
                listeners.containsKey(TLS) ? String.valueOf(tcpPort(TLS)) : "off",
                listeners.containsKey(RELP) ? String.valueOf(tcpPort(RELP)) : "off",
                listeners.containsKey(RELP_TLS) ? String.valueOf(tcpPort(RELP_TLS)) : "off",
                tenantListeners.keySet());
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        listeners.values().forEach(Listener::close);
        synchronized (this) {
            tenantListeners.values().forEach(Listener::close);
        }
    }

    /** The TCP port a listener is bound to: {@link #SHARED}, {@link #TLS}, or -1. */
    public int tcpPort(String listener) {
        Listener l = listeners.get(listener);
        return l == null ? -1 : l.tcp().getLocalPort();
    }

    /** The UDP port a listener is bound to: {@link #SHARED}, or -1. */
    public int udpPort(String listener) {
        Listener l = listeners.get(listener);
        return l == null || l.udp == null ? -1 : l.udp.getLocalPort();
    }

    /** The ports of the tenants' own listeners open now. */
    public Set<Integer> tenantPorts() {
        return Set.copyOf(tenantListeners.keySet());
    }

    // ---- the tenants' own ports, from the tenant facts ----

    /**
     * Opens the ports the tenant facts give active tenants' sources and closes the others (with
     * their connections): a port whose tenant was suspended or purged, or that moved to another
     * source. Runs on every change of the facts and every {@code tenant-ports-check-interval}.
     */
    synchronized void applyTenantPorts() {
        if (!running) {
            return;
        }
        Map<Integer, IngestCredential> wanted = new HashMap<>(sources.current().ports());
        failedTenantPorts.keySet().retainAll(wanted.keySet());
        for (var it = wanted.entrySet().iterator(); it.hasNext(); ) {
            var claim = it.next();
            Optional<String> refusal = tenantPorts.refusal(claim.getKey());
            if (refusal.isPresent()) {
                it.remove();
                failed(
                        claim.getKey(),
                        "tenant " + claim.getValue().tenant() + " (source '"
                                + claim.getValue().sourceName() + "') asks for a port no tenant may have: "
                                + refusal.get() + "; not opened");
            }
        }
        for (int reserved : reservedPorts()) {
            IngestCredential claimed = wanted.remove(reserved);
            if (claimed != null) {
                failed(
                        reserved,
                        "tenant " + claimed.tenant() + " (source '" + claimed.sourceName()
                                + "') asks for a port of the shared listeners; not opened");
            }
        }
        for (var it = tenantListeners.entrySet().iterator(); it.hasNext(); ) {
            var open = it.next();
            IngestCredential now = wanted.get(open.getKey());
            if (!open.getValue().credential().equals(now)) {
                open.getValue().close();
                it.remove();
                LOG.infof(
                        "syslog port %d of tenant %s (source '%s') closed",
                        open.getKey(),
                        open.getValue().credential().tenant(),
                        open.getValue().credential().sourceName());
            }
        }
        wanted.forEach((port, credential) -> {
            if (tenantListeners.containsKey(port)) {
                return;
            }
            try {
                tenantListeners.put(port, openTenantPort(port, credential));
                failedTenantPorts.remove(port);
                LOG.infof(
                        "syslog port %d (TCP and UDP) opened for tenant %s, source '%s'",
                        port, credential.tenant(), credential.sourceName());
            } catch (IOException e) {
                failed(
                        port,
                        "port " + port + " of tenant " + credential.tenant() + " could not be opened (" + e.getMessage()
                                + "); trying again");
            }
        });
    }

    private void failed(int port, String reason) {
        if (!reason.equals(failedTenantPorts.put(port, reason))) {
            LOG.error(reason);
        }
    }

    /**
     * Every configured listener port of this service must be one tenant-billing never gives a tenant:
     * one of {@code socaas.syslog.tenant-ports.reserved} or outside the range. Otherwise a tenant may
     * be given it, and its port would stay closed here (logged at ERROR, once at start).
     */
    private void warnOfUnreservedListeners() {
        Map<String, Integer> own = new java.util.LinkedHashMap<>();
        own.put("socaas.ingestion.syslog.tcp-port", config.tcpPort());
        own.put("socaas.ingestion.syslog.udp-port", config.udpPort());
        own.put("socaas.ingestion.syslog.tls.port", config.tls().port());
        own.put("socaas.ingestion.syslog.relp.port", config.relp().port());
        own.put("socaas.ingestion.syslog.relp.tls-port", config.relp().tlsPort());
        own.forEach((setting, port) -> {
            if (port > 0 && tenantPorts.refusal(port).isEmpty()) {
                LOG.errorf(
                        "%s=%d is not in socaas.syslog.tenant-ports.reserved: tenant-billing may give it to a"
                                + " tenant's source; add it there (for both services)",
                        setting, port);
            }
        });
    }

    private Set<Integer> reservedPorts() {
        Set<Integer> reserved = new HashSet<>(List.of(
                config.tcpPort(),
                config.udpPort(),
                config.tls().port(),
                config.relp().port(),
                config.relp().tlsPort()));
        listeners.values().forEach(l -> {
            reserved.add(l.tcp().getLocalPort());
            if (l.udp != null) {
                reserved.add(l.udp.getLocalPort());
            }
        });
        reserved.remove(0);
        return reserved;
    }

    private Listener openTenantPort(int port, IngestCredential credential) throws IOException {
        String name = credential.tenant() + "/" + credential.sourceName();
        Listener listener = openTcp(name, port, credential);
        try {
            openUdp(listener, port, Binding.of(credential));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        Binding binding = Binding.of(credential);
        Thread.ofVirtual()
                .name("syslog-tcp-accept-" + name)
                .start(() -> accept(listener, socket -> connection(socket, () -> binding, "tcp")));
        return listener;
    }

    // ---- syslog over TLS ----

    private void startTls() throws Exception {
        if (!config.tls().enabled()) {
            return;
        }
        Optional<TlsConfiguration> tls = tlsRegistry.get(config.tls().tlsConfigurationName());
        if (tls.isEmpty()) {
            LOG.infof(
                    "syslog over TLS is off: no TLS configuration '%s' (quarkus.tls.%s.key-store.*, .trust-store.*)",
                    config.tls().tlsConfigurationName(), config.tls().tlsConfigurationName());
            return;
        }
        tlsContext = tls.get().createSSLContext();
        Listener listener = openTcp(TLS, config.tls().port(), null);
        Thread.ofVirtual()
                .name("syslog-tls-accept")
                .start(() -> accept(
                        listener,
                        raw -> tlsConnection(raw, (secured, binding) -> connection(secured, binding, "tls"))));
        if (config.relp().enabled()) {
            Listener relp = openTcp(RELP_TLS, config.relp().tlsPort(), null);
            Thread.ofVirtual()
                    .name("syslog-relp-tls-accept")
                    .start(() -> accept(relp, raw -> tlsConnection(raw, this::relpConnection)));
        }
    }

    /** A renewed certificate or trust store (quarkus.tls reload) applies to the next connections. */
    void certificateUpdated(@Observes CertificateUpdatedEvent event) throws Exception {
        if (running && tlsContext != null && event.name().equals(config.tls().tlsConfigurationName())) {
            tlsContext = event.tlsConfiguration().createSSLContext();
            LOG.infof("syslog over TLS: TLS configuration '%s' reloaded", event.name());
        }
    }

    /**
     * One TLS connection: the handshake (a client certificate must chain to a trusted CA; with {@code
     * client-auth=request} none is needed), then the connection is bound by its certificate: a
     * certificate the tenant facts bind to a tenant makes every message that tenant's, whatever it
     * says; otherwise (no certificate, or one bound to no tenant) each message needs an ingest key.
     * The binding is looked up again for every read, so a certificate unbound or a tenant suspended
     * applies to open connections too. The session (syslog frames or RELP) then runs over it.
     */
    private void tlsConnection(Socket raw, java.util.function.BiConsumer<Socket, Supplier<Binding>> session) {
        SSLSocket tls;
        try {
            raw.setSoTimeout((int) config.tls().handshakeTimeout().toMillis());
            tls = (SSLSocket) tlsContext
                    .getSocketFactory()
                    .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
            tls.setUseClientMode(false);
            if (config.tls().clientAuth() == SyslogConfig.ClientAuth.REQUIRED) {
                tls.setNeedClientAuth(true);
            } else {
                tls.setWantClientAuth(true);
            }
            tls.startHandshake();
            tls.setSoTimeout(0);
        } catch (IOException e) {
            metrics.tlsHandshakeFailed();
            LOG.infof("syslog TLS handshake with %s failed: %s", raw.getRemoteSocketAddress(), e.getMessage());
            closeQuietly(raw);
            return;
        }
        Optional<SourceBindings.PresentedCertificate> presented = presentedCertificate(tls);
        Supplier<Binding> binding = () -> presented
                .flatMap(certificate -> sources.current().certificate(certificate))
                .map(Binding::of)
                .orElse(Binding.BY_INGEST_KEY);
        if (presented.isPresent() && binding.get().credential() == null) {
            metrics.tlsCertificateUnbound();
            LOG.infof(
                    "syslog TLS client %s presented a certificate bound to no tenant (sha256 %s, subject '%s'):"
                            + " only its messages with a valid ingest key are accepted",
                    raw.getRemoteSocketAddress(),
                    presented.get().sha256Fingerprint(),
                    presented.get().subjectDn());
        }
        session.accept(tls, binding);
    }

    private static Optional<SourceBindings.PresentedCertificate> presentedCertificate(SSLSocket tls) {
        try {
            Certificate[] chain = tls.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            return Optional.of(new SourceBindings.PresentedCertificate(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded())),
                    leaf.getSubjectX500Principal().getName()));
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty(); // no client certificate
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a client certificate", e);
        }
    }

    // ---- RELP ----

    /**
     * One RELP session (rsyslog's omrelp): {@code open} is answered with the offers, each {@code
     * syslog} frame with {@code 200 OK} only once its record is acknowledged by Kafka (or kept on the
     * dead-letter topic), or with {@code 500 <reason>} when no credential binds it (the sender keeps
     * it and sends it again: nothing is lost silently), {@code close} with an empty {@code rsp}, after
     * which the connection ends. A stream that is no RELP gets {@code serverclose} and is closed. The
     * frames of one read are answered together after their records are durable, so rsyslog's window
     * of unacknowledged frames keeps the connection busy.
     *
     * <p>A segment of a message Cisco ISE or ACS split ({@link SegmentJoiner}) is answered with the
     * message it is part of, once that message is durable: when its last segment came, or when it is
     * given out without the rest (after the wait, at the bound, at {@code close}). RELP matches an
     * answer to its frame by transaction number, so these answers may come after those of later
     * frames. A session that ends without {@code close} publishes what it holds, unanswered: the
     * sender sends those frames again on its next session.
     */
    private void relpConnection(Socket socket, Supplier<Binding> binding) {
        RelpFrameDecoder decoder =
                new RelpFrameDecoder((int) config.maxMessageSize().asLongValue());
        SegmentJoiner<Long> segments = connectionSegments();
        boolean open = false;
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[READ_BUFFER];
            while (true) {
                int n;
                try {
                    awaitSegments(socket, segments);
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    // the session fell silent while segments wait: those due go out and are answered
                    RelpBatch due = new RelpBatch(binding.get(), Instant.now());
                    segments.expired(System.nanoTime()).forEach(due::add);
                    due.answer(out);
                    continue;
                }
                if (n < 0) {
                    break;
                }
                List<RelpFrameDecoder.Frame> frames;
                try {
                    frames = decoder.feed(buffer, 0, n);
                } catch (RelpFrameDecoder.RelpProtocolException e) {
                    metrics.unbound("relp");
                    LOG.infof("RELP session %s closed: %s", socket.getRemoteSocketAddress(), e.getMessage());
                    out.write("0 serverclose 0\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                if (frames.isEmpty()) {
                    continue;
                }
                RelpBatch batch = new RelpBatch(binding.get(), Instant.now());
                long now = System.nanoTime();
                boolean closing = false;
                for (RelpFrameDecoder.Frame frame : frames) {
                    switch (frame.command()) {
                        case "open" -> {
                            open = true;
                            batch.answers.add(RelpFrameDecoder.response(frame.txnr(), "200 OK\n" + RELP_OFFERS));
                        }
                        case "close" -> {
                            closing = true;
                            if (segments != null) {
                                // what waits for segments is given out now, answered before the close
                                segments.flush("the session closed before they came")
                                        .forEach(batch::add);
                            }
                            batch.answers.add(RelpFrameDecoder.response(frame.txnr(), ""));
                        }
                        case "syslog" -> {
                            if (!open) {
                                batch.answers.add(RelpFrameDecoder.response(frame.txnr(), "500 session not open"));
                                continue;
                            }
                            if (segments == null) {
                                batch.add(SegmentJoiner.Message.whole(frame.data(), frame.txnr()));
                            } else {
                                segments.accept("", frame.data(), frame.txnr(), now)
                                        .forEach(batch::add);
                            }
                        }
                        default ->
                            batch.answers.add(
                                    RelpFrameDecoder.response(frame.txnr(), "500 unknown command " + frame.command()));
                    }
                    if (closing) {
                        break;
                    }
                }
                if (segments != null && !closing) {
                    segments.expired(now).forEach(batch::add);
                }
                batch.answer(out);
                if (closing) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debugf("RELP session %s ended: %s", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            if (segments != null && segments.heldMessages() > 0) {
                // the session ended without close: published, but there is no one to answer
                RelpBatch held = new RelpBatch(binding.get(), Instant.now());
                segments.flush("the session ended before they came").forEach(held::add);
                held.durable();
            }
        }
    }

    /**
     * The messages of one RELP read and the answers to its frames: records and dead letters made
     * durable first, then every answer written, in the order the frames were handled.
     */
    private final class RelpBatch {
        private final Binding binding;
        private final Instant received;
        private final List<StampedEvent> records = new ArrayList<>();
        private final List<Pending> deadLetters = new ArrayList<>();
        private final List<byte[]> answers = new ArrayList<>();
        private long bytes;

        RelpBatch(Binding binding, Instant received) {
            this.binding = binding;
            this.received = received;
        }

        /** A message; each frame that is part of it is answered for it. */
        void add(SegmentJoiner.Message<Long> message) {
            metrics.segmented("relp", message);
            String answer;
            switch (receiveRetrying(message, false, binding, received)) {
                case SyslogIntake.Accepted accepted -> {
                    records.add(accepted.record());
                    bytes += accepted.rawBytes();
                    answer = "200 OK";
                }
                case SyslogIntake.DeadLetter rejected -> {
                    metrics.deadLettered(rejected.tenant());
                    deadLetters.add(new Pending(
                            null, rejected, 0, publisher.deadLetter(rejected).toCompletableFuture()));
                    answer = "200 OK";
                }
                case SyslogIntake.Unbound unbound -> {
                    metrics.unbound("relp");
                    answer = "500 " + unbound.reason();
                }
            }
            for (Long txnr : message.parts()) {
                answers.add(RelpFrameDecoder.response(txnr, answer));
            }
        }

        /** Waits until the records are within their tenants' quotas and acknowledged, and the dead letters kept. */
        void durable() {
            if (!records.isEmpty()) {
                throttle(records);
                settle(new Pending(
                        records, null, bytes, publisher.publish(records).toCompletableFuture()));
            }
            deadLetters.forEach(SyslogServer.this::settle);
        }

        /** Durable first, then acknowledged. */
        void answer(OutputStream out) throws IOException {
            durable();
            if (answers.isEmpty()) {
                return;
            }
            for (byte[] answer : answers) {
                out.write(answer);
            }
            out.flush();
        }
    }

    // ---- sockets ----

    private Listener openTcp(String name, int port, IngestCredential credential) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(new InetSocketAddress(config.host(), port));
        } catch (IOException e) {
            closeQuietly(server);
            throw e;
        }
        Listener listener = new Listener(name, server, credential);
        if (credential == null) {
            listeners.put(name, listener);
        }
        return listener;
    }

    private void openUdp(Listener listener, int port, Binding binding) throws IOException {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(config.host(), port));
        listener.udp = udp;
        Thread.ofVirtual().name("syslog-udp-" + listener.name()).start(() -> receiveDatagrams(udp, binding));
    }

    private void accept(Listener listener, java.util.function.Consumer<Socket> connection) {
        ServerSocket server = listener.tcp();
        while (running && !server.isClosed()) {
            try {
                Socket socket = server.accept();
                listener.connections.add(socket);
                Thread.ofVirtual()
                        .name("syslog-tcp-" + socket.getRemoteSocketAddress())
                        .start(() -> {
                            try {
                                connection.accept(socket);
                            } finally {
                                listener.connections.remove(socket);
                            }
                        });
            } catch (IOException e) {
                if (running && !server.isClosed()) {
                    LOG.warnf(e, "syslog TCP accept failed");
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf(e, "closing a syslog socket");
        }
    }

    /** One listener: its TCP server socket, its UDP socket (if any) and its open connections. */
    private static final class Listener {
        private final String name;
        private final ServerSocket tcp;
        private final IngestCredential credential;
        private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
        private volatile DatagramSocket udp;

        Listener(String name, ServerSocket tcp, IngestCredential credential) {
            this.name = name;
            this.tcp = tcp;
            this.credential = credential;
        }

        String name() {
            return name;
        }

        ServerSocket tcp() {
            return tcp;
        }

        IngestCredential credential() {
            return credential;
        }

        /** Stops listening and ends its connections (what they sent before is still published). */
        void close() {
            closeQuietly(tcp);
            if (udp != null) {
                udp.close();
            }
            connections.forEach(SyslogServer::closeQuietly);
        }
    }

    /**
     * One TCP connection: read and frame here, join segmented messages ({@link SegmentJoiner}); bind,
     * normalize and publish the messages of each read on a worker (so that one busy connection uses
     * every core); pause reading while Kafka lags. While segments wait for the rest of their message
     * a read waits at most until they are due, so that they go out on a connection that fell silent;
     * when the connection ends, what is held goes out with what came.
     */
    private void connection(Socket socket, Supplier<Binding> binding, String transport) {
        SyslogFrameDecoder decoder =
                new SyslogFrameDecoder((int) config.maxMessageSize().asLongValue());
        SegmentJoiner<Boolean> segments = connectionSegments();
        Deque<Chunk> chunks = new ArrayDeque<>();
        int outstanding = 0;
        try (socket;
                InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[READ_BUFFER];
            while (true) {
                int n;
                try {
                    awaitSegments(socket, segments);
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    // the connection fell silent while segments wait: those due go out now
                    outstanding += submit(join(segments, List.of(), transport), binding.get(), transport, chunks);
                    continue;
                }
                if (n < 0) {
                    break;
                }
                outstanding +=
                        submit(join(segments, decoder.feed(buffer, 0, n), transport), binding.get(), transport, chunks);
                // back-pressure: nothing more is read (the sender's TCP window fills) until Kafka catches up
                while (outstanding > config.maxOutstanding()) {
                    outstanding -= settle(chunks.removeFirst());
                }
            }
            submit(join(segments, decoder.finish(), transport), binding.get(), transport, chunks);
        } catch (IOException e) {
            LOG.debugf("syslog connection %s ended: %s", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            if (segments != null && segments.heldMessages() > 0) {
                List<SegmentJoiner.Message<Boolean>> held = segments.flush("the connection ended before they came");
                held.forEach(m -> metrics.segmented(transport, m));
                submit(held, binding.get(), transport, chunks);
            }
            while (!chunks.isEmpty()) {
                settle(chunks.removeFirst());
            }
        }
    }

    /** A joiner for one connection's segments, null when segments are not joined. */
    private <T> SegmentJoiner<T> connectionSegments() {
        SyslogConfig.Segments s = config.segments();
        if (!s.enabled()) {
            return null;
        }
        long perConnection = s.maxHeldPerConnection().asLongValue();
        return new SegmentJoiner<>(
                (int) config.maxMessageSize().asLongValue(),
                perConnection,
                perConnection,
                s.maxWait().toNanos());
    }

    /**
     * Sets how long the next read may wait: until the oldest held segments are due, or without end
     * when none are held. A read that times out leaves the connection (plain or TLS) as it was.
     */
    private static void awaitSegments(Socket socket, SegmentJoiner<?> segments) throws SocketException {
        long nanos = segments == null ? Long.MAX_VALUE : segments.nanosUntilDue(System.nanoTime());
        int millis = nanos == Long.MAX_VALUE
                ? 0
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
        if (socket.getSoTimeout() != millis) {
            socket.setSoTimeout(millis);
        }
    }

    /**
     * The messages the frames of one read make, in order: each frame as it came or, a segment, its
     * message once complete; then the messages whose segments are due. A frame cut at its bound
     * passes as it came (part {@code true}).
     */
    private List<SegmentJoiner.Message<Boolean>> join(
            SegmentJoiner<Boolean> segments, List<SyslogFrameDecoder.Frame> frames, String transport) {
        if (segments == null) {
            List<SegmentJoiner.Message<Boolean>> whole = new ArrayList<>(frames.size());
            frames.forEach(f -> whole.add(SegmentJoiner.Message.whole(f.bytes(), f.oversized())));
            return whole;
        }
        long now = System.nanoTime();
        List<SegmentJoiner.Message<Boolean>> messages = new ArrayList<>(frames.size());
        for (SyslogFrameDecoder.Frame frame : frames) {
            if (frame.oversized()) {
                messages.add(SegmentJoiner.Message.whole(frame.bytes(), true));
                continue;
            }
            for (SegmentJoiner.Message<Boolean> m : segments.accept("", frame.bytes(), false, now)) {
                metrics.segmented(transport, m);
                messages.add(m);
            }
        }
        for (SegmentJoiner.Message<Boolean> m : segments.expired(now)) {
            metrics.segmented(transport, m);
            messages.add(m);
        }
        return messages;
    }

    /** Hands the messages of one read to a worker; returns how many there are. */
    private int submit(
            List<SegmentJoiner.Message<Boolean>> messages, Binding binding, String transport, Deque<Chunk> chunks) {
        if (messages.isEmpty()) {
            return 0;
        }
        Instant received = Instant.now();
        chunks.addLast(new Chunk(
                messages.size(),
                CompletableFuture.supplyAsync(() -> handle(messages, binding, transport, received), workers)));
        return messages.size();
    }

    /**
     * Binds and normalizes the frames of one read and starts their sends (on a worker): the read's
     * records as one batch, each dead letter on its own. Waits while their tenants are over quota.
     */
    private List<Pending> handle(
            List<SegmentJoiner.Message<Boolean>> messages, Binding binding, String transport, Instant received) {
        List<Pending> sends = new ArrayList<>(2);
        List<StampedEvent> records = new ArrayList<>(messages.size());
        long bytes = 0;
        for (SegmentJoiner.Message<Boolean> message : messages) {
            SyslogIntake.Outcome outcome = receiveRetrying(
                    message,
                    !message.joined() && Boolean.TRUE.equals(message.parts().getFirst()),
                    binding,
                    received);
            switch (outcome) {
                case SyslogIntake.Accepted accepted -> {
                    records.add(accepted.record());
                    bytes += accepted.rawBytes();
                }
                case SyslogIntake.DeadLetter rejected -> {
                    sends.add(new Pending(
                            null, rejected, 0, publisher.deadLetter(rejected).toCompletableFuture()));
                    metrics.deadLettered(rejected.tenant());
                }
                case SyslogIntake.Unbound unbound -> {
                    metrics.unbound(transport);
                    LOG.debugf("syslog message dropped: %s", unbound.reason());
                }
            }
        }
        if (!records.isEmpty()) {
            throttle(records);
            sends.add(
                    new Pending(records, null, bytes, publisher.publish(records).toCompletableFuture()));
        }
        return sends;
    }

    /**
     * Waits for the sends of one read; sends again what Kafka refused until it is acknowledged.
     * Returns how many frames the read had.
     */
    private int settle(Chunk chunk) {
        List<Pending> sends;
        try {
            sends = chunk.sends().join();
        } catch (java.util.concurrent.CompletionException e) {
            // a fault in binding or normalizing (not Kafka's): the read's messages cannot be kept
            LOG.errorf(e.getCause(), "%d syslog messages could not be handled", chunk.frames());
            return chunk.frames();
        }
        sends.forEach(this::settle);
        return chunk.frames();
    }

    /**
     * Waits until the records fit into their tenants' quotas (taking them); meanwhile the connection
     * reads nothing, so the sender's TCP window fills and it waits: nothing is dropped. Other
     * connections (and tenants) go on. A quota change is noticed within {@code retry-delay}. At
     * shutdown the records go out without waiting.
     */
    private void throttle(List<StampedEvent> records) {
        Map<TenantId, Integer> perTenant = new java.util.LinkedHashMap<>();
        records.forEach(r -> perTenant.merge(r.tenant(), 1, Integer::sum));
        perTenant.forEach((tenant, count) -> {
            int left = count;
            int chunk = count;
            long waitedNanos = 0;
            while (left > 0 && running) {
                int now = Math.min(left, chunk);
                try {
                    quotas.take(tenant, now);
                    left -= now;
                } catch (QuotaExceededException e) {
                    if (!e.retryable()) {
                        // more than the burst (or the day) at once: take it in parts of that size
                        chunk = (int) Math.max(1, Math.min(chunk - 1, e.limit()));
                        continue;
                    }
                    long nanos = Math.max(
                            1_000_000L,
                            Math.min(
                                    e.retryAfter().toNanos(),
                                    config.retryDelay().toNanos()));
                    LockSupport.parkNanos(nanos);
                    waitedNanos += nanos;
                }
            }
            if (waitedNanos > 0) {
                metrics.tcpThrottled(tenant, java.time.Duration.ofNanos(waitedNanos));
                LOG.debugf(
                        "tenant %s over its quota: syslog connection held %d ms for %d events",
                        tenant, waitedNanos / 1_000_000, count);
            }
        });
    }

    /** A key the tenant directory cannot resolve now is asked again: the message waits, it is not lost. */
    private SyslogIntake.Outcome receiveRetrying(
            SegmentJoiner.Message<?> message, boolean oversized, Binding binding, Instant received) {
        while (true) {
            try {
                return message.joined()
                        ? intake.receive(message, binding, received)
                        : intake.receive(message.bytes(), oversized, binding, received);
            } catch (TenantDirectoryUnavailableException e) {
                LOG.warnf("tenant directory unavailable; holding the syslog connection: %s", e.getMessage());
                pause();
            }
        }
    }

    /**
     * Waits for one send; sends again what Kafka refused until it is acknowledged. Returns how many
     * records it held (a dead letter is one).
     */
    private int settle(Pending p) {
        CompletableFuture<Void> send = p.send();
        while (true) {
            try {
                send.get();
                if (p.records() != null) {
                    TenantId tenant = p.records().getFirst().tenant();
                    countAccepted(p.records(), p.bytes());
                    LOG.debugf(
                            "tenant %s: %d syslog events accepted",
                            tenant, p.records().size());
                    return p.records().size();
                }
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return p.records() == null ? 1 : p.records().size();
            } catch (ExecutionException e) {
                LOG.warnf("Kafka did not acknowledge syslog records; sending them again: %s", e.getCause());
                pause();
                send = p.records() != null
                        ? publisher.publish(p.records()).toCompletableFuture()
                        : publisher.deadLetter(p.deadLetter()).toCompletableFuture();
            }
        }
    }

    private void countAccepted(List<StampedEvent> records, long bytes) {
        // records of one read may belong to several tenants (keys in structured data)
        Map<TenantId, Integer> perTenant = new java.util.HashMap<>();
        records.forEach(r -> perTenant.merge(r.tenant(), 1, Integer::sum));
        perTenant.forEach((tenant, count) -> {
            metrics.accepted(tenant, count);
            usage.recordAccepted(tenant, count, bytes * count / records.size());
        });
    }

    private void pause() {
        LockSupport.parkNanos(config.retryDelay().toNanos());
    }

    private void receiveDatagrams(DatagramSocket udp, Binding binding) {
        int maxMessage = (int) Math.min(65_535, config.maxMessageSize().asLongValue());
        byte[] buffer = new byte[maxMessage];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        // GELF datagrams (compressed, chunked) become whole messages here; chunks wait GELF's 5 s
        GelfDatagrams gelf = new GelfDatagrams(
                (int) config.maxMessageSize().asLongValue(),
                GELF_PENDING_MESSAGES * config.maxMessageSize().asLongValue(),
                GELF_CHUNK_TIMEOUT.toNanos());
        // segments of Cisco ISE and ACS messages are joined per sender
        SegmentJoiner<Void> segments = config.segments().enabled()
                ? new SegmentJoiner<>(
                        (int) config.maxMessageSize().asLongValue(),
                        config.segments().maxHeldUdp().asLongValue(),
                        config.segments().maxHeldPerConnection().asLongValue(),
                        config.segments().maxWait().toNanos())
                : null;
        try {
            udp.setSoTimeout(UDP_IDLE_CHECK_MILLIS);
        } catch (SocketException e) {
            return; // closed before its first receive
        }
        try {
            while (running && !udp.isClosed()) {
                try {
                    udp.receive(packet);
                } catch (SocketTimeoutException e) {
                    // nothing came for a while: chunks that waited too long are dead-lettered now,
                    // messages whose segments did not all come are normalized with what came
                    for (GelfDatagrams.Broken given : gelf.expired(System.nanoTime())) {
                        receiveDatagram(SegmentJoiner.Message.whole(given.received(), null), given.reason(), binding);
                    }
                    if (segments != null) {
                        segments.expired(System.nanoTime()).forEach(m -> receiveDatagram(m, null, binding));
                    }
                    continue;
                } catch (SocketException e) {
                    return; // closed: at shutdown, or the tenant's port was closed
                } catch (IOException e) {
                    LOG.warnf(e, "syslog UDP receive failed");
                    continue;
                }
                long now = System.nanoTime();
                GelfDatagrams.Result result = gelf.accept(
                        String.valueOf(packet.getSocketAddress()), Arrays.copyOf(buffer, packet.getLength()), now);
                for (GelfDatagrams.Broken given : gelf.expired(now)) {
                    receiveDatagram(SegmentJoiner.Message.whole(given.received(), null), given.reason(), binding);
                }
                switch (result) {
                    case GelfDatagrams.Pending pending -> {}
                    case GelfDatagrams.Broken broken ->
                        receiveDatagram(SegmentJoiner.Message.whole(broken.received(), null), broken.reason(), binding);
                    case GelfDatagrams.Complete complete -> {
                        byte[] message = complete.message();
                        int length = message.length;
                        while (length > 0
                                && (message[length - 1] == '\n'
                                        || message[length - 1] == '\r'
                                        || message[length - 1] == 0)) {
                            length--;
                        }
                        if (length == 0) {
                            break;
                        }
                        byte[] text = length == message.length ? message : Arrays.copyOf(message, length);
                        if (segments == null) {
                            receiveDatagram(SegmentJoiner.Message.whole(text, null), null, binding);
                        } else {
                            segments.accept(packet.getAddress().getHostAddress(), text, null, now)
                                    .forEach(m -> receiveDatagram(m, null, binding));
                        }
                    }
                }
                if (segments != null) {
                    segments.expired(now).forEach(m -> receiveDatagram(m, null, binding));
                }
            }
        } finally {
            if (segments != null && segments.heldMessages() > 0) {
                segments.flush("the port closed before they came").forEach(m -> receiveDatagram(m, null, binding));
            }
        }
    }

    /**
     * One message received over UDP, as it came or joined from segments (unreadable: why the framing
     * could not read it, else null).
     */
    private void receiveDatagram(SegmentJoiner.Message<Void> message, String unreadable, Binding binding) {
        metrics.segmented("udp", message);
        SyslogIntake.Outcome outcome;
        try {
            outcome = message.joined()
                    ? intake.receive(message, binding, Instant.now())
                    : intake.receive(message.bytes(), unreadable, binding, Instant.now());
        } catch (TenantDirectoryUnavailableException e) {
            metrics.unbound("udp");
            return;
        }
        switch (outcome) {
            case SyslogIntake.Accepted accepted -> {
                TenantId tenant = accepted.record().tenant();
                if (udpOutstanding.get() >= config.maxOutstandingUdp()) {
                    metrics.udpDropped(tenant);
                    return;
                }
                try {
                    quotas.take(tenant, 1);
                } catch (QuotaExceededException e) {
                    // UDP cannot be held back: what exceeds the tenant's quota is dropped and counted
                    metrics.udpRefusedByQuota(tenant);
                    usage.recordRefusedByQuota(tenant, 1);
                    return;
                }
                udpOutstanding.incrementAndGet();
                publisher.publish(List.of(accepted.record())).whenComplete((ok, failure) -> {
                    udpOutstanding.decrementAndGet();
                    if (failure != null) {
                        quotas.giveBack(tenant, 1);
                        metrics.udpDropped(tenant);
                    } else {
                        metrics.accepted(tenant, 1);
                        usage.recordAccepted(tenant, 1, accepted.rawBytes());
                    }
                });
            }
            case SyslogIntake.DeadLetter rejected -> {
                metrics.deadLettered(rejected.tenant());
                publisher.deadLetter(rejected);
            }
            case SyslogIntake.Unbound unbound -> metrics.unbound("udp");
        }
    }

    /** The frames of one read, being handled by a worker: how many, and the sends they became. */
    private record Chunk(int frames, CompletableFuture<List<Pending>> sends) {}

    /** A send waiting for Kafka: events (with their raw size) or a dead letter. */
    private record Pending(
            List<StampedEvent> records, SyslogIntake.DeadLetter deadLetter, long bytes, CompletableFuture<Void> send) {}
}
