package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnifiDeviceTagTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T12:00:00Z");
    private final SyslogParser parser = new SyslogParser();

    private UnifiDeviceTag.Stamped read(String line) {
        return UnifiDeviceTag.read(parser.parse(line, RECEIVED));
    }

    @Test
    void theOlderStampNamesModelMacAndFirmwareAndTheProgramFollowsIt() {
        UnifiDeviceTag.Stamped s =
                read("<14>Dec  6 10:00:01 U7PG2,788a20123456,v6.5.28.14491: hostapd: ath0: STA 4c:32:75:aa:bb:cc"
                        + " IEEE 802.11: associated");
        assertThat(s.device()).isEqualTo(new UnifiDeviceTag("788a20123456", "U7PG2", "6.5.28.14491"));
        assertThat(s.message().hostname()).isNull();
        assertThat(s.message().appName()).isEqualTo("hostapd");
        assertThat(s.message().procId()).isNull();
        assertThat(s.message().message()).isEqualTo("ath0: STA 4c:32:75:aa:bb:cc IEEE 802.11: associated");
        assertThat(s.message().timestamp()).isEqualTo(Instant.parse("2026-12-06T10:00:01Z"));
    }

    @Test
    void theNewerStampPutsTheMacFirstWithAnEmptyFieldOrTheProgramWrittenTwice() {
        UnifiDeviceTag.Stamped empty =
                read("<14>Oct 14 10:00:00 802aa849de91,UAP-AC-Lite-5.43.43+12741: : stahtd[1700]:"
                        + " [STA-TRACKER].stahtd_dump_event(): {}");
        assertThat(empty.device()).isEqualTo(new UnifiDeviceTag("802aa849de91", "UAP-AC-Lite", "5.43.43+12741"));
        assertThat(empty.message().appName()).isEqualTo("stahtd");
        assertThat(empty.message().procId()).isEqualTo("1700");
        assertThat(empty.message().message()).isEqualTo("[STA-TRACKER].stahtd_dump_event(): {}");

        UnifiDeviceTag.Stamped twice = read("<30>Oct 14 14:23:05 LoftAP6 f492bfa5743c,U6-Lite-5.60.9+12980: stahtd:"
                + " stahtd[20181]: [STA-TRACKER].stahtd_dump_event(): {}");
        assertThat(twice.message().hostname()).isEqualTo("LoftAP6");
        assertThat(twice.device().model()).isEqualTo("U6-Lite");
        assertThat(twice.message().appName()).isEqualTo("stahtd");
        assertThat(twice.message().procId()).isEqualTo("20181");
        assertThat(twice.message().message()).isEqualTo("[STA-TRACKER].stahtd_dump_event(): {}");

        // a second tag of another name is the message's own (hostapd's interface)
        UnifiDeviceTag.Stamped iface = read("<30>Jun 30 18:00:00 U7-Lite 1c0b8bc42f58,U7-Lite-8.6.11+18870: hostapd:"
                + " wifi0ap5: STA c0:49:ef:8c:07:2c IEEE 802.11: disassociated");
        assertThat(iface.message().appName()).isEqualTo("hostapd");
        assertThat(iface.message().message()).startsWith("wifi0ap5: STA ");
    }

    @Test
    void otherTagsWithCommasAreNoStamp() {
        assertThat(read("<14>Dec  6 10:00:01 host1 alpha,beta,v1.2: hostapd: x"))
                .isNull();
        assertThat(read("<14>Dec  6 10:00:01 host1 788a20123456,U7PG2: x")).isNull();
        assertThat(read("<14>Dec  6 10:00:01 host1 U7PG2,788a2012345,v6.5.28: x"))
                .isNull();
        assertThat(read("<14>Dec  6 10:00:01 host1 U7PG2,788a20123456,v6.5.28,extra: x"))
                .isNull();
        assertThat(read("<14>Dec  6 10:00:01 host1 sshd[12]: Accepted password for bob"))
                .isNull();
        assertThat(read("<14>Dec  6 10:00:01 host1 a,b: x")).isNull();
    }
}
