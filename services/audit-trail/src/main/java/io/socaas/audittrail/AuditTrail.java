package io.socaas.audittrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.transporttls.KafkaClientSecurity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a service appends to the platform's audit trail: publishes the entry on {@code
 * soc.audit.v1} (key and {@code tenant} header = the tenant, or {@value AuditRecord#PLATFORM}),
 * with {@code acks=all} and idempotence, and completes once the broker has it. tenant-billing
 * stores it (append-only) and serves it.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** CloudEvents type of an entry. */
    public static final String EVENT_TYPE = "socaas.audit.recorded.v1";

    private final AuditConfig config;
    private final String bootstrapServers;
    private final String service;
    private final ObjectMapper json;
    private volatile KafkaProducer<String, byte[]> producer;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(
            AuditConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            ObjectMapper json) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.service = config.service().orElse(applicationName);
        this.json = json;
    }

    /** This service's name in its entries. */
    public String service() {
        return service;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Publishes the entry; completes when the broker acknowledged it. */
    public Uni<Void> record(AuditRecord entry) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                config.topic(),
                null,
                entry.key(),
                AuditEntryWire.encode(entry),
                KafkaHeaders.cloudEvent(entry.entryId(), EVENT_TYPE, "/socaas/" + service, entry.time(), entry.key()));
        // the answer resumes on the request's own (Vert.x) context once the broker has the entry
        Context caller = Vertx.currentContext();
        Uni<Void> sent = Uni.createFrom().emitter(emitter -> {
            try {
                producer().send(record, (metadata, failure) -> {
                    Runnable done = () -> {
                        if (failure != null) {
                            emitter.fail(failure);
                        } else {
                            emitter.complete(null);
                        }
                    };
                    if (caller != null) {
                        caller.runOnContext(ignored -> done.run());
                    } else {
                        done.run();
                    }
                });
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        });
        // the first send waits for the topic's metadata: never on the event loop
        return sent.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** {@link #record}, with a failure logged at ERROR instead of passed on (the action already happened). */
    public Uni<Void> recordOrLog(AuditRecord entry) {
        return record(entry).onFailure().recoverWithUni(e -> {
            LOG.errorf(e, "could not append %s (request %s) to the audit trail", entry.action(), entry.requestId());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * An entry of this service, stamped now: {@code actor} did {@code action} about {@code tenantId}
     * (null for none) and {@code target}, with the fields it changed, answered {@code status}.
     */
    public AuditRecord entry(
            Actor actor,
            String tenantId,
            String action,
            String target,
            AuditChange change,
            String requestId,
            String traceId,
            int status,
            String outcome) {
        return new AuditRecord(
                clock.instant(),
                service,
                actor,
                tenantId,
                action,
                target,
                change.beforeJson(),
                change.afterJson(),
                requestId,
                traceId,
                status,
                outcome);
    }

    /** Who the caller turns out to be; {@link Actor#ANONYMOUS} when its identity cannot be had. */
    public static Uni<Actor> callerOf(Uni<SecurityIdentity> identity) {
        return identity.onFailure().recoverWithNull().map(AuditTrail::actorOf);
    }

    /** Who calls, from the verified identity ({@link Actor#ANONYMOUS} without one). */
    public static Actor actorOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        List<String> roles = List.copyOf(identity.getRoles());
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = orDash(jwt.getSubject());
            Object username = jwt.getClaim("preferred_username");
            Object client = jwt.getClaim("azp");
            String clientId = client == null ? "-" : orDash(client.toString());
            return new Actor(subject, username == null ? "client " + clientId : username.toString(), clientId, roles);
        }
        String name = orDash(identity.getPrincipal().getName());
        return new Actor(name, name, "-", roles);
    }

    /** The W3C trace id of the current request (OpenTelemetry, else the log context); empty when none. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return span.getTraceId();
        }
        Object fromLog = MDC.get("traceId");
        return fromLog == null ? "" : fromLog.toString();
    }

    /**
     * The compact before/after of an action ({@link AuditChange}): the fields it changed. Objects
     * are written as JSON, a string is taken as JSON already. A value that cannot be written is
     * logged at WARN and left out (the action already happened).
     */
    public AuditChange change(Object before, Object after) {
        try {
            return AuditChange.of(json, before, after);
        } catch (IllegalArgumentException e) {
            LOG.warnf("before/after left out of the audit trail: %s", e.getMessage());
            return AuditChange.NONE;
        }
    }

    /** An object as JSON for before/after; empty for null, a string as given (already JSON). */
    public String json(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            LOG.warnf(
                    "could not write %s as JSON for the audit trail: %s",
                    value.getClass().getName(), e.getMessage());
            return "";
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.putAll(KafkaClientSecurity.settings());
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-audit");
                    // contracts.md: producers use acks=all and idempotence
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    // the answer waits for the entry: fail within seconds, not the default two minutes
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    current = new KafkaProducer<>(props);
                    producer = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
