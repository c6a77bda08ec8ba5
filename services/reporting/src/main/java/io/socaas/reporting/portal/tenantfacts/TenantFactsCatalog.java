package io.socaas.reporting.portal.tenantfacts;

import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.reporting.portal.domain.RuleSelection;
import io.socaas.reporting.portal.domain.RuleSelections;
import io.socaas.reporting.portal.domain.TenantCatalog;
import io.socaas.reporting.portal.domain.TenantInfo;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The tenants the portal knows: every tenant published on {@code soc.tenants.v1} (tenant-billing is
 * their one owner), current within seconds of a change. Tenants still being provisioned, failed or
 * being offboarded are not offered. Each tenant's enabled rule packs and rule overrides come from the
 * same facts.
 */
@ApplicationScoped
public class TenantFactsCatalog implements TenantCatalog, RuleSelections {

    private static final Logger LOG = Logger.getLogger(TenantFactsCatalog.class);

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
                        config.getStatus() == TenantStatus.TENANT_STATUS_SUSPENDED,
                        timeZone(config)))
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList();
    }

    /** The tenant's IANA time zone; UTC when it has none or one this JVM does not know. */
    private static ZoneId timeZone(TenantConfig config) {
        String zone = config.getTimeZone();
        if (zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            LOG.warnf("tenant %s has an unknown time zone '%s'; using UTC", config.getTenantId(), zone);
            return ZoneOffset.UTC;
        }
    }

    @Override
    public RuleSelection of(TenantId tenant) {
        return facts.get(tenant).map(TenantFactsCatalog::selection).orElse(RuleSelection.NONE);
    }

    private static RuleSelection selection(TenantConfig config) {
        Map<String, Set<String>> disabledByPack = new HashMap<>();
        for (RulePackSelection pack : config.getRulePacksList()) {
            Set<String> disabled = disabledByPack.computeIfAbsent(pack.getPackId(), id -> new HashSet<>());
            pack.getOverridesList().stream()
                    .filter(RuleOverride::getDisabled)
                    .map(RuleOverride::getRuleId)
                    .forEach(disabled::add);
        }
        return new RuleSelection(disabledByPack);
    }
}
