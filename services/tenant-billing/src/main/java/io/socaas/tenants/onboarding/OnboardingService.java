package io.socaas.tenants.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenantindices.TenantIndexLayout;
import io.socaas.tenants.ingestkey.IngestKeyService;
import io.socaas.tenants.ingestkey.domain.IngestKeySecrets;
import io.socaas.tenants.onboarding.domain.Backoff;
import io.socaas.tenants.onboarding.domain.IdempotencyKeyReusedException;
import io.socaas.tenants.onboarding.domain.NewTenant;
import io.socaas.tenants.onboarding.domain.OnboardingRequest;
import io.socaas.tenants.onboarding.domain.OnboardingRules;
import io.socaas.tenants.onboarding.domain.OneTimeCredential;
import io.socaas.tenants.onboarding.domain.Provisioning;
import io.socaas.tenants.onboarding.domain.ProvisioningNotRetryableException;
import io.socaas.tenants.onboarding.domain.ProvisioningState;
import io.socaas.tenants.onboarding.domain.ProvisioningStep;
import io.socaas.tenants.onboarding.domain.StepStatus;
import io.socaas.tenants.onboarding.domain.TenantIdInUseException;
import io.socaas.tenants.onboarding.persistence.OnboardingRequestEntity;
import io.socaas.tenants.onboarding.persistence.ProvisioningEntity;
import io.socaas.tenants.onboarding.persistence.ProvisioningStepEntity;
import io.socaas.tenants.security.Caller;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.tenantconfig.Plans;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The onboarding aggregate: a tenant created through the API and its provisioning saga. Accepts
 * requests (idempotently per caller and Idempotency-Key), shows a tenant with its saga, records what
 * each step did, and resumes a failed saga. The steps themselves run in {@code ProvisioningRunner}.
 */
