package io.socaas.cases.casefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.RecordHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import io.socaas.proto.cases.v1.CustomerMessage;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.tenantfacts.testing.TestTopics;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientChannel;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts published on the real Kafka become cases in the real PostgreSQL, read through REST with
 * real Keycloak tokens and through gRPC, each scoped to its tenant.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class CaseFileFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Records of one test go to one partition, so that they are taken in in the order sent. */
    private static final int PARTITION = 0;

    private static KafkaProducer<String, byte[]> producer;

    @Inject
    Vertx vertx;

    @BeforeAll
    static void connectProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void anAlertForAcmeOpensACaseThatAcmeAndTheSocSeeButGlobexDoesNot() {
        String run = uniqueRun();
        Alert alert = alert("acme", run, "dedup-" + run, "01EVT" + run);

        publish(alert, "acme");
        String alice = token("alice@acme.example", "alice-dev-password");
        JsonPath opened = awaitCaseWithSummary(alice, Map.of(), summaryOf(run));
        String id = opened.getString("id");

        assertThat(opened.getString("tenant_id")).isEqualTo("acme");
        assertThat(opened.getString("title")).isEqualTo("Whoami Execution " + run);
        assertThat(opened.getString("severity")).isEqualTo("high");
        assertThat(opened.getString("status")).isEqualTo("open");
        assertThat(opened.getString("rule.author")).isEqualTo("Florian Roth (Nextron Systems)");
        assertThat(opened.getString("rule.license")).isEqualTo("DRL-1.1");
        assertThat(opened.getString("rule.reference_url")).startsWith("https://github.com/SigmaHQ/");
        assertThat(opened.getInt("alert_count")).isEqualTo(1);
        assertThat(opened.getList("event_ingest_ids", String.class)).containsExactly("01EVT" + run);
        assertThat(Instant.parse(opened.getString("created_time")))
                .isBefore(Instant.now().plusSeconds(1));

        given().auth()
                .oauth2(alice)
                .get("/api/v1/cases/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        String bob = token("bob@globex.example", "bob-dev-password");
        assertThat(ids(bob, Map.of("limit", 500))).doesNotContain(id);
        given().auth()
                .oauth2(bob)
                .get("/api/v1/cases/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/case-not-found"));
        given().auth()
                .oauth2(bob)
                .queryParam("tenant", "acme")
                .get("/api/v1/cases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        String ana = token("ana", "ana-dev-password");
        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/{id}", id)
                .then()
                .statusCode(200)
                .body("tenant_id", equalTo("acme"));
        assertThat(ids(ana, Map.of("tenant", "acme", "status", "open", "limit", 500)))
                .contains(id);
        assertThat(ids(ana, Map.of("tenant", "globex", "limit", 500))).doesNotContain(id);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "socaas_cases_opened_total{severity=\"high\",tenant=\"acme\"}"));
    }

    @Test
    void aRedeliveredAlertOpensNoSecondCaseAndARepeatedDetectionIsCounted() {
        String run = uniqueRun();
        String dedupKey = "dedup-" + run;
        Alert first = alert("acme", run, dedupKey, "01EVTA" + run);
        Alert repeated = first.toBuilder()
                .setAlertId("01ALR2" + run)
                .setDetectedTime(
                        Instant.parse(first.getDetectedTime()).plusSeconds(30).toString())
                .clearEventIngestIds()
                .addEventIngestIds("01EVTB" + run)
                .build();
        String alice = token("alice@acme.example", "alice-dev-password");

        publish(first, "acme");
        awaitCaseWithSummary(alice, Map.of(), summaryOf(run));
        publish(first, "acme");
        publish(repeated, "acme");

        JsonPath attached = await().atMost(DEADLINE)
                .until(
                        () -> caseWithSummary(alice, Map.of("limit", 500), summaryOf(run)),
                        c -> c != null && c.getList("event_ingest_ids").contains("01EVTB" + run));
        assertThat(attached.getInt("alert_count")).isEqualTo(2);
        assertThat(attached.getList("event_ingest_ids", String.class)).containsExactly("01EVTA" + run, "01EVTB" + run);
        List<Map<String, Object>> all = given().auth()
                .oauth2(alice)
                .queryParam("limit", 500)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(all).filteredOn(c -> summaryOf(run).equals(c.get("summary"))).hasSize(1);
    }

    @Test
    void aRecordWhoseTenantHeaderDisagreesWithTheAlertOpensNoCase() {
        String run = uniqueRun();
        Alert smuggled = alert("globex", run, "dedup-" + run, "01EVT" + run);
        Alert sentinel = alert("acme", "S" + run, "dedup-S" + run, "01EVTS" + run);
        String ana = token("ana", "ana-dev-password");

        publish(smuggled, "acme");
        publish(sentinel, "acme");

        awaitCaseWithSummary(ana, Map.of("tenant", "acme"), summaryOf("S" + run));
        assertThat(caseWithSummary(ana, Map.of("limit", 500), summaryOf(run))).isNull();
    }

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmIsUnauthorized() {
        given().auth()
                .oauth2(adminCliToken())
                .get("/api/v1/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedProblemJson() {
        given().get("/api/v1/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/unauthenticated"))
                .body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/v1/cases/{id}", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2("not-a-token")
                .get("/api/v1/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownStatusOrNegativeLimitIsABadRequestProblem() {
        String ana = token("ana", "ana-dev-password");

        given().auth()
                .oauth2(ana)
                .queryParam("status", "finished")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/invalid-query"));
        given().auth()
                .oauth2(ana)
                .queryParam("limit", -1)
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String notANumber : List.of("abc", "99999999999999")) {
            given().auth()
                    .oauth2(ana)
                    .queryParam("limit", notANumber)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://socaas.io/problems/invalid-query"));
        }
        given().auth()
                .oauth2(ana)
                .queryParam("tenant", "Not A Tenant")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void grpcReadsAreScopedByTheCallersTokenNeverByTheRequestedTenantAlone() throws Exception {
        String run = uniqueRun();
        publish(alert("acme", run, "dedup-" + run, "01EVT" + run), "acme");
        String alice = token("alice@acme.example", "alice-dev-password");
        String id = awaitCaseWithSummary(alice, Map.of(), summaryOf(run)).getString("id");
        GetCaseRequest acmeCase =
                GetCaseRequest.newBuilder().setTenantId("acme").setCaseId(id).build();
        ListCasesRequest acmeList =
                ListCasesRequest.newBuilder().setTenantId("acme").setLimit(500).build();
        ListCasesRequest globexList = ListCasesRequest.newBuilder()
                .setTenantId("globex")
                .setLimit(500)
                .build();

        withCaseService(stub -> {
            // tenant-billing's own token (svc-case-reader, its offboarding export): any tenant
            var service = stub.withInterceptors(UserToken.bearer(Tokens.tenantBillingService()));
            List<Case> acme = service.listCases(acmeList).getCasesList();
            assertThat(acme).extracting(Case::getCaseId).contains(id);
            assertThat(acme).allMatch(c -> c.getTenantId().equals("acme"));
            assertThat(service.listCases(globexList).getCasesList())
                    .extracting(Case::getCaseId)
                    .doesNotContain(id);
            assertThat(service.getCase(acmeCase).getRuleAuthor()).isEqualTo("Florian Roth (Nextron Systems)");
            assertCode(
                    () -> service.getCase(
                            acmeCase.toBuilder().setTenantId("globex").build()),
                    Status.Code.NOT_FOUND);
            assertCode(() -> service.listCases(ListCasesRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT);

            // a customer's token (the portal acting for alice): its own tenant only
            var asAlice = stub.withInterceptors(UserToken.bearer(alice));
            assertThat(asAlice.getCase(acmeCase).getCaseId()).isEqualTo(id);
            assertCode(() -> asAlice.listCases(globexList), Status.Code.PERMISSION_DENIED);
            var asBob = stub.withInterceptors(UserToken.bearer(token("bob@globex.example", "bob-dev-password")));
            assertCode(() -> asBob.getCase(acmeCase), Status.Code.PERMISSION_DENIED);
            assertCode(() -> asBob.listCases(acmeList), Status.Code.PERMISSION_DENIED);

            // no token, a token of a client the service does not accept, a platform service without
            // the reader role
            assertCode(() -> stub.listCases(acmeList), Status.Code.UNAUTHENTICATED);
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(adminCliToken()))
                            .listCases(acmeList),
                    Status.Code.UNAUTHENTICATED);
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(Tokens.ofClient("socaas-ingestion")))
                            .listCases(acmeList),
                    Status.Code.UNAUTHENTICATED);
        });
    }

    @Test
    void customerActionsOverGrpcTakeTheirAuthorFromTheTokenAndStayInTheCustomersTenant() throws Exception {
        String run = uniqueRun();
        publish(alert("acme", run, "dedup-" + run, "01EVT" + run), "acme");
        String alice = token("alice@acme.example", "alice-dev-password");
        String id = awaitCaseWithSummary(alice, Map.of(), summaryOf(run)).getString("id");
        CustomerMessage comment = CustomerMessage.newBuilder()
                .setTenantId("acme")
                .setCaseId(id)
                .setAuthor("somebody-else")
                .setText("<b>Is this our backup job?</b>")
                .build();

        withCaseService(stub -> {
            Case commented = stub.withInterceptors(UserToken.bearer(alice)).addCustomerComment(comment);
            assertThat(commented.getCaseId()).isEqualTo(id);
            // the case is not waiting on the customer: the answer is refused by the workflow, after
            // the caller was let through
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(alice)).answerCustomerRequest(comment),
                    Status.Code.FAILED_PRECONDITION);
            String bob = token("bob@globex.example", "bob-dev-password");
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(bob)).addCustomerComment(comment),
                    Status.Code.PERMISSION_DENIED);
            // analysts and platform services do not speak for the customer
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(Tokens.of("mia")))
                            .addCustomerComment(comment),
                    Status.Code.PERMISSION_DENIED);
            assertCode(
                    () -> stub.withInterceptors(UserToken.bearer(Tokens.tenantBillingService()))
                            .addCustomerComment(comment),
                    Status.Code.PERMISSION_DENIED);
        });

        JsonPath timeline = given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(timeline.getList("findAll { it.action == 'comment' }.actor", String.class))
                .containsExactly("customer alice@acme.example");
    }

    @Test
    void aSuspendedTenantsCustomersReadTheirCasesButMayNotChangeThem() throws Exception {
        String run = uniqueRun();
        publish(alert("acme", run, "dedup-" + run, "01EVT" + run), "acme");
        String alice = token("alice@acme.example", "alice-dev-password");
        String id = awaitCaseWithSummary(alice, Map.of(), summaryOf(run)).getString("id");
        CustomerMessage comment = CustomerMessage.newBuilder()
                .setTenantId("acme")
                .setCaseId(id)
                .setText("Is this our backup job?")
                .build();
        GetCaseRequest read =
                GetCaseRequest.newBuilder().setTenantId("acme").setCaseId(id).build();

        try (TenantFactsTestTopic tenants = new TenantFactsTestTopic()) {
            tenants.publish("acme", acme(TenantStatus.TENANT_STATUS_SUSPENDED).toByteArray());
            withCaseService(stub -> {
                var asAlice = stub.withInterceptors(UserToken.bearer(alice));
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() ->
                                assertCode(() -> asAlice.addCustomerComment(comment), Status.Code.FAILED_PRECONDITION));
                assertThat(asAlice.getCase(read).getCaseId()).isEqualTo(id);
            });
            // the MSSP's analysts go on working the suspended tenant's cases
            given().auth()
                    .oauth2(Tokens.of("mia"))
                    .contentType("application/json")
                    .body(Map.of("text", "still on it"))
                    .post("/api/v1/cases/" + id + "/comments")
                    .then()
                    .statusCode(200);
        } finally {
            try (TenantFactsTestTopic tenants = new TenantFactsTestTopic()) {
                tenants.publish("acme", acme(TenantStatus.TENANT_STATUS_ACTIVE).toByteArray());
            }
        }
        withCaseService(stub -> await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stub.withInterceptors(UserToken.bearer(alice))
                                .addCustomerComment(comment)
                                .getCaseId())
                        .isEqualTo(id)));
    }

    private static TenantConfig acme(TenantStatus status) {
        return TenantConfig.newBuilder()
                .setTenantId("acme")
                .setDisplayName("Acme Manufacturing GmbH")
                .setStatus(status)
                .setRevision(TenantFactsTestTopic.newRevision())
                .build();
    }

    @Test
    void grpcListCasesFiltersByStateAndOpeningTimeAndPagesWithoutLosingACase() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String alice = token("alice@acme.example", "alice-dev-password");
        String[] runs = {uniqueRun(), uniqueRun(), uniqueRun()};
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            publish(alert("acme", runs[i], "dedup-" + runs[i], "01EVT" + runs[i]), "acme");
            ids[i] = awaitCaseWithSummary(alice, Map.of(), summaryOf(runs[i])).getString("id");
        }
        // the third is merged into the first: it leaves the cases that take alerts
        given().auth()
                .oauth2(Tokens.of("mia"))
                .urlEncodingEnabled(false)
                .contentType("application/json")
                .body(Map.of("into", ids[0], "reason", "same host"))
                .post("/api/v1/cases/" + ids[2] + ":merge")
                .then()
                .statusCode(200);

        withCaseService(plain -> {
            var stub = plain.withInterceptors(UserToken.bearer(alice));
            ListCasesRequest ours = ListCasesRequest.newBuilder()
                    .setTenantId("acme")
                    .setOpenedFromMs(from.toEpochMilli())
                    .setLimit(500)
                    .build();
            List<String> merged = ids(stub.listCases(ours.toBuilder()
                    .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_MERGED)
                    .build()));
            assertThat(merged).contains(ids[2]).doesNotContain(ids[0], ids[1]);
            List<String> open = ids(stub.listCases(ours.toBuilder()
                    .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_OPEN)
                    .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_ACKNOWLEDGED)
                    .build()));
            assertThat(open).contains(ids[0], ids[1]).doesNotContain(ids[2]);

            // opened_to is exclusive: the third case, opened last, is outside [from, its own opening)
            Case third = stub.getCase(GetCaseRequest.newBuilder()
                    .setTenantId("acme")
                    .setCaseId(ids[2])
                    .build());
            long thirdOpened = Instant.parse(third.getCreatedTime()).toEpochMilli();
            List<String> before = ids(
                    stub.listCases(ours.toBuilder().setOpenedToMs(thirdOpened).build()));
            assertThat(before).contains(ids[0], ids[1]).doesNotContain(ids[2]);

            // one case a page: every case once, whatever the page boundaries
            List<String> paged = new java.util.ArrayList<>();
            String token = "";
            for (int page = 0; page < 50; page++) {
                var answer = stub.listCases(
                        ours.toBuilder().setLimit(1).setPageToken(token).build());
                assertThat(answer.getCasesCount()).isLessThanOrEqualTo(1);
                paged.addAll(ids(answer));
                token = answer.getNextPageToken();
                if (token.isEmpty()) {
                    break;
                }
            }
            assertThat(token).as("the last page says so").isEmpty();
            assertThat(paged).doesNotHaveDuplicates().contains(ids);
            assertThat(paged).containsExactlyInAnyOrderElementsOf(ids(stub.listCases(ours)));
        });
    }

    private static List<String> ids(io.socaas.proto.cases.v1.ListCasesResponse response) {
        return response.getCasesList().stream().map(Case::getCaseId).toList();
    }

    private void withCaseService(java.util.function.Consumer<CaseServiceGrpc.CaseServiceBlockingStub> calls)
            throws Exception {
        GrpcClient client = GrpcClient.client(vertx);
        try {
            calls.accept(CaseServiceGrpc.newBlockingStub(new GrpcClientChannel(
                            client, SocketAddress.inetSocketAddress(RestAssured.port, "127.0.0.1")))
                    .withDeadlineAfter(30, TimeUnit.SECONDS));
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Status.Code code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    private static String adminCliToken() {
        return RealmTokens.throughAdminCli("alice@acme.example", "alice-dev-password");
    }

    private static String uniqueRun() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private static String summaryOf(String run) {
        return "whoami.exe on ws-" + run;
    }

    private static Alert alert(String tenant, String run, String dedupKey, String ingestId) {
        return Alert.newBuilder()
                .setAlertId("01ALR" + run)
                .setTenantId(tenant)
                .setRule(RuleRef.newBuilder()
                        .setId("5f8a3e1c-0000-4000-8000-000000000001")
                        .setTitle("Whoami Execution " + run)
                        .setAuthor("Florian Roth (Nextron Systems)")
                        .setReferenceUrl("https://github.com/SigmaHQ/sigma/blob/master/rules/windows/"
                                + "process_creation/proc_creation_win_whoami_execution.yml")
                        .setLicense("DRL-1.1")
                        .setRulePack("sigma-core"))
                .setLevel(Level.LEVEL_HIGH)
                .addEventIngestIds(ingestId)
                .setEventTime(Instant.now().toString())
                .setDetectedTime(Instant.now().toString())
                .setSummary(summaryOf(run))
                .setDedupKey(dedupKey)
                .build();
    }

    private static void publish(Alert alert, String tenantHeader) {
        var record = new ProducerRecord<String, byte[]>(
                TestTopics.configured("mp.messaging.incoming.alerts.topic"),
                PARTITION,
                alert.getTenantId() + ":" + alert.getAlertId(),
                alert.toByteArray());
        record.headers()
                .add(RecordHeaders.TENANT, tenantHeader.getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.ID, alert.getAlertId().getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.TYPE, RecordHeaders.TYPE_ALERT_RAISED.getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.SOURCE, "/socaas/correlation".getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish alert " + alert.getAlertId(), e);
        }
    }

    private static String token(String username, String password) {
        return Tokens.of(username, password);
    }

    private static JsonPath awaitCaseWithSummary(String token, Map<String, ?> query, String summary) {
        return await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> caseWithSummary(token, query, summary), c -> c != null);
    }

    /** The case with this summary in the caller's list, or null. */
    private static JsonPath caseWithSummary(String token, Map<String, ?> query, String summary) {
        List<Map<String, Object>> cases = given().auth()
                .oauth2(token)
                .queryParams(query)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return cases.stream()
                .filter(c -> summary.equals(c.get("summary")))
                .findFirst()
                .map(c -> JsonPath.from(toJson(c)))
                .orElse(null);
    }

    private static String toJson(Map<String, Object> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTenantThePlatformDoesNotKnowIsNotFoundRatherThanEmpty() {
        String ana = token("ana", "ana-dev-password");
        given().auth()
                .oauth2(ana)
                .queryParam("tenant", "nosuch")
                .get("/api/v1/cases")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/tenant-not-found"))
                .body("tenant_id", equalTo("nosuch"));
        // a known tenant without cases is an empty list, not an error
        assertThat(ids(ana, Map.of("tenant", "globex", "status", "resolved", "limit", 1)))
                .hasSizeLessThanOrEqualTo(1);
    }

    private static List<String> ids(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }
}
