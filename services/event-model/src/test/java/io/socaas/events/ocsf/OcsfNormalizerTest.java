package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.SyslogParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcsfNormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final OcsfNormalizer.Context CONTEXT = new OcsfNormalizer.Context(
            TenantId.of("acme"), IngestIds.derived("key1", "batch", 0), RECEIVED, "dc01 sysmon");

    private final OcsfNormalizer normalizer = OcsfNormalizer.withShippedMappings();

    private JsonNode normalize(String json) throws Exception {
        return JSON.readTree(
                normalizer.normalize(JsonEvent.parse(json), CONTEXT).event().toJsonBytes());
    }

    private JsonNode normalizeLine(String line) throws Exception {
        return JSON.readTree(normalizer
                .normalize(LogLine.decode(line, RECEIVED, new SyslogParser()), CONTEXT)
                .event()
                .toJsonBytes());
    }

    @Test
    void aLogLineThatAShipperWrapsInJsonIsNormalizedAsTheLine() throws Exception {
        // a Wazuh alert: the line under full_log, Wazuh's own fields around it
        JsonNode wazuh = normalize("""
                {"timestamp":"2026-03-01T09:59:59.000+0000","rule":{"level":5,"id":"5716"},
                 "agent":{"id":"001","name":"web01"},"location":"/var/log/auth.log",
                 "full_log":"Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2"}""");
        assertThat(wazuh.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(wazuh.at("/status_id").asInt()).isEqualTo(2);
        assertThat(wazuh.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(wazuh.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:59:59Z").toEpochMilli());
        assertThat(wazuh.get("raw_data").asText()).startsWith("Mar  1 09:59:59 web01 sshd[123]:");
        // the wrapper's fields stay addressable beside the line's
        assertThat(wazuh.at("/unmapped/agent/name").asText()).isEqualTo("web01");
        assertThat(wazuh.at("/unmapped/rule/id").asText()).isEqualTo("5716");
        assertThat(wazuh.at("/unmapped/app_name").asText()).isEqualTo("sshd");
        assertThat(wazuh.at("/unmapped/full_log").isMissingNode()).isTrue();

        // Filebeat: an nginx access line under message, the file it came from beside it
        JsonNode filebeat = normalize("""
                {"@timestamp":"2026-03-01T09:59:59.000Z","log":{"file":{"path":"/var/log/nginx/access.log"}},
                 "message":"203.0.113.7 - - [01/Mar/2026:09:59:58 +0000] \\"GET /wp-login.php HTTP/1.1\\" 404 153 \\"-\\" \\"curl/8.0\\""}""");
        assertThat(filebeat.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(filebeat.at("/http_request/url/path").asText()).isEqualTo("/wp-login.php");
        assertThat(filebeat.at("/unmapped/log/file/path").asText()).isEqualTo("/var/log/nginx/access.log");
    }

    @Test
    void aMessageShippedWithoutItsHeaderIsReadAsItsProgramsLine() throws Exception {
        // journald through Fluent Bit's systemd input or Vector's journald source: the program apart
        JsonNode journald = normalize("""
                {"_HOSTNAME":"web-01","SYSLOG_IDENTIFIER":"sshd","_PID":"1234","PRIORITY":"6",
                 "__REALTIME_TIMESTAMP":"1772355600250000","_SYSTEMD_UNIT":"ssh.service",
                 "MESSAGE":"Failed password for invalid user admin from 203.0.113.9 port 50000 ssh2"}""");
        assertThat(journald.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(journald.at("/status_id").asInt()).isEqualTo(2);
        assertThat(journald.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(journald.at("/user/name").asText()).isEqualTo("admin");
        assertThat(journald.at("/device/hostname").asText()).isEqualTo("web-01");
        assertThat(journald.at("/metadata/product/name").asText()).isEqualTo("OpenSSH");
        // journald's own time (microseconds), not the time of arrival
        assertThat(journald.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:00:00.250Z").toEpochMilli());
        assertThat(journald.at("/unmapped/_SYSTEMD_UNIT").asText()).isEqualTo("ssh.service");

        // Filebeat's journald input: the program under syslog.identifier, the host under host.hostname
        JsonNode filebeat = normalize("""
                {"@timestamp":"2026-03-01T09:00:01.000Z","message":"Accepted publickey for alice from 198.51.100.4 port 5000 ssh2: ED25519 SHA256:abc",
                 "syslog":{"identifier":"sshd","pid":4321,"priority":6},"host":{"hostname":"db-1"}}""");
        assertThat(filebeat.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(filebeat.at("/status_id").asInt()).isEqualTo(1);
        assertThat(filebeat.at("/user/name").asText()).isEqualTo("alice");
        assertThat(filebeat.at("/device/hostname").asText()).isEqualTo("db-1");
        assertThat(filebeat.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:00:01Z").toEpochMilli());

        // the same text from a program that is not sshd is not sshd's
        JsonNode other = normalize("""
                {"SYSLOG_IDENTIFIER":"myapp","MESSAGE":"Failed password for invalid user admin from 203.0.113.9 port 50000 ssh2"}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("OpenSSH");
    }

    @Test
    void aLineHandedOverGivesTheSameRecordAsACopiedOne() throws Exception {
        for (String text : List.of(
                "<38>Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2",
                "<134>1 2026-03-01T09:59:58.250Z ns3.example.com billing 4242 RUN - nightly run 17 done",
                "CEF:0|Fortinet|Fortigate|7.2|13|traffic:forward deny|3|src=10.0.0.5 dst=198.51.100.7 dpt=443 act=deny",
                "{\"EventID\":4625,\"Channel\":\"Security\",\"TargetUserName\":\"bob\"}")) {
            byte[] copied = normalizer
                    .normalize(LogLine.decode(text, RECEIVED, new SyslogParser()), CONTEXT)
                    .event()
                    .toJsonBytes();
            byte[] handedOver = normalizer
                    .normalizeHandedOver(LogLine.decode(text, RECEIVED, new SyslogParser()), CONTEXT)
                    .event()
                    .toJsonBytes();
            assertThat(JSON.readTree(handedOver)).as(text).isEqualTo(JSON.readTree(copied));
        }
    }

    @Test
    void aJsonEventNoFileKnowsKeepsItsOwnTimeWhereShippersPutIt() throws Exception {
        // Logstash, the Beats, ECS
        JsonNode ecs = normalize("{\"@timestamp\":\"2026-03-01T09:58:00.500Z\",\"event\":{\"action\":\"backup\"}}");
        assertThat(ecs.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:58:00.500Z").toEpochMilli());
        assertThat(ecs.at("/metadata/labels").isMissingNode()).isTrue();
        // Fluent Bit's date, epoch seconds with a fraction
        JsonNode fluentBit = normalize("{\"date\":1772359080.25,\"level\":\"info\",\"msg\":\"cache warmed\"}");
        assertThat(fluentBit.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:58:00.250Z").toEpochMilli());
        // a field of such a name that holds no time of the event (a duration) is passed over
        JsonNode duration = normalize("{\"time\":42,\"date\":\"2026-03-01T09:57:00Z\",\"msg\":\"request served\"}");
        assertThat(duration.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:57:00Z").toEpochMilli());
        assertThat(duration.at("/metadata/labels").isMissingNode()).isTrue();
        // without one: the time it arrived, and the record says so
        JsonNode none = normalize("{\"msg\":\"no time here\",\"took\":42}");
        assertThat(none.get("time").asLong()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(none.at("/metadata/labels").toString()).contains("time_from_received");
    }

    @Test
    void aJsonEventIsNotReadAsTheTextItCarries() throws Exception {
        // a text no mapping file claims: the event stays what it is, a Base Event of its own fields
        JsonNode plain = normalize("{\"message\":\"backup finished in 42 s\",\"job\":\"nightly\"}");
        assertThat(plain.get("class_uid").asInt()).isZero();
        assertThat(plain.at("/unmapped/job").asText()).isEqualTo("nightly");
        assertThat(plain.has("raw_data")).isFalse();

        // a shipped syslog line no file claims is still that line: a Base Event with its header's time
        // and host (not the time it arrived), the shipper's fields beside the header's
        JsonNode unknownApp = normalize("""
                {"message":"<134>1 2026-03-01T09:59:58.250Z ns3.example.com billing 4242 RUN - nightly run 17 done",
                 "log":{"file":{"path":"/var/log/billing.log"}}}""");
        assertThat(unknownApp.get("class_uid").asInt()).isZero();
        assertThat(unknownApp.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:59:58.250Z").toEpochMilli());
        assertThat(unknownApp.at("/metadata/labels").toString()).doesNotContain("time_from_received");
        assertThat(unknownApp.at("/metadata/product/name").asText()).isEqualTo("billing");
        assertThat(unknownApp.get("raw_data").asText()).startsWith("<134>1 2026-03-01T09:59:58.250Z ns3");
        assertThat(unknownApp.at("/unmapped/hostname").asText()).isEqualTo("ns3.example.com");
        assertThat(unknownApp.at("/unmapped/log/file/path").asText()).isEqualTo("/var/log/billing.log");
        assertThat(unknownApp.get("message").asText()).isEqualTo("nightly run 17 done");
        JsonNode unknownBsd = normalize("{\"message\":\"<30>Mar  1 09:59:57 nas01 backupd[77]: snapshot rotated\"}");
        assertThat(unknownBsd.get("class_uid").asInt()).isZero();
        assertThat(unknownBsd.at("/unmapped/hostname").asText()).isEqualTo("nas01");
        assertThat(unknownBsd.at("/metadata/product/name").asText()).isEqualTo("backupd");

        // an event a file claims is mapped as itself, whatever its message says
        JsonNode windows = normalize("""
                {"Channel":"Security","EventID":4624,"TargetUserName":"bob","LogonType":"3",
                 "Message":"x","message":"Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2"}""");
        assertThat(windows.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(windows.at("/status_id").asInt()).isEqualTo(1);
        assertThat(windows.at("/user/name").asText()).isEqualTo("bob");
    }

    @Test
    void mapsSysmonProcessCreationInEveryShapeWindowsEventsArriveIn() throws Exception {
        List<String> shapes = List.of(
                // flat (NXLog, OTRF)
                """
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1",
                 "UtcTime":"2026-03-01 09:15:02.123","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe","CommandLine":"cmd /c whoami",
                 "ProcessId":4242,"ParentImage":"C:\\\\explorer.exe","User":"CORP\\\\bob"}""",
                // evtx-dump
                """
                {"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1",
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-03-01T09:15:02.123Z"}}},
                 "EventData":{"UtcTime":"2026-03-01 09:15:02.123","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe",
                 "CommandLine":"cmd /c whoami","ProcessId":"4242","ParentImage":"C:\\\\explorer.exe","User":"CORP\\\\bob"}}}""",
                // Winlogbeat
                """
                {"winlog":{"channel":"Microsoft-Windows-Sysmon/Operational","event_id":"1","computer_name":"ws1",
                 "event_data":{"UtcTime":"2026-03-01 09:15:02.123","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe",
                 "CommandLine":"cmd /c whoami","ProcessId":"4242","ParentImage":"C:\\\\explorer.exe","User":"CORP\\\\bob"}}}""",
                // Wazuh
                """
                {"win":{"system":{"channel":"Microsoft-Windows-Sysmon/Operational","eventID":"1","computer":"ws1"},
                 "eventdata":{"utcTime":"2026-03-01 09:15:02.123","image":"C:\\\\Windows\\\\System32\\\\cmd.exe",
                 "commandLine":"cmd /c whoami","processId":"4242","parentImage":"C:\\\\explorer.exe","user":"CORP\\\\bob"}}}""");
        for (String shape : shapes) {
            JsonNode r = normalize(shape);
            assertThat(r.get("class_uid").asInt()).as(shape).isEqualTo(1007);
            assertThat(r.get("category_uid").asInt()).isEqualTo(1);
            assertThat(r.get("activity_id").asInt()).isEqualTo(1);
            assertThat(r.get("type_uid").asLong()).isEqualTo(100701);
            assertThat(r.get("time").asLong())
                    .isEqualTo(Instant.parse("2026-03-01T09:15:02.123Z").toEpochMilli());
            assertThat(r.at("/process/cmd_line").asText()).as(shape).isEqualTo("cmd /c whoami");
            assertThat(r.at("/process/pid").asInt()).isEqualTo(4242);
            assertThat(r.at("/actor/process/file/path").asText()).isEqualTo("C:\\explorer.exe");
            assertThat(r.at("/device/hostname").asText()).isEqualTo("ws1");
            assertThat(r.at("/metadata/product/name").asText()).isEqualTo("Sysmon");
            assertThat(r.at("/metadata/version").asText()).isEqualTo("1.8.0");
            assertThat(r.at("/metadata/tenant_uid").asText()).isEqualTo("acme");
            assertThat(r.at("/metadata/uid").asText()).isEqualTo(CONTEXT.ingestId());
            assertThat(r.at("/metadata/log_source").asText()).isEqualTo("dc01 sysmon");
            assertThat(r.get("tenant").asText()).isEqualTo("acme");
            assertThat(r.get("ingest_id").asText()).isEqualTo(CONTEXT.ingestId());
            assertThat(r.get("received_time").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
            // the source's own fields stay addressable, in the source's shape
            assertThat(r.get("unmapped")).isEqualTo(JSON.readTree(shape));
        }
    }

    @Test
    void wazuhsDoubledBackslashesAndEscapedQuotesInWindowsValuesAreUndone() throws Exception {
        // as Wazuh's eventchannel decoder writes them (alerts.json): C:\\Windows\\... and \"
        String alert = """
                {"data":{"win":{"system":{"channel":"Microsoft-Windows-Sysmon/Operational","eventID":"1",
                 "computer":"ws1","message":"\\"Process Create:\\r\\nImage: C:\\\\Windows\\\\System32\\\\cmd.exe"},
                 "eventdata":{"utcTime":"2026-03-01 09:15:02.123",
                  "image":"C:\\\\\\\\Windows\\\\\\\\System32\\\\\\\\cmd.exe",
                  "commandLine":"\\\\\\"C:\\\\\\\\Windows\\\\\\\\System32\\\\\\\\cmd.exe\\\\\\" /c \\\\\\"\\\\\\\\\\\\\\\\fs01\\\\\\\\share\\\\\\\\a b.bat\\\\\\"",
                  "processId":"4242","parentImage":"C:\\\\\\\\Windows\\\\\\\\explorer.exe","user":"CORP\\\\\\\\bob"}}}}""";
        JsonNode r = normalize(alert);

        assertThat(r.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(r.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(r.at("/process/cmd_line").asText())
                .isEqualTo("\"C:\\Windows\\System32\\cmd.exe\" /c \"\\\\fs01\\share\\a b.bat\"");
        assertThat(r.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\explorer.exe");
        // the values kept under unmapped are the host's too; the rendered message was not escaped twice
        assertThat(r.at("/unmapped/data/win/eventdata/image").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(r.at("/unmapped/data/win/eventdata/user").asText()).isEqualTo("CORP\\bob");
        assertThat(r.at("/unmapped/data/win/system/message").asText())
                .isEqualTo("\"Process Create:\r\nImage: C:\\Windows\\System32\\cmd.exe");

        // Wazuh's archives: the event's JSON as full_log
        JsonNode archived = normalize("""
                {"timestamp":"2026-03-01T09:15:03.000+0000","agent":{"id":"004","name":"ws1"},"location":"EventChannel","full_log":"{\\"win\\":{\\"system\\":{\\"channel\\":\\"Microsoft-Windows-Sysmon/Operational\\",\\"eventID\\":\\"1\\",\\"computer\\":\\"ws1\\"},\\"eventdata\\":{\\"utcTime\\":\\"2026-03-01 09:15:02.123\\",\\"image\\":\\"C:\\\\\\\\\\\\\\\\Windows\\\\\\\\\\\\\\\\System32\\\\\\\\\\\\\\\\cmd.exe\\",\\"processId\\":\\"7\\"}}}"}""");
        assertThat(archived.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");

        // values sent as the host had them (a single backslash somewhere) are left alone, UNC names included
        String asTheyWere = """
                {"win":{"system":{"channel":"Microsoft-Windows-Sysmon/Operational","eventID":"1","computer":"ws1"},
                 "eventdata":{"image":"C:\\\\Windows\\\\System32\\\\cmd.exe",
                  "commandLine":"cmd /c copy \\\\\\\\fs01\\\\c$\\\\a.bat .","processId":"1"}}}""";
        JsonNode plain = normalize(asTheyWere);
        assertThat(plain.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(plain.at("/process/cmd_line").asText()).isEqualTo("cmd /c copy \\\\fs01\\c$\\a.bat .");
        assertThat(plain.get("unmapped")).isEqualTo(JSON.readTree(asTheyWere));
    }

    @Test
    void sysmonHashesBecomeOcsfFingerprintsOfTheProcessOrFile() throws Exception {
        JsonNode process = normalize("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1",
                 "Image":"C:\\\\Users\\\\bob\\\\a.exe",
                 "Hashes":"SHA1=DA39A3EE5E6B4B0D3255BFEF95601890AFD80709,MD5=D41D8CD98F00B204E9800998ECF8427E,SHA256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,IMPHASH=F34D5F2D4577ED6D9CEEC516C1F5A744"}""");
        JsonNode fileDeleted = normalize("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":23,"Computer":"ws1",
                 "TargetFilename":"C:\\\\tmp\\\\x.dll","Hashes":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"}""");

        List<String> fingerprints = new java.util.ArrayList<>();
        process.at("/process/file/hashes")
                .forEach(h -> fingerprints.add(h.get("algorithm_id").asInt() + " "
                        + h.get("algorithm").asText() + " " + h.get("value").asText()));
        assertThat(fingerprints)
                .containsExactly(
                        "2 SHA-1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
                        "1 MD5 d41d8cd98f00b204e9800998ecf8427e",
                        "3 SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "99 IMPHASH f34d5f2d4577ed6d9ceec516c1f5a744");
        assertThat(fileDeleted.at("/file/hashes/0/value").asText())
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(fileDeleted.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
    }

    @Test
    void mapsAFailedWindowsLogonToAuthenticationFailure() throws Exception {
        JsonNode r = normalize("""
                {"time":"2026-03-01T09:15:02Z","EventID":4625,"Channel":"Security","TargetUserName":"administrator",
                 "IpAddress":"203.0.113.7","LogonType":10}""");
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(r.get("logon_type_id").asInt()).isEqualTo(10);
        assertThat(r.get("logon_type").asText()).isEqualTo("Remote Interactive");
        assertThat(r.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:15:02Z").toEpochMilli());
    }

    @Test
    void aWindowsLogonTypeIsOcsfsIdWithItsCaption() throws Exception {
        // Windows' logon types are OCSF's ids, but for the system's own (0), which OCSF numbers 1
        java.util.Map<String, Object[]> types = java.util.Map.of(
                "0", new Object[] {1, "System"},
                "2", new Object[] {2, "Interactive"},
                "3", new Object[] {3, "Network"},
                "5", new Object[] {5, "OS Service"},
                // Windows' proxy logon, which OCSF has no id for
                "6", new Object[] {99, "Proxy"},
                "8", new Object[] {8, "Network Cleartext"},
                "9", new Object[] {9, "New Credentials"},
                "11", new Object[] {11, "Cached Interactive"});
        types.forEach((windows, ocsf) -> {
            for (String eventId : java.util.List.of("4624", "4625", "4634")) {
                for (String value : java.util.List.of(windows, "\"" + windows + "\"")) {
                    JsonNode r;
                    try {
                        r = normalize(
                                "{\"EventID\":" + eventId + ",\"Channel\":\"Security\",\"TargetUserName\":\"kim\","
                                        + "\"LogonType\":" + value + "}");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    assertThat(r.get("logon_type_id").asInt())
                            .as("%s %s", eventId, value)
                            .isEqualTo(ocsf[0]);
                    assertThat(r.get("logon_type").asText())
                            .as("%s %s", eventId, value)
                            .isEqualTo(ocsf[1]);
                }
            }
        });
    }

    @Test
    void mapsSshdSudoCefAndWebAccessLines() throws Exception {
        JsonNode ssh = normalizeLine(
                "<38>Mar  1 09:15:02 bastion sshd[811]: Failed password for invalid user admin from 198.51.100.4 port 52211 ssh2");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ssh.at("/user/name").asText()).isEqualTo("admin");
        assertThat(ssh.at("/src_endpoint/port").asInt()).isEqualTo(52211);
        assertThat(ssh.at("/unmapped/app_name").asText()).isEqualTo("sshd");
        assertThat(ssh.get("raw_data").asText()).startsWith("<38>Mar  1");
        assertThat(ssh.get("severity_id").asInt()).isEqualTo(1);

        JsonNode sudo = normalizeLine(
                "Mar  1 09:15:02 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat /etc/shadow");
        assertThat(sudo.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(sudo.at("/process/cmd_line").asText()).isEqualTo("/bin/cat /etc/shadow");
        assertThat(sudo.at("/actor/user/name").asText()).isEqualTo("alice");

        JsonNode cef =
                normalizeLine("CEF:0|Acme|FW|1.0|100|Blocked|8|src=10.0.0.1 spt=1234 dst=10.0.0.2 dpt=443 proto=TCP");
        assertThat(cef.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(cef.get("severity_id").asInt()).isEqualTo(4);
        assertThat(cef.at("/dst_endpoint/port").asInt()).isEqualTo(443);

        JsonNode web = normalizeLine(
                "203.0.113.9 - bob [01/Mar/2026:09:15:02 +0000] \"POST /login HTTP/1.1\" 401 12 \"-\" \"curl/8\"");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(web.get("activity_id").asInt()).isEqualTo(6);
        assertThat(web.at("/http_response/code").asInt()).isEqualTo(401);
        // the response's size: bytes from the server (the destination) to the client (the source)
        assertThat(web.at("/traffic/bytes_in").asLong()).isEqualTo(12);
        assertThat(web.at("/traffic").has("bytes_out")).isFalse();
        assertThat(web.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:15:02Z").toEpochMilli());
    }

    @Test
    void aWebRequestKeepsItsPathAndQueryApart() throws Exception {
        JsonNode web = normalizeLine("198.51.100.7 - - [01/Mar/2026:09:15:02 +0000] "
                + "\"GET /index.php?page=../../etc/passwd&x=1 HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"");
        assertThat(web.at("/http_request/url/path").asText()).isEqualTo("/index.php");
        assertThat(web.at("/http_request/url/query_string").asText()).isEqualTo("page=../../etc/passwd&x=1");
        assertThat(web.at("/http_request/url/url_string").asText()).isEqualTo("/index.php?page=../../etc/passwd&x=1");
        assertThat(web.at("/unmapped/urlPath").asText()).isEqualTo("/index.php");
        assertThat(web.at("/unmapped/urlQuery").asText()).isEqualTo("page=../../etc/passwd&x=1");

        JsonNode noQuery = normalizeLine(
                "198.51.100.7 - - [01/Mar/2026:09:15:02 +0000] \"GET /robots.txt HTTP/1.1\" 404 0 \"-\" \"curl/8\"");
        assertThat(noQuery.at("/unmapped/urlPath").asText()).isEqualTo("/robots.txt");
        assertThat(noQuery.at("/unmapped").has("urlQuery")).isFalse();
        assertThat(noQuery.at("/http_request/url").has("query_string")).isFalse();

        // a request the server logged without a status (the client went away before the answer)
        JsonNode noStatus = normalizeLine("198.51.100.7 - jane [01/Mar/2026:09:15:02 +0000] \"OPTIONS /remote.php/dav"
                + " HTTP/1.1\" - 7908 \"-\" \"davfs2/1.7\"");
        assertThat(noStatus.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(noStatus.at("/http_request/http_method").asText()).isEqualTo("OPTIONS");
        assertThat(noStatus.at("/http_response/code").isMissingNode()).isTrue();
    }

    @Test
    void auditRecordsKeepEveryKeyValueFieldUnderUnmapped() throws Exception {
        // an EXECVE record of auditd's log (from Wazuh's ruleset tests, its time made recent), on its own and over
        // syslog
        String execve =
                "type=EXECVE msg=audit(1772356502.094:9702): argc=4 a0=\"ls\" a1=\"--color=auto\" a2=\"-lsahR\" a3=\"/var/\"";
        for (String line : List.of(execve, "<85>Mar  1 09:15:02 web01 audisp-syslog: node=web01 " + execve)) {
            JsonNode r = normalizeLine(line);
            assertThat(r.at("/metadata/product/name").asText()).as(line).isEqualTo("auditd");
            assertThat(r.at("/unmapped/type").asText()).isEqualTo("EXECVE");
            assertThat(r.at("/unmapped/argc").asText()).isEqualTo("4");
            assertThat(r.at("/unmapped/a0").asText()).isEqualTo("ls");
            assertThat(r.at("/unmapped/a1").asText()).isEqualTo("--color=auto");
            assertThat(r.at("/unmapped/a3").asText()).isEqualTo("/var/");
            assertThat(r.at("/unmapped/auditSerial").asText()).isEqualTo("9702");
            assertThat(r.get("time").asLong())
                    .isEqualTo(Instant.parse("2026-03-01T09:15:02.094Z").toEpochMilli());
        }
        assertThat(normalizeLine("<85>Mar  1 09:15:02 web01 audisp-syslog: node=web01 " + execve)
                        .at("/device/hostname")
                        .asText())
                .isEqualTo("web01");

        JsonNode syscall =
                normalizeLine("type=SYSCALL msg=audit(1479982525.380:50): arch=c000003e syscall=59 success=yes"
                        + " exit=0 a0=7ffedc40d83b items=2 ppid=432 pid=3333 auid=0 uid=0 tty=pts0 ses=2 comm=\"touch\""
                        + " exe=\"/bin/touch\" key=\"audit-wazuh-w\"\u001dARCH=x86_64 SYSCALL=execve AUID=\"root\"");
        assertThat(syscall.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(syscall.at("/process/file/path").asText()).isEqualTo("/bin/touch");
        assertThat(syscall.at("/process/pid").asInt()).isEqualTo(3333);
        assertThat(syscall.at("/unmapped/key").asText()).isEqualTo("audit-wazuh-w");
        assertThat(syscall.at("/unmapped/SYSCALL").asText()).isEqualTo("execve");
        assertThat(syscall.at("/unmapped/AUID").asText()).isEqualTo("root");

        JsonNode user = normalizeLine(
                "type=USER_AUTH msg=audit(1630937849.448:891): pid=4171 uid=0 auid=1000 ses=3"
                        + " msg='op=PAM:authentication acct=\"alice\" exe=\"/usr/bin/su\" hostname=? addr=? terminal=pts/0 res=failed'");
        assertThat(user.at("/unmapped/msg").asText())
                .isEqualTo(
                        "op=PAM:authentication acct=\"alice\" exe=\"/usr/bin/su\" hostname=? addr=? terminal=pts/0 res=failed");
        assertThat(user.at("/unmapped/auid").asText()).isEqualTo("1000");
        // the pairs inside msg='...' are fields too: the outcome, the account, the program
        assertThat(user.at("/unmapped/res").asText()).isEqualTo("failed");
        assertThat(user.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(user.get("status_id").asInt()).isEqualTo(2);
        assertThat(user.at("/user/name").asText()).isEqualTo("alice");
        assertThat(user.at("/actor/process/file/path").asText()).isEqualTo("/usr/bin/su");
        assertThat(user.has("src_endpoint"))
                .as("'?' is auditd's placeholder, no address")
                .isFalse();
    }

    @Test
    void auditRecordsOfLoginsAccountsAndTheAuditDaemonReachTheirClasses() throws Exception {
        JsonNode sshd = normalizeLine(
                "type=USER_LOGIN msg=audit(1772356502.094:457): pid=1234 uid=0 auid=1000 ses=5"
                        + " msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=? addr=203.0.113.5 terminal=/dev/pts/1 res=success'");
        assertThat(sshd.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(sshd.get("status_id").asInt()).isEqualTo(1);
        assertThat(sshd.at("/user/uid").asText()).isEqualTo("1000");
        assertThat(sshd.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.5");
        assertThat(sshd.at("/src_endpoint/hostname").isMissingNode()).isTrue();
        assertThat(sshd.at("/session/uid").asText()).isEqualTo("5");
        JsonNode pam = normalizeLine("<86>Mar  1 09:15:02 web01 audispd: node=web01 type=USER_AUTH"
                + " msg=audit(1772356502.094:458): pid=1240 uid=0 auid=4294967295 ses=4294967295"
                + " msg='op=PAM:authentication grantors=? acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=198.51.100.7"
                + " addr=198.51.100.7 terminal=ssh res=failed'");
        assertThat(pam.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(pam.get("status_id").asInt()).isEqualTo(2);
        assertThat(pam.at("/user/name").asText()).isEqualTo("root");
        assertThat(pam.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(pam.at("/device/hostname").asText()).isEqualTo("web01");
        assertThat(pam.at("/src_endpoint/hostname").asText()).isEqualTo("198.51.100.7");

        // the client's name in msg='... hostname=...' is the source's, never the device's, with or
        // without a syslog header
        String login = "type=USER_LOGIN msg=audit(1772356502.094:459): pid=1250 uid=0 auid=1001 ses=7"
                + " msg='op=login id=1001 exe=\"/usr/sbin/sshd\" hostname=laptop.example.net addr=203.0.113.6"
                + " terminal=ssh res=success'";
        JsonNode headed = normalizeLine("<86>Mar  1 09:15:02 db02 audispd: " + login);
        assertThat(headed.at("/device/hostname").asText()).isEqualTo("db02");
        assertThat(headed.at("/src_endpoint/hostname").asText()).isEqualTo("laptop.example.net");
        JsonNode bare = normalizeLine(login);
        assertThat(bare.at("/device/hostname").isMissingNode()).isTrue();
        assertThat(bare.at("/src_endpoint/hostname").asText()).isEqualTo("laptop.example.net");

        // corpus (Wazuh auditd): an account locked by passwd
        JsonNode locked = normalizeLine("type=ACCT_LOCK msg=audit(1772356502.094:891): pid=4171 uid=0 auid=1000 ses=3"
                + " subj=unconfined_u:unconfined_r:passwd_t:s0-s0:c0.c1023 msg='op=locked-password id=1001"
                + " exe=\"/usr/bin/passwd\" hostname=server addr=? terminal=pts/0 res=success'");
        assertThat(locked.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(locked.get("activity_name").asText()).isEqualTo("Lock");
        assertThat(locked.at("/user/uid").asText()).isEqualTo("1001");
        assertThat(locked.at("/actor/user/uid").asText()).isEqualTo("1000");
        JsonNode added = normalizeLine(
                "type=ADD_USER msg=audit(1772356502.094:900): pid=5000 uid=0 auid=1000 ses=3"
                        + " msg='op=add-user acct=\"backdoor\" exe=\"/usr/sbin/useradd\" hostname=? addr=? terminal=pts/0 res=success'");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("backdoor");

        // the audit daemon stopped, and an audit rule removed: auditing switched off
        JsonNode stopped = normalizeLine("type=DAEMON_END msg=audit(1772356502.094:8729): auditd normal halt, sending"
                + " auid=0 pid=1 subj= res=success");
        assertThat(stopped.get("class_uid").asInt()).isEqualTo(1008);
        assertThat(stopped.get("activity_name").asText()).isEqualTo("Stop");
        JsonNode ruleRemoved = normalizeLine("type=CONFIG_CHANGE msg=audit(1772356502.094:466947): auid=4294967295"
                + " ses=4294967295 op=\"remove rule\" path=\"/path/to/my/bin0\" key=(null) list=4 res=1");
        assertThat(ruleRemoved.get("class_uid").asInt()).isEqualTo(1008);
        assertThat(ruleRemoved.get("status_detail").asText()).isEqualTo("remove rule");
        // an audit record of another type stays a Base Event of auditd
        JsonNode avc = normalizeLine("type=AVC msg=audit(1772356502.094:238): avc:  denied  { write } for  pid=13349"
                + " comm=\"certwatch\" name=\"cache\" dev=dm-0 ino=218171");
        assertThat(avc.get("class_uid").asInt()).isZero();
        assertThat(avc.at("/metadata/product/name").asText()).isEqualTo("auditd");
    }

    @Test
    void anExecveRecordGivesTheCommandLineJoinedFromItsArgumentsHexDecoded() throws Exception {
        // auditd quotes a plain argument and hex-encodes one holding a space or a quote
        JsonNode alone = normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): argc=4 a0=\"bash\" a1=\"-c\""
                + " a2=6375726C202D73206874747073 a3=(null)");
        assertThat(alone.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(alone.get("activity_id").asInt()).isEqualTo(1);
        assertThat(alone.at("/process/cmd_line").asText()).isEqualTo("bash -c curl -s https (null)");
        assertThat(alone.at("/unmapped/cmdLine").asText()).isEqualTo("bash -c curl -s https (null)");

        // every record of one execve on one line, as Wazuh's agent ships them (its ruleset tests):
        // the SYSCALL record's registers a0..a3 do not leak into the command line
        String event = "type=SYSCALL msg=audit(1772356502.094:9702): arch=c000003e syscall=59 success=yes exit=0"
                + " a0=c4f630 a1=b3a580 a2=b3df40 a3=7ffe0c9f12e0 items=2 ppid=3177 pid=4697 auid=1000 uid=1000"
                + " tty=pts0 ses=4 comm=\"ls\" exe=\"/usr/bin/ls\" key=\"recon\""
                + " type=EXECVE msg=audit(1772356502.094:9702): argc=4 a0=\"ls\" a1=\"--color=auto\" a2=\"-lsahR\""
                + " a3=\"/var/\" type=CWD msg=audit(1772356502.094:9702):  cwd=\"/home/alice\""
                + " type=PROCTITLE msg=audit(1772356502.094:9702): proctitle=6C73002D2D636F6C6F723D6175746F";
        JsonNode joined = normalizeLine(event);
        assertThat(joined.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(joined.at("/process/file/path").asText()).isEqualTo("/usr/bin/ls");
        assertThat(joined.at("/process/cmd_line").asText()).isEqualTo("ls --color=auto -lsahR /var/");
        assertThat(joined.at("/unmapped/cwd").asText()).isEqualTo("/home/alice");

        // a record of another type has no command line
        JsonNode syscallOnly = normalizeLine(event.substring(0, event.indexOf(" type=EXECVE")));
        assertThat(syscallOnly.at("/process").has("cmd_line")).isFalse();
        assertThat(syscallOnly.at("/unmapped").has("cmdLine")).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void anExecveRecordsClaimedCountDoesNotDecideTheWork() throws Exception {
        // a forged count (a line anyone who can write to the log can send): the arguments the record
        // holds, read at once, not two billion look-ups
        JsonNode forged =
                normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): argc=2147483647 a0=\"id\" a1=\"-u\"");
        assertThat(forged.at("/process/cmd_line").asText()).isEqualTo("id -u");
        JsonNode farArgument =
                normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): argc=2147483647 a0=\"id\" a999999999=\"x\"");
        assertThat(farArgument.at("/process/cmd_line").asText()).isEqualTo("id x");

        // the count still bounds what is read, a split argument (a1_len, a1[0]) is left out, and
        // without a count the arguments run up to the first gap
        assertThat(normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): argc=2 a0=\"ls\" a1=\"-l\" a2=\"/x\"")
                        .at("/process/cmd_line")
                        .asText())
                .isEqualTo("ls -l");
        assertThat(normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): argc=3 a0=\"cat\" a1_len=9000"
                                + " a1[0]=41 a2=\"/etc/hosts\"")
                        .at("/process/cmd_line")
                        .asText())
                .isEqualTo("cat /etc/hosts");
        assertThat(normalizeLine("type=EXECVE msg=audit(1772356502.094:9702): a0=\"ls\" a1=\"-l\" a3=\"/x\"")
                        .at("/process/cmd_line")
                        .asText())
                .isEqualTo("ls -l");
    }

    @Test
    void aTimeFarFromArrivalFallsBackToReceivedTimeAndIsFlagged() throws Exception {
        JsonNode r = normalize("{\"Channel\":\"Security\",\"EventID\":4624,\"time\":\"2099-01-01T00:00:00Z\"}");
        assertThat(r.get("time").asLong()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(r.at("/metadata/labels").toString()).contains("time_out_of_bounds", "time_from_received");
        assertThat(r.at("/metadata/original_time").asText()).isEqualTo("2099-01-01T00:00:00Z");
    }

    @Test
    void anUnknownEventIsABaseEventWithItsFieldsKept() throws Exception {
        JsonNode r = normalize("{\"foo\":\"bar\",\"tenant\":\"globex\"}");
        assertThat(r.get("class_uid").asInt()).isZero();
        assertThat(r.get("type_uid").asInt()).isZero();
        assertThat(r.at("/unmapped/foo").asText()).isEqualTo("bar");
        // the payload never chooses the tenant
        assertThat(r.get("tenant").asText()).isEqualTo("acme");
        assertThat(r.at("/unmapped/tenant").asText()).isEqualTo("globex");
        assertThat(r.at("/metadata/labels").toString()).contains("time_from_received");
    }

    @Test
    void anXmlRecordWithoutSyslogHeaderIsALineNotABadPriority() throws Exception {
        // Sophos Anti-Virus for Linux writes its logs as one XML element per line
        String sophos = "<log><category>savscan.log</category><level>INFO</level><domain>savscan</domain>"
                + "<msg>NOTIFY_ONDEMANDTHREAT_INFECTED %s</msg><time>1558572421</time><arg>/tmp/eicar.com</arg></log>";
        JsonNode r = normalizeLine(sophos);
        assertThat(r.get("raw_data").asText()).isEqualTo(sophos);
        assertThat(r.at("/unmapped/message").asText()).isEqualTo(sophos);
        assertThat(r.at("/unmapped/syslog_facility").isMissingNode()).isTrue();
        assertThat(normalizeLine("<?xml version=\"1.0\"?><entry host=\"a\" level=\"warn\"/>")
                        .get("raw_data")
                        .asText())
                .startsWith("<?xml");
        // what is neither a priority nor a whole element is still refused, naming the priority
        for (String bad : List.of("<abc>x", "<log>unclosed", "<log>x</other>", "<1a>x</1a>", "<a><b/>")) {
            assertThatThrownBy(() -> normalizeLine(bad))
                    .as(bad)
                    .isInstanceOf(io.socaas.events.syslog.MalformedLogException.class)
                    .hasMessageContaining("priority");
        }
    }

    @Test
    void aMessageWithSeveralJsonObjectsIsRefusedSayingSo() throws Exception {
        // each object would be an event of its own: the message is dead-lettered whole, with a reason
        // that says what to change, rather than normalized from its first object alone
        assertThatThrownBy(() -> normalizeLine("<14>Mar  1 09:15:02 h app: {\"a\":1}{\"b\":2}"))
                .isInstanceOf(io.socaas.events.syslog.MalformedLogException.class)
                .hasMessage("JSON payload: more than one JSON value in one message (send one object per message)");
        assertThatThrownBy(() -> normalizeLine("{\"a\":1} {\"b\":2}"))
                .isInstanceOf(io.socaas.events.syslog.MalformedLogException.class)
                .hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> normalizeLine("<14>Mar  1 09:15:02 h app: {\"a\":1} trailing"))
                .isInstanceOf(io.socaas.events.syslog.MalformedLogException.class)
                .hasMessageStartingWith("JSON payload: Unrecognized token");
        assertThat(normalizeLine("<14>Mar  1 09:15:02 h app: {\"a\":1}   ")
                        .at("/unmapped/a")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aHandedOverSourceGivesTheSameRecordAsACopiedOne() throws Exception {
        String sysmon = "{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"Computer\":\"ws01\"},\"EventData\":{\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\","
                + "\"CommandLine\":\"whoami /priv\",\"User\":\"ACME\\\\alice\",\"UtcTime\":\"2026-03-01 09:15:02.123\"}}}";
        JsonEvent source = JsonEvent.parse(sysmon);

        byte[] copied = normalizer.normalize(source, CONTEXT).event().toJsonBytes();
        byte[] handedOver =
                normalizer.normalizeHandedOver(source, CONTEXT).event().toJsonBytes();

        assertThat(new String(handedOver, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(copied, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(JSON.readTree(handedOver).get("class_uid").asInt()).isEqualTo(1007);
        assertThatThrownBy(() -> normalizer.normalize(source, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIngestKeyNeverReachesTheRecord() throws Exception {
        JsonNode r = normalizeLine(
                "<13>1 2026-03-01T09:15:02Z h app - - [socaas@32473 key=\"sk_secret\"][x@1 a=\"b\"] hello");
        assertThat(r.toString()).doesNotContain("sk_secret");
        assertThat(r.at("/unmapped/structured_data/x@1/a").asText()).isEqualTo("b");
    }

    @Test
    void aBadMappingFileFailsTheLoadNamingFileAndEntry() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"app_name":"x"},
                 "events":[{"when":{"EventID":"1"},"class_uid":1007,"activity_id":1,"fields":{"query.hostname":"Q"}}]}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("events[0]")
                .hasMessageContaining("has no attribute 'query'");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"app_name":"x"},"events":[{"when":{"a":"1"},"class_uid":1234}]}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("class_uid 1234");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"pattern":"(unclosed"},"default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("does not compile");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"default":{"class_uid":3002,"activity_id":42}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("42 is not an activity");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                 "default":{"class_uid":0,"severity_from":{"field":"sev","values":{"high":7}}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .hasMessageContaining("severity_from.values.high 7 is not an OCSF severity_id");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                 "default":{"class_uid":0,"status_from":{"field":"r","values":{"ok":3}}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .hasMessageContaining("status_from.values.ok 3 is not an OCSF status_id");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"defualt":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("unknown key 'defualt'");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"key_values":{"field":"m","assign":"=="},
                 "default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .hasMessageContaining("'key_values.assign' must be one character");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"key_values":{"field":"m","assign":":","separators":":;"},
                 "default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .hasMessageContaining("bad.json: 'key_values'")
                .hasMessageContaining("cannot separate a key from its value");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"key_values":{"from":"m"},"default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("unknown key 'key_values.from'");

        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"time":["t",[]],"default":{"class_uid":0}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("bad.json: time[1] names no field");

        for (String target :
                java.util.List.of("answers[0].rdata", "answers[].[]", "answers[][].rdata", "answers].rdata", "[]")) {
            files.put("bad.json", """
                    {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                     "default":{"class_uid":4003,"activity_id":2,"fields":{"%s":"r"}}}""".formatted(target));
            assertThatThrownBy(() -> OcsfMappings.parse(files))
                    .as(target)
                    .hasMessageContaining("is not an attribute path");
        }
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                 "default":{"class_uid":4003,"activity_id":2,"fields":{"answer[].rdata":"r"}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("has no attribute 'answer'");
    }

    @Test
    void aRulesLabelsJoinTheRecordsMetadataLabelsAndBadLabelsFailTheLoad() throws Exception {
        OcsfNormalizer labelled = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("hdr.json", """
                        {"name":"hdr","product":{"name":"X"},"match":{"app_name":"x"},
                         "events":[{"when":{"pattern":"^#"},"class_uid":0,"activity_id":99,"labels":["file_header"]}],
                         "default":{"class_uid":0,"activity_id":99}}""")),
                java.time.Duration.ofDays(365),
                java.time.Duration.ofDays(1));
        OcsfNormalizer.Context context = new OcsfNormalizer.Context(TenantId.of("acme"), "id1", RECEIVED, null);
        JsonNode header = JSON.readTree(
                labelled.normalize(JsonEvent.parse("{\"app_name\":\"x\",\"message\":\"#Version: 1.0\"}"), context)
                        .event()
                        .toJsonBytes());
        // beside the normalizer's own: the event has no time of its own
        assertThat(header.at("/metadata/labels").toString())
                .isEqualTo("[\"" + OcsfNormalizer.LABEL_TIME_FROM_RECEIVED + "\",\"file_header\"]");
        JsonNode other = JSON.readTree(
                labelled.normalize(JsonEvent.parse("{\"app_name\":\"x\",\"message\":\"started\"}"), context)
                        .event()
                        .toJsonBytes());
        assertThat(other.at("/metadata/labels").toString()).doesNotContain("file_header");

        Map<String, String> files = new LinkedHashMap<>();
        for (String labels : List.of(
                "\"file_header\"",
                "[]",
                "[\"File Header\"]",
                "[1]",
                "[\"time_from_received\"]",
                "[\"file_header\",\"file_header\"]")) {
            files.put("bad.json", """
                    {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"default":{"class_uid":0,"labels":%s}}""".formatted(labels));
            assertThatThrownBy(() -> OcsfMappings.parse(files))
                    .as(labels)
                    .isInstanceOf(InvalidMappingException.class)
                    .hasMessageContaining("bad.json: default.labels");
        }
    }

    @Test
    void aTargetSegmentEndingInBracketsIsAnArrayOfOneObjectOrValue() throws Exception {
        OcsfNormalizer normalizer = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("dns.json", """
                        {"name":"dns","product":{"name":"X"},"match":{"app_name":"dnsx"},
                         "default":{"class_uid":4003,"activity_id":2,
                          "fields":{"answers[].rdata":"ip","answers[].type":"t","answers[].class":"c",
                                    "observables[].name":"missing"}},
                         "fields":{"query.hostname":"q"}}""")),
                java.time.Duration.ofDays(365),
                java.time.Duration.ofDays(1));
        JsonNode r = JSON.readTree(normalizer
                .normalize(
                        JsonEvent.parse(
                                "{\"app_name\":\"dnsx\",\"ip\":\"192.0.2.1\",\"t\":\"A\",\"q\":\"example.com\"}"),
                        new OcsfNormalizer.Context(TenantId.of("acme"), "id1", Instant.now(), null))
                .event()
                .toJsonBytes());
        // every target naming answers[] writes into the one object; an absent source field adds nothing
        assertThat(r.get("answers").isArray()).isTrue();
        assertThat(r.get("answers")).hasSize(1);
        assertThat(r.at("/answers/0/rdata").asText()).isEqualTo("192.0.2.1");
        assertThat(r.at("/answers/0/type").asText()).isEqualTo("A");
        assertThat(r.at("/answers/0/class").isMissingNode()).isTrue();
        assertThat(r.has("observables")).isFalse();
        assertThat(r.at("/query/hostname").asText()).isEqualTo("example.com");
    }

    @Test
    void aTextListedAsNoValueOfAFieldSetsNoAttributeAndTheNextFieldIsTried() throws Exception {
        OcsfNormalizer normalizer = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("web.json", """
                        {"name":"web","product":{"name":"X"},"match":{"app_name":"webx"},
                         "empty_values":{"ref":["None"],"port":["0"]},
                         "default":{"class_uid":4002,"activity_id":3,
                          "fields":{"http_request.referrer":"ref","src_endpoint.port":["port","altPort"],
                                    "http_response.length":"len"}}}""")),
                java.time.Duration.ofDays(365),
                java.time.Duration.ofDays(1));
        OcsfNormalizer.Context context = new OcsfNormalizer.Context(TenantId.of("acme"), "id1", Instant.now(), null);
        JsonNode none = JSON.readTree(normalizer
                .normalize(
                        JsonEvent.parse(
                                "{\"app_name\":\"webx\",\"ref\":\"None\",\"port\":0,\"altPort\":8443,\"len\":0}"),
                        context)
                .event()
                .toJsonBytes());
        assertThat(none.at("/http_request/referrer").isMissingNode()).isTrue();
        assertThat(none.at("/src_endpoint/port").asInt()).isEqualTo(8443);
        // the same text in a field not listed for it is a value; the source keeps what it sent
        assertThat(none.at("/http_response/length").asInt()).isZero();
        assertThat(none.at("/http_response/length").isMissingNode()).isFalse();
        assertThat(none.at("/unmapped/ref").asText()).isEqualTo("None");
        assertThat(none.at("/unmapped/port").asInt()).isZero();

        JsonNode values = JSON.readTree(normalizer
                .normalize(
                        JsonEvent.parse("{\"app_name\":\"webx\",\"ref\":\"https://none.example/\",\"port\":\"80\"}"),
                        context)
                .event()
                .toJsonBytes());
        assertThat(values.at("/http_request/referrer").asText()).isEqualTo("https://none.example/");
        assertThat(values.at("/src_endpoint/port").asInt()).isEqualTo(80);

        Map<String, String> files = new LinkedHashMap<>();
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"empty_values":{"refr":["None"]},
                 "default":{"class_uid":4002,"activity_id":3,"fields":{"http_request.referrer":"ref"}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files))
                .hasMessageContaining("bad.json: empty_values.refr is a field no attribute");
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"empty_values":{"ref":[]},
                 "default":{"class_uid":4002,"activity_id":3,"fields":{"http_request.referrer":"ref"}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("empty_values.ref lists no text");
        files.put("bad.json", """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},"empty_values":["None"],
                 "default":{"class_uid":4002,"activity_id":3,"fields":{"http_request.referrer":"ref"}}}""");
        assertThatThrownBy(() -> OcsfMappings.parse(files)).hasMessageContaining("'empty_values' must be an object");
    }

    @Test
    void theShippedMappingsLoad() {
        assertThat(OcsfMappings.load().names())
                .contains("windows-sysmon", "windows-security", "linux-sshd", "cef", "leef");
    }

    @Test
    void derivedIngestIdsAreStableValidAndDistinct() {
        String id = IngestIds.derived("key1", "batch-7", 3);
        assertThat(IngestIds.isValid(id)).isTrue();
        assertThat(IngestIds.derived("key1", "batch-7", 3)).isEqualTo(id);
        assertThat(IngestIds.derived("key1", "batch-7", 4)).isNotEqualTo(id);
        assertThat(IngestIds.derived("key2", "batch-7", 3)).isNotEqualTo(id);
        assertThat(IngestIds.derived("key1b", "atch-7", 3)).isNotEqualTo(IngestIds.derived("key1", "batch-7", 3));
    }
}
