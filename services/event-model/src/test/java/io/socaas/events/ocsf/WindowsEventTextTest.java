package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Windows events sent as text by Snare-format agents (Snare, NXLog's {@code to_syslog_snare()},
 * Epilog) and by OSSEC's and old Wazuh agents reach the classes the same events reach as XML or JSON:
 * the data fields are read back from the rendered message. Lines written after the formats'
 * documentation and Windows' own message texts; the OSSEC line is the corpus's (Wazuh's ruleset tests).
 */
public class WindowsEventTextTest {

    static final String FAILED_LOGON = "<13>Mar  1 09:00:00 DC01.corp.local MSWinEventLog\t1\tSecurity\t1234\t"
            + "Sun Mar 01 09:00:00 2026\t4625\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\t"
            + "DC01.corp.local\tLogon\t\tAn account failed to log on.    Subject:   Security ID:  S-1-0-0   Account"
            + " Name:  -   Account Domain:  -   Logon ID:  0x0    Logon Type:   3    Account For Which Logon Failed:"
            + "   Security ID:  S-1-0-0   Account Name:  administrator   Account Domain:  CORP    Failure Information:"
            + "   Failure Reason:  Unknown user name or bad password.   Status:   0xC000006D   Sub Status:  0xC000006A"
            + "    Process Information:   Caller Process ID: 0x0   Caller Process Name: -    Network Information:"
            + "   Workstation Name: KALI   Source Network Address: 203.0.113.7   Source Port:  0    Detailed"
            + " Authentication Information:   Logon Process:  NtLmSsp    Authentication Package: NTLM\t5678";

    static final String PROCESS_CREATED = "<14>Mar  1 09:00:01 WS01 MSWinEventLog\t1\tSecurity\t99\t"
            + "Sun Mar 01 09:00:01 2026\t4688\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tSuccess Audit\t"
            + "WS01.corp.local\tProcess Creation\t\tA new process has been created.    Creator Subject:   Security ID:"
            + "  S-1-5-21-1-2-3-1104   Account Name:  alice   Account Domain:  CORP   Logon ID:  0x3E7    Target"
            + " Subject:   Security ID:  S-1-0-0   Account Name:  -   Account Domain:  -   Logon ID:  0x0    Process"
            + " Information:   New Process ID:  0x1a2b   New Process Name: C:\\Windows\\System32\\cmd.exe   Token"
            + " Elevation Type: %%1936   Mandatory Label:  S-1-16-12288   Creator Process ID: 0x3c4   Creator Process"
            + " Name: C:\\Windows\\explorer.exe   Process Command Line: cmd.exe /c whoami /all\t12";

    static final String SYSMON_REGISTRY = "<14>Mar  1 09:00:03 WS01 MSWinEventLog#0111#011"
            + "Microsoft-Windows-Sysmon/Operational#011101#011Sun Mar 01 09:00:03 2026#01113#011Microsoft-Windows-Sysmon"
            + "#011SYSTEM#011User#011Information#011WS01.corp.local#011Registry value set (rule: RegistryEvent)#011#011"
            + "Registry value set:  RuleName: T1547  EventType: SetValue  UtcTime: 2026-03-01 09:00:03.456"
            + "  ProcessGuid: {1}  ProcessId: 4242  Image: C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe"
            + "  TargetObject: HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater"
            + "  Details: C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe  User: CORP\\alice#011201";

    @Test
    void aFailedLogonInSnareFormIsAFailedAuthenticationWithTheAccountAndTheClient() throws Exception {
        JsonNode r = line(FAILED_LOGON);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(r.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(r.at("/src_endpoint/hostname").asText()).isEqualTo("KALI");
        assertThat(r.get("logon_type_id").asInt()).isEqualTo(3);
        assertThat(r.at("/device/hostname").asText()).isEqualTo("DC01.corp.local");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00Z"));
        assertThat(r.at("/metadata/log_format").asText()).isEqualTo("snare");
        // the fields as the event's data names them, for rules and search
        JsonNode u = r.get("unmapped");
        assertThat(u.get("EventID").asText()).isEqualTo("4625");
        assertThat(u.get("Channel").asText()).isEqualTo("Security");
        assertThat(u.get("SubjectUserSid").asText()).isEqualTo("S-1-0-0");
        assertThat(u.get("Status").asText()).isEqualTo("0xC000006D");
        assertThat(u.get("SubStatus").asText()).isEqualTo("0xC000006A");
        assertThat(u.get("LogonProcessName").asText()).isEqualTo("NtLmSsp");
        assertThat(u.get("AuthenticationPackageName").asText()).isEqualTo("NTLM");
        assertThat(u.get("Message").asText()).startsWith("An account failed to log on.");
    }

    @Test
    void aProcessCreationInSnareFormIsProcessActivityWithBothProcessesAndTheCreator() throws Exception {
        JsonNode r = line(PROCESS_CREATED);
        assertThat(r.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(r.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(r.at("/process/cmd_line").asText()).isEqualTo("cmd.exe /c whoami /all");
        assertThat(r.at("/process/pid").asInt()).isEqualTo(0x1a2b);
        assertThat(r.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\explorer.exe");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(r.at("/actor/user/domain").asText()).isEqualTo("CORP");
        // the target subject's empty account is not taken for the creator
        assertThat(r.at("/unmapped/SubjectUserSid").asText()).isEqualTo("S-1-5-21-1-2-3-1104");
    }

    @Test
    void aSysmonEventThroughRsyslogKeepsItsOwnFieldsAndItsEventType() throws Exception {
        // rsyslog writes a tab as #011 unless told otherwise
        JsonNode r = line(SYSMON_REGISTRY);
        assertThat(r.get("class_uid").asInt()).isEqualTo(201002); // Registry Value Activity
        JsonNode u = r.get("unmapped");
        assertThat(u.get("TargetObject").asText())
                .isEqualTo("HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater");
        assertThat(u.get("Details").asText()).isEqualTo("C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe");
        assertThat(u.get("Image").asText()).isEqualTo("C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe");
        assertThat(u.get("RuleName").asText()).isEqualTo("T1547");
        // Sysmon's EventType, which Sigma's registry categories read, wins over Snare's audit type
        assertThat(u.get("EventType").asText()).isEqualTo("SetValue");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:03.456Z"));
    }

    @Test
    void snareWithoutSyslogHeaderAndShortRecordsAreRead() throws Exception {
        // Snare's own UDP form: the computer's name, then the record
        JsonNode bare = line("DC01\tMSWinEventLog\t1\tSecurity\t7\tSun Mar 01 09:00:00 2026\t4624"
                + "\tMicrosoft-Windows-Security-Auditing\tCORP\\alice\tUser\tSuccess Audit\tDC01\tLogon\t\tAn account"
                + " was successfully logged on.    Logon Information:   Logon Type:  10    New Logon:   Security ID:"
                + "  S-1-5-21-1-2-3-1104   Account Name:  alice   Account Domain:  CORP   Logon ID:  0x5F5E1"
                + "    Network Information:   Workstation Name: LAPTOP7   Source Network Address: 10.0.0.7   Source"
                + " Port:  51515");
        assertThat(bare.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(bare.get("status_id").asInt()).isEqualTo(1);
        assertThat(bare.at("/user/name").asText()).isEqualTo("alice");
        assertThat(bare.get("logon_type_id").asInt()).isEqualTo(10);
        assertThat(bare.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.7");
        assertThat(bare.at("/src_endpoint/port").asInt()).isEqualTo(51515);
        assertThat(bare.at("/unmapped/AccountName").asText()).isEqualTo("CORP\\alice");
        // a record cut short keeps what it has
        JsonNode cut = line("<13>Mar  1 09:00:00 DC01 MSWinEventLog\t1\tSystem\t8\tSun Mar 01 09:00:00 2026\t7036");
        assertThat(cut.at("/unmapped/Channel").asText()).isEqualTo("System");
        assertThat(cut.at("/unmapped/EventID").asText()).isEqualTo("7036");
    }

    @Test
    void ossecEventLogLinesAreWindowsEventsOfTheirChannel() throws Exception {
        // corpus (Wazuh's ruleset tests, decoder "windows")
        JsonNode sysmon = line("2014 Dec 20 09:29:47 WinEvtLog: Microsoft-Windows-Sysmon/Operational: INFORMATION(1):"
                + " Microsoft-Windows-Sysmon: SYSTEM: NT AUTHORITY: WIN-U93G48C7BOP: Process Create:  UtcTime:"
                + " 12/20/2014 2:29 PM  ProcessGuid: {00000000-87DB-5495-0000-001045F25A00}  ProcessId: 3048"
                + "  Image: C:\\Windows\\system32\\svchost.exe  CommandLine: C:\\Windows\\system32\\svchost.exe -k"
                + " defragsvc  User: NT AUTHORITY\\SYSTEM  ParentImage: C:\\Windows\\System32\\services.exe");
        assertThat(sysmon.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(sysmon.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\system32\\svchost.exe");
        assertThat(sysmon.at("/process/cmd_line").asText())
                .isEqualTo("C:\\Windows\\system32\\svchost.exe -k defragsvc");
        assertThat(sysmon.at("/process/pid").asInt()).isEqualTo(3048);
        assertThat(sysmon.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\services.exe");
        assertThat(sysmon.at("/device/hostname").asText()).isEqualTo("WIN-U93G48C7BOP");
        assertThat(sysmon.at("/metadata/log_format").asText()).isEqualTo("ossec");

        JsonNode app = line("2013 Oct 09 17:09:04 WinEvtLog: Application: INFORMATION(1): My Script: (no user): no"
                + " domain: demo1.foo.example.com: test");
        assertThat(app.at("/unmapped/Channel").asText()).isEqualTo("Application");
        assertThat(app.at("/unmapped/EventID").asText()).isEqualTo("1");
        assertThat(app.at("/unmapped/Computer").asText()).isEqualTo("demo1.foo.example.com");
        assertThat(app.at("/unmapped/AccountName").isMissingNode()).isTrue();
        assertThat(app.at("/metadata/product/name").asText()).isEqualTo("Windows");
    }

    @Test
    void textThatOnlyMentionsTheFormatsIsPlainText() throws Exception {
        JsonNode mention = line("<13>Mar  1 09:00:00 host app: forwarding MSWinEventLog records to the SIEM");
        assertThat(mention.at("/metadata/log_format").asText()).isEqualTo("text");
        assertThat(mention.at("/unmapped/Channel").isMissingNode()).isTrue();
        JsonNode ossec = line("<13>Mar  1 09:00:00 host app: WinEvtLog: is the OSSEC format");
        assertThat(ossec.at("/metadata/log_format").asText()).isEqualTo("text");
    }

    /** Splunk's classic Windows format: the date line, the system fields one per line, the message to the end. */
    public static final String SPLUNK_FAILED_LOGON = String.join(
            "\r\n",
            "03/01/2026 09:59:59 PM",
            "LogName=Security",
            "EventCode=4625",
            "EventType=0",
            "ComputerName=DC01.corp.local",
            "SourceName=Microsoft Windows security auditing.",
            "Type=Information",
            "RecordNumber=98765",
            "Keywords=Audit Failure",
            "TaskCategory=Logon",
            "OpCode=Info",
            "Message=An account failed to log on.",
            "",
            "Subject:",
            "\tSecurity ID:\t\tS-1-0-0",
            "\tAccount Name:\t\t-",
            "\tAccount Domain:\t\t-",
            "\tLogon ID:\t\t0x0",
            "",
            "Logon Type:\t\t\t3",
            "",
            "Account For Which Logon Failed:",
            "\tSecurity ID:\t\tS-1-0-0",
            "\tAccount Name:\t\tsvc_backup",
            "\tAccount Domain:\t\tCORP",
            "",
            "Failure Information:",
            "\tFailure Reason:\t\tUnknown user name or bad password.",
            "\tStatus:\t\t\t0xC000006D",
            "\tSub Status:\t\t0xC000006A",
            "",
            "Network Information:",
            "\tWorkstation Name:\tKALI",
            "\tSource Network Address:\t198.51.100.23",
            "\tSource Port:\t\t50123",
            "");

    public static final String SPLUNK_SYSMON_REGISTRY = String.join(
            "\n",
            "03/01/2026 14:15:07",
            "LogName=Microsoft-Windows-Sysmon/Operational",
            "EventCode=13",
            "EventType=4",
            "ComputerName=WS01.corp.local",
            "User=NOT_TRANSLATED",
            "Sid=S-1-5-18",
            "SidType=0",
            "SourceName=Microsoft-Windows-Sysmon",
            "Type=Information",
            "RecordNumber=4711",
            "Keywords=None",
            "TaskCategory=Registry value set (rule: RegistryEvent)",
            "OpCode=Info",
            "Message=Registry value set:",
            "RuleName: T1547",
            "EventType: SetValue",
            "UtcTime: 2026-03-01 14:15:07.123",
            "ProcessGuid: {11111111-2222-3333-4444-555555555555}",
            "ProcessId: 4242",
            "Image: C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe",
            "TargetObject: HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
            "Details: C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe",
            "User: CORP\\alice");

    @Test
    void aFailedLogonInSplunksClassicFormatIsAFailedAuthenticationInTheHostsLocalTime() throws Exception {
        JsonNode r = line(SPLUNK_FAILED_LOGON, java.time.ZoneId.of("Europe/Berlin"));
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("svc_backup");
        assertThat(r.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(50123);
        assertThat(r.get("logon_type_id").asInt()).isEqualTo(3);
        assertThat(r.at("/device/hostname").asText()).isEqualTo("DC01.corp.local");
        // 9:59:59 PM on the host, whose clock the source is configured with (Berlin, UTC+1 in March)
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T20:59:59Z"));
        assertThat(r.at("/metadata/log_format").asText()).isEqualTo("splunk-wineventlog");
        assertThat(r.at("/metadata/log_name").asText()).isEqualTo("Security");
        JsonNode u = r.get("unmapped");
        assertThat(u.get("EventID").asText()).isEqualTo("4625");
        assertThat(u.get("Status").asText()).isEqualTo("0xC000006D");
        assertThat(u.get("Keywords").asText()).isEqualTo("Audit Failure");
        assertThat(u.get("Message").asText())
                .startsWith("An account failed to log on.")
                .endsWith("50123");
    }

    @Test
    void aSysmonEventInSplunksClassicFormatKeepsSysmonsOwnEventType() throws Exception {
        JsonNode r = line(SPLUNK_SYSMON_REGISTRY);
        assertThat(r.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(r.at("/unmapped/EventType").asText())
                .as("the message's EventType, not the header's number")
                .isEqualTo("SetValue");
        assertThat(r.at("/unmapped/TargetObject").asText()).endsWith("\\Run\\Updater");
        assertThat(r.at("/unmapped/Image").asText()).isEqualTo("C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe");
        assertThat(r.get("time").asLong())
                .as("Sysmon's UtcTime over the header's local time")
                .isEqualTo(epochMillis("2026-03-01T14:15:07.123Z"));
        assertThat(r.at("/device/hostname").asText()).isEqualTo("WS01.corp.local");
    }

    @Test
    void keyValueTextThatIsNoSplunkWindowsEventIsNotTakenForOne() throws Exception {
        // on one line, or without the event code, it is some application's key=value text
        JsonNode oneLine = line("LogName=Security EventCode=4625 ComputerName=DC01 Message=An account failed");
        assertThat(oneLine.at("/metadata/log_format").asText()).isNotEqualTo("splunk-wineventlog");
        assertThat(oneLine.get("class_uid").asInt()).isNotEqualTo(3002);
        JsonNode noCode = line("03/01/2026 09:59:59 PM\nLogName=Security\nComputerName=DC01\nMessage=hello");
        assertThat(noCode.at("/metadata/log_format").asText()).isNotEqualTo("splunk-wineventlog");
    }

    @Test
    void aNetworkPolicyServerRefusalAsTextNamesTheUserTheClientAndTheAccessPoint() throws Exception {
        // NPS 6273 as Splunk's classic format carries it; Snare's line holds the same message flattened
        String message = String.join(
                "\n",
                "Message=Network Policy Server denied access to a user.",
                "",
                "Contact the Network Policy Server administrator for more information.",
                "",
                "User:",
                "\tSecurity ID:\t\t\tEXAMPLE\\erika",
                "\tAccount Name:\t\t\terika",
                "\tAccount Domain:\t\t\tEXAMPLE",
                "\tFully Qualified Account Name:\tEXAMPLE\\erika",
                "",
                "Client Machine:",
                "\tSecurity ID:\t\t\tNULL SID",
                "\tAccount Name:\t\t\t-",
                "\tFully Qualified Account Name:\t-",
                "\tCalled Station Identifier:\t\t02-00-00-00-00-05:Office",
                "\tCalling Station Identifier:\t\t02-00-00-00-00-77",
                "",
                "NAS:",
                "\tNAS IPv4 Address:\t\t192.0.2.5",
                "\tNAS IPv6 Address:\t\t-",
                "\tNAS Identifier:\t\t\tap-hall",
                "\tNAS Port-Type:\t\t\tWireless - IEEE 802.11",
                "\tNAS Port:\t\t\t1",
                "",
                "RADIUS Client:",
                "\tClient Friendly Name:\t\twlc01",
                "\tClient IP Address:\t\t\t192.0.2.5",
                "",
                "Authentication Details:",
                "\tConnection Request Policy Name:\tSecure Wireless Connections",
                "\tNetwork Policy Name:\t\t-",
                "\tAuthentication Provider:\t\tWindows",
                "\tAuthentication Server:\t\tnps01.example.com",
                "\tAuthentication Type:\t\tPEAP",
                "\tEAP Type:\t\t\tMicrosoft: Secured password (EAP-MSCHAP v2)",
                "\tAccount Session Identifier:\t\t-",
                "\tLogging Results:\t\t\tAccounting information was written to the local log file.",
                "\tReason Code:\t\t\t16",
                "\tReason:\t\t\t\tAuthentication failed due to a user credentials mismatch.");
        JsonNode r = line(String.join(
                        "\n",
                        "03/01/2026 10:00:00 AM",
                        "LogName=Security",
                        "EventCode=6273",
                        "ComputerName=nps01.example.com",
                        "Keywords=Audit Failure",
                        "TaskCategory=Network Policy Server")
                + "\n" + message);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("erika");
        assertThat(r.at("/user/domain").asText()).isEqualTo("EXAMPLE");
        assertThat(r.at("/src_endpoint/uid").asText()).isEqualTo("02-00-00-00-00-77");
        assertThat(r.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.5");
        assertThat(r.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");
        assertThat(r.get("status_code").asText()).isEqualTo("16");
        assertThat(r.get("status_detail").asText()).startsWith("Authentication failed");
        assertThat(r.get("auth_protocol").asText()).isEqualTo("Microsoft: Secured password (EAP-MSCHAP v2)");
        assertThat(r.at("/unmapped/SubjectMachineName").asText())
                .as("the client machine's account is not taken for the user's")
                .isEqualTo("-");

        JsonNode snare =
                line("<13>Mar  1 10:00:00 nps01 MSWinEventLog\t1\tSecurity\t77\tSun Mar 01 10:00:00 2026\t6273\t"
                        + "Microsoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\tnps01.example.com\tNetwork Policy Server\t\t"
                        + message.substring("Message=".length())
                                .replace("\n", "  ")
                                .replace("\t", "  ") + "\t12");
        assertThat(snare.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(snare.at("/user/name").asText()).isEqualTo("erika");
        assertThat(snare.at("/src_endpoint/uid").asText()).isEqualTo("02-00-00-00-00-77");
        assertThat(snare.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.5");
        assertThat(snare.get("status_code").asText()).isEqualTo("16");
    }
}
