package io.socaas.correlation.rules.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What correlation needs of a tenant's {@code tenant-config/tenants/<id>.yaml}.
 *
 * @param status lifecycle status; rules run only for {@code active} tenants (or when no status is
 *     given)
 */
public record TenantProfile(TenantId id, String status, List<String> rulePacks) {

    public TenantProfile {
        Objects.requireNonNull(id, "id");
        status = status == null ? "" : status.trim();
        rulePacks = List.copyOf(rulePacks);
    }

    public boolean isActive() {
        return status.isEmpty() || status.toLowerCase(Locale.ROOT).equals("active");
    }
}
