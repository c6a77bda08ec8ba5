package io.socaas.tenants.tenant.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.tenant.domain.Tenant;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant as the REST API shows it. */
@Schema(name = "Tenant")
public record TenantView(
        @JsonProperty("tenant_id") @Schema(examples = "acme")
        String tenantId,

        @JsonProperty("display_name") @Schema(examples = "Acme Manufacturing GmbH")
        String displayName,

        @JsonProperty("plan") @Schema(examples = "standard") String plan,

        @JsonProperty("time_zone") @Schema(examples = "Europe/Berlin")
        String timeZone,

        @JsonProperty("status") @Schema(enumeration = {"provisioning", "active", "suspended", "failed", "offboarding"})
        String status,

        @JsonProperty("source")
        @Schema(
                enumeration = {"file", "api"},
                description = "Where the tenant is managed: its file in tenant-config/tenants/ or the onboarding API")
        String source,

        @JsonProperty("revision") @Schema(description = "Grows with every change; published on soc.tenants.v1")
        long revision,

        @JsonProperty("rule_packs") List<String> rulePacks,
        @JsonProperty("created_time") Instant createdTime,
        @JsonProperty("updated_time") Instant updatedTime) {

    public static TenantView of(Tenant tenant) {
        var spec = tenant.spec();
        return new TenantView(
                spec.id().value(),
                spec.displayName(),
                spec.plan(),
                spec.timeZone().getId(),
                spec.status().configValue(),
                tenant.source().value(),
                tenant.revision(),
                spec.rulePacks(),
                tenant.createdAt(),
                tenant.updatedAt());
    }
}
