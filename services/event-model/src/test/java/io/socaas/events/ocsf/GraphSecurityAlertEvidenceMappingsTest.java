package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Defender XDR alert as Microsoft Graph's alerts_v2 returns it carries its evidence as a list of
 * typed entities in whatever order Defender found them: the device, the file with its hashes, the
 * process with its command line and parent, the account, the address, the URL, the mail. Each reaches
 * the finding wherever it stands in the list, with the MITRE technique, the product that raised the
 * alert and the detection that did.
 */
class GraphSecurityAlertEvidenceMappingsTest {

    private static final String GRAPH = "Microsoft Graph security alerts";

    private static String alert(String evidence) {
        return """
                {"@odata.type": "#microsoft.graph.security.alert", "id": "da638000000000000001_123456",
                 "providerAlertId": "da638000000000000001_123456", "incidentId": "4711", "status": "inProgress",
                 "severity": "high", "serviceSource": "microsoftDefenderForEndpoint", "detectionSource": "customDetection",
                 "detectorId": "4f1e2d3c-1111-2222-3333-444455556666", "tenantId": "9a8b7c6d-0000-4000-8000-00000000abcd",
                 "title": "Credential dumping from LSASS memory", "description": "A process read LSASS memory.",
                 "category": "CredentialAccess", "mitreTechniques": ["T1003.001", "T1055"],
                 "createdDateTime": "2026-03-01T09:40:00.1234567Z", "lastUpdateDateTime": "2026-03-01T09:55:00Z",
                 "alertWebUrl": "https://security.microsoft.com/alerts/da638000000000000001_123456",
                 "evidence": [%s]}""".formatted(evidence);
    }

    private static final String PROCESS = """
            {"@odata.type": "#microsoft.graph.security.processEvidence", "verdict": "malicious", "processId": 6120,
             "parentProcessId": 4400, "processCommandLine": "procdump.exe -ma lsass.exe out.dmp",
             "imageFile": {"sha1": null, "sha256": "%s", "fileName": "procdump.exe", "filePath": "C:\\\\Users\\\\Public"},
             "parentProcessImageFile": {"fileName": "cmd.exe", "filePath": "C:\\\\Windows\\\\System32"},
             "userAccount": {"accountName": "tomas", "domainName": "CORP", "userSid": "S-1-5-21-1000-2000-3000-1311",
                             "userPrincipalName": "tomas@corp.example"}}""".formatted("c0".repeat(32));
    private static final String FILE = """
            {"@odata.type": "#microsoft.graph.security.fileEvidence", "verdict": "suspicious",
             "fileDetails": {"sha1": "%s", "sha256": "%s", "fileName": "out.dmp", "filePath": "C:\\\\Users\\\\Public",
                             "fileSize": 52428800}}""".formatted("d1".repeat(20), "e2".repeat(32));
    private static final String DEVICE = """
            {"@odata.type": "#microsoft.graph.security.deviceEvidence", "mdeDeviceId": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
             "deviceDnsName": "fin-ws-12.corp.example", "osPlatform": "Windows11", "ipInterfaces": ["10.20.30.12", "fe80::1"],
             "loggedOnUsers": [{"accountName": "tomas", "domainName": "CORP"}]}""";
    private static final String ADDRESS = """
            {"@odata.type": "#microsoft.graph.security.ipEvidence", "ipAddress": "203.0.113.45", "countryLetterCode": "NL"}""";

    @Test
    void evidenceIsReadWhereverItStandsInTheList() throws Exception {
        for (String evidence : new String[] {
            String.join(",", DEVICE, PROCESS, FILE, ADDRESS), String.join(",", ADDRESS, FILE, PROCESS, DEVICE)
        }) {
            JsonNode r = json(alert(evidence));
            assertProduct(r, GRAPH);
            assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
            assertThat(r.get("activity_id").asInt()).isEqualTo(2);
            assertThat(r.get("severity_id").asInt()).isEqualTo(4);
            assertThat(r.at("/finding_info/product/name").asText()).isEqualTo("microsoftDefenderForEndpoint");
            assertThat(r.at("/finding_info/analytic/name").asText()).isEqualTo("customDetection");
            assertThat(r.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1003.001");
            assertThat(r.at("/device/hostname").asText()).isEqualTo("fin-ws-12.corp.example");
            assertThat(r.at("/device/uid").asText()).isEqualTo("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d");
            assertThat(r.at("/device/ip").asText()).isEqualTo("10.20.30.12");
            assertThat(r.at("/actor/user/name").asText()).isEqualTo("tomas");
            assertThat(r.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-1000-2000-3000-1311");
            JsonNode evidences = r.at("/evidences/0");
            assertThat(evidences.at("/process/cmd_line").asText()).isEqualTo("procdump.exe -ma lsass.exe out.dmp");
            assertThat(evidences.at("/process/pid").asInt()).isEqualTo(6120);
            assertThat(evidences.at("/process/file/hashes/0/value").asText()).isEqualTo("c0".repeat(32));
            assertThat(evidences.at("/process/parent_process/file/name").asText())
                    .isEqualTo("cmd.exe");
            assertThat(evidences.at("/file/name").asText()).isEqualTo("out.dmp");
            assertThat(evidences.at("/file/size").asLong()).isEqualTo(52428800L);
            assertThat(evidences.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
            assertThat(evidences.at("/file/hashes/0/value").asText()).isEqualTo("e2".repeat(32));
            assertThat(evidences.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        }
    }

    @Test
    void mailEvidenceNamesTheMessage() throws Exception {
        JsonNode r = json(alert("""
                {"@odata.type": "#microsoft.graph.security.analyzedMessageEvidence", "networkMessageId": "5c1d0000-1111-4222-8333-444455556666",
                 "subject": "Shared folder: Q1 payroll", "p1Sender": {"emailAddress": "noreply@share.bad.example"},
                 "recipientEmailAddress": "rhea@corp.example", "senderIp": "198.51.100.61"}"""));
        assertThat(r.at("/evidences/0/email/subject").asText()).isEqualTo("Shared folder: Q1 payroll");
        assertThat(r.at("/evidences/0/email/from").asText()).isEqualTo("noreply@share.bad.example");
        assertThat(r.at("/evidences/0/email/uid").asText()).isEqualTo("5c1d0000-1111-4222-8333-444455556666");
    }

    @Test
    void aRecordThatOnlyLooksLikeAnAlertIsNotClaimed() throws Exception {
        // a title and a severity are not enough: Graph names the provider's alert and the service
        JsonNode other = json("""
                {"title": "Disk almost full", "severity": "high", "status": "new", "host": "nas01",
                 "createdDateTime": "2026-03-01T09:40:00Z", "evidence": [{"fileDetails": {"fileName": "x"}}]}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(GRAPH);
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(2004);
    }
}
