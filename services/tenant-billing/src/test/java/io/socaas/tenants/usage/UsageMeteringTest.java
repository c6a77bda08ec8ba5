package io.socaas.tenants.usage;

import static io.restassured.RestAssured.given;
import static io.socaas.tenants.usage.UsageTopic.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.usage.v1.GetDailyUsageRequest;
import io.socaas.proto.usage.v1.GetDailyUsageResponse;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.proto.usage.v1.UsageServiceGrpc.UsageServiceBlockingStub;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TestTopics;
import io.socaas.tenants.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage records sent on the real broker (the tests' soc.usage.test.v1) are stored once and summed
 * per day of the tenant's time zone (acme: Europe/Berlin), read over REST with real Keycloak tokens
 * and over gRPC.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class UsageMeteringTest {

    /** Test data is written and checked across tenants, as a background job would. */
    private static final TenantScope TEST_SETUP = TenantScope.system("test data");

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    ScopedTransactions scoped;

    @GrpcClient("usage")
    UsageServiceBlockingStub grpc;

    /** Each run starts from no usage on the days these tests use (June 2026, far from other tests). */
    @BeforeEach
    void forgetTheUsageOfTheDaysUsedHere() {
        scoped.sql(
                        TEST_SETUP,
                        connection -> connection
                                .query(
                                        "delete from usage_records where tenant_id = 'acme'"
                                                + " and minute_start >= '2026-06-01T00:00:00Z' and minute_start < '2026-06-20T00:00:00Z'")
                                .execute())
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void theSameRecordDeliveredTwiceCountsOnce() {
        String instance = instance();
        UsageRecord record = usage(instance, "acme", Instant.parse("2026-06-10T10:00:00Z"), 5, 1_000);
        // another instance's record of the same minute, sent last: once it counts, the duplicate was seen
        UsageRecord other = usage(instance + "-b", "acme", Instant.parse("2026-06-10T10:00:00Z"), 2, 300);

        UsageTopic.send(record, record, other);

        awaitEventsOn("2026-06-10", 7);
        JsonPath day = daily(KeycloakTokens.ops(), "2026-06-10", "2026-06-10");
        assertThat(day.getLong("days[0].events_accepted")).isEqualTo(7);
        assertThat(day.getLong("days[0].raw_bytes")).isEqualTo(1_300);
    }

    @Test
    void usageNearMidnightUtcLandsOnTheDayOfTheTenantsTimeZone() {
        String instance = instance();
        // 21:59 UTC on 14 June is 23:59 CEST on the 14th; 22:00 UTC is 00:00 CEST on the 15th
        UsageTopic.send(
                usage(instance, "acme", Instant.parse("2026-06-14T21:59:00Z"), 1, 100),
                usage(instance, "acme", Instant.parse("2026-06-14T22:00:00Z"), 10, 2_000));

        awaitEventsOn("2026-06-15", 10);
        JsonPath usage = daily(KeycloakTokens.ops(), "2026-06-13", "2026-06-16");
        assertThat(usage.getString("tenant_id")).isEqualTo("acme");
        assertThat(usage.getString("time_zone")).isEqualTo("Europe/Berlin");
        assertThat(usage.getList("days.date"))
                .as("every day of the range, zero days included")
                .containsExactly("2026-06-13", "2026-06-14", "2026-06-15", "2026-06-16");
        assertThat(usage.getList("days.events_accepted", Long.class)).containsExactly(0L, 1L, 10L, 0L);
        assertThat(usage.getList("days.raw_bytes", Long.class)).containsExactly(0L, 100L, 2_000L, 0L);
        assertThat(usage.getList("days.events_refused_quota", Long.class)).containsExactly(0L, 0L, 0L, 0L);

        GetDailyUsageResponse overGrpc = asUser(KeycloakTokens.alice())
                .getDailyUsage(GetDailyUsageRequest.newBuilder()
                        .setTenantId("acme")
                        .setFrom("2026-06-14")
                        .setTo("2026-06-15")
                        .build());
        assertThat(overGrpc.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(overGrpc.getDaysList())
                .extracting(d -> d.getDate(), d -> d.getEventsAccepted(), d -> d.getRawBytes())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-06-14", 1L, 100L),
                        org.assertj.core.groups.Tuple.tuple("2026-06-15", 10L, 2_000L));
    }

    @Test
    void aRecordWhoseTenantHeaderDisagreesWithItsPayloadIsKeptAsideAndNotCounted() {
        String instance = instance();
        UsageRecord claimsAcme = usage(instance, "acme", Instant.parse("2026-06-05T08:00:00Z"), 1_000, 1_000_000);
        UsageRecord marker = usage(instance, "acme", Instant.parse("2026-06-05T08:01:00Z"), 3, 30);

        try (KafkaConsumer<String, byte[]> deadLetters = UsageTopic.deadLettersFromNow()) {
            UsageTopic.send("globex", claimsAcme);
            // same key, same partition: once the marker counts, the record before it was handled
            UsageTopic.send(marker);

            List<ConsumerRecord<String, byte[]>> rejected = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (claimsAcme.getUsageId().equals(header(r, "ce_id"))) {
                        rejected.add(r);
                    }
                });
                return !rejected.isEmpty();
            });
            assertThat(header(rejected.getFirst(), "dlq_reason"))
                    .startsWith("tenant-mismatch")
                    .contains("globex")
                    .contains("acme");
            assertThat(header(rejected.getFirst(), "tenant")).isEqualTo("globex");
            assertThat(rejected.getFirst().value()).isEqualTo(claimsAcme.toByteArray());
        }
        awaitEventsOn("2026-06-05", 3);
        assertThat(daily(KeycloakTokens.ops(), "2026-06-05", "2026-06-05").getLong("days[0].raw_bytes"))
                .isEqualTo(30);
    }

    @Test
    void recordsWithoutTenantHeaderOrWithTheKeyOfAnotherTenantAreKeptAsideAndCountForNoTenant() {
        String instance = instance();
        UsageRecord noHeader = usage(instance, "acme", Instant.parse("2026-06-06T08:00:00Z"), 1_000, 1_000_000);
        UsageRecord keyOfGlobex = usage(instance, "acme", Instant.parse("2026-06-06T08:01:00Z"), 2_000, 2_000_000);
        UsageRecord headerOfGlobex = usage(instance, "acme", Instant.parse("2026-06-06T08:02:00Z"), 4_000, 4_000_000);
        UsageRecord marker = usage(instance, "acme", Instant.parse("2026-06-06T08:03:00Z"), 3, 30);

        // the live platform, when it runs, reads the same topic and may keep its own copies: each
        // record is expected to have (at least) the copy this service writes
        Map<String, List<ConsumerRecord<String, byte[]>>> kept = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> deadLetters = UsageTopic.deadLettersFromNow()) {
            UsageTopic.send("acme", null, noHeader);
            // the key "globex" may send this one to another partition than the marker: each of
            // the three is awaited on the dead-letter topic itself
            UsageTopic.send("globex", "acme", keyOfGlobex);
            UsageTopic.send("acme", "globex", headerOfGlobex);
            UsageTopic.send(marker);

            await().atMost(DEADLINE).untilAsserted(() -> {
                deadLetters
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> kept.computeIfAbsent(header(r, "ce_id"), id -> new ArrayList<>())
                                .add(r));
                assertKept(kept, noHeader, "missing-tenant", "no tenant header", "payload tenant 'acme'");
                assertKept(kept, keyOfGlobex, "tenant-mismatch", "tenant header 'acme'", "key 'globex'");
                assertKept(kept, headerOfGlobex, "tenant-mismatch", "tenant header 'globex'", "payload tenant 'acme'");
            });
        }

        awaitEventsOn("2026-06-06", 3);
        // nothing of the three was stored, under any tenant
        assertThat(storedOf(instance)).containsExactly(marker.getUsageId());
        assertThat(daily(KeycloakTokens.ops(), "2026-06-06", "2026-06-06").getLong("days[0].raw_bytes"))
                .isEqualTo(30);
    }

    private static void assertKept(
            Map<String, List<ConsumerRecord<String, byte[]>>> kept,
            UsageRecord record,
            String reason,
            String... names) {
        assertThat(kept.getOrDefault(record.getUsageId(), List.of())).anySatisfy(copy -> {
            assertThat(header(copy, "dlq_reason")).startsWith(reason).contains(names);
            assertThat(header(copy, "dlq_topic"))
                    .isEqualTo(TestTopics.configured("mp.messaging.incoming.usage-in.topic"));
            assertThat(header(copy, "dlq_partition")).matches("\\d+");
            assertThat(header(copy, "dlq_offset")).matches("\\d+");
            assertThat(copy.value()).isEqualTo(record.toByteArray());
        });
    }

    private List<String> storedOf(String instance) {
        List<String> ids = new ArrayList<>();
        scoped.sql(
                        TEST_SETUP,
                        connection -> connection
                                .preparedQuery("select usage_id from usage_records where instance = $1")
                                .execute(io.vertx.mutiny.sqlclient.Tuple.of(instance)))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> ids.add(row.getString("usage_id")));
        return ids;
    }

    @Test
    void aCustomerReadsItsOwnUsageOnly() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/acme/usage")
                .then()
                .statusCode(200)
                .body("days.size()", equalTo(2));
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/globex/usage")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/forbidden"));
        // a customer learns nothing about tenants that are not its own, not even whether they exist
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/no-such-tenant/usage")
                .then()
                .statusCode(403);
    }

    @Test
    void analystsAndAnonymousCallersAreRefused() {
        given().auth()
                .oauth2(KeycloakTokens.ana())
                .queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/acme/usage")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/acme/usage")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aBadRangeIsA400NamingTheParameter() {
        String ops = KeycloakTokens.ops();
        badQuery(ops, Map.of("to", "2026-06-02"), "from");
        badQuery(ops, Map.of("from", "2026-06-31", "to", "2026-07-02"), "from");
        badQuery(ops, Map.of("from", "2026-06-01", "to", "tomorrow"), "to");
        badQuery(ops, Map.of("from", "2026-06-10", "to", "2026-06-01"), "to");
        badQuery(ops, Map.of("from", "2024-01-01", "to", "2026-06-01"), "to");
    }

    @Test
    void anUnknownTenantIsA404() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParams(Map.of("from", "2026-06-01", "to", "2026-06-02"))
                .get("/api/v1/tenants/initech/usage")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/tenant-not-found"));
    }

    @Test
    void grpcReadsAreForTheCallersTenantsOnly() {
        GetDailyUsageRequest acme = GetDailyUsageRequest.newBuilder()
                .setTenantId("acme")
                .setFrom("2026-06-01")
                .setTo("2026-06-02")
                .build();
        GetDailyUsageRequest globex = acme.toBuilder().setTenantId("globex").build();

        assertThat(asUser(KeycloakTokens.alice()).getDailyUsage(acme).getTenantId())
                .isEqualTo("acme");
        assertThat(asUser(KeycloakTokens.ops()).getDailyUsage(globex).getTenantId())
                .isEqualTo("globex");
        assertThat(code(() -> asUser(KeycloakTokens.alice()).getDailyUsage(globex)))
                .as("a customer reads only its own tenant")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> asUser(KeycloakTokens.ingestionService()).getDailyUsage(acme)))
                .as("a platform service without svc-usage-reader")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> grpc.getDailyUsage(acme))).as("no token").isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> asUser(KeycloakTokens.adminCliOfRealm("alice@acme.example", "alice-dev-password"))
                        .getDailyUsage(acme)))
                .as("a token of a client the service does not accept")
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private UsageServiceBlockingStub asUser(String token) {
        return grpc.withInterceptors(UserToken.bearer(token));
    }

    private static Status.Code code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call)
                .getStatus()
                .getCode();
    }

    @Test
    void grpcAnswersProperStatuses() {
        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> asUser(KeycloakTokens.ops())
                        .getDailyUsage(GetDailyUsageRequest.newBuilder()
                                .setTenantId("initech")
                                .setFrom("2026-06-01")
                                .setTo("2026-06-02")
                                .build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        StatusRuntimeException reversed = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> asUser(KeycloakTokens.ops())
                        .getDailyUsage(GetDailyUsageRequest.newBuilder()
                                .setTenantId("acme")
                                .setFrom("2026-06-02")
                                .setTo("2026-06-01")
                                .build()));
        assertThat(reversed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(reversed.getStatus().getDescription()).contains("'to'");
    }

    private static void badQuery(String token, Map<String, String> query, String parameter) {
        given().auth()
                .oauth2(token)
                .queryParams(query)
                .get("/api/v1/tenants/acme/usage")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/invalid-query"))
                .body("parameter", equalTo(parameter));
    }

    private static void awaitEventsOn(String date, long events) {
        String ops = KeycloakTokens.ops();
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> daily(ops, date, date).getLong("days[0].events_accepted") >= events);
    }

    private static JsonPath daily(String token, String from, String to) {
        return given().auth()
                .oauth2(token)
                .queryParams(Map.of("from", from, "to", to))
                .get("/api/v1/tenants/acme/usage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String instance() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
