package io.socaas.tenants.tenantconfig;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.Actor;
import io.socaas.audittrail.AuditChange;
import io.socaas.audittrail.AuditRecord;
import io.socaas.audittrail.AuditTrail;
import io.socaas.events.TenantId;
import io.socaas.syslogports.TenantPorts;
import io.socaas.syslogports.TenantPortsConfig;
import io.socaas.tenants.facts.KafkaTenantFacts;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.SyslogSourceClaims;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSourceConflictException;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.rest.TenantView;
import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import io.socaas.tenants.tenantconfig.domain.SyncReport;
import io.socaas.tenants.tenantconfig.domain.TenantConfigError;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import io.socaas.tenants.tenantconfig.domain.TenantConfigSnapshot;
import io.socaas.tenants.tenantconfig.files.TenantConfigFolderReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the GitOps tenant-config folder: the folder is validated as a whole, and only when every
 * file is valid are its tenants written, all in one transaction; a bad file is refused with its
 * file, line and reason and nothing of that sync is applied. Every tenant that changed is then
 * published on {@code soc.tenants.v1}. Running it again with the same files changes nothing.
 *
 * <p>The sync owns configuration, not operational state: a status set through the API (suspended,
 * say) stays, and tenants created through the API cannot be declared by a file.
 */
@ApplicationScoped
public class TenantConfigSync {

    private static final Logger LOG = Logger.getLogger(TenantConfigSync.class);

    private final TenantConfigSettings settings;
    private final TenantService tenants;
    private final Plans plans;
    private final KafkaTenantFacts facts;
    private final TenantConfigFolderReader reader = new TenantConfigFolderReader();
    private final AtomicReference<SyncReport> lastReport = new AtomicReference<>();
    private final TenantPorts tenantPorts;
    private final AuditTrail trail;

