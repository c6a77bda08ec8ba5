package io.socaas.tenants.audit.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.audit.domain.AuditEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit log entry as the API shows it. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        @JsonProperty("time") Instant time,
        @JsonProperty("actor") @Schema(examples = "sam") String actor,

        @JsonProperty("subject") @Schema(description = "Token subject")
        String subject,

        @JsonProperty("client_id") @Schema(examples = "socaas-portal")
        String clientId,

        @JsonProperty("action") @Schema(examples = "POST /api/v1/tenants/{tenantId}:suspend")
        String action,

        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("status") int status,

        @JsonProperty("outcome") @Schema(enumeration = {"succeeded", "refused", "failed"})
        String outcome) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(
                e.at(),
                e.actor(),
                e.subject(),
                e.clientId(),
                e.action(),
                e.tenantId(),
                e.requestId(),
                e.status(),
                e.outcome());
    }
}
