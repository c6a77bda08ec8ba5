package io.socaas.tenants.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.events.RecordHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.cases.v1.CaseEventType;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenantfacts.testing.TestTopics;
import io.socaas.tenants.testing.TopicReaders;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * SLA breaches published as case-management does on the real broker (the tests'
 * soc.cases.test.v1) become rows of sla_breaches (the invoices' service credits) once each;
 * records that lie about their tenant are kept aside.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CaseBreachIntakeTest {

    /** Test data is written and checked across tenants, as a background job would. */
    private static final TenantScope TEST_SETUP = TenantScope.system("test data");

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    ScopedTransactions scoped;

    @Test
    void aBreachCountsOnceHoweverOftenItIsDeliveredAndOtherChangesDoNotCount() {
        String caseId = UUID.randomUUID().toString();
        CaseEvent breach = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "acknowledge");
        CaseEvent assigned = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_ASSIGNED, "");
        CaseEvent resolveBreach = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "resolve");

        send("acme", breach);
        send("acme", assigned);
        send("acme", breach);
        send("acme", resolveBreach);

        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(breachesOf(caseId))
                        .containsExactlyInAnyOrder(caseId + ":acknowledge", caseId + ":resolve"));
    }

    @Test
    void aRecordWhoseTenantHeaderDisagreesWithItsPayloadIsKeptAsideAndNotCounted() {
        String caseId = UUID.randomUUID().toString();
        CaseEvent claimsAcme = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "resolve");
        String marker = UUID.randomUUID().toString();

        try (KafkaConsumer<String, byte[]> deadLetters =
                TopicReaders.fromNow(TestTopics.configured("mp.messaging.outgoing.cases-dead-letter.topic"))) {
            send("globex", claimsAcme);
            // same partition (same key): once the marker counts, the record before it was handled
            send("acme", event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, marker));

            List<ConsumerRecord<String, byte[]>> rejected = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (claimsAcme.getEventId().equals(header(r, RecordHeaders.ID))) {
                        rejected.add(r);
                    }
                });
                return !rejected.isEmpty();
            });
            assertThat(header(rejected.getFirst(), RecordHeaders.DLQ_REASON))
                    .startsWith("tenant-mismatch")
                    .contains("globex");
            assertThat(rejected.getFirst().value()).isEqualTo(claimsAcme.toByteArray());
        }
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(breachesOf(caseId)).containsExactly(caseId + ":" + marker));
    }

    @Test
    void recordsWithoutTenantHeaderOrWithTheKeyOfAnotherTenantAreKeptAsideAndCreditNoTenant() {
        String caseId = UUID.randomUUID().toString();
        CaseEvent noHeader = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "acknowledge");
        CaseEvent keyOfGlobex = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "resolve");
        CaseEvent headerOfGlobex = event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, "notify");
        String marker = UUID.randomUUID().toString();

        // the live platform, when it runs, reads the same topic and may keep its own copies: each
        // record is expected to have (at least) the copy this service writes
        java.util.Map<String, List<ConsumerRecord<String, byte[]>>> kept = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> deadLetters =
                TopicReaders.fromNow(TestTopics.configured("mp.messaging.outgoing.cases-dead-letter.topic"))) {
            send("acme:" + caseId, null, noHeader);
            send("globex:" + caseId, "acme", keyOfGlobex);
            send("acme:" + caseId, "globex", headerOfGlobex);
            send("acme", event("acme", caseId, CaseEventType.CASE_EVENT_TYPE_BREACHED, marker));

            await().atMost(DEADLINE).untilAsserted(() -> {
                deadLetters
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> kept.computeIfAbsent(header(r, RecordHeaders.ID), id -> new ArrayList<>())
                                .add(r));
                assertKept(kept, noHeader, "missing-tenant", "no tenant header", "payload tenant 'acme'");
                assertKept(kept, keyOfGlobex, "tenant-mismatch", "tenant header 'acme'", "key 'globex:" + caseId + "'");
                assertKept(kept, headerOfGlobex, "tenant-mismatch", "tenant header 'globex'", "payload tenant 'acme'");
            });
        }
        // the breaches table holds every tenant's breaches: none of the three is there, for any tenant
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(breachesOf(caseId)).containsExactly(caseId + ":" + marker));
    }

    private static void assertKept(
            java.util.Map<String, List<ConsumerRecord<String, byte[]>>> kept,
            CaseEvent event,
            String reason,
            String... names) {
        assertThat(kept.getOrDefault(event.getEventId(), List.of())).anySatisfy(copy -> {
            assertThat(header(copy, RecordHeaders.DLQ_REASON))
                    .startsWith(reason)
                    .contains(names);
            assertThat(header(copy, RecordHeaders.DLQ_TOPIC))
                    .isEqualTo(TestTopics.configured("mp.messaging.incoming.cases-in.topic"));
            assertThat(header(copy, RecordHeaders.DLQ_PARTITION)).matches("\\d+");
            assertThat(header(copy, RecordHeaders.DLQ_OFFSET)).matches("\\d+");
            assertThat(copy.value()).isEqualTo(event.toByteArray());
        });
    }

    private List<String> breachesOf(String caseId) {
        List<String> ids = new ArrayList<>();
        scoped.sql(
                        TEST_SETUP,
                        connection -> connection
                                .preparedQuery("select breach_id from sla_breaches where case_id = $1")
                                .execute(Tuple.of(caseId)))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> ids.add(row.getString("breach_id")));
        return ids;
    }

    private static CaseEvent event(String tenant, String caseId, CaseEventType type, String reason) {
        return CaseEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenant)
                .setCaseId(caseId)
                .setType(type)
                .setReason(reason)
                .setOccurredTimeMs(Instant.parse("2026-06-10T12:00:00Z").toEpochMilli())
                .build();
    }

    private static void send(String tenantHeader, CaseEvent event) {
        send(event.getTenantId() + ":" + event.getCaseId(), tenantHeader, event);
    }

    /** Sends with the given key and {@code tenant} header (none when null). */
    private static void send(String key, String tenantHeader, CaseEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            RecordHeaders.cloudEvent(
                            event.getEventId(),
                            RecordHeaders.TYPE_CASE_CHANGED,
                            "/socaas/case-management",
                            Instant.now(),
                            tenantHeader == null ? "-" : tenantHeader)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            if (tenantHeader == null) {
                headers.remove(RecordHeaders.TENANT);
            }
            producer.send(new ProducerRecord<>(
                            TestTopics.configured("mp.messaging.incoming.cases-in.topic"),
                            null,
                            key,
                            event.toByteArray(),
                            headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send case event " + event.getEventId(), e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
