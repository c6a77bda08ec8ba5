package io.socaas.tenants.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.secretbox.SecretBox;
import io.socaas.secretbox.SecretBoxException;
import io.socaas.tenants.onboarding.domain.OneTimeCredential;
import io.socaas.tenants.onboarding.domain.Provisioning;
import io.socaas.tenants.onboarding.domain.ProvisioningState;
import io.socaas.tenants.onboarding.domain.ProvisioningStep;
import io.socaas.tenants.onboarding.domain.StepRecord;
import io.socaas.tenants.onboarding.domain.StepStatus;
import io.socaas.tenants.onboarding.persistence.OnboardingRequestEntity;
import io.socaas.tenants.onboarding.persistence.OneTimeCredentialEntity;
import io.socaas.tenants.onboarding.persistence.ProvisioningEntity;
import io.socaas.tenants.onboarding.persistence.ProvisioningStepEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sagas, their steps, stored answers and one-time credentials (sealed, services/secret-box) in
 * PostgreSQL (caller's transaction).
 */
@ApplicationScoped
public class OnboardingStore {

    private static final Logger LOG = Logger.getLogger(OnboardingStore.class);

    private final SecretBox secrets;

    OnboardingStore(SecretBox secrets) {
        this.secrets = secrets;
    }

    public Uni<Optional<OnboardingRequestEntity>> findRequest(String caller, String idempotencyKey) {
        return Panache.getSession()
                .flatMap(s ->
                        s.find(OnboardingRequestEntity.class, new OnboardingRequestEntity.Key(caller, idempotencyKey)))
                .map(Optional::ofNullable);
    }

    public Uni<Void> insert(Object entity) {
        return Panache.getSession().flatMap(s -> s.persist(entity)).replaceWithVoid();
    }

    public Uni<Optional<ProvisioningEntity>> findProvisioning(TenantId tenant) {
        return Panache.getSession()
                .flatMap(s -> s.find(ProvisioningEntity.class, tenant.value()))
                .map(Optional::ofNullable);
    }

    public Uni<List<ProvisioningStepEntity>> steps(TenantId tenant) {
        return Panache.getSession()
                .flatMap(s -> s.createSelectionQuery(
                                "from ProvisioningStepEntity where tenantId = ?1 order by position",
                                ProvisioningStepEntity.class)
                        .setParameter(1, tenant.value())
                        .getResultList());
    }

    /**
     * A step of the saga, row-locked until the transaction ends: two runners that reach the same
     * step (a lease that ran out) take turns, and the second sees what the first did.
     */
    public Uni<Optional<ProvisioningStepEntity>> step(TenantId tenant, ProvisioningStep step) {
        return Panache.getSession()
                .flatMap(s -> s.find(
                        ProvisioningStepEntity.class,
                        new ProvisioningStepEntity.Key(tenant.value(), step.wireName()),
                        org.hibernate.LockMode.PESSIMISTIC_WRITE))
                .map(Optional::ofNullable);
    }

    /** Whether {@code subject} (a token subject) asked for the tenant's onboarding. */
    public Uni<Boolean> onboardedBy(TenantId tenant, String subject) {
        return Panache.getSession()
                .flatMap(s -> s.createSelectionQuery(
                                "select count(*) from OnboardingRequestEntity where tenantId = ?1 and caller = ?2",
                                Long.class)
                        .setParameter(1, tenant.value())
                        .setParameter(2, subject)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** Extends the runner's claim of a running saga to {@code claimUntil}; false when it is not running. */
    public Uni<Boolean> renewClaim(TenantId tenant, Instant claimUntil) {
        return Panache.getSession()
                .flatMap(s -> s.createMutationQuery(
                                "update ProvisioningEntity set claimedUntil = ?2 where tenantId = ?1 and state = 'running'")
                        .setParameter(1, tenant.value())
                        .setParameter(2, claimUntil)
                        .executeUpdate())
                .map(rows -> rows > 0);
    }

    public Uni<Optional<Provisioning>> load(TenantId tenant) {
        return findProvisioning(tenant)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<Provisioning>empty())
                        : steps(tenant).map(steps -> Optional.of(toDomain(found.get(), steps))));
    }

    /**
     * Claims the saga that is due the longest, if any: it is skipped by other runners until
     * {@code claimUntil}. Row-locked while claiming, so two runners never claim the same saga.
     */
    public Uni<Optional<TenantId>> claimDue(Instant now, Instant claimUntil) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(
                                "select tenant_id from provisionings where state = 'running' and next_attempt_at <= ?1"
                                        + " and (claimed_until is null or claimed_until < ?1)"
                                        + " order by next_attempt_at limit 1 for update skip locked",
                                String.class)
                        .setParameter(1, now)
                        .getResultList()
                        .flatMap(ids -> {
                            if (ids.isEmpty()) {
                                return Uni.createFrom().item(Optional.<TenantId>empty());
                            }
                            String id = ids.getFirst();
                            return s.find(ProvisioningEntity.class, id).map(row -> {
                                row.claimedUntil = claimUntil;
                                return Optional.of(TenantId.of(id));
                            });
                        }));
    }

    /**
     * Takes (reads and deletes) the tenant's one-time credentials, opened. A credential that does not
     * open (sealed under a key the keyring no longer holds, or not this row's) is logged and left in
     * place for a read after the keyring is fixed, never shown.
     */
    public Uni<List<OneTimeCredential>> takeCredentials(TenantId tenant) {
        return Panache.getSession()
                .flatMap(s -> s.createSelectionQuery(
                                "from OneTimeCredentialEntity where tenantId = ?1", OneTimeCredentialEntity.class)
                        .setParameter(1, tenant.value())
                        .getResultList()
                        .map(rows -> {
                            List<OneTimeCredential> opened = new ArrayList<>();
                            for (OneTimeCredentialEntity row : rows) {
                                open(row).ifPresent(opened::add);
                            }
                            return opened;
                        })
                        // delete exactly the rows read and opened: a credential the saga stores meanwhile
                        // stays for the next read instead of vanishing unseen
                        .call(opened -> opened.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : s.createMutationQuery(
                                                "delete from OneTimeCredentialEntity where tenantId = ?1 and kind in ?2")
                                        .setParameter(1, tenant.value())
                                        .setParameter(
                                                2,
                                                opened.stream()
                                                        .map(OneTimeCredential::kind)
                                                        .toList())
                                        .executeUpdate()));
    }

    private Optional<OneTimeCredential> open(OneTimeCredentialEntity row) {
        try {
            return Optional.of(new OneTimeCredential(
                    row.kind,
                    row.reference,
                    secrets.openText(
                            row.sealedSecret,
                            OneTimeCredentialEntity.associatedData(row.tenantId, row.kind, row.reference))));
        } catch (SecretBoxException e) {
            LOG.errorf(
                    "one-time credential %s of tenant %s cannot be opened and is kept: %s",
                    row.kind, row.tenantId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Puts or replaces a one-time credential of the tenant, sealed. */
    public Uni<Void> putCredential(TenantId tenant, String kind, String reference, String secret, Instant now) {
        byte[] sealed =
                secrets.sealText(secret, OneTimeCredentialEntity.associatedData(tenant.value(), kind, reference));
        return Panache.getSession()
                .flatMap(s -> s.find(
                                OneTimeCredentialEntity.class, new OneTimeCredentialEntity.Key(tenant.value(), kind))
                        .flatMap(old -> old == null
                                ? Uni.createFrom().voidItem()
                                : s.remove(old).call(s::flush))
                        .flatMap(ignored -> {
                            OneTimeCredentialEntity row = new OneTimeCredentialEntity();
                            row.tenantId = tenant.value();
                            row.kind = kind;
                            row.reference = reference;
                            row.sealedSecret = sealed;
                            row.createdAt = now;
                            return s.persist(row);
                        }))
                .replaceWithVoid();
    }

    static Provisioning toDomain(ProvisioningEntity row, List<ProvisioningStepEntity> steps) {
        return new Provisioning(
                TenantId.of(row.tenantId),
                ProvisioningState.fromWireName(row.state),
                row.contactEmail,
                row.requestedBy,
                row.createdAt,
                row.updatedAt,
                steps.stream()
                        .sorted(Comparator.comparingInt(s -> s.position))
                        .map(OnboardingStore::toDomain)
                        .toList());
    }

    static StepRecord toDomain(ProvisioningStepEntity row) {
        return new StepRecord(
                ProvisioningStep.fromWireName(row.step)
                        .orElseThrow(() -> new IllegalStateException("unknown provisioning step " + row.step)),
                StepStatus.fromWireName(row.status),
                row.attempts,
                row.lastError,
                row.detail,
                row.updatedAt);
    }
}
