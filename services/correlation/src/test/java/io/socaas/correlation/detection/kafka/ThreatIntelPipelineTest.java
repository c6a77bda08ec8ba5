package io.socaas.correlation.detection.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.socaas.events.IngestIds;
import io.socaas.events.RecordHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.detection.v1.DetectionServiceGrpc.DetectionServiceBlockingStub;
import io.socaas.proto.detection.v1.ListIntelRequest;
import io.socaas.proto.detection.v1.UploadIntelRequest;
import io.socaas.proto.detection.v1.UploadIntelResponse;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Threat intelligence through the running service and the real local Kafka and Keycloak: the test
 * profile's global feeds ({@code src/test/resources/intel/feeds}, and {@code target/intel-reload.csv}
 * read every second) and tenant lists uploaded over gRPC DetectionService as the portal would.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ThreatIntelPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafkaClients;

    @GrpcClient("detection")
    DetectionServiceBlockingStub anonymous;

    private KafkaTestClient kafka;

    @BeforeEach
    void tenantsKnownAndConsumersAssigned() {
        try (TenantFactsTestTopic tenants = new TenantFactsTestTopic()) {
            for (String id : List.of("acme", "globex")) {
                tenants.publish(
                        id,
                        TenantConfig.newBuilder()
                                .setTenantId(id)
                                .setDisplayName("Tenant " + id)
                                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                                .setTimeZone("Europe/Berlin")
                                .addRulePacks(RulePackSelection.newBuilder().setPackId("windows-core"))
                                .setRevision(TenantFactsTestTopic.newRevision())
                                .build()
                                .toByteArray());
            }
        }
        kafka = new KafkaTestClient();
        KafkaTestClient.awaitEventConsumersAssigned(kafkaClients);
        await().atMost(DEADLINE).until(() -> intelData("feed.test-stix") > 0);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private DetectionServiceBlockingStub as(String user) {
        return anonymous.withInterceptors(UserToken.bearer(RealmTokens.user(user)));
    }

    @Test
    void readinessShowsThatTheTenantListsWereReadBack() {
        // the intel check is down until the lists published before the start are read; then up
        await().atMost(KafkaTestClient.DEADLINE).untilAsserted(() -> {
            var intel = given().when()
                    .get("/q/health/ready")
                    .then()
                    .extract()
                    .jsonPath()
                    .getMap("checks.find { it.name == 'intel' }");
            assertThat(intel).containsEntry("status", "UP");
            assertThat(intel.get("data").toString()).contains("tenant-lists-loaded=true");
        });
    }

    private static int intelData(String key) {
        Object value = given().when()
                .get("/q/health/ready")
                .then()
                .extract()
                .path("checks.find { it.name == 'intel' }.data.'" + key + "'");
        return value instanceof Number n ? n.intValue() : -1;
    }

    /** A normalized (OCSF) event of a source no Sigma rule reads, as ingestion publishes it. */
    private static String event(String tenant, String ingestId, String field, String value) {
        String observed = switch (field) {
            case "dst_endpoint.ip" -> "\"dst_endpoint\":{\"ip\":\"" + value + "\",\"port\":443}";
            case "query.hostname" -> "\"query\":{\"hostname\":\"" + value + "\",\"type\":\"A\"}";
            default -> throw new IllegalArgumentException(field);
        };
        return """
                {"class_uid":4001,"class_name":"Network Activity","category_uid":4,"activity_id":1,
                 "type_uid":400101,"time":%d,"severity_id":1,"tenant":"%s","ingest_id":"%s",
                 "received_time":"%s","device":{"hostname":"ws-07"},"src_endpoint":{"ip":"10.0.0.5"},%s,
                 "metadata":{"product":{"name":"test-firewall"},"uid":"%s"},
                 "unmapped":{"message":"connection"}}
                """.formatted(Instant.now().toEpochMilli(), tenant, ingestId, Instant.now(), observed, ingestId);
    }

    private static Alert parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Alert.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("soc.alerts.v1 record is not an Alert", e);
        }
    }

    private static boolean isIntelAlertFor(ConsumerRecord<String, byte[]> record, String ingestId) {
        try {
            Alert alert = Alert.parseFrom(record.value());
            return alert.getEventIngestIdsList().contains(ingestId) && alert.hasIntel();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private int partitionOf(String ingestId) {
        return Math.floorMod(ingestId.hashCode(), kafka.partitions(KafkaTestClient.eventsTopic()));
    }

    @Test
    void aGlobalFeedsIndicatorRaisesAnAlertWithIndicatorFeedConfidenceAndSeenTimes() throws Exception {
        String expired = IngestIds.next();
        String hit = IngestIds.next();
        int partition = partitionOf(hit);
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            // 203.0.113.99 is in the STIX bundle with a valid_until in the past: never an alert
            kafka.sendEvent(partition, "acme", expired, event("acme", expired, "dst_endpoint.ip", "203.0.113.99"));
            kafka.sendEvent(partition, "acme", hit, event("acme", hit, "dst_endpoint.ip", "203.0.113.66"));

            ConsumerRecord<String, byte[]> record = alerts.awaitRecord(r -> isIntelAlertFor(r, hit));
            Alert alert = parse(record);
            assertThat(alert.getTenantId()).isEqualTo("acme");
            assertThat(alert.getRule().getId()).isEqualTo("intel:test-stix");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getIntel().getIndicatorType()).isEqualTo("ip");
            assertThat(alert.getIntel().getIndicator()).isEqualTo("203.0.113.66");
            assertThat(alert.getIntel().getFeed()).isEqualTo("test-stix");
            assertThat(alert.getIntel().getConfidence()).isEqualTo(90);
            assertThat(alert.getIntel().getFirstSeen()).isEqualTo("2026-10-02T09:00:00.000Z");
            assertThat(alert.getIntel().getLastSeen()).isEqualTo("2026-11-20T10:15:00.000Z");
            assertThat(alert.getIntel().getMatchedField()).isEqualTo("dst_endpoint.ip");
            assertThat(alert.getIntel().getSourceId()).isEqualTo("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
            assertThat(record.key()).isEqualTo("acme:intel:test-stix:ip:203.0.113.66");
            assertThat(KafkaTestClient.header(record, RecordHeaders.TENANT)).contains("acme");

            // the same event again (a redelivery): the same alert id
            kafka.sendEvent(partition, "acme", hit, event("acme", hit, "dst_endpoint.ip", "203.0.113.66"));
            await().atMost(DEADLINE)
                    .until(() -> alerts.readToEnd().stream()
                                    .filter(r -> isIntelAlertFor(r, hit))
                                    .count()
                            == 2);
            assertThat(alerts.readToEnd().stream()
                            .filter(r -> isIntelAlertFor(r, hit))
                            .map(r -> parse(r).getAlertId())
                            .distinct())
                    .containsExactly(alert.getAlertId());
            assertThat(alerts.readToEnd()).noneMatch(r -> isIntelAlertFor(r, expired));
        }
    }

    @Test
    void aNetworkOfTheCsvFeedAndASubdomainOfTheStixFeedMatch() throws Exception {
        String inNetwork = IngestIds.next();
        String subdomain = IngestIds.next();
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            kafka.sendEvent(
                    null, "globex", inNetwork, event("globex", inNetwork, "dst_endpoint.ip", "2001:db8:feed::77"));
            kafka.sendEvent(
                    null,
                    "globex",
                    subdomain,
                    event("globex", subdomain, "query.hostname", "mail.login-micros0ft.example"));

            Alert network = parse(alerts.awaitRecord(r -> isIntelAlertFor(r, inNetwork)));
            assertThat(network.getIntel().getFeed()).isEqualTo("test-csv");
            assertThat(network.getIntel().getIndicator()).isEqualTo("2001:db8:feed:0:0:0:0:0/64");
            assertThat(network.getIntel().getMatchedValue()).isEqualTo("2001:db8:feed:0:0:0:0:77");
            Alert domain = parse(alerts.awaitRecord(r -> isIntelAlertFor(r, subdomain)));
            assertThat(domain.getIntel().getIndicator()).isEqualTo("login-micros0ft.example");
            assertThat(domain.getIntel().getMatchedValue()).isEqualTo("mail.login-micros0ft.example");
            assertThat(domain.getIntel().getValidUntil()).isEqualTo("2099-01-01T00:00:00.000Z");
        }
    }

    @Test
    void aFeedRewrittenOnDiskIsMatchedAtItsNextRefreshWithoutRestart() throws Exception {
        Path feed = Path.of("target/intel-reload.csv");
        Files.writeString(feed, "type,value\n");
        await().atMost(DEADLINE).until(() -> intelData("feed.test-reload") == 0);
        String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 40);
        int fillers = ThreadLocalRandom.current().nextInt(1, 20);
        StringBuilder csv = new StringBuilder("type,value,confidence\nip," + address + ",40\n");
        for (int i = 0; i < fillers; i++) {
            csv.append("domain,filler-").append(i).append(".reload.example,40\n");
        }
        Files.writeString(feed, csv.toString(), StandardCharsets.UTF_8);
        await().atMost(DEADLINE).until(() -> intelData("feed.test-reload") == fillers + 1);

        String ingestId = IngestIds.next();
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            kafka.sendEvent(null, "acme", ingestId, event("acme", ingestId, "dst_endpoint.ip", address));
            Alert alert = parse(alerts.awaitRecord(r -> isIntelAlertFor(r, ingestId)));
            assertThat(alert.getIntel().getFeed()).isEqualTo("test-reload");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_LOW);
        }
    }

    @Test
    void aTenantsUploadedListMatchesItsOwnEventsAndNeverAnotherTenants() throws Exception {
        String domain = "watch-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        // one name for every run: each run replaces the list of the run before
        String list = "incident-watch";
        String before = Instant.now().minusSeconds(1).toString();
        UploadIntelResponse response = as("alice@acme.example")
                .uploadIntel(UploadIntelRequest.newBuilder()
                        .setTenantId("acme")
                        .setListName(list)
                        .setFormat("csv")
                        .setDefaultConfidence(95)
                        .setContent(ByteString.copyFromUtf8(
                                "type,value,description\ndomain," + domain + ",phishing lure\nip,999.0.0.1,typo\n"))
                        .build());
        assertThat(response.getIndicatorCount()).isEqualTo(1);
        assertThat(response.getProblemsList())
                .singleElement()
                .satisfies(p -> assertThat(p.getLocation()).isEqualTo("line 3"));
        await().atMost(DEADLINE)
                .until(() -> as("alice@acme.example")
                        .listIntel(ListIntelRequest.newBuilder()
                                .setTenantId("acme")
                                .build())
                        .getListsList()
                        .stream()
                        .anyMatch(l -> l.getName().equals(list)
                                && l.getIndicatorCount() == 1
                                && l.getUploadedBy().equals("alice@acme.example")
                                && l.getUploadedTime().compareTo(before) > 0));

        String globexEvent = IngestIds.next();
        String acmeEvent = IngestIds.next();
        int partition = partitionOf(acmeEvent);
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            // same partition, globex first: once acme's alert is out, globex's event was judged
            kafka.sendEvent(
                    partition, "globex", globexEvent, event("globex", globexEvent, "query.hostname", "www." + domain));
            kafka.sendEvent(partition, "acme", acmeEvent, event("acme", acmeEvent, "query.hostname", "www." + domain));

            Alert alert = parse(alerts.awaitRecord(r -> isIntelAlertFor(r, acmeEvent)));
            assertThat(alert.getTenantId()).isEqualTo("acme");
            assertThat(alert.getRule().getId()).isEqualTo("intel:tenant/" + list);
            assertThat(alert.getIntel().getConfidence()).isEqualTo(95);
            assertThat(alert.getIntel().getDescription()).isEqualTo("phishing lure");
            assertThat(alerts.readToEnd()).noneMatch(r -> isIntelAlertFor(r, globexEvent));
        }

        // an empty upload removes the list
        as("alice@acme.example")
                .uploadIntel(UploadIntelRequest.newBuilder()
                        .setTenantId("acme")
                        .setListName(list)
                        .setFormat("csv")
                        .build());
        await().atMost(DEADLINE)
                .until(() -> as("alice@acme.example")
                        .listIntel(ListIntelRequest.newBuilder()
                                .setTenantId("acme")
                                .build())
                        .getListsList()
                        .stream()
                        .noneMatch(l -> l.getName().equals(list)));
    }

    @Test
    void onlyStaffAndTheTenantsOwnAdminMayUploadItsIntelligence() {
        UploadIntelRequest forGlobex = UploadIntelRequest.newBuilder()
                .setTenantId("globex")
                .setListName("from-acme")
                .setFormat("csv")
                .setContent(ByteString.copyFromUtf8("type,value\ndomain,acme-says.example\n"))
                .build();

        assertThatThrownBy(() -> as("alice@acme.example").uploadIntel(forGlobex))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> anonymous.uploadIntel(forGlobex))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> as("alice@acme.example")
                        .listIntel(ListIntelRequest.newBuilder()
                                .setTenantId("globex")
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        // an analyst may, for any tenant
        assertThat(as("ana")
                        .uploadIntel(forGlobex.toBuilder()
                                .setListName("analyst-list")
                                .build())
                        .getIndicatorCount())
                .isEqualTo(1);
    }

    @Test
    void aDocumentWithNothingReadableIsAnInvalidArgumentNamingItsFirstProblem() {
        assertThatThrownBy(() -> as("alice@acme.example")
                        .uploadIntel(UploadIntelRequest.newBuilder()
                                .setTenantId("acme")
                                .setListName("broken")
                                .setFormat("stix")
                                .setContent(
                                        ByteString.copyFromUtf8(
                                                "{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\","
                                                        + "\"id\":\"indicator--x\",\"pattern\":\"[process:name = 'x.exe']\"}]}"))
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("objects[0] (indicator--x)", "process:name");
                });
    }
}
