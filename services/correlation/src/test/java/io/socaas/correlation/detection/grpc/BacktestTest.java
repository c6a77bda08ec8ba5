package io.socaas.correlation.detection.grpc;

import static io.socaas.correlation.detection.grpc.DetectionTestSupport.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.detection.v1.BacktestMatch;
import io.socaas.proto.detection.v1.BacktestRequest;
import io.socaas.proto.detection.v1.BacktestResponse;
import io.socaas.proto.detection.v1.DetectionServiceGrpc.DetectionServiceBlockingStub;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.tenantindices.OpenSearchConnection;
import io.socaas.tenantindices.TenantIndexAdmin;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.Refresh;

/**
 * DetectionService Backtest over a real gRPC call, against the real OpenSearch of the local stack:
 * two tenants with look-alike events indexed as ingestion indexes them (OCSF records of Sysmon
 * events, in the tenants' daily indices behind their aliases).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class BacktestTest {

    private static final String RULE = DetectionTestSupport.WHOAMI_PRIV_RULE_YAML;

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final TenantId A = TenantId.of("backtest-a-" + RUN);
    private static final TenantId B = TenantId.of("backtest-b-" + RUN);
    private static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();

    /** A's events the rule should match, inside the window: their ingest ids. */
    private static final List<String> MATCHING_OF_A = new ArrayList<>();

    private static OpenSearchConnection opensearch;

    @GrpcClient("detection")
    DetectionServiceBlockingStub anonymous;

    private DetectionServiceBlockingStub as(String token) {
        return anonymous.withInterceptors(UserToken.bearer(token));
    }

    @BeforeAll
    static void twoTenantsWithLookAlikeStoredEvents() throws IOException {
        opensearch = OpenSearchConnection.to(URI.create("http://127.0.0.1:9200"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A: three matching events of the last hours, one whoami without /priv (its logsource, no
        // match), one DNS query (another logsource), and a matching event of three days ago
        for (int i = 1; i <= 3; i++) {
            MATCHING_OF_A.add(store(A, now.minus(Duration.ofHours(i)), process("whoami /priv")));
        }
        store(A, now.minus(Duration.ofMinutes(30)), process("whoami"));
        store(A, now.minus(Duration.ofMinutes(20)), """
                {"EventID":22,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","QueryName":"example.org","UtcTime":"%s"}
                """);
        store(A, now.minus(Duration.ofDays(3)), process("whoami /priv"));
        // B: the same matching events: never counted for A
        for (int i = 1; i <= 2; i++) {
            store(B, now.minus(Duration.ofHours(i)), process("whoami /priv"));
        }
    }

    @AfterAll
    static void purge() throws IOException {
        TenantIndexAdmin admin = new TenantIndexAdmin(opensearch.client());
        admin.purge(A);
        admin.purge(B);
        opensearch.close();
    }

    private static String process(String commandLine) {
        return """
                {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"%s","UtcTime":"%%s"}
                """.formatted(commandLine);
    }

    /** Normalizes the Sysmon event as ingestion does and indexes it into the tenant's daily index. */
    private static String store(TenantId tenant, Instant time, String sysmonWithTimeSlot) throws IOException {
        String ingestId = "01J"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
        JsonEvent source = JsonEvent.parse(sysmonWithTimeSlot.formatted(SYSMON_TIME.format(time)));
        var record = NORMALIZER.normalize(source, new OcsfNormalizer.Context(tenant, ingestId, time, "sysmon"));
        TenantIndexAdmin admin = new TenantIndexAdmin(opensearch.client());
        admin.putTemplate(tenant);
        String index = admin.ensureDailyIndex(tenant, LocalDate.ofInstant(time, ZoneOffset.UTC));
        opensearch
                .client()
                .index(i -> i.index(index)
                        .id(ingestId)
                        .document(record.event().toObjectNode())
                        .refresh(Refresh.True));
        return ingestId;
    }

    @jakarta.inject.Inject
    TenantRuleCatalog catalog;

    @Test
    void countsWhatARuleWouldHaveMatchedInTheTenantsStoredEventsOfTheWindowAndNothingOfAnotherTenant() {
        try (var tenants = new TenantFactsTestTopic()) {
            DetectionTestSupport.publish(catalog, tenants, A);
            DetectionTestSupport.publish(catalog, tenants, B);

            BacktestResponse day = as(RealmTokens.user("ana"))
                    .backtest(BacktestRequest.newBuilder()
                            .setTenantId(A.value())
                            .setRuleYaml(RULE)
                            .setHours(24)
                            .build());

            assertThat(day.getTenantId()).isEqualTo(A.value());
            assertThat(day.getRuleId()).isEqualTo("5a2f0b7e-3333-4c3e-9a55-0d1f1e2a3b4c");
            assertThat(day.getEventsScanned()).isEqualTo(5);
            assertThat(day.getLogsourceEvents()).isEqualTo(4);
            assertThat(day.getEventsMatched()).isEqualTo(3);
            assertThat(day.getEventsFailed()).isZero();
            assertThat(day.getTruncated()).isFalse();
            assertThat(day.getSamplesList())
                    .extracting(BacktestMatch::getIngestId)
                    .containsExactlyInAnyOrderElementsOf(MATCHING_OF_A);
            assertThat(day.getSamples(0).getMatchedSelectionsList())
                    .containsExactlyInAnyOrder("selection_img", "selection_cli");
            assertThat(day.getToTimeMs() - day.getFromTimeMs())
                    .isEqualTo(Duration.ofHours(24).toMillis());

            BacktestResponse week = as(RealmTokens.user("ana"))
                    .backtest(BacktestRequest.newBuilder()
                            .setTenantId(A.value())
                            .setRuleYaml(RULE)
                            .setHours(24 * 7)
                            .build());
            assertThat(week.getEventsMatched()).isEqualTo(4);

            BacktestResponse ofB = as(RealmTokens.user("ana"))
                    .backtest(BacktestRequest.newBuilder()
                            .setTenantId(B.value())
                            .setRuleYaml(RULE)
                            .setHours(24)
                            .build());
            assertThat(ofB.getEventsScanned()).isEqualTo(2);
            assertThat(ofB.getSamplesList())
                    .extracting(BacktestMatch::getIngestId)
                    .doesNotContainAnyElementsOf(MATCHING_OF_A);

            tenants.publish(A.value(), null);
            tenants.publish(B.value(), null);
        }
    }

    @Test
    void aBadRuleOrWindowIsAnInvalidArgumentAndAnUnknownTenantNotFound() {
        DetectionTestSupport.acme(catalog);
        String ana = RealmTokens.user("ana");
        assertCode(
                () -> as(ana).backtest(BacktestRequest.newBuilder()
                        .setTenantId("acme")
                        .setRuleYaml("title: x\ndetection: [")
                        .setHours(1)
                        .build()),
                Status.Code.INVALID_ARGUMENT);
        for (int hours : new int[] {0, -1, 721}) {
            assertCode(
                    () -> as(ana).backtest(BacktestRequest.newBuilder()
                            .setTenantId("acme")
                            .setRuleYaml(RULE)
                            .setHours(hours)
                            .build()),
                    Status.Code.INVALID_ARGUMENT);
        }
        assertCode(
                () -> as(ana).backtest(BacktestRequest.newBuilder()
                        .setTenantId("no-such-tenant-" + RUN)
                        .setRuleYaml(RULE)
                        .setHours(1)
                        .build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void aCustomerBacktestsOnlyItsOwnTenantAndNobodyWithoutAToken() {
        DetectionTestSupport.acme(catalog);
        BacktestRequest globex = BacktestRequest.newBuilder()
                .setTenantId("globex")
                .setRuleYaml(RULE)
                .setHours(1)
                .build();
        String alice = RealmTokens.user("alice@acme.example");

        assertThat(as(alice)
                        .backtest(globex.toBuilder().setTenantId("acme").build())
                        .getTenantId())
                .isEqualTo("acme");
        assertCode(() -> as(alice).backtest(globex), Status.Code.PERMISSION_DENIED);
        assertCode(() -> anonymous.backtest(globex), Status.Code.UNAUTHENTICATED);
        assertCode(() -> as(RealmTokens.user("sam")).backtest(globex), Status.Code.PERMISSION_DENIED);
    }
}
