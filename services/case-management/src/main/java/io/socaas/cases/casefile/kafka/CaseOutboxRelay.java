package io.socaas.cases.casefile.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.cases.casefile.persistence.OutboxEntity;
import io.socaas.cases.notify.Notifications;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.scope.ScopedTransactions;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox of case changes on {@code soc.cases.v1}: oldest first, keyed {@code
 * <tenant>:<case id>}, and marks each published in the transaction that read it. Rows are taken
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without publishing a row twice
 * while it is in flight; a relay that dies after the send and before the commit leaves its rows to
 * be sent again, with the same {@code ce_id} (= {@code event_id}), which readers drop.
 */
@ApplicationScoped
public class CaseOutboxRelay {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    private static final Logger LOG = Logger.getLogger(CaseOutboxRelay.class);
    static final String SOURCE = "/socaas/case-management";
    static final int BATCH = 200;

    private final MutinyEmitter<Record<String, byte[]>> topic;
    private final TenantFactsReader<TenantConfig> facts;
    private final Notifications notifications;
    private final Clock clock = Clock.systemUTC();

    CaseOutboxRelay(
            @Channel("cases-out") MutinyEmitter<Record<String, byte[]>> topic,
            TenantFactsReader<TenantConfig> facts,
            Notifications notifications) {
        this.topic = topic;
        this.facts = facts;
        this.notifications = notifications;
    }

    @Scheduled(
            identity = "case-outbox-relay",
            every = "${socaas.cases.outbox.poll-every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return BackgroundRun.retriedNextRun(publishPending(), LOG, "publishing case changes");
    }

    /** Publishes up to {@value #BATCH} pending changes; answers how many. */
    public Uni<Integer> publishPending() {
        return scoped.transaction(
                io.socaas.scope.TenantScope.system("outbox relay to soc.cases.v1"),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "select * from case_outbox where published_at is null"
                                                + " order by created_at, event_id limit " + BATCH
                                                + " for update skip locked",
                                        OutboxEntity.class)
                                .getResultList())
                        .chain(this::publish));
    }

    private Uni<Integer> publish(List<OutboxEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one after the other: the changes of a case reach its partition in order
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (OutboxEntity row : rows) {
            sent = sent.chain(() -> send(row));
        }
        Instant now = clock.instant();
        for (OutboxEntity row : rows) {
            sent = sent.chain(() -> webhooks(row, now));
        }
        return sent.invoke(() -> rows.forEach(row -> row.publishedAt = now))
                .invoke(() -> LOG.debugf("published %d case changes on %s", rows.size(), RecordHeaders.TOPIC_CASES))
                .replaceWith(rows.size());
    }

    /** The tenant's webhooks for the change, written in the transaction that marks it published. */
    private Uni<Void> webhooks(OutboxEntity row, Instant now) {
        Optional<TenantConfig> tenant = facts.get(TenantId.of(row.tenantId));
        if (tenant.isEmpty() || tenant.get().getNotificationEndpointsCount() == 0) {
            return Uni.createFrom().voidItem();
        }
        CaseEvent event;
        try {
            event = CaseEvent.parseFrom(row.payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.errorf("outbox row %s is not a CaseEvent: no webhook for it", row.eventId);
            return Uni.createFrom().voidItem();
        }
        return notifications.webhooks(event, tenant.get(), now);
    }

    private Uni<Void> send(OutboxEntity row) {
        Headers headers = KafkaHeaders.cloudEvent(
                row.eventId.toString(), RecordHeaders.TYPE_CASE_CHANGED, SOURCE, row.createdAt, row.tenantId);
        String key = row.tenantId + ":" + row.caseId;
        return topic.sendMessage(Message.of(Record.of(key, row.payload))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .withHeaders(headers)
                        .build()));
    }
}