@ApplicationScoped
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class);

    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String INGEST_KEY = "ingest-key";
    /** Contact role of the e-mail given at onboarding (the first customer admin). */
    public static final String ADMIN_CONTACT = "admin";
    /** Source name of the ingest key made by onboarding. */
    public static final String FIRST_KEY_SOURCE = "onboarding";

    private final OnboardingStore store;
    private final TenantRepository tenants;
    private final Plans plans;
    private final IngestKeyService ingestKeys;
    private final OnboardingSettings settings;
    private final ObjectMapper json;
    private final ScopedTransactions scoped;
    private final Clock clock = Clock.systemUTC();

    OnboardingService(
            OnboardingStore store,
            TenantRepository tenants,
            Plans plans,
            IngestKeyService ingestKeys,
            OnboardingSettings settings,
            ObjectMapper json,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.store = store;
        this.tenants = tenants;
        this.plans = plans;
        this.ingestKeys = ingestKeys;
        this.settings = settings;
        this.json = json;
    }

    /** The answer to an onboarding request, as first given (and replayed for the same key). */
    public record Answer(int status, String body, String tenantId, boolean replayed) {}

    /**
     * Accepts an onboarding request: writes the tenant row (status provisioning, source api) and its
     * saga, and keeps the answer for replays. The same caller and key with the same body get the
     * same answer; with another body an {@link IdempotencyKeyReusedException}.
     */
    public Uni<Answer> onboard(Caller caller, String idempotencyKey, OnboardingRequest request) {
        return scoped.transaction(
                TenantScope.system("onboarding: tenant id and Idempotency-Key checks across tenants"),
                () -> onboardWithin(caller, idempotencyKey, request));
    }

    private Uni<Answer> onboardWithin(Caller caller, String idempotencyKey, OnboardingRequest request) {
        String requestHash = IngestKeySecrets.sha256(String.join(
                "\u0000",
                String.valueOf(request.id()),
                String.valueOf(request.displayName()),
                String.valueOf(request.plan()),
                String.valueOf(request.contactEmail()),
                String.valueOf(request.timeZone())));
        return store.findRequest(caller.subject(), idempotencyKey).flatMap(previous -> {
            if (previous.isPresent()) {
                OnboardingRequestEntity stored = previous.get();
                if (!stored.requestSha256.equals(requestHash)) {
                    throw new IdempotencyKeyReusedException();
                }
                return Uni.createFrom()
                        .item(new Answer(stored.responseStatus, stored.responseBody, stored.tenantId, true));
            }
            NewTenant tenant = OnboardingRules.validate(request, plans.current());
            return tenants.listTenants()
                    .flatMap(all -> {
                        for (var existing : all) {
                            String id = tenant.id().value();
                            String other = existing.id().value();
                            if (other.equals(id)) {
                                throw new TenantIdInUseException(
                                        id,
                                        existing.source() == TenantSource.FILE
                                                ? "a tenant of tenant-config/tenants"
                                                : "a tenant created through the API");
                            }
                            // index names events-<id>-yyyy.MM.dd: the pattern events-<id>-* of one tenant
                            // must never cover another tenant's indices
                            if (TenantIndexLayout.overlap(tenant.id(), existing.id())) {
                                throw new TenantIdInUseException(
                                        id, "its event index names would overlap those of tenant '" + other + "'");
                            }
                        }
                        return create(tenant, caller);
                    })
                    .flatMap(details -> remember(caller, idempotencyKey, requestHash, details));
        });
    }

    private Uni<TenantDetailsView> create(NewTenant tenant, Caller caller) {
        Instant now = now();
        TenantSpec spec = new TenantSpec(
                tenant.id(),
                tenant.displayName(),
                tenant.plan(),
                tenant.timeZone(),
                TenantStatus.PROVISIONING,
                settings.defaultRulePacks(),
                TenantSettings.none().withContact(ADMIN_CONTACT, tenant.contactEmail()));
        ProvisioningEntity saga = new ProvisioningEntity();
        saga.tenantId = tenant.id().value();
        saga.state = ProvisioningState.RUNNING.wireName();
        saga.contactEmail = tenant.contactEmail();
        saga.requestedBy = caller.describe();
        saga.createdAt = now;
        saga.updatedAt = now;
        saga.nextAttemptAt = now;
        Uni<Void> chain =
                tenants.upsert(spec, TenantSource.API, now).replaceWithVoid().call(() -> store.insert(saga));
        for (ProvisioningStep step : ProvisioningStep.values()) {
            ProvisioningStepEntity row = new ProvisioningStepEntity();
            row.tenantId = saga.tenantId;
            row.step = step.wireName();
            row.position = step.ordinal() + 1;
            // the tenant row is written right here, with the request
            boolean written = step == ProvisioningStep.TENANT_RECORD;
            row.status = (written ? StepStatus.DONE : StepStatus.PENDING).wireName();
            row.attempts = written ? 1 : 0;
            row.detail = written ? "plan " + tenant.plan() + ", status provisioning" : null;
            row.updatedAt = now;
            chain = chain.call(() -> store.insert(row));
        }
        LOG.infof("onboarding tenant %s (plan %s) for %s", tenant.id(), tenant.plan(), caller.describe());
        return chain.flatMap(ignored -> describe(tenant.id(), false));
    }

    private Uni<Answer> remember(Caller caller, String key, String requestHash, TenantDetailsView details) {
        String body;
        try {
            body = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        OnboardingRequestEntity row = new OnboardingRequestEntity();
        row.caller = caller.subject();
        row.idempotencyKey = key;
        row.requestSha256 = requestHash;
        row.tenantId = details.tenant().tenantId();
        row.responseStatus = 202;
        row.responseBody = body;
        row.createdAt = now();
        return store.insert(row).replaceWith(new Answer(202, body, row.tenantId, false));
    }

    /**
     * The tenant with its saga, read by {@code caller}. The one-time credentials made so far are
     * included, and deleted so that nobody sees them again, when the caller is the one who asked for
     * the onboarding or an mssp-admin ({@code mayTakeAny}); taking them is written to the audit log
     * by the caller (TenantResource) on the audit trail.
     */
    public Uni<TenantDetailsView> details(TenantId id, Caller caller, boolean mayTakeAny) {
        return scoped.transaction(TenantScope.of(id.value()), () -> detailsWithin(id, caller, mayTakeAny));
    }

    private Uni<TenantDetailsView> detailsWithin(TenantId id, Caller caller, boolean mayTakeAny) {
        Uni<Boolean> mayTake =
                mayTakeAny ? Uni.createFrom().item(Boolean.TRUE) : store.onboardedBy(id, caller.subject());
        return mayTake.flatMap(take -> describe(id, take));
    }

    private Uni<TenantDetailsView> describe(TenantId id, boolean takeCredentials) {
        return tenants.find(id)
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)))
                .flatMap(tenant -> store.load(id).flatMap(saga -> {
                    Uni<List<OneTimeCredential>> credentials = takeCredentials && saga.isPresent()
                            ? store.takeCredentials(id)
                            : Uni.createFrom().item(List.of());
                    return credentials.map(taken -> TenantDetailsView.of(tenant, saga.orElse(null), taken));
                }));
    }

    /** The tenant itself. */
    public Uni<Tenant> tenant(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> tenantWithin(id));
    }

    private Uni<Tenant> tenantWithin(TenantId id) {
        return tenants.find(id).map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)));
    }

    /** Resumes a failed saga from its failed step: attempts start again, the tenant is provisioning. */
    public Uni<TenantDetailsView> retry(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> retryWithin(id));
    }

    private Uni<TenantDetailsView> retryWithin(TenantId id) {
        Instant now = now();
        return tenants.find(id)
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)))
                .invoke(tenant -> {
                    if (tenant.spec().status() != TenantStatus.FAILED) {
                        throw new ProvisioningNotRetryableException("tenant '" + id + "' is "
                                + tenant.spec().status().configValue() + ": only a failed tenant is retried");
                    }
                })
                .flatMap(tenant -> store.findProvisioning(id))
                .flatMap(found -> {
                    ProvisioningEntity saga = found.orElseThrow(() -> new ProvisioningNotRetryableException(
                            "tenant '" + id + "' was not onboarded through the API: it has no provisioning"));
                    if (!ProvisioningState.FAILED.wireName().equals(saga.state)) {
                        throw new ProvisioningNotRetryableException(
                                "the provisioning of tenant '" + id + "' is " + saga.state + ", not failed");
                    }
                    saga.state = ProvisioningState.RUNNING.wireName();
                    saga.nextAttemptAt = now;
                    saga.claimedUntil = null;
                    saga.updatedAt = now;
                    return store.steps(id);
                })
                .invoke(steps -> steps.stream()
                        .filter(s -> StepStatus.FAILED.wireName().equals(s.status))
                        .forEach(s -> {
                            s.status = StepStatus.PENDING.wireName();
                            s.attempts = 0;
                            s.updatedAt = now;
                        }))
                .call(() -> tenants.setStatus(id, TenantStatus.PROVISIONING, now))
                .invoke(() -> LOG.infof("provisioning of tenant %s resumed", id))
                .flatMap(ignored -> describe(id, false));
    }

    // ---- used by the saga runner ----

    /** Claims the saga due the longest; see {@link OnboardingStore#claimDue}. */
    public Uni<Optional<Provisioning>> claimDue(java.time.Duration lease) {
        return scoped.transaction(
                TenantScope.system("provisioning runner: claim the saga due the longest"), () -> claimDueWithin(lease));
    }

    private Uni<Optional<Provisioning>> claimDueWithin(java.time.Duration lease) {
        Instant now = now();
        return store.claimDue(now, now.plus(lease))
                .flatMap(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(Optional.<Provisioning>empty())
                        : store.load(claimed.get()));
    }

    /** Marks a step done (or skipped, with the reason as detail). */
    public Uni<Void> stepCompleted(TenantId id, ProvisioningStep step, StepStatus status, String detail) {
        return scoped.transaction(TenantScope.of(id.value()), () -> stepCompletedWithin(id, step, status, detail));
    }

    private Uni<Void> stepCompletedWithin(TenantId id, ProvisioningStep step, StepStatus status, String detail) {
        Instant now = now();
        return store.step(id, step)
                .invoke(found -> found.ifPresent(row -> {
                    if (StepStatus.DONE.wireName().equals(row.status)) {
                        return;
                    }
                    row.status = status.wireName();
                    row.attempts = row.attempts + 1;
                    row.detail = detail;
                    row.updatedAt = now;
                }))
                .replaceWithVoid();
    }

    /**
     * Records a failed attempt of a step. With attempts left (and a failure that may pass), the step
     * stays pending with its error and the saga is due again after the backoff; otherwise the step
     * and the saga fail and the tenant is {@code failed}.
     *
     * @return whether the saga failed for good
     */
    public Uni<Boolean> stepFailed(
            TenantId id, ProvisioningStep step, String error, boolean permanent, Backoff backoff) {
        return scoped.transaction(
                TenantScope.of(id.value()), () -> stepFailedWithin(id, step, error, permanent, backoff));
    }

    private Uni<Boolean> stepFailedWithin(
            TenantId id, ProvisioningStep step, String error, boolean permanent, Backoff backoff) {
        Instant now = now();
        return store.step(id, step).flatMap(found -> {
            ProvisioningStepEntity row = found.orElseThrow();
            row.attempts = row.attempts + 1;
            row.lastError = error;
            row.updatedAt = now;
            boolean givesUp = permanent || !backoff.allowsAnotherAttempt(row.attempts);
            row.status = (givesUp ? StepStatus.FAILED : StepStatus.PENDING).wireName();
            int attempts = row.attempts;
            return store.findProvisioning(id).flatMap(saga -> {
                ProvisioningEntity s = saga.orElseThrow();
                s.updatedAt = now;
                s.claimedUntil = null;
                if (givesUp) {
                    s.state = ProvisioningState.FAILED.wireName();
                    LOG.errorf(
                            "provisioning of tenant %s failed at step %s after %d attempt(s): %s",
                            id, step.wireName(), attempts, error);
                    return tenants.setStatus(id, TenantStatus.FAILED, now).replaceWith(Boolean.TRUE);
                }
                s.nextAttemptAt = now.plus(backoff.delayAfter(attempts));
                LOG.warnf(
                        "provisioning of tenant %s: step %s failed (attempt %d), retrying at %s: %s",
                        id, step.wireName(), attempts, s.nextAttemptAt, error);
                return Uni.createFrom().item(Boolean.FALSE);
            });
        });
    }

    /** Marks the saga done and releases it. */
    public Uni<Void> sagaCompleted(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> sagaCompletedWithin(id));
    }

    private Uni<Void> sagaCompletedWithin(TenantId id) {
        Instant now = now();
        return store.findProvisioning(id)
                .invoke(found -> found.ifPresent(saga -> {
                    saga.state = ProvisioningState.DONE.wireName();
                    saga.claimedUntil = null;
                    saga.updatedAt = now;
                }))
                .invoke(() -> LOG.infof("tenant %s provisioned", id))
                .replaceWithVoid();
    }

    /** Keeps the first admin's initial password for its single pick-up and marks the step done. */
    public Uni<Void> adminCreated(TenantId id, String username, String initialPassword, String detail) {
        return scoped.transaction(
                TenantScope.of(id.value()), () -> adminCreatedWithin(id, username, initialPassword, detail));
    }

    private Uni<Void> adminCreatedWithin(TenantId id, String username, String initialPassword, String detail) {
        Instant now = now();
        return store.putCredential(id, ADMIN_PASSWORD, username, initialPassword, now)
                .call(() -> stepCompletedInTransaction(id, ProvisioningStep.KEYCLOAK_ORGANIZATION, detail, now));
    }

    /**
     * Issues the tenant's first ingest key unless this step already did: the key, its one-time
     * pick-up and the step's completion are written in one transaction, so a retry never makes a
     * second key.
     */
    public Uni<Void> issueFirstIngestKey(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> issueFirstIngestKeyWithin(id));
    }

    private Uni<Void> issueFirstIngestKeyWithin(TenantId id) {
        Instant now = now();
        return store.step(id, ProvisioningStep.INGEST_KEY).flatMap(step -> {
            if (step.isPresent() && StepStatus.DONE.wireName().equals(step.get().status)) {
                return Uni.createFrom().voidItem();
            }
            return ingestKeys
                    .issue(id, FIRST_KEY_SOURCE)
                    .call(issued ->
                            store.putCredential(id, INGEST_KEY, issued.key().keyId(), issued.secret(), now))
                    .call(issued -> stepCompletedInTransaction(
                            id,
                            ProvisioningStep.INGEST_KEY,
                            "key " + issued.key().keyId(),
                            now))
                    .replaceWithVoid();
        });
    }

    /**
     * Sets the tenant active (operational state of the API) before it is published, if it is still
     * provisioning: a tenant suspended or offboarded while its saga ran stays so.
     *
     * @return the tenant's status afterwards
     */
    public Uni<TenantStatus> activate(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> activateWithin(id));
    }

    private Uni<TenantStatus> activateWithin(TenantId id) {
        return tenants.setStatusIf(id, TenantStatus.PROVISIONING, TenantStatus.ACTIVE, now())
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id))
                        .spec()
                        .status());
    }

    /** Extends the runner's claim of the saga by {@code lease} from now; false when it no longer runs. */
    public Uni<Boolean> renewClaim(TenantId id, java.time.Duration lease) {
        return scoped.transaction(TenantScope.of(id.value()), () -> renewClaimWithin(id, lease));
    }

    private Uni<Boolean> renewClaimWithin(TenantId id, java.time.Duration lease) {
        return store.renewClaim(id, now().plus(lease));
    }

    private Uni<Void> stepCompletedInTransaction(TenantId id, ProvisioningStep step, String detail, Instant now) {
        return store.step(id, step)
                .invoke(found -> found.ifPresent(row -> {
                    row.status = StepStatus.DONE.wireName();
                    row.attempts = row.attempts + 1;
                    row.detail = detail;
                    row.updatedAt = now;
                }))
                .replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
