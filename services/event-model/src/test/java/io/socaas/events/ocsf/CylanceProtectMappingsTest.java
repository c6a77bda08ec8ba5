package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * CylancePROTECT's syslog, written from its documented "Event Type: ..., Key: value" format: threats,
 * exploit attempts and script control as Detection Finding, console logins as Authentication.
 */
class CylanceProtectMappingsTest {

    private static final String HEADER = "<44>1 2026-03-01T10:00:00.000Z sysloghost CylancePROTECT - - - ";

    @Test
    void threatsExploitAttemptsAndScriptsAreDetectionFindings() throws Exception {
        JsonNode threat = line(HEADER + "Event Type: Threat, Event Name: threat_quarantined, Device Name: WS-0142,"
                + " IP Address: (192.0.2.42), File Name: invoice.exe, Path: C:\\Users\\jdoe\\Downloads\\,"
                + " Drive Type: Internal Hard Drive,"
                + " SHA256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08,"
                + " MD5: 098F6BCD4621D373CADE4E832627B4F6, Status: Quarantined, Cylance Score: 100,"
                + " Found Date: 3/1/2026 9:59:58 AM, File Type: Executable, Is Running: False, Auto Run: False,"
                + " Detected By: FileWatcher, Zone Names: (Workstations), Is Malware: True, Is Unique To Cylance: False,"
                + " Threat Classification: Trojan - Agent, Device Id: 1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b,"
                + " Policy Name: Workstations - Auto Quarantine");
        assertProduct(threat, "CylancePROTECT");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("Trojan - Agent");
        assertThat(threat.at("/finding_info/uid").asText())
                .isEqualTo("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08");
        assertThat(threat.get("status_detail").asText()).isEqualTo("Quarantined");
        assertThat(threat.at("/evidences/0/file/name").asText()).isEqualTo("invoice.exe");
        assertThat(threat.at("/device/hostname").asText()).isEqualTo("WS-0142");
        assertThat(threat.at("/device/ip").asText()).isEqualTo("192.0.2.42");
        assertThat(threat.at("/policy/name").asText()).isEqualTo("Workstations - Auto Quarantine");

        JsonNode exploit = line(HEADER + "Event Type: ExploitAttempt, Event Name: blocked, Device Name: WS-0142,"
                + " IP Address: (192.0.2.42), Action: Block, Process ID: 4242,"
                + " Process Name: C:\\Program Files\\Office\\WINWORD.EXE, User Name: EXAMPLE\\jdoe,"
                + " Violation Type: Stack Pivot, Zone Names: (Workstations),"
                + " Device Id: 1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b, Policy Name: Workstations - Auto Quarantine");
        assertThat(exploit.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(exploit.at("/finding_info/title").asText()).isEqualTo("Stack Pivot");
        assertThat(exploit.at("/actor/process/pid").asInt()).isEqualTo(4242);
        assertThat(exploit.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\jdoe");
        assertThat(exploit.get("status_detail").asText()).isEqualTo("Block");

        JsonNode script = line(HEADER + "Event Type: ScriptControl, Event Name: Blocked, Device Name: WS-0142,"
                + " File Path: C:\\Users\\jdoe\\AppData\\Local\\Temp\\run.ps1, Interpreter: PowerShell,"
                + " Interpreter Version: 5.1.19041.1, Zone Names: (Workstations), User Name: EXAMPLE\\jdoe,"
                + " Device Id: 1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b, Policy Name: Workstations - Auto Quarantine");
        assertThat(script.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(script.at("/evidences/0/file/path").asText())
                .isEqualTo("C:\\Users\\jdoe\\AppData\\Local\\Temp\\run.ps1");
        assertThat(script.get("status_detail").asText()).isEqualTo("Blocked");
    }

    @Test
    void consoleLoginsAndOtherEvents() throws Exception {
        JsonNode login = line(HEADER + "Event Type: AuditLog, Event Name: LoginSuccess, Message: Provider:"
                + " CylancePROTECT, Source IP: 198.51.100.44, User: Jane Doe (jane.doe@example.com)");
        assertLogon(login, 1, "Jane Doe (jane.doe@example.com)", "198.51.100.44");
        assertBaseEventOf(
                line(HEADER + "Event Type: Device, Event Name: Registration, Device Name: WS-0143, Agent Version:"
                        + " 3.1.1001.44, IP Address: (192.0.2.43), MAC Address: (00-11-22-33-44-55)"),
                "CylancePROTECT");
    }
}
