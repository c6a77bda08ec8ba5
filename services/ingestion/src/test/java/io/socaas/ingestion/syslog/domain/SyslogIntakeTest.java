package io.socaas.ingestion.syslog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.EventBatchParser;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.TenantStanding;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What becomes of one syslog message on a tenant's port: accepted as OCSF, or dead-lettered with its reason. */
class SyslogIntakeTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final SyslogIntake.Binding ACME_PORT = SyslogIntake.Binding.tenantPort(ACME, "firewall");
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    private final EventIntake intake = new EventIntake(
            key -> {
                throw new UnknownIngestKeyException("no keys here");
            },
            TenantStanding.directoryDecides(),
            new EventBatchParser(10, 4096),
            OcsfNormalizer.withShippedMappings(),
            Clock.systemUTC(),
            events -> {});

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageIsNormalizedForTheTenantOfItsPort() {
        SyslogIntake syslog = new SyslogIntake(intake, OcsfNormalizer.withShippedMappings(), new SyslogParser());
        byte[] frame = bytes(
                "<38>Mar  1 10:00:00 bastion sshd[4242]: Failed password for root from 203.0.113.5 port 50022 ssh2");
        SyslogIntake.Outcome outcome = syslog.receive(frame, false, ACME_PORT, RECEIVED);
        assertThat(outcome).isInstanceOf(SyslogIntake.Accepted.class);
        SyslogIntake.Accepted accepted = (SyslogIntake.Accepted) outcome;
        assertThat(accepted.record().tenant()).isEqualTo(ACME);
        assertThat(new String(accepted.record().event().toJsonBytes(), StandardCharsets.UTF_8))
                .contains("\"class_uid\":3002");
    }

    @Test
    void bytesThatAreNotUtf8AreDeadLetteredAsTheyCameWhileAReplacementCharacterSentAsSuchIsText() {
        SyslogIntake syslog = new SyslogIntake(intake, OcsfNormalizer.withShippedMappings(), new SyslogParser());
        byte[] head = bytes("<14>Mar  1 10:00:00 app01 app: user ");
        byte[] latin1 = java.util.Arrays.copyOf(head, head.length + 5);
        System.arraycopy(new byte[] {'J', 'o', (byte) 0xEB, 'l', '!'}, 0, latin1, head.length, 5); // ISO-8859-1 ë
        SyslogIntake.Outcome outcome = syslog.receive(latin1, false, ACME_PORT, RECEIVED);
        assertThat(outcome).isInstanceOf(SyslogIntake.DeadLetter.class);
        SyslogIntake.DeadLetter dead = (SyslogIntake.DeadLetter) outcome;
        assertThat(dead.reason()).contains("not UTF-8 text");
        assertThat(dead.raw()).isEqualTo(latin1);

        for (String text : new String[] {"Joël \uFFFD café", "Joël café", "\uFFFD"}) {
            SyslogIntake.Outcome fine =
                    syslog.receive(bytes("<14>Mar  1 10:00:00 app01 app: " + text), false, ACME_PORT, RECEIVED);
            assertThat(fine).as(text).isInstanceOf(SyslogIntake.Accepted.class);
            assertThat(new String(
                            ((SyslogIntake.Accepted) fine).record().event().toJsonBytes(), StandardCharsets.UTF_8))
                    .contains("\"message\":\"" + text + "\"");
        }
    }

    @Test
    void aMessageNormalizationFailsOnIsDeadLetteredWithTheReasonAndTheOthersStillPass() {
        String poison = "<14>Mar  1 10:00:00 app01 app: poison";
        OcsfNormalizer shipped = OcsfNormalizer.withShippedMappings();
        SyslogIntake syslog = new SyslogIntake(
                intake,
                (line, context) -> {
                    if (line.raw().endsWith("poison")) {
                        throw new IllegalStateException("a mapping could not read this message");
                    }
                    return shipped.normalize(line, context);
                },
                new SyslogParser());

        SyslogIntake.Outcome failed = syslog.receive(bytes(poison), false, ACME_PORT, RECEIVED);
        assertThat(failed).isInstanceOf(SyslogIntake.DeadLetter.class);
        SyslogIntake.DeadLetter dead = (SyslogIntake.DeadLetter) failed;
        assertThat(dead.tenant()).isEqualTo(ACME);
        assertThat(dead.reason()).contains("normalization failed").contains("could not read this message");
        assertThat(new String(dead.raw(), StandardCharsets.UTF_8)).isEqualTo(poison);

        SyslogIntake.Outcome overflow = new SyslogIntake(
                        intake,
                        (line, context) -> {
                            throw new StackOverflowError();
                        },
                        new SyslogParser())
                .receive(bytes(poison), false, ACME_PORT, RECEIVED);
        assertThat(overflow).isInstanceOf(SyslogIntake.DeadLetter.class);

        assertThat(syslog.receive(bytes("<14>Mar  1 10:00:00 app01 app: fine"), false, ACME_PORT, RECEIVED))
                .isInstanceOf(SyslogIntake.Accepted.class);
    }
}
