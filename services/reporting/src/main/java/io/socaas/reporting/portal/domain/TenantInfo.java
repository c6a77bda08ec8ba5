package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A tenant as the portal shows it.
 *
 * @param suspended the tenant's service is suspended: the portal shows its data read-only
 * @param timeZone the tenant's time zone (its months, for SLA figures); UTC when it has none
 */
public record TenantInfo(TenantId id, String displayName, boolean suspended, ZoneId timeZone) {

    public TenantInfo {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    public TenantInfo(TenantId id, String displayName, boolean suspended) {
        this(id, displayName, suspended, ZoneOffset.UTC);
    }

    public TenantInfo(TenantId id, String displayName) {
        this(id, displayName, false);
    }
}
