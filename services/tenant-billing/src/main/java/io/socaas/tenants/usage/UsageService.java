package io.socaas.tenants.usage;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.domain.MeteredMinute;
import io.socaas.tenants.usage.domain.UsagePeriod;
import io.socaas.tenants.usage.domain.UsageReport;
import io.socaas.tenants.usage.persistence.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/** The usage aggregate: storing metered minutes once, and daily totals in the tenant's time zone. */
@ApplicationScoped
public class UsageService {

    private final UsageRepository usage;
    private final TenantFacts tenants;

    UsageService(UsageRepository usage, TenantFacts tenants) {
        this.usage = usage;
        this.tenants = tenants;
    }

    /**
     * Stores one metered minute; a usage id already stored is ignored.
     *
     * @return whether it was new
     */
    public Uni<Boolean> record(MeteredMinute minute) {
        return usage.insertIfAbsent(minute);
    }

    /**
     * The tenant's usage per day of its time zone over the period, zero days included.
     *
     * @throws TenantNotFoundException (as failure) when the tenant does not exist
     */
    public Uni<UsageReport> daily(TenantId tenant, UsagePeriod period) {
        return timeZoneOf(tenant)
                .flatMap(zone -> usage.daily(tenant, period, zone)
                        .map(days -> new UsageReport(tenant, zone, period.everyDay(days))));
    }

    private Uni<ZoneId> timeZoneOf(TenantId tenant) {
        return tenants.resolve(tenant)
                .map(config -> config.map(c -> ZoneId.of(c.getTimeZone()))
                        .orElseThrow(() -> new TenantNotFoundException(tenant)));
    }
}
