package io.socaas.tenants.onboarding;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.secretbox.AssociatedData;
import io.socaas.secretbox.SecretBox;
import io.socaas.secretbox.SecretBoxException;
import io.socaas.tenants.onboarding.persistence.OneTimeCredentialEntity;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Keeps every one-time credential sealed under the active key: re-seals the rows sealed under an
 * older key, shortly after start and then every
 * {@code socaas.secrets-at-rest.reseal-every} (key rotation, services/secret-box README). Rows are
 * locked while re-sealed and skipped when another replica holds them; a row that does not open is
 * logged and left as it is.
 */
@ApplicationScoped
public class OneTimeCredentialResealing {

    private static final Logger LOG = Logger.getLogger(OneTimeCredentialResealing.class);

    private final ScopedTransactions scoped;
    private final SecretBox secrets;

    OneTimeCredentialResealing(ScopedTransactions scoped, SecretBox secrets) {
        this.scoped = scoped;
        this.secrets = secrets;
    }

    /**
     * What a run did: rows re-sealed from an older key, and the key ids of the rows left that are not
     * under the active key (they did not open).
     */
    public record Result(int resealed, List<String> leftUnderOtherKeys) {}

    @Scheduled(
            identity = "onetime-credential-resealing",
            every = "${socaas.secrets-at-rest.reseal-every}",
            delayed = "${socaas.secrets-at-rest.reseal-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return resealAll()
                .onFailure()
                .invoke(e -> LOG.errorf(e, "re-sealing the one-time credentials failed; the next run retries"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Re-seals every row that is not under the active key. */
    public Uni<Result> resealAll() {
        return scoped.sql(
                        TenantScope.system("secret-box: seal the one-time credentials under the active key"),
                        connection -> connection
                                .preparedQuery("select tenant_id, kind, reference, sealed_secret"
                                        + " from onetime_credentials for update skip locked")
                                .execute()
                                .flatMap(rows -> {
                                    List<Tuple> updates = new ArrayList<>();
                                    List<String> left = new ArrayList<>();
                                    for (Row row : rows) {
                                        reseal(row, left).ifPresent(updates::add);
                                    }
                                    Result result = new Result(updates.size(), List.copyOf(left));
                                    if (updates.isEmpty()) {
                                        return Uni.createFrom().item(result);
                                    }
                                    return connection
                                            .preparedQuery("update onetime_credentials set sealed_secret = $3"
                                                    + " where tenant_id = $1 and kind = $2")
                                            .executeBatch(updates)
                                            .replaceWith(result);
                                }))
                .invoke(this::log);
    }

    private Optional<Tuple> reseal(Row row, List<String> left) {
        String tenant = row.getString("tenant_id");
        String kind = row.getString("kind");
        AssociatedData context = OneTimeCredentialEntity.associatedData(tenant, kind, row.getString("reference"));
        Buffer stored = row.getBuffer("sealed_secret");
        try {
            byte[] sealed = secrets.reseal(stored.getBytes(), context).orElse(null);
            return sealed == null
                    ? Optional.empty()
                    : Optional.of(Tuple.of(tenant, kind, io.vertx.core.buffer.Buffer.buffer(sealed)));
        } catch (SecretBoxException e) {
            LOG.errorf("one-time credential %s of tenant %s is left as it is: %s", kind, tenant, e.getMessage());
            left.add(keyIdOf(stored));
            return Optional.empty();
        }
    }

    private static String keyIdOf(Buffer stored) {
        try {
            return SecretBox.keyIdOf(stored.getBytes());
        } catch (SecretBoxException e) {
            return "?";
        }
    }

    private void log(Result result) {
        String active = secrets.keyring().activeKeyId();
        if (result.resealed() > 0 || !result.leftUnderOtherKeys().isEmpty()) {
            LOG.infof(
                    "re-sealed %d one-time credential(s) under key '%s'; %d left under other keys %s",
                    result.resealed(),
                    active,
                    result.leftUnderOtherKeys().size(),
                    new TreeSet<>(result.leftUnderOtherKeys()));
        } else {
            LOG.debugf("every one-time credential is sealed under key '%s'", active);
        }
    }
}
