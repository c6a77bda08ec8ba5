package io.socaas.cases.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.notify.persistence.AttachmentEntity;
import io.socaas.cases.notify.persistence.NotificationEntity;
import io.socaas.cases.notify.persistence.NotificationEntity.Channel;
import io.socaas.cases.notify.persistence.NotificationEntity.Kind;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.cases.v1.CaseEventType;
import io.socaas.proto.tenant.v1.Contact;
import io.socaas.proto.tenant.v1.NotificationEndpoint;
import io.socaas.proto.tenant.v1.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes notifications in the caller's transaction (so a notification exists exactly when the
 * change it tells of was committed); {@link io.socaas.cases.notify.delivery.NotificationDispatcher}
 * delivers them.
 */
@ApplicationScoped
public class Notifications {

    private final ObjectMapper json;

    Notifications(ObjectMapper json) {
        this.json = json;
    }

    /** The webhook event name of a case event: {@code case.opened}, {@code case.escalated}, ... */
    public static String eventType(CaseEventType type) {
        return "case." + type.name().substring("CASE_EVENT_TYPE_".length()).toLowerCase(Locale.ROOT);
    }

    /** One signed webhook per endpoint of the tenant for a published case change. */
    public Uni<Void> webhooks(CaseEvent event, TenantConfig tenant, Instant now) {
        if (tenant.getNotificationEndpointsCount() == 0) {
            return Uni.createFrom().voidItem();
        }
        String type = eventType(event.getType());
        return persistAll(endpointRows(
                tenant,
                UUID.fromString(event.getCaseId()),
                type,
                type + " " + event.getCaseId(),
                webhookBody(event, type),
                now));
    }

    /**
     * The hand-off of a case to the customer's CSIRT: its OCSF Incident Finding, signed, to each of
     * the tenant's webhooks ({@code case.handoff}). Answers how many deliveries were written.
     */
    public Uni<Integer> handOff(TenantConfig tenant, UUID caseId, String findingJson, Instant now) {
        List<NotificationEntity> rows =
                endpointRows(tenant, caseId, "case.handoff", "case.handoff " + caseId, findingJson, now);
        return persistAll(rows).replaceWith(rows.size());
    }

    private static List<NotificationEntity> endpointRows(
            TenantConfig tenant, UUID caseId, String type, String subject, String body, Instant now) {
        List<NotificationEntity> rows = new ArrayList<>();
        for (NotificationEndpoint endpoint : tenant.getNotificationEndpointsList()) {
            NotificationEntity row = NotificationEntity.pending(
                    tenant.getTenantId(),
                    caseId,
                    Channel.WEBHOOK,
                    Kind.NOTICE,
                    endpoint.getUrl(),
                    type,
                    subject,
                    body,
                    now);
            row.endpointName = endpoint.getName();
            row.secretRef = endpoint.getSecretRef();
            rows.add(row);
        }
        return rows;
    }

    /** An e-mail to each of the tenant's contacts (security contacts first; all when none is). */
    public Uni<Void> toContacts(
            TenantConfig tenant, UUID caseId, String eventType, String subject, String text, Instant now) {
        return persistAll(contactRows(tenant, caseId, eventType, subject, text, now));
    }

    /** A file sent with an e-mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /**
     * Like {@link #toContacts}, each e-mail with {@code attachments}; answers how many e-mails were
     * written.
     */
    public Uni<Integer> countedToContacts(
            TenantConfig tenant,
            UUID caseId,
            String eventType,
            String subject,
            String text,
            List<Attachment> attachments,
            Instant now) {
        List<NotificationEntity> rows = contactRows(tenant, caseId, eventType, subject, text, now);
        Uni<Void> all = persistAll(rows);
        for (NotificationEntity row : rows) {
            for (Attachment file : attachments) {
                all = all.chain(() -> AttachmentEntity.of(row, file.fileName(), file.contentType(), file.content())
                        .persist()
                        .replaceWithVoid());
            }
        }
        return all.replaceWith(rows.size());
    }

