package io.socaas.ingestion.syslog.net;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.SegmentJoiner;
import io.socaas.ingestion.intake.kafka.KafkaDeadLetterPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Syslog counters: {@code socaas.ingestion.events.accepted{tenant}} (shared with HTTP), {@code
 * socaas.ingestion.events.dead.lettered{tenant}} (shared with HTTP), {@code
 * socaas.ingestion.syslog.udp.dropped{tenant}} and {@code socaas.ingestion.syslog.unbound{transport}} (messages no credential binds: transport
 * {@code tcp}, {@code udp}, {@code tls}), {@code socaas.ingestion.syslog.tls.handshakes.failed} and
 * {@code socaas.ingestion.syslog.tls.certificates.unbound} (connections); for the
 * quotas {@code socaas.ingestion.events.refused.by.quota{tenant,transport=udp}} (shared with HTTP)
 * and {@code socaas.ingestion.syslog.tcp.throttled.seconds{tenant}}; {@code
 * socaas.ingestion.syslog.segmented{transport,complete}} for messages joined from segments.
 */
@ApplicationScoped
public class SyslogMetrics {

    private final MeterRegistry registry;
    private final KafkaDeadLetterPublisher deadLetters;

    public SyslogMetrics(MeterRegistry registry, KafkaDeadLetterPublisher deadLetters) {
        this.registry = registry;
        this.deadLetters = deadLetters;
    }

    void accepted(TenantId tenant, int events) {
        count(
                "socaas.ingestion.events.accepted",
                "Events accepted (acknowledged by Kafka), per tenant",
                "tenant",
                tenant.value(),
                events);
    }

    void deadLettered(TenantId tenant) {
        deadLetters.counted(tenant);
    }

    void udpDropped(TenantId tenant) {
        count(
                "socaas.ingestion.syslog.udp.dropped",
                "UDP messages dropped while Kafka lagged, per tenant",
                "tenant",
                tenant.value(),
                1);
    }

    void udpRefusedByQuota(TenantId tenant) {
        Counter.builder("socaas.ingestion.events.refused.by.quota")
                .description("Events refused because they did not fit into the tenant's plan quota")
                .tag("tenant", tenant.value())
                .tag("transport", "udp")
                .register(registry)
                .increment();
    }

    void tcpThrottled(TenantId tenant, Duration waited) {
        Counter.builder("socaas.ingestion.syslog.tcp.throttled.seconds")
                .description("Time syslog TCP connections waited (not reading) for their tenant's quota")
                .tag("tenant", tenant.value())
                .register(registry)
                .increment(waited.toNanos() / 1e9);
    }

    void unbound(String transport) {
        count(
                "socaas.ingestion.syslog.unbound",
                "Syslog messages no credential binds to a tenant",
                "transport",
                transport,
                1);
    }

    /**
     * A message joined from segments (Cisco ISE, ACS): {@code socaas.ingestion.syslog.segmented}
     * {transport, complete}, incomplete ones given out with what came. A message as it came is not counted.
     */
    void segmented(String transport, SegmentJoiner.Message<?> message) {
        if (!message.joined()) {
            return;
        }
        Counter.builder("socaas.ingestion.syslog.segmented")
                .description("Syslog messages joined from segments (Cisco ISE, ACS); complete=false: some never came")
                .tag("transport", transport)
                .tag("complete", String.valueOf(message.gap() == null))
                .register(registry)
                .increment();
    }

    void tlsHandshakeFailed() {
        Counter.builder("socaas.ingestion.syslog.tls.handshakes.failed")
                .description("Syslog TLS connections refused in the handshake (e.g. an untrusted client certificate)")
                .register(registry)
                .increment();
    }

    void tlsCertificateUnbound() {
        Counter.builder("socaas.ingestion.syslog.tls.certificates.unbound")
                .description("Syslog TLS connections whose client certificate the tenant facts bind to no tenant")
                .register(registry)
                .increment();
    }

    private void count(String name, String description, String tag, String value, int amount) {
        Counter.builder(name)
                .description(description)
                .tag(tag, value)
                .register(registry)
                .increment(amount);
    }
}
