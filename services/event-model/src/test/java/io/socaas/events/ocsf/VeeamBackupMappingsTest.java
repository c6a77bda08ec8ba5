package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Veeam Backup & Replication's events, as its syslog sends them and as its Windows event log channel
 * "Veeam Backup" (provider Veeam MP) arrives in NXLog's, Winlogbeat's and evtx-dump's shapes. The
 * parameters, descriptions and syslog lines are those of Veeam's event reference
 * (helpcenter.veeam.com/docs/vbr/events/event_&lt;id&gt;.html, "Syslog Message Example", v13.0.1 and
 * v13.1; the reference prints the lines without their PRI). Backups removed and malware found are what
 * ransomware leaves behind, so they get classes and severities of their own; each is checked both
 * ways (retention's removals stay informational, other channels and programs are not claimed).
 */
class VeeamBackupMappingsTest {

    private static final String PRODUCT = "Veeam Backup & Replication";

    /** Event 41600, Malware Activity Detected: the reference's syslog example. */
    private static final String MALWARE =
            "<12>1 2025-11-20T14:06:09.662307+02:00 VBRSRV01 Veeam_MP - - [origin enterpriseId=\"31023\"]"
                    + " [categoryId=0 instanceId=41600 DetectionTimeUTC=\"03/20/2025 13:05:41\""
                    + " OibID=\"0e54d3bf-add8-48eb-9122-fad3ac1e8fb3\" ActivityType=\"EncryptedData\" UserName=\"TECH\\user1\""
                    + " UserFullInfo=\"<ModifiedUserInfo fullName=\"TECH\\user1\" loginType=\"0\" />\" ObjectName=\"VM01\""
                    + " CreationTimeUTC=\"03/20/2025 13:10:02\" VbrHostName=\"vbrsrv01.tech.local\" VbrVersion=\"13.0.1.180\""
                    + " Version=\"1\" Description=\"Potential malware activity detected for OIB:"
                    + " 0e54d3bf-add8-48eb-9122-fad3ac1e8fb3 (VM01), rule: Encrypted data by user: TECH\\user1.\"]";

    /** A flat record as NXLog's im_msvistalog sends an event of the Veeam Backup channel. */
    private static String nxlog(int eventId, String level, String message) throws Exception {
        return """
                {"EventTime":"2026-03-01 09:59:58","Hostname":"VBRSRV01.tech.local","Keywords":36028797018963968,
                 "EventType":"%s","EventID":%d,"SourceName":"Veeam MP","Channel":"Veeam Backup","Message":%s,
                 "SourceModuleName":"eventlog","SourceModuleType":"im_msvistalog"}""".formatted(level, eventId, MappedRecords.JSON.writeValueAsString(message));
    }

    @Test
    void malwareActivityInABackupIsAHighSeverityDetectionFinding() throws Exception {
        JsonNode syslog = line(MALWARE);
        assertProduct(syslog, PRODUCT);
        assertClass(syslog, 2004, 1);
        assertThat(syslog.get("severity_id").asInt()).isEqualTo(4);
        assertThat(syslog.at("/finding_info/title").asText()).isEqualTo("Encrypted data");
        assertThat(syslog.at("/finding_info/types/0").asText()).isEqualTo("EncryptedData");
        assertThat(syslog.at("/resources/0/name").asText()).isEqualTo("VM01");
        assertThat(syslog.at("/resources/0/uid").asText()).isEqualTo("0e54d3bf-add8-48eb-9122-fad3ac1e8fb3");
        assertThat(syslog.at("/actor/user/name").asText()).isEqualTo("TECH\\user1");
        assertThat(syslog.at("/device/hostname").asText()).isEqualTo("vbrsrv01.tech.local");
        assertThat(syslog.get("message").asText()).startsWith("Potential malware activity detected for OIB");
        assertThat(syslog.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2025-11-20T12:06:09.662Z"));

        // the Windows event of the same detection, the rendered message only
        JsonNode windows = json(nxlog(
                41600,
                "WARNING",
                "Potential malware activity detected for OIB:"
                        + " 0e54d3bf-add8-48eb-9122-fad3ac1e8fb3 (VM01), rule: Renamed files."));
        assertClass(windows, 2004, 1);
        assertThat(windows.at("/finding_info/title").asText()).isEqualTo("Renamed files");
        assertThat(windows.at("/resources/0/name").asText()).isEqualTo("VM01");
        assertThat(windows.at("/actor/user/name").isMissingNode()).isTrue();
        assertThat(windows.at("/device/hostname").asText()).isEqualTo("VBRSRV01.tech.local");

        // event 42220: a restore point marked as infected
        JsonNode infected = line(
                "<12>1 2025-11-24T05:15:57.141518-07:00 VBRSRV01 Veeam_MP - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=42220 PointID=\"2eec1a91-7202-49a9-b60b-1436793c2502\" UserName=\"TECH\\user1\""
                        + " ObjectName=\"VM01\" RestorePointTimeStamp=\"03/24/2025 07:00:53\" VbrHostName=\"vbrsrv01.tech.local\""
                        + " VbrVersion=\"13.0.1.180\" Version=\"1\" Description=\"Restore point has been marked as infected by TECH\\user1.\"]");
        assertClass(infected, 2004, 1);
        assertThat(infected.get("severity_id").asInt()).isEqualTo(4);
        assertThat(infected.at("/resources/0/name").asText()).isEqualTo("VM01");

        // marked as clean again (42230): the finding closed, not a new one
        JsonNode clean = json(nxlog(42230, "INFORMATION", "Restore point has been marked as clean by TECH\\user1."));
        assertClass(clean, 2004, 3);
    }

    @Test
    void restorePointsRemovedByAUserAreHighSeverityDeletionsAndRetentionsAreNot() throws Exception {
        JsonNode byUser =
                json(nxlog(10050, "WARNING", "Restore point for VM 'FS01' has been removed by user TECH\\user1."));
        assertProduct(byUser, PRODUCT);
        assertClass(byUser, 3004, 4);
        assertThat(byUser.get("severity_id").asInt()).isEqualTo(4);
        assertThat(byUser.at("/entity/type").asText()).isEqualTo("Restore Point");
        assertThat(byUser.at("/entity/name").asText()).isEqualTo("FS01");
        assertThat(byUser.at("/actor/user/name").asText()).isEqualTo("TECH\\user1");

        // the reference's syslog example: removed by SYSTEM, as retention does
        JsonNode retention = line(
                "<12>1 2026-07-26T14:27:27.401249+02:00 VBRSRV01 Veeam_MP - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=10050 OibID=\"3419db28-e212-48d7-9d63-67fd22a0a5c9\""
                        + " OriginalOibID=\"3419db28-e212-48d7-9d63-67fd22a0a5c9\" VmRef=\"vm-02\" VmName=\"VM02\""
                        + " ServerName=\"pdcsrv01.tech.local\" DateTime=\"07/25/2026 12:27:27\" IsCorrupted=\"False\" Platform=\"0\""
                        + " StorageSize=\"13873971200\" RepositoryID=\"88788f9e-d8f5-4eb4-bc4f-9b3f5403bcec\" IsFull=\"True\""
                        + " UserFullInfo=\"<ModifiedUserInfo fullName=\"SYSTEM\" loginType=\"0\" />\" VbrHostName=\"vbrsrv01.tech.local\""
                        + " VbrVersion=\"13.1.0.411\" Version=\"1\" Description=\"Restore point for VM 'VM02' has been removed by user SYSTEM.\"]");
        assertClass(retention, 3004, 4);
        assertThat(retention.get("severity_id").asInt()).isEqualTo(1);
        assertThat(retention.at("/entity/name").asText()).isEqualTo("VM02");
        assertThat(retention.at("/entity/uid").asText()).isEqualTo("3419db28-e212-48d7-9d63-67fd22a0a5c9");

        // v12's wording of a retention removal
        JsonNode v12 = json(nxlog(
                10050,
                "INFORMATION",
                "Restore point for VM 'VM03' has been removed according to the configured retention policy."));
        assertThat(v12.get("severity_id").asInt()).isEqualTo(1);
        assertThat(v12.at("/entity/name").asText()).isEqualTo("VM03");

        // event 28200: a repository deleted, as the reference's syslog example
        JsonNode repository = line(
                "<12>1 2025-11-21T10:00:00.000000+02:00 VBRSRV01 Veeam_MP - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=28200 RepositoryID=\"ed8c61cc-77f0-4f40-b73e-8c92d4a6fb11\" Type=\"0\""
                        + " RepositoryName=\"Backup Repository 01\" ChangesXML=\"<changes><object id=\"ed8c61cc-77f0-4f40-b73e-8c92d4a6fb11\""
                        + " name=\"Backup Repository 01\" /></changes>\" UserName=\"TECH\\user1\""
                        + " UserFullInfo=\"<ModifiedUserInfo fullName=\"TECH\\user1\" loginType=\"0\" />\" VbrHostName=\"vbrsrv01.tech.local\""
                        + " VbrVersion=\"13.0.1.180\" Version=\"1\" Description=\"Backup repository Backup Repository 01 has been deleted.\"]");
        assertClass(repository, 3004, 4);
        assertThat(repository.get("severity_id").asInt()).isEqualTo(3);
        assertThat(repository.at("/entity/type").asText()).isEqualTo("Backup Repository");
        assertThat(repository.at("/entity/name").asText()).isEqualTo("Backup Repository 01");
        assertThat(repository.at("/entity/uid").asText()).isEqualTo("ed8c61cc-77f0-4f40-b73e-8c92d4a6fb11");
        assertThat(repository.at("/actor/user/name").asText()).isEqualTo("TECH\\user1");

        // an encryption password changed (31700)
        JsonNode password =
                json(nxlog(31700, "INFORMATION", "Encryption password with hint 'offsite' has been updated."));
        assertClass(password, 3004, 3);
        assertThat(password.at("/entity/type").asText()).isEqualTo("Encryption Password");
        assertThat(password.get("severity_id").asInt()).isEqualTo(3);
    }

    @Test
    void jobSessionsAreScheduledJobActivityWithTheirResult() throws Exception {
        JsonNode failed = json(nxlog(
                190,
                "ERROR",
                "Backup job 'Nightly SQL' finished with Failed. Error: Failed to connect to host sql01.tech.local."));
        assertClass(failed, 1006, 99);
        assertThat(failed.at("/job/name").asText()).isEqualTo("Nightly SQL");
        assertStatus(failed, 2);
        assertThat(failed.get("severity_id").asInt()).isEqualTo(3);

        // Winlogbeat's shape of the same event, succeeded
        JsonNode success = json("""
                {"@timestamp":"2026-03-01T09:59:58.000Z","message":"Backup job 'Nightly SQL' finished with Success. All objects have been backed up successfully.",
                 "winlog":{"channel":"Veeam Backup","event_id":190,"provider_name":"Veeam MP","computer_name":"VBRSRV01.tech.local"}}""");
        assertProduct(success, PRODUCT);
        assertClass(success, 1006, 99);
        assertStatus(success, 1);
        assertThat(success.get("severity_id").asInt()).isEqualTo(1);

        // the reference's syslog example of event 110, started by a user
        JsonNode started = line(
                "<14>1 2025-11-20T14:32:51.289460+02:00 VBRSRV01 Veeam_MP - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=110 JobSessionID=\"c0d93abe-3adf-4397-b762-351b73acf7e1\""
                        + " JobID=\"c4415b30-de82-4403-8816-ea66636356e8\" JobType=\"0\" Platform=\"0\" Flags=\"1\" SourceType=\"2\""
                        + " VbrHostName=\"vbrsrv01.tech.local\" VbrVersion=\"13.0.1.180\" Version=\"1\""
                        + " Description=\"Backup job 'VMware Production servers backup' has been started by user TECH\\user1.\"]");
        assertClass(started, 1006, 6);
        assertThat(started.at("/job/name").asText()).isEqualTo("VMware Production servers backup");
        assertThat(started.at("/unmapped/JobID").asText()).isEqualTo("c4415b30-de82-4403-8816-ea66636356e8");
        assertThat(started.at("/actor/user/name").asText()).isEqualTo("TECH\\user1");

        // v12's lines, as its "How integration with Syslog Server works" page shows them: the parameters
        // right after the header, without the origin element, and a job started by its schedule
        JsonNode v12 = line(
                "<14>1 2023-11-03T13:30:25.182677+01:00 VBRSRV01 Veeam_MP - - [categoryId=0 instanceId=110"
                        + " JobSessionID=\"58df29d6-a21b-43b2-a397-4c44ed1e05c1\" JobID=\"cd13e656-8be9-445a-bf9e-513b24293d35\""
                        + " JobType=\"0\" Platform=\"0\" Flags=\"0\" Version=\"1\" Description=\"Backup job 'Backup Job 2' has been started.\"]");
        assertProduct(v12, PRODUCT);
        assertClass(v12, 1006, 6);
        assertThat(v12.at("/job/name").asText()).isEqualTo("Backup Job 2");
        assertThat(v12.at("/actor/user/name").isMissingNode()).isTrue();
        assertThat(v12.at("/device/hostname").asText()).isEqualTo("VBRSRV01");
    }

    @Test
    void consoleAndWebLogonsAreAuthentication() throws Exception {
        JsonNode denied = line(
                "<12>1 2025-12-05T18:57:34.193602-07:00 VBRSRV01 Veeam_Security - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=44002 SourceIpAddress=\"198.51.100.15\" ClientId=\"veeam-backup-web-ui\""
                        + " FriendlyName=\"veeamadmin\" Subject=\"UID-veeamadmin\" ResourceId=\"veeam-gateway-api-service\" RedirectUri=\"/\""
                        + " Reason=\"1\" VbrHostName=\"vbrsrv01\" VbrVersion=\"13.0.1.180\" Version=\"1\""
                        + " Description=\"Authorization request was denied: an authentication has failed.\"]");
        assertProduct(denied, PRODUCT);
        assertLogon(denied, 2, "veeamadmin", "198.51.100.15");
        assertThat(denied.get("status_detail").asText())
                .isEqualTo("Authorization request was denied: an authentication has failed.");

        JsonNode granted = line(
                "<14>1 2025-12-05T19:04:38.219437-07:00 VBRSRV01 Veeam_Security - - [origin enterpriseId=\"31023\"]"
                        + " [categoryId=0 instanceId=44003 SourceIpAddress=\"198.51.100.15\" ClientId=\"veeam-backup-web-ui\""
                        + " FriendlyName=\"veeamadmin\" Subject=\"UID-veeamadmin\" ResourceId=\"veeam-gateway-api-service\" RedirectUri=\"/\""
                        + " VbrHostName=\"vbrsrv01\" VbrVersion=\"13.0.1.180\" Version=\"1\" Description=\"Authorization was successful.\"]");
        assertLogon(granted, 1, "veeamadmin", "198.51.100.15");

        // event 40100 in an evtx dump, its parameters as the event's data
        JsonNode console = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Veeam MP"}},"EventID":40100,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-03-01T09:59:58.000000Z"}},"Channel":"Veeam Backup",
                 "Computer":"VBRSRV01.tech.local"},
                 "EventData":{"UserName":"TECH\\\\user1","VbrHostName":"vbrsrv01.tech.local","VbrVersion":"13.0.1.180","Version":"1",
                  "Description":"Veeam Backup & Replication console has been launched."}}}""");
        assertLogon(console, 1, "TECH\\user1", null);
        assertThat(console.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:59:58Z"));
    }

    @Test
    void otherChannelsAndProgramsAreNotClaimed() throws Exception {
        // a System log event with the same id as a Veeam job's end
        JsonNode system = json("""
                {"EventTime":"2026-03-01 09:59:58","Hostname":"VBRSRV01.tech.local","EventID":190,"SourceName":"Microsoft-Windows-Kernel-General",
                 "Channel":"System","Message":"The time zone information was refreshed with exit reason 1."}""");
        assertProduct(system, "Windows");

        // a Veeam program's line without the event's parameters (a relay's own text) is no Veeam event
        JsonNode other = line("<14>1 2026-03-01T09:59:58.000Z VBRSRV01 Veeam_MP - - - Syslog server test message");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);

        // another vendor's syslog carrying instanceId= in its text
        JsonNode vcenter =
                line("<14>1 2026-03-01T09:59:58.000Z vcsa01 vpxd 4242 - - [categoryId=0 instanceId=190] Event [1234]");
        assertThat(vcenter.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
