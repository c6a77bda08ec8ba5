package io.socaas.cases.casefile.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseQuery;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.CaseTestData;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.IntakeConflictException;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The PostgreSQL walls behind intake: tenant filters, idempotence key and one unresolved case per dedup key. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PanacheCaseFileRepositoryTest {

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    CaseFileService service;

    @Test
    @RunOnVertxContext
    void aSecondRecordOfTheSameAlertIsAConflictNotASecondCase(UniAsserter asserter) {
        IncomingAlert alert = CaseTestData.anAlert().withDedupKey(null).build();
        CaseFile first = CaseFile.openFrom(alert, CaseId.newId(), now());
        CaseFile second = CaseFile.openFrom(alert, CaseId.newId(), now());

        asserter.execute(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(first, alert)));
        asserter.assertFailedWith(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(second, alert)),
                IntakeConflictException.class);
        asserter.assertThat(
                () -> repository.findById(TenantScope.allTenants(), second.id()),
                found -> assertThat(found).isEmpty());
        asserter.assertThat(
                () -> repository.findByAlert(alert.tenantId(), alert.alertId()),
                found -> assertThat(found).map(CaseFile::id).contains(first.id()));
        asserter.assertThat(
                () -> repository.findByAlert(TenantId.of("globex"), alert.alertId()),
                found -> assertThat(found).isEmpty());
        asserter.assertThat(
                () -> repository.list(new CaseQuery(TenantScope.of(TenantId.of("acme")), Set.of(), 500)),
                found -> assertThat(found).extracting(CaseFile::id).doesNotContain(second.id()));
    }

    @Test
    @RunOnVertxContext
    void aSecondUnresolvedCaseForTheSameDedupKeyIsAConflict(UniAsserter asserter) {
        String dedupKey = "repo-" + UUID.randomUUID();
        IncomingAlert first = CaseTestData.anAlert().withDedupKey(dedupKey).build();
        IncomingAlert concurrent = CaseTestData.anAlert().withDedupKey(dedupKey).build();
        IncomingAlert otherTenant = CaseTestData.anAlert()
                .withTenant("globex")
                .withDedupKey(dedupKey)
                .build();

        asserter.execute(() -> repository.inTransaction(
                TenantScope.allTenants(),
                () -> repository.insert(CaseFile.openFrom(first, CaseId.newId(), now()), first)));
        asserter.assertFailedWith(
                () -> repository.inTransaction(
                        TenantScope.allTenants(),
                        () -> repository.insert(CaseFile.openFrom(concurrent, CaseId.newId(), now()), concurrent)),
                IntakeConflictException.class);
        asserter.execute(() -> repository.inTransaction(
                TenantScope.allTenants(),
                () -> repository.insert(CaseFile.openFrom(otherTenant, CaseId.newId(), now()), otherTenant)));
        asserter.assertThat(
                () -> repository.findUnresolvedByDedupKey(TenantId.of("acme"), dedupKey),
                found -> assertThat(found).map(CaseFile::tenantId).contains(TenantId.of("acme")));
        asserter.assertThat(
                () -> repository.findUnresolvedByDedupKey(TenantId.of("globex"), dedupKey),
                found -> assertThat(found).map(CaseFile::tenantId).contains(TenantId.of("globex")));
    }

    @Test
    @RunOnVertxContext
    void attachingCountsTheAlertAndKeepsItsEventsInTheTenantsCase(UniAsserter asserter) {
        String dedupKey = "repo-" + UUID.randomUUID();
        IncomingAlert first = CaseTestData.anAlert()
                .withDedupKey(dedupKey)
                .withEventIngestIds("E1-" + dedupKey)
                .build();
        IncomingAlert repeated = CaseTestData.anAlert()
                .withDedupKey(dedupKey)
                .withSeverity(Severity.CRITICAL)
                .withEventIngestIds("E2-" + dedupKey)
                .build();
        CaseFile opened = CaseFile.openFrom(first, CaseId.newId(), now());

        asserter.execute(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(opened, first)));
        asserter.execute(() -> repository.inTransaction(
                TenantScope.allTenants(), () -> repository.attach(opened.attach(repeated, now()), repeated)));
        asserter.assertThat(() -> repository.findById(TenantScope.of(TenantId.of("acme")), opened.id()), found -> {
            assertThat(found).isPresent();
            assertThat(found.get().alertCount()).isEqualTo(2);
            assertThat(found.get().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(found.get().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(found.get().eventIngestIds()).contains("E1-" + dedupKey, "E2-" + dedupKey);
        });
        asserter.assertThat(
                () -> repository.findById(TenantScope.of(TenantId.of("globex")), opened.id()),
                found -> assertThat(found).isEmpty());
    }

    /**
     * Two replicas take in the same alert: this one missed the alert in its first lookup, the
     * other committed it meanwhile, so the dedup lookup now loads the case with that alert in it.
     * Recording the alert again must be a conflict (retried, then seen as a duplicate), never an
     * error that stops intake.
     */
    @Test
    @RunOnVertxContext
    void attachingAnAlertTheCaseAlreadyHoldsIsAConflict(UniAsserter asserter) {
        String dedupKey = "repo-" + UUID.randomUUID();
        IncomingAlert alert = CaseTestData.anAlert().withDedupKey(dedupKey).build();
        CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), now());

        asserter.execute(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(opened, alert)));
        asserter.assertFailedWith(
                () -> repository.inTransaction(
                        TenantScope.allTenants(),
                        () -> repository
                                .findUnresolvedByDedupKey(alert.tenantId(), dedupKey)
                                .chain(found ->
                                        repository.attach(found.orElseThrow().attach(alert, now()), alert))),
                IntakeConflictException.class);
        asserter.assertThat(
                () -> repository.findById(TenantScope.of(TenantId.of("acme")), opened.id()),
                found -> assertThat(found).map(CaseFile::alertCount).contains(1));
    }

    @Test
    @RunOnVertxContext
    void listsShowTheCaseWithTheLatestActivityFirst(UniAsserter asserter) {
        String run = UUID.randomUUID().toString();
        IncomingAlert older =
                CaseTestData.anAlert().withDedupKey("older-" + run).build();
        IncomingAlert newer =
                CaseTestData.anAlert().withDedupKey("newer-" + run).build();
        IncomingAlert repeated =
                CaseTestData.anAlert().withDedupKey("older-" + run).build();
        CaseFile olderCase = CaseFile.openFrom(older, CaseId.newId(), now().minusSeconds(60));
        CaseFile newerCase = CaseFile.openFrom(newer, CaseId.newId(), now().minusSeconds(30));

        asserter.execute(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(olderCase, older)));
        asserter.execute(
                () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(newerCase, newer)));
        asserter.assertThat(
                () -> repository.list(new CaseQuery(TenantScope.of(TenantId.of("acme")), Set.of(), 500)),
                found ->
                        assertThat(found).extracting(CaseFile::id).containsSubsequence(newerCase.id(), olderCase.id()));
        asserter.execute(() -> repository.inTransaction(
                TenantScope.allTenants(), () -> repository.attach(olderCase.attach(repeated, now()), repeated)));
        asserter.assertThat(
                () -> repository.list(new CaseQuery(TenantScope.of(TenantId.of("acme")), Set.of(), 500)),
                found ->
                        assertThat(found).extracting(CaseFile::id).containsSubsequence(olderCase.id(), newerCase.id()));
    }

    @Test
    @RunOnVertxContext
    void pagesListEveryCaseExactlyOnceEvenWhenCasesShareTheirLastActivity(UniAsserter asserter) {
        Instant sameInstant = now();
        List<CaseFile> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            IncomingAlert alert = CaseTestData.anAlert()
                    .withTenant("globex")
                    .withDedupKey("paging-" + UUID.randomUUID())
                    .build();
            CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), sameInstant);
            made.add(opened);
            asserter.execute(
                    () -> repository.inTransaction(TenantScope.allTenants(), () -> repository.insert(opened, alert)));
        }
        TenantScope globex = TenantScope.of(TenantId.of("globex"));
        List<CaseId> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        asserter.execute(() -> allPages(globex, null, paged, pageSizes));
        asserter.assertThat(() -> repository.list(new CaseQuery(globex, Set.of(), 500)), all -> {
            assertThat(all).hasSizeLessThan(500);
            assertThat(paged).doesNotHaveDuplicates();
            assertThat(paged)
                    .containsExactlyElementsOf(all.stream().map(CaseFile::id).toList());
            assertThat(paged).containsAll(made.stream().map(CaseFile::id).toList());
            assertThat(pageSizes).allMatch(size -> size <= 3);
            assertThat(pageSizes).hasSizeGreaterThanOrEqualTo(3);
        });
        asserter.assertFailedWith(
                () -> service.page(globex, Set.of(), 3, "bm90LWEtdG9rZW4"), InvalidCaseQueryException.class);
    }

    private io.smallrye.mutiny.Uni<Void> allPages(
            TenantScope scope, String token, List<CaseId> paged, List<Integer> pageSizes) {
        return service.page(scope, Set.of(), 3, token).chain(page -> {
            page.cases().forEach(c -> paged.add(c.id()));
            pageSizes.add(page.cases().size());
            return page.next().isEmpty()
                    ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                    : allPages(scope, page.next().get().token(), paged, pageSizes);
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
