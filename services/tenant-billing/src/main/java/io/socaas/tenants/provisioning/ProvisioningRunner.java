package io.socaas.tenants.provisioning;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.onboarding.OnboardingService;
import io.socaas.tenants.onboarding.OnboardingSettings;
import io.socaas.tenants.onboarding.domain.Backoff;
import io.socaas.tenants.onboarding.domain.Provisioning;
import io.socaas.tenants.onboarding.domain.StepFailedException;
import io.socaas.tenants.onboarding.domain.StepRecord;
import io.socaas.tenants.onboarding.domain.StepStatus;
import io.socaas.tenants.provisioning.keycloak.TenantOrganizations;
import io.socaas.tenants.provisioning.kubernetes.TenantNamespaces;
import io.socaas.tenants.provisioning.opensearch.TenantIndices;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs provisioning sagas: claims a due saga (row lock, lease), runs its remaining steps in order,
 * records each outcome, and on a failure leaves the saga due again after the backoff (or failed for
 * good). Sagas survive restarts: they are rows, and the runner looks for due ones every poll
 * interval; a new or resumed saga is started at once through {@link #kick()}.
 *
 * <p>Steps call Keycloak, OpenSearch and Kubernetes with blocking clients, so sagas run on the
 * runner's own threads, and database work is awaited there.
 */
@ApplicationScoped
public class ProvisioningRunner {

    private static final Logger LOG = Logger.getLogger(ProvisioningRunner.class);

    private final OnboardingService onboarding;
    private final OnboardingSettings settings;
    private final TenantOrganizations organizations;
    private final TenantIndices indices;
    private final TenantNamespaces namespaces;
    private final TenantFacts facts;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    ProvisioningRunner(
            OnboardingService onboarding,
            OnboardingSettings settings,
            TenantOrganizations organizations,
            TenantIndices indices,
            TenantNamespaces namespaces,
            TenantFacts facts) {
        this.onboarding = onboarding;
        this.settings = settings;
        this.organizations = organizations;
        this.indices = indices;
        this.namespaces = namespaces;
        this.facts = facts;
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.runner().enabled()) {
            LOG.info("provisioning runner disabled (socaas.onboarding.runner.enabled=false)");
            return;
        }
        workers = Executors.newFixedThreadPool(settings.runner().threads(), r -> {
            Thread t = new Thread(r, "provisioning-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "provisioning-ticker");
            t.setDaemon(true);
            return t;
        });
        long poll = settings.runner().pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::kick, poll, poll, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Looks for due sagas now, on every runner thread (each claims a different one). */
    public void kick() {
        if (workers == null) {
            return;
        }
        try {
            for (int i = 0; i < settings.runner().threads(); i++) {
                workers.execute(this::drain);
            }
        } catch (RejectedExecutionException stopping) {
            LOG.debug("provisioning runner is stopping");
        }
    }

    /** Runs due sagas until none is left. Returns how many were worked on. */
    public int drain() {
        int worked = 0;
        try {
            while (true) {
                Optional<Provisioning> claimed =
                        await(() -> onboarding.claimDue(settings.runner().lease()));
                if (claimed.isEmpty()) {
                    return worked;
                }
                worked++;
                run(claimed.get());
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "provisioning runner failed; it will look again in %s",
                    settings.runner().pollInterval());
            return worked;
        }
    }

    private void run(Provisioning saga) {
        TenantId id = saga.tenantId();
        MDC.put("tenant", id.value());
        try {
            Tenant tenant = await(() -> onboarding.tenant(id));
            for (StepRecord step : saga.steps()) {
                if (step.status() == StepStatus.DONE || step.status() == StepStatus.SKIPPED) {
                    continue;
                }
                // each step may take up to a lease: keep the claim so that no other runner starts it too
                if (!await(() -> onboarding.renewClaim(id, settings.runner().lease()))) {
                    LOG.infof("provisioning of tenant %s no longer runs; leaving it", id);
                    return;
                }
                try {
                    execute(step, saga, tenant);
                } catch (RuntimeException e) {
                    boolean permanent = e instanceof StepFailedException failed && failed.permanent();
                    String error = e instanceof StepFailedException ? e.getMessage() : e.toString();
                    await(() -> onboarding.stepFailed(id, step.step(), error, permanent, backoff()));
                    return;
                }
            }
            await(() -> onboarding.sagaCompleted(id));
        } finally {
            MDC.remove("tenant");
        }
    }

    private void execute(StepRecord step, Provisioning saga, Tenant tenant) {
        TenantId id = saga.tenantId();
        switch (step.step()) {
            case TENANT_RECORD -> await(() -> onboarding.stepCompleted(id, step.step(), StepStatus.DONE, "tenant row"));
            case KEYCLOAK_ORGANIZATION -> {
                TenantOrganizations.FirstAdmin admin =
                        organizations.apply(id, tenant.spec().displayName(), saga.contactEmail());
                await(() -> onboarding.adminCreated(
                        id,
                        admin.username(),
                        admin.initialPassword(),
                        "organization " + id + " (" + admin.organizationId() + "), admin " + admin.username()));
            }
            case INGEST_KEY -> await(() -> onboarding.issueFirstIngestKey(id));
            case OPENSEARCH_INDEX -> {
                String made = indices.apply(id);
                await(() -> onboarding.stepCompleted(id, step.step(), StepStatus.DONE, made));
            }
            case KUBERNETES_NAMESPACE -> {
                if (settings.kubernetes().enabled()) {
                    String made = namespaces.apply(id);
                    await(() -> onboarding.stepCompleted(id, step.step(), StepStatus.DONE, made));
                } else {
                    String reason = settings.kubernetes()
                            .skipReason()
                            .orElse("no Kubernetes cluster is configured (socaas.onboarding.kubernetes.enabled=false)");
                    await(() -> onboarding.stepCompleted(id, step.step(), StepStatus.SKIPPED, reason));
                }
            }
            case PUBLISH -> {
                TenantStatus status = await(() -> onboarding.activate(id));
                long revision = await(() -> facts.changed(id)).getRevision();
                await(() -> onboarding.stepCompleted(
                        id,
                        step.step(),
                        StepStatus.DONE,
                        "status " + status.configValue() + ", revision " + revision + " on soc.tenants.v1"));
            }
        }
    }

    private Backoff backoff() {
        var retry = settings.retry();
        return new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.maxAttempts());
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
