package io.socaas.ingestion.syslog.net;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.SyslogFrameDecoder;
import io.socaas.ingestion.intake.domain.IngestQuotas;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException;
import io.socaas.ingestion.syslog.config.SyslogConfig;
import io.socaas.ingestion.syslog.domain.SyslogIntake;
import io.socaas.ingestion.syslog.domain.SyslogIntake.Binding;
import io.socaas.ingestion.usage.domain.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The syslog listeners: the shared TCP and UDP port (messages bound by their ingest key) and each
 * tenant's own port (every message is that tenant's). One virtual thread per TCP connection and
 * per UDP socket, blocking I/O.
 *
 * <p>TCP never drops: a connection stops reading while more than {@code max-outstanding} of its
 * records wait for Kafka, and what Kafka refuses is sent again (same ingest ids) until it is
 * acknowledged; memory per connection is bounded by that and by {@code max-message-size}. UDP
 * cannot push back: a datagram that arrives while {@code max-outstanding-udp} records wait is
 * dropped and counted per tenant.
 *
 * <p>Quotas (the tenant's plan: events/s with a burst, events/day): a TCP connection whose tenant
 * is over its quota stops reading until the records it holds fit (never drops); a UDP message over
 * its tenant's quota is dropped, counted per tenant and in the tenant's usage.
 */
@ApplicationScoped
public class SyslogServer {

    private static final Logger LOG = Logger.getLogger(SyslogServer.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final SyslogConfig config;
    private final SyslogIntake intake;
    private final SyslogPublisher publisher;
    private final SyslogMetrics metrics;
    private final UsageMeter usage;
    private final IngestQuotas quotas;
    private final List<AutoCloseable> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> tcpPorts = new ConcurrentHashMap<>();
    private final Map<String, Integer> udpPorts = new ConcurrentHashMap<>();
    private final AtomicInteger udpOutstanding = new AtomicInteger();
    private volatile boolean running;

    public SyslogServer(
            SyslogConfig config,
            SyslogIntake intake,
            SyslogPublisher publisher,
            SyslogMetrics metrics,
            UsageMeter usage,
            IngestQuotas quotas) {
        this.quotas = quotas;
        this.config = config;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.usage = usage;
    }

    void start(@Observes StartupEvent start) throws IOException {
        if (!config.enabled()) {
            return;
        }
        running = true;
        listen(SHARED, config.tcpPort(), Binding.BY_INGEST_KEY);
        for (Map.Entry<String, SyslogConfig.TenantPort> entry :
                config.tenantPorts().entrySet()) {
            SyslogConfig.TenantPort port = entry.getValue();
            listen(
                    port.tenant(),
                    port.port(),
                    Binding.tenantPort(
                            TenantId.of(port.tenant()), port.sourceName().orElse(entry.getKey())));
        }
        LOG.infof("syslog listening on %s: TCP %s, UDP %s", config.host(), tcpPorts, udpPorts);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        for (AutoCloseable socket : sockets) {
            try {
                socket.close();
            } catch (Exception e) {
                LOG.debugf(e, "closing a syslog socket");
            }
        }
    }

    /** The name of the shared listener in {@link #tcpPort} and {@link #udpPort}. */
    public static final String SHARED = "shared";

    /** The TCP port a listener is bound to: {@link #SHARED} or a tenant id. */
    public int tcpPort(String listener) {
        return tcpPorts.getOrDefault(listener, -1);
    }

    /** The UDP port a listener is bound to: {@link #SHARED} or a tenant id. */
    public int udpPort(String listener) {
        return udpPorts.getOrDefault(listener, -1);
    }

    private void listen(String name, int port, Binding binding) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(config.host(), port));
        sockets.add(server);
        tcpPorts.put(name, server.getLocalPort());
        Thread.ofVirtual().name("syslog-tcp-accept-" + name).start(() -> accept(server, binding));

        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(config.host(), port == 0 ? 0 : port));
        sockets.add(udp);
        udpPorts.put(name, udp.getLocalPort());
        Thread.ofVirtual().name("syslog-udp-" + name).start(() -> receiveDatagrams(udp, binding));
    }

    private void accept(ServerSocket server, Binding binding) {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual()
                        .name("syslog-tcp-" + socket.getRemoteSocketAddress())
                        .start(() -> connection(socket, binding));
            } catch (IOException e) {
                if (running) {
                    LOG.warnf(e, "syslog TCP accept failed");
                }
            }
        }
    }

    /** One TCP connection: read, frame, bind, normalize, publish; pause reading while Kafka lags. */
    private void connection(Socket socket, Binding binding) {
        SyslogFrameDecoder decoder =
                new SyslogFrameDecoder((int) config.maxMessageSize().asLongValue());
        Deque<Pending> pending = new ArrayDeque<>();
        int[] outstanding = {0};
        try (socket;
                InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[READ_BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                handle(decoder.feed(buffer, 0, n), binding, pending, outstanding);
                // back-pressure: nothing more is read (the sender's TCP window fills) until Kafka catches up
                while (outstanding[0] > config.maxOutstanding()) {
                    outstanding[0] -= settle(pending.removeFirst());
                }
            }
            handle(decoder.finish(), binding, pending, outstanding);
        } catch (IOException e) {
            LOG.debugf("syslog connection %s ended: %s", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            while (!pending.isEmpty()) {
                settle(pending.removeFirst());
            }
        }
    }

    private void handle(
            List<SyslogFrameDecoder.Frame> frames, Binding binding, Deque<Pending> pending, int[] outstanding) {
        if (frames.isEmpty()) {
            return;
        }
        Instant received = Instant.now();
        List<StampedEvent> records = new ArrayList<>(frames.size());
        long bytes = 0;
        for (SyslogFrameDecoder.Frame frame : frames) {
            SyslogIntake.Outcome outcome = receiveRetrying(frame, binding, received);
            switch (outcome) {
                case SyslogIntake.Accepted accepted -> {
                    records.add(accepted.record());
                    bytes += accepted.rawBytes();
                }
                case SyslogIntake.DeadLetter rejected -> {
                    pending.addLast(new Pending(
                            null, rejected, 0, publisher.deadLetter(rejected).toCompletableFuture()));
                    outstanding[0]++; // a dead letter waits for Kafka too: it counts towards the bound
                    metrics.deadLettered(rejected.tenant());
                }
                case SyslogIntake.Unbound unbound -> {
                    metrics.unbound("tcp");
                    LOG.debugf("syslog message dropped: %s", unbound.reason());
                }
            }
        }
        if (!records.isEmpty()) {
            throttle(records);
            pending.addLast(
                    new Pending(records, null, bytes, publisher.publish(records).toCompletableFuture()));
            outstanding[0] += records.size();
        }
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
    private SyslogIntake.Outcome receiveRetrying(SyslogFrameDecoder.Frame frame, Binding binding, Instant received) {
        while (true) {
            try {
                return intake.receive(frame.bytes(), frame.oversized(), binding, received);
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
        byte[] buffer = new byte[(int) Math.min(65_535, config.maxMessageSize().asLongValue())];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (running) {
            try {
                udp.receive(packet);
            } catch (SocketException e) {
                return; // closed at shutdown
            } catch (IOException e) {
                LOG.warnf(e, "syslog UDP receive failed");
                continue;
            }
            int length = packet.getLength();
            while (length > 0
                    && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r' || buffer[length - 1] == 0)) {
                length--;
            }
            if (length == 0) {
                continue;
            }
            byte[] frame = Arrays.copyOf(buffer, length);
            SyslogIntake.Outcome outcome;
            try {
                outcome = intake.receive(frame, false, binding, Instant.now());
            } catch (TenantDirectoryUnavailableException e) {
                metrics.unbound("udp");
                continue;
            }
            switch (outcome) {
                case SyslogIntake.Accepted accepted -> {
                    TenantId tenant = accepted.record().tenant();
                    if (udpOutstanding.get() >= config.maxOutstandingUdp()) {
                        metrics.udpDropped(tenant);
                        continue;
                    }
                    try {
                        quotas.take(tenant, 1);
                    } catch (QuotaExceededException e) {
                        // UDP cannot be held back: what exceeds the tenant's quota is dropped and counted
                        metrics.udpRefusedByQuota(tenant);
                        usage.recordRefusedByQuota(tenant, 1);
                        continue;
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
    }

    /** A send waiting for Kafka: events (with their raw size) or a dead letter. */
    private record Pending(
            List<StampedEvent> records, SyslogIntake.DeadLetter deadLetter, long bytes, CompletableFuture<Void> send) {}
}
