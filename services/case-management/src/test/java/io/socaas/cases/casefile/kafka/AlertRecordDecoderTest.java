package io.socaas.cases.casefile.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.cases.casefile.domain.Severity;
import io.socaas.events.TenantId;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

class AlertRecordDecoderTest {

    private static final Instant RECORD_TIME = Instant.parse("2026-11-23T10:00:05Z");

    @Test
    void acceptsAWellFormedAlertWhoseHeaderAndKeyNameItsTenant() {
        AlertRecordDecoder.Decoded decoded = AlertRecordDecoder.decode(
                "acme:01JDALERT", "acme", alert("acme").toByteArray(), RECORD_TIME);

        assertThat(decoded).isInstanceOf(AlertRecordDecoder.Accepted.class);
        var incoming = ((AlertRecordDecoder.Accepted) decoded).alert();
        assertThat(incoming.alertId()).isEqualTo("01JDALERT");
        assertThat(incoming.tenantId().value()).isEqualTo("acme");
        assertThat(incoming.severity()).isEqualTo(Severity.HIGH);
        assertThat(incoming.rule().author()).isEqualTo("Florian Roth");
        assertThat(incoming.rule().license()).isEqualTo("DRL-1.1");
        assertThat(incoming.eventIngestIds()).containsExactly("01JDEVENT1");
        assertThat(incoming.detectedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(incoming.dedupKey()).isEqualTo("rule-1|host=ws-01");
    }

    @Test
    void rejectsARecordWhoseTenantHeaderDisagreesWithThePayload() {
        assertThat(AlertRecordDecoder.decode(
                        "acme:01JDALERT", "globex", alert("acme").toByteArray(), RECORD_TIME))
                .isEqualTo(new AlertRecordDecoder.Rejected(
                        "tenant-mismatch", "tenant header and alert tenant_id disagree"));
    }

    @Test
    void rejectsARecordWhoseKeyNamesAnotherTenant() {
        assertThat(AlertRecordDecoder.decode(
                        "globex:01JDALERT", "acme", alert("acme").toByteArray(), RECORD_TIME))
                .isInstanceOf(AlertRecordDecoder.Rejected.class);
    }

    @Test
    void rejectsARecordWithoutTenantHeader() {
        assertThat(AlertRecordDecoder.decode(
                        "acme:01JDALERT", null, alert("acme").toByteArray(), RECORD_TIME))
                .extracting(d -> ((AlertRecordDecoder.Rejected) d).reason())
                .isEqualTo("missing-tenant-header");
    }

    @Test
    void rejectsAnAlertWithoutLevelOrRule() {
        byte[] noLevel = alert("acme").toBuilder()
                .setLevel(Level.LEVEL_UNSPECIFIED)
                .build()
                .toByteArray();
        byte[] noRule = alert("acme").toBuilder().clearRule().build().toByteArray();

        assertThat(AlertRecordDecoder.decode(null, "acme", noLevel, RECORD_TIME))
                .isInstanceOf(AlertRecordDecoder.Rejected.class);
        assertThat(AlertRecordDecoder.decode(null, "acme", noRule, RECORD_TIME))
                .isInstanceOf(AlertRecordDecoder.Rejected.class);
    }

    @Test
    void usesTheRecordTimeWhenTheAlertHasNoDetectionTime() {
        byte[] value = alert("acme").toBuilder().clearDetectedTime().build().toByteArray();

        var decoded = (AlertRecordDecoder.Accepted) AlertRecordDecoder.decode(null, "acme", value, RECORD_TIME);

        assertThat(decoded.alert().detectedAt()).isEqualTo(RECORD_TIME);
    }

    @Property
    void neverThrowsOnArbitraryBytes(
            @ForAll byte[] value, @ForAll @WithNull String header, @ForAll @WithNull String key) {
        AlertRecordDecoder.Decoded decoded = AlertRecordDecoder.decode(key, header, value, RECORD_TIME);

        assertThat(decoded).isNotNull();
    }

    @Property
    void acceptsAnAlertOnlyWhenTheHeaderNamesItsWellFormedTenant(
            @ForAll("tenants") String payloadTenant, @ForAll("tenants") String headerTenant) {
        AlertRecordDecoder.Decoded decoded = AlertRecordDecoder.decode(
                payloadTenant + ":01JDALERT", headerTenant, alert(payloadTenant).toByteArray(), RECORD_TIME);

        assertThat(decoded instanceof AlertRecordDecoder.Accepted)
                .isEqualTo(payloadTenant.equals(headerTenant) && TenantId.isValid(payloadTenant));
    }

    @Property
    void acceptedAlertsKeepTheirIdsAndEvents(@ForAll("alertIds") String alertId, @ForAll("alertIds") String ingestId) {
        byte[] value = alert("acme").toBuilder()
                .setAlertId(alertId)
                .clearEventIngestIds()
                .addEventIngestIds(ingestId)
                .build()
                .toByteArray();

        var decoded =
                (AlertRecordDecoder.Accepted) AlertRecordDecoder.decode("acme:" + alertId, "acme", value, RECORD_TIME);

        assertThat(decoded.alert().alertId()).isEqualTo(alertId);
        assertThat(decoded.alert().eventIngestIds()).containsExactly(ingestId);
    }

    @Provide
    Arbitrary<String> tenants() {
        return Arbitraries.of("acme", "globex", "initech", "a", "acme-2", "Acme", "", "-bad");
    }

    @Provide
    Arbitrary<String> alertIds() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
    }

    static Alert alert(String tenant) {
        return Alert.newBuilder()
                .setAlertId("01JDALERT")
                .setTenantId(tenant)
                .setRule(RuleRef.newBuilder()
                        .setId("5f8a3e1c-0000-4000-8000-000000000001")
                        .setTitle("Whoami Execution")
                        .setAuthor("Florian Roth")
                        .setReferenceUrl("https://github.com/SigmaHQ/sigma")
                        .setLicense("DRL-1.1"))
                .setLevel(Level.LEVEL_HIGH)
                .addEventIngestIds("01JDEVENT1")
                .setEventTime("2026-11-23T10:00:00Z")
                .setDetectedTime("2026-11-23T10:00:00.123Z")
                .setSummary("whoami.exe on ws-01")
                .setDedupKey("rule-1|host=ws-01")
                .build();
    }
}
