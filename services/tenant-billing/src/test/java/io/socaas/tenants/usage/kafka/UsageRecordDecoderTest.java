package io.socaas.tenants.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.proto.usage.v1.UsageRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageRecordDecoderTest {

    private static final long MINUTE = Instant.parse("2026-06-10T10:00:00Z").toEpochMilli();

    private static UsageRecord.Builder acme() {
        return UsageRecord.newBuilder()
                .setUsageId("host-1:acme:" + MINUTE)
                .setTenantId("acme")
                .setInstance("host-1")
                .setMinuteStartMs(MINUTE)
                .setEventsAccepted(5)
                .setRawBytes(500);
    }

    @Test
    void acceptsARecordWhoseHeaderKeyAndPayloadAgree() {
        var decoded = UsageRecordDecoder.decode("acme", "acme", acme().build().toByteArray());

        assertThat(decoded).isInstanceOfSatisfying(UsageRecordDecoder.Accepted.class, accepted -> {
            assertThat(accepted.minute().usageId()).isEqualTo("host-1:acme:" + MINUTE);
            assertThat(accepted.minute().tenant().value()).isEqualTo("acme");
            assertThat(accepted.minute().eventsAccepted()).isEqualTo(5);
            assertThat(accepted.minute().rawBytes()).isEqualTo(500);
        });
    }

    @Test
    void rejectsATenantHeaderThatDisagreesWithThePayload() {
        assertThat(UsageRecordDecoder.decode("acme", "globex", acme().build().toByteArray()))
                .isInstanceOfSatisfying(UsageRecordDecoder.Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo("tenant-mismatch");
                    assertThat(r.detail()).contains("tenant header 'globex'").contains("payload tenant 'acme'");
                    assertThat(r.breach()).isNotNull();
                });
    }

    @Test
    void rejectsAMissingTenantHeaderAndADisagreeingKey() {
        assertThat(UsageRecordDecoder.decode("acme", null, acme().build().toByteArray()))
                .isInstanceOfSatisfying(
                        UsageRecordDecoder.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("missing-tenant"));
        assertThat(UsageRecordDecoder.decode("globex", "acme", acme().build().toByteArray()))
                .isInstanceOfSatisfying(
                        UsageRecordDecoder.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("tenant-mismatch"));
    }

    @Test
    void rejectsAnIdThatIsNotMadeOfItsOwnFields() {
        byte[] forged = acme().setUsageId("host-1:acme:0").build().toByteArray();

        assertThat(UsageRecordDecoder.decode("acme", "acme", forged))
                .isInstanceOfSatisfying(
                        UsageRecordDecoder.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("malformed-record"));
    }

    @Test
    void rejectsWhatIsNotAUsageRecord() {
        assertThat(UsageRecordDecoder.decode("acme", "acme", new byte[] {(byte) 0xff, 0x01, 0x02}))
                .isInstanceOfSatisfying(
                        UsageRecordDecoder.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("malformed-record"));
        assertThat(UsageRecordDecoder.decode("acme", "acme", null))
                .isInstanceOfSatisfying(
                        UsageRecordDecoder.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("malformed-record"));
    }
}
