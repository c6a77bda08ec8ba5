package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The host a syslog header names is the record's device when no mapping file names one: a line of a
 * program no file knows is still attributed to the machine that sent it (its name, or its address
 * when the header carries an address), and a file's own device wins.
 */
class SyslogHeaderDeviceTest {

    @Test
    void aLineNoFileClaimsNamesTheHostOfItsHeaderAsDevice() throws Exception {
        // RFC 5424's examples (section 6.5), with this year's date
        JsonNode named = line(
                "<165>1 2026-02-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
                        + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] An application event log entry");
        assertThat(named.get("class_uid").asInt()).isZero();
        assertThat(named.at("/device/hostname").asText()).isEqualTo("mymachine.example.com");
        assertThat(named.at("/device/ip").isMissingNode()).isTrue();

        JsonNode byAddress = line(
                "<165>1 2026-02-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
        assertThat(byAddress.at("/device/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(byAddress.at("/device/hostname").isMissingNode()).isTrue();

        // RFC 3164's example of a relay that writes the sender's address as the host
        assertThat(line("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!")
                        .at("/device/ip")
                        .asText())
                .isEqualTo("10.0.0.99");
        assertThat(line("<13>Feb  5 17:32:18 fe80::1ff:fe23:4567:890a backupd[7]: run finished")
                        .at("/device/ip")
                        .asText())
                .isEqualTo("fe80::1ff:fe23:4567:890a");
    }

    @Test
    void aLineWithoutAHeaderHostHasNoDevice() throws Exception {
        assertThat(line("Use the BFG!").has("device")).isFalse();
        // Arista NG Firewall writes its log level where the host belongs (Elastic's sample)
        JsonNode arista = line("<174>May 19 11:52:35 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-19 11:52:35.123\","
                + "\"class\":\"class com.untangle.uvm.app.SessionEvent\",\"CClientAddr\":\"/192.168.1.10\"}");
        assertThat(arista.has("device")).isFalse();
        assertThat(line("<13>Feb  5 17:32:18 INFO backupd[7]: run finished").has("device"))
                .isFalse();
        assertThat(line("<165>1 2026-02-11T22:14:15.003Z - evntslog - ID47 - An application event log entry")
                        .has("device"))
                .isFalse();
    }

    @Test
    void aFilesOwnDeviceWins() throws Exception {
        // FortiGate names itself in devname; the relay's host in the header is not the device
        JsonNode fortigate = line("<190>Feb 11 09:58:01 relay01 date=2026-02-11 time=09:58:01 devname=\"FGT60F\""
                + " devid=\"FGT60FTK00000000\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" vd=\"root\" srcip=192.0.2.10 srcport=51000 srcintf=\"lan\" dstip=203.0.113.9"
                + " dstport=443 dstintf=\"wan1\" proto=6 action=\"deny\" policyid=0 service=\"HTTPS\"");
        assertThat(fortigate.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(fortigate.at("/device/hostname").asText()).isEqualTo("FGT60F");
    }

    @Test
    void addressesAreToldFromNames() {
        assertThat(OcsfNormalizer.isAddress("192.0.2.1")).isTrue();
        assertThat(OcsfNormalizer.isAddress("2001:db8::1")).isTrue();
        assertThat(OcsfNormalizer.isAddress("::ffff:192.0.2.1")).isTrue();
        assertThat(OcsfNormalizer.isAddress("192.0.2.256")).isFalse();
        assertThat(OcsfNormalizer.isAddress("10.0.0")).isFalse();
        assertThat(OcsfNormalizer.isAddress("cafe")).isFalse();
        assertThat(OcsfNormalizer.isAddress("web01")).isFalse();
        assertThat(OcsfNormalizer.isAddress("slot1/host")).isFalse();
        assertThat(OcsfNormalizer.isAddress("dead:beef")).as("one colon").isFalse();
        assertThat(OcsfNormalizer.isAddress("fe80::12345"))
                .as("a group of five digits")
                .isFalse();
        assertThat(OcsfNormalizer.isAddress("::ffff:192.0.2.999")).isFalse();
        assertThat(OcsfNormalizer.isAddress("2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(OcsfNormalizer.isAddress("0:0:0:0:0:ffff:192.0.2.1")).isTrue();
        assertThat(OcsfNormalizer.isAddress("::")).isTrue();
        assertThat(OcsfNormalizer.isAddress("00:1a:2b:3c:4d:5e"))
                .as("a MAC address: six groups, none left out")
                .isFalse();
        assertThat(OcsfNormalizer.isAddress("1:2:3:4:5:6:7:8:9"))
                .as("nine groups")
                .isFalse();
        assertThat(OcsfNormalizer.isAddress("1::2::3")).as("two elisions").isFalse();
        assertThat(OcsfNormalizer.isAddress(":1:2:3:4:5:6:7")).isFalse();
        assertThat(OcsfNormalizer.isAddress("1:2:3:4:5:6:7:")).isFalse();
        assertThat(OcsfNormalizer.isAddress("1:2:3:4:5:6:7:8::"))
                .as("nothing left to elide")
                .isFalse();
    }

    @Test
    void aHostNamedByItsMacAddressIsTheDevicesNameNotItsAddress() throws Exception {
        // a header host written as a MAC address has six groups and no elision: no IPv6 address
        JsonNode byMac = line("<13>Feb  5 17:32:18 00:1a:2b:3c:4d:5e backupd[7]: run finished");
        assertThat(byMac.at("/device/hostname").asText()).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(byMac.at("/device/ip").isMissingNode()).isTrue();
    }
}