    private static List<NotificationEntity> contactRows(
            TenantConfig tenant, UUID caseId, String eventType, String subject, String text, Instant now) {
        List<Contact> security = tenant.getContactsList().stream()
                .filter(c -> c.getRole().equalsIgnoreCase("security"))
                .toList();
        List<Contact> to = security.isEmpty() ? tenant.getContactsList() : security;
        return to.stream()
                .filter(c -> !c.getEmail().isBlank())
                .map(c -> NotificationEntity.pending(
                        tenant.getTenantId(),
                        caseId,
                        Channel.EMAIL,
                        Kind.NOTICE,
                        c.getEmail(),
                        eventType,
                        subject,
                        text,
                        now))
                .toList();
    }

    /** An e-mail to an analyst (nothing when its profile has no address). */
    public Uni<Void> toAnalyst(
            String tenantId,
            UUID caseId,
            AnalystProfile analyst,
            Kind kind,
            String eventType,
            String subject,
            String text,
            Instant now) {
        if (analyst.email().isBlank() && kind == Kind.NOTICE) {
            return Uni.createFrom().voidItem();
        }
        return row(tenantId, caseId, analyst, kind, eventType, subject, text, now)
                .persist()
                .replaceWithVoid();
    }

    /**
     * A page to {@code analyst}, which goes on to the next analyst on the rota at {@code passOnAt}
     * unless acknowledged first ({@link io.socaas.cases.notify.paging.PagePassOn}).
     *
     * @param chain the page this one follows on from, or empty for the first page of an escalation
     */
    public Uni<NotificationEntity> page(
            String tenantId,
            UUID caseId,
            AnalystProfile analyst,
            Optional<NotificationEntity> chain,
            String subject,
            String text,
            Instant now,
            Instant passOnAt) {
        NotificationEntity row = row(tenantId, caseId, analyst, Kind.PAGE, "sla.page", subject, text, now);
        row.pageChain = chain.map(c -> c.pageChain).orElse(row.id);
        row.pageRound = chain.map(c -> c.pageRound + 1).orElse(1);
        row.passOnAt = passOnAt;
        return row.persist().replaceWith(row);
    }

    private static NotificationEntity row(
            String tenantId,
            UUID caseId,
            AnalystProfile analyst,
            Kind kind,
            String eventType,
            String subject,
            String text,
            Instant now) {
        NotificationEntity row = NotificationEntity.pending(
                tenantId, caseId, Channel.EMAIL, kind, analyst.email(), eventType, subject, text, now);
        row.analyst = analyst.username();
        if (analyst.email().isBlank()) {
            // a page without an address is still listed to the analyst; there is nothing to send
            row.status = NotificationEntity.Status.DEAD;
            row.nextAttemptAt = null;
            row.lastError = "analyst " + analyst.username() + " has no e-mail address in its profile";
        }
        return row;
    }

    private static Uni<Void> persistAll(List<NotificationEntity> rows) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NotificationEntity row : rows) {
            all = all.chain(() -> row.persist().replaceWithVoid());
        }
        return all;
    }

    private String webhookBody(CaseEvent e, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.getEventId());
        body.put("type", type);
        body.put("tenant", e.getTenantId());
        body.put("case_id", e.getCaseId());
        body.put("occurred_at", Instant.ofEpochMilli(e.getOccurredTimeMs()).toString());
        body.put("actor", e.getActor());
        body.put("status_before", wire(e.getStatusBefore().name()));
        body.put("status_after", wire(e.getStatusAfter().name()));
        body.put("assignee", e.getAssignee());
        body.put("severity", e.getSeverity());
        body.put("verdict", e.getVerdict());
        body.put("reason", e.getReason());
        body.put("case_version", e.getCaseVersion());
        body.put("opened_at", Instant.ofEpochMilli(e.getOpenedTimeMs()).toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a webhook body", ex);
        }
    }

    private static String wire(String statusName) {
        return statusName.startsWith("CASE_STATUS_")
                ? statusName.substring("CASE_STATUS_".length()).toLowerCase(Locale.ROOT)
                : statusName.toLowerCase(Locale.ROOT);
    }
}
