package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.Objects;

/** A tenant as the portal's tenant chooser shows it. */
public record TenantInfo(TenantId id, String displayName) {

    public TenantInfo {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
    }
}
