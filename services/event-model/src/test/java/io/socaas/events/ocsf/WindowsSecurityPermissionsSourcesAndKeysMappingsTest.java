package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.securityEvtx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Security log events about permissions, audit sources and keys that a specific OCSF class
 * describes: permissions changed on a file, a key, a service or a token (4670, with the original and
 * new security descriptors where the class's object has one), security event sources registered and
 * unregistered (4904, 4905) and cryptographic operations on a key (5061). Each is checked both ways:
 * a neighbouring event (4658 handle closed, 4826 boot configuration, 5059 key migration) stays a Base
 * Event. The events are OTRF Security-Datasets' (NXLog's flat shape: covenant_sharpsc_create_dcerpc_smb_svcctl,
 * cmd_sam_copy_esentutl, aadinternals_export_adfsdatabaseconfig_remotely) and evtx-dump shaped ones,
 * shortened, with other names.
 */
class WindowsSecurityPermissionsSourcesAndKeysMappingsTest {

    /** A flat Security event as NXLog sends it: the header fields and the event's data. */
    private static String nxlog(int eventId, String data) {
        return """
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"WORKSTATION5.corp.example",
                 "EventTime":"2026-02-28 23:27:53","EventID":%d,"SubjectUserSid":"S-1-5-18","SubjectUserName":"WORKSTATION5$",
                 "SubjectDomainName":"CORP","SubjectLogonId":"0x3e7",%s}""".formatted(eventId, data);
    }

