package io.socaas.tenants.tenant.domain;

import io.socaas.events.TenantId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a tenant should look like, as declared in {@code tenant-config/tenants/<id>.yaml} or through
 * the onboarding API: the desired state written to the database.
 */
public record TenantSpec(
        TenantId id,
        String displayName,
        String plan,
        ZoneId timeZone,
        TenantStatus status,
        List<String> rulePacks,
        TenantSettings settings) {

    public TenantSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        rulePacks = List.copyOf(rulePacks);
        settings = settings == null ? TenantSettings.none() : settings;
    }

    public TenantSpec(
            TenantId id,
            String displayName,
            String plan,
            ZoneId timeZone,
            TenantStatus status,
            List<String> rulePacks) {
        this(id, displayName, plan, timeZone, status, rulePacks, TenantSettings.none());
    }
}
