package io.socaas.reporting.portal.domain;

import java.util.List;

/** Port: the tenants the platform knows, as tenant-billing publishes them. */
public interface TenantCatalog {

    /** All known tenants, ordered by id. */
    List<TenantInfo> tenants();
}
