package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The escalation path end to end on the drill tenant (plan "drill": 10 s to acknowledge, 30 s to
 * resolve): an event becomes a case, the case is given to an L1 analyst, nobody acknowledges it,
 * it is escalated to an L2, the tenant's webhook receiver gets the escalation signed, and the
 * breach is published on soc.cases.v1.
 */
class EscalationDrillIT {

    private static final String TENANT = "drill";
    /** tenant-config/tenants/drill.yaml and case-management's dev secret for it. */
    private static final int RECEIVER_PORT = 18099;

    private static final String SECRET = "drill-webhook-dev-secret";

    private static HttpServer receiver;
    private static final List<Map.Entry<Map<String, String>, String>> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void platformAndReceiver() throws IOException {
        Platform.ensureRunning();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        receiver.createContext("/socaas/drill", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            deliveries.add(
                    Map.entry(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // the drill's own analysts: an L1 and an L2 entitled to it only
        String mia = Platform.token("mia", "mia-dev-password");
        for (String tier : List.of("l1", "l2")) {
            given().auth()
                    .oauth2(mia)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "tier",
                            tier,
                            "tenants",
                            List.of(TENANT),
                            "email",
                            "drill-" + tier + "@mssp.example",
                            "max_concurrent_cases",
                            50))
                    .put(Platform.CASES + "/api/v1/analysts/drill-" + tier)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void anUnacknowledgedCaseIsEscalatedToL2SignedToTheTenantAndItsBreachPublished() {
        String caseId = Platform.newWhoamiCase(TENANT);
        String ana = Platform.ana();

        // auto-assigned at once, to an L1 (ana or the drill's own)
        String first = await().atMost(Duration.ofSeconds(20)).until(() -> assigneeOf(ana, caseId), a -> a != null);
        assertThat(first).isIn("ana", "drill-l1");

        // nobody acknowledges: after 10 s the SLA escalates it to the next tier; the least-loaded
        // eligible L2 is the drill's own (lee is entitled to acme only)
        await().atMost(Duration.ofSeconds(60)).until(() -> "drill-l2".equals(assigneeOf(ana, caseId)));

        JsonPath escalation = await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(caseId, "case.escalated"), Optional::isPresent)
                .map(Map.Entry::getValue)
                .map(JsonPath::from)
                .orElseThrow();
        assertThat(escalation.getString("tenant")).isEqualTo(TENANT);
        JsonPath reassigned = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deliveriesOf(caseId, "case.assigned").stream()
                                .map(d -> JsonPath.from(d.getValue()))
                                .filter(j -> "sla".equals(j.getString("actor")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(reassigned.getString("assignee")).isEqualTo("drill-l2");
        for (Map.Entry<Map<String, String>, String> d : deliveriesOf(caseId, null)) {
            long timestamp = Long.parseLong(d.getKey().get("x-socaas-timestamp"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
            assertThat(MessageDigest.isEqual(
                            d.getKey().get("x-socaas-signature").getBytes(StandardCharsets.US_ASCII),
                            signature(timestamp, d.getValue()).getBytes(StandardCharsets.US_ASCII)))
                    .as("signature of %s", d.getValue())
                    .isTrue();
        }

        // the breach of the acknowledge budget is a fact on soc.cases.v1, for billing and reporting
        List<CaseEvent> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> caseEvents(caseId), l -> l.stream().anyMatch(e -> e.type() == BREACHED));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(BREACHED);
            assertThat(e.reason()).isEqualTo("acknowledge");
            assertThat(e.tenant()).isEqualTo(TENANT);
        });
        assertThat(events).anyMatch(e -> e.type() == ESCALATED);
    }

    private static String assigneeOf(String token, String caseId) {
        return given().auth()
                .oauth2(token)
                .get(Platform.CASES + "/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("assignee");
    }

    private static Optional<Map.Entry<Map<String, String>, String>> delivery(String caseId, String type) {
        return deliveriesOf(caseId, type).stream().findFirst();
    }

    private static List<Map.Entry<Map<String, String>, String>> deliveriesOf(String caseId, String type) {
        return deliveries.stream()
                .filter(d -> d.getValue().contains(caseId))
                .filter(d -> type == null || type.equals(d.getKey().get("x-socaas-event")))
                .toList();
    }

    /** CaseEventType numbers of proto/socaas/cases/v1/case_events.proto. */
    static final long ESCALATED = 6;

    static final long BREACHED = 7;

    /** The fields of a socaas.cases.v1.CaseEvent this test reads. */
    record CaseEvent(String tenant, String caseId, long type, String reason) {

        static CaseEvent parse(byte[] record) {
            try {
                UnknownFieldSet fields = UnknownFieldSet.parseFrom(record);
                return new CaseEvent(text(fields, 2), text(fields, 3), number(fields, 4), text(fields, 14));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError("soc.cases.v1 holds a record that is no protobuf message", e);
            }
        }

        private static String text(UnknownFieldSet fields, int number) {
            var values = fields.getField(number).getLengthDelimitedList();
            return values.isEmpty() ? "" : values.getFirst().toStringUtf8();
        }

        private static long number(UnknownFieldSet fields, int number) {
            var values = fields.getField(number).getVarintList();
            return values.isEmpty() ? 0 : values.getFirst();
        }
    }

    private static List<CaseEvent> caseEvents(String caseId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-drill-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<CaseEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("soc.cases.v1"));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && r.key().equals(TENANT + ":" + caseId)) {
                        found.add(CaseEvent.parse(r.value()));
                    }
                }
            }
        }
        return found;
    }

    private static String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
