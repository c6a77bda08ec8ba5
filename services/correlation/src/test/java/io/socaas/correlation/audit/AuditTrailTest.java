package io.socaas.correlation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.audittrail.RefusedRpcAudit;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.audit.v1.AuditEntry;
import io.socaas.proto.detection.v1.DetectionServiceGrpc;
import io.socaas.proto.detection.v1.DetectionServiceGrpc.DetectionServiceBlockingStub;
import io.socaas.proto.detection.v1.UploadIntelRequest;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's intelligence upload lands on the platform's audit trail (the tests' topic
 * soc.audit.test.v1 on the real Kafka) with who, which tenant, what and the trace id, a refused one
 * too, also when the security layer refuses it before the method runs; and every DetectionService
 * method is classified, so a new mutating rpc cannot slip past.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class AuditTrailTest {

    private static final String TOPIC = "soc.audit.test.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** DetectionService methods that change something: each goes through GrpcAudit. */
    static final Set<String> MUTATING_RPCS = Set.of("UploadIntel");
    /** DetectionService methods that only read or compute (no state changes). */
    static final Set<String> READING_RPCS = Set.of("ValidateRule", "TestRule", "ListRules", "ListIntel", "Backtest");

    @GrpcClient("detection")
    DetectionServiceBlockingStub anonymous;

    private KafkaConsumer<String, byte[]> trail;
    private final List<AuditEntry> seen = new ArrayList<>();

    @BeforeEach
    void tenantsKnownAndTrailReadFromNow() {
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
    void anIntelUploadIsOnTheTrailWithItsActorTenantAndTraceId() {
        String list = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = as("alice@acme.example")
                .uploadIntel(UploadIntelRequest.newBuilder()
                        .setTenantId("acme")
                        .setListName(list)
                        .setFormat("csv")
                        .setContent(ByteString.copyFromUtf8("type,value\nipv4,203.0.113.9\ndomain,bad.example\n"))
                        .build());
        assertThat(answer.getIndicatorCount()).isEqualTo(2);

        AuditEntry entry = awaitEntry(e -> e.getTarget().startsWith("intel list " + list + " "));
        assertThat(entry.getService()).isEqualTo("correlation");
        assertThat(entry.getAction()).isEqualTo("gRPC socaas.detection.v1.DetectionService/UploadIntel");
        assertThat(entry.getActor()).isEqualTo("alice@acme.example");
        assertThat(entry.getActorRolesList()).contains("customer-admin");
        assertThat(entry.getTenantId()).isEqualTo("acme");
        assertThat(entry.getAfterJson()).contains("\"indicator_count\":2");
        // the indicators are the tenant's data, not the trail's
        assertThat(entry.getAfterJson()).doesNotContain("203.0.113.9");
        assertThat(entry.getTraceId()).matches("[0-9a-f]{32}");
        assertThat(entry.getOutcome()).isEqualTo("succeeded");
    }

    @Test
    void aRefusedUploadIsOnTheTrailToo() {
        String list = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> as("alice@acme.example")
                        .uploadIntel(UploadIntelRequest.newBuilder()
                                .setTenantId("globex")
                                .setListName(list)
                                .setFormat("csv")
                                .setContent(ByteString.copyFromUtf8("type,value\nipv4,203.0.113.10\n"))
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

        AuditEntry entry = awaitEntry(e -> e.getTarget().startsWith("intel list " + list + " "));
        assertThat(entry.getActor()).isEqualTo("alice@acme.example");
        assertThat(entry.getTenantId()).isEqualTo("globex");
        assertThat(entry.getStatus()).isEqualTo(Status.Code.PERMISSION_DENIED.value());
        assertThat(entry.getOutcome()).isEqualTo("refused");
        assertThat(entry.getAfterJson()).isEmpty();
    }

    @Test
    void anUploadWithoutATokenIsOnTheTrailAsRefusedBeforeTheMethodRuns() {
        assertThatThrownBy(() -> anonymous.uploadIntel(UploadIntelRequest.newBuilder()
                        .setTenantId("globex")
                        .setListName("audit-" + UUID.randomUUID().toString().substring(0, 8))
                        .setFormat("csv")
                        .setContent(ByteString.copyFromUtf8("type,value\nipv4,203.0.113.11\n"))
                        .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        AuditEntry entry = awaitEntry(
                e -> e.getActor().equals("anonymous") && e.getAction().endsWith("/UploadIntel"));
        assertThat(entry.getAction()).isEqualTo("gRPC socaas.detection.v1.DetectionService/UploadIntel");
        assertThat(entry.getService()).isEqualTo("correlation");
        // without a token the tenant is only claimed: the platform's entry, the claim its target
        assertThat(entry.getTenantId()).isEmpty();
        assertThat(entry.getTarget()).isEqualTo("claimed tenant_id=globex");
        assertThat(entry.getStatus()).isEqualTo(Status.Code.UNAUTHENTICATED.value());
        assertThat(entry.getOutcome()).isEqualTo("refused");
        assertThat(entry.getTraceId()).matches("[0-9a-f]{32}");
    }

    @Test
    void everyDetectionServiceMethodIsClassified() {
        Set<String> methods = DetectionServiceGrpc.getServiceDescriptor().getMethods().stream()
                .map(m -> m.getBareMethodName())
                .collect(Collectors.toSet());
        assertThat(methods)
                .as("a new DetectionService rpc: audit it through GrpcAudit if it changes anything, then list it here")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(MUTATING_RPCS.stream(), READING_RPCS.stream())
                        .toList());
        // the proto declares the reading ones free of side effects: refused calls of the others are
        // recorded by RefusedRpcAudit
        assertThat(DetectionServiceGrpc.getServiceDescriptor().getMethods().stream()
                        .filter(RefusedRpcAudit::mutating)
                        .map(m -> m.getBareMethodName())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(MUTATING_RPCS);
    }

    private DetectionServiceBlockingStub as(String user) {
        return anonymous.withInterceptors(UserToken.bearer(RealmTokens.user(user)));
    }

    private AuditEntry awaitEntry(Predicate<AuditEntry> wanted) {
        return await().atMost(DEADLINE)
                .until(
                        () -> {
                            trail.poll(Duration.ofMillis(200)).forEach(r -> {
                                try {
                                    seen.add(AuditEntry.parseFrom(r.value()));
                                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                            return seen.stream().filter(wanted).findFirst();
                        },
                        Optional::isPresent)
                .orElseThrow();
    }
}
