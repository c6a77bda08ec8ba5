package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.securityEvtx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Security log events that a specific OCSF class describes: handles to services, to the Service
 * Control Manager and to Security Account Manager objects (4656), ports listened on (5154, 5155) and
 * applications kept from accepting connections (5031), vault credentials enumerated and read (5381,
 * 5382), and Windows Filtering Platform filters changed (5447). Each is checked both ways: the
 * neighbouring handle closed (4658), the boot configuration loaded (4826) and a transaction's state
 * (4985) stay Base Events. The events are OTRF Security-Datasets' (NXLog's flat shape) and
 * evtx-attack-samples' (evtx-dump shape), shortened, with other names and addresses.
 */
class WindowsSecurityServicesListenersAndVaultMappingsTest {

    /** A flat Security event as NXLog sends it: the header fields and the event's data. */
    private static String nxlog(int eventId, String data) {
        return """
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"WORKSTATION5",
                 "TimeCreated":"2026-02-28T04:39:13.623Z","EventID":%d,"SubjectUserSid":"S-1-5-21-3940915590-64593676-1414006259-500",
                 "SubjectUserName":"wardog","SubjectDomainName":"WORKSTATION5","SubjectLogonId":"0xc61d9",%s}""".formatted(eventId, data);
    }

    @Test
    void aHandleToAServiceOrToTheServiceControlManagerIsWindowsServiceActivity() throws Exception {
        // OTRF's psh_disable_eventlog_service_startuptype_modification: the EventLog service reconfigured
        JsonNode service = json(nxlog(4656, """
                "ObjectServer":"SC Manager","ObjectType":"SERVICE OBJECT","ObjectName":"EventLog","HandleId":"0x1cb40afe300",
                 "AccessList":"%%7185","AccessMask":"0x2","ProcessId":"0x254","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe\""""));
        assertClass(service, 201004, 99);
        assertThat(service.at("/win_service/name").asText()).isEqualTo("EventLog");
        assertThat(service.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\services.exe");
        assertThat(service.at("/actor/process/pid").asInt()).isEqualTo(0x254);
        assertThat(service.at("/actor/user/name").asText()).isEqualTo("wardog");
        assertThat(service.at("/unmapped/AccessMask").asText()).isEqualTo("0x2");
        // a remote service creation over svcctl opens the manager's database: no service is named yet
        JsonNode manager = json(securityEvtx(4656, """
                {"SubjectUserName":"admin","SubjectDomainName":"CORP","ObjectServer":"SC Manager","ObjectType":"SC_MANAGER OBJECT",
                 "ObjectName":"ServicesActive","AccessMask":"0xf003f","ProcessId":"0x2d4","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe"}"""));
        assertClass(manager, 201004, 99);
        assertThat(manager.has("win_service"))
                .as("ServicesActive is the manager's database, no service")
                .isFalse();
        assertThat(manager.at("/unmapped/Event/EventData/ObjectName").asText()).isEqualTo("ServicesActive");

        // the handle closed (4658) names no object: a Base Event
        assertBaseEventOf(json(nxlog(4658, """
                "ObjectServer":"SC Manager","HandleId":"0x1cb40afe300","ProcessId":"0x254","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe\"""")), "Windows");
    }

    @Test
    void aHandleToASamObjectIsEntityManagementOfTheObjectAsFor4661() throws Exception {
        // OTRF's empire_shell_samr_EnumDomainUsers: a user object opened through SAMR
        JsonNode user = json(nxlog(4656, """
                "ObjectServer":"Security Account Manager","ObjectType":"SAM_USER","ObjectName":"DOMAINS\\\\Account\\\\Users\\\\000003E9",
                 "AccessMask":"0xf07ff","ProcessId":"0x25c","ProcessName":"C:\\\\Windows\\\\System32\\\\lsass.exe\""""));
        assertClass(user, 3004, 99);
        assertThat(user.at("/entity/name").asText()).isEqualTo("DOMAINS\\Account\\Users\\000003E9");
        assertThat(user.at("/entity/type").asText()).isEqualTo("SAM_USER");
        assertThat(user.get("access_mask").asInt()).isEqualTo(0xf07ff);
        // a handle to a file keeps its own class
        JsonNode file = json(nxlog(4656, """
                "ObjectServer":"Security","ObjectType":"File","ObjectName":"C:\\\\Windows\\\\NTDS\\\\ntds.dit","AccessMask":"0x1",
                 "ProcessId":"0x1f0","ProcessName":"C:\\\\Windows\\\\System32\\\\esentutl.exe\""""));
        assertClass(file, 1001, 14);
    }

    @Test
    void aPortAnApplicationListensOnIsNetworkActivityListenAllowedOrBlocked() throws Exception {
        // OTRF's psh_python_webserver: python's http.server on port 8000
        JsonNode permitted = json("""
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"WORKSTATION5","EventID":5154,
                 "TimeCreated":"2026-02-28T04:13:01.819Z","ProcessId":"6340","Application":"\\\\device\\\\harddiskvolume2\\\\python39\\\\python.exe",
                 "SourceAddress":"0.0.0.0","SourcePort":"8000","Protocol":"6","FilterRTID":"0","LayerName":"%%14609","LayerRTID":"40"}""");
        assertClass(permitted, 4001, 7);
        assertThat(permitted.get("activity_name").asText()).isEqualTo("Listen");
        assertAllowed(permitted);
        assertThat(permitted.at("/src_endpoint/ip").asText()).isEqualTo("0.0.0.0");
        assertThat(permitted.at("/src_endpoint/port").asInt()).isEqualTo(8000);
        assertThat(permitted.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(permitted.at("/actor/process/file/path").asText())
                .isEqualTo("\\device\\harddiskvolume2\\python39\\python.exe");
        assertThat(permitted.at("/actor/process/pid").asInt()).isEqualTo(6340);
        JsonNode blocked = json(securityEvtx(5155, """
                {"ProcessId":"4120","Application":"\\\\device\\\\harddiskvolume2\\\\users\\\\public\\\\nc.exe","SourceAddress":"::",
                 "SourcePort":"4444","Protocol":"6","FilterRTID":"68412","LayerName":"%%14609","LayerRTID":"42"}"""));
        assertClass(blocked, 4001, 7);
        assertDenied(blocked);
        assertThat(blocked.at("/src_endpoint/port").asInt()).isEqualTo(4444);
        // OTRF's covenant_dcom_registerxll: the firewall kept Excel from accepting connections
        JsonNode refused = json("""
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"security","Hostname":"WORKSTATION6.theshire.local",
                 "EventID":5031,"EventTime":"2026-02-28 15:00:27","Profiles":"Domain",
                 "Application":"C:\\\\program files (x86)\\\\microsoft office\\\\root\\\\office16\\\\excel.exe",
                 "Message":"Windows Firewall blocked an application from accepting incoming connections on the network."}""");
        assertClass(refused, 4001, 5);
        assertDenied(refused);
        assertThat(refused.at("/actor/process/file/path").asText())
                .isEqualTo("C:\\program files (x86)\\microsoft office\\root\\office16\\excel.exe");

        // the boot configuration loaded (4826: kernel debugging, test signing) is a state, no traffic
        assertBaseEventOf(json(securityEvtx(4826, """
                {"SubjectUserSid":"S-1-5-18","LoadOptions":"-","AdvancedOptions":"%%1843","KernelDebug":"%%1842",
                 "TestSigning":"%%1842","DisableIntegrityChecks":"%%1843"}""")), "Windows");
    }

    @Test
    void vaultCredentialsEnumeratedOrReadAreEntityManagementReadsOfTheVault() throws Exception {
        // OTRF's psh_windows_vault_web_credentials: a web password read back from the vault
        JsonNode read = json(nxlog(5382, """
                "ClientProcessId":"12036","ProcessCreationTime":"2026-02-28T04:39:11.671518300Z","Flags":"0","ReturnCode":"0",
                 "Schema":"{3ccd5499-87a8-4b10-a215-608888dd3b55}","SchemaFriendlyName":"Windows Web Password Credential",
                 "Resource":"https://intranet.example.org","Identity":"pgustavo\""""));
        assertClass(read, 3004, 2);
        assertStatus(read, 1);
        assertThat(read.at("/entity/name").asText()).isEqualTo("https://intranet.example.org");
        assertThat(read.at("/entity/type").asText()).isEqualTo("Windows Web Password Credential");
        assertThat(read.at("/actor/user/name").asText()).isEqualTo("wardog");
        assertThat(read.at("/actor/process/pid").asInt()).isEqualTo(12036);
        assertThat(read.at("/actor/session/uid").asText()).isEqualTo("0xc61d9");
        assertThat(read.at("/unmapped/Identity").asText()).isEqualTo("pgustavo");
        // OTRF's cmd_seatbelt_group_user: Seatbelt lists the vault's credentials
        JsonNode listed = json(nxlog(5381, """
                "ClientProcessId":"12036","Flags":"512","CountOfCredentialsReturned":"1\""""));
        assertClass(listed, 3004, 2);
        assertThat(listed.at("/entity/type").asText()).isEqualTo("Windows Vault credentials");
        assertThat(listed.at("/unmapped/CountOfCredentialsReturned").asText()).isEqualTo("1");

        // a transaction's state changed (4985, which process doppelganging leaves) has no class: a Base Event
        assertBaseEventOf(json(nxlog(4985, """
                "TransactionId":"9C655E9C-BE8F-11E9-B49D-080027E6E559","NewState":"48","ResourceManager":"D1A38506-4A7E-11E9-9F82-D8BA40B6D8DA",
                 "ProcessId":"0x14c8","ProcessName":"C:\\\\ProgramData\\\\proc_doppel64.exe\"""")), "Windows");
    }

    @Test
    void aFilteringPlatformFilterAddedOrDeletedIsAConfigurationChangeOfTheFirewall() throws Exception {
        // OTRF's cmd_netsh_fw_mod_open_ports: netsh adds a filter for the opened port
        JsonNode added = json("""
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"WORKSTATION5","EventID":5447,
                 "TimeCreated":"2026-02-28 12:19:04.518","UserSid":"S-1-5-19","UserName":"NT AUTHORITY\\\\LOCAL SERVICE","ProcessId":"2948",
                 "ProviderKey":"{decc16ca-3f33-4346-be1e-8fb4ae0f3d62}","ProviderName":"Microsoft Corporation","ChangeType":"%%16384",
                 "FilterKey":"{b50f244f-e656-44f6-8e24-0790228fd67d}","FilterName":"Open port 450","FilterType":"%%16388","FilterId":"75143",
                 "LayerKey":"{88bb5dad-76d7-4227-9c71-df0a3ed7be7e}","LayerName":"ALE Listen v4 Layer","LayerId":"40",
                 "Action":"%%16390","CalloutKey":"{00000000-0000-0000-0000-000000000000}","CalloutName":"-"}""");
        assertClass(added, 5019, 1);
        assertThat(added.get("state").asText()).isEqualTo("Filtering Platform filter added");
        assertThat(added.at("/policy/name").asText()).isEqualTo("Open port 450");
        assertThat(added.at("/policy/uid").asText()).isEqualTo("{b50f244f-e656-44f6-8e24-0790228fd67d}");
        assertThat(added.at("/unmapped/LayerName").asText()).isEqualTo("ALE Listen v4 Layer");
        JsonNode deleted = json(securityEvtx(5447, """
                {"ProcessId":"2948","UserSid":"S-1-5-19","UserName":"NT AUTHORITY\\\\LOCAL SERVICE","ChangeType":"%%16385",
                 "FilterKey":"{b50f244f-e656-44f6-8e24-0790228fd67d}","FilterName":"Open port 450","LayerName":"ALE Listen v4 Layer"}"""));
        assertThat(deleted.get("state").asText()).isEqualTo("Filtering Platform filter deleted");
    }
}
