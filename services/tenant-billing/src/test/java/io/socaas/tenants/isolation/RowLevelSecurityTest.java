package io.socaas.tenants.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.scope.testing.SystemScopeLog;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres row-level security, the wall below the service's own {@code where tenant_id = ...}: the
 * service's role owns no table, every tenant-owned table forces its policy, and a transaction sees
 * and writes only the rows of its scope, whatever its SQL says.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RowLevelSecurityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Tables with a tenant_id that are not tenant-owned (README, db/migration/V7). */
    private static final List<String> NOT_TENANT_OWNED = List.of("onboarding_requests");

    @Inject
    ScopedTransactions scoped;

    @Inject
    TenantRepository tenants;

    /** The service's own pool, used here without the scope to show what that gets. */
    @Inject
    Pool pool;

    private String a;
    private String b;
    private String instance;

    /** Two fresh tenants, A and B, with one minute of usage each. */
    @BeforeEach
    void twoTenantsWithUsage() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "rls-a-" + run;
        b = "rls-b-" + run;
        instance = "rls-test-" + run;
        for (String tenant : List.of(a, b)) {
            TenantSpec spec = new TenantSpec(
                    TenantId.of(tenant),
                    "Tenant " + tenant,
                    "standard",
                    ZoneId.of("UTC"),
                    TenantStatus.ACTIVE,
                    List.of());
            VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                    TenantScope.of(tenant), () -> tenants.upsert(spec, TenantSource.API, Instant.now())));
            sql(TenantScope.of(tenant), c -> insertUsage(c, tenant));
        }
    }

    @Test
    void aQueryWithoutTenantPredicateUnderTenantAsScopeGetsNoneOfBsRows() throws Throwable {
        List<String> usageTenants = column(sql(
                TenantScope.of(a),
                c -> c.preparedQuery("select tenant_id from usage_records where instance = $1")
                        .execute(Tuple.of(instance))));
        assertThat(usageTenants).containsExactly(a);

        // Hibernate Reactive, all rows of the table: only A's tenant row
        List<Tenant> listed = VertxContextSupport.subscribeAndAwait(
                () -> scoped.transaction(TenantScope.of(a), tenants::listTenants));
        assertThat(listed).extracting(t -> t.id().value()).containsExactly(a);
    }

    @Test
    void underTenantAsScopeBsRowsCanBeNeitherWrittenNorChanged() throws Throwable {
        Throwable insert = catchThrowable(() -> sql(TenantScope.of(a), c -> insertUsage(c, b)));
        assertThat(insert).hasMessageContaining("row-level security policy");

        TenantSpec bAsA = new TenantSpec(
                TenantId.of(b), "Taken over", "standard", ZoneId.of("UTC"), TenantStatus.SUSPENDED, List.of());
        Throwable upsert = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() ->
                scoped.transaction(TenantScope.of(a), () -> tenants.upsert(bAsA, TenantSource.API, Instant.now()))));
        assertThat(upsert).isNotNull();

        RowSet<Row> updated = sql(
                TenantScope.of(a),
                c -> c.query("update usage_records set raw_bytes = 0 where tenant_id = '" + b + "'")
                        .execute());
        RowSet<Row> deleted = sql(
                TenantScope.of(a),
                c -> c.query("delete from tenants where id = '" + b + "'").execute());
        assertThat(updated.rowCount()).isZero();
        assertThat(deleted.rowCount()).isZero();

        Tenant stillB = VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(b), () -> tenants.find(TenantId.of(b)).map(found -> found.orElseThrow())));
        assertThat(stillB.spec().displayName()).isEqualTo("Tenant " + b);
        assertThat(stillB.spec().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void withoutAScopeNothingIsSeenAndNothingWritten() {
        RowSet<Row> usage = pool.preparedQuery("select tenant_id from usage_records where instance = $1")
                .execute(Tuple.of(instance))
                .await()
                .atMost(TIMEOUT);
        RowSet<Row> tenantRows =
                pool.query("select id from tenants").execute().await().atMost(TIMEOUT);
        assertThat(usage.rowCount()).isZero();
        assertThat(tenantRows.rowCount()).isZero();

        Throwable insert = catchThrowable(
                () -> pool.withTransaction(c -> insertUsage(c, a)).await().atMost(TIMEOUT));
        assertThat(insert).hasMessageContaining("row-level security policy");
    }

    @Test
    void anAnalystsEntitledListSeesItsTenantsOnly() throws Throwable {
        List<String> seen = column(sql(
                TenantScope.entitled(List.of(a, "some-other-tenant")),
                c -> c.preparedQuery("select tenant_id from usage_records where instance = $1")
                        .execute(Tuple.of(instance))));
        List<String> none = column(sql(
                TenantScope.entitled(List.of()),
                c -> c.preparedQuery("select tenant_id from usage_records where instance = $1")
                        .execute(Tuple.of(instance))));
        assertThat(seen).containsExactly(a);
        assertThat(none).isEmpty();
    }

    @Test
    void theSystemScopeSeesEveryTenantAndIsLogged() throws Throwable {
        String reason = "row-level security test " + UUID.randomUUID();
        List<String> logged;
        try (SystemScopeLog log = SystemScopeLog.capture()) {
            List<String> seen = column(sql(
                    TenantScope.system(reason),
                    c -> c.preparedQuery("select tenant_id from usage_records where instance = $1 order by tenant_id")
                            .execute(Tuple.of(instance))));
            assertThat(seen).containsExactly(a, b);
            logged = log.messages();
        }
        assertThat(logged).anySatisfy(message -> assertThat(message).contains(reason));
    }

    @Test
    void aTransactionCannotWidenItsScopeFromWithin() {
        Throwable widened = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(a),
                () -> scoped.transaction(TenantScope.system("widening attempt"), tenants::listTenants))));
        assertThat(widened).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theServiceRoleOwnsNoTableAndEveryTenantOwnedTableForcesItsPolicy() {
        Row who = pool.query("select current_user as who, (select tableowner from pg_tables"
                        + " where schemaname = 'public' and tablename = 'tenants') as owner")
                .execute()
                .await()
                .atMost(TIMEOUT)
                .iterator()
                .next();
        assertThat(who.getString("who")).isNotEqualTo(who.getString("owner"));
        assertThat(pool.query(
                                "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                        .execute()
                        .await()
                        .atMost(TIMEOUT)
                        .iterator()
                        .next()
                        .getLong(0))
                .isZero();

        List<String> unprotected = new ArrayList<>();
        for (Row row : pool.query("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_policies p
                                       where p.tablename = c.relname and p.qual like '%app.tenant_scope%') as policy
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                        where c.relkind = 'r'
                          and (c.relname = 'tenants' or exists (select 1 from pg_attribute a
                               where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))""").execute().await().atMost(TIMEOUT)) {
            String table = row.getString("relname");
            boolean guarded = row.getBoolean("relrowsecurity")
                    && row.getBoolean("relforcerowsecurity")
                    && row.getBoolean("policy");
            if (!guarded && !NOT_TENANT_OWNED.contains(table)) {
                unprotected.add(table);
            }
        }
        assertThat(unprotected)
                .as("tenant-owned tables without forced row-level security")
                .isEmpty();
    }

    private Uni<RowSet<Row>> insertUsage(SqlConnection connection, String tenant) {
        Instant minute = Instant.parse("2026-07-01T10:00:00Z");
        return connection
                .preparedQuery("insert into usage_records (usage_id, tenant_id, instance, minute_start,"
                        + " events_accepted, raw_bytes, events_refused_quota) values ($1, $2, $3, $4, 1, 100, 0)")
                .execute(Tuple.of(
                        instance + ":" + tenant + ":" + minute.toEpochMilli(),
                        tenant,
                        instance,
                        minute.atOffset(ZoneOffset.UTC)));
    }

    private <T> T sql(TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        return scoped.sql(scope, work).await().atMost(TIMEOUT);
    }

    private static List<String> column(RowSet<Row> rows) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.getString(0)));
        return values;
    }
}