    @Test
    void aTokensPermissionsChangedAreEntityManagementUpdateOfTheToken() throws Exception {
        // services.exe sets the DACL of a new service process's token (OTRF covenant_sharpsc_create_dcerpc_smb_svcctl)
        JsonNode token = json(nxlog(4670, """
                "ObjectServer":"Security","ObjectType":"Token","ObjectName":"-","HandleId":"0x398",
                 "OldSd":"D:(A;;GA;;;SY)(A;;RCGXGR;;;BA)","NewSd":"D:(A;;GA;;;SY)(A;;RC;;;OW)(A;;GA;;;S-1-5-80-3524758515)",
                 "ProcessId":"0x2dc","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe\""""));
        assertClass(token, 3004, 3);
        assertThat(token.at("/entity/type").asText()).isEqualTo("Token");
        assertThat(token.at("/entity/name").isMissingNode())
                .as("a token has no name, '-'")
                .isTrue();
        assertThat(token.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\services.exe");
        assertThat(token.at("/actor/process/pid").asInt()).isEqualTo(0x2dc);
        assertThat(token.at("/actor/user/name").asText()).isEqualTo("WORKSTATION5$");
        assertThat(token.at("/unmapped/OldSd").asText()).isEqualTo("D:(A;;GA;;;SY)(A;;RCGXGR;;;BA)");
        assertThat(token.at("/unmapped/NewSd").asText()).endsWith("(A;;GA;;;S-1-5-80-3524758515)");
        // the handle closed afterwards names no object: still a Base Event
        assertBaseEventOf(json(nxlog(4658, """
                "ObjectServer":"Security","HandleId":"0x398","ProcessId":"0x2dc","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe\"""")), "Windows");
    }

    @Test
    void aServicesPermissionsChangedAreWindowsServiceActivityReconfigure() throws Exception {
        // sc sdset opening a service to Everyone (the SC Manager object server, as 4656 on a SERVICE OBJECT names it)
        JsonNode service = json(securityEvtx(4670, """
                {"SubjectUserName":"admin","SubjectDomainName":"CORP","ObjectServer":"SC Manager","ObjectType":"SERVICE OBJECT",
                 "ObjectName":"Fax","HandleId":"0x1cb40afe300","OldSd":"D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)",
                 "NewSd":"D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;RPWP;;;WD)","ProcessId":"0x254","ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe"}"""));
        assertClass(service, 201004, 2);
        assertThat(service.at("/win_service/name").asText()).isEqualTo("Fax");
        assertThat(service.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(service.at("/actor/process/pid").asInt()).isEqualTo(0x254);
        assertThat(service.at("/unmapped/Event/EventData/NewSd").asText()).endsWith("(A;;RPWP;;;WD)");
    }

    @Test
    void aFilesAndAKeysPermissionsCarryTheOriginalAndNewSecurityDescriptors() throws Exception {
        JsonNode file = json(securityEvtx(4670, """
                {"SubjectUserName":"admin01","ObjectServer":"Security","ObjectType":"File","ObjectName":"C:\\\\Finance\\\\payroll.xlsx",
                 "OldSd":"D:(A;;FA;;;SY)","NewSd":"D:(A;;FA;;;SY)(A;;FA;;;WD)","ProcessId":"0x10","ProcessName":"C:\\\\Windows\\\\System32\\\\icacls.exe"}"""));
        assertClass(file, 1001, 7);
        assertThat(file.at("/file/path").asText()).isEqualTo("C:\\Finance\\payroll.xlsx");
        assertThat(file.at("/file/security_descriptor").asText()).isEqualTo("D:(A;;FA;;;SY)");
        assertThat(file.at("/file_result/path").asText()).isEqualTo("C:\\Finance\\payroll.xlsx");
        assertThat(file.at("/file_result/security_descriptor").asText()).isEqualTo("D:(A;;FA;;;SY)(A;;FA;;;WD)");
        JsonNode key = json(securityEvtx(4670, """
                {"SubjectUserName":"admin01","ObjectServer":"Security","ObjectType":"Key","ObjectName":"\\\\REGISTRY\\\\MACHINE\\\\SYSTEM\\\\ControlSet001\\\\Services\\\\Fax",
                 "OldSd":"D:(A;;KA;;;SY)","NewSd":"D:(A;;KA;;;SY)(A;;KA;;;WD)","ProcessId":"0x10","ProcessName":"C:\\\\Windows\\\\regedit.exe"}"""));
        assertClass(key, 201001, 6);
        assertThat(key.at("/reg_key/security_descriptor").asText()).isEqualTo("D:(A;;KA;;;SY)(A;;KA;;;WD)");
        assertThat(key.at("/prev_reg_key/security_descriptor").asText()).isEqualTo("D:(A;;KA;;;SY)");
        assertThat(key.at("/prev_reg_key/path").asText())
                .isEqualTo(key.at("/reg_key/path").asText());
    }

    @Test
    void aSecurityEventSourceRegisteredOrUnregisteredIsEventLogActivityOfTheSecurityLog() throws Exception {
        // the volume shadow copy service registers VSSAudit while esentutl copies the SAM hive (OTRF
        // cmd_sam_copy_esentutl)
        for (int eventId : new int[] {4904, 4905}) {
            JsonNode source = json(nxlog(eventId, """
                    "AuditSourceName":"VSSAudit","EventSourceId":"0x11e7ff3","ProcessId":"0x91c","ProcessName":"C:\\\\Windows\\\\System32\\\\VSSVC.exe\""""));
            assertClass(source, 1008, 99);
            assertThat(source.get("log_name").asText()).isEqualTo("Security");
            assertThat(source.get("log_provider").asText()).isEqualTo("VSSAudit");
            assertThat(source.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\VSSVC.exe");
            assertThat(source.at("/actor/process/pid").asInt()).isEqualTo(0x91c);
            assertThat(source.at("/unmapped/EventSourceId").asText()).isEqualTo("0x11e7ff3");
        }
        // the boot configuration loaded (4826) stays a Base Event (decided: OCSF deprecated Device Config State)
        assertBaseEventOf(json(securityEvtx(4826, """
                {"LoadOptions":"-","BootMenuPolicy":"%%1808","KernelDebug":"%%1843","DriverLoadPolicy":"%%1848"}""")), "Windows");
    }

    @Test
    void aCryptographicOperationOnAKeyIsEntityManagementOfTheKey() throws Exception {
        // AD FS's token signing key opened while AADInternals exports the configuration (OTRF
        // aadinternals_export_adfsdatabaseconfig_remotely)
        JsonNode open = json(nxlog(5061, """
                "ProviderName":"Microsoft Software Key Storage Provider","AlgorithmName":"RSA",
                 "KeyName":"tp-05ce1a23-b347-4e7c-8cac-298be4cf07fb","KeyType":"%%2499","Operation":"%%2480","ReturnCode":"0x0\""""));
        assertClass(open, 3004, 2);
        assertStatus(open, 1);
        assertThat(open.at("/entity/name").asText()).isEqualTo("tp-05ce1a23-b347-4e7c-8cac-298be4cf07fb");
        assertThat(open.at("/entity/type").asText()).isEqualTo("Cryptographic key");
        assertThat(open.at("/actor/user/name").asText()).isEqualTo("WORKSTATION5$");
        assertThat(open.at("/unmapped/ProviderName").asText()).isEqualTo("Microsoft Software Key Storage Provider");
        // a key that does not exist (NTE_BAD_KEYSET): a failure
        JsonNode missing = json(securityEvtx(5061, """
                {"SubjectUserName":"jdoe","ProviderName":"Microsoft Software Key Storage Provider","AlgorithmName":"UNKNOWN",
                 "KeyName":"le-Example-0a1b","KeyType":"%%2500","Operation":"%%2480","ReturnCode":"0x80090016"}"""));
        assertClass(missing, 3004, 2);
        assertStatus(missing, 2);
        assertThat(missing.get("status_code").asText()).isEqualTo("0x80090016");
        // a key migrated (5059) is not caught
        assertBaseEventOf(json(securityEvtx(5059, """
                {"ProviderName":"Microsoft Software Key Storage Provider","AlgorithmName":"RSA","KeyName":"k","KeyType":"%%2499",
                 "Operation":"%%2464","ReturnCode":"0x0"}""")), "Windows");
    }
}
