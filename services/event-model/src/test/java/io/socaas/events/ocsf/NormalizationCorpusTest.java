package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.events.testing.Corpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every real line of the shared corpus is normalized or dead-lettered with a reason, and nothing
 * throws. Prints, per source, the share normalized to a specific OCSF class (not Base Event), and
 * asserts it where the answer is known.
 */
class NormalizationCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");

    private final OcsfNormalizer normalizer = OcsfNormalizer.withShippedMappings();
    private final SyslogParser syslog = new SyslogParser();

    /** Outcomes of one source, by group (the corpus's own label of a line). */
    static final class Tally {
        final String source;
        final Map<String, int[]> groups = new TreeMap<>(); // normalized-specific, base, dead-lettered
        final Map<String, Integer> classes = new TreeMap<>();
        final Map<String, Integer> reasons = new TreeMap<>();

        Tally(String source) {
            this.source = source;
        }

        void normalized(String group, JsonNode record) {
            int classUid = record.get("class_uid").asInt();
            groups.computeIfAbsent(group, g -> new int[3])[classUid == 0 ? 1 : 0]++;
            classes.merge(classUid + " " + record.get("class_name").asText(), 1, Integer::sum);
        }

        void deadLettered(String group, String reason) {
            groups.computeIfAbsent(group, g -> new int[3])[2]++;
            reasons.merge(reason.replaceAll("'.*'", "'…'").replaceAll("\\d+", "N"), 1, Integer::sum);
        }

        int total() {
            return groups.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).sum();
        }

        int specific() {
            return groups.values().stream().mapToInt(c -> c[0]).sum();
        }

        double share(String group) {
            int[] c = groups.get(group);
            return c == null ? 0 : (double) c[0] / (c[0] + c[1] + c[2]);
        }

        void print() {
            System.out.printf(
                    "%n== %s: %d lines, %.1f %% normalized to a specific OCSF class, %d dead-lettered%n",
                    source,
                    total(),
                    100.0 * specific() / Math.max(1, total()),
                    groups.values().stream().mapToInt(c -> c[2]).sum());
            System.out.println("   classes: " + classes);
            if (!reasons.isEmpty()) {
                System.out.println("   dead-letter reasons: " + reasons);
            }
            groups.forEach((group, c) -> System.out.printf(
                    "   %-60s specific %5d  base %5d  dead-lettered %4d  (%.0f %%)%n",
                    group, c[0], c[1], c[2], 100.0 * c[0] / (c[0] + c[1] + c[2])));
        }
    }

    private JsonNode line(Tally tally, String group, String line) {
        LogLine decoded;
        try {
            decoded = LogLine.decode(line, RECEIVED, syslog);
        } catch (MalformedLogException e) {
            assertThat(e.getMessage()).as("reason for %s", line).isNotBlank();
            tally.deadLettered(group, e.getMessage());
            return null;
        }
        return record(tally, group, normalizer.normalize(decoded, context()));
    }

    private JsonNode json(Tally tally, String group, JsonNode event) {
        return record(tally, group, normalizer.normalize(JsonEvent.parse(event.toString()), context()));
    }

    private static JsonNode record(Tally tally, String group, StampedEvent stamped) {
        JsonNode record;
        try {
            record = JSON.readTree(stamped.event().toJsonBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(record.get("type_uid").asLong())
                .isEqualTo(record.get("class_uid").asLong() * 100
                        + record.get("activity_id").asLong());
        assertThat(record.get("time").isIntegralNumber()).isTrue();
        assertThat(record.get("metadata").get("product").get("name").isTextual())
                .isTrue();
        assertThat(record.get("unmapped").isObject()).isTrue();
        tally.normalized(group, record);
        return record;
    }

    private static OcsfNormalizer.Context context() {
        return new OcsfNormalizer.Context(TENANT, IngestIds.next(), RECEIVED, "corpus");
    }

    /** The OCSF class every event of a group must have, and an attribute every one of them has. */
    record Expected(int classUid, String attribute) {}

    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational:";
    private static final String POWERSHELL = "Microsoft-Windows-PowerShell/Operational:";

    /** Groups of evtx-attack-samples whose every event has the fields the attribute is read from. */
    private static final Map<String, Expected> EVTX_EXPECTED = Map.ofEntries(
            Map.entry(SYSMON + "6", new Expected(1002, "/driver/file/path")),
            Map.entry(SYSMON + "7", new Expected(1005, "/module/file/path")),
            Map.entry(SYSMON + "13", new Expected(201002, "/reg_value/path")),
            Map.entry(SYSMON + "17", new Expected(1001, "/file/name")),
            Map.entry(SYSMON + "18", new Expected(1001, "/file/name")),
            Map.entry("Security:1102", new Expected(1008, "/actor/user/name")),
            Map.entry("Security:4672", new Expected(3003, "/privileges")),
            Map.entry("Security:4698", new Expected(1006, "/job/name")),
            Map.entry("Security:4699", new Expected(1006, "/job/name")),
            Map.entry("Security:4702", new Expected(1006, "/job/name")),
            Map.entry("Security:4720", new Expected(3001, "/user/name")),
            Map.entry("Security:4722", new Expected(3001, "/user/name")),
            Map.entry("Security:4724", new Expected(3001, "/user/name")),
            Map.entry("Security:4738", new Expected(3001, "/user/name")),
            Map.entry("Security:4732", new Expected(3006, "/group/name")),
            Map.entry("Security:4798", new Expected(3004, "/entity/user/name")),
            Map.entry("Security:4799", new Expected(3004, "/entity/group/name")),
            Map.entry("System:104", new Expected(1008, "/log_name")),
            Map.entry("Security:5145", new Expected(4006, "/share")),
            Map.entry("Microsoft-Windows-Windows Defender/Operational:1116", new Expected(2004, "/finding_info/title")),
            Map.entry("Microsoft-Windows-Windows Defender/Operational:1117", new Expected(2004, "/finding_info/uid")),
            Map.entry("Security:5158", new Expected(4001, "/src_endpoint/port")),
            Map.entry("Security:4662", new Expected(3004, "/entity/uid")),
            Map.entry("Security:4741", new Expected(3001, "/user/type")),
            Map.entry("Security:4742", new Expected(3001, "/user/type")),
            Map.entry("Security:4765", new Expected(3001, "/user/name")),
            Map.entry("Security:4794", new Expected(3001, "/user/type_id")),
            Map.entry("Microsoft-Windows-WinRM/Operational:169", new Expected(3002, "/auth_protocol")),
            Map.entry(
                    "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:1149",
                    new Expected(3002, "/user/name")),
            Map.entry(
                    "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational:131",
                    new Expected(4005, "/src_endpoint/port")),
            Map.entry(
                    "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:261",
                    new Expected(4005, "/dst_endpoint/hostname")),
            Map.entry(SYSMON + "16", new Expected(5019, "/state")),
            Map.entry("Microsoft-Windows-WinRM/Operational:91", new Expected(6003, "/actor/user/uid")),
            Map.entry("Microsoft-Windows-Winsock-WS2HELP/Operational:1", new Expected(6002, "/app/name")),
            Map.entry(
                    "Microsoft-Windows-Application-Experience/Program-Telemetry:500",
                    new Expected(1007, "/process/file/path")),
            Map.entry(
                    "Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant:17",
                    new Expected(1007, "/process/file/path")),
            Map.entry(POWERSHELL + "4104", new Expected(1009, "/script/script_content")));

    /** Groups of the OTRF recordings whose every event has the fields the attribute is read from. */
    private static final Map<String, Expected> OTRF_EXPECTED = Map.ofEntries(
            Map.entry(SYSMON + "7", new Expected(1005, "/module/file/path")),
            Map.entry(SYSMON + "9", new Expected(1001, "/file/path")),
            Map.entry(SYSMON + "13", new Expected(201002, "/reg_value/path")),
            Map.entry(SYSMON + "17", new Expected(1001, "/file/name")),
            Map.entry(SYSMON + "18", new Expected(1001, "/file/name")),
            Map.entry("Security:1102", new Expected(1008, "/log_name")),
            Map.entry("Security:4657", new Expected(201002, "/reg_value/name")),
            Map.entry("Security:4672", new Expected(3003, "/privileges")),
            Map.entry("Security:4697", new Expected(201004, "/win_service/name")),
            Map.entry("Security:4698", new Expected(1006, "/job/name")),
            Map.entry("Security:4702", new Expected(1006, "/job/name")),
            Map.entry("Security:4798", new Expected(3004, "/entity/user/name")),
            Map.entry("Security:4799", new Expected(3004, "/entity/group/name")),
            Map.entry("System:104", new Expected(1008, "/log_name")),
            Map.entry("System:7045", new Expected(201004, "/win_service/name")),
            Map.entry("Security:5140", new Expected(4006, "/share")),
            Map.entry("Security:5145", new Expected(4006, "/file/name")),
            Map.entry("Security:5158", new Expected(4001, "/actor/process/file/path")),
            Map.entry("Security:4703", new Expected(3003, "/privileges")),
            Map.entry("Security:4690", new Expected(1007, "/process/pid")),
            Map.entry("Security:4662", new Expected(3004, "/entity/uid")),
            Map.entry(POWERSHELL + "4103", new Expected(1009, "/script/type_id")),
            Map.entry(POWERSHELL + "4104", new Expected(1009, "/script/type_id")),
            Map.entry("Windows PowerShell:800", new Expected(1009, "/script/type_id")),
            Map.entry("Microsoft-Windows-TaskScheduler/Operational:106", new Expected(1006, "/job/name")),
            Map.entry("Microsoft-Windows-TaskScheduler/Operational:129", new Expected(1006, "/job/name")),
            Map.entry("Microsoft-Windows-TaskScheduler/Operational:200", new Expected(1006, "/job/name")),
            Map.entry("Security:5379", new Expected(3004, "/entity/type")),
            Map.entry("Security:5058", new Expected(1001, "/file/path")),
            Map.entry("Security:4946", new Expected(5019, "/policy/name")),
            Map.entry("Security:4948", new Expected(5019, "/policy/name")),
            Map.entry("Microsoft-Windows-WMI-Activity/Operational:5857", new Expected(1005, "/module/file/path")),
            Map.entry(POWERSHELL + "24577", new Expected(1009, "/script/file/path")),
            Map.entry(POWERSHELL + "4105", new Expected(1009, "/script/uid")),
            Map.entry(POWERSHELL + "4106", new Expected(1009, "/script/uid")),
            Map.entry("Microsoft-Windows-WMI-Activity/Operational:5858", new Expected(6003, "/api/operation")),
            Map.entry("MSExchange Management:1", new Expected(6003, "/api/operation")),
            Map.entry("Security:5154", new Expected(4001, "/src_endpoint/port")),
            Map.entry("Security:5381", new Expected(3004, "/entity/type")),
            Map.entry("Security:5382", new Expected(3004, "/entity/name")),
            Map.entry("Security:5447", new Expected(5019, "/policy/name")),
            Map.entry("System:7000", new Expected(201004, "/win_service/name")),
            Map.entry("Security:4670", new Expected(3004, "/entity/type")),
            Map.entry("security:4670", new Expected(3004, "/entity/type")),
            Map.entry("Security:4904", new Expected(1008, "/log_provider")),
            Map.entry("Security:4905", new Expected(1008, "/log_provider")),
            Map.entry("Security:5061", new Expected(3004, "/entity/name")),
            Map.entry("Security:412", new Expected(3002, "/status_id")),
            Map.entry("System:16968", new Expected(6003, "/src_endpoint/ip")),
            Map.entry("System:10028", new Expected(6003, "/dst_endpoint/ip")));

    /** Counts, per group, the records that are not of the expected class or lack the attribute. */
    private static void check(
            Map<String, Expected> expected, String group, JsonNode record, Map<String, Integer> wrong) {
        Expected e = expected.get(group);
        if (e != null
                && (record.get("class_uid").asInt() != e.classUid()
                        || record.at(e.attribute()).isMissingNode())) {
            wrong.merge(group, 1, Integer::sum);
        }
    }

    private static void assertExpected(Tally tally, Map<String, Expected> expected, Map<String, Integer> wrong) {
        assertThat(wrong)
                .as("records not of the group's class or without its attribute")
                .isEmpty();
        expected.keySet()
                .forEach(group -> assertThat(tally.share(group)).as(group).isEqualTo(1.0));
    }

    @Test
    void wazuhRulesetLinesAreNormalizedOrDeadLettered() throws IOException {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        Tally tally = new Tally("wazuh-ruleset-tests (group = Wazuh decoder)");
        int[] sshdFailures = {0};
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(l);
            String log = c.get("log").asText();
            JsonNode record = line(tally, c.get("decoder").asText(), log);
            if (record != null && log.matches(".*sshd\\[\\d+\\]: Failed password for .* port \\d+.*")) {
                assertThat(record.get("class_uid").asInt()).as(log).isEqualTo(3002);
                assertThat(record.get("status_id").asInt()).as(log).isEqualTo(2);
                assertThat(record.at("/src_endpoint/ip").isTextual()).as(log).isTrue();
                sshdFailures[0]++;
            }
        }
        tally.print();
        assertThat(sshdFailures[0]).isPositive();
        assertThat(tally.share("web-accesslog")).isGreaterThan(0.9);
        assertThat(tally.share("f5-bigip-cef")).isGreaterThan(0.5);
        assertThat(tally.share("sshd")).isGreaterThan(0.2);
        // firewalls and VPNs: every line that names a connection or a login (the rest: failover, system,
        // configuration messages, placeholders of Cisco's message catalogue)
        // (DDoS mitigation, ASM anomalies in CEF and Exchange's HttpProxy alike)
        for (String group : List.of(
                "sonicwall",
                "sophos-fw",
                "junos-rt-flow",
                "junos-ids",
                "openvpn",
                "arbor",
                "fortiddos-like",
                "f5-bigip-cef",
                "HTTPProxyLog")) {
            assertThat(tally.share(group)).as(group).isEqualTo(1.0);
        }
        assertThat(tally.share("cisco-ftd")).isGreaterThan(0.45);
        assertThat(tally.share("paloalto")).isGreaterThan(0.35);
        assertThat(tally.share("checkpoint-smart1")).isGreaterThan(0.6);
        assertThat(tally.share("fortiauth")).isGreaterThanOrEqualTo(0.75);
        assertThat(tally.share("fortimail-like")).isGreaterThan(0.6);
        // Sophos Anti-Virus: all but its detection data's version; the CIM server: not the line of another program
        assertThat(tally.share("sophos")).isEqualTo(0.75);
        assertThat(tally.share("cimserver")).isEqualTo(0.5);
        // Linux hosts and their daemons: the records and messages that name an activity (the rest: daemons' start-ups
        // and errors, audit record types no program writes with content, lines Wazuh cut short)
        assertThat(tally.share("auditd")).isGreaterThan(0.6);
        assertThat(tally.share("dovecot")).isGreaterThan(0.6);
        assertThat(tally.share("named")).isGreaterThan(0.7);
        assertThat(tally.share("rshd")).isGreaterThanOrEqualTo(0.5);
        // most other lines are products without a mapping file yet (Base Event) or Wazuh's own rule tests
        assertThat(tally.specific()).isGreaterThan(tally.total() / 20);
    }

    @Test
    void logstashSpecSamplesAreNormalizedOrDeadLettered() throws IOException {
        Path samples = Corpus.folder("logstash-patterns-core").resolve("spec-samples.jsonl");
        Tally tally = new Tally("logstash-patterns-core (group = grok pattern)");
        for (String l : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
            JsonNode s = JSON.readTree(l);
            line(tally, s.get("pattern").asText(), s.get("message").asText());
        }
        tally.print();
        assertThat(tally.share("HTTPD_COMBINEDLOG")).isGreaterThan(0.5);
        assertThat(tally.share("SFW2")).isEqualTo(1.0);
        // Cisco ASA messages with their %ASA-<level>-<id> tag (the grok samples without it are bodies only)
        for (String group : List.of(
                "CISCOFW106001",
                "CISCOFW106006_106007_106010",
                "CISCOFW106014",
                "CISCOFW106021",
                "CISCOFW110002",
                "CISCOFW302013_302014_302015_302016",
                "CISCOFW313001_313004_313008",
                "CISCOFW402117",
                "CISCOFW402119",
                "CISCOFW419001",
                "CISCOFW419002",
                "CISCOFW710001_710002_710003_710005_710006")) {
            assertThat(tally.share(group)).as(group).isEqualTo(1.0);
        }
        assertThat(tally.share("CISCO_TAGGED_SYSLOG")).isEqualTo(0.5);
        // Rails' request lines, alone and with the request's other lines
        assertThat(tally.share("RAILS3")).isEqualTo(1.0);
        // Zeek's tab-separated logs without their header, in the Bro 2.x and Zeek layouts
        for (String group : List.of("BRO_CONN", "ZEEK_CONN", "BRO_DNS", "ZEEK_DNS", "ZEEK_HTTP")) {
            assertThat(tally.share(group)).as(group).isEqualTo(1.0);
        }
    }

    @Test
    void parserFixturesAreNormalizedOrDeadLettered() throws IOException {
        Path root = Corpus.folder("parser-fixtures");
        Tally tally = new Tally("parser-fixtures (group = fixture)");
        for (String l : Files.readAllLines(root.resolve("liblognorm/pairs.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode pair = JSON.readTree(l);
            String input = pair.get("input").asText();
            JsonNode record = line(tally, "liblognorm " + pair.get("test").asText(), input);
            if (record != null && input.startsWith("CEF:0|Vendor|Product|")) {
                assertThat(record.at("/unmapped/device_vendor").asText()).isEqualTo("Vendor");
            }
        }
        for (String l : Files.readAllLines(root.resolve("tenzir/leef1.log"), StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                JsonNode record = line(tally, "tenzir leef1.log", l);
                assertThat(record).as("LEEF line %s", l).isNotNull();
                assertThat(record.at("/unmapped/leef_version").asText()).startsWith("1");
            }
        }
        tally.print();
    }

    @Test
    void evtxAttackSamplesAreNormalizedInTheirClasses() throws IOException {
        Path root = Corpus.folder("evtx-attack-samples-json");
        Tally tally = new Tally("evtx-attack-samples-json (group = channel:EventID)");
        Map<String, Integer> wrong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("events"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".ndjson.gz")).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    lines(in, l -> {
                        JsonNode event = readTree(l);
                        JsonNode system = event.at("/Event/System");
                        String group = system.path("Channel").asText() + ":"
                                + system.path("EventID").asText();
                        check(EVTX_EXPECTED, group, json(tally, group, event), wrong);
                    });
                }
            }
        }
        tally.print();
        assertThat(tally.share("Microsoft-Windows-Sysmon/Operational:1")).isEqualTo(1.0);
        assertThat(tally.share("Microsoft-Windows-Sysmon/Operational:3")).isEqualTo(1.0);
        assertThat(tally.share("Security:4624")).isEqualTo(1.0);
        assertThat(tally.share("Security:4688")).isEqualTo(1.0);
        // account, group, privilege, task, registry, module, driver, pipe, log and script events have their classes
        assertExpected(tally, EVTX_EXPECTED, wrong);
        // BITS transfers: over HTTP(S) HTTP Activity, copies of local or UNC files File System Activity
        assertThat(tally.share("Microsoft-Windows-Bits-Client/Operational:59")).isEqualTo(1.0);
        assertThat(tally.share("Microsoft-Windows-Bits-Client/Operational:60")).isEqualTo(1.0);
        // registry objects of either class; keys, files and processes audited by object type
        assertThat(tally.share(SYSMON + "12")).isEqualTo(1.0);
        assertThat(tally.share("Security:4663")).isEqualTo(1.0);
    }

    @Test
    void otrfSecurityDatasetsAreNormalizedInTheirClasses() throws IOException {
        Path root = Corpus.folder("otrf-security-datasets");
        Tally tally = new Tally("otrf-security-datasets (group = Channel:EventID, flat)");
        Map<String, Integer> wrong = new TreeMap<>();
        List<Path> zips;
        try (Stream<Path> files = Files.walk(root.resolve("datasets"))) {
            zips = files.filter(f -> f.toString().endsWith(".zip")).toList();
        }
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                        continue;
                    }
                    lines(in, l -> {
                        JsonNode event = readTree(l);
                        if (event != null && event.isObject()) {
                            String channel = event.path("Channel").asText("");
                            String group = channel.isEmpty()
                                    ? "(no Channel)"
                                    : channel + ":" + event.path("EventID").asText();
                            check(OTRF_EXPECTED, group, json(tally, group, event), wrong);
                        }
                    });
                }
            }
        }
        tally.print();
        assertThat(tally.share("Microsoft-Windows-Sysmon/Operational:1")).isEqualTo(1.0);
        assertThat(tally.share("Security:4624")).isEqualTo(1.0);
        assertExpected(tally, OTRF_EXPECTED, wrong);
        // registry objects of either class; keys, files and processes audited by object type
        assertThat(tally.share(SYSMON + "12")).isEqualTo(1.0);
        assertThat(tally.share("Security:4663")).isEqualTo(1.0);
    }

    private static void lines(InputStream in, Consumer<String> each) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String l; (l = reader.readLine()) != null; ) {
            if (!l.isBlank()) {
                each.accept(l);
            }
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
