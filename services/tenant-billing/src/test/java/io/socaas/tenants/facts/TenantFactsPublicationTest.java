package io.socaas.tenants.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ConfigSource;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.ListTenantsRequest;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.SlaBudget;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every tenant's resolved configuration on the compacted tenant facts topic (the tests' own), at
 * start and on every change, and the same answer from TenantDirectory.ListTenants, against the real
 * Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class TenantFactsPublicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    TenantService tenants;

    @Inject
    TenantFacts facts;

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub anonymousDirectory;

    /** TenantDirectory as ingestion calls it: with ingestion's own token. */
    private TenantDirectoryBlockingStub directory() {
        return anonymousDirectory.withInterceptors(UserToken.bearer(KeycloakTokens.ingestionService()));
    }

    @Test
    void atStartEveryTenantIsPublishedWithItsPlanResolved() {
        TenantsTopic.Published acme = TenantsTopic.recordsOf("acme").stream()
                .filter(p -> p.config()
                        .map(c -> c.getPlan().getId().equals("standard"))
                        .orElse(false))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("acme was not published"));

        assertThat(acme.tenantHeader()).isEqualTo("acme");
        assertThat(acme.type()).isEqualTo("socaas.tenant.changed.v1");
        TenantConfig config = acme.config().orElseThrow();
        assertThat(config.getDisplayName()).isEqualTo("Acme Manufacturing GmbH");
        assertThat(config.getStatus()).isEqualTo(TenantStatus.TENANT_STATUS_ACTIVE);
        assertThat(config.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(config.getSource()).isEqualTo(ConfigSource.CONFIG_SOURCE_FILE);
        assertThat(config.getContactsList())
                .anySatisfy(c -> assertThat(c.getEmail()).isEqualTo("soc@acme.example"));
        assertThat(config.getRulePacksList()).extracting(p -> p.getPackId()).containsExactly("windows-core");
        assertThat(config.getPlan().getSlaList())
                .contains(SlaBudget.newBuilder()
                        .setSeverity(Severity.SEVERITY_CRITICAL)
                        .setAcknowledgeSeconds(15 * 60)
                        .setResolveSeconds(4 * 3600)
                        .build());
        assertThat(config.getPlan().getCoverage().getKind()).isEqualTo(Coverage.Kind.KIND_24X7);
        assertThat(config.getPlan().getQuota().getBurstEvents()).isEqualTo(10_000);
        assertThat(config.getPlan().getPrice().getCurrency()).isEqualTo("EUR");
        assertThat(config.getPlan().getPrice().getMonthlyFeeMinor()).isEqualTo(149_000);
        assertThat(config.getPlan().getEscalationCount()).isEqualTo(4);
    }

    @Test
    void listTenantsAnswersTheResolvedConfigurationsForAColdReader() {
        List<TenantConfig> listed =
                directory().listTenants(ListTenantsRequest.getDefaultInstance()).getTenantsList();

        assertThat(listed)
                .extracting(TenantConfig::getTenantId)
                .contains("acme", "globex")
                .isSorted();
        TenantConfig globex = listed.stream()
                .filter(t -> t.getTenantId().equals("globex"))
                .findFirst()
                .orElseThrow();
        assertThat(globex.getPlan().getId()).isEqualTo("essentials");
        assertThat(globex.getPlan().getCoverage().getKind()).isEqualTo(Coverage.Kind.KIND_BUSINESS_HOURS);
        assertThat(globex.getPlan().getCoverage().getBusinessHoursList())
                .hasSize(5)
                .allSatisfy(hours -> {
                    assertThat(hours.getStart()).isEqualTo("08:00");
                    assertThat(hours.getEnd()).isEqualTo("18:00");
                });
    }

    @Test
    void everyChangeIsPublishedWithAHigherRevisionAndAPurgeWithATombstone() throws Throwable {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = TenantId.of(id);
        TenantSpec spec = new TenantSpec(
                tenant,
                "Initrode " + id,
                "premium",
                ZoneId.of("America/New_York"),
                io.socaas.tenants.tenant.domain.TenantStatus.ACTIVE,
                List.of("windows-core"),
                TenantSettings.none().withContact("security", "soc@initrode.example"));
        VertxContextSupport.subscribeAndAwait(() -> tenants.apply(spec));
        TenantConfig created = VertxContextSupport.subscribeAndAwait(() -> facts.changed(tenant));

        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id))
                        .hasValueSatisfying(p -> assertThat(p.config()).contains(created)));
        assertThat(created.getPlan().getId()).isEqualTo("premium");
        assertThat(created.getTimeZone()).isEqualTo("America/New_York");

        VertxContextSupport.subscribeAndAwait(
                () -> tenants.setStatus(tenant, io.socaas.tenants.tenant.domain.TenantStatus.SUSPENDED));
        TenantConfig suspended = VertxContextSupport.subscribeAndAwait(() -> facts.changed(tenant));

        assertThat(suspended.getRevision()).isGreaterThan(created.getRevision());
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id))
                        .hasValueSatisfying(p -> assertThat(p.config())
                                .hasValueSatisfying(c ->
                                        assertThat(c.getStatus()).isEqualTo(TenantStatus.TENANT_STATUS_SUSPENDED))));

        VertxContextSupport.subscribeAndAwait(() -> facts.purged(tenant));
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(TenantsTopic.latest(id)).hasValueSatisfying(p -> {
                    assertThat(p.config()).isEmpty();
                    assertThat(p.type()).isEqualTo("socaas.tenant.purged.v1");
                }));
    }
}
