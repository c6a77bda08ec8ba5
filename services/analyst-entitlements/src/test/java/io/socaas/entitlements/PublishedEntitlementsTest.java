package io.socaas.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.socaas.access.AnalystEntitlements;
import io.socaas.access.TenantReach;
import io.socaas.access.TenantReadAccess;
import io.socaas.localstack.LocalStack;
import io.socaas.tenantfacts.CompactedTopicReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The entitlements reader against the real Kafka of the local stack, on a topic of its own. */
class PublishedEntitlementsTest {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final TenantReadAccess ACCESS = new TenantReadAccess(TenantReadAccess.EVERY_TENANT_ROLES);

    /** socaas.analyst.v1.AnalystEntitlement's fields, as the services generate them from proto/. */
    private static final EntitlementMessages MESSAGES = new EntitlementMessages(entitlementPrototype());

    private String topic;
    private KafkaProducer<String, byte[]> producer;
    private CompactedTopicReader<String, Message> reader;
    private long revision = 1;

    @BeforeAll
    static void stack() {
        LocalStack.fromEnvironment().ensureInfrastructure();
    }

    @BeforeEach
    void topic() throws Exception {
        topic = "soc.entitlements.test-" + UUID.randomUUID();
        TenantFactsTestTopic.createCompacted(topic);
        producer = TenantFactsTestTopic.producer();
    }

    @AfterEach
    void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        producer.close();
        TenantFactsTestTopic.delete(topic);
    }

    @Test
    void anAnalystSeesTheTenantsOfItsPublishedEntitlementAndAChangeWithinSeconds() throws Exception {
        publish("lee", entitlement("lee", TenantReach.only(List.of("acme"))));
        publish("ana", entitlement("ana", TenantReach.all()));
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(mayRead("lee", "acme")).isTrue();
        assertThat(mayRead("lee", "globex")).isFalse();
        assertThat(mayRead("ana", "globex")).isTrue();

        publish("lee", entitlement("lee", TenantReach.only(List.of("acme", "globex"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> mayRead("lee", "globex"));

        publish("lee", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !mayRead("lee", "acme"));
        assertThat(reader.status()).containsEntry("analysts", 1);
    }

    @Test
    void anAnalystWithoutAPublishedEntitlementSeesNoTenant() throws Exception {
        publish("ana", entitlement("ana", TenantReach.all()));
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(reach("zoe")).isEqualTo(TenantReach.none());
        assertThat(ACCESS.reach(Set.of("analyst", "soc-manager"), List.of(), "zoe", entitlements()))
                .isEqualTo(TenantReach.all());
    }

    @Test
    void skipsEntitlementsWhoseKeyAndPayloadNameDifferentAnalysts() throws Exception {
        publish("lee", entitlement("lee", TenantReach.only(List.of("acme"))));
        // lee's key, ana's payload: would hand lee every tenant
        publish("lee", entitlement("ana", TenantReach.all()));
        publish("", entitlement("", TenantReach.all()));
        publish("mia", new byte[] {1, 2, 3});
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(reach("lee")).isEqualTo(TenantReach.only(List.of("acme")));
        assertThat(reach("ana")).isEqualTo(TenantReach.none());
        assertThat(reader.status()).containsEntry("analyst-wall", 1L).containsEntry("skipped", 3L);
    }

    @Test
    void keepsTheNewestRevisionWhateverTheOrderOnTheTopic() throws Exception {
        publish("lee", entitlement("lee", TenantReach.only(List.of("acme"))));
        publish("lee", MESSAGES.message("lee", TenantReach.all(), 0).toByteArray());
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(reach("lee")).isEqualTo(TenantReach.only(List.of("acme")));
    }

    private boolean mayRead(String analyst, String tenant) {
        return ACCESS.mayRead(Set.of("analyst"), List.of(), analyst, entitlements(), tenant);
    }

    private TenantReach reach(String analyst) {
        return ACCESS.reach(Set.of("analyst"), List.of(), analyst, entitlements());
    }

    private AnalystEntitlements entitlements() {
        return username -> reader.get(username).map(MESSAGES::reach);
    }

    private CompactedTopicReader<String, Message> start() {
        return PublishedEntitlements.start(
                new CompactedTopicReader.Settings(BOOTSTRAP, topic, "analyst-entitlements-test"), MESSAGES);
    }

    private byte[] entitlement(String analyst, TenantReach reach) {
        return MESSAGES.message(analyst, reach, revision++).toByteArray();
    }

    private void publish(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static Message entitlementPrototype() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("socaas/analyst/v1/analyst_entitlement_test.proto")
                .setPackage("socaas.analyst.v1")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder()
                        .setName("AnalystEntitlement")
                        .addField(field("username", 1, FieldDescriptorProto.Type.TYPE_STRING, false))
                        .addField(field("all_tenants", 2, FieldDescriptorProto.Type.TYPE_BOOL, false))
                        .addField(field("tenants", 3, FieldDescriptorProto.Type.TYPE_STRING, true))
                        .addField(field("revision", 4, FieldDescriptorProto.Type.TYPE_INT64, false)))
                .build();
        try {
            return DynamicMessage.getDefaultInstance(
                    FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("AnalystEntitlement"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type, boolean many) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(many ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .build();
    }
}
