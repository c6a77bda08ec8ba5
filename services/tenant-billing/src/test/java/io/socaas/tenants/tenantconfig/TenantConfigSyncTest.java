package io.socaas.tenants.tenantconfig;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.facts.TenantsTopic;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.tenantconfig.domain.SyncReport;
import io.socaas.tenants.testing.AuditLog;
import io.socaas.tenants.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenant-config folder applied all or nothing, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class TenantConfigSyncTest {

    @Inject
    ScopedTransactions scoped;

    @Inject
    TenantConfigSync sync;

    @Inject
    TenantService tenants;

    @Inject
    TenantRepository repository;

    @TempDir
    Path folder;

    private String id;

    @BeforeEach
    void folderWithTheShippedPlans() throws IOException {
        Files.createDirectories(folder.resolve("tenants"));
        Files.copy(Path.of("../../tenant-config/plans.yaml"), folder.resolve("plans.yaml"));
        id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBadFileRefusesTheWholeSyncThenTheFixedFolderIsAppliedAndPublished() throws Throwable {
        tenantFile(id, "standard", "active");
        tenantFile("broken-" + id, "gold", "active");

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("tenants/broken-" + id + ".yaml");
            assertThat(error.reason()).startsWith("line 3: unknown plan 'gold'");
        });
        assertThat(find(id)).isEmpty();

        Files.delete(folder.resolve("tenants/broken-" + id + ".yaml"));
        SyncReport applied = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(applied.succeeded()).isTrue();
        assertThat(applied.changed()).containsExactly(id);
        assertThat(find(id)).hasValueSatisfying(t -> assertThat(t.spec().plan()).isEqualTo("standard"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id)).isPresent());

        SyncReport again = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));
        assertThat(again.changed()).isEmpty();
    }

    @Test
    void aChangedPlanIsPublishedForItsTenantsAndAPlanAnApiTenantUsesCannotDisappear() throws Throwable {
        tenantFile(id, "premium", "active");
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));
        String plans = Files.readString(folder.resolve("plans.yaml"));
        Files.writeString(folder.resolve("plans.yaml"), plans.replace("monthly_fee: 490000", "monthly_fee: 520000"));

        SyncReport repriced = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(repriced.succeeded()).isTrue();
        assertThat(repriced.changed()).contains(id);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id))
                        .hasValueSatisfying(p -> assertThat(p.config())
                                .hasValueSatisfying(
                                        c -> assertThat(c.getPlan().getPrice().getMonthlyFeeMinor())
                                                .isEqualTo(520_000))));

        String api = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantSpec spec = new TenantSpec(
                TenantId.of(api), "Api " + api, "premium", ZoneId.of("UTC"), TenantStatus.ACTIVE, List.of());
        VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(spec.id().value()), () -> repository.upsert(spec, TenantSource.API, Instant.now())));
        Files.delete(folder.resolve("tenants/" + id + ".yaml"));
        Files.writeString(
                folder.resolve("plans.yaml"),
                Files.readString(folder.resolve("plans.yaml")).replace("id: premium", "id: premium-2026"));

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors())
                .anySatisfy(e -> assertThat(e.reason()).contains("plan 'premium' is used by tenant"));
        // back to the repository's plans, so that later tests see them
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(Path.of("../../tenant-config")));
    }

    @Test
    void everyTenantTheSyncCreatesOrChangesIsAuditedWithWhatChanged() throws Throwable {
        tenantFile(id, "standard", "active");
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));
        tenantFile(id, "premium", "active");
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));
        // nothing changed: no entry
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        org.awaitility.Awaitility.await()
                .atMost(AuditLog.DEADLINE)
                .untilAsserted(() -> AuditLog.ofTenant(id)
                        .body(
                                "action",
                                containsInAnyOrder(
                                        "tenant-config sync created the tenant",
                                        "tenant-config sync changed the tenant"))
                        .body("actor", everyItem(equalTo("system tenant-config")))
                        .body("find { it.action.endsWith('created the tenant') }.before", equalTo(null))
                        .body(
                                "find { it.action.endsWith('created the tenant') }.after",
                                containsString("\"plan\":\"standard\""))
                        // the change: the plan before and after, not the fields that stayed
                        .body(
                                "find { it.action.endsWith('changed the tenant') }.before",
                                allOf(containsString("\"plan\":\"standard\""), not(containsString("display_name"))))
                        .body(
                                "find { it.action.endsWith('changed the tenant') }.after",
                                containsString("\"plan\":\"premium\"")));
    }

    @Test
    void aStatusSetThroughTheApiIsNotUndoneByTheFileSync() throws Throwable {
        tenantFile(id, "essentials", "active");
        VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        VertxContextSupport.subscribeAndAwait(() -> tenants.setStatus(TenantId.of(id), TenantStatus.SUSPENDED));
        tenantFile(id, "premium", "active");
        SyncReport applied = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(applied.changed()).containsExactly(id);
        assertThat(find(id)).hasValueSatisfying(t -> {
            assertThat(t.spec().plan()).isEqualTo("premium");
            assertThat(t.status()).isEqualTo(TenantStatus.SUSPENDED);
        });
    }

    @Test
    void aFileCannotDeclareATenantTheOnboardingApiManages() throws Throwable {
        TenantSpec spec = new TenantSpec(
                TenantId.of(id), "Api " + id, "standard", ZoneId.of("UTC"), TenantStatus.ACTIVE, List.of());
        VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(spec.id().value()), () -> repository.upsert(spec, TenantSource.API, Instant.now())));
        tenantFile(id, "premium", "active");

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("managed through the onboarding API"));
        assertThat(find(id)).hasValueSatisfying(t -> assertThat(t.spec().plan()).isEqualTo("standard"));
    }

    @Test
    void syslogSourcesArePublishedAndAPortAnotherTenantHoldsRefusesTheFile() throws Throwable {
        int held = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40_000);
        int free = held + 1;
        String holder = "t-" + UUID.randomUUID().toString().substring(0, 8);
        // an API tenant holds the port (as one of an earlier sync would)
        TenantSpec holding = new TenantSpec(
                TenantId.of(holder),
                "Api " + holder,
                "standard",
                ZoneId.of("UTC"),
                TenantStatus.ACTIVE,
                List.of(),
                new TenantSettings(
                        java.util.Map.of(),
                        List.of(),
                        List.of(),
                        java.util.Map.of(),
                        List.of(),
                        List.of(new TenantSettings.SyslogSource("fw", held, List.of()))));
        VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(holder), () -> repository.upsert(holding, TenantSource.API, Instant.now())));
        // unique per run: tenants of earlier runs keep theirs
        String fingerprint = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 64);
        syslogTenantFile(id, held, fingerprint);

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("tenants/" + id + ".yaml");
            assertThat(error.reason()).contains("port " + held + " is already used by tenant '" + holder + "'");
        });
        assertThat(find(id)).isEmpty();

        syslogTenantFile(id, free, fingerprint);
        SyncReport applied = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(applied.succeeded()).isTrue();
        assertThat(find(id))
                .hasValueSatisfying(t -> assertThat(t.spec().settings().syslogSources())
                        .containsExactly(new TenantSettings.SyslogSource(
                                "hq-firewall",
                                free,
                                List.of(new TenantSettings.ClientCertificate(
                                        fingerprint, "CN=fw01." + id + ".example")))));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id))
                        .hasValueSatisfying(p -> assertThat(p.config()).hasValueSatisfying(c -> {
                            assertThat(c.getSyslogSourcesList()).singleElement().satisfies(source -> {
                                assertThat(source.getName()).isEqualTo("hq-firewall");
                                assertThat(source.getPort()).isEqualTo(free);
                                assertThat(source.getClientCertificates(0).getSha256Fingerprint())
                                        .isEqualTo(fingerprint);
                                assertThat(source.getClientCertificates(0).getSubjectDn())
                                        .isEqualTo("CN=fw01." + id + ".example");
                            });
                        })));
    }

    @Test
    void aPortOfThePlatformsOwnListenersRefusesTheFile() throws Throwable {
        String fingerprint = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 64);
        // 5140: ingestion's shared syslog listener (socaas.syslog.tenant-ports.reserved)
        syslogTenantFile(id, 5140, fingerprint);

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("tenants/" + id + ".yaml");
            assertThat(error.reason()).contains("hq-firewall: port 5140 is reserved by the platform");
        });
        assertThat(find(id)).isEmpty();
    }

    @Test
    void aPortAnApiTenantWasGivenThroughTheApiRefusesTheFile() throws Throwable {
        int held = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40_000);
        String holder = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantSpec holding = new TenantSpec(
                TenantId.of(holder), "Api " + holder, "standard", ZoneId.of("UTC"), TenantStatus.ACTIVE, List.of());
        VertxContextSupport.subscribeAndAwait(() -> scoped.transaction(
                TenantScope.of(holder), () -> repository.upsert(holding, TenantSource.API, Instant.now())));
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType("application/json")
                .body("{\"port\":" + held + "}")
                .when()
                .put("/api/v1/tenants/" + holder + "/syslog-sources/fw")
                .then()
                .statusCode(201);
        String fingerprint = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 64);
        syslogTenantFile(id, held, fingerprint);

        SyncReport refused = VertxContextSupport.subscribeAndAwait(() -> sync.sync(folder));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.reason())
                        .contains("port " + held + " is already used by tenant '" + holder + "'"));
    }

    private void syslogTenantFile(String tenant, int port, String fingerprint) throws IOException {
        String colons =
                String.join(":", fingerprint.toUpperCase(java.util.Locale.ROOT).split("(?<=\\G..)"));
        Files.writeString(
                folder.resolve("tenants/" + tenant + ".yaml"), """
                id: %s
                display_name: Tenant %s
                plan: standard
                time_zone: Europe/Berlin
                status: active
                syslog_sources:
                  - name: hq-firewall
                    port: %d
                    client_certificates:
                      - sha256_fingerprint: "%s"
                        subject_dn: "CN=fw01.%s.example"
                """.formatted(tenant, tenant, port, colons, tenant));
    }

    @Test
    void theOperatorAppliesTheFolderOverRestAndOthersMayNot() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .post("/api/v1/tenant-config/sync")
                .then()
                .statusCode(200)
                .body("tenants", hasItems("acme", "globex"));
        given().auth()
                .oauth2(KeycloakTokens.ana())
                .when()
                .post("/api/v1/tenant-config/sync")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private Optional<Tenant> find(String tenant) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> tenants.list("test: the stored tenants")
                .map(all ->
                        all.stream().filter(t -> t.id().value().equals(tenant)).findFirst()));
    }

    private void tenantFile(String tenant, String plan, String status) throws IOException {
        Files.writeString(folder.resolve("tenants/" + tenant + ".yaml"), """
                id: %s
                display_name: Tenant %s
                plan: %s
                time_zone: Europe/Berlin
                status: %s
                rule_packs: [windows-core]
                """.formatted(tenant, tenant, plan, status));
    }
}
