package io.socaas.events.testing;

import java.util.List;
import java.util.Map;

/**
 * Windows events in every shape a shipper or store gives them (event-model's {@code WindowsShapes}),
 * each with some of the Windows names it must read as, and near misses that must read as no Windows
 * event: the samples normalization's and detection's tests share, so that both read the same events
 * alike. Taken from the tests of either side (their sources are cited there and here). A shape added
 * to {@code WindowsShapes} needs a sample here: the tests that read them check that every shape has one.
 */
public final class WindowsShapeSamples {

    /**
     * One event.
     *
     * @param name what it is
     * @param json the event as the shipper sends it
     * @param expected Windows names with the text they read as (empty for a near miss)
     */
    public record Sample(String name, String json, Map<String, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The names every Windows shape is asked for, whether or not it has them. */
    public static final List<String> SYSTEM_NAMES = List.of(
            "EventID",
            "Channel",
            "Computer",
            "Provider_Name",
            "Provider_Guid",
            "RecordNumber",
            "Task",
            "TimeCreated",
            "SystemTime",
            "Message");

    private WindowsShapeSamples() {}

    private static Sample sample(String name, String json, String... expected) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < expected.length; i += 2) {
            fields.put(expected[i], expected[i + 1]);
        }
        return new Sample(name, json, java.util.Collections.unmodifiableMap(fields));
    }

    /** The Fluent Bit record's rendered message (Windows' rendering of the OpenTelemetry Collector's test event). */
    private static final String RENDERED_LOGON =
            "An account was successfully logged on.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n"
                    + "\\tAccount Name:\\t\\tTEST-COMPUTER$\\r\\n\\tAccount Domain:\\t\\tWORKGROUP\\r\\n\\tLogon ID:\\t\\t0x3E7\\r\\n"
                    + "\\r\\nLogon Information:\\r\\n\\tLogon Type:\\t\\t5\\r\\n\\r\\nNew Logon:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n"
                    + "\\tAccount Name:\\t\\tSYSTEM\\r\\n\\tAccount Domain:\\t\\tNT AUTHORITY\\r\\n\\tLogon ID:\\t\\t0x3E7\\r\\n"
                    + "\\r\\nProcess Information:\\r\\n\\tProcess ID:\\t\\t0x314\\r\\n"
                    + "\\tProcess Name:\\t\\tC:\\\\Windows\\\\System32\\\\services.exe\\r\\n";

    public static final List<Sample> SAMPLES = List.of(
            // evtx dump (omerbenamram/evtx's JSON output), correlation's EventFieldResolutionTest
            sample(
                    "evtx dump",
                    """
                    {"Event": {
                       "System": {
                         "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
                         "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7045},
                         "Channel": "Microsoft-Windows-Sysmon/Operational",
                         "Computer": "ws-01"},
                       "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "CommandLine": "whoami /priv"}}}""",
                    "EventID",
                    "7045",
                    "Channel",
                    "Microsoft-Windows-Sysmon/Operational",
                    "Computer",
                    "ws-01",
                    "Provider_Name",
                    "Microsoft-Windows-Sysmon",
                    "EventID_Qualifiers",
                    "16384",
                    "CommandLine",
                    "whoami /priv"),
            // evtx dump with UserData (Security 1102), event-model's WindowsEventClassesTest
            sample(
                    "evtx dump with UserData",
                    """
                    {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Eventlog"}},"EventID":1102,
                     "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07.524202Z"}},"Channel":"Security",
                     "Computer":"PC01.example.corp"},"UserData":{"LogFileCleared":{
                     "SubjectUserSid":"S-1-5-21-1587066498-1489273250-1035260531-1106","SubjectUserName":"user01",
                     "SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x17dad"}}}}""",
                    "EventID",
                    "1102",
                    "TimeCreated_SystemTime",
                    "2026-02-28T23:35:07.524202Z",
                    "SubjectUserName",
                    "user01"),
            // Elastic Agent's forwarded events (elastic/integrations packages/windows/data_stream/forwarded/
            // _dev/test/pipeline/test-security-4662.json), event-model's WindowsShipperShapesTest
            sample(
                    "Winlogbeat",
                    """
                    {"event":{"code":"4662","kind":"event","outcome":"success","provider":"Microsoft-Windows-Security-Auditing"},
                     "host":{"name":"DC01.contoso.local"},"log":{"level":"information"},
                     "winlog":{"channel":"Security","computer_name":"DC01.contoso.local",
                      "event_data":{"AccessMask":"0x10000","HandleId":"0x0","ObjectName":"%{38b3d2e6-9948-4dc1-ae90-1605d5eab9a2}",
                       "ObjectServer":"DS","SubjectDomainName":"CONTOSO","SubjectLogonId":"0x35867","SubjectUserName":"dadmin",
                       "SubjectUserSid":"S-1-5-21-3457937927-2839227994-823803824-1104"},
                      "event_id":"4662","keywords":["Audit Success"],"opcode":"Info","process":{"pid":520,"thread":{"id":600}},
                      "provider_guid":"{54849625-5478-4994-A5BA-3E3B0328C30D}","provider_name":"Microsoft-Windows-Security-Auditing",
                      "record_id":407230,"time_created":"2015-08-28T01:58:36.8949224Z"}}""",
                    "EventID",
                    "4662",
                    "Channel",
                    "Security",
                    "Computer",
                    "DC01.contoso.local",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "Provider_Guid",
                    "{54849625-5478-4994-A5BA-3E3B0328C30D}",
                    "RecordNumber",
                    "407230",
                    "TimeCreated",
                    "2015-08-28T01:58:36.8949224Z",
                    "SubjectUserName",
                    "dadmin"),
            // Winlogbeat's user_data (Security 1102 as Winlogbeat 8 writes it: winlog.user_data)
            sample("Winlogbeat with user_data", """
                    {"winlog":{"channel":"Security","event_id":"1102","computer_name":"DC01.contoso.local",
                      "provider_name":"Microsoft-Windows-Eventlog",
                      "user_data":{"SubjectUserName":"dadmin","SubjectDomainName":"CONTOSO","SubjectLogonId":"0x35867",
                       "xml_name":"LogFileCleared"}}}""", "EventID", "1102", "SubjectUserName", "dadmin"),
            // Wazuh's eventchannel decoder, correlation's EventFieldResolutionTest (also under data. in alerts)
            sample(
                    "Wazuh",
                    """
                    {"win": {"system": {"providerName": "Microsoft-Windows-Sysmon", "eventID": "1",
                                        "channel": "Microsoft-Windows-Sysmon/Operational", "computer": "ws-01",
                                        "eventRecordID": "3045", "systemTime": "2026-03-01T09:15:02.1234567Z"},
                             "eventdata": {"image": "C:\\\\Windows\\\\System32\\\\whoami.exe",
                                           "commandLine": "whoami /priv", "parentImage": "C:\\\\Windows\\\\explorer.exe"}}}""",
                    "EventID",
                    "1",
                    "Channel",
                    "Microsoft-Windows-Sysmon/Operational",
                    "Computer",
                    "ws-01",
                    "Provider_Name",
                    "Microsoft-Windows-Sysmon",
                    "RecordNumber",
                    "3045",
                    "SystemTime",
                    "2026-03-01T09:15:02.1234567Z",
                    "CommandLine",
                    "whoami /priv"),
            // a Wazuh alert: the event under data.win, a UserData section beside system (AppLocker),
            // event-model's WindowsEventClassesTest
            sample(
                    "Wazuh alert with a UserData section",
                    """
                    {"rule":{"id":"60000"},"data":{"win":{"system":{"eventID":"8022",
                      "channel":"Microsoft-Windows-AppLocker/Packaged app-Execution",
                      "computer":"hrmanager.example.com","systemTime":"2022-08-16T18:39:16.1843343Z"},
                     "ruleAndFileData":{"targetProcessId":"5788","policyName":"Appx",
                      "ruleName":"5319275A.WhatsAppDesktop, from WhatsApp Inc.","targetUser":"S-1-5-21-1004-1146"}}}}""",
                    "EventID",
                    "8022",
                    "Computer",
                    "hrmanager.example.com",
                    "PolicyName",
                    "Appx",
                    "TargetUser",
                    "S-1-5-21-1004-1146"),
            // the OpenTelemetry Collector's receiver body (open-telemetry/opentelemetry-collector-contrib,
            // pkg/stanza/operator/input/windows/xml.go, testdata/xmlRenderingInfoSecurity.xml)
            sample(
                    "OpenTelemetry Collector",
                    """
                    {"event_id":{"qualifiers":0,"id":4624},
                     "provider":{"name":"Microsoft-Windows-Security-Auditing","guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}","event_source":""},
                     "system_time":"2026-03-01T09:52:09.5166341Z","computer":"computer","channel":"Security","record_id":1298116,
                     "level":"Information","message":"An account was successfully logged on.","task":"Logon","opcode":"Info",
                     "keywords":["Audit Success"],
                     "event_data":{"SubjectUserSid":"S-1-5-18","SubjectUserName":"TEST-COMPUTER$","TargetUserName":"SYSTEM",
                      "LogonType":"5","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe"}}""",
                    "EventID",
                    "4624",
                    "Channel",
                    "Security",
                    "Computer",
                    "computer",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "Provider_Guid",
                    "{54849625-5478-4994-a5ba-3e3b0328c30d}",
                    "RecordNumber",
                    "1298116",
                    "SystemTime",
                    "2026-03-01T09:52:09.5166341Z",
                    "Message",
                    "An account was successfully logged on.",
                    "Task",
                    "Logon",
                    "TargetUserName",
                    "SYSTEM"),
            sample(
                    "OpenTelemetry Collector, data as a list and user_data",
                    """
                    {"event_id":{"id":1102},"channel":"Security",
                     "event_data":{"data":[{"SubjectUserName":"alice"},{"TargetUserName":"SYSTEM"}]},
                     "user_data":{"name":"LogFileCleared","data":{"SubjectLogonId":"0xa8bb72"}}}""",
                    "EventID",
                    "1102",
                    "SubjectUserName",
                    "alice",
                    "TargetUserName",
                    "SYSTEM",
                    "SubjectLogonId",
                    "0xa8bb72"),
            // Winlogbeat 6's names (Elastic's Winlogbeat 6.3 field reference)
            sample(
                    "Winlogbeat 6",
                    """
                    {"@timestamp":"2026-03-01T09:58:00.000Z","beat":{"name":"WS01","hostname":"WS01","version":"6.3.0"},
                     "computer_name":"WS01.corp.local","event_id":4625,"level":"Information","log_name":"Security",
                     "message":"An account failed to log on.","record_number":"1234","source_name":"Microsoft-Windows-Security-Auditing",
                     "type":"wineventlog",
                     "event_data":{"TargetUserName":"svc_sql","TargetDomainName":"CORP","LogonType":"3","IpAddress":"10.1.2.3",
                      "IpPort":"51515","Status":"0xc000006d","SubStatus":"0xc000006a"}}""",
                    "EventID",
                    "4625",
                    "Channel",
                    "Security",
                    "Computer",
                    "WS01.corp.local",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "RecordNumber",
                    "1234",
                    "TargetUserName",
                    "svc_sql"),
            // Graylog's Beats input, its GELF output, without the beat's name, Winlogbeat 6 flattened
            sample(
                    "Graylog's Beats input",
                    """
                    {"timestamp":"2026-03-01 09:58:00.000","source":"WS01","message":"An account failed to log on.",
                     "winlogbeat_winlog_event_id":"4625","winlogbeat_winlog_channel":"Security",
                     "winlogbeat_winlog_computer_name":"WS01.corp.local",
                     "winlogbeat_winlog_provider_name":"Microsoft-Windows-Security-Auditing","winlogbeat_event_code":"4625",
                     "winlogbeat_winlog_event_data_TargetUserName":"svc_sql","winlogbeat_winlog_event_data_LogonType":"3",
                     "winlogbeat_winlog_user_data_SubjectUserName":"alice"}""",
                    "EventID",
                    "4625",
                    "Channel",
                    "Security",
                    "Computer",
                    "WS01.corp.local",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "TargetUserName",
                    "svc_sql",
                    "SubjectUserName",
                    "alice"),
            sample("Graylog's GELF output", """
                    {"version":"1.1","host":"WS01","short_message":"An account failed to log on.","timestamp":1772359080.0,
                     "_winlogbeat_winlog_event_id":"4625","_winlogbeat_winlog_channel":"Security",
                     "_winlogbeat_winlog_computer_name":"WS01.corp.local","_winlogbeat_winlog_event_data_TargetUserName":"svc_sql",
                     "_winlogbeat_winlog_event_data_LogonType":"3"}""", "EventID", "4625", "Channel", "Security", "TargetUserName", "svc_sql"),
            sample(
                    "Graylog, Winlogbeat 6 and without the beat's name",
                    """
                    {"source":"WS01","winlogbeat_event_id":"4625","winlogbeat_log_name":"Security",
                     "winlogbeat_computer_name":"WS01.corp.local","winlogbeat_event_data_TargetUserName":"svc_sql",
                     "winlog_event_data_LogonType":"3"}""",
                    "EventID",
                    "4625",
                    "Channel",
                    "Security",
                    "TargetUserName",
                    "svc_sql",
                    "LogonType",
                    "3"),
            // Fluentd's in_windows_eventlog (fluent/fluent-plugin-windows-eventlog README): Winlogbeat 6's
            // names, the data without names read back from the description
            sample(
                    "Fluentd in_windows_eventlog",
                    """
                    {"channel":"security","record_number":"91698","time_generated":"2026-03-01 09:12:29 +0000",
                     "time_written":"2026-03-01 09:12:29 +0000","event_id":"4798","event_type":"audit_success",
                     "event_category":"13824","source_name":"Microsoft-Windows-Security-Auditing","computer_name":"TEST","user":"",
                     "description":"A user's local group membership was enumerated.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-XXX\\r\\n",
                     "string_inserts":["Administrator","TEST","S-XXX-YYY-ZZZ","S-XXX","TEST$","WORKGROUP","0x3e7","0x7dc",
                      "C:\\\\Windows\\\\System32\\\\LogonUI.exe"]}""",
                    "EventID",
                    "4798",
                    "Channel",
                    "security",
                    "TimeCreated",
                    "2026-03-01 09:12:29 +0000",
                    "SubjectUserSid",
                    "S-XXX"),
            // Fluent Bit's winevtlog input (fluent/fluent-bit pull request 12082): StringInserts without names
            sample(
                    "Fluent Bit winevtlog",
                    """
                    {"ProviderName":"Microsoft-Windows-Security-Auditing","ProviderGuid":"{54849625-5478-4994-A5BA-3E3B0328C30D}",
                     "Qualifiers":0,"EventID":4624,"Version":3,"Level":0,"Task":12544,"Opcode":0,"Keywords":"0x8020000000000000",
                     "TimeCreated":"2026-03-01 09:52:09 +0000","EventRecordID":1298116,"ActivityID":"","RelatedActivityID":"",
                     "ProcessID":808,"ThreadID":5460,"Channel":"Security","Computer":"computer","UserID":"","Message":"%s",
                     "StringInserts":["S-1-5-18","TEST-COMPUTER$","WORKGROUP","0x3e7","S-1-5-18","SYSTEM","NT AUTHORITY",
                      "0x3e7","5","Advapi  ","Negotiate","-"]}""".formatted(RENDERED_LOGON),
                    "EventID",
                    "4624",
                    "TargetUserName",
                    "SYSTEM",
                    "SubjectUserName",
                    "TEST-COMPUTER$",
                    "LogonType",
                    "5"),
            // Fluentd's in_windows_eventlog2 (fluent/fluent-plugin-windows-eventlog README): Description, EventData
            // list
            sample("Fluentd in_windows_eventlog2", """
                    {"ProviderName":"Microsoft-Windows-Security-Auditing","EventID":"4798","Channel":"Security",
                     "Computer":"DESKTOP-TEST","TimeCreated":"2019-06-19T03:10:01.982940200Z",
                     "Description":"A user's local group membership was enumerated.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-X-Y-Z\\r\\n\\tAccount Name:\\t\\tDESKTOP-TEST$\\r\\n\\tAccount Domain:\\t\\tWORKGROUP\\r\\n\\tLogon ID:\\t\\t0x3e7\\r\\n\\r\\nUser:\\r\\n\\tSecurity ID:\\t\\tS-XXX-YYY-ZZZ0\\r\\n\\tAccount Name:\\t\\tAdministrator\\r\\n\\tAccount Domain:\\t\\tDESKTOP-TEST\\r\\n\\r\\nProcess Information:\\r\\n\\tProcess ID:\\t\\t0xbac\\r\\n\\tProcess Name:\\t\\tC:\\\\Windows\\\\System32\\\\svchost.exe\\r\\n",
                     "EventData":["Administrator","DESKTOP-TEST","S-XXX-YYY-ZZZ","S-X-Y-Z","DESKTOP-TEST$","WORKGROUP","0x3e7","0xbac",
                      "C:\\\\Windows\\\\System32\\\\svchost.exe"]}""", "EventID", "4798", "SubjectUserName", "DESKTOP-TEST$"),
            // Log Analytics' SecurityEvent row: EventData as its XML text
            sample(
                    "Log Analytics SecurityEvent",
                    """
                    {"TimeGenerated":"2026-03-01T09:50:00.000Z","Computer":"VM-WIN10-01.contoso.com","EventID":4688,
                     "Activity":"4688 - A new process has been created.","Channel":"Security",
                     "EventSourceName":"Microsoft-Windows-Security-Auditing","SubjectUserName":"alice","Type":"SecurityEvent",
                     "EventData":"<EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"SubjectUserName\\">alice</Data><Data Name=\\"NewProcessName\\">C:\\\\Windows\\\\System32\\\\cmd.exe</Data><Data Name=\\"CommandLine\\">cmd.exe /c whoami</Data><Data Name=\\"ParentProcessName\\">C:\\\\Windows\\\\explorer.exe</Data></EventData>"}""",
                    "EventID",
                    "4688",
                    "CommandLine",
                    "cmd.exe /c whoami",
                    "ParentProcessName",
                    "C:\\Windows\\explorer.exe"),
            // Log Analytics' Event row: EventLog, Source, RenderedDescription, the data in the agent's DataItem
            // (a Sysmon network connection as a Microsoft Sentinel query showed it in a public lab write-up)
            sample(
                    "Log Analytics Event",
                    """
                    {"TimeGenerated":"2026-03-01T09:34:02.887Z","Source":"Microsoft-Windows-Sysmon",
                     "EventLog":"Microsoft-Windows-Sysmon/Operational","Computer":"Win11_SoC","EventLevel":4,
                     "EventID":3,"RenderedDescription":"Network connection detected:","Type":"Event",
                     "EventData":"<DataItem Type=\\"System.XmlData\\" time=\\"2026-03-01T09:34:02.8870742Z\\"><EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"Image\\">C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe</Data><Data Name=\\"DestinationIp\\">192.168.56.130</Data><Data Name=\\"DestinationPort\\">4444</Data><Data Name=\\"RuleName\\"></Data></EventData></DataItem>"}""",
                    "Channel",
                    "Microsoft-Windows-Sysmon/Operational",
                    "Provider_Name",
                    "Microsoft-Windows-Sysmon",
                    "Message",
                    "Network connection detected:",
                    "DestinationPort",
                    "4444"),
            // Log Analytics' WindowsEvent row (Azure Monitor agent): EventData as an object, Provider
            sample(
                    "Log Analytics WindowsEvent",
                    """
                    {"TimeGenerated":"2026-03-01T09:58:00.000Z","Channel":"Security","Computer":"WS01.corp.local","EventID":4625,
                     "Provider":"Microsoft-Windows-Security-Auditing","EventRecordId":"1234","Type":"WindowsEvent",
                     "EventData":{"TargetUserName":"svc_sql","TargetDomainName":"CORP","LogonType":"3","IpAddress":"10.1.2.3"}}""",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "TargetUserName",
                    "svc_sql"),
            // an Elastic document with the event only as its XML in event.original: the input of the
            // example of Elastic's decode_xml_wineventlog processor reference
            // (elastic.co/docs/reference/fleet/decode_xml_wineventlog-processor; PrivilegeList shortened)
            sample(
                    "Elastic event.original XML",
                    """
                    {"event":{"original":"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4672</EventID><Version>0</Version><Level>0</Level><Task>12548</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2021-03-23T09:56:13.137310000Z'/><EventRecordID>11303</EventRecordID><Correlation ActivityID='{ffb23523-1f32-0000-c335-b2ff321fd701}'/><Execution ProcessID='652' ThreadID='4660'/><Channel>Security</Channel><Computer>vagrant</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='SubjectUserName'>SYSTEM</Data><Data Name='SubjectDomainName'>NT AUTHORITY</Data><Data Name='SubjectLogonId'>0x3e7</Data><Data Name='PrivilegeList'>SeAssignPrimaryTokenPrivilege\\n\\t\\t\\tSeTcbPrivilege</Data></EventData></Event>"}}""",
                    "EventID",
                    "4672",
                    "Channel",
                    "Security",
                    "Computer",
                    "vagrant",
                    "Provider_Name",
                    "Microsoft-Windows-Security-Auditing",
                    "TimeCreated_SystemTime",
                    "2021-03-23T09:56:13.137310000Z",
                    "SubjectUserName",
                    "SYSTEM"),
            // near misses: no Windows event in any shape
            sample("OpenTelemetry-like without a channel", """
                    {"event_id": {"id": 4624}, "event_data": {"TargetUserName": "SYSTEM"}}"""),
            sample("Winlogbeat-6-like without a log name", """
                    {"event_id": 4625, "computer_name": "ws-01", "source_name": "x",
                     "event_data": {"TargetUserName": "svc_sql"}}"""),
            sample("Graylog-flattened without an event id", """
                    {"winlogbeat_winlog_channel": "Security", "winlogbeat_winlog_event_data_TargetUserName": "svc_sql"}"""),
            sample("a Source and a Provider column alone", """
                    {"Source": "Microsoft-Windows-Sysmon", "Provider": "Microsoft-Windows-Sysmon", "EventID": 3}"""),
            sample("EventData text that is no XML", """
                    {"EventID": 1000, "EventData": "not xml <x>"}"""),
            sample("an Elastic document whose original is no event XML", """
                    {"event": {"original": "<Events><System><EventID>4672</EventID></System></Events>",
                               "code": "4672"}}"""),
            sample("an Elastic document whose original XML is not well-formed", """
                    {"event": {"original": "<Event><System><EventID>4672</EventID></System>"}}"""));
}
