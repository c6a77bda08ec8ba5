package io.socaas.cases.casefile.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.socaas.cases.casefile.domain.Severity;
import io.socaas.events.TenantId;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
    void keepsTheRulesLogsourceWithItsTagsForAssignmentBySkill() {
        byte[] linux = alert("acme").toBuilder()
                .setRule(alert("acme").getRule().toBuilder()
                        .setLogsource(io.socaas.proto.alerts.v1.RuleLogsource.newBuilder()
                                .setProduct("linux")
                                .setService("sshd")))
                .build()
                .toByteArray();

        var incoming = ((AlertRecordDecoder.Accepted)
                        AlertRecordDecoder.decode("acme:01JDALERT", "acme", linux, RECORD_TIME))
                .alert();

        assertThat(incoming.rule().tags()).contains("linux", "sshd");
    }

    @Test
    void rejectsARecordWhoseTenantHeaderDisagreesWithThePayload() {
        assertThat(AlertRecordDecoder.decode(
                        "acme:01JDALERT", "globex", alert("acme").toByteArray(), RECORD_TIME))
                .isInstanceOfSatisfying(AlertRecordDecoder.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo("tenant-mismatch");
                    assertThat(rejected.detail()).contains("'globex'").contains("'acme'");
                    assertThat(rejected.breach()).isNotNull();
                });
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
                .isEqualTo("missing-tenant");
    }

    @Test
    void aRecordWithoutTenantHeaderIsMissingTenantEvenWhenItsValueDoesNotParse() {
        assertThat(AlertRecordDecoder.decode("acme:01JDALERT", null, new byte[] {1, 2, 3}, RECORD_TIME))
                .extracting(d -> ((AlertRecordDecoder.Rejected) d).reason())
                .isEqualTo("missing-tenant");
        assertThat(AlertRecordDecoder.decode("acme:01JDALERT", "acme", new byte[] {1, 2, 3}, RECORD_TIME))
                .extracting(d -> ((AlertRecordDecoder.Rejected) d).reason())
                .isEqualTo("invalid-payload");
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

    @Test
    void neverThrowsOnArbitraryBytes() {
        qt().forAll(values(), orNull(text(0, 40)), orNull(text(0, 40))).checkAssert((value, header, key) -> {
            AlertRecordDecoder.Decoded decoded = AlertRecordDecoder.decode(key, header, value, RECORD_TIME);

            assertThat(decoded).isNotNull();
        });
    }

    @Test
    void acceptsAnAlertOnlyWhenTheHeaderNamesItsWellFormedTenant() {
        qt().forAll(tenants(), tenants()).checkAssert((payloadTenant, headerTenant) -> {
            AlertRecordDecoder.Decoded decoded = AlertRecordDecoder.decode(
                    payloadTenant + ":01JDALERT",
                    headerTenant,
                    alert(payloadTenant).toByteArray(),
                    RECORD_TIME);

            assertThat(decoded instanceof AlertRecordDecoder.Accepted)
                    .isEqualTo(payloadTenant.equals(headerTenant) && TenantId.isValid(payloadTenant));
        });
    }

    @Test
    void acceptedAlertsKeepTheirIdsAndEvents() {
        qt().forAll(alertIds(), alertIds()).checkAssert((alertId, ingestId) -> {
            byte[] value = alert("acme").toBuilder()
                    .setAlertId(alertId)
                    .clearEventIngestIds()
                    .addEventIngestIds(ingestId)
                    .build()
                    .toByteArray();

            var decoded = (AlertRecordDecoder.Accepted)
                    AlertRecordDecoder.decode("acme:" + alertId, "acme", value, RECORD_TIME);

            assertThat(decoded.alert().alertId()).isEqualTo(alertId);
            assertThat(decoded.alert().eventIngestIds()).containsExactly(ingestId);
        });
    }

    private static Gen<String> tenants() {
        return Generate.pick(List.of("acme", "globex", "initech", "a", "acme-2", "Acme", "", "-bad"));
    }

    private static Gen<String> alertIds() {
        Gen<Character> alphanumeric = Generate.pick("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                .chars()
                .mapToObj(c -> (char) c)
                .toList());
        return lists().of(alphanumeric).ofSizeBetween(1, 40).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /**
     * Record values: any bytes, and well-formed alerts with some bytes changed, cut short or
     * appended to (so that the decoder's checks after protobuf parsing are reached too).
     */
    private static Gen<byte[]> values() {
        Gen<byte[]> anyBytes =
                lists().of(integers().between(0, 255)).ofSizeBetween(0, 300).map(AlertRecordDecoderTest::toBytes);
        Gen<byte[]> damagedAlerts = tenants()
                .zip(
                        lists().of(integers().between(0, 255)).ofSizeBetween(0, 8),
                        integers().between(0, 1_000),
                        (tenant, noise, where) -> {
                            byte[] alert = alert(tenant).toByteArray();
                            byte[] damaged = java.util.Arrays.copyOf(alert, alert.length);
                            int at = where % alert.length;
                            for (int i = 0; i < noise.size() && at + i < damaged.length; i++) {
                                damaged[at + i] = noise.get(i).byteValue();
                            }
                            return where % 3 == 0 ? java.util.Arrays.copyOf(damaged, at) : damaged;
                        });
        return Generate.frequency(Pair.of(1, anyBytes), Pair.of(1, damagedAlerts));
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).byteValue();
        }
        return bytes;
    }

    /** Any text, lone surrogates included. */
    private static Gen<String> text(int min, int max) {
        return lists().of(integers().between(0, 0xFFFF)).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(c -> sb.append((char) c.intValue()));
            return sb.toString();
        });
    }

    private static <T> Gen<T> orNull(Gen<T> values) {
        return Generate.frequency(Pair.of(1, Generate.constant(() -> null)), Pair.of(4, values));
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
