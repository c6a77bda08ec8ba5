package io.socaas.ingestion.syslog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.EventBatchParser;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.SegmentJoiner;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.TenantStanding;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a message joined from Cisco ISE segments: the record of the whole message, and one
 * given out without all of its segments says which are missing and why, under {@code unmapped}.
 */
class SyslogIntakeSegmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId ACME = TenantId.of("acme");
    private static final SyslogIntake.Binding ACME_PORT = SyslogIntake.Binding.tenantPort(ACME, "ise");
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:05Z");
    private static final String HEADER = "<181>Mar  1 10:00:01 ise-psn04 CISE_Passed_Authentications 0000051230 3 ";
    private static final String[] TEXTS = {
        "0 2026-03-01 11:00:01.100 +01:00 0000730001 5200 NOTICE Passed-Authentication: Authentication"
                + " succeeded, ConfigVersionId=41, Device IP Address=10.44.0.2,",
        "1  UserName=p.lindqvist, NetworkDeviceName=wlc-hq-1, Calling-Station-ID=F0-18-98-3A-22-C1,",
        "2  EndPointMACAddress=F0-18-98-3A-22-C1, AuthenticationMethod=dot1x,"
    };

    private final SyslogIntake syslog = new SyslogIntake(
            new EventIntake(
                    key -> {
                        throw new UnknownIngestKeyException("no keys here");
                    },
                    TenantStanding.directoryDecides(),
                    new EventBatchParser(10, 4096),
                    OcsfNormalizer.withShippedMappings(),
                    Clock.systemUTC(),
                    events -> {}),
            OcsfNormalizer.withShippedMappings(),
            new SyslogParser());

    private static List<SegmentJoiner.Message<Void>> join(SegmentJoiner<Void> joiner, int... numbers) {
        return java.util.Arrays.stream(numbers)
                .mapToObj(n -> joiner.accept("", (HEADER + TEXTS[n]).getBytes(StandardCharsets.UTF_8), null, n))
                .flatMap(List::stream)
                .toList();
    }

    private JsonNode accepted(SegmentJoiner.Message<Void> message) throws Exception {
        SyslogIntake.Outcome outcome = syslog.receive(message, ACME_PORT, RECEIVED);
        assertThat(outcome).isInstanceOf(SyslogIntake.Accepted.class);
        return JSON.readTree(((SyslogIntake.Accepted) outcome).record().event().toJsonBytes());
    }

    @Test
    void aJoinedAuthenticationIsOneRecordOfTheWholeMessage() throws Exception {
        SegmentJoiner<Void> joiner = new SegmentJoiner<>(65536, 1 << 20, 1 << 20, 3_000_000_000L);
        List<SegmentJoiner.Message<Void>> messages = join(joiner, 2, 0, 1);

        JsonNode record = accepted(messages.getFirst());
        assertThat(record.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(record.at("/user/name").asText()).isEqualTo("p.lindqvist");
        assertThat(record.at("/src_endpoint/mac").asText()).isEqualTo("F0-18-98-3A-22-C1");
        assertThat(record.at("/dst_endpoint/ip").asText()).isEqualTo("10.44.0.2");
        assertThat(record.at("/unmapped/" + SyslogIntake.SEGMENTS_MISSING).isMissingNode())
                .isTrue();
        assertThat(record.get("raw_data").asText())
                .isEqualTo(HEADER + TEXTS[0] + TEXTS[1].substring(2) + TEXTS[2].substring(2));
    }

    @Test
    void aMessageGivenOutWithoutASegmentSaysWhichAndWhy() throws Exception {
        SegmentJoiner<Void> joiner = new SegmentJoiner<>(65536, 1 << 20, 1 << 20, 3_000_000_000L);
        assertThat(join(joiner, 0, 2)).isEmpty();
        List<SegmentJoiner.Message<Void>> given = joiner.expired(3_000_000_000L);

        JsonNode record = accepted(given.getFirst());
        assertThat(record.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(record.at("/src_endpoint/mac").asText()).isEqualTo("F0-18-98-3A-22-C1");
        assertThat(record.at("/user/name").isMissingNode()).isTrue(); // it was in segment 1
        assertThat(record.at("/unmapped/" + SyslogIntake.SEGMENTS_MISSING).asText())
                .isEqualTo("1");
        assertThat(record.at("/unmapped/" + SyslogIntake.SEGMENTS_INCOMPLETE).asText())
                .isEqualTo("not all 3 segments came within 3000 ms");
    }

    @Test
    void anUnreadableJoinedMessageIsDeadLetteredWithItsGapInTheReason() {
        SegmentJoiner<Void> joiner = new SegmentJoiner<>(65536, 1 << 20, 1 << 20, 3_000_000_000L);
        byte[] broken = ("<999>Mar  1 10:00:01 ise-psn04 CISE_Failed_Attempts 0000051231 2 0 x,")
                .getBytes(StandardCharsets.UTF_8);
        joiner.accept("", broken, null, 0);
        SegmentJoiner.Message<Void> given =
                joiner.flush("the connection ended before they came").getFirst();

        SyslogIntake.Outcome outcome = syslog.receive(given, ACME_PORT, RECEIVED);
        assertThat(outcome).isInstanceOfSatisfying(SyslogIntake.DeadLetter.class, dead -> {
            assertThat(dead.tenant()).isEqualTo(ACME);
            assertThat(dead.reason()).contains("priority").contains("segments 1 of 2 missing");
            assertThat(dead.raw()).isEqualTo(broken);
        });
    }
}
