package io.socaas.tenants.onboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.socaas.tenants.onboarding.domain.OneTimeCredential;
import io.socaas.tenants.onboarding.domain.Provisioning;
import io.socaas.tenants.onboarding.domain.StepRecord;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.rest.TenantView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant with its provisioning (tenants onboarded through the API) and, exactly once, the
 * credentials the provisioning made.
 */
@Schema(name = "TenantDetails")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantDetailsView(
        @JsonUnwrapped TenantView tenant,

        @JsonProperty("provisioning") @Schema(description = "Absent for tenants of tenant-config/")
        ProvisioningView provisioning,

        @JsonProperty("initial_credentials")
        @Schema(description = "Present once: in the first answer that can show them, never again")
        InitialCredentialsView initialCredentials) {

    static TenantDetailsView of(Tenant tenant, Provisioning provisioning, List<OneTimeCredential> credentials) {
        return new TenantDetailsView(
                TenantView.of(tenant),
                provisioning == null ? null : ProvisioningView.of(provisioning),
                InitialCredentialsView.of(credentials));
    }

    /** The saga's state and each step's. */
    @Schema(name = "Provisioning")
    public record ProvisioningView(
            @JsonProperty("state") @Schema(enumeration = {"running", "done", "failed"})
            String state,

            @JsonProperty("contact_email") String contactEmail,
            @JsonProperty("requested_by") String requestedBy,
            @JsonProperty("steps") List<StepView> steps) {

        static ProvisioningView of(Provisioning p) {
            return new ProvisioningView(
                    p.state().wireName(),
                    p.contactEmail(),
                    p.requestedBy(),
                    p.steps().stream().map(StepView::of).toList());
        }
    }

    /** One step: {@code pending}, {@code done}, {@code failed} or {@code skipped}, with its error. */
    @Schema(name = "ProvisioningStep")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(
            @JsonProperty("name") @Schema(examples = "keycloak-organization")
            String name,

            @JsonProperty("status") @Schema(enumeration = {"pending", "done", "failed", "skipped"})
            String status,

            @JsonProperty("attempts") int attempts,

            @JsonProperty("error") @Schema(description = "Why the last attempt failed")
            String error,

            @JsonProperty("detail") @Schema(description = "What the step made, or why it was skipped")
            String detail,

            @JsonProperty("updated_time") Instant updatedTime) {

        static StepView of(StepRecord s) {
            return new StepView(
                    s.step().wireName(), s.status().wireName(), s.attempts(), s.lastError(), s.detail(), s.updatedAt());
        }
    }

    /** Secrets shown once. */
    @Schema(name = "InitialCredentials")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InitialCredentialsView(
            @JsonProperty("admin_username") String adminUsername,

            @JsonProperty("admin_initial_password")
            @Schema(description = "One-time password; the admin must change it at first login")
            String adminInitialPassword,

            @JsonProperty("ingest_key_id") String ingestKeyId,

            @JsonProperty("ingest_key") @Schema(description = "The first ingest key; store it now")
            String ingestKey) {

        static InitialCredentialsView of(List<OneTimeCredential> credentials) {
            if (credentials == null || credentials.isEmpty()) {
                return null;
            }
            String user = null;
            String password = null;
            String keyId = null;
            String key = null;
            for (OneTimeCredential c : credentials) {
                if (OnboardingService.ADMIN_PASSWORD.equals(c.kind())) {
                    user = c.reference();
                    password = c.secret();
                } else if (OnboardingService.INGEST_KEY.equals(c.kind())) {
                    keyId = c.reference();
                    key = c.secret();
                }
            }
            return new InitialCredentialsView(user, password, keyId, key);
        }

        @Override
        public String toString() {
            return "InitialCredentialsView[adminUsername=" + adminUsername + ", ingestKeyId=" + ingestKeyId
                    + ", secrets=<redacted>]";
        }
    }
}
