package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sigma's Windows names read in the shapes of further shippers and stores, as event-model reads them:
 * the OpenTelemetry Collector's Windows event log body, Winlogbeat 6's top-level names, Winlogbeat's
 * fields as Graylog flattens them, Log Analytics' Event and WindowsEvent rows, and Fluent Bit's and
 * Fluentd's data without names, read back from the rendered message. A near miss of each shape reads
 * nothing.
 */
class ShipperShapeFieldResolutionTest {

    @Test
    void readsTheOpenTelemetryCollectorsWindowsEventLogBody() {
        SigmaEvent otel = event("""
                {"event_id": {"qualifiers": 0, "id": 4624}, "channel": "Security", "computer": "ws-01",
                 "provider": {"name": "Microsoft-Windows-Security-Auditing"}, "record_id": 1298116,
                 "event_data": {"TargetUserName": "SYSTEM", "LogonType": "5"}}""");
        assertThat(otel.field("Channel").value()).isEqualTo("Security");
        assertThat(otel.field("EventID").value()).isEqualTo(4624);
        assertThat(otel.field("Computer").value()).isEqualTo("ws-01");
        assertThat(otel.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(otel.field("TargetUserName").value()).isEqualTo("SYSTEM");

        // event_data_format "array": a data list of one-name objects; user_data's data an object
        SigmaEvent array = event("""
                {"event_id": {"id": 1102}, "channel": "Security",
                 "event_data": {"data": [{"SubjectUserName": "alice"}, {"TargetUserName": "SYSTEM"}]},
                 "user_data": {"name": "LogFileCleared", "data": {"SubjectLogonId": "0xa8bb72"}}}""");
        assertThat(array.field("TargetUserName").value()).isEqualTo("SYSTEM");
        assertThat(array.field("SubjectLogonId").value()).isEqualTo("0xa8bb72");

        SigmaEvent noChannel = event("""
                {"event_id": {"id": 4624}, "event_data": {"TargetUserName": "SYSTEM"}}""");
        assertThat(noChannel.field("EventID").present()).isFalse();
        assertThat(noChannel.field("TargetUserName").present()).isFalse();
    }

    @Test
    void readsWinlogbeatSixsTopLevelNames() {
        SigmaEvent six = event("""
                {"event_id": 4625, "log_name": "Security", "computer_name": "ws-01",
                 "source_name": "Microsoft-Windows-Security-Auditing", "event_data": {"TargetUserName": "svc_sql"}}""");
        assertThat(six.field("Channel").value()).isEqualTo("Security");
        assertThat(six.field("EventID").value()).isEqualTo(4625);
        assertThat(six.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(six.field("TargetUserName").value()).isEqualTo("svc_sql");

        SigmaEvent other = event("""
                {"event_id": 4625, "computer_name": "ws-01", "event_data": {"TargetUserName": "svc_sql"}}""");
        assertThat(other.field("Channel").present()).isFalse();
        assertThat(other.field("TargetUserName").present()).isFalse();
    }

    @Test
    void readsWinlogbeatsFieldsAsGraylogFlattensThem() {
        SigmaEvent beats = event("""
                {"winlogbeat_winlog_event_id": "4625", "winlogbeat_winlog_channel": "Security",
                 "winlogbeat_winlog_computer_name": "ws-01", "winlogbeat_winlog_event_data_TargetUserName": "svc_sql"}""");
        assertThat(beats.field("Channel").value()).isEqualTo("Security");
        assertThat(beats.field("EventID").value()).isEqualTo("4625");
        assertThat(beats.field("Computer").value()).isEqualTo("ws-01");
        assertThat(beats.field("TargetUserName").value()).isEqualTo("svc_sql");

        SigmaEvent gelf = event("""
                {"_winlogbeat_winlog_event_id": "4625", "_winlogbeat_winlog_channel": "Security",
                 "_winlogbeat_winlog_event_data_TargetUserName": "svc_sql"}""");
        assertThat(gelf.field("Channel").value()).isEqualTo("Security");
        assertThat(gelf.field("TargetUserName").value()).isEqualTo("svc_sql");

        SigmaEvent six = event("""
                {"winlogbeat_event_id": "4625", "winlogbeat_log_name": "Security",
                 "winlogbeat_event_data_TargetUserName": "svc_sql"}""");
        assertThat(six.field("Channel").value()).isEqualTo("Security");
        assertThat(six.field("TargetUserName").value()).isEqualTo("svc_sql");

        // an event's UserData section, flattened the same way (Security 1102's log cleared), as event-model reads it
        SigmaEvent cleared = event("""
                {"winlogbeat_winlog_event_id": "1102", "winlogbeat_winlog_channel": "Security",
                 "winlogbeat_winlog_user_data_SubjectUserName": "alice"}""");
        assertThat(cleared.field("SubjectUserName").value()).isEqualTo("alice");

        // without an event id the names are not taken for a Windows event's
        SigmaEvent beatOnly = event("""
                {"winlogbeat_winlog_channel": "Security", "winlogbeat_winlog_event_data_TargetUserName": "svc_sql"}""");
        assertThat(beatOnly.field("Channel").present()).isFalse();
        assertThat(beatOnly.field("TargetUserName").present()).isFalse();
    }

    @Test
    void readsLogAnalyticsEventAndWindowsEventRows() {
        SigmaEvent row = event("""
                {"EventLog": "Microsoft-Windows-Sysmon/Operational", "Source": "Microsoft-Windows-Sysmon", "EventID": 3}""");
        assertThat(row.field("Channel").value()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(row.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Sysmon");

        SigmaEvent windowsEvent = event("""
                {"Channel": "Security", "EventID": 4625, "EventData": {"TargetUserName": "svc_sql"}}""");
        assertThat(windowsEvent.field("TargetUserName").value()).isEqualTo("svc_sql");

        // an Event row's data in the agent's DataItem XML text, a SecurityEvent row's in its EventData XML text
        SigmaEvent sysmon = event("""
                {"EventLog": "Microsoft-Windows-Sysmon/Operational", "EventID": 3,
                 "EventData": "<DataItem Type=\\"System.XmlData\\" time=\\"2026-06-16T17:34:02.8870742Z\\"><EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"Image\\">C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe</Data><Data Name=\\"DestinationPort\\">4444</Data><Data Name=\\"RuleName\\"></Data></EventData></DataItem>"}""");
        assertThat(sysmon.field("Image").value())
                .isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        assertThat(sysmon.field("DestinationPort").value()).isEqualTo("4444");
        SigmaEvent security = event("""
                {"Channel": "Security", "EventID": 4688,
                 "EventData": "<EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"CommandLine\\">cmd.exe /c whoami</Data></EventData>"}""");
        assertThat(security.field("CommandLine").value()).isEqualTo("cmd.exe /c whoami");
        // the XML text after a line break, as an export may write it: still the row's data
        SigmaEvent indented = event("""
                {"Channel": "Security", "EventID": 4688,
                 "EventData": "\\n  <EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"CommandLine\\">cmd.exe /c whoami</Data></EventData>"}""");
        assertThat(indented.field("CommandLine").value()).isEqualTo("cmd.exe /c whoami");
        SigmaEvent notXml = event("""
                {"EventLog": "Application", "EventID": 1000, "EventData": "<not xml"}""");
        assertThat(notXml.field("CommandLine").present()).isFalse();

        // WindowsEvent's provider column
        SigmaEvent provider = event("""
                {"Channel": "Security", "EventID": 4625, "Provider": "Microsoft-Windows-Security-Auditing",
                 "EventData": {"TargetUserName": "svc_sql"}}""");
        assertThat(provider.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Security-Auditing");

        // a Source column alone is not a provider (other tables name other things so)
        SigmaEvent other = event("""
                {"Source": "Microsoft-Windows-Sysmon", "EventID": 3}""");
        assertThat(other.field("Provider_Name").present()).isFalse();
        SigmaEvent providerOnly = event("""
                {"Provider": "Microsoft-Windows-Security-Auditing", "EventID": 4625}""");
        assertThat(providerOnly.field("Provider_Name").present()).isFalse();
    }

    @Test
    void readsDataSentWithoutItsNamesBackFromTheRenderedMessage() {
        // Fluent Bit's winevtlog input (fluent/fluent-bit pull request 12082): StringInserts without
        // names, the message as Windows rendered it (a Security 4624)
        SigmaEvent fluentBit = event("""
                {"ProviderName":"Microsoft-Windows-Security-Auditing","EventID":4624,"Channel":"Security",
                 "Computer":"computer","Message":"An account was successfully logged on.\\r\\n\\r\\nSubject:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n\\tAccount Name:\\t\\tTEST-COMPUTER$\\r\\n\\r\\nLogon Information:\\r\\n\\tLogon Type:\\t\\t5\\r\\n\\r\\nNew Logon:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n\\tAccount Name:\\t\\tSYSTEM\\r\\n",
                 "StringInserts":["S-1-5-18","TEST-COMPUTER$","WORKGROUP","0x3e7","S-1-5-18","SYSTEM"]}""");
        assertThat(fluentBit.field("TargetUserName").value()).isEqualTo("SYSTEM");
        assertThat(fluentBit.field("SubjectUserName").value()).isEqualTo("TEST-COMPUTER$");
        assertThat(fluentBit.field("LogonType").value()).isEqualTo("5");

        // the same message beside data with its names: nothing is read from the message
        SigmaEvent named = event("""
                {"EventID":4624,"Channel":"Security","TargetUserName":"alice",
                 "Message":"An account was successfully logged on.\\r\\n\\r\\nNew Logon:\\r\\n\\tSecurity ID:\\t\\tS-1-5-18\\r\\n\\tAccount Name:\\t\\tSYSTEM\\r\\n"}""");
        assertThat(named.field("TargetUserName").value()).isEqualTo("alice");
        assertThat(named.field("TargetUserSid").present()).isFalse();
    }
}
