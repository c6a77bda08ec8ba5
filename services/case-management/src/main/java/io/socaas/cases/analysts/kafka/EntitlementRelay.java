package io.socaas.cases.analysts.kafka;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.cases.analysts.persistence.EntitlementOutbox;
import io.socaas.cases.analysts.persistence.EntitlementOutboxEntity;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.events.RecordHeaders;
import io.socaas.proto.analyst.v1.AnalystEntitlement;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the analysts' entitlements on the compacted topic {@code soc.entitlements.v1} (tests:
 * {@code soc.entitlements.test.v1}) from the outbox their profile changes write: key = user name,
 * value {@link AnalystEntitlement} with the outbox row's revision, a tombstone for a removed
 * profile, CloudEvents headers and no {@code tenant} header (the record belongs to no tenant).
 * Oldest first; rows are taken with {@code FOR UPDATE SKIP LOCKED} and marked published in the
 * transaction that read them, so a relay that dies before its commit leaves them to be sent again.
 * Its first run queues every profile again, so a new or compacted topic heals itself.
 */
@ApplicationScoped
public class EntitlementRelay {

    private static final Logger LOG = Logger.getLogger(EntitlementRelay.class);
    static final String SOURCE = "/socaas/case-management";
    static final String TYPE_CHANGED = "socaas.analyst.entitlement.changed.v1";
    static final String TYPE_REMOVED = "socaas.analyst.entitlement.removed.v1";
    static final int BATCH = 200;

    private final MutinyEmitter<Record<String, byte[]>> topic;
    private final AtomicBoolean republished = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();

    EntitlementRelay(@Channel("entitlements-out") MutinyEmitter<Record<String, byte[]>> topic) {
        this.topic = topic;
    }

    @Scheduled(
            identity = "entitlement-relay",
            every = "${socaas.cases.entitlements.poll-every}",
            // after the messaging channels are wired, as the case outbox relay
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return BackgroundRun.retriedNextRun(
                republishOnce().chain(this::publishPending).replaceWithVoid(), LOG, "publishing entitlements");
    }

    /** At the first run: every profile's entitlement is queued again. */
    private Uni<Void> republishOnce() {
        if (republished.get()) {
            return Uni.createFrom().voidItem();
        }
        return EntitlementOutbox.everyProfile()
                .invoke(queued -> {
                    republished.set(true);
                    LOG.infof("queued the entitlements of %d analysts for publication", queued);
                })
                .replaceWithVoid();
    }

    /** Publishes up to {@value #BATCH} pending entitlements; answers how many. */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select * from entitlement_outbox where published_at is null"
                                        + " order by revision limit " + BATCH + " for update skip locked",
                                EntitlementOutboxEntity.class)
                        .getResultList())
                .chain(this::publish)
                .call(published -> published == 0
                        ? Panache.getSession()
                                .chain(session -> session.createNativeQuery("delete from entitlement_outbox"
                                                + " where published_at < now() - interval '1 day'")
                                        .executeUpdate())
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Integer> publish(List<EntitlementOutboxEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (EntitlementOutboxEntity row : rows) {
            sent = sent.chain(() -> send(row));
        }
        Instant now = clock.instant();
        return sent.invoke(() -> rows.forEach(row -> row.publishedAt = now))
                .invoke(() -> LOG.debugf("published %d analysts' entitlements", rows.size()))
                .replaceWith(rows.size());
    }

    private Uni<Void> send(EntitlementOutboxEntity row) {
        byte[] value = row.removed ? null : entitlement(row).toByteArray();
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        header(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
        header(headers, RecordHeaders.ID, "entitlement-" + row.revision);
        header(headers, RecordHeaders.TYPE, row.removed ? TYPE_REMOVED : TYPE_CHANGED);
        header(headers, RecordHeaders.SOURCE, SOURCE);
        header(headers, RecordHeaders.TIME, row.createdAt.toString());
        return topic.sendMessage(Message.of(Record.of(row.username, value))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.username)
                        .withHeaders(headers)
                        .build()));
    }

    /** The published message of an outbox row. */
    static AnalystEntitlement entitlement(EntitlementOutboxEntity row) {
        return AnalystEntitlement.newBuilder()
                .setUsername(row.username)
                .setAllTenants(row.allTenants)
                .addAllTenants(row.allTenants ? List.of() : Arrays.asList(row.tenants))
                .setRevision(row.revision)
                .build();
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
