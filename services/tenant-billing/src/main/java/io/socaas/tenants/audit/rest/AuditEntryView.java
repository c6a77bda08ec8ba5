package io.socaas.tenants.audit.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.audit.domain.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit trail entry as the API shows it. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        @JsonProperty("entry_id") String entryId,
        @JsonProperty("time") Instant time,

        @JsonProperty("service") @Schema(examples = "case-management")
        String service,

        @JsonProperty("actor") @Schema(examples = "sam") String actor,

        @JsonProperty("subject") @Schema(description = "Token subject")
        String subject,

        @JsonProperty("client_id") @Schema(examples = "socaas-portal")
        String clientId,

        @JsonProperty("actor_roles") List<String> actorRoles,

        @JsonProperty("action")
        @Schema(
                examples = {
                    "POST /api/v1/tenants/{tenantId}:suspend",
                    "gRPC socaas.detection.v1.DetectionService/UploadIntel"
                })
        String action,

        @JsonProperty("target") @Schema(description = "The object acted on, e.g. its path parameters")
        String target,

        @JsonProperty("tenant_id") @Schema(description = "Null for a platform-wide action")
        String tenantId,

        @JsonProperty("before")
        @Schema(
                description = "The object before the action, as JSON text: only the fields the action changed"
                        + " (a field it added is null here); the whole object for a removal; null for a creation or"
                        + " when unknown. Never a secret.",
                examples = "{\"status\":\"open\",\"assignee\":null}")
        String before,

        @JsonProperty("after")
        @Schema(
                description = "The object after the action, as JSON text: only the fields the action changed; the"
                        + " whole object for a creation; null for a removal or when unknown. Never a secret.",
                examples = "{\"status\":\"acknowledged\",\"assignee\":\"ana\"}")
        String after,

        @JsonProperty("request_id") String requestId,

        @JsonProperty("trace_id") @Schema(description = "W3C trace id (OpenTelemetry)")
        String traceId,

        @JsonProperty("status") @Schema(description = "HTTP status, or gRPC status code (0 = OK)")
        int status,

        @JsonProperty("outcome") @Schema(enumeration = {"succeeded", "refused", "failed"})
        String outcome) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(
                e.entryId(),
                e.at(),
                e.service(),
                e.actor(),
                e.subject(),
                e.clientId(),
                e.actorRoles(),
                e.action(),
                e.target(),
                e.tenantId(),
                e.beforeJson(),
                e.afterJson(),
                e.requestId(),
                e.traceId(),
                e.status(),
                e.outcome());
    }
}
