package io.socaas.tenants.ingestkey;

import com.github.f4b6a3.ulid.UlidCreator;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.ingestkey.domain.IngestKey;
import io.socaas.tenants.ingestkey.domain.IngestKeyNotFoundException;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException.Reason;
import io.socaas.tenants.ingestkey.domain.IngestKeySecrets;
import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.ingestkey.domain.IssuedIngestKey;
import io.socaas.tenants.ingestkey.domain.ResolvedIngestKey;
import io.socaas.tenants.ingestkey.domain.RotatedIngestKey;
import io.socaas.tenants.ingestkey.domain.SourceName;
import io.socaas.tenants.ingestkey.persistence.IngestKeyRepository;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TimeZones;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** The ingest key aggregate: issuing, revoking and resolving the credentials of log sources. */
@ApplicationScoped
public class IngestKeyService {

    private static final Logger LOG = Logger.getLogger(IngestKeyService.class);

    private final IngestKeyRepository keys;
    private final TenantRepository tenants;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    private final IngestKeyConfig config;
    private final ScopedTransactions scoped;

    IngestKeyService(
            IngestKeyRepository keys,
            TenantRepository tenants,
            MeterRegistry meters,
            IngestKeyConfig config,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.keys = keys;
        this.tenants = tenants;
        this.meters = meters;
        this.config = config;
    }

    /** The tenant's keys (metadata only, never a secret), newest first. */
    public Uni<List<IngestKey>> list(TenantId tenantId) {
        return scoped.transaction(
                TenantScope.of(tenantId.value()),
                () -> tenants.find(tenantId)
                        .map(tenant -> tenant.orElseThrow(() -> new TenantNotFoundException(tenantId)))
                        .flatMap(tenant -> keys.listFor(tenantId)));
    }

    /**
     * Rotates a key: issues a new key for the same source (its secret returned once) and lets the old
     * one work for the rotation grace period ({@code socaas.ingest-keys.rotation-grace}, 24 h by
     * default), so that the source can switch without losing events.
     */
    public Uni<RotatedIngestKey> rotate(TenantId tenantId, String keyId) {
        return scoped.transaction(TenantScope.of(tenantId.value()), () -> rotateWithin(tenantId, keyId));
    }

