package io.socaas.tenants.onboarding.domain;

import io.socaas.events.TenantId;
import java.time.ZoneId;
import java.util.Objects;

/** A validated onboarding request: the tenant to create and whom to make its first admin. */
public record NewTenant(TenantId id, String displayName, String plan, ZoneId timeZone, String contactEmail) {

    public NewTenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(contactEmail, "contactEmail");
    }

    /** The body as the idempotency check compares it: every member, in a fixed order. */
    public String canonicalForm() {
        return String.join("\u0000", id.value(), displayName, plan, timeZone.getId(), contactEmail);
    }
}
