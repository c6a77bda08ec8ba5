package io.socaas.tenants.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.audit.v1.AuditEntry;
import io.socaas.tenants.testing.KeycloakTokens;
import io.socaas.tenants.testing.TopicReaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The platform's audit trail against the real Kafka and PostgreSQL: this service's own calls reach
 * it through soc.audit(.test).v1 like every other service's, each entry once; nothing in it changes;
 * mssp-admin reads all of it, a customer admin only its own tenant's.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class AuditLogTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String TOPIC = "soc.audit.test.v1";
    static final String DEAD_LETTER_TOPIC = "soc.audit.dlq.test.v1";

    @Test
    void issuingAndRevokingAnIngestKeyAreAudited() {
        String requestId = "req-" + UUID.randomUUID();
        String revokeRequestId = "req-" + UUID.randomUUID();
        var issued = given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"audited\"}")
                .when()
                .post("/api/v1/tenants/globex/ingest-keys")
                .then()
                .statusCode(201)
                .extract();
        String keyId = issued.path("key_id");
        String secret = issued.path("ingest_key");
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", revokeRequestId)
                .when()
                .delete("/api/v1/tenants/globex/ingest-keys/" + keyId)
                .then()
                .statusCode(204);

        await().atMost(DEADLINE)
                .untilAsserted(() -> given().auth()
                        .oauth2(KeycloakTokens.ops())
                        .queryParam("tenant", "globex")
                        .queryParam("service", "tenant-billing")
                        .when()
                        .get("/api/v1/audit")
                        .then()
                        .statusCode(200)
                        .body("action", hasItem("POST /api/v1/tenants/{tenantId}/ingest-keys"))
                        .body("action", hasItem("DELETE /api/v1/tenants/{tenantId}/ingest-keys/{keyId}"))
                        .body("find { it.request_id == '" + requestId + "' }.actor", equalTo("ops"))
                        .body("find { it.request_id == '" + requestId + "' }.actor_roles", hasItem("mssp-admin"))
                        .body("find { it.request_id == '" + requestId + "' }.service", equalTo("tenant-billing"))
                        .body("find { it.request_id == '" + requestId + "' }.tenant_id", equalTo("globex"))
                        .body("find { it.request_id == '" + requestId + "' }.status", equalTo(201))
                        // the new key as after, never its secret
                        .body("find { it.request_id == '" + requestId + "' }.before", equalTo(null))
                        .body(
                                "find { it.request_id == '" + requestId + "' }.after",
                                allOf(
                                        containsString("\"key_id\":\"" + keyId + "\""),
                                        containsString("\"state\":\"active\""),
                                        not(containsString(secret))))
                        .body("find { it.request_id == '" + requestId + "' }.target", equalTo("ingest key " + keyId))
                        // the revocation: what it changed, before and after
                        .body(
                                "find { it.request_id == '" + revokeRequestId + "' }.before",
                                allOf(
                                        containsString("\"state\":\"active\""),
                                        containsString("\"revoked_time\":null"),
                                        not(containsString("source_name"))))
                        .body(
                                "find { it.request_id == '" + revokeRequestId + "' }.after",
                                allOf(containsString("\"state\":\"revoked\""), not(containsString("source_name")))));
    }

    @Test
    void aCustomerAdminReadsOnlyItsOwnTenantsEntries() {
        String acmeRequest = "req-acme-" + UUID.randomUUID();
        String globexRequest = "req-globex-" + UUID.randomUUID();
        issueKey("acme", acmeRequest);
        issueKey("globex", globexRequest);

        // mssp-admin sees both
        await().atMost(DEADLINE)
                .untilAsserted(() -> given().auth()
                        .oauth2(KeycloakTokens.ops())
                        .when()
                        .get("/api/v1/audit")
                        .then()
                        .statusCode(200)
                        .body("request_id", hasItems(acmeRequest, globexRequest)));

        // alice, customer admin of acme: acme's entries, none of globex's, through either door
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/api/v1/tenants/acme/audit")
                .then()
                .statusCode(200)
                .body("request_id", hasItem(acmeRequest))
                .body("request_id", not(hasItem(globexRequest)))
                .body("tenant_id", everyItem(equalTo("acme")));
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/api/v1/tenants/globex/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body(not(org.hamcrest.Matchers.containsString(globexRequest)));
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .queryParam("tenant", "globex")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // an analyst is not an auditor
        given().auth()
                .oauth2(KeycloakTokens.ana())
                .when()
                .get("/api/v1/tenants/acme/audit")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/tenants/acme/audit").then().statusCode(401);
    }

    @Test
    void anEntrySentTwiceIsStoredOnceAndOneWhoseTenantsDisagreeNotAtAll() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = entry(UUID.randomUUID().toString(), "acme", at);
        AuditEntry forged = entry(UUID.randomUUID().toString(), "acme", at);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // key and header say globex, the payload acme: kept out of both tenants' trails
            producer.send(record("globex", "globex", forged)).get();
            producer.send(record("acme", "acme", entry)).get();
            producer.send(record("acme", "acme", entry)).get();
        }

        await().atMost(DEADLINE)
                .untilAsserted(() -> given().auth()
                        .oauth2(KeycloakTokens.ops())
                        .queryParam("service", "correlation")
                        .queryParam("actor", "ana")
                        .when()
                        .get("/api/v1/audit")
                        .then()
                        .statusCode(200)
                        .body("entry_id", hasItem(entry.getEntryId())));
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParam("service", "correlation")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("findAll { it.entry_id == '" + entry.getEntryId() + "' }.size()", equalTo(1))
                .body("find { it.entry_id == '" + entry.getEntryId() + "' }.trace_id", equalTo(entry.getTraceId()))
                .body("find { it.entry_id == '" + entry.getEntryId() + "' }.after", equalTo(entry.getAfterJson()))
                .body("entry_id", not(hasItem(forged.getEntryId())));
    }

    @Test
    void aRecordThatCannotBeStoredIsKeptOnTheDeadLetterTopicWithItsReason() throws Exception {
        byte[] malformed = ("not an audit entry " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        AuditEntry forged = entry(UUID.randomUUID().toString(), "acme", Instant.now());
        try (KafkaConsumer<String, byte[]> dlq = TopicReaders.fromNow(DEAD_LETTER_TOPIC);
                KafkaProducer<String, byte[]> producer = producer()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("tenant", "acme".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(TOPIC, null, "acme", malformed, headers))
                    .get();
            // key and header globex, payload acme
            producer.send(record("globex", "globex", forged)).get();

            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(DEADLINE).untilAsserted(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen)
                        .anySatisfy(r -> {
                            assertThat(r.value()).isEqualTo(malformed);
                            assertThat(r.key()).isEqualTo("acme");
                            assertThat(KafkaHeaders.text(r.headers(), "dlq_reason"))
                                    .startsWith("malformed-record");
                            assertThat(KafkaHeaders.text(r.headers(), "dlq_topic"))
                                    .isEqualTo(TOPIC);
                            assertThat(KafkaHeaders.text(r.headers(), "tenant")).isEqualTo("acme");
                        })
                        .anySatisfy(r -> {
                            assertThat(r.value()).isEqualTo(forged.toByteArray());
                            assertThat(KafkaHeaders.text(r.headers(), "dlq_reason"))
                                    .startsWith("tenant-mismatch");
                        });
            });
        }
        // neither is in any trail
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("entry_id", not(hasItem(forged.getEntryId())));
    }

    @Test
    void entriesCanBeNeitherChangedNorRemoved() {
        // at least one entry (a refused call is audited too): row triggers fire only on existing rows
        String requestId = "req-" + UUID.randomUUID();
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"x\"}")
                .when()
                .post("/api/v1/tenants/no-such-tenant/ingest-keys")
                .then()
                .statusCode(404);
        await().atMost(DEADLINE)
                .untilAsserted(() -> given().auth()
                        .oauth2(KeycloakTokens.ops())
                        .when()
                        .get("/api/v1/audit")
                        .then()
                        .body("find { it.request_id == '" + requestId + "' }.outcome", equalTo("refused")));

        for (String statement : new String[] {
            "update audit_log set actor = 'someone else'", "delete from audit_log", "truncate audit_log"
        }) {
            Throwable refused = catchThrowable(() ->
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                            .flatMap(s -> s.createNativeQuery(statement).executeUpdate()))));
            assertThat(refused).as(statement).isNotNull();
            // the service's role may only read and append (V7); the owner is stopped by the table's triggers
            assertThat(rootMessage(refused)).as(statement).contains("permission denied for table audit_log");
        }
    }

    @Test
    void timesThatAreNotRfc3339AreNamed() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParam("from", "yesterday")
                .queryParam("to", "2026-13-01")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"));
    }

    private static void issueKey(String tenant, String requestId) {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"audit-isolation\"}")
                .when()
                .post("/api/v1/tenants/" + tenant + "/ingest-keys")
                .then()
                .statusCode(201);
    }

    private static AuditEntry entry(String id, String tenant, Instant at) {
        return AuditEntry.newBuilder()
                .setEntryId(id)
                .setTimeUs(ChronoUnit.MICROS.between(Instant.EPOCH, at))
                .setService("correlation")
                .setActor("ana")
                .setSubject("sub-ana")
                .setClientId("socaas-portal")
                .addActorRoles("analyst")
                .setTenantId(tenant)
                .setAction("gRPC socaas.detection.v1.DetectionService/UploadIntel")
                .setTarget("intel list blocklist")
                .setAfterJson("{\"indicator_count\":2}")
                .setRequestId("-")
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .setStatus(0)
                .setOutcome("succeeded")
                .build();
    }

    private static ProducerRecord<String, byte[]> record(String key, String tenantHeader, AuditEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("tenant", tenantHeader.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", entry.getEntryId().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(TOPIC, null, key, entry.toByteArray(), headers);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
