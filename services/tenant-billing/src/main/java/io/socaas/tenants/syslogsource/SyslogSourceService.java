package io.socaas.tenants.syslogsource;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.syslogports.TenantPorts;
import io.socaas.syslogports.TenantPortsConfig;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.lifecycle.domain.LifecycleConflictException;
import io.socaas.tenants.onboarding.domain.FieldError;
import io.socaas.tenants.onboarding.domain.InvalidFieldsException;
import io.socaas.tenants.syslogsource.domain.FileManagedSourcesException;
import io.socaas.tenants.syslogsource.domain.SyslogSourceClaimedException;
import io.socaas.tenants.syslogsource.domain.SyslogSourceClaimedException.Claim;
import io.socaas.tenants.syslogsource.domain.SyslogSourceNotFoundException;
import io.socaas.tenants.tenant.domain.SyslogSourceClaims;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.SyslogSourceRepository;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The syslog sources of the tenants managed through the API: listed for any tenant, changed only
 * for API tenants (a file tenant's are its file's). A change takes its port and certificates only
 * when no other source holds them and the port is one tenants may have ({@code
 * socaas.syslog.tenant-ports.*}), and is published with the tenant's next revision on {@code
 * soc.tenants.v1}, from which ingestion opens and closes the ports.
 */
@ApplicationScoped
public class SyslogSourceService {

    private static final Logger LOG = Logger.getLogger(SyslogSourceService.class);

    /** The outcome of a put. */
    public record Put(TenantSettings.SyslogSource source, boolean created) {}

    private final TenantRepository tenants;
    private final SyslogSourceRepository sources;
    private final ScopedTransactions scoped;
    private final TenantFacts facts;
    private final TenantPorts ports;
    private final Clock clock = Clock.systemUTC();

    SyslogSourceService(
            TenantRepository tenants,
            SyslogSourceRepository sources,
            ScopedTransactions scoped,
            TenantFacts facts,
            TenantPortsConfig ports) {
        this.tenants = tenants;
        this.sources = sources;
        this.scoped = scoped;
        this.facts = facts;
        this.ports = ports.ports();
    }

    /** The tenant with its sources (file or API), for reading. */
    public Uni<Tenant> tenant(TenantId id) {
        return scoped.transaction(
                TenantScope.of(id.value()),
                () -> tenants.find(id).map(found -> found.orElseThrow(() -> new TenantNotFoundException(id))));
    }

    /**
     * Adds or replaces the API tenant's source of that name and publishes the tenant.
     *
     * @param discloseHolders whether a refusal may name another tenant's source (MSSP administrators)
     */
    public Uni<Put> put(TenantId id, TenantSettings.SyslogSource source, boolean discloseHolders) {
        if (source.port() > 0) {
            ports.refusal(source.port()).ifPresent(reason -> {
                throw new InvalidFieldsException(List.of(new FieldError("port", reason)));
            });
        }
        // the claims of every tenant are read and taken under one lock: no two changes both see a port free
        return scoped.transaction(
                        TenantScope.system("syslog source claims are checked across tenants"),
                        () -> sources.lockClaims().chain(tenants::listTenants).flatMap(all -> {
                            Tenant tenant = changeable(id, all);
                            refuseClaimed(tenant, source, all, discloseHolders);
                            return sources.put(id, source, clock.instant());
                        }))
                .call(() -> facts.changed(id))
                .invoke(created -> LOG.infof(
                        "syslog source '%s' %s (port %d, %d certificate binding(s))",
                        source.name(),
                        created ? "added" : "changed",
                        source.port(),
                        source.clientCertificates().size()))
                .map(created -> new Put(source, created));
    }

    /** Removes the API tenant's source and publishes the tenant: ingestion closes its port. */
    public Uni<Void> remove(TenantId id, String name) {
        return scoped.transaction(
                        TenantScope.of(id.value()),
                        () -> tenants.find(id)
                                .map(found -> changeable(id, found.stream().toList()))
                                .flatMap(tenant -> sources.remove(id, name))
                                .invoke(removed -> {
                                    if (!removed) {
                                        throw new SyslogSourceNotFoundException(id, name);
                                    }
                                }))
                .call(() -> facts.changed(id))
                .invoke(() -> LOG.infof("syslog source '%s' removed", name))
                .replaceWithVoid();
    }

    private static Tenant changeable(TenantId id, List<Tenant> all) {
        Tenant tenant = all.stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new TenantNotFoundException(id));
        if (tenant.source() == TenantSource.FILE) {
            throw new FileManagedSourcesException(id);
        }
        if (tenant.status() == TenantStatus.OFFBOARDING || tenant.status() == TenantStatus.OFFBOARDED) {
            throw new LifecycleConflictException(
                    "tenant '" + id + "' is " + tenant.status().configValue() + "; its syslog sources cannot change");
        }
        return tenant;
    }

    private static void refuseClaimed(
            Tenant tenant, TenantSettings.SyslogSource source, List<Tenant> all, boolean discloseHolders) {
        List<Claim> claims = new ArrayList<>();
        // the tenant's other sources: two of its own on one port would leave ingestion to pick one
        for (TenantSettings.SyslogSource other : tenant.spec().settings().syslogSources()) {
            if (!other.name().equals(source.name()) && source.port() > 0 && other.port() == source.port()) {
                claims.add(new Claim("port " + source.port(), resource(tenant, other.name())));
            }
        }
        List<TenantSettings.SyslogSource> after =
                new ArrayList<>(tenant.spec().settings().syslogSources());
        after.removeIf(s -> s.name().equals(source.name()));
        after.add(source);
        TenantSpec candidate = withSources(tenant.spec(), after);
        List<TenantSpec> others = all.stream()
                .filter(t -> !t.id().equals(tenant.id()) && t.status() != TenantStatus.OFFBOARDED)
                .map(Tenant::spec)
                .toList();
        Map<TenantId, Tenant> byId = all.stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
        for (SyslogSourceClaims.Conflict conflict : SyslogSourceClaims.conflictsOf(List.of(candidate), others)) {
            claims.add(new Claim(
                    conflict.claim(),
                    discloseHolders ? resource(byId.get(conflict.holder()), conflict.holderSource()) : null));
        }
        if (!claims.isEmpty()) {
            throw new SyslogSourceClaimedException(claims);
        }
    }

    /** Where the holder's source is managed. */
    private static String resource(Tenant holder, String source) {
        return holder.source() == TenantSource.API
                ? "/api/v1/tenants/" + holder.id() + "/syslog-sources/" + source
                : "tenant-config/tenants/" + holder.id() + ".yaml#syslog_sources/" + source;
    }

    private static TenantSpec withSources(TenantSpec spec, List<TenantSettings.SyslogSource> sources) {
        TenantSettings s = spec.settings();
        return new TenantSpec(
                spec.id(),
                spec.displayName(),
                spec.plan(),
                spec.timeZone(),
                spec.status(),
                spec.rulePacks(),
                new TenantSettings(
                        s.contacts(),
                        s.ruleOverrides(),
                        s.notificationEndpoints(),
                        s.placeholders(),
                        s.holidays(),
                        sources));
    }
}
