package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Windows PowerShell log's engine and provider lifecycle (400, 403, 600) and Sysmon's WMI event
 * subscription (19, 20, 21) and clipboard (24) events reach their OCSF classes in every shape Windows
 * events arrive in: flat (NXLog), evtx dump, Winlogbeat, Wazuh and Snare text. The details block of
 * the PowerShell events ({@code HostApplication=...}) is read into fields of their own, and kept as
 * {@code Data} where the shape holds it only in the rendered message or Winlogbeat's third data
 * string, as detection rules read it. Events are written after the documented formats (Windows'
 * message texts, Sysmon's event schema, Winlogbeat's and Wazuh's field layouts).
 */
class PowerShellClassicAndWmiSubscriptionMappingsTest {

    /** The details block Windows PowerShell writes for an engine state change, lines separated by {@code eol}. */
    private static String engineDetails(
            String newState,
            String previousState,
            String hostName,
            String hostApplication,
            String engineVersion,
            String eol) {
        return "\tNewEngineState=" + newState + eol + "\tPreviousEngineState=" + previousState + eol + eol
                + "\tSequenceNumber=17" + eol + eol
                + "\tHostName=" + hostName + eol
                + "\tHostVersion=5.1.20348.2227" + eol
                + "\tHostId=0c6f5a57-2b61-4d8e-93a3-7f1e2d9c4b10" + eol
                + (hostApplication == null ? "" : "\tHostApplication=" + hostApplication + eol)
                + "\tEngineVersion=" + engineVersion + eol
                + "\tRunspaceId=a9e3b0c2-6d14-4f7e-8b25-3c1d0e9f7a66" + eol
                + "\tPipelineId=" + eol + "\tCommandName=" + eol + "\tCommandType=" + eol + "\tScriptName=" + eol
                + "\tCommandPath=" + eol + "\tCommandLine=";
    }

    private static String providerDetails(String provider, String hostApplication, String eol) {
        return "\tProviderName=" + provider + eol + "\tNewProviderState=Started" + eol + eol
                + "\tSequenceNumber=3" + eol + eol
                + "\tHostName=ConsoleHost" + eol
                + "\tHostVersion=5.1.17763.5576" + eol
                + "\tHostId=41d7c3e0-88b2-4a6f-9d0e-5c2b7a1f3e84" + eol
                + "\tHostApplication=" + hostApplication + eol
                + "\tEngineVersion=" + eol + "\tRunspaceId=" + eol + "\tPipelineId=" + eol + "\tCommandName=" + eol
                + "\tCommandType=" + eol + "\tScriptName=" + eol + "\tCommandPath=" + eol + "\tCommandLine=";
    }

    /** A text as a JSON string literal (quotes included). */
    private static String quoted(String text) {
        try {
            return MappedRecords.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as Wazuh's eventchannel decoder writes it: every backslash doubled, every quote escaped. */
    private static String wazuh(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void assertClass(JsonNode r, int classUid, int activityId, String activityName) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as(r.toString()).isEqualTo(activityId);
        assertThat(r.get("activity_name").asText()).isEqualTo(activityName);
    }

    @Test
    void powerShellsEngineStartIsTheLaunchOfItsHostApplicationInEveryShape() throws Exception {
        String hostApplication = "powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAGkAdwByACAAaAB0AHQAcAA6AC8ALwA=";
        String crlf = engineDetails("Available", "None", "ConsoleHost", hostApplication, "5.1.20348.2227", "\r\n");
        String message = "Engine state is changed from None to Available. \r\n\r\nDetails: \r\n" + crlf;

        JsonNode nxlog = json("""
                {"EventTime":"2026-02-28 14:02:11","Hostname":"FIN-WS07.corp.example","EventID":400,
                 "Channel":"Windows PowerShell","SourceName":"PowerShell","Category":"Engine Lifecycle",
                 "Message":%s}""".formatted(quoted(message)));
        String lf = engineDetails("Available", "None", "ConsoleHost", hostApplication, "5.1.20348.2227", "\n");
        JsonNode evtx = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"PowerShell"}},
                 "EventID":{"#attributes":{"Qualifiers":"0"},"#text":400},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T14:02:11.482193Z"}},
                 "Channel":"Windows PowerShell","Computer":"FIN-WS07.corp.example"},
                 "EventData":{"Data":{"#text":%s},"Binary":null}}}""".formatted(
                        quoted("<string>Available</string>\n<string>None</string>\n<string>" + lf + "</string>")));
        JsonNode winlogbeat = json("""
                {"@timestamp":"2026-02-28T14:02:11.482Z","message":%s,
                 "winlog":{"channel":"Windows PowerShell","event_id":"400","provider_name":"PowerShell",
                  "computer_name":"FIN-WS07.corp.example","record_id":8812,"task":"Engine Lifecycle",
                  "event_data":{"param1":"Available","param2":"None","param3":%s}}}""".formatted(quoted(message.replace("\r\n", "\n")), quoted(lf)));
        for (JsonNode r : List.of(nxlog, evtx, winlogbeat)) {
            assertClass(r, 1007, 1, "Launch");
            assertThat(r.at("/process/cmd_line").asText()).isEqualTo(hostApplication);
            assertThat(r.at("/device/hostname").asText()).isEqualTo("FIN-WS07.corp.example");
            assertThat(r.at("/metadata/log_name").asText()).isEqualTo("Windows PowerShell");
            JsonNode u = r.get("unmapped");
            assertThat(u.get("HostApplication").asText()).isEqualTo(hostApplication);
            assertThat(u.get("EngineVersion").asText()).isEqualTo("5.1.20348.2227");
            assertThat(u.get("HostName").asText()).isEqualTo("ConsoleHost");
            assertThat(u.get("NewEngineState").asText()).isEqualTo("Available");
            assertThat(u.get("RunspaceId").asText()).isEqualTo("a9e3b0c2-6d14-4f7e-8b25-3c1d0e9f7a66");
        }
        // where only the message or Winlogbeat's third data string holds the details, they are kept as Data
        assertThat(nxlog.at("/unmapped/Data").asText())
                .startsWith("NewEngineState=Available\r\n")
                .contains("HostApplication=" + hostApplication)
                .endsWith("CommandLine=");
        assertThat(winlogbeat.at("/unmapped/Data").asText()).isEqualTo(lf.substring(1));
        // an evtx dump keeps its own data where it is: no copy beside it
        assertThat(evtx.get("unmapped").has("Data")).isFalse();
        assertThat(evtx.at("/unmapped/Event/EventData/Data/#text").asText())
                .contains("HostApplication=" + hostApplication);
    }

    @Test
    void wazuhsJoinedDataStringsAndSnaresOneLineMessageAreReadToo() throws Exception {
        // Wazuh joins the unnamed data strings with ", " and doubles every backslash of the values
        String hostApplication = "C:\\Windows\\system32\\wsmprovhost.exe -Embedding";
        String data = "Available, None, "
                + engineDetails("Available", "None", "ServerRemoteHost", hostApplication, "5.1.17763.5576", "\r\n");
        JsonNode wazuh = json("""
                {"win":{"system":{"providerName":"PowerShell","eventID":"400","level":"4","channel":"Windows PowerShell",
                  "computer":"APP-SRV02.corp.example","systemTime":"2026-02-28T16:40:03.1180000Z","severityValue":"INFORMATION"},
                 "eventdata":{"data":%s}}}""".formatted(quoted(wazuh(data))));
        assertClass(wazuh, 1007, 1, "Launch");
        assertThat(wazuh.at("/process/cmd_line").asText()).isEqualTo(hostApplication);
        assertThat(wazuh.at("/unmapped/HostName").asText()).isEqualTo("ServerRemoteHost");
        assertThat(wazuh.at("/device/hostname").asText()).isEqualTo("APP-SRV02.corp.example");

        // Snare writes the message on one line, its line breaks and tabs as spaces
        JsonNode snare = line("<14>Mar  1 08:15:42 HR-LT11 MSWinEventLog\t1\tWindows PowerShell\t4471\t"
                + "Sun Mar 01 08:15:42 2026\t403\tPowerShell\tN/A\tN/A\tInformation\tHR-LT11.corp.example\tEngine Lifecycle\t\t"
                + "Engine state is changed from Available to Stopped.    Details:   NewEngineState=Stopped  PreviousEngineState=Available"
                + "   SequenceNumber=40   HostName=Windows PowerShell ISE Host  HostVersion=5.1.22621.2506"
                + "  HostId=9b0f31c4-7e2a-4c55-a1d8-60e4f2b7c913"
                + "  HostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell_ise.exe C:\\Users\\mkoch\\Desktop\\inventory.ps1"
                + "  EngineVersion=5.1.22621.2506  RunspaceId=3f8c2e71-5a0d-4b9e-8c64-d2a7e1f05b38  PipelineId=  CommandName="
                + "  CommandType=  ScriptName=  CommandPath=  CommandLine=\t77");
        assertClass(snare, 1007, 2, "Terminate");
        assertThat(snare.at("/process/cmd_line").asText())
                .isEqualTo(
                        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell_ise.exe C:\\Users\\mkoch\\Desktop\\inventory.ps1");
        assertThat(snare.at("/unmapped/HostName").asText()).isEqualTo("Windows PowerShell ISE Host");
        assertThat(snare.at("/unmapped/EngineVersion").asText()).isEqualTo("5.1.22621.2506");
        assertThat(snare.at("/unmapped/Data").asText())
                .startsWith("NewEngineState=Stopped")
                .endsWith("CommandLine=");
    }

    @Test
    void anEngineWithoutAHostApplicationOrWithALongOneIsStillAProcessActivity() throws Exception {
        // PowerShell 2.0 writes no HostApplication line; its EngineVersion is what a downgrade shows
        JsonNode v2 = json("""
                {"Channel":"Windows PowerShell","EventID":400,"Hostname":"LAB-W10-3",
                 "Message":%s}""".formatted(quoted("Engine state is changed from None to Available. \r\n\r\nDetails: \r\n"
                + engineDetails("Available", "None", "ConsoleHost", null, "2.0", "\r\n"))));
        assertClass(v2, 1007, 1, "Launch");
        assertThat(v2.has("process")).isFalse();
        assertThat(v2.at("/unmapped/EngineVersion").asText()).isEqualTo("2.0");
        assertThat(v2.at("/unmapped").has("HostApplication")).isFalse();

        // an encoded command of 24 KB is read whole
        String encoded = "JABzAD0ATgBlAHcALQBPAGIAagBlAGMAdAAgAEkATwAuAE0AZQBtAG8AcgB5AFMAdAByAGUAYQBtACgA".repeat(300);
        String hostApplication = "powershell.exe -nop -w hidden -encodedcommand " + encoded;
        JsonNode longOne = json("""
                {"winlog":{"channel":"Windows PowerShell","event_id":"400","computer_name":"FIN-WS07",
                 "event_data":{"param1":"Available","param2":"None","param3":%s}}}""".formatted(quoted(
                engineDetails("Available", "None", "ConsoleHost", hostApplication, "5.1.19041.4291", "\n"))));
        assertClass(longOne, 1007, 1, "Launch");
        assertThat(longOne.at("/process/cmd_line").asText()).isEqualTo(hostApplication);
        assertThat(longOne.at("/unmapped/EngineVersion").asText()).isEqualTo("5.1.19041.4291");

        // a message in another language: still the engine's start, its details unread
        JsonNode localized = json("""
                {"Channel":"Windows PowerShell","EventID":403,"Hostname":"LAB-W10-3",
                 "Message":"Der Modulstatus wurde von Available in Stopped geändert."}""");
        assertClass(localized, 1007, 2, "Terminate");
    }

    @Test
    void aProviderStartedIsABaseEventOfTheHostApplication() throws Exception {
        String hostApplication = "powershell -ep bypass -c Set-MpPreference -DisableRealtimeMonitoring $true";
        JsonNode nxlog = json("""
                {"EventTime":"2026-02-28 09:31:57","Hostname":"SALES-LT04.corp.example","EventID":600,
                 "Channel":"Windows PowerShell","SourceName":"PowerShell","Category":"Provider Lifecycle",
                 "Message":%s}""".formatted(quoted("Provider \"Registry\" is Started. \r\n\r\nDetails: \r\n"
                + providerDetails("Registry", hostApplication, "\r\n"))));
        JsonNode evtx = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"PowerShell"}},"EventID":600,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T09:31:57.204410Z"}},
                 "Channel":"Windows PowerShell","Computer":"SALES-LT04.corp.example"},
                 "EventData":{"Data":{"#text":%s}}}}""".formatted(quoted("<string>Registry</string>\n<string>Started</string>\n<string>"
                + providerDetails("Registry", hostApplication, "\n") + "</string>")));
        for (JsonNode r : List.of(nxlog, evtx)) {
            assertClass(r, 0, 99, "Other");
            assertThat(r.at("/actor/process/cmd_line").asText()).isEqualTo(hostApplication);
            assertThat(r.at("/device/hostname").asText()).isEqualTo("SALES-LT04.corp.example");
            assertThat(r.at("/unmapped/ProviderName").asText()).isEqualTo("Registry");
            assertThat(r.at("/unmapped/HostApplication").asText()).isEqualTo(hostApplication);
            // an empty value is written as the event has it, and no OCSF attribute is made of it
            assertThat(r.at("/unmapped/EngineVersion").asText()).isEmpty();
        }
        assertThat(nxlog.at("/unmapped/Data").asText()).startsWith("ProviderName=Registry\r\n");
    }

    @Test
    void wmiEventFiltersConsumersAndBindingsAreEntityManagementOfTheSubscription() throws Exception {
        // NXLog (flat): a filter registered
        JsonNode filter = json("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":19,"Hostname":"DC02.corp.example",
                 "UtcTime":"2026-02-28 22:10:04.517","EventType":"WmiFilterEvent","Operation":"Created",
                 "User":"CORP\\\\svc-deploy","EventNamespace":" \\"root\\\\\\\\cimv2\\"","Name":" \\"UpdCheck\\"",
                 "Query":" \\"SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_LocalTime' AND TargetInstance.Hour = 3\\""}""");
        assertClass(filter, 3004, 1, "Create");
        assertThat(filter.at("/entity/type").asText()).isEqualTo("WMI event filter");
        assertThat(filter.at("/entity/name").asText()).isEqualTo("UpdCheck");
        assertThat(filter.at("/entity/data").asText()).contains("Win32_LocalTime");
        assertThat(filter.at("/actor/user/name").asText()).isEqualTo("CORP\\svc-deploy");
        assertThat(filter.at("/device/hostname").asText()).isEqualTo("DC02.corp.example");
        assertThat(filter.at("/unmapped/EventNamespace").asText()).contains("root\\\\cimv2");
        assertThat(filter.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-02-28T22:10:04.517Z"));

        // evtx dump: a command line consumer registered, then removed
        String consumer = """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":20,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T22:10:04.601Z"}},
                 "Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"DC02.corp.example"},
                 "EventData":{"RuleName":"-","EventType":"WmiConsumerEvent","UtcTime":"2026-02-28 22:10:04.601","Operation":"%s",
                  "User":"CORP\\\\svc-deploy","Name":"\\"UpdCheckRun\\"","Type":"Command Line",
                  "Destination":"\\"C:\\\\\\\\ProgramData\\\\\\\\upd\\\\\\\\run.exe -q\\""}}}""";
        JsonNode created = json(consumer.formatted("Created"));
        assertClass(created, 3004, 1, "Create");
        assertThat(created.at("/entity/type").asText()).isEqualTo("WMI event consumer");
        assertThat(created.at("/entity/name").asText()).isEqualTo("UpdCheckRun");
        assertThat(created.at("/entity/data").asText()).contains("run.exe -q");
        assertThat(created.at("/unmapped/Event/EventData/Type").asText()).isEqualTo("Command Line");
        assertClass(json(consumer.formatted("Deleted")), 3004, 4, "Delete");

        // Wazuh: the binding, with its doubled backslashes and escaped quotes
        String bound = " \"\\\\.\\ROOT\\subscription:CommandLineEventConsumer.Name=\\\"UpdCheckRun\\\"\"";
        String to = " \"\\\\.\\ROOT\\subscription:__EventFilter.Name=\\\"UpdCheck\\\"\"";
        JsonNode binding =
                json("""
                {"win":{"system":{"providerName":"Microsoft-Windows-Sysmon","eventID":"21",
                  "channel":"Microsoft-Windows-Sysmon/Operational","computer":"DC02.corp.example"},
                 "eventdata":{"eventType":"WmiBindingEvent","utcTime":"2026-02-28 22:10:04.733","operation":"Created",
                  "user":%s,"consumer":%s,"filter":%s}}}""".formatted(quoted(wazuh("CORP\\svc-deploy")), quoted(wazuh(bound)), quoted(wazuh(to))));
        assertClass(binding, 3004, 1, "Create");
        assertThat(binding.at("/entity/type").asText()).isEqualTo("WMI filter to consumer binding");
        assertThat(binding.at("/entity/name").asText())
                .isEqualTo("\\\\.\\ROOT\\subscription:CommandLineEventConsumer.Name=\\\"UpdCheckRun\\\"");
        assertThat(binding.at("/entity/data").asText()).contains("__EventFilter.Name=\\\"UpdCheck\\\"");
        assertThat(binding.at("/actor/user/name").asText()).isEqualTo("CORP\\svc-deploy");

        // Winlogbeat: a script consumer whose name Sysmon wrote without quotes
        JsonNode script = json("""
                {"@timestamp":"2026-02-28T22:11:00.002Z","winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",
                 "event_id":"20","computer_name":"DC02.corp.example","event_data":{"EventType":"WmiConsumerEvent",
                 "Operation":"Created","User":"NT AUTHORITY\\\\SYSTEM","Name":"SCMEventLogConsumer","Type":"Script",
                 "Destination":"Set objShell = CreateObject(\\"WScript.Shell\\")"}}}""");
        assertClass(script, 3004, 1, "Create");
        assertThat(script.at("/entity/name").asText()).isEqualTo("SCMEventLogConsumer");
        assertThat(script.at("/entity/data").asText()).startsWith("Set objShell");
    }

    @Test
    void aClipboardChangeIsABaseEventOfTheProcessThatSetIt() throws Exception {
        JsonNode r = json("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":24,"Hostname":"JUMP01",
                 "UtcTime":"2026-02-28 11:47:19.088","ProcessGuid":"{6b1f2c3d-a1b2-65de-4c01-000000001200}",
                 "ProcessId":"6120","Image":"C:\\\\Windows\\\\System32\\\\rdpclip.exe","Session":"3",
                 "ClientInfo":"user: CORP\\\\jlee hostname: JLEE-MBP","Hashes":"SHA256=9F2B4C1D0E8A7B6C5D4E3F201A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D",
                 "Archived":"false","User":"CORP\\\\jlee"}""");
        assertClass(r, 0, 99, "Other");
        assertThat(r.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\rdpclip.exe");
        assertThat(r.at("/actor/process/pid").asInt()).isEqualTo(6120);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("CORP\\jlee");
        assertThat(r.at("/unmapped/ClientInfo").asText()).isEqualTo("user: CORP\\jlee hostname: JLEE-MBP");
        assertThat(r.at("/unmapped/Archived").asText()).isEqualTo("false");
    }
}
