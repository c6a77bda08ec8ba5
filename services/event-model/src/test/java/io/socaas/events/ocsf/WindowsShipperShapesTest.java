package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Windows events in the shapes further shippers and stores write them, read by the Windows files as
 * the evtx dump, Winlogbeat and Wazuh shapes are: Elastic Agent's forwarded events without
 * {@code @timestamp}, the OpenTelemetry Collector's Windows event log receiver, Winlogbeat 6's
 * top-level names, Winlogbeat's fields as Graylog flattens them (with GELF's underscore too),
 * Fluentd's older Windows event log input, the rows of Log Analytics' {@code SecurityEvent},
 * {@code Event} and {@code WindowsEvent} tables, and an Elastic document with the event only as its
 * XML in {@code event.original}. Each shape also has a near miss that must not be
 * taken for a Windows event.
 */
class WindowsShipperShapesTest {

    private static void assertClass(JsonNode r, int classUid, int activityId) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as(r.toString()).isEqualTo(activityId);
    }

    private static void assertWindowsLog(JsonNode r, String logName) {
        assertThat(r.at("/metadata/log_name").asText()).as(r.toString()).isEqualTo(logName);
    }

    private static void assertSourceTime(JsonNode r, String time) {
        assertThat(r.get("time").asLong()).as(r.toString()).isEqualTo(MappedRecords.epochMillis(time));
        assertThat(r.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    private static void assertFailedNetworkLogon(JsonNode r, String host) {
        assertClass(r, 3002, 1);
        assertWindowsLog(r, "Security");
        assertThat(r.get("status_id").asInt()).as(r.toString()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("svc_sql");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(r.get("logon_type_id").asInt()).isEqualTo(3);
        assertThat(r.at("/device/hostname").asText()).isEqualTo(host);
    }

    @Test
    void anElasticAgentForwardedEventWithoutTimestampTakesTheTimeWindowsWroteIt() throws Exception {
        // elastic/integrations packages/windows/data_stream/forwarded/_dev/test/pipeline/test-security-4662.json
        JsonNode forwarded = json("""
                {"event":{"code":"4662","kind":"event","outcome":"success","provider":"Microsoft-Windows-Security-Auditing"},
                 "host":{"name":"DC01.contoso.local"},"log":{"level":"information"},
                 "winlog":{"channel":"Security","computer_name":"DC01.contoso.local",
                  "event_data":{"AccessMask":"0x10000","HandleId":"0x0","ObjectName":"%{38b3d2e6-9948-4dc1-ae90-1605d5eab9a2}",
                   "ObjectServer":"DS","SubjectDomainName":"CONTOSO","SubjectLogonId":"0x35867","SubjectUserName":"dadmin",
                   "SubjectUserSid":"S-1-5-21-3457937927-2839227994-823803824-1104"},
                  "event_id":"4662","keywords":["Audit Success"],"opcode":"Info","process":{"pid":520,"thread":{"id":600}},
                  "provider_guid":"{54849625-5478-4994-A5BA-3E3B0328C30D}","provider_name":"Microsoft-Windows-Security-Auditing",
                  "record_id":407230,"time_created":"2015-08-28T01:58:36.8949224Z"}}""");
        assertWindowsLog(forwarded, "Security");
        assertThat(forwarded.at("/actor/user/name").asText()).isEqualTo("dadmin");
        assertSourceTime(forwarded, "2015-08-28T01:58:36.8949224Z");

        // @timestamp, where Winlogbeat sets it, stays the event's time
        JsonNode stamped = json("""
                {"@timestamp":"2026-03-01T09:59:58.000Z","winlog":{"channel":"Security","event_id":"4662",
                 "computer_name":"DC01.contoso.local","time_created":"2026-03-01T09:59:57.000Z",
                 "event_data":{"SubjectUserName":"dadmin"}}}""");
        assertThat(stamped.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:59:58.000Z"));

        // without either, the record has the time it arrived
        JsonNode none = json("""
                {"winlog":{"channel":"Security","event_id":"4662","computer_name":"DC01.contoso.local",
                 "event_data":{"SubjectUserName":"dadmin"}}}""");
        assertThat(none.at("/metadata/labels").toString()).contains(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    @Test
    void theOpenTelemetryCollectorsWindowsEventLogBodyIsReadByItsOwnNames() throws Exception {
        // the body parseBody() writes (open-telemetry/opentelemetry-collector-contrib,
        // pkg/stanza/operator/input/windows/xml.go) for the collector's own test event
        // testdata/xmlRenderingInfoSecurity.xml: event_id.id, provider.name, channel, computer,
        // system_time (here on the day these tests receive it), the first line of the rendered
        // message, event_data by the data's names
        JsonNode otel = json("""
                {"event_id":{"qualifiers":0,"id":4624},
                 "provider":{"name":"Microsoft-Windows-Security-Auditing","guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}","event_source":""},
                 "system_time":"2026-03-01T09:52:09.5166341Z","computer":"computer","channel":"Security","record_id":1298116,
                 "level":"Information","message":"An account was successfully logged on.","task":"Logon","opcode":"Info",
                 "keywords":["Audit Success"],
                 "event_data":{"SubjectUserSid":"S-1-5-18","SubjectUserName":"TEST-COMPUTER$","SubjectDomainName":"WORKGROUP",
                  "SubjectLogonId":"0x3e7","TargetUserSid":"S-1-5-18","TargetUserName":"SYSTEM","TargetDomainName":"NT AUTHORITY",
                  "TargetLogonId":"0x3e7","LogonType":"5","LogonProcessName":"Advapi  ","AuthenticationPackageName":"Negotiate",
                  "WorkstationName":"-","ProcessId":"0x314","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe",
                  "IpAddress":"-","IpPort":"-"}}""");
        assertClass(otel, 3002, 1);
        assertWindowsLog(otel, "Security");
        assertThat(otel.get("status_id").asInt()).isEqualTo(1);
        assertThat(otel.at("/user/name").asText()).isEqualTo("SYSTEM");
        assertThat(otel.at("/actor/user/name").asText()).isEqualTo("TEST-COMPUTER$");
        assertThat(otel.get("logon_type_id").asInt()).isEqualTo(5);
        assertThat(otel.at("/device/hostname").asText()).isEqualTo("computer");
        assertThat(otel.get("message").asText()).isEqualTo("An account was successfully logged on.");
        assertSourceTime(otel, "2026-03-01T09:52:09.5166341Z");

        // event_data_format "array" (the collector's earlier form): a data list of one-name objects
        JsonNode array = json("""
                {"event_id":{"qualifiers":0,"id":4624},"provider":{"name":"Microsoft-Windows-Security-Auditing"},
                 "system_time":"2026-03-01T09:52:09.5166341Z","computer":"computer","channel":"Security",
                 "event_data":{"data":[{"SubjectUserName":"TEST-COMPUTER$"},{"TargetUserName":"SYSTEM"},{"LogonType":"5"}]}}""");
        assertClass(array, 3002, 1);
        assertThat(array.at("/user/name").asText()).isEqualTo("SYSTEM");
        assertThat(array.at("/actor/user/name").asText()).isEqualTo("TEST-COMPUTER$");
        assertThat(array.get("logon_type_id").asInt()).isEqualTo(5);

        // user_data: its name and its data (the collector's test of a cleared Security log, 1102)
        JsonNode cleared = json("""
                {"event_id":{"qualifiers":0,"id":1102},"provider":{"name":"Microsoft-Windows-Eventlog"},
                 "system_time":"2026-03-01T09:52:09.5166341Z","computer":"computer","channel":"Security",
                 "user_data":{"name":"LogFileCleared","data":{"SubjectUserName":"test_user","SubjectLogonId":"0xa8bb72"}}}""");
        assertClass(cleared, 1008, cleared.get("activity_id").asInt());
        assertThat(cleared.at("/actor/user/name").asText())
                .as(cleared.toString())
                .isEqualTo("test_user");

        // an event id object without a channel is no Windows event body
        JsonNode other = json("""
                {"event_id":{"id":4624},"computer":"computer","message":"An account was successfully logged on."}""");
        assertThat(other.get("class_uid").asInt()).as(other.toString()).isNotEqualTo(3002);
        assertThat(other.at("/metadata/log_name").asText()).isNotEqualTo("Security");
    }

    @Test
    void winlogbeatSixsTopLevelNamesAreReadAsTheWindowsEvent() throws Exception {
        // the names of Winlogbeat 6's event log record (Elastic's Winlogbeat 6.3 field reference:
        // computer_name, event_data, event_id, log_name, record_number, source_name, message)
        JsonNode six = json("""
                {"@timestamp":"2026-03-01T09:58:00.000Z","beat":{"name":"WS01","hostname":"WS01","version":"6.3.0"},
                 "computer_name":"WS01.corp.local","event_id":4625,"level":"Information","log_name":"Security",
                 "message":"An account failed to log on.","record_number":"1234","source_name":"Microsoft-Windows-Security-Auditing",
                 "type":"wineventlog",
                 "event_data":{"TargetUserName":"svc_sql","TargetDomainName":"CORP","LogonType":"3","IpAddress":"10.1.2.3",
                  "IpPort":"51515","Status":"0xc000006d","SubStatus":"0xc000006a"}}""");
        assertFailedNetworkLogon(six, "WS01.corp.local");
        assertThat(six.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:58:00.000Z"));

        // an event id and a computer name alone (other products name fields so) are no Windows event
        JsonNode other = json("""
                {"event_id":4625,"computer_name":"WS01.corp.local","event_data":{"TargetUserName":"svc_sql"}}""");
        assertThat(other.get("class_uid").asInt()).as(other.toString()).isNotEqualTo(3002);
        assertThat(other.at("/metadata/log_name").asText()).isNotEqualTo("Security");
    }

    @Test
    void winlogbeatEventsAsGraylogFlattensThemAreReadInEveryPrefix() throws Exception {
        // Graylog's Beats input flattens Winlogbeat's fields under the beat's name
        // (winlogbeat_winlog_event_data_TargetUserName, winlogbeat_winlog_event_id,
        // winlogbeat_winlog_channel, winlogbeat_winlog_computer_name: the names Graylog users'
        // searches and pipeline rules name)
        JsonNode beats = json("""
                {"timestamp":"2026-03-01 09:58:00.000","source":"WS01","message":"An account failed to log on.",
                 "winlogbeat_winlog_event_id":"4625","winlogbeat_winlog_channel":"Security",
                 "winlogbeat_winlog_computer_name":"WS01.corp.local",
                 "winlogbeat_winlog_provider_name":"Microsoft-Windows-Security-Auditing","winlogbeat_event_code":"4625",
                 "winlogbeat_winlog_event_data_TargetUserName":"svc_sql","winlogbeat_winlog_event_data_TargetDomainName":"CORP",
                 "winlogbeat_winlog_event_data_LogonType":"3","winlogbeat_winlog_event_data_IpAddress":"10.1.2.3",
                 "winlogbeat_winlog_event_data_IpPort":"51515","winlogbeat_winlog_event_data_Status":"0xc000006d",
                 "winlogbeat_winlog_event_data_SubStatus":"0xc000006a"}""");
        assertFailedNetworkLogon(beats, "WS01.corp.local");
        assertThat(beats.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:58:00Z"));

        // the same through Graylog's GELF output: each additional field with GELF's underscore
        JsonNode gelf = json("""
                {"version":"1.1","host":"WS01","short_message":"An account failed to log on.","timestamp":1772359080.0,
                 "_winlogbeat_winlog_event_id":"4625","_winlogbeat_winlog_channel":"Security",
                 "_winlogbeat_winlog_computer_name":"WS01.corp.local","_winlogbeat_winlog_event_data_TargetUserName":"svc_sql",
                 "_winlogbeat_winlog_event_data_LogonType":"3","_winlogbeat_winlog_event_data_IpAddress":"10.1.2.3",
                 "_winlogbeat_winlog_event_data_Status":"0xc000006d","_winlogbeat_winlog_event_data_SubStatus":"0xc000006a"}""");
        assertFailedNetworkLogon(gelf, "WS01.corp.local");

        // a Beats input without the beat's name in front, and Winlogbeat 6 (no winlog object)
        JsonNode unprefixed = json("""
                {"source":"WS01","winlog_event_id":"4625","winlog_channel":"Security","winlog_computer_name":"WS01.corp.local",
                 "winlog_event_data_TargetUserName":"svc_sql","winlog_event_data_LogonType":"3",
                 "winlog_event_data_IpAddress":"10.1.2.3","winlog_event_data_Status":"0xc000006d",
                 "winlog_event_data_SubStatus":"0xc000006a"}""");
        assertFailedNetworkLogon(unprefixed, "WS01.corp.local");
        JsonNode six = json("""
                {"source":"WS01","winlogbeat_event_id":"4625","winlogbeat_log_name":"Security",
                 "winlogbeat_computer_name":"WS01.corp.local","winlogbeat_event_data_TargetUserName":"svc_sql",
                 "winlogbeat_event_data_LogonType":"3","winlogbeat_event_data_IpAddress":"10.1.2.3",
                 "winlogbeat_event_data_Status":"0xc000006d","winlogbeat_event_data_SubStatus":"0xc000006a"}""");
        assertFailedNetworkLogon(six, "WS01.corp.local");

        // Winlogbeat's own fields without an event id (its monitoring, a beat's metadata) are no event
        JsonNode beatOnly = json("""
                {"source":"WS01","winlogbeat_winlog_channel":"Security","winlogbeat_winlog_event_data_TargetUserName":"svc_sql",
                 "message":"winlogbeat started"}""");
        assertThat(beatOnly.get("class_uid").asInt()).as(beatOnly.toString()).isNotEqualTo(3002);
        assertThat(beatOnly.at("/metadata/log_name").asText()).isNotEqualTo("Security");
    }

    @Test
    void fluentdsOlderWindowsEventLogInputIsReadByItsLowerCaseNames() throws Exception {
        // fluent/fluent-plugin-windows-eventlog README, in_windows_eventlog: the string inserts have
        // no names, so the data is read back from the rendered message
        JsonNode fluentd = json("""
                {"channel":"security","record_number":"91698","time_generated":"2026-03-01 09:12:29 +0000",
                 "time_written":"2026-03-01 09:12:29 +0000","event_id":"4798","event_type":"audit_success",
                 "event_category":"13824","source_name":"Microsoft-Windows-Security-Auditing","computer_name":"TEST","user":"",
                 "description":"A user's local group membership was enumerated.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-XXX\\r\\n",
                 "string_inserts":["Administrator","TEST","S-XXX-YYY-ZZZ","S-XXX","TEST$","WORKGROUP","0x3e7","0x7dc",
                  "C:\\\\Windows\\\\System32\\\\LogonUI.exe"]}""");
        JsonNode flat = json("""
                {"Channel":"Security","EventID":4798,"Hostname":"TEST","EventTime":"2026-03-01 09:12:29",
                 "Message":"A user's local group membership was enumerated."}""");
        assertClass(
                fluentd, flat.get("class_uid").asInt(), flat.get("activity_id").asInt());
        assertWindowsLog(fluentd, "Security");
        assertThat(fluentd.at("/device/hostname").asText()).isEqualTo("TEST");
        assertThat(fluentd.get("message").asText()).startsWith("A user's local group membership was enumerated.");
        assertThat(fluentd.at("/actor/user/uid").asText()).isEqualTo("S-XXX");
        assertThat(fluentd.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:12:29Z"));
    }

    @Test
    void dataSentWithoutItsNamesIsReadBackFromTheRenderedMessage() throws Exception {
        // Fluent Bit's winevtlog input: the fields of its records as its own output shows them
        // (fluent/fluent-bit pull request 12082), the data as StringInserts without names; the
        // message is Windows' rendering of the OpenTelemetry Collector's test event
        // (testdata/xmlRenderingInfoSecurity.xml)
        String message =
                "An account was successfully logged on.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n"
                        + "\\tAccount Name:\\t\\tTEST-COMPUTER$\\r\\n\\tAccount Domain:\\t\\tWORKGROUP\\r\\n\\tLogon ID:\\t\\t0x3E7\\r\\n"
                        + "\\r\\nLogon Information:\\r\\n\\tLogon Type:\\t\\t5\\r\\n\\r\\nNew Logon:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n"
                        + "\\tAccount Name:\\t\\tSYSTEM\\r\\n\\tAccount Domain:\\t\\tNT AUTHORITY\\r\\n\\tLogon ID:\\t\\t0x3E7\\r\\n"
                        + "\\r\\nProcess Information:\\r\\n\\tProcess ID:\\t\\t0x314\\r\\n"
                        + "\\tProcess Name:\\t\\tC:\\\\Windows\\\\System32\\\\services.exe\\r\\n";
        JsonNode fluentBit = json("""
                {"ProviderName":"Microsoft-Windows-Security-Auditing","ProviderGuid":"{54849625-5478-4994-A5BA-3E3B0328C30D}",
                 "Qualifiers":0,"EventID":4624,"Version":3,"Level":0,"Task":12544,"Opcode":0,"Keywords":"0x8020000000000000",
                 "TimeCreated":"2026-03-01 09:52:09 +0000","EventRecordID":1298116,"ActivityID":"","RelatedActivityID":"",
                 "ProcessID":808,"ThreadID":5460,"Channel":"Security","Computer":"computer","UserID":"","Message":"%s",
                 "StringInserts":["S-1-5-18","TEST-COMPUTER$","WORKGROUP","0x3e7","S-1-5-18","SYSTEM","NT AUTHORITY",
                  "0x3e7","5","Advapi  ","Negotiate","-"]}""".formatted(message));
        assertClass(fluentBit, 3002, 1);
        assertThat(fluentBit.at("/user/name").asText()).as(fluentBit.toString()).isEqualTo("SYSTEM");
        assertThat(fluentBit.at("/actor/user/name").asText()).isEqualTo("TEST-COMPUTER$");
        assertThat(fluentBit.get("logon_type_id").asInt()).isEqualTo(5);
        assertSourceTime(fluentBit, "2026-03-01T09:52:09Z");

        // Fluentd's in_windows_eventlog2 (fluent/fluent-plugin-windows-eventlog README): the rendered
        // message as Description, the data as EventData without names
        JsonNode fluentd = json("""
                {"ProviderName":"Microsoft-Windows-Security-Auditing","ProviderGUID":"{D441060A-9695-472B-90BC-24DCA9D503A4}",
                 "EventID":"4798","Qualifiers":"","Level":"0","Task":"13824","Opcode":"0","Keywords":"0x8020000000000000",
                 "TimeCreated":"2019-06-19T03:10:01.982940200Z","EventRecordID":"87028","ActivityID":"",
                 "RelatedActivityID":"{2599DE71-2F70-44AD-9DC8-C5FF2AE8D1EF}","ThreadID":"16888","Channel":"Security",
                 "Computer":"DESKTOP-TEST","UserID":"","Version":"0",
                 "Description":"A user's local group membership was enumerated.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-X-Y-Z\\r\\n\\tAccount Name:\\t\\tDESKTOP-TEST$\\r\\n\\tAccount Domain:\\t\\tWORKGROUP\\r\\n\\tLogon ID:\\t\\t0x3e7\\r\\n\\r\\nUser:\\r\\n\\tSecurity ID:\\t\\tS-XXX-YYY-ZZZ0\\r\\n\\tAccount Name:\\t\\tAdministrator\\r\\n\\tAccount Domain:\\t\\tDESKTOP-TEST\\r\\n\\r\\nProcess Information:\\r\\n\\tProcess ID:\\t\\t0xbac\\r\\n\\tProcess Name:\\t\\tC:\\\\Windows\\\\System32\\\\svchost.exe\\r\\n",
                 "EventData":["Administrator","DESKTOP-TEST","S-XXX-YYY-ZZZ","S-X-Y-Z","DESKTOP-TEST$","WORKGROUP","0x3e7","0xbac",
                  "C:\\\\Windows\\\\System32\\\\svchost.exe"]}""");
        assertWindowsLog(fluentd, "Security");
        assertThat(fluentd.at("/actor/user/name").asText())
                .as(fluentd.toString())
                .isEqualTo("DESKTOP-TEST$");
        assertThat(fluentd.get("message").asText()).startsWith("A user's local group membership was enumerated.");
        assertSourceTime(fluentd, "2019-06-19T03:10:01.982940200Z");

        // a record whose data has its names keeps them: the message is not read over them
        JsonNode named = json("""
                {"Channel":"Security","EventID":4624,"Hostname":"computer","EventTime":"2026-03-01 09:52:09",
                 "TargetUserName":"alice","SubjectUserName":"WS01$","LogonType":"3","Message":"%s"}""".formatted(message));
        assertThat(named.at("/user/name").asText()).isEqualTo("alice");
        assertThat(named.at("/actor/user/name").asText()).isEqualTo("WS01$");
        assertThat(named.get("logon_type_id").asInt()).isEqualTo(3);
    }

    @Test
    void logAnalyticsRowsOfTheSecurityEventEventAndWindowsEventTablesAreReadWithTheirTimeAndData() throws Exception {
        // SecurityEvent (the Security Events connectors): the data's names as columns, the time as
        // TimeGenerated, the data also as EventData's XML text
        JsonNode security = json("""
                {"TimeGenerated":"2026-03-01T09:50:00.000Z","Computer":"VM-WIN10-01.contoso.com","EventID":4688,
                 "Activity":"4688 - A new process has been created.","Channel":"Security",
                 "EventSourceName":"Microsoft-Windows-Security-Auditing","Account":"CONTOSO\\\\alice","AccountType":"User",
                 "SubjectUserName":"alice","SubjectDomainName":"CONTOSO","SubjectUserSid":"S-1-5-21-1-2-3-1104",
                 "NewProcessName":"C:\\\\Windows\\\\System32\\\\cmd.exe","Process":"cmd.exe","Type":"SecurityEvent",
                 "EventData":"<EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"SubjectUserName\\">alice</Data><Data Name=\\"NewProcessName\\">C:\\\\Windows\\\\System32\\\\cmd.exe</Data><Data Name=\\"CommandLine\\">cmd.exe /c whoami</Data><Data Name=\\"ParentProcessName\\">C:\\\\Windows\\\\explorer.exe</Data></EventData>"}""");
        assertClass(security, 1007, 1);
        assertThat(security.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        // the command line only the XML text holds
        assertThat(security.at("/process/cmd_line").asText()).isEqualTo("cmd.exe /c whoami");
        assertThat(security.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(security.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:50:00Z"));

        // Event (Windows event logs by the Log Analytics agent): the channel as EventLog, the data in
        // the agent's DataItem; the EventData text is a Sysmon network connection as a Microsoft
        // Sentinel query showed it (a public lab write-up)
        JsonNode event = json("""
                {"TimeGenerated":"2026-03-01T09:34:02.887Z","Source":"Microsoft-Windows-Sysmon",
                 "EventLog":"Microsoft-Windows-Sysmon/Operational","Computer":"Win11_SoC","EventLevel":4,
                 "EventLevelName":"Information","EventID":3,"UserName":"NT AUTHORITY\\\\SYSTEM",
                 "RenderedDescription":"Network connection detected:","Type":"Event",
                 "EventData":"<DataItem Type=\\"System.XmlData\\" time=\\"2026-03-01T09:34:02.8870742Z\\" sourceHealthServiceId=\\"1cc3bd45-c9c2-4588-8db8-f6295de382d4\\"><EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"RuleName\\">-</Data><Data Name=\\"UtcTime\\">2026-03-01 09:34:01.113</Data><Data Name=\\"ProcessGuid\\">{22d8bf06-7f61-6a31-b302-000000001500}</Data><Data Name=\\"ProcessId\\">9948</Data><Data Name=\\"Image\\">C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe</Data><Data Name=\\"User\\">Win11_SoC\\\\6543s</Data><Data Name=\\"Protocol\\">tcp</Data><Data Name=\\"Initiated\\">true</Data><Data Name=\\"SourceIsIpv6\\">false</Data><Data Name=\\"SourceIp\\">192.168.56.131</Data><Data Name=\\"SourceHostname\\">Win11_SoC</Data><Data Name=\\"SourcePort\\">64134</Data><Data Name=\\"SourcePortName\\">-</Data><Data Name=\\"DestinationIsIpv6\\">false</Data><Data Name=\\"DestinationIp\\">192.168.56.130</Data><Data Name=\\"DestinationHostname\\">-</Data><Data Name=\\"DestinationPort\\">4444</Data><Data Name=\\"DestinationPortName\\">-</Data></EventData></DataItem>"}""");
        assertClass(event, 4001, event.get("activity_id").asInt());
        assertWindowsLog(event, "Microsoft-Windows-Sysmon/Operational");
        assertThat(event.at("/src_endpoint/ip").asText()).as(event.toString()).isEqualTo("192.168.56.131");
        assertThat(event.at("/dst_endpoint/ip").asText()).isEqualTo("192.168.56.130");
        assertThat(event.at("/dst_endpoint/port").asInt()).isEqualTo(4444);
        assertThat(event.at("/actor/process/file/path").asText())
                .isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        assertThat(event.get("message").asText()).isEqualTo("Network connection detected:");
        assertThat(event.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:34:01.113Z"));

        // WindowsEvent (the Azure Monitor agent): the data as an object
        JsonNode windowsEvent = json("""
                {"TimeGenerated":"2026-03-01T09:58:00.000Z","Channel":"Security","Computer":"WS01.corp.local","EventID":4625,
                 "Provider":"Microsoft-Windows-Security-Auditing","EventRecordId":"1234","Type":"WindowsEvent",
                 "EventData":{"TargetUserName":"svc_sql","TargetDomainName":"CORP","LogonType":"3","IpAddress":"10.1.2.3",
                  "IpPort":"51515","Status":"0xc000006d","SubStatus":"0xc000006a"}}""");
        assertFailedNetworkLogon(windowsEvent, "WS01.corp.local");
        assertThat(windowsEvent.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:58:00Z"));

        // an EventData text that is no XML reads no data, and takes nothing from the row
        JsonNode text = json("""
                {"TimeGenerated":"2026-03-01T09:58:00.000Z","EventLog":"Application","Source":"MyApp","EventID":1000,
                 "Computer":"WS01.corp.local","EventData":"<not xml","RenderedDescription":"It failed."}""");
        assertWindowsLog(text, "Application");
        assertThat(text.at("/unmapped/EventData").asText()).isEqualTo("<not xml");
    }

    @Test
    void anElasticDocumentHoldingTheEventOnlyAsXmlInEventOriginalIsReadAsTheEvent() throws Exception {
        // the input of the example of Elastic's decode_xml_wineventlog processor reference
        // (elastic.co/docs/reference/fleet/decode_xml_wineventlog-processor; PrivilegeList shortened)
        String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>"
                + "<EventID>4672</EventID><Version>0</Version><Level>0</Level><Task>12548</Task><Opcode>0</Opcode>"
                + "<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2021-03-23T09:56:13.137310000Z'/>"
                + "<EventRecordID>11303</EventRecordID><Correlation ActivityID='{ffb23523-1f32-0000-c335-b2ff321fd701}'/>"
                + "<Execution ProcessID='652' ThreadID='4660'/><Channel>Security</Channel><Computer>vagrant</Computer>"
                + "<Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data>"
                + "<Data Name='SubjectUserName'>SYSTEM</Data><Data Name='SubjectDomainName'>NT AUTHORITY</Data>"
                + "<Data Name='SubjectLogonId'>0x3e7</Data>"
                + "<Data Name='PrivilegeList'>SeAssignPrimaryTokenPrivilege\\n\\t\\t\\tSeTcbPrivilege</Data></EventData></Event>";
        JsonNode original = json("""
                {"event":{"original":"%s"}}""".formatted(xml));
        assertClass(original, 3003, 1);
        assertWindowsLog(original, "Security");
        assertThat(original.at("/user/name").asText()).as(original.toString()).isEqualTo("SYSTEM");
        assertThat(original.at("/device/hostname").asText()).isEqualTo("vagrant");

        // beside Winlogbeat's own fields the XML is not read: winlog is the event
        JsonNode both = json("""
                {"event":{"original":"%s"},"winlog":{"channel":"Security","event_id":"4672","computer_name":"ws-02",
                 "event_data":{"SubjectUserName":"alice","SubjectUserSid":"S-1-5-21-1-2-3-1104"}}}""".formatted(xml));
        assertThat(both.at("/device/hostname").asText()).as(both.toString()).isEqualTo("ws-02");
        assertThat(both.at("/user/name").asText()).isEqualTo("alice");

        // an original that is no Windows event's XML is no Windows event
        JsonNode other = json("""
                {"event":{"original":"<Events><System><EventID>4672</EventID><Channel>Security</Channel></System></Events>"}}""");
        assertThat(other.get("class_uid").asInt()).as(other.toString()).isNotEqualTo(3003);
        assertThat(other.at("/metadata/log_name").asText()).isNotEqualTo("Security");
    }
}