    TenantConfigSync(
            TenantConfigSettings settings,
            TenantService tenants,
            Plans plans,
            KafkaTenantFacts facts,
            TenantPortsConfig tenantPorts,
            AuditTrail trail) {
        this.trail = trail;
        this.tenantPorts = tenantPorts.ports();
        this.settings = settings;
        this.tenants = tenants;
        this.plans = plans;
        this.facts = facts;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (settings.syncAtStartup()) {
            // Hibernate Reactive needs a Vert.x context; startup observers run on the main thread.
            VertxContextSupport.subscribeAndAwait(this::sync);
        }
        // Every tenant is published at start, so that a reader of the compacted topic never misses
        // one (e.g. after the topic was recreated). Kafka may still be starting: retry for a while.
        VertxContextSupport.subscribeAndAwait(() -> facts.publishAll()
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5))
                .atMost(10)
                .invoke(count -> LOG.infof("published %d tenants on soc.tenants.v1", count))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf(e, "could not publish the tenants on soc.tenants.v1");
                    return 0;
                }));
    }

    /** Reads, validates and applies the folder. Never fails: problems end up in the report and the log. */
    public Uni<SyncReport> sync() {
        return sync(settings.dir());
    }

    /** {@link #sync()} of another folder (an operator's checkout, a test's). */
    public Uni<SyncReport> sync(Path folder) {
        TenantConfigSnapshot snapshot;
        try {
            snapshot = TenantConfigParser.parse(reader.read(folder));
        } catch (TenantConfigException e) {
            LOG.errorf("tenant-config %s not applied: %s", folder, e.getMessage());
            return Uni.createFrom().item(record(SyncReport.failed(Instant.now(), e.getMessage(), List.of(e.error()))));
        } catch (RuntimeException e) {
            LOG.errorf(e, "tenant-config %s not applied", folder);
            return Uni.createFrom().item(record(SyncReport.failed(Instant.now(), e.toString(), List.of())));
        }
        if (!snapshot.errors().isEmpty()) {
            for (TenantConfigError error : snapshot.errors()) {
                LOG.errorf("tenant-config: %s", error.message());
            }
            String failure = snapshot.errors().size() + " invalid file(s); nothing of this sync was applied";
            LOG.errorf("tenant-config %s not applied: %s", folder, failure);
            return Uni.createFrom().item(record(SyncReport.failed(Instant.now(), failure, snapshot.errors())));
        }
        // a port of the platform's own listeners (or outside the tenant port range) is no tenant's
        for (TenantSpec spec : snapshot.tenants()) {
            for (TenantSettings.SyslogSource source : spec.settings().syslogSources()) {
                Optional<String> refusal = source.port() > 0 ? tenantPorts.refusal(source.port()) : Optional.empty();
                if (refusal.isPresent()) {
                    TenantConfigError error = new TenantConfigError(
                            "tenants/" + spec.id() + ".yaml",
                            "syslog_sources: " + source.name() + ": " + refusal.get());
                    LOG.errorf("tenant-config %s not applied: %s", folder, error.message());
                    return Uni.createFrom()
                            .item(record(SyncReport.failed(
                                    Instant.now(), "nothing of this sync was applied", List.of(error))));
                }
            }
        }
        List<String> declared =
                snapshot.tenants().stream().map(spec -> spec.id().value()).toList();
        PlanCatalog before = plans.current();
        AtomicReference<List<Tenant>> tenantsBefore = new AtomicReference<>(List.of());
        return tenants.list("tenant-config sync: plans in use")
                .invoke(tenantsBefore::set)
                .flatMap(listed -> {
                    // a tenant of the API is not in the folder: its plan must not disappear under it
                    List<Tenant> existing = listed.stream()
                            .filter(t -> t.spec().status() != TenantStatus.OFFBOARDED)
                            .toList();
                    for (Tenant tenant : existing) {
                        if (tenant.source() == TenantSource.API
                                && !snapshot.plans().contains(tenant.spec().plan())) {
                            return Uni.createFrom()
                                    .failure(new TenantConfigException(
                                            TenantConfigFolderReader.PLANS_FILE,
                                            "plan '" + tenant.spec().plan() + "' is used by tenant '" + tenant.id()
                                                    + "' (onboarded through the API); keep the plan or move the tenant"
                                                    + " to another plan first"));
                        }
                    }
                    // ports and certificates of the folder's syslog sources must be free on the platform
                    Map<TenantId, List<String>> claimed = SyslogSourceClaims.conflicts(
                            snapshot.tenants(),
                            existing.stream().map(Tenant::spec).toList());
                    if (!claimed.isEmpty()) {
                        var first = claimed.entrySet().iterator().next();
                        return Uni.createFrom()
                                .failure(new TenantConfigException(
                                        "tenants/" + first.getKey() + ".yaml", String.join("; ", first.getValue())));
                    }
                    // a changed plan changes every tenant on it, whoever manages the tenant
                    Set<TenantId> onChangedPlans = existing.stream()
                            .filter(t -> !Objects.equals(
                                    before.find(t.spec().plan()),
                                    snapshot.plans().find(t.spec().plan())))
                            .map(Tenant::id)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    return tenants.applyAll(snapshot.tenants()).map(changed -> {
                        Set<TenantId> all = new LinkedHashSet<>(changed);
                        all.addAll(onChangedPlans);
                        return List.copyOf(all);
                    });
                })
                .invoke(() -> plans.replace(snapshot.plans()))
                .call(changed -> publish(changed))
                .call(changed -> audit(folder, tenantsBefore.get(), changed))
                .map(changed -> {
                    SyncReport report = new SyncReport(
                            Instant.now(),
                            declared,
                            changed.stream().map(TenantId::value).toList(),
                            List.of(),
                            null);
                    LOG.infof(
                            "tenant-config %s applied: %d tenants, %d changed",
                            folder, declared.size(), changed.size());
                    return record(report);
                })
                .onFailure(TenantConfigException.class)
                .recoverWithItem(e -> {
                    TenantConfigError error = ((TenantConfigException) e).error();
                    LOG.errorf("tenant-config not applied: %s", error.message());
                    return record(SyncReport.failed(Instant.now(), "nothing of this sync was applied", List.of(error)));
                })
                .onFailure(TenantSourceConflictException.class)
                .recoverWithItem(e -> {
                    TenantSourceConflictException conflict = (TenantSourceConflictException) e;
                    TenantConfigError error =
                            new TenantConfigError("tenants/" + conflict.tenantId() + ".yaml", conflict.getMessage());
                    LOG.errorf("tenant-config not applied: %s", error.message());
                    return record(SyncReport.failed(Instant.now(), "nothing of this sync was applied", List.of(error)));
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf(e, "tenant-config %s could not be written", folder);
                    return record(
                            SyncReport.failed(Instant.now(), "could not be written: " + e.getMessage(), List.of()));
                });
    }

    /**
     * One audit entry per tenant the sync changed, with what changed (plan, settings, display name
     * and the rest of the tenant's view): the sync runs at start and on a schedule on no one's
     * request, so the entry's actor is the platform's tenant-config job; a sync asked for through
     * the API is audited besides as that request, with its caller.
     */
    private Uni<Void> audit(Path folder, List<Tenant> before, List<TenantId> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<TenantId, Tenant> was = before.stream().collect(Collectors.toMap(Tenant::id, t -> t, (a, b) -> a));
        String traceId = AuditTrail.currentTraceId();
        return tenants.list("tenant-config sync: audit of the changes")
                .call(after -> {
                    Map<TenantId, Tenant> is =
                            after.stream().collect(Collectors.toMap(Tenant::id, t -> t, (a, b) -> a));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (TenantId id : changed) {
                        Tenant from = was.get(id);
                        Tenant to = is.get(id);
                        AuditChange change = trail.change(
                                from == null ? null : TenantView.of(from), to == null ? null : TenantView.of(to));
                        AuditRecord entry = new AuditRecord(
                                Instant.now(),
                                trail.service(),
                                Actor.system("tenant-config"),
                                id.value(),
                                "tenant-config sync " + (from == null ? "created" : "changed") + " the tenant",
                                "tenant " + id + " from " + folder,
                                change.beforeJson(),
                                change.afterJson(),
                                "",
                                traceId,
                                200,
                                AuditRecord.SUCCEEDED);
                        chain = chain.chain(() -> trail.recordOrLog(entry));
                    }
                    return chain;
                })
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    // the changes are applied and published: a missing audit entry is logged, not a failed sync
                    LOG.errorf(e, "tenant-config sync: the changes of %s could not be audited", changed);
                    return null;
                });
    }

    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    private Uni<Void> publish(List<TenantId> changed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TenantId id : changed) {
            chain = chain.chain(() -> facts.changed(id).replaceWithVoid());
        }
        return chain;
    }

    private SyncReport record(SyncReport report) {
        lastReport.set(report);
        return report;
    }
}
