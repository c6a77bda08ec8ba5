package io.socaas.tenants.tenantconfig;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenantconfig.domain.SyncReport;
import io.socaas.tenants.tenantconfig.domain.TenantConfigError;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import io.socaas.tenants.tenantconfig.domain.TenantConfigSnapshot;
import io.socaas.tenants.tenantconfig.files.TenantConfigFolderReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Loads the GitOps tenant-config folder into the database: every valid tenant file is upserted, every
 * invalid one is logged at ERROR and skipped. Running it again with the same files changes nothing.
 */
@ApplicationScoped
public class TenantConfigSync {

    private static final Logger LOG = Logger.getLogger(TenantConfigSync.class);

    private final TenantConfigSettings settings;
    private final TenantService tenants;
    private final TenantConfigFolderReader reader = new TenantConfigFolderReader();
    private final AtomicReference<SyncReport> lastReport = new AtomicReference<>();

    TenantConfigSync(TenantConfigSettings settings, TenantService tenants) {
        this.settings = settings;
        this.tenants = tenants;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (settings.syncAtStartup()) {
            // Hibernate Reactive needs a Vert.x context; startup observers run on the main thread.
            VertxContextSupport.subscribeAndAwait(this::sync);
        }
    }

    /** Reads, validates and upserts the folder. Never fails: problems end up in the report and the log. */
    public Uni<SyncReport> sync() {
        TenantConfigSnapshot snapshot;
        try {
            snapshot = TenantConfigParser.parse(reader.read(settings.dir()));
        } catch (TenantConfigException e) {
            LOG.errorf("tenant-config %s not loaded: %s", settings.dir(), e.getMessage());
            return Uni.createFrom().item(record(SyncReport.failed(Instant.now(), e.getMessage())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "tenant-config %s not loaded", settings.dir());
            return Uni.createFrom().item(record(SyncReport.failed(Instant.now(), e.toString())));
        }
        for (TenantConfigError error : snapshot.errors()) {
            LOG.errorf("tenant-config: skipped %s", error.message());
        }

        List<String> loaded = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<TenantConfigError> errors = new ArrayList<>(snapshot.errors());
        return Multi.createFrom()
                .iterable(snapshot.tenants())
                .onItem()
                .transformToUniAndConcatenate(spec -> write(spec).invoke(outcome -> {
                    switch (outcome) {
                        case CHANGED -> {
                            loaded.add(spec.id().value());
                            changed.add(spec.id().value());
                        }
                        case UNCHANGED -> loaded.add(spec.id().value());
                        case FAILED ->
                            errors.add(new TenantConfigError(
                                    "tenants/" + spec.id() + ".yaml", "could not be written to the database"));
                    }
                }))
                .collect()
                .last()
                .map(ignored -> {
                    SyncReport report = new SyncReport(Instant.now(), loaded, changed, errors, null);
                    LOG.infof(
                            "tenant-config %s synced: %d tenants (%d changed), %d skipped",
                            settings.dir(), loaded.size(), changed.size(), errors.size());
                    return record(report);
                });
    }

    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    private Uni<Outcome> write(TenantSpec spec) {
        return TenantLogContext.withTenant(
                spec.id(),
                () -> tenants.apply(spec)
                        .map(changed -> changed ? Outcome.CHANGED : Outcome.UNCHANGED)
                        .onFailure()
                        .recoverWithItem(e -> {
                            LOG.errorf(e, "tenant-config: could not write tenant %s", spec.id());
                            return Outcome.FAILED;
                        }));
    }

    private SyncReport record(SyncReport report) {
        lastReport.set(report);
        return report;
    }

    private enum Outcome {
        CHANGED,
        UNCHANGED,
        FAILED
    }
}
