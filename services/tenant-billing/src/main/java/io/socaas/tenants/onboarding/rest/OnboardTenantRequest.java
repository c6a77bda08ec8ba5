package io.socaas.tenants.onboarding.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.onboarding.domain.OnboardingRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tenants}. Validated by {@code OnboardingRules} (every bad member is named). */
@Schema(name = "OnboardTenantRequest")
public record OnboardTenantRequest(
        @JsonProperty("id")
        @Schema(
                description = "Tenant id: a DNS label of at most 40 characters",
                examples = "initech",
                maxLength = 40,
                pattern = "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$")
        String id,

        @JsonProperty("display_name") @Schema(examples = "Initech Corp", maxLength = 200)
        String displayName,

        @JsonProperty("plan") @Schema(description = "A plan of plans.yaml", examples = "standard")
        String plan,

        @JsonProperty("contact_email")
        @Schema(description = "E-mail of the tenant's first customer admin", examples = "it@initech.example")
        String contactEmail,

        @JsonProperty("time_zone") @Schema(description = "IANA time zone", examples = "Europe/Berlin")
        String timeZone) {

    OnboardingRequest toDomain() {
        return new OnboardingRequest(id, displayName, plan, contactEmail, timeZone);
    }
}
