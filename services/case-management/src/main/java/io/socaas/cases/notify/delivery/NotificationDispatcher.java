package io.socaas.cases.notify.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.cases.casefile.CaseFileConfig;
import io.socaas.cases.notify.domain.RetryPolicy;
import io.socaas.cases.notify.persistence.AttachmentEntity;
import io.socaas.cases.notify.persistence.NotificationEntity;
import io.socaas.cases.notify.persistence.NotificationEntity.Status;
import io.socaas.scope.ScopedTransactions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers due notifications: takes up to {@value #BATCH} with {@code FOR UPDATE SKIP LOCKED}
 * and leases them (replicas never send one twice at once), sends each outside the transaction
 * (signed webhook POST, or e-mail through the Quarkus mailer), then records the outcome: delivered,
 * due again after the {@link RetryPolicy} backoff, or dead after the last attempt. A replica that
 * dies mid-send leaves its lease to expire and the delivery is tried again, with the same {@value
 * WebhookSignature#DELIVERY_HEADER}, so a receiver can drop the duplicate.
 */
@ApplicationScoped
public class NotificationDispatcher {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);

    private final CaseFileConfig.Notify config;
    private final RetryPolicy retries;
    private final ReactiveMailer mailer;
    private final WebClient web;
    private final Clock clock = Clock.systemUTC();

    NotificationDispatcher(CaseFileConfig config, ReactiveMailer mailer, Vertx vertx) {
        this.config = config.notifications();
        this.retries = new RetryPolicy(this.config.retryBase(), this.config.retryMax(), this.config.maxAttempts());
        this.mailer = mailer;
        this.web = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) this.config.webhookTimeout().toMillis())
                        .setFollowRedirects(false)
                        .setUserAgent("SOCaaS-Webhooks/1"));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    @Scheduled(
            identity = "notification-dispatcher",
            every = "${socaas.cases.notify.every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return BackgroundRun.retriedNextRun(dispatchDue(), LOG, "delivering notifications");
    }

    /** What became of one attempt. */
    record Outcome(UUID id, Optional<String> error) {}

    private static final io.socaas.scope.TenantScope DELIVERY =
            io.socaas.scope.TenantScope.system("notification delivery (webhooks, e-mail, pages)");

    /** Delivers what is due now; answers how many were attempted. */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return scoped.transaction(
                        DELIVERY,
                        () -> Panache.getSession()
                                .chain(session -> session.createNativeQuery(
                                                "select * from notifications where status = 'PENDING' and next_attempt_at <= ?1"
                                                        + " order by next_attempt_at limit " + BATCH
                                                        + " for update skip locked",
                                                NotificationEntity.class)
                                        .setParameter(1, now)
                                        .getResultList())
                                .invoke(rows -> rows.forEach(r -> r.nextAttemptAt = now.plus(LEASE))))
                .chain(this::deliverAll)
                .chain(outcomes -> outcomes.isEmpty()
                        ? Uni.createFrom().item(0)
                        : scoped.transaction(DELIVERY, () -> record(outcomes)).replaceWith(outcomes.size()));
    }

    private Uni<List<Outcome>> deliverAll(List<NotificationEntity> rows) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NotificationEntity row : rows) {
            all = all.chain(() -> deliver(row)
                    .map(ignored -> new Outcome(row.id, Optional.<String>empty()))
                    .onFailure()
                    .recoverWithItem(f -> new Outcome(row.id, Optional.of(describe(f))))
                    .invoke(outcomes::add)
                    .replaceWithVoid());
        }
        return all.replaceWith(outcomes);
    }

    private Uni<Void> deliver(NotificationEntity row) {
        return switch (row.channel) {
            case WEBHOOK -> webhook(row);
            case EMAIL -> email(row);
        };
    }

    /** The e-mail with the files written with it (a hand-off's PDF summary and finding). */
    private Uni<Void> email(NotificationEntity row) {
        return scoped.transaction(
                        io.socaas.scope.TenantScope.of(row.tenantId),
                        () -> AttachmentEntity.<AttachmentEntity>list("notificationId", row.id))
                .chain(files -> {
                    Mail mail = Mail.withText(row.target, row.subject, row.body).setFrom(config.from());
                    for (AttachmentEntity file : files) {
                        mail.addAttachment(file.fileName, file.content, file.contentType);
                    }
                    return mailer.send(mail);
                });
    }

    private Uni<Void> webhook(NotificationEntity row) {
        String secret = row.secretRef == null ? null : config.webhookSecrets().get(row.secretRef);
        if (secret == null || secret.isEmpty()) {
            return Uni.createFrom()
                    .failure(new UndeliverableException("the signing secret '" + row.secretRef
                            + "' of endpoint " + row.endpointName + " is not configured"
                            + " (socaas.cases.notify.webhook-secrets." + row.secretRef + ")"));
        }
        long timestamp = clock.instant().getEpochSecond();
        return web.postAbs(row.target)
                .timeout(config.webhookTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(
                        WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, row.body))
                .putHeader(WebhookSignature.DELIVERY_HEADER, row.id.toString())
                .putHeader(WebhookSignature.EVENT_HEADER, row.eventType)
                .sendBuffer(Buffer.buffer(row.body))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("the receiver answered HTTP " + response.statusCode());
                    }
                    return response;
                })
                .replaceWithVoid();
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        Instant now = clock.instant();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Outcome outcome : outcomes) {
            all = all.chain(() -> NotificationEntity.<NotificationEntity>findById(outcome.id())
                    .invoke(row -> {
                        if (row == null || row.status != Status.PENDING) {
                            return;
                        }
                        row.attempts++;
                        if (outcome.error().isEmpty()) {
                            row.status = Status.DELIVERED;
                            row.deliveredAt = now;
                            row.nextAttemptAt = null;
                            row.lastError = null;
                            return;
                        }
                        row.lastError = outcome.error().get();
                        boolean undeliverable = row.lastError.startsWith(UndeliverableException.PREFIX);
                        Optional<Instant> next =
                                undeliverable ? Optional.empty() : retries.nextAttempt(row.attempts, now);
                        if (next.isPresent()) {
                            row.nextAttemptAt = next.get();
                            LOG.warnf(
                                    "notification %s (%s to %s) failed, attempt %d: %s",
                                    row.id, row.eventType, row.target, row.attempts, row.lastError);
                        } else {
                            row.status = Status.DEAD;
                            row.nextAttemptAt = null;
                            LOG.errorf(
                                    "notification %s (%s to %s) is dead after %d attempts: %s",
                                    row.id, row.eventType, row.target, row.attempts, row.lastError);
                        }
                    })
                    .replaceWithVoid());
        }
        return all;
    }

    private static String describe(Throwable f) {
        String message = f.getMessage() == null ? f.getClass().getSimpleName() : f.getMessage();
        return f instanceof UndeliverableException ? message : message.substring(0, Math.min(message.length(), 1000));
    }

    /** A delivery no retry can help: it is dead at once. */
    static final class UndeliverableException extends RuntimeException {
        static final String PREFIX = "undeliverable: ";

        UndeliverableException(String message) {
            super(PREFIX + message);
        }
    }
}
