package io.socaas.tenants.facts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.tenantconfig.Plans;
import io.socaas.tenants.tenantconfig.domain.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/** {@link TenantFacts} over the tenants table, {@code plans.yaml} and Kafka {@code soc.tenants.v1}. */
@ApplicationScoped
public class KafkaTenantFacts implements TenantFacts {

    static final String SOURCE = "/socaas/tenant-billing";
    private static final Logger LOG = Logger.getLogger(KafkaTenantFacts.class);

    private final TenantRepository tenants;
    private final Plans plans;
    private final MutinyEmitter<Record<String, byte[]>> topic;
    private final Clock clock = Clock.systemUTC();
    private final ScopedTransactions scoped;

    KafkaTenantFacts(
            TenantRepository tenants,
            Plans plans,
            @Channel("tenants") MutinyEmitter<Record<String, byte[]>> topic,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.tenants = tenants;
        this.plans = plans;
        this.topic = topic;
    }

    @Override
    public Uni<Optional<TenantConfig>> resolve(TenantId tenant) {
        return scoped.transaction(TenantScope.of(tenant.value()), () -> resolveWithin(tenant));
    }

    private Uni<Optional<TenantConfig>> resolveWithin(TenantId tenant) {
        return tenants.find(tenant).map(found -> found.map(this::resolve));
    }

    @Override
    public Uni<List<TenantConfig>> resolveAll() {
        return scoped.transaction(
                TenantScope.system("tenant facts publication of every tenant"), () -> resolveAllWithin());
    }

    private Uni<List<TenantConfig>> resolveAllWithin() {
        return tenants.listTenants()
                .map(all -> all.stream()
                        .filter(tenant -> tenant.spec().status() != TenantStatus.OFFBOARDED)
                        .map(this::resolve)
                        .toList());
    }

    /**
     * Bumps the revision and publishes the tenant while its row is locked, so that concurrent
     * changes of one tenant (from any replica) reach the compacted topic in revision order and the
     * record that stays is the newest. An offboarded tenant is not published: its tombstone stands.
     */
    @Override
    public Uni<TenantConfig> changed(TenantId tenant) {
        return scoped.transaction(TenantScope.of(tenant.value()), () -> changedWithin(tenant));
    }

    private Uni<TenantConfig> changedWithin(TenantId tenant) {
        return tenants.bumpRevisionLocked(tenant)
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(tenant)))
                .call(() -> Panache.getSession().flatMap(Mutiny.Session::flush))
                .flatMap(found -> {
                    TenantConfig config = resolve(found);
                    if (found.spec().status() == TenantStatus.OFFBOARDED) {
                        LOG.debugf("tenant %s is offboarded: not published", tenant);
                        return Uni.createFrom().item(config);
                    }
                    return publish(config).replaceWith(config);
                });
    }

    /** Publishes every tenant as it is now (at start): readers that missed nothing see no change. */
    public Uni<Integer> publishAll() {
        return resolveAll()
                .flatMap(all -> all.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Uni.join()
                                .all(all.stream().map(this::publish).toList())
                                .andFailFast()
                                .replaceWith(all.size()));
    }

    @Override
    public Uni<Void> purged(TenantId tenant) {
        Headers headers = headers(tenant, RecordHeaders.TYPE_TENANT_PURGED, clock.instant());
        LOG.infof("publishing tombstone of tenant %s on %s", tenant, RecordHeaders.TOPIC_TENANTS);
        return topic.sendMessage(Message.of(Record.<String, byte[]>of(tenant.value(), null))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(tenant.value())
                        .withHeaders(headers)
                        .build()));
    }

    private TenantConfig resolve(Tenant tenant) {
        Plan plan = plans.current()
                .find(tenant.spec().plan())
                .orElseThrow(() -> new IllegalStateException(
                        "tenant " + tenant.id() + " has plan '" + tenant.spec().plan() + "' that plans.yaml lacks"));
        return TenantConfigMapping.toProto(tenant, plan);
    }

    private Uni<Void> publish(TenantConfig config) {
        TenantId id = TenantId.of(config.getTenantId());
        Headers headers =
                headers(id, RecordHeaders.TYPE_TENANT_CHANGED, Instant.ofEpochMilli(config.getUpdatedTimeMs()));
        return topic.sendMessage(Message.of(Record.of(id.value(), config.toByteArray()))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(id.value())
                                .withHeaders(headers)
                                .build()))
                .invoke(() -> LOG.debugf("published tenant %s revision %d", id, config.getRevision()));
    }

    private static Headers headers(TenantId tenant, String type, Instant time) {
        return KafkaHeaders.cloudEvent(UUID.randomUUID().toString(), type, SOURCE, time, tenant.value());
    }
}
