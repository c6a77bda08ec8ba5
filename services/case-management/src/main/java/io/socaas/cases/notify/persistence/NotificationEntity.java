package io.socaas.cases.notify.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code notifications}. */
@Entity
@Table(name = "notifications")
public class NotificationEntity extends PanacheEntityBase {

    public enum Channel {
        WEBHOOK,
        EMAIL
    }

    public enum Kind {
        NOTICE,
        PAGE
    }

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Channel channel;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(nullable = false)
    public String target;

    public String analyst;

    @Column(name = "endpoint_name")
    public String endpointName;

    @Column(name = "secret_ref")
    public String secretRef;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** Pages: the first page of the chain this one belongs to (its own id for the first). */
    @Column(name = "page_chain")
    public UUID pageChain;

    /** Pages: 1 for the first of a chain, 2 for the analyst it went on to, ... */
    @Column(name = "page_round")
    public Integer pageRound;

    /** Pages: when it goes on to the next analyst on the rota unless acknowledged; else null. */
    @Column(name = "pass_on_at")
    public Instant passOnAt;

    /** A new notification, due now. */
    public static NotificationEntity pending(
            String tenantId,
            UUID caseId,
            Channel channel,
            Kind kind,
            String target,
            String eventType,
            String subject,
            String body,
            Instant now) {
        NotificationEntity row = new NotificationEntity();
        row.id = UUID.randomUUID();
        row.tenantId = tenantId;
        row.caseId = caseId;
        row.channel = channel;
        row.kind = kind;
        row.target = target;
        row.eventType = eventType;
        row.subject = subject;
        row.body = body;
        row.status = Status.PENDING;
        row.attempts = 0;
        row.nextAttemptAt = now;
        row.createdAt = now;
        return row;
    }
}
