package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source's clock zone: devices write their local time without naming the zone (RFC 3164 headers,
 * appliance and server log dates), and a syslog source configured with its zone has those times read
 * in it; times that carry an offset, and fields that are UTC by definition, are never moved.
 */
class SourceClockZoneTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void rfc3164HeaderTimeIsReadInTheSourcesZone() throws Exception {
        String sshd = "<38>Mar  1 09:30:00 web01 sshd[811]: Failed password for root from 203.0.113.9 port 52144 ssh2";

        assertThat(line(sshd, ZoneOffset.UTC).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:30:00Z"));
        // winter: CET is UTC+1; New York is UTC-5
        assertThat(line(sshd, BERLIN).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:30:00Z"));
        assertThat(line(sshd, NEW_YORK).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T14:30:00Z"));
        assertThat(line(sshd, BERLIN).get("class_uid").asInt()).isEqualTo(3002);
    }

    @Test
    void daylightSavingTimeOfTheZoneApplies() throws Exception {
        // received 2026-03-01: an October line is last year's, when Berlin kept summer time (CEST, UTC+2)
        String summer = "<38>Oct 20 12:00:00 web01 sshd[811]: Accepted password for bob from 10.0.0.9 port 50000 ssh2";
        assertThat(line(summer, BERLIN).get("time").asLong()).isEqualTo(epochMillis("2025-10-20T10:00:00Z"));
    }

    @Test
    void timesWithAnOffsetAreNotMoved() throws Exception {
        String rfc5424 = "<38>1 2026-03-01T09:30:00.000+01:00 web01 sshd 811 - - Failed password for root from"
                + " 203.0.113.9 port 52144 ssh2";
        assertThat(line(rfc5424, NEW_YORK).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:30:00Z"));

        // FortiOS's date, time and tz logged apart: the device names its offset
        String fortigate = "<189>Mar  1 10:00:00 fw-edge date=2026-03-01 time=11:50:48 devname=\"FG-60E\""
                + " devid=\"FGT60E0000000001\" tz=\"+0200\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " srcip=10.0.0.7 srcport=51000 dstip=93.184.216.34 dstport=443 proto=6 action=\"accept\" policyid=4";
        assertThat(line(fortigate, NEW_YORK).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:48Z"));
        // without tz, the same date and time are the source's local time
        assertThat(line(fortigate.replace(" tz=\"+0200\"", ""), NEW_YORK)
                        .get("time")
                        .asLong())
                .isEqualTo(epochMillis("2026-03-01T16:50:48Z"));
    }

    @Test
    void aMappedLogDateWithoutZoneIsReadInTheSourcesZone() throws Exception {
        // Apache's error log writes local time in C's asctime form
        String apache = "[Sun Mar 01 09:47:55 2026] [error] [client 10.0.0.7] user bob: authentication failure for"
                + " \"/admin\": Password Mismatch";
        assertThat(line(apache, ZoneOffset.UTC).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:47:55Z"));
        assertThat(line(apache, BERLIN).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:47:55Z"));

        // the Windows DNS Server debug log: local date and time, read by its decoder
        String dns = "3/1/2026 9:32:00 AM 0E54 PACKET  000001D0CCAB8E70 UDP Rcv 10.0.0.5        8f3a   Q [0001   D  "
                + " NOERROR] A      (7)example(3)com(0)";
        JsonNode query = line(dns, BERLIN);
        assertThat(query.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(query.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:32:00Z"));

        // pfirewall.log: its own date and time, local
        String firewall = "2026-03-01 09:00:00 DROP TCP 203.0.113.5 10.0.0.5 44321 3389 52 S 123456789 0 64240 - - -"
                + " RECEIVE";
        JsonNode dropped = line(firewall, BERLIN);
        assertThat(dropped.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(dropped.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:00:00Z"));
    }

    @Test
    void utcByDefinitionIsNotMoved() throws Exception {
        // Sysmon's UtcTime has no offset but is UTC whatever the machine's zone
        String sysmon = """
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1",
                 "UtcTime":"2026-03-01 09:15:02.123","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe",
                 "CommandLine":"cmd /c whoami","ProcessId":4242,"User":"CORP\\\\bob"}""";
        JsonNode r = json(sysmon, NEW_YORK);
        assertThat(r.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02.123Z"));

        // NXLog's EventTime is the machine's local time
        String nxlog = """
                {"Channel":"Security","EventID":4625,"Hostname":"dc1","EventTime":"2026-03-01 10:15:02",
                 "TargetUserName":"bob","IpAddress":"203.0.113.9","LogonType":"3"}""";
        assertThat(json(nxlog, BERLIN).get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02Z"));
    }

    @Test
    void utcTimeMustNameAFieldOfTime() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"app_name":"x"},"time":["when"],"utc_time":["whenUtc"],
                 "default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("utc_time names 'whenUtc'");
    }
}
