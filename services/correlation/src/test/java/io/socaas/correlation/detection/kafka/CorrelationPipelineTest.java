package io.socaas.correlation.detection.kafka;

import static io.restassured.RestAssured.given;
import static io.socaas.correlation.detection.kafka.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.IngestIds;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.tenant.v1.RuleException;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service against the real local Kafka, with the repository's rule packs and tenant acme's
 * configuration published on the tenant facts topic, as tenant-billing publishes it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CorrelationPipelineTest {

    private static final String TENANT = "acme";
    private static final String WHOAMI_PRIV_RULE = "97a80ec7-0e2f-4d05-9ef4-65760e634f6b";

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    TenantRuleCatalog catalog;

    private KafkaTestClient kafka;
    private TenantFactsTestTopic tenants;

    @BeforeEach
    void publishAcmeAndWaitForThePartitionAssignment() {
        tenants = new TenantFactsTestTopic();
        publish(tenant(TENANT, TenantStatus.TENANT_STATUS_ACTIVE, RuleOverride.getDefaultInstance()));
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(TENANT) > 0);
        kafka = new KafkaTestClient();
        // events is consumed by several consumers (concurrency): wait until each has its partitions
        KafkaTestClient.awaitEventConsumersAssigned(kafkaClients);
    }

    @AfterEach
    void close() {
        kafka.close();
        tenants.close();
    }

    /** The promise: a tenant change reaches every service within 10 s, without a restart. */
    private static final Duration TENANT_CHANGE_DEADLINE = Duration.ofSeconds(10);

    private void publish(TenantConfig config) {
        tenants.publish(config.getTenantId(), config.toByteArray());
    }

    private static TenantConfig tenant(String id, TenantStatus status, RuleOverride override) {
        RulePackSelection.Builder pack = RulePackSelection.newBuilder().setPackId("windows-core");
        if (!override.getRuleId().isEmpty()) {
            pack.addOverrides(override);
        }
        return TenantConfig.newBuilder()
                .setTenantId(id)
                .setDisplayName("Tenant " + id)
                .setStatus(status)
                .setTimeZone("Europe/Berlin")
                .addRulePacks(pack)
                .setRevision(TenantFactsTestTopic.newRevision())
                .build();
    }

    /** The rules correlation runs for {@code tenant} now; -1 when it knows no such tenant. */
    private int rulesOf(String tenant) {
        var rules = catalog.current().tenants().get(TenantId.of(tenant));
        return rules == null ? -1 : rules.size();
    }

    private static String ingestId() {
        return IngestIds.next();
    }

    private static String processEvent(String tenant, String ingestId, String commandLine) {
        return processEvent(tenant, ingestId, commandLine, "ACME\\\\alice");
    }

    private static String processEvent(String tenant, String ingestId, String commandLine, String user) {
        return """
                {"tenant":"%s","ingest_id":"%s","received_time":"2026-11-23T10:00:00.000Z","EventID":1,
                 "Channel":"Microsoft-Windows-Sysmon/Operational","User":"%s",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"%s","Computer":"ws-01"}
                """.formatted(tenant, ingestId, user, commandLine);
    }

    private static Alert parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Alert.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("soc.alerts.v1 record is not an Alert", e);
        }
    }

    private static boolean isAlertFor(ConsumerRecord<String, byte[]> record, String ingestId) {
        try {
            return Alert.parseFrom(record.value()).getEventIngestIdsList().contains(ingestId);
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    @Test
    void raisesAWhoamiPrivAlertAndNothingForABenignEvent() throws Exception {
        String benign = ingestId();
        String suspicious = ingestId();
        // Same partition, benign first: once the later alert is visible, the benign event is done.
        int partition = Math.floorMod(suspicious.hashCode(), kafka.partitions(KafkaTestClient.eventsTopic()));
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            kafka.sendEvent(partition, TENANT, benign, processEvent(TENANT, benign, "whoami"));
            kafka.sendEvent(partition, TENANT, suspicious, processEvent(TENANT, suspicious, "whoami /priv"));

            ConsumerRecord<String, byte[]> record = alerts.awaitRecord(
                    r -> isAlertFor(r, suspicious) && parse(r).getRule().getId().equals(WHOAMI_PRIV_RULE));

            Alert alert = parse(record);
            assertThat(alert.getTenantId()).isEqualTo(TENANT);
            assertThat(alert.getRule().getAuthor()).isEqualTo("Florian Roth (Nextron Systems)");
            assertThat(alert.getRule().getLicense()).isEqualTo("DRL-1.1");
            assertThat(alert.getRule().getRulePack()).isEqualTo("windows-core");
            assertThat(alert.getRule().getReferenceUrl())
                    .isEqualTo("https://github.com/SigmaHQ/sigma/blob/master/rules/windows/process_creation/"
                            + "proc_creation_win_whoami_priv_discovery.yml");
            assertThat(alert.getRule().getTagsList()).contains("attack.t1033");
            assertThat(alert.getRule().getAttackTechniquesList()).containsExactly("T1033");
            assertThat(alert.getRule().getAttackTacticsList()).containsExactly("privilege-escalation", "discovery");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getEventIngestIdsList()).containsExactly(suspicious);
            assertThat(alert.getEventTime()).isEqualTo("2026-11-23T10:00:00.000Z");
            assertThat(alert.getSummary()).contains("ws-01").contains("whoami /priv");
            assertThat(alert.getDedupKey()).isEqualTo(WHOAMI_PRIV_RULE + ":ws-01");
            // derived id (a redelivery yields the same), keyed by dedup key (one case, one partition)
            assertThat(alert.getAlertId())
                    .isEqualTo(io.socaas.correlation.detection.domain.Alert.singleEventId(
                            io.socaas.events.TenantId.of(TENANT), WHOAMI_PRIV_RULE, suspicious));
            assertThat(record.key()).isEqualTo(TENANT + ":" + alert.getDedupKey());
            assertThat(header(record, RecordHeaders.TENANT)).contains(TENANT);
            assertThat(header(record, RecordHeaders.ID)).contains(alert.getAlertId());
            assertThat(header(record, RecordHeaders.TYPE)).contains(RecordHeaders.TYPE_ALERT_RAISED);
            assertThat(header(record, RecordHeaders.SOURCE)).contains("/socaas/correlation");
            assertThat(header(record, RecordHeaders.SPEC_VERSION)).contains("1.0");
            assertThat(header(record, RecordHeaders.TIME)).contains(alert.getDetectedTime());

            List<ConsumerRecord<String, byte[]>> all = alerts.readToEnd();
            assertThat(all).noneMatch(r -> isAlertFor(r, benign));
        }

        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("socaas_correlation_events_evaluated_total{tenant=\"acme\"}"))
                .body(containsString("socaas_correlation_alerts_raised_total{level=\"high\"}"));
    }

    @Test
    void sendsARecordWhoseTenantHeaderDisagreesWithThePayloadToTheDeadLetterTopic() throws Exception {
        String ingestId = ingestId();
        try (var deadLetters = kafka.readerFromNow(KafkaTestClient.eventsDeadLetterTopic());
                var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            // header says acme, payload claims globex
            kafka.sendEvent(null, TENANT, ingestId, processEvent("globex", ingestId, "whoami /priv"));

            ConsumerRecord<String, byte[]> rejected =
                    deadLetters.awaitRecord(r -> (TENANT + ":" + ingestId).equals(r.key()));

            assertThat(header(rejected, RecordHeaders.DLQ_REASON))
                    .hasValueSatisfying(
                            reason -> assertThat(reason).contains("disagrees").contains("globex"));
            assertThat(header(rejected, RecordHeaders.TENANT)).contains(TENANT);
            assertThat(header(rejected, RecordHeaders.ID)).contains(ingestId);
            assertThat(new String(rejected.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains(ingestId);
            assertThat(alerts.readToEnd()).noneMatch(r -> isAlertFor(r, ingestId));
        }
    }

    @Test
    void aTenantsChangesReachDetectionWithinTenSecondsWithoutARestart() throws Exception {
        String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        publish(tenant(tenant, TenantStatus.TENANT_STATUS_ACTIVE, RuleOverride.getDefaultInstance()));
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) > 0);
        int allRules = rulesOf(tenant);

        // the tenant turns the whoami /priv rule off: one rule less, and that event raises nothing
        publish(tenant(
                tenant,
                TenantStatus.TENANT_STATUS_ACTIVE,
                RuleOverride.newBuilder()
                        .setRuleId(WHOAMI_PRIV_RULE)
                        .setDisabled(true)
                        .build()));
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) == allRules - 1);
        String muted = ingestId();
        String afterwards = ingestId();
        int partition = Math.floorMod(afterwards.hashCode(), kafka.partitions(KafkaTestClient.eventsTopic()));
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            kafka.sendEvent(partition, tenant, muted, processEvent(tenant, muted, "whoami /priv"));
            // a rule still on (whoami /all) fires for the event sent after it on the same partition
            kafka.sendEvent(partition, tenant, afterwards, processEvent(tenant, afterwards, "whoami /all"));
            alerts.awaitRecord(r -> isAlertFor(r, afterwards));
            assertThat(alerts.readToEnd()).noneMatch(r -> isAlertFor(r, muted));
        }

        // suspended: no rules at all; purged: unknown
        publish(tenant(tenant, TenantStatus.TENANT_STATUS_SUSPENDED, RuleOverride.getDefaultInstance()));
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) == 0);
        tenants.publish(tenant, null);
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) == -1);
    }

    @Test
    void aSeverityOverrideAndAnExceptionReachDetectionWithinTenSeconds() throws Exception {
        String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        publish(tenant(tenant, TenantStatus.TENANT_STATUS_ACTIVE, RuleOverride.getDefaultInstance()));
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) > 0);

        // the tenant raises whoami /priv to critical and excepts its backup account
        publish(tenant(
                tenant,
                TenantStatus.TENANT_STATUS_ACTIVE,
                RuleOverride.newBuilder()
                        .setRuleId(WHOAMI_PRIV_RULE)
                        .setSeverity(Severity.SEVERITY_CRITICAL)
                        .addExceptions(RuleException.newBuilder()
                                .setField("User")
                                .addValues("svc_backup")
                                .setReason("backup job checks its privileges"))
                        .build()));
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> catalog.current().rulesFor(io.socaas.events.TenantId.of(tenant)).rules().stream()
                        .anyMatch(rule -> rule.sigma().id().equals(WHOAMI_PRIV_RULE)
                                && rule.tuning().severity().isPresent()
                                && !rule.tuning().exceptions().isEmpty()));

        String excepted = ingestId();
        String raised = ingestId();
        int partition = Math.floorMod(raised.hashCode(), kafka.partitions(KafkaTestClient.eventsTopic()));
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            kafka.sendEvent(partition, tenant, excepted, processEvent(tenant, excepted, "whoami /priv", "SVC_BACKUP"));
            kafka.sendEvent(partition, tenant, raised, processEvent(tenant, raised, "whoami /priv", "alice"));

            Alert alert = parse(alerts.awaitRecord(
                    r -> isAlertFor(r, raised) && parse(r).getRule().getId().equals(WHOAMI_PRIV_RULE)));
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_CRITICAL);
            assertThat(alert.getRule().getLevel()).isEqualTo(Level.LEVEL_HIGH);
            // same partition, sent first: done once the later alert is visible
            assertThat(alerts.readToEnd())
                    .noneMatch(r -> isAlertFor(r, excepted)
                            && parse(r).getRule().getId().equals(WHOAMI_PRIV_RULE));
        }
        tenants.publish(tenant, null);
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> rulesOf(tenant) == -1);
    }

    @Test
    void isReadyWithKafkaAndTheTenantRules() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.tenants", org.hamcrest.Matchers.greaterThan(0))
                .body("checks.find { it.name == 'rules' }.data.rules", org.hamcrest.Matchers.greaterThan(0))
                .body(containsString("events"))
                // anyone who reaches the port may ask: no tenant is named
                .body(org.hamcrest.Matchers.not(containsString(TENANT)));
    }

    @Test
    void sendsAPayloadThatIsNotAJsonObjectToTheDeadLetterTopic() throws Exception {
        String ingestId = ingestId();
        try (var deadLetters = kafka.readerFromNow(KafkaTestClient.eventsDeadLetterTopic())) {
            kafka.sendEvent(null, TENANT, ingestId, "[\"not\", \"an object\"]");

            ConsumerRecord<String, byte[]> rejected =
                    deadLetters.awaitRecord(r -> (TENANT + ":" + ingestId).equals(r.key()));

            assertThat(header(rejected, RecordHeaders.DLQ_REASON)).contains("payload is not a JSON object");
        }
    }

    private static final String FAILED_NETWORK_LOGON = "656cb0f5-8300-4247-8da7-b9836c923014";
    private static final String PASSWORD_SPRAYING = "59e3559d-b24e-406e-8295-da1af789d0cc";

    private static String failedLogonEvent(String tenant, String ingestId, String user, String address) {
        return """
                {"tenant":"%s","ingest_id":"%s","received_time":"%s","EventID":4625,"Channel":"Security",
                 "Computer":"dc-01","TargetUserName":"%s","IpAddress":"%s","LogonType":3}
                """.formatted(tenant, ingestId, java.time.Instant.now(), user, address);
    }

    @Test
    void aTenantWithTheAttackSequencesPackGetsAPasswordSprayingAlertFromItsEvents() throws Exception {
        String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        publish(tenant(tenant, TenantStatus.TENANT_STATUS_ACTIVE, RuleOverride.getDefaultInstance()).toBuilder()
                .addRulePacks(RulePackSelection.newBuilder().setPackId("windows-attack-sequences"))
                .build());
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> catalog.current().rulesFor(io.socaas.events.TenantId.of(tenant)).rules().stream()
                        .anyMatch(rule -> rule.sigma().id().equals(FAILED_NETWORK_LOGON)));

        List<String> spray = new java.util.ArrayList<>();
        try (var alerts = kafka.readerFromNow(KafkaTestClient.alertsTopic())) {
            for (int i = 1; i <= 10; i++) {
                String ingestId = ingestId();
                spray.add(ingestId);
                kafka.sendEvent(null, tenant, ingestId, failedLogonEvent(tenant, ingestId, "user" + i, "203.0.113.7"));
            }

            Alert alert = parse(alerts.awaitRecord(r -> parse(r).getTenantId().equals(tenant)
                    && parse(r).getRule().getId().equals(PASSWORD_SPRAYING)));

            assertThat(alert.getRule().getTitle()).isEqualTo("Password spraying from one source");
            assertThat(alert.getRule().getRulePack()).isEqualTo("windows-attack-sequences");
            assertThat(alert.getRule().getLicense()).isEqualTo("DRL-1.1");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getEventIngestIdsList()).containsExactlyInAnyOrderElementsOf(spray);
            // the failed logons feed the correlation and raise no alert of their own
            assertThat(alerts.readToEnd())
                    .noneMatch(r -> parse(r).getTenantId().equals(tenant)
                            && parse(r).getRule().getId().equals(FAILED_NETWORK_LOGON));
        }
        tenants.publish(tenant, null);
    }
}
