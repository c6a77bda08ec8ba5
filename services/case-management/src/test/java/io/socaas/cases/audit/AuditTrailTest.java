package io.socaas.cases.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.audit.v1.AuditEntry;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import io.socaas.proto.cases.v1.CustomerMessage;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.serviceidentity.UserToken;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientChannel;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case commands over REST and customers' messages over gRPC land on the platform's audit trail
 * (the tests' topic soc.audit.test.v1 on the real Kafka) with who, which tenant, what, the case
 * after and the trace id, refused ones included: also the calls of mutating gRPC methods that the
 * security layer refuses before the method runs.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class AuditTrailTest {

    private static final String TOPIC = "soc.audit.test.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    Vertx vertx;

    private KafkaConsumer<String, byte[]> trail;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void readTheTrailFromNow() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        trail = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = trail.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition()))
                .toList();
        trail.assign(partitions);
        trail.seekToEnd(partitions);
        partitions.forEach(trail::position);
    }

    @AfterEach
    void close() {
        trail.close(Duration.ofSeconds(5));
    }

    @Test
    void aCaseCommandIsOnTheTrailWithItsActorTenantCaseAfterAndTraceId() throws Throwable {
        String id = TestCases.open(repository, "acme", "audit-" + UUID.randomUUID());
        String requestId = "req-" + UUID.randomUUID();
        asAna(requestId)
                .post("/api/v1/cases/" + id + ":claim")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);

        ConsumerRecord<String, byte[]> record = awaitEntry(e -> e.getRequestId().equals(requestId));
        AuditEntry entry = AuditEntry.parseFrom(record.value());
        assertThat(record.key()).isEqualTo("acme");
        assertThat(new String(record.headers().lastHeader("tenant").value())).isEqualTo("acme");
        assertThat(entry.getService()).isEqualTo("case-management");
        assertThat(entry.getActor()).isEqualTo("ana");
        assertThat(entry.getActorRolesList()).contains("analyst");
        assertThat(entry.getTenantId()).isEqualTo("acme");
        assertThat(entry.getAction()).isEqualTo("POST /api/v1/cases/{id}:claim");
        assertThat(entry.getTarget()).isEqualTo("case " + id);
        // before and after: the fields the claim changed, nothing else
        assertThat(entry.getBeforeJson())
                .contains("\"status\":\"open\"")
                .contains("\"assignee\":null")
                .doesNotContain(id);
        assertThat(entry.getAfterJson())
                .contains("\"status\":\"acknowledged\"")
                .contains("\"assignee\":\"ana\"")
                .doesNotContain(id);
        assertThat(entry.getTraceId()).matches(TRACE_ID);
        assertThat(entry.getStatus()).isEqualTo(200);
        assertThat(entry.getOutcome()).isEqualTo("succeeded");
        assertThat(entry.getEntryId()).isNotBlank();
    }

    @Test
    void aSeverityChangeKeepsTheSeverityBeforeAndAfter() throws Throwable {
        String id = TestCases.open(repository, "acme", "audit-" + UUID.randomUUID());
        String requestId = "req-" + UUID.randomUUID();
        asAna(requestId)
                .contentType("application/json")
                .body("{\"severity\":\"critical\",\"reason\":\"domain admin involved\"}")
                .post("/api/v1/cases/" + id + ":change-severity")
                .then()
                .statusCode(200);

        AuditEntry entry = parse(awaitEntry(e -> e.getRequestId().equals(requestId)));
        assertThat(entry.getAction()).isEqualTo("POST /api/v1/cases/{id}:change-severity");
        assertThat(entry.getBeforeJson()).contains("\"severity\":\"high\"").doesNotContain("\"status\"");
        assertThat(entry.getAfterJson()).contains("\"severity\":\"critical\"").doesNotContain("\"status\"");
    }

    @Test
    void aRefusedCommandIsOnTheTrailToo() {
        String requestId = "req-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.of("alice@acme.example", "alice-dev-password"))
                .header("X-Request-Id", requestId)
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + UUID.randomUUID() + ":claim")
                .then()
                .statusCode(403);

        AuditEntry entry = parse(awaitEntry(e -> e.getRequestId().equals(requestId)));
        assertThat(entry.getActor()).isEqualTo("alice@acme.example");
        assertThat(entry.getStatus()).isEqualTo(403);
        assertThat(entry.getOutcome()).isEqualTo("refused");
    }

    @Test
    void aCustomersCommentOverGrpcIsOnTheTrailAsTheCustomer() throws Throwable {
        String id = TestCases.open(repository, "acme", "audit-" + UUID.randomUUID());
        String alice = Tokens.of("alice@acme.example", "alice-dev-password");
        CustomerMessage comment = message(id, "is this our backup job?");
        GrpcClient client = GrpcClient.client(vertx);
        try {
            var stub = CaseServiceGrpc.newBlockingStub(new GrpcClientChannel(
                            client, SocketAddress.inetSocketAddress(RestAssured.port, "127.0.0.1")))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .withInterceptors(UserToken.bearer(alice));
            stub.addCustomerComment(comment);
            // refused by the workflow (the case does not wait on the customer): on the trail as refused
            assertThat(catchStatus(() -> stub.answerCustomerRequest(comment))).isEqualTo(9);
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        AuditEntry commented = parse(awaitEntry(
                e -> e.getTarget().equals("case " + id) && e.getAction().endsWith("/AddCustomerComment")));
        assertThat(commented.getAction()).isEqualTo("gRPC socaas.cases.v1.CaseService/AddCustomerComment");
        assertThat(commented.getActor()).isEqualTo("alice@acme.example");
        assertThat(commented.getActorRolesList()).contains("customer-admin");
        assertThat(commented.getTenantId()).isEqualTo("acme");
        assertThat(commented.getOutcome()).isEqualTo("succeeded");
        // before and after: what the comment changed on the case (its version and time), not the whole case
        assertThat(commented.getBeforeJson()).contains("\"version\":").doesNotContain(id);
        assertThat(commented.getAfterJson()).contains("\"version\":").doesNotContain(id);
        assertThat(commented.getAfterJson()).isNotEqualTo(commented.getBeforeJson());
        assertThat(commented.getTraceId()).matches(TRACE_ID);
        AuditEntry answered = parse(awaitEntry(
                e -> e.getTarget().equals("case " + id) && e.getAction().endsWith("/AnswerCustomerRequest")));
        assertThat(answered.getStatus()).isEqualTo(9);
        assertThat(answered.getOutcome()).isEqualTo("refused");
    }

    @Test
    void customersCallsTheSecurityLayerRefusesAreOnTheTrailOnceEachWithTheMethod() throws Throwable {
        String id = TestCases.open(repository, "acme", "audit-" + UUID.randomUUID());
        CustomerMessage comment = message(id, "refused before the method runs");
        GrpcClient client = GrpcClient.client(vertx);
        try {
            var anonymous = caseService(client);
            var asAna = anonymous.withInterceptors(UserToken.bearer(Tokens.of("ana")));
            var asAlice =
                    anonymous.withInterceptors(UserToken.bearer(Tokens.of("alice@acme.example", "alice-dev-password")));
            // no token: UNAUTHENTICATED before the method runs
            assertThat(catchStatus(() -> anonymous.addCustomerComment(comment))).isEqualTo(16);
            // an analyst is no customer: @RolesAllowed refuses before the method runs
            assertThat(catchStatus(() -> asAna.answerCustomerRequest(comment))).isEqualTo(7);
            // a read refused alike is not an action: nothing on the trail
            assertThat(catchStatus(() -> anonymous.getCase(GetCaseRequest.newBuilder()
                            .setTenantId("acme")
                            .setCaseId(id)
                            .build())))
                    .isEqualTo(16);
            // a call that succeeds: the method's own entry, no refusal
            asAlice.addCustomerComment(message(id, "allowed"));
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        // the last call's entry is on the tenant's partition after ana's refusal (each refusal
        // leaves once its entry is on Kafka): once it is read, so is that one. The anonymous refusal
        // is the platform's (a call without a token only claims its tenant): awaited on its own
        awaitEntry(e -> e.getTarget().equals("case " + id)
                && e.getAction().endsWith("/AddCustomerComment")
                && e.getOutcome().equals("succeeded"));
        awaitEntry(e -> e.getActor().equals("anonymous")
                && e.getAction().endsWith("/AddCustomerComment")
                && e.getOutcome().equals("refused"));
        List<AuditEntry> refused = seen.stream()
                .map(AuditTrailTest::parse)
                .filter(e -> e.getAction().startsWith("gRPC socaas.cases.v1.CaseService/"))
                .filter(e -> e.getOutcome().equals("refused"))
                .toList();
        assertThat(refused)
                .extracting(AuditEntry::getAction, AuditEntry::getActor, AuditEntry::getStatus)
                .containsExactlyInAnyOrder(
                        tuple("gRPC socaas.cases.v1.CaseService/AddCustomerComment", "anonymous", 16),
                        tuple("gRPC socaas.cases.v1.CaseService/AnswerCustomerRequest", "ana", 7));
        AuditEntry denied = refused.stream()
                .filter(e -> e.getActor().equals("ana"))
                .findFirst()
                .orElseThrow();
        assertThat(denied.getActorRolesList()).contains("analyst");
        // a signed-in caller's refusal is about the tenant its request names
        assertThat(denied.getTenantId()).isEqualTo("acme");
        // a call without a token only claims it: the platform's entry, the claim its target, so that
        // nobody fills a tenant's own trail without credentials
        AuditEntry unauthenticated = refused.stream()
                .filter(e -> e.getActor().equals("anonymous"))
                .findFirst()
                .orElseThrow();
        assertThat(unauthenticated.getTenantId()).isEmpty();
        assertThat(unauthenticated.getTarget()).isEqualTo("claimed tenant_id=acme");
        for (AuditEntry entry : refused) {
            assertThat(entry.getService()).isEqualTo("case-management");
            assertThat(entry.getTraceId()).matches(TRACE_ID);
            assertThat(entry.getEntryId()).isNotBlank();
            // each refused call has a request id of its own, so entries of one moment stay apart
            assertThat(entry.getRequestId()).startsWith("rpc-");
        }
    }

    @Test
    void aCallTheMethodItselfRefusesIsOnTheTrailOnlyOnce() throws Throwable {
        String caseId = UUID.randomUUID().toString();
        GrpcClient client = GrpcClient.client(vertx);
        try {
            var anonymous = caseService(client);
            var asAlice =
                    anonymous.withInterceptors(UserToken.bearer(Tokens.of("alice@acme.example", "alice-dev-password")));
            // a customer of acme on globex: the method runs and refuses (GrpcAudit records it)
            assertThat(catchStatus(() -> asAlice.addCustomerComment(globexMessage(caseId))))
                    .isEqualTo(7);
            // refused before the method: the platform's entry, globex only claimed
            assertThat(catchStatus(() -> anonymous.addCustomerComment(globexMessage(caseId))))
                    .isEqualTo(16);
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        awaitEntry(e -> e.getAction().endsWith("/AddCustomerComment")
                && e.getActor().equals("anonymous")
                && e.getTarget().equals("claimed tenant_id=globex"));
        // alice's call left only once its one entry was on Kafka, before the anonymous call began
        awaitEntry(e -> e.getAction().endsWith("/AddCustomerComment")
                && e.getActor().equals("alice@acme.example")
                && e.getTarget().equals("case " + caseId));
        List<AuditEntry> alices = seen.stream()
                .map(AuditTrailTest::parse)
                .filter(e -> e.getAction().endsWith("/AddCustomerComment"))
                .filter(e -> e.getActor().equals("alice@acme.example"))
                .toList();
        assertThat(alices).hasSize(1);
        assertThat(alices.getFirst().getTarget()).isEqualTo("case " + caseId);
        assertThat(alices.getFirst().getTenantId()).isEqualTo("globex");
        assertThat(alices.getFirst().getStatus()).isEqualTo(7);
        assertThat(alices.getFirst().getOutcome()).isEqualTo("refused");
    }

    @Test
    void changingAnAnalystProfileKeepsItBeforeAndAfter() {
        String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = "req-" + UUID.randomUUID();
        String profile = """
                {"tier":"l1","tenants":["acme"],"skills":[],"max_concurrent_cases":3,
                 "email":"someone@mssp.example",
                 "rota":{"zone":"UTC","shifts":[{"days":["mon"],"from":"08:00","to":"09:00"}]}}""";
        given().auth()
                .oauth2(Tokens.of("mia"))
                .contentType("application/json")
                .body(profile)
                .put("/api/v1/analysts/" + username)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.of("mia"))
                .header("X-Request-Id", requestId)
                .contentType("application/json")
                .body(profile.replace("\"l1\"", "\"l2\""))
                .put("/api/v1/analysts/" + username)
                .then()
                .statusCode(200);

        AuditEntry entry = parse(awaitEntry(e -> e.getRequestId().equals(requestId)));
        assertThat(entry.getAction()).isEqualTo("PUT /api/v1/analysts/{username}");
        assertThat(entry.getTenantId()).isEmpty();
        assertThat(entry.getBeforeJson()).contains("\"l1\"");
        assertThat(entry.getAfterJson()).contains("\"l2\"");
        given().auth().oauth2(Tokens.of("mia")).delete("/api/v1/analysts/" + username);
    }

    /** A customer's message on a case of acme. */
    private static CustomerMessage message(String caseId, String text) {
        return CustomerMessage.newBuilder()
                .setTenantId("acme")
                .setCaseId(caseId)
                .setText(text)
                .build();
    }

    /** A customer's message on a case of globex. */
    private static CustomerMessage globexMessage(String caseId) {
        return message(caseId, "not my tenant").toBuilder()
                .setTenantId("globex")
                .build();
    }

    /** CaseService on this service's port, without a token. */
    private static CaseServiceGrpc.CaseServiceBlockingStub caseService(GrpcClient client) {
        return CaseServiceGrpc.newBlockingStub(
                        new GrpcClientChannel(client, SocketAddress.inetSocketAddress(RestAssured.port, "127.0.0.1")))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A request as the analyst ana with the given request id. */
    private static io.restassured.specification.RequestSpecification asAna(String requestId) {
        return given().auth()
                .oauth2(Tokens.of("ana"))
                .header("X-Request-Id", requestId)
                .urlEncodingEnabled(false);
    }

    private ConsumerRecord<String, byte[]> awaitEntry(java.util.function.Predicate<AuditEntry> wanted) {
        return await().atMost(DEADLINE)
                .until(
                        () -> {
                            trail.poll(Duration.ofMillis(200)).forEach(seen::add);
                            return seen.stream()
                                    .filter(r -> wanted.test(parse(r)))
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static AuditEntry parse(ConsumerRecord<String, byte[]> record) {
        try {
            return AuditEntry.parseFrom(record.value());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int catchStatus(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode().value();
        }
    }
}