    private Uni<RotatedIngestKey> rotateWithin(TenantId tenantId, String keyId) {
        return usableKey(tenantId, keyId)
                .flatMap(old -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    return issueWithin(tenantId, old.sourceName(), old.timeZone())
                            .flatMap(issued -> keys.retire(
                                            tenantId, keyId, issued.key().keyId(), now.plus(config.rotationGrace()))
                                    .map(retired ->
                                            new RotatedIngestKey(issued, keyId, now.plus(config.rotationGrace()))));
                })
                .invoke(rotated -> LOG.infof(
                        "rotated ingest key %s to %s; the old key works until %s",
                        keyId, rotated.issued().key().keyId(), rotated.oldKeyExpiresAt()));
    }

    /**
     * The tenant's key, which must be neither revoked nor expired.
     *
     * @throws IngestKeyNotFoundException when the tenant has no such key
     * @throws InvalidIngestKeyRequestException when it is revoked or expired
     */
    private Uni<IngestKey> usableKey(TenantId tenantId, String keyId) {
        return keys.listFor(tenantId).map(all -> {
            IngestKey key = all.stream()
                    .filter(k -> k.keyId().equals(keyId))
                    .findFirst()
                    .orElseThrow(() -> new IngestKeyNotFoundException(tenantId, keyId));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (key.isRevoked() || key.isExpired(now)) {
                throw new InvalidIngestKeyRequestException(
                        "ingest key " + keyId + " is " + key.state(now) + "; issue a new key instead");
            }
            return key;
        });
    }

    /**
     * Changes the clock zone of a key's source, without a new secret: the source keeps sending with
     * the same key, and ingestion reads its times in the new zone once it sees the tenant's next
     * revision (the caller publishes it).
     *
     * @param timeZone IANA zone of the source's clock; null or empty for UTC
     * @return the key as it is now
     */
    public Uni<IngestKey> changeTimeZone(TenantId tenantId, String keyId, String timeZone) {
        String zone = clockZone(timeZone);
        return scoped.transaction(
                        TenantScope.of(tenantId.value()),
                        () -> tenants.find(tenantId)
                                .map(tenant -> tenant.orElseThrow(() -> new TenantNotFoundException(tenantId)))
                                .flatMap(tenant -> usableKey(tenantId, keyId))
                                .call(key -> keys.setTimeZone(tenantId, keyId, zone))
                                .map(key -> key.withTimeZone(zone)))
                .invoke(key -> LOG.infof(
                        "ingest key %s: the clock zone of source '%s' is now %s",
                        keyId, key.sourceName(), key.timeZone().isEmpty() ? "UTC" : key.timeZone()));
    }

    /** A requested clock zone: null for UTC (none or empty), else an IANA zone. */
    private static String clockZone(String timeZone) {
        if (timeZone == null || timeZone.isEmpty()) {
            return null;
        }
        if (!TimeZones.isIana(timeZone)) {
            throw new InvalidIngestKeyRequestException(
                    "time_zone must be " + TimeZones.RULE + ", not '" + timeZone + "'");
        }
        return timeZone;
    }

    /** Issues a key for one log source of the tenant, whose clock is UTC. The returned secret is never stored. */
    public Uni<IssuedIngestKey> issue(TenantId tenantId, String sourceName) {
        return issue(tenantId, sourceName, null);
    }

    /**
     * Issues a key for one log source of the tenant. The returned secret is never stored.
     *
     * @param timeZone IANA zone of the source's clock; null or empty for UTC
     */
    public Uni<IssuedIngestKey> issue(TenantId tenantId, String sourceName, String timeZone) {
        return scoped.transaction(TenantScope.of(tenantId.value()), () -> issueWithin(tenantId, sourceName, timeZone));
    }

    private Uni<IssuedIngestKey> issueWithin(TenantId tenantId, String sourceName, String timeZone) {
        String source = SourceName.require(sourceName);
        String zone = clockZone(timeZone);
        return tenants.find(tenantId)
                .map(tenant -> tenant.orElseThrow(() -> new TenantNotFoundException(tenantId)))
                .flatMap(tenant -> {
                    String secret = IngestKeySecrets.newSecret(random);
                    IngestKey key = new IngestKey(
                            IngestKeySecrets.keyIdFromUlid(
                                    UlidCreator.getMonotonicUlid().toString()),
                            tenantId,
                            source,
                            IngestKeySecrets.sha256(secret),
                            clock.instant().truncatedTo(ChronoUnit.MILLIS),
                            null,
                            null,
                            null,
                            null,
                            zone);
                    return keys.insert(key).map(stored -> new IssuedIngestKey(stored, secret));
                })
                .invoke(issued -> LOG.infof(
                        "issued ingest key %s for source '%s'",
                        issued.key().keyId(), issued.key().sourceName()));
    }

    /** Revokes the tenant's key; revoking twice is harmless. */
    public Uni<Void> revoke(TenantId tenantId, String keyId) {
        return scoped.transaction(TenantScope.of(tenantId.value()), () -> revokeWithin(tenantId, keyId));
    }

    private Uni<Void> revokeWithin(TenantId tenantId, String keyId) {
        return tenants.find(tenantId)
                .map(tenant -> tenant.orElseThrow(() -> new TenantNotFoundException(tenantId)))
                .flatMap(tenant -> keys.revoke(tenantId, keyId, clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .map(found -> {
                    if (!found) {
                        throw new IngestKeyNotFoundException(tenantId, keyId);
                    }
                    LOG.infof("revoked ingest key %s", keyId);
                    return null;
                });
    }

    /**
     * Resolves a presented key to its tenant. Fails with {@link IngestKeyRejectedException} (one
     * message for every reason) when the key is unknown, revoked or its tenant is not active.
     */
    public Uni<ResolvedIngestKey> resolve(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Uni.createFrom().failure(new InvalidIngestKeyRequestException("ingest_key is required"));
        }
        // the key names its tenant: it is looked up across tenants
        return scoped.transaction(
                        TenantScope.system("ingest key resolution (TenantDirectory.ResolveIngestKey)"),
                        () -> resolveWithin(presentedKey))
                .invoke(resolved -> countResolution("resolved"))
                .onFailure(IngestKeyRejectedException.class)
                .invoke(e -> countResolution(
                        ((IngestKeyRejectedException) e).reason().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private Uni<ResolvedIngestKey> resolveWithin(String presentedKey) {
        return keys.findBySecretSha256(IngestKeySecrets.sha256(presentedKey)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new IngestKeyRejectedException(Reason.UNKNOWN));
            }
            IngestKey key = found.get();
            Instant now = clock.instant();
            return tenants.find(key.tenantId())
                    .map(tenant -> key.admit(tenant.map(t -> t.status()).orElse(null), now))
                    .call(resolved -> keys.touch(key.keyId(), now.truncatedTo(ChronoUnit.MILLIS)));
        });
    }

    private void countResolution(String outcome) {
        meters.counter("socaas.ingest_key.resolutions", "outcome", outcome).increment();
    }
}
