package io.socaas.reporting.portal.domain;

import java.util.List;

/** The tenants the platform knows (tenant-config/tenants/*.yaml). */
public interface TenantCatalog {

    /** All known tenants, ordered by id. */
    List<TenantInfo> tenants();
}
