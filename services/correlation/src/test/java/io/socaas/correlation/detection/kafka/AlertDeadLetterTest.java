package io.socaas.correlation.detection.kafka;

import static io.socaas.correlation.detection.kafka.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.IngestIds;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An alert that cannot be produced goes to {@code soc.alerts.dlq.v1}: here a rule of the test pack
 * {@code budget-test} (src/test/resources/tenant-config-budget) whose regular expression backtracks
 * past its matching budget on the event. Real local Kafka.
 */
@QuarkusTest
@TestProfile(AlertDeadLetterTest.BudgetRulePack.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class AlertDeadLetterTest {

    /** The rule packs of the test folder instead of the repository's. */
    public static class BudgetRulePack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("socaas.tenant-config.dir", "src/test/resources/tenant-config-budget");
        }
    }

    private static final String BACKTRACKING_RULE = "0b7c5a3e-6f1d-4b0e-9d4a-1e2f3a4b5c6d";

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    TenantRuleCatalog catalog;

    @Test
    void anAlertWhoseRuleExceedsItsRegexBudgetGoesToTheAlertDeadLetterTopic() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String ingestId = IngestIds.next();
        try (var tenants = new TenantFactsTestTopic();
                var kafka = new KafkaTestClient()) {
            tenants.publish(
                    tenant,
                    TenantConfig.newBuilder()
                            .setTenantId(tenant)
                            .setDisplayName("Tenant " + tenant)
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setTimeZone("Europe/Berlin")
                            .addRulePacks(RulePackSelection.newBuilder().setPackId("budget-test"))
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> catalog.current().rulesFor(TenantId.of(tenant)).size() == 1);
            KafkaTestClient.awaitEventConsumersAssigned(kafkaClients);

            String event = """
                    {"tenant":"%s","ingest_id":"%s","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                     "Image":"C:\\\\x\\\\cmd.exe","CommandLine":"%s!","Computer":"ws-01"}
                    """.formatted(tenant, ingestId, "a".repeat(40));
            try (var deadLetters = kafka.readerFromNow(KafkaTestClient.alertsDeadLetterTopic());
                    var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
                kafka.sendEvent(null, tenant, ingestId, event);

                ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                        r -> header(r, "ingest_id").filter(ingestId::equals).isPresent());

                assertThat(header(dead, "rule_id")).contains(BACKTRACKING_RULE);
                assertThat(header(dead, RecordHeaders.TENANT)).contains(tenant);
                assertThat(header(dead, RecordHeaders.DLQ_REASON))
                        .hasValueSatisfying(reason -> assertThat(reason).contains("matching budget"));
                assertThat(dead.key()).isEqualTo(tenant + ":" + ingestId);
                // the event itself, for a replay
                assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains(ingestId);
                assertThat(alerts.readToEnd())
                        .noneMatch(r -> header(r, RecordHeaders.TENANT)
                                .filter(tenant::equals)
                                .isPresent());
            }
            tenants.publish(tenant, null);
        }
    }
}
