package io.socaas.reporting.portal.tenantfacts;

import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.reporting.portal.domain.TenantCatalog;
import io.socaas.reporting.portal.domain.TenantInfo;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * The tenants the portal knows: every tenant published on {@code soc.tenants.v1} (tenant-billing is
 * their one owner), current within seconds of a change. Tenants still being provisioned, failed or
 * being offboarded are not offered.
 */
@ApplicationScoped
public class TenantFactsCatalog implements TenantCatalog {

    private final TenantFactsReader<TenantConfig> facts;

    TenantFactsCatalog(TenantFactsReader<TenantConfig> facts) {
        this.facts = facts;
    }

    @Override
    public List<TenantInfo> tenants() {
        return facts.values().stream()
                .filter(config -> config.getStatus() == TenantStatus.TENANT_STATUS_ACTIVE
                        || config.getStatus() == TenantStatus.TENANT_STATUS_SUSPENDED)
                .map(config -> new TenantInfo(
                        TenantId.of(config.getTenantId()),
                        config.getDisplayName(),
                        config.getStatus() == TenantStatus.TENANT_STATUS_SUSPENDED))
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList();
    }
}
