package io.socaas.cases.sla.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseTestData;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.EscalationStep;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.SlaBudget;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The escalation ladder of a plan with budgets in seconds, run by the real escalator against the
 * real PostgreSQL: each step and each breach happens once, also with several runs racing, and a
 * wait on the customer pauses the clock.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class SlaEscalatorTest {

    /** A tenant on a test plan: acknowledge within 3 s, resolve within 6 s, 24x7. */
    private static final String TENANT = "sla-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    SlaEscalator escalator;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    @Inject
    io.vertx.core.Vertx vertx;

    @BeforeAll
    static void publishTheTenantOnAFastPlan() {
        Plan.Builder plan = Plan.newBuilder()
                .setId("test-seconds")
                .setName("Test plan in seconds")
                .setCoverage(Coverage.newBuilder().setKind(Coverage.Kind.KIND_24X7))
                .addEscalation(step(50, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "notify-assignee"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "reassign-next-tier"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_RESOLVE, "notify-customer-and-record-breach"));
        for (io.socaas.proto.tenant.v1.Severity severity : io.socaas.proto.tenant.v1.Severity.values()) {
            if (severity != io.socaas.proto.tenant.v1.Severity.SEVERITY_UNSPECIFIED
                    && severity != io.socaas.proto.tenant.v1.Severity.UNRECOGNIZED) {
                plan.addSla(SlaBudget.newBuilder()
                        .setSeverity(severity)
                        .setAcknowledgeSeconds(3)
                        .setResolveSeconds(6));
            }
        }
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    TENANT,
                    TenantConfig.newBuilder()
                            .setTenantId(TENANT)
                            .setDisplayName("SLA test tenant")
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setTimeZone("Europe/Berlin")
                            .setPlan(plan)
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
        }
    }

    @Test
    void anUnacknowledgedCaseClimbsItsLadderAndBreachesEachBudgetOnce() throws Throwable {
        awaitTenant();
        // the tenant's own L2, idle, so that the escalation's choice does not depend on the demo pool's load
        given().auth()
                .oauth2(Tokens.of("mia"))
                .contentType(ContentType.JSON)
                .body(Map.of("tier", "l2", "tenants", List.of(TENANT), "max_concurrent_cases", 50))
                .put("/api/v1/analysts/" + TENANT + "-l2")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());

        // two more runners race the scheduled one over the same clocks
        CompletableFuture<Void> racers = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> runRepeatedly(Duration.ofSeconds(8))),
                CompletableFuture.runAsync(() -> runRepeatedly(Duration.ofSeconds(8))));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(actions(id, "breached")).containsExactlyInAnyOrder("acknowledge", "resolve"));
        racers.join();

        assertThat(actions(id, "escalated"))
                .containsExactly("notify-assignee", "reassign-next-tier", "notify-customer-and-record-breach");
        // the step was carried out: nobody held the high case (L1), so it went to the least-loaded
        // analyst of the next tier up who is entitled to the tenant and on shift: the tenant's idle L2
        assertThat(actions(id, "assign")).containsExactly(TENANT + "-l2");
        assertThat(actions(id, "breached")).containsExactlyInAnyOrder("acknowledge", "resolve");
        // a user of another tenant sees nothing of it
        timeline(Tokens.of("alice@acme.example"), id, 404);
    }

    @Test
    void aStepOvertakenWhileTheEscalatorWasDownIsRecordedWithoutReassigningAndHoldsNoOtherCaseBack() throws Throwable {
        awaitTenant();
        given().auth()
                .oauth2(Tokens.of("mia"))
                .contentType(ContentType.JSON)
                .body(Map.of("tier", "l2", "tenants", List.of(TENANT), "max_concurrent_cases", 50))
                .put("/api/v1/analysts/" + TENANT + "-l2")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        // two cases opened 10 s ago that the escalator never looked at (it was down): the first was
        // resolved 1 s ago, after its 3 s acknowledge budget had run out; the second is still open
        Instant opened = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MICROS);
        IncomingAlert resolvedAlert = alert();
        CaseFile resolved = CaseFile.openFrom(resolvedAlert, CaseId.newId(), opened);
        IncomingAlert openAlert = alert();
        CaseFile open = CaseFile.openFrom(openAlert, CaseId.newId(), opened.plusMillis(1));
        VertxContextSupport.subscribeAndAwait(() -> repository.inTransaction(
                TenantScope.allTenants(),
                () -> repository
                        .insert(resolved, resolvedAlert)
                        .chain(() -> repository.insert(open, openAlert))
                        .chain(() -> Panache.getSession()
                                .chain(session -> session.createNativeQuery(
                                                "update cases set status = 'RESOLVED', verdict = 'BENIGN', resolved_at = ?1,"
                                                        + " version = version + 1 where id = ?2")
                                        .setParameter(1, Instant.now().minusSeconds(1))
                                        .setParameter(2, resolved.id().value())
                                        .executeUpdate()))));
        String resolvedId = resolved.id().toString();
        String openId = open.id().toString();

        // the open case is escalated to the next tier up (the tenant's L2 or tom, L3, both entitled)
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(actions(openId, "assign")).singleElement().isIn(TENANT + "-l2", "tom"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(actions(resolvedId, "breached"))
                        .containsExactlyInAnyOrder("acknowledge", "resolve"));

        // the resolved case's overdue step is recorded, but nobody takes a resolved case over
        assertThat(actions(resolvedId, "escalated")).contains("reassign-next-tier");
        assertThat(actions(resolvedId, "assign")).isEmpty();
        assertThat(timeline(Tokens.of("ana"), resolvedId, 200)
                        .getList("findAll { it.action == 'escalation-note' }.detail", String.class))
                .contains("not reassigned: the case is resolved already");
        given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/cases/" + resolvedId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("resolved"));
    }

    private static IncomingAlert alert() {
        return CaseTestData.anAlert()
                .withId("alert-" + UUID.randomUUID())
                .withTenant(TENANT)
                .withDedupKey("sla-" + UUID.randomUUID())
                .withSeverity(Severity.HIGH)
                .build();
    }

    @Test
    void acknowledgingInTimeAndWaitingOnTheCustomerStopAndPauseTheClocks() throws Throwable {
        awaitTenant();
        String ana = Tokens.of("ana");
        String id = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());
        post(ana, id, "claim", null);
        post(ana, id, "wait-on-customer", Map.of("reason", "is this your admin?"));

        // 7 s later, the 6 s resolve budget would be spent without the pause
        long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (System.nanoTime() < deadline) {
            VertxContextSupport.subscribeAndAwait(() -> escalator.runDue());
        }
        assertThat(actions(id, "breached")).isEmpty();
        assertThat(actions(id, "escalated")).isEmpty();

        // back to work: the resolve clock runs again and breaches after 6 s of running time
        post(ana, id, "start", null);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(actions(id, "breached")).containsExactly("resolve"));
        assertThat(actions(id, "escalated")).containsExactly("notify-customer-and-record-breach");
    }

    @Test
    void theQueueOrdersWorkedCasesByTheDeadlineEachRunsAgainst() throws Throwable {
        awaitTenant();
        String ana = Tokens.of("ana");
        String first = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());
        String second = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());
        // once the escalator has looked at both, each runs against its acknowledge deadline
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath queue = queue(ana);
            assertThat(deadline(queue, first)).isNotNull();
            assertThat(deadline(queue, second)).isNotNull();
            assertThat(queue.getList("case.id")).containsSubsequence(first, second);
        });
        JsonPath queue = queue(ana);
        assertThat(queue.getString("find { it.case.id == '" + first + "' }.sla_clock"))
                .isEqualTo("acknowledge");
        assertThat(queue.getLong("find { it.case.id == '" + first + "' }.seconds_left"))
                .isLessThanOrEqualTo(3);

        // acknowledged, the first runs against its later resolve deadline: the second comes first
        post(ana, first, "claim", null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath queue2 = queue(ana);
            assertThat(queue2.getString("find { it.case.id == '" + first + "' }.sla_clock"))
                    .isEqualTo("resolve");
            assertThat(deadline(queue2, first)).isNotNull();
            assertThat(queue2.getList("case.id")).containsSubsequence(second, first);
        });
        assertThat(queue(ana).getString("find { it.case.id == '" + first + "' }.sla_clock"))
                .isEqualTo("resolve");
        // resolved cases leave the queue; customers have no queue
        post(ana, first, "resolve", Map.of("verdict", "benign"));
        assertThat(queue(ana).getList("case.id")).doesNotContain(first);
        given().auth()
                .oauth2(Tokens.of("alice@acme.example"))
                .get("/api/v1/queue")
                .then()
                .statusCode(403);
    }

    @Test
    void grpcGivesTheSlaFiguresOfAPeriodAndFiltersCases() throws Throwable {
        awaitTenant();
        String ana = Tokens.of("ana");
        java.time.Instant from = java.time.Instant.now();
        String handled = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());
        post(ana, handled, "claim", null);
        post(ana, handled, "resolve", Map.of("verdict", "true_positive"));
        String forgotten = TestCases.open(repository, TENANT, "sla-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(actions(forgotten, "breached")).contains("acknowledge"));
        java.time.Instant to = java.time.Instant.now().plusSeconds(60);

        io.vertx.grpc.client.GrpcClient client = io.vertx.grpc.client.GrpcClient.client(vertx);
        try {
            var stub = io.socaas.proto.cases.v1.CaseServiceGrpc.newBlockingStub(
                            new io.vertx.grpc.client.GrpcClientChannel(
                                    client,
                                    io.vertx.core.net.SocketAddress.inetSocketAddress(
                                            io.restassured.RestAssured.port, "127.0.0.1")))
                    .withInterceptors(io.socaas.serviceidentity.UserToken.bearer(Tokens.tenantBillingService()))
                    .withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS);

            var stats = stub.getSlaStats(io.socaas.proto.cases.v1.GetSlaStatsRequest.newBuilder()
                    .setTenantId(TENANT)
                    .setFromMs(from.toEpochMilli())
                    .setToMs(to.toEpochMilli())
                    .build());
            assertThat(stats.getCasesOpened()).isEqualTo(2);
            assertThat(stats.getCasesAcknowledged()).isEqualTo(1);
            assertThat(stats.getCasesResolved()).isEqualTo(1);
            assertThat(stats.getCasesBreached()).isEqualTo(1);
            assertThat(stats.getCompliancePercent()).isEqualTo(50.0);
            assertThat(stats.getMttaSeconds()).isLessThan(3);

            var high = stub.listCases(io.socaas.proto.cases.v1.ListCasesRequest.newBuilder()
                    .setTenantId(TENANT)
                    .addSeverities("high")
                    .setOpenedFromMs(from.toEpochMilli())
                    .build());
            assertThat(high.getCasesList())
                    .extracting(io.socaas.proto.cases.v1.Case::getCaseId)
                    .containsExactlyInAnyOrder(handled, forgotten);
            var low = stub.listCases(io.socaas.proto.cases.v1.ListCasesRequest.newBuilder()
                    .setTenantId(TENANT)
                    .addSeverities("low")
                    .setOpenedFromMs(from.toEpochMilli())
                    .build());
            assertThat(low.getCasesList()).isEmpty();
            // the customer answers the portal's question: the case goes back to work
            // the SLA gave the forgotten case to the next tier; the SOC manager hands it to ana, who works it
            String holder = given().auth()
                    .oauth2(ana)
                    .get("/api/v1/cases/" + forgotten)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("assignee");
            if (!"ana".equals(holder)) {
                post(
                        Tokens.of("mia"),
                        forgotten,
                        "assign",
                        Map.of("assignee", "ana", "reason", "ana knows the customer"));
            }
            post(ana, forgotten, "start", null);
            post(ana, forgotten, "wait-on-customer", Map.of("reason", "Is svc_backup one of yours?"));
            assertThat(actions(forgotten, "wait-on-customer")).containsExactly("waiting_on_customer");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> stub.listCases(io.socaas.proto.cases.v1.ListCasesRequest.newBuilder()
                                    .setTenantId(TENANT)
                                    .addSeverities("urgent")
                                    .build()))
                    .isInstanceOfSatisfying(
                            io.grpc.StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT));
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    // ---- helpers ----

    private static String deadline(JsonPath queue, String caseId) {
        return queue.getString("find { it.case.id == '" + caseId + "' }.deadline");
    }

    private static JsonPath queue(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("tenant", TENANT)
                .get("/api/v1/queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void awaitTenant() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
    }

    private void runRepeatedly(Duration during) {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> escalator.runDue());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The {@code after} values of the case's timeline entries with this action, oldest first. */
    private static List<String> actions(String id, String action) {
        JsonPath timeline = timeline(Tokens.of("ana"), id, 200);
        return timeline.getList("findAll { it.action == '" + action + "' }.after", String.class);
    }

    private static JsonPath timeline(String token, String id, int status) {
        var response = given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(status);
        return status == 200 ? response.extract().jsonPath() : null;
    }

    private static void post(String token, String id, String verb, Map<String, ?> body) {
        var request = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post("/api/v1/cases/" + id + ":" + verb).then().statusCode(200);
    }

    private static EscalationStep.Builder step(int percent, SlaClock clock, String action) {
        return EscalationStep.newBuilder().setAtPercent(percent).setOf(clock).setAction(action);
    }
}
