package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Operational logs of remote management, Winsock and program compatibility that a specific OCSF
 * class describes: WinRM shells created at the server (91) and sessions created by a client (6), a
 * client's failed authentication (161), Winsock providers installed (WS2HELP 1), compatibility fixes
 * applied to a program (Program-Telemetry 500) and the compatibility assistant's resolvers (17). Each
 * is checked both ways: WinRM's 193, whose dump carries no data, stays a Base Event, as does an other
 * event id of each channel. The 91, 1, 500 and 17 are evtx-attack-samples' (LM_winrm_target_wrmlogs_91,
 * Persistence_Winsock_Catalog Change EventId_1, Persistence_Shime_..._500, Exec_via_cpl_..._17),
 * shortened; the 6 and 161 follow the messages WinRM writes, with other names.
 */
class WindowsRemoteManagementWinsockAndCompatibilityMappingsTest {

    private static final String WINRM = "Microsoft-Windows-WinRM/Operational";

    /** An evtx-dump event of the provider and channel, with the user's SID and the given data section. */
    private static String evtx(String provider, int eventId, String channel, String data) {
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"%s"}},"EventID":%d,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T01:33:54.567896Z"}},"Channel":"%s",
                 "Computer":"DC1.corp.example","Security":{"#attributes":{"UserID":"S-1-5-21-738609754-2819869699-4189121830-500"}}}%s}}""".formatted(provider, eventId, channel, data);
    }

    /** A flat record as NXLog sends it, with the rendered message. */
    private static String nxlog(String channel, int eventId, String source, String message) throws Exception {
        return """
                {"EventTime":"2026-02-28 13:05:42","Hostname":"WKS07.corp.example","Channel":"%s","EventID":%d,
                 "SourceName":"%s","UserID":"S-1-5-21-738609754-2819869699-4189121830-1104","Message":%s}""".formatted(channel, eventId, source, MappedRecords.JSON.writeValueAsString(message));
    }

    @Test
    void aWinRmShellCreatedAtTheServerIsApiActivityCreateByTheUser() throws Exception {
        // the dump could not render the shell's id: the user alone
        JsonNode shell = json(evtx("Microsoft-Windows-WinRM", 91, WINRM, """
                ,"ProcessingErrorData":{"ErrorCode":15005,"DataItemName":"shellId"}"""));
        assertClass(shell, 6003, 1);
        assertThat(shell.at("/api/operation").asText()).isEqualTo("Create Shell");
        assertThat(shell.at("/api/service/name").asText()).isEqualTo("WinRM");
        assertThat(shell.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-738609754-2819869699-4189121830-500");
        assertThat(shell.at("/dst_endpoint/hostname").asText()).isEqualTo("DC1.corp.example");
        JsonNode rendered = json(
                nxlog(
                        WINRM,
                        91,
                        "Microsoft-Windows-WinRM",
                        "Creating WSMan shell on server with ResourceUri: http://schemas.microsoft.com/powershell/Microsoft.PowerShell"));
        assertClass(rendered, 6003, 1);
        assertThat(rendered.at("/resources/0/uid").asText())
                .isEqualTo("http://schemas.microsoft.com/powershell/Microsoft.PowerShell");
        // 193 carries no data in the dump: a Base Event
        assertBaseEventOf(json(evtx("Microsoft-Windows-WinRM", 193, WINRM, ",\"EventData\":null")), "Windows");
    }

    @Test
    void aWinRmSessionToAnotherComputerAndItsFailedAuthenticationAtTheClient() throws Exception {
        JsonNode session = json(nxlog(
                WINRM,
                6,
                "Microsoft-Windows-WinRM",
                "Creating WSMan Session. The connection string is: fs02.corp.example/wsman?PSVersion=5.1.17763.1007"));
        assertClass(session, 6003, 1);
        assertThat(session.at("/api/operation").asText()).isEqualTo("Create Session");
        assertThat(session.at("/dst_endpoint/hostname").asText()).isEqualTo("fs02.corp.example");
        assertThat(session.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-738609754-2819869699-4189121830-1104");
        JsonNode refused = json(nxlog(
                WINRM,
                161,
                "Microsoft-Windows-WinRM",
                "WinRM cannot process the request. The following error with errorcode 0x80090311 occurred while using Kerberos authentication: "
                        + "There are currently no logon servers available to service the logon request."));
        assertClass(refused, 3002, 1);
        assertStatus(refused, 2);
        assertThat(refused.get("auth_protocol").asText()).isEqualTo("Kerberos");
        assertThat(refused.get("status_code").asText()).isEqualTo("0x80090311");
        assertThat(refused.get("status_detail").asText()).startsWith("There are currently no logon servers");
        // a WinRM client's other events (the session closed, 8) are not caught
        assertBaseEventOf(json(nxlog(WINRM, 8, "Microsoft-Windows-WinRM", "Closing WSMan Session")), "Windows");
    }

    @Test
    void aWinsockProviderInstalledIsTheInstallOfThatProvider() throws Exception {
        JsonNode lsp = json(
                evtx("Microsoft-Windows-Winsock-WS2HELP", 1, "Microsoft-Windows-Winsock-WS2HELP/Operational", """
                ,"EventData":{"LSPName":"PROXYCAP LSP","Catalog":32,"Installer":"C:\\\\Windows\\\\System32\\\\MsiExec.exe",
                 "GUID":"7E35F09E-CF45-CF00-3594-397712626D0F","Category":1016}"""));
        assertClass(lsp, 6002, 1);
        assertThat(lsp.at("/app/name").asText()).isEqualTo("PROXYCAP LSP");
        assertThat(lsp.at("/app/uid").asText()).isEqualTo("7E35F09E-CF45-CF00-3594-397712626D0F");
        assertThat(lsp.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\MsiExec.exe");
        assertThat(lsp.at("/unmapped/Event/EventData/Catalog").asInt()).isEqualTo(32);
        assertBaseEventOf(
                json(evtx(
                        "Microsoft-Windows-Winsock-WS2HELP",
                        3,
                        "Microsoft-Windows-Winsock-WS2HELP/Operational",
                        ",\"EventData\":{\"Catalog\":32}")),
                "Windows");
    }

    @Test
    void aCompatibilityFixOrResolverNamesTheProgram() throws Exception {
        JsonNode shim = json(evtx(
                "Microsoft-Windows-Application-Experience",
                500,
                "Microsoft-Windows-Application-Experience/Program-Telemetry",
                """
                ,"UserData":{"CompatibilityFixEvent":{"ProcessId":3936,"StartTime":"2026-02-28 17:06:22.908086",
                 "FixID":"8A23A24A-9A8D-44B6-A6D4-556C53A289B5","Flags":"0x10205","ExePath":"C:\\\\Windows\\\\System32\\\\osk.exe","FixName":"CorrectFilePaths"}}"""));
        assertClass(shim, 1007, 99);
        assertThat(shim.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\osk.exe");
        assertThat(shim.at("/process/pid").asInt()).isEqualTo(3936);
        JsonNode resolver = json(evtx(
                "Microsoft-Windows-Program-Compatibility-Assistant",
                17,
                "Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant",
                """
                ,"UserData":{"ResolverFiredEvent":{"ExePath":"C:\\\\Users\\\\jdoe\\\\Desktop\\\\procexp64.exe","ResolverName":"WrpKeyMitigation"}}"""));
        assertClass(resolver, 1007, 99);
        assertThat(resolver.at("/process/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Desktop\\procexp64.exe");
        // another event of the telemetry channel, without a program, is not caught
        assertBaseEventOf(
                json(evtx(
                        "Microsoft-Windows-Application-Experience",
                        505,
                        "Microsoft-Windows-Application-Experience/Program-Telemetry",
                        ",\"UserData\":{\"CompatibilityFixEvent\":{\"FixName\":\"x\"}}")),
                "Windows");
    }
}
