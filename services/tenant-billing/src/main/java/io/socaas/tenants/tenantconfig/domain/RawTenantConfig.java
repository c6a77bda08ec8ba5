package io.socaas.tenants.tenantconfig.domain;

import java.util.List;
import java.util.Objects;

/**
 * The tenant-config folder as read from disk, not yet validated.
 *
 * @param plans {@code plans.yaml}
 * @param tenants {@code tenants/*.yaml}, in file-name order
 * @param unreadable files that could not even be read as YAML
 */
public record RawTenantConfig(ConfigDocument plans, List<ConfigDocument> tenants, List<TenantConfigError> unreadable) {

    public RawTenantConfig {
        Objects.requireNonNull(plans, "plans");
        tenants = List.copyOf(tenants);
        unreadable = List.copyOf(unreadable);
    }
}
