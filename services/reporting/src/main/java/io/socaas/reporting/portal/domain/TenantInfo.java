package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.Objects;

/**
 * A tenant as the portal shows it.
 *
 * @param suspended the tenant's service is suspended: the portal shows its data read-only
 */
public record TenantInfo(TenantId id, String displayName, boolean suspended) {

    public TenantInfo {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
    }

    public TenantInfo(TenantId id, String displayName) {
        this(id, displayName, false);
    }
}
