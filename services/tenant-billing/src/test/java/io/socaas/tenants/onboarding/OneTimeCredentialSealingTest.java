package io.socaas.tenants.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.secretbox.Keyring;
import io.socaas.secretbox.SecretBox;
import io.socaas.tenants.onboarding.domain.OneTimeCredential;
import io.socaas.tenants.onboarding.persistence.OneTimeCredentialEntity;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-time credentials in PostgreSQL, read back with plain SQL: sealed (never the secret in
 * clear), bound to their own row, and moved to the active key by re-sealing after a key rotation.
 * The test profile's keyring holds {@code test-old} and the active {@code test-1}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class OneTimeCredentialSealingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OnboardingStore store;

    @Inject
    OneTimeCredentialResealing resealing;

    @Inject
    ScopedTransactions scoped;

    @Inject
    TenantRepository tenants;

    @ConfigProperty(name = "socaas.secret-box.keys")
    String keys;

    private TenantId a;
    private TenantId b;

    @BeforeEach
    void twoTenants() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = TenantId.of("seal-a-" + run);
        b = TenantId.of("seal-b-" + run);
        for (TenantId tenant : List.of(a, b)) {
            TenantSpec spec = new TenantSpec(
                    tenant, "Tenant " + tenant, "standard", ZoneId.of("UTC"), TenantStatus.PROVISIONING, List.of());
            VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                    TenantScope.of(tenant.value()), () -> tenants.upsert(spec, TenantSource.API, Instant.now())));
        }
    }

    @Test
    void theStoredRowNeverHoldsTheSecretInClearAndItsPickUpGetsItOnce() throws Throwable {
        put(a, "admin-password", "admin@a.example", "Initial-Passw0rd-a");
        put(a, "ingest-key", "key_01", "sk_live_a_0123456789");

        // the table has no clear column any more (V10): only the sealed secret
        assertThat(columns()).contains("sealed_secret").doesNotContain("secret");
        for (Row row : rows(a)) {
            String stored = new String(row.getBuffer("sealed_secret").getBytes(), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain("Initial-Passw0rd-a").doesNotContain("sk_live_a");
            assertThat(SecretBox.keyIdOf(row.getBuffer("sealed_secret").getBytes()))
                    .isEqualTo("test-1");
        }

        assertThat(take(a))
                .extracting(OneTimeCredential::secret)
                .containsExactlyInAnyOrder("Initial-Passw0rd-a", "sk_live_a_0123456789");
        assertThat(take(a)).isEmpty();
        assertThat(rows(a)).isEmpty();
    }

    @Test
    void aSealedSecretCopiedIntoAnotherTenantsRowIsNeverShownThere() throws Throwable {
        put(a, "admin-password", "admin@x.example", "Initial-Passw0rd-a");
        byte[] acmes = rows(a).iterator().next().getBuffer("sealed_secret").getBytes();

        sql(
                b,
                "insert into onetime_credentials (tenant_id, kind, reference, sealed_secret, created_at)"
                        + " values ($1, 'admin-password', 'admin@x.example', $2, now())",
                Tuple.of(b.value(), io.vertx.core.buffer.Buffer.buffer(acmes)));

        assertThat(take(b)).isEmpty();
        // kept, not shown: the row is there for whoever looks into it
        assertThat(rows(b)).hasSize(1);
        assertThat(take(a)).extracting(OneTimeCredential::secret).containsExactly("Initial-Passw0rd-a");
    }

    @Test
    void rowsUnderTheOlderKeyStillOpenAndResealingMovesThemToTheActiveKey() throws Throwable {
        SecretBox oldKey = boxOf("test-old");
        insertSealed(a, "admin-password", "admin@a.example", "sealed-under-test-old", oldKey);
        insertSealed(a, "ingest-key", "key_a", "sk_live_under_test_old", oldKey);

        OneTimeCredentialResealing.Result result = await(resealing.resealAll());

        assertThat(result.resealed()).isGreaterThanOrEqualTo(2);
        for (Row row : rows(a)) {
            assertThat(SecretBox.keyIdOf(row.getBuffer("sealed_secret").getBytes()))
                    .isEqualTo("test-1");
        }
        assertThat(take(a))
                .extracting(OneTimeCredential::secret)
                .containsExactlyInAnyOrder("sealed-under-test-old", "sk_live_under_test_old");
    }

    @Test
    void aSecretCannotBeStoredInClear() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> sql(
                b,
                "insert into onetime_credentials (tenant_id, kind, reference, created_at)"
                        + " values ($1, 'ingest-key', 'key_b', now())",
                Tuple.of(b.value())));
        // no clear column to write to, and a row without its sealed secret is refused
        assertThat(refused).hasMessageContaining("sealed_secret");
    }

    @Test
    void aRowUnderTheOlderKeyOpensBeforeItIsResealed() throws Throwable {
        insertSealed(a, "ingest-key", "key_a", "sk_live_still_readable", boxOf("test-old"));

        assertThat(take(a)).extracting(OneTimeCredential::secret).containsExactly("sk_live_still_readable");
    }

    @Test
    void aRowUnderAKeyTheKeyringDoesNotHoldIsNeitherShownNorLost() throws Throwable {
        byte[] key = new byte[Keyring.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        SecretBox removed = new SecretBox(
                Keyring.parse("removed-key:" + Base64.getEncoder().encodeToString(key), Optional.empty()));
        insertSealed(a, "ingest-key", "key_a", "sk_live_under_removed_key", removed);

        OneTimeCredentialResealing.Result result = await(resealing.resealAll());

        assertThat(result.leftUnderOtherKeys()).contains("removed-key");
        assertThat(take(a)).isEmpty();
        assertThat(rows(a)).hasSize(1);
        assertThat(SecretBox.keyIdOf(
                        rows(a).iterator().next().getBuffer("sealed_secret").getBytes()))
                .isEqualTo("removed-key");
    }

    // ---- helpers ----

    /** A box holding only key {@code id} of the test keyring, active. */
    private SecretBox boxOf(String id) {
        String entry = Arrays.stream(keys.split(","))
                .filter(e -> e.startsWith(id + ":"))
                .findFirst()
                .orElseThrow();
        return new SecretBox(Keyring.parse(entry, Optional.empty()));
    }

    private void insertSealed(TenantId tenant, String kind, String reference, String secret, SecretBox box) {
        byte[] sealed = box.sealText(secret, OneTimeCredentialEntity.associatedData(tenant.value(), kind, reference));
        sql(
                tenant,
                "insert into onetime_credentials (tenant_id, kind, reference, sealed_secret, created_at)"
                        + " values ($1, $2, $3, $4, now())",
                Tuple.of(tenant.value(), kind, reference, io.vertx.core.buffer.Buffer.buffer(sealed)));
    }

    private void put(TenantId tenant, String kind, String reference, String secret) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(tenant.value()),
                () -> store.putCredential(tenant, kind, reference, secret, Instant.now())));
    }

    private List<OneTimeCredential> take(TenantId tenant) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(
                () -> scoped.transaction(TenantScope.of(tenant.value()), () -> store.takeCredentials(tenant)));
    }

    private RowSet<Row> rows(TenantId tenant) {
        return await(scoped.sql(
                TenantScope.of(tenant.value()),
                c -> c.preparedQuery("select tenant_id, kind, sealed_secret from onetime_credentials"
                                + " where tenant_id = $1")
                        .execute(Tuple.of(tenant.value()))));
    }

    private List<String> columns() {
        List<String> names = new java.util.ArrayList<>();
        await(scoped.sql(
                        TenantScope.of(a.value()),
                        c -> c.preparedQuery("select column_name from information_schema.columns"
                                        + " where table_name = 'onetime_credentials'")
                                .execute()))
                .forEach(row -> names.add(row.getString("column_name")));
        return names;
    }

    private void sql(TenantId tenant, String statement, Tuple values) {
        await(scoped.sql(
                TenantScope.of(tenant.value()), c -> c.preparedQuery(statement).execute(values)));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(TIMEOUT);
    }
}
