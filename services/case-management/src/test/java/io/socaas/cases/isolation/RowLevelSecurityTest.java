package io.socaas.cases.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.persistence.CaseEntity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.TestCases;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.scope.testing.SystemScopeLog;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres row-level security, the wall below the service's own {@code where tenant_id = ...}: the
 * service's role owns no table, every table with a tenant forces its policy, and a transaction sees
 * and writes only the cases of its scope, whatever its SQL says.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RowLevelSecurityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ScopedTransactions scoped;

    @Inject
    PanacheCaseFileRepository repository;

    /** The service's own pool, used here without the scope to show what that gets. */
    @Inject
    Pool pool;

    private String a;
    private String b;
    private String dedupKey;
    private String caseOfB;

    /** Two fresh tenants, A and B, with one case each under the same dedup key. */
    @BeforeEach
    void aCaseOfEachOfTwoTenants() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "rls-a-" + run;
        b = "rls-b-" + run;
        dedupKey = "rls-" + run;
        TestCases.open(repository, a, dedupKey);
        caseOfB = TestCases.open(repository, b, dedupKey);
    }

    @Test
    void aQueryWithoutTenantPredicateUnderTenantAsScopeGetsNoneOfBsCases() throws Throwable {
        List<String> viaSql = column(sql(
                TenantScope.of(a),
                c -> c.preparedQuery("select tenant_id from cases where dedup_key = $1")
                        .execute(Tuple.of(dedupKey))));
        assertThat(viaSql).containsExactly(a);

        List<CaseEntity> viaHibernate = VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(a),
                () -> CaseEntity.<CaseEntity>find("dedupKey = ?1", dedupKey).list()));
        assertThat(viaHibernate).extracting(row -> row.tenantId).containsExactly(a);

        List<String> timeline = column(sql(
                TenantScope.of(a),
                c -> c.query("select distinct tenant_id from case_timeline").execute()));
        assertThat(timeline).doesNotContain(b);
    }

    @Test
    void underTenantAsScopeBsCasesCanBeNeitherWrittenNorChanged() {
        Throwable insert = catchThrowable(() -> sql(
                TenantScope.of(a),
                c -> c.preparedQuery("insert into case_tasks (id, case_id, tenant_id, title, status, created_by,"
                                + " created_at) values ($1, $2, $3, 'planted', 'OPEN', 'intruder', $4)")
                        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(caseOfB), b, OffsetDateTime.now()))));
        assertThat(insert).hasMessageContaining("row-level security policy");

        RowSet<Row> updated = sql(
                TenantScope.of(a),
                c -> c.preparedQuery("update cases set title = 'taken over' where id = $1")
                        .execute(Tuple.of(UUID.fromString(caseOfB))));
        assertThat(updated.rowCount()).isZero();

        List<String> title = column(sql(
                TenantScope.of(b),
                c -> c.preparedQuery("select title from cases where id = $1")
                        .execute(Tuple.of(UUID.fromString(caseOfB)))));
        assertThat(title).hasSize(1).doesNotContain("taken over");
    }

    @Test
    void withoutAScopeNothingIsSeenAndNothingWritten() {
        RowSet<Row> cases = pool.preparedQuery("select id from cases where dedup_key = $1")
                .execute(Tuple.of(dedupKey))
                .await()
                .atMost(TIMEOUT);
        assertThat(cases.rowCount()).isZero();

        Throwable insert = catchThrowable(() -> pool.withTransaction(c -> c.preparedQuery(
                                "insert into case_tasks (id, case_id, tenant_id, title, status, created_by, created_at)"
                                        + " values ($1, $2, $3, 'planted', 'OPEN', 'intruder', $4)")
                        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(caseOfB), b, OffsetDateTime.now())))
                .await()
                .atMost(TIMEOUT));
        assertThat(insert).hasMessageContaining("row-level security policy");
    }

    @Test
    void anAnalystsEntitledListSeesItsTenantsOnly() {
        List<String> seen = column(sql(
                TenantScope.entitled(List.of(b, "some-other-tenant")),
                c -> c.preparedQuery("select tenant_id from cases where dedup_key = $1")
                        .execute(Tuple.of(dedupKey))));
        assertThat(seen).containsExactly(b);
    }

    @Test
    void theSystemScopeSeesEveryTenantAndIsLogged() {
        String reason = "row-level security test " + UUID.randomUUID();
        List<String> logged;
        try (SystemScopeLog log = SystemScopeLog.capture()) {
            List<String> seen = column(sql(
                    TenantScope.system(reason),
                    c -> c.preparedQuery("select tenant_id from cases where dedup_key = $1 order by tenant_id")
                            .execute(Tuple.of(dedupKey))));
            assertThat(seen).containsExactly(a, b);
            logged = log.messages();
        }
        assertThat(logged).anySatisfy(message -> assertThat(message).contains(reason));
    }

    @Test
    void theServiceRoleOwnsNoTableAndEveryTableWithATenantForcesItsPolicy() {
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
                        select c.relname
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                        where c.relkind = 'r'
                          and exists (select 1 from pg_attribute a
                                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                          and not (c.relrowsecurity and c.relforcerowsecurity
                                   and exists (select 1 from pg_policies p where p.tablename = c.relname
                                               and p.qual like '%app.tenant_scope%'))""").execute().await().atMost(TIMEOUT)) {
            unprotected.add(row.getString(0));
        }
        assertThat(unprotected)
                .as("tables with a tenant_id without forced row-level security")
                .isEmpty();
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
